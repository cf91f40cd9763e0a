using System.Text.Json;
using Chorus.Storage.Tests;

namespace Chorus.Cli.Tests;

/// <summary>
/// Two real processes writing one SQLite store: they take turns on the store's write lock, so the result is that
/// of running them one after the other (in the order the lock was granted), with the search index whole.
/// </summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task TwoIngestProcessesAtOnce_GiveTheStoriesAndEntitiesOfOneRunAfterTheOther()
    {
        await using var host = new SqliteHost();
        await TwoWritersAtOnceAsync(host);
    }

    [SkippableFact]
    public async Task TwoIngestProcessesAtOnce_OnPostgres_GiveTheStoriesAndEntitiesOfOneRunAfterTheOther()
    {
        await using var host = new PostgresHost();
        await TwoWritersAtOnceAsync(host);
    }

    [Fact]
    public async Task AWriterKilledMidRun_ThenRunAgain_GivesTheResultOfOneUninterruptedRun()
    {
        await using var host = new SqliteHost();
        await KilledAndResumedAsync(host);
    }

    [SkippableFact]
    public async Task AWriterKilledMidRun_OnPostgres_ThenRunAgain_GivesTheResultOfOneUninterruptedRun()
    {
        await using var host = new PostgresHost();
        await KilledAndResumedAsync(host);
    }

    // The real corpus: its stories, entities and search index after a kill -9 and a second run equal one run's.
    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task ADpgIngestKilledMidRun_ThenRunAgain_GivesTheStoriesOfOneRun()
    {
        await using var host = new SqliteHost();
        // Exit 1: four of its records have no text and are rejected, in both runs.
        await KilledAndResumedAsync(host, Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl"), articles: 1434, exitCode: 1);
    }

    // kill -9 after the first committed batches: the open batch rolls back, the lock goes with the process, and the
    // same command run again stores what is missing, so that the store ends as one run would have left it. 6,000 small
    // articles, so that a fast run is still going when its first batch is seen (3,000 were once all stored first).
    private async Task KilledAndResumedAsync(StoreHost host, string? input = null, int articles = 6000, int exitCode = 0)
    {
        input ??= WriteInput("k.jsonl", 0, articles);
        var killed = await host.DbAsync("killed.db");
        using (var p = CliRunner.Start(null, "ingest", input, "--db", killed))
        {
            Assert.InRange(await KillOnceStoredAsync(p, killed), 1, articles - 1);
        }

        Assert.Equal(exitCode, (await CliRunner.RunAsync("ingest", input, "--db", killed)).ExitCode);
        var once = await host.DbAsync("once.db");
        Assert.Equal(exitCode, (await CliRunner.RunAsync("ingest", input, "--db", once)).ExitCode);
        Assert.Equal(await SnapshotAsync(once), await SnapshotAsync(killed));
    }

    [Fact]
    public async Task WorkersSharingOneInput_OneKilled_GiveTheResultOfOneRun()
    {
        await using var host = new SqliteHost();
        await SharedWorkersAsync(host);
    }

    [SkippableFact]
    public async Task WorkersSharingOneInput_OnPostgres_OneKilled_GiveTheResultOfOneRun()
    {
        await using var host = new PostgresHost();
        await SharedWorkersAsync(host);
    }

    // Three chunks of input: two workers started with --workers 2 give one run's result; two --worker processes of
    // which one is killed once something is stored give it too, the other taking over what the dead one held.
    private async Task SharedWorkersAsync(StoreHost host)
    {
        var input = WriteInput("w.jsonl", 0, articles: 2500);
        var once = await host.DbAsync("once.db");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", input, "--db", once)).ExitCode);
        var expected = await SnapshotAsync(once);

        var two = await host.DbAsync("two.db");
        var together = await CliRunner.RunAsync("ingest", input, "--db", two, "--workers", "2");
        Assert.True(together.ExitCode == 0, together.Stderr);
        // Each worker says what share of its CPU time it spent under the store's write lock (issue 20).
        Assert.Contains("serial part (under the store's write lock): CPU ", together.Stderr, StringComparison.Ordinal);
        Assert.Equal(expected, await SnapshotAsync(two));

        var killed = await host.DbAsync("killed.db");
        using var survivor = CliRunner.Start(null, "ingest", input, "--db", killed, "--worker");
        using (var victim = CliRunner.Start(null, "ingest", input, "--db", killed, "--worker"))
        {
            Assert.InRange(await KillOnceStoredAsync(victim, killed), 1, 2499);
        }

        var error = survivor.StandardError.ReadToEndAsync();
        await survivor.StandardOutput.ReadToEndAsync();
        await survivor.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(survivor.ExitCode == 0, await error);
        Assert.Equal(expected, await SnapshotAsync(killed));
    }

    // kill -9 of a running ingest as soon as its first batch is committed; the articles stored by then. Fails when the
    // process ended first, since a test that kills nothing shows nothing.
    private static async Task<int> KillOnceStoredAsync(System.Diagnostics.Process process, string db)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var stored = 0;
        while (stored == 0 && DateTime.UtcNow < deadline && !process.HasExited)
        {
            // Short polls: a fast machine stores several batches of small articles per second.
            await Task.Delay(25);
            await using var ws = await Chorus.Storage.ChorusWorkspace.OpenAsync(db);
            stored = await ws.Store.CountArticlesAsync();
        }

        Assert.False(process.HasExited, "the ingest finished before it could be killed; make the input larger");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return stored;
    }

    private async Task TwoWritersAtOnceAsync(StoreHost host)
    {
        var a = WriteInput("a.jsonl", 0);
        var b = WriteInput("b.jsonl", 1);

        var concurrent = await host.DbAsync("concurrent.db");
        using var first = CliRunner.Start(null, "ingest", a, "--db", concurrent);
        using var second = CliRunner.Start(null, "ingest", b, "--db", concurrent);
        var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync());
        await Task.WhenAll(first.StandardOutput.ReadToEndAsync(), second.StandardOutput.ReadToEndAsync());
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, string.Join("\n", errors));
        // The runs overlapped (else this test shows nothing): one of them waited, and said so.
        Assert.Single(errors, e => e.Contains("waiting for the store's write lock", StringComparison.Ordinal));

        var aThenB = await SequentialAsync(await host.DbAsync("ab.db"), a, b);
        var bThenA = await SequentialAsync(await host.DbAsync("ba.db"), b, a);
        var got = await SnapshotAsync(concurrent);
        Assert.True(got == aThenB || got == bThenA, "the concurrent result equals neither order of sequential runs");
    }

    [Fact]
    public async Task AWorkersJson_ReportsItsSerialPart_AndAPlainIngestsDoesNot()
    {
        var input = WriteInput("s.jsonl", 0, articles: 300);
        var worker = await CliRunner.RunAsync("ingest", input, "--db", Path.Combine(_tmp.Path, "worker.db"), "--worker", "--json");
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        using (var doc = JsonDocument.Parse(worker.Stdout))
        {
            var serial = doc.RootElement.GetProperty("serial");
            var (cpu, total, share) = (serial.GetProperty("cpuSeconds").GetDouble(), serial.GetProperty("workerCpuSeconds").GetDouble(), serial.GetProperty("cpuShare").GetDouble());
            // Part of the worker's CPU time, not all of it: analysis ran outside the lock.
            Assert.InRange(cpu, 1e-6, total);
            // The share is of the unrounded times; the seconds are each rounded to 1 ms, which moves their ratio by up to
            // about 1 ms over the total.
            var slack = (0.001 / total) + 0.0001;
            Assert.InRange(share, (cpu / total) - slack, (cpu / total) + slack);
            var parts = serial.GetProperty("partsMsPerArticle");
            // Every worker reads again what earlier chunks stored; the writer's parts are all there.
            Assert.True(parts.GetProperty("reload").GetDouble() > 0);
            Assert.True(parts.GetProperty("clustering").GetDouble() > 0);
            Assert.True(parts.GetProperty("commit").GetDouble() > 0);
        }

        var plain = await CliRunner.RunAsync("ingest", input, "--db", Path.Combine(_tmp.Path, "plain.db"), "--json");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        using var plainDoc = JsonDocument.Parse(plain.Stdout);
        Assert.False(plainDoc.RootElement.TryGetProperty("serial", out _));
    }

    [Fact]
    public async Task ADamagedSearchIndex_IsRebuilt_AndNeverStopsOtherCommands()
    {
        var db = Path.Combine(_tmp.Path, "d.db");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", CliRunner.RelativeSamples, "--db", db)).ExitCode);
        var before = await CliRunner.RunAsync("search", "Vladivostok", "--db", db, "--json");
        foreach (var file in Directory.EnumerateFiles(db + ".search").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            // Torn writes: every file of the index cut to half its length.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
            stream.SetLength(stream.Length / 2);
        }

        Assert.Equal(0, (await CliRunner.RunAsync("stories", "--db", db)).ExitCode);
        var after = await CliRunner.RunAsync("search", "Vladivostok", "--db", db, "--json");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(before.Stdout, after.Stdout);
    }

    private static async Task<string> SequentialAsync(string db, string firstInput, string secondInput)
    {
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", firstInput, "--db", db)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", secondInput, "--db", db)).ExitCode);
        return await SnapshotAsync(db);
    }

    // Stories as sets of article refs, entities with their mention counts, and what the search index finds.
    private static async Task<string> SnapshotAsync(string db)
    {
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", db, "--json")).Stdout).RootElement;
        var groups = stories.EnumerateArray()
            .Select(s => string.Join(",", s.GetProperty("articles").EnumerateArray().Select(x => x.GetProperty("ref").GetString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        var entities = JsonDocument.Parse((await CliRunner.RunAsync("entities", "--db", db, "--json", "--limit", "100000")).Stdout).RootElement;
        var names = entities.EnumerateArray()
            .Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("name").GetString()} {e.GetProperty("mentions").GetInt32()}")
            .Order(StringComparer.Ordinal);
        var search = await CliRunner.RunAsync("search", "gemeenteraad", "--db", db, "--json", "--limit", "100000");
        var hits = JsonDocument.Parse(search.Stdout).RootElement;
        var found = (hits.ValueKind == JsonValueKind.Array ? hits : hits.GetProperty("hits")).GetArrayLength();
        return string.Join("\n", groups) + "\n--\n" + string.Join("\n", names) + "\n--\n" + found;
    }

    // Articles on a shared set of topics, people and places, so both runs touch the same stories and entities.
    private string WriteInput(string name, int part, int articles = 1200)
    {
        string[] people = ["Jan Jansen", "Petra de Vries", "Ahmed Bakker", "Sanne Visser", "Kees Smit"];
        string[] places = ["Utrecht", "Zwolle", "Groningen", "Tilburg", "Breda", "Delft"];
        string[] topics = ["de nieuwe brug", "het zwembad", "de bibliotheek", "het busstation", "de windmolens", "het stadhuis", "de haven"];
        var lines = Enumerable.Range(0, articles).Select(i =>
        {
            var n = i * 2 + part;
            var topic = topics[n % topics.Length];
            var place = places[n % places.Length];
            var person = people[n % people.Length];
            var text = $"Wethouder {person} van {place} heeft de gemeenteraad op dinsdag ingelicht over {topic}. " +
                       $"Volgens {person} kost het project {(n % 40) + 2} miljoen euro en is het in {2025 + (n % 3)} klaar. " +
                       $"Bewoners van {place} reageerden verdeeld op de plannen voor {topic}; bericht {n}.";
            return JsonSerializer.Serialize(new { id = $"{name}-{n}", date = $"2024-05-{1 + (n % 20):D2}", source = $"Krant {n % 4}", text });
        });
        var path = Path.Combine(_tmp.Path, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
