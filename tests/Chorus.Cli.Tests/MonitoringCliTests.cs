using System.Text.Json;

namespace Chorus.Cli.Tests;

/// <summary>The monitoring commands as a user runs them: export, outlets, watch, watchlists and alerts.</summary>
public sealed class MonitoringCliTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => Path.Combine(_tmp.Path, "c.db");

    [Fact]
    public async Task Export_WritesEachFormat_PrintsItsSchema_AndRefusesWhatItCannotDo()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", CliRunner.RelativeSamples, "--db", Db)).ExitCode);
        var csv = Path.Combine(_tmp.Path, "a.csv");
        var r = await CliRunner.RunAsync("export", "articles", "--format", "csv", "--out", csv, "--db", Db);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("exported 14 articles rows as csv", r.Stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(15, lines.Length);
        // The seeds name no outlet: "unknown outlet", never their file names.
        var seedRows = lines.Where(l => l.Contains("_aac5f5d0c02a0b02.txt", StringComparison.Ordinal) || l.Contains("_79b112c5e57ff094.txt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, seedRows.Count);
        Assert.All(seedRows, l => Assert.Equal("unknown outlet", l.Split(',')[2]));
        Assert.Equal(0, (await CliRunner.RunAsync("export", "stories", "--format", "parquet", "--out", Path.Combine(_tmp.Path, "s.parquet"), "--db", Db)).ExitCode);
        Assert.Empty(Directory.GetFiles(_tmp.Path, "*.part-*"));

        var jsonl = await CliRunner.RunAsync("export", "stories", "--db", Db);
        Assert.Equal(6, jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());

        var schema = await CliRunner.RunAsync("export", "articles", "--schema");
        Assert.StartsWith("article_id\ttext\t", schema.Stdout, StringComparison.Ordinal);
        Assert.Contains("figures\ttext\t", schema.Stdout, StringComparison.Ordinal);

        Assert.Equal(2, (await CliRunner.RunAsync("export", "users", "--db", Db)).ExitCode);
        Assert.Contains("--out", (await CliRunner.RunAsync("export", "stories", "--format", "parquet", "--db", Db)).Stderr, StringComparison.Ordinal);
        Assert.Contains("no such story", (await CliRunner.RunAsync("export", "claims", "--story", "nope", "--db", Db)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_Once_IngestsAFolder_StreamsJson_AndAWatchlistAlertsOnce()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox")).FullName;
        var add = await CliRunner.RunAsync("watchlist", "add", "fire", "--entity", "Keizersgracht", "--min-sources", "3", "--breaking", "10", "--db", Db);
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("no entity 'Keizersgracht' in the store yet", add.Stderr, StringComparison.Ordinal);
        var reports = Directory.GetFiles(TestPaths.Samples, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Where(l => l.Contains("Keizersgracht", StringComparison.Ordinal)).ToList();
        File.WriteAllLines(Path.Combine(inbox, "a.jsonl"), reports.Take(2));

        var first = await CliRunner.RunAsync("watch", inbox, "--once", "--json", "--db", Db);
        Assert.Equal(0, first.ExitCode);
        using (var poll = JsonDocument.Parse(first.Stdout.Trim()))
        {
            Assert.Equal("read", poll.RootElement.GetProperty("outcome").GetString());
            Assert.Equal(2, poll.RootElement.GetProperty("stored").GetInt32());
            // Two sources already disagree on the injured ("Drie mensen raakten gewond, van wie één ernstig", "twee
            // bewoners gewond"): a conflict alert, whatever the watchlist's minimum of sources for the story to appear.
            Assert.Equal(1, poll.RootElement.GetProperty("alerts").GetInt32());
        }

        var alertsFile = Path.Combine(_tmp.Path, "alerts.jsonl");
        File.WriteAllLines(Path.Combine(inbox, "b.jsonl"), reports.Skip(2));
        var second = await CliRunner.RunAsync("watch", inbox, "--once", "--alerts-file", alertsFile, "--db", Db);
        // The story appears with its third source; the disagreement on the injured was already raised.
        Assert.Contains("ALERT #2 [fire] appeared", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[fire] conflict", second.Stderr, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(alertsFile));
        var unchanged = await CliRunner.RunAsync("watch", inbox, "--once", "--db", Db);
        Assert.Contains(": unchanged; next poll", unchanged.Stderr, StringComparison.Ordinal);

        var alerts = JsonDocument.Parse((await CliRunner.RunAsync("alerts", "--json", "--db", Db)).Stdout).RootElement;
        Assert.Equal(2, alerts.GetArrayLength());
        // Each alert says how many independent sources the story had when it fired.
        Assert.Equal(
            ["appeared:3", "conflict:2"],
            alerts.EnumerateArray().Select(a => a.GetProperty("kind").GetString() + ":" + a.GetProperty("sources").GetInt32()).Order(StringComparer.Ordinal));
        Assert.Contains("acknowledged 2", (await CliRunner.RunAsync("alerts", "ack", "--all", "--db", Db)).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse((await CliRunner.RunAsync("alerts", "--json", "--db", Db)).Stdout).RootElement.GetArrayLength());
        Assert.Contains("fire", (await CliRunner.RunAsync("watchlist", "list", "--db", Db)).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("watchlist", "remove", "fire", "--db", Db)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("watchlist", "remove", "fire", "--db", Db)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("watchlist", "add", "x", "--db", Db)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("watch", Path.Combine(_tmp.Path, "missing"), "--db", Db)).ExitCode);
        var badSources = Path.Combine(_tmp.Path, "s.json");
        File.WriteAllText(badSources, "{\"watch\": [{\"source\": \"inbox\", \"interval\": \"soon\"}]}");
        Assert.Contains("s.json: watch[0].interval:", (await CliRunner.RunAsync("watch", "--sources", badSources, "--db", Db)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_CutAtTheLimit_SaySo()
    {
        await using (var ws = await Chorus.Storage.ChorusWorkspace.OpenAsync(Db))
        {
            foreach (var key in new[] { "a", "b" })
            {
                await ws.Monitoring.AddAlertAsync(new Chorus.Core.Monitoring.Alert(0, key, "w", "s" + key, Chorus.Core.Monitoring.AlertKind.Appeared, "T", "M", 1, DateTimeOffset.UtcNow));
            }
        }

        Assert.Contains("showing the newest 1 alerts", (await CliRunner.RunAsync("alerts", "--limit", "1", "--db", Db)).Stdout, StringComparison.Ordinal);
        var json = await CliRunner.RunAsync("alerts", "--limit", "1", "--json", "--db", Db);
        Assert.Equal(1, JsonDocument.Parse(json.Stdout).RootElement.GetArrayLength());
        Assert.Contains("showing the newest 1 alerts", json.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("showing", (await CliRunner.RunAsync("alerts", "--limit", "2", "--db", Db)).Stdout, StringComparison.Ordinal);
    }

    [SharedDataFact("dpg2019/labels.jsonl")]
    public async Task Dpg_WithItsLabelsJoined_ShowsRealOutletNames_NeverFileNamesOrIds()
    {
        var data = Path.Combine(TestPaths.SharedData, "dpg2019");
        var ingest = await CliRunner.RunAsync("ingest", Path.Combine(data, "articles.jsonl"), "--join", Path.Combine(data, "labels.jsonl"), "--sources", Path.Combine(TestPaths.Samples, "sources", "dpg.json"), "--db", Db);
        Assert.Equal(1, ingest.ExitCode);
        var outlets = JsonDocument.Parse((await CliRunner.RunAsync("outlets", "--json", "--db", Db)).Stdout).RootElement.EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("owner").GetString());
        Assert.Equal(11, outlets.Count);
        Assert.All(outlets.Values, owner => Assert.Equal("DPG Media", owner));
        Assert.Contains("de Volkskrant", outlets.Keys);
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--json", "--db", Db)).Stdout).RootElement;
        var shown = stories.EnumerateArray().SelectMany(s => s.GetProperty("outlets").EnumerateArray()).Select(o => o.GetString()!).Distinct().ToList();
        Assert.Contains("unknown outlet", shown);
        Assert.All(shown, name => Assert.True(name == "unknown outlet" || outlets.ContainsKey(name), name));
    }
}
