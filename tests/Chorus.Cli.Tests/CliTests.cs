using System.Text.Json;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Microsoft.Data.Sqlite;

namespace Chorus.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => Path.Combine(_tmp.Path, "c.db");

    private async Task IngestSamplesAsync()
        => Assert.Equal(0, (await CliRunner.RunAsync("ingest", CliRunner.RelativeSamples, "--db", Db)).ExitCode);

    [Fact]
    public async Task IngestJson_OnSamples_MatchesGolden()
    {
        var r = await CliRunner.RunAsync("ingest", CliRunner.RelativeSamples, "--db", Db, "--json");
        Assert.Equal(0, r.ExitCode);
        GoldenFile.Assert("ingest-samples.json", r.Stdout);
    }

    [Fact]
    public async Task StoriesJson_OnSamples_MatchesGolden_AndFollowsTheContract()
    {
        await IngestSamplesAsync();
        var r = await CliRunner.RunAsync("stories", "--db", Db, "--json");
        Assert.Equal(0, r.ExitCode);
        GoldenFile.Assert("stories-samples.json", r.Stdout);
        using var doc = JsonDocument.Parse(r.Stdout);
        foreach (var story in doc.RootElement.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, story.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.String, story.GetProperty("title").ValueKind);
            foreach (var a in story.GetProperty("articles").EnumerateArray())
            {
                foreach (var field in new[] { "id", "ref", "source", "date", "lang", "duplicateOf" })
                {
                    Assert.True(a.TryGetProperty(field, out _), $"ARTICLE_REF lacks '{field}'");
                }
            }
        }
    }

    [Fact]
    public async Task StoryMarkdown_ForTheSeeds_MatchesGolden()
    {
        await IngestSamplesAsync();
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement;
        var seeds = stories.EnumerateArray().Single(s => s.GetProperty("articles").EnumerateArray().Any(a => a.GetProperty("ref").GetString()!.EndsWith("000_aac5f5d0c02a0b02.txt", StringComparison.Ordinal)));
        var r = await CliRunner.RunAsync("story", seeds.GetProperty("id").GetString()!, "--db", Db, "--markdown");
        Assert.Equal(0, r.ExitCode);
        GoldenFile.Assert("story-seeds.md", r.Stdout);
    }

    // prepare keeps every story's document; story --json then reads the kept one, the same JSON (golden) it built
    // before; a second run has nothing to do.
    [Fact]
    public async Task Prepare_KeepsEveryStorysDocument_AndStoryJsonReadsTheSame()
    {
        await IngestSamplesAsync();
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var before = new List<string>();
        foreach (var id in stories)
        {
            before.Add((await CliRunner.RunAsync("story", id, "--db", Db, "--json")).Stdout);
        }

        var first = await CliRunner.RunAsync("prepare", "--db", Db, "--json", "--workers", "2");
        Assert.Equal(0, first.ExitCode);
        var report = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal((stories.Count, 0, 0), (report.GetProperty("kept").GetInt32(), report.GetProperty("notKept").GetInt32(), report.GetProperty("failed").GetInt32()));
        await using (var workspace = await ChorusWorkspace.OpenAsync(Db))
        {
            Assert.Empty(await workspace.Store.StoriesWithoutDocumentAsync(ChorusQueries.DocumentBuild, null, 10));
        }

        for (var i = 0; i < stories.Count; i++)
        {
            Assert.Equal(before[i], (await CliRunner.RunAsync("story", stories[i], "--db", Db, "--json")).Stdout);
        }

        var again = JsonDocument.Parse((await CliRunner.RunAsync("prepare", "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal(0, again.GetProperty("kept").GetInt32());
        var negative = await CliRunner.RunAsync("prepare", "--db", Db, "--limit", "-1");
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--limit -1", negative.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchClusters_ReportsTimeAndMemory_ForASyntheticStream()
    {
        var r = await CliRunner.RunAsync("bench", "clusters", CliRunner.RelativeSamples, "--articles", "600", "--per-day", "50", "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(600, doc.GetProperty("articles").GetInt32());
        Assert.True(doc.GetProperty("microsecondsPerArticle").GetDouble() > 0);
        Assert.InRange(doc.GetProperty("maxStoriesInMemory").GetInt32(), 1, 600);
        Assert.True(doc.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task BenchAnalysis_ReportsTimeAndAllocationPerStage()
    {
        var seed = Directory.GetFiles(CliRunner.RelativeSamples, "000_*.txt").Single();
        var r = await CliRunner.RunAsync("bench", "analysis", seed, "--runs", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        var perArticle = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("perArticle").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("kilobytes").GetDouble());
        Assert.Contains("entities", perArticle.Keys);
        Assert.True(perArticle["entities"] > 0 && perArticle["tokens"] > 0);
    }

    [Fact]
    public async Task BenchIngest_ReportsThroughput_AndTheSerialPartAsAShareOfCpu()
    {
        var r = await CliRunner.RunAsync("bench", "ingest", CliRunner.RelativeSamples, "--runs", "1", "--warmup", "0", "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.True(doc.GetProperty("articles").GetInt32() > 10);
        Assert.True(doc.GetProperty("medianArticlesPerSecond").GetDouble() > 0);
        // Figures say which young-generation budget they ran with (the launcher sets one; a direct run has the default).
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("gcGen0Size").GetString()));
        // Collections by the oldest generation they reached, one entry per timed run.
        var collections = Assert.Single(doc.GetProperty("gcCollectionsPerRun").EnumerateArray());
        Assert.All(new[] { "gen0", "gen1", "gen2" }, gen => Assert.True(collections.GetProperty(gen).GetInt32() >= 0));
        Assert.True(doc.GetProperty("serialCpuSeconds").GetDouble() > 0);
        Assert.InRange(doc.GetProperty("serialCpuShare").GetDouble(), 0.0001, 0.9999);
        var parts = doc.GetProperty("serialPartsMsPerArticle");
        Assert.True(parts.GetProperty("clustering").GetDouble() > 0);
        Assert.True(parts.GetProperty("commit").GetDouble() > 0);
    }

    // Two sizes in one run: each read's p50 and p99 at the larger one against the smaller one, side by side.
    [Fact]
    public async Task BenchArchive_WithTwoSizes_GivesEachReadsRatio()
    {
        var input = Path.Combine(CliRunner.RelativeSamples, "fixtures-dagblad-zuid.jsonl");
        var r = await CliRunner.RunAsync("bench", "archive", input, "--sizes", "200,100", "--clients", "2", "--requests", "1", "--no-prepare", "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        var reads = doc.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("read").GetString()).Distinct().ToList();
        var ratios = doc.GetProperty("ratios").EnumerateArray().ToList();
        Assert.Equal(reads, ratios.Select(e => e.GetProperty("read").GetString()).ToList());
        foreach (var ratio in ratios)
        {
            Assert.Equal(200, ratio.GetProperty("articles").GetInt32());
            Assert.Equal(100, ratio.GetProperty("againstArticles").GetInt32());
            var read = ratio.GetProperty("read").GetString();
            double P50(int size) => doc.GetProperty("results").EnumerateArray().Single(e => e.GetProperty("read").GetString() == read && e.GetProperty("articles").GetInt32() == size).GetProperty("p50Ms").GetDouble();
            // The times in the document are rounded to 0.01 ms; the ratio was taken before.
            var expected = P50(200) / P50(100);
            Assert.True(Math.Abs(expected - ratio.GetProperty("p50").GetDouble()) <= 0.02 + (0.02 * expected), $"{read}: {ratio.GetProperty("p50").GetDouble()} against {expected:0.000}");
        }
    }

    [Fact]
    public async Task BenchArchive_TimesEveryRead_AndKeepsTheArchiveWhenAsked()
    {
        var keep = Path.Combine(_tmp.Path, "archives");
        var input = Path.Combine(CliRunner.RelativeSamples, "fixtures-dagblad-zuid.jsonl");
        var r = await CliRunner.RunAsync("bench", "archive", input, "--sizes", "300", "--clients", "2", "--requests", "1", "--keep", keep, "--json");
        Assert.Equal(0, r.ExitCode);
        var results = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        var reads = results.Select(e => e.GetProperty("read").GetString()).ToList();
        Assert.All(results, e => Assert.Equal(0, e.GetProperty("timedOut").GetInt32()));
        Assert.Contains("entity page", reads);
        Assert.Contains("story list, filtered", reads);
        Assert.Contains("story list, filtered, new word", reads);
        // Reads are timed once the server says they are warm; how long that took is reported beside them.
        var startUp = Assert.Single(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("startUps").EnumerateArray());
        Assert.Equal(300, startUp.GetProperty("articles").GetInt32());
        Assert.True(startUp.GetProperty("readsWarmSeconds").GetDouble() >= 0);
        var kept = Path.Combine(keep, "300.db");
        var stories = await CliRunner.RunAsync("stories", "--db", kept, "--json");
        Assert.Equal(0, stories.ExitCode);
        Assert.NotEmpty(JsonDocument.Parse(stories.Stdout).RootElement.EnumerateArray());

        // An archive already kept is measured again as it is, never rebuilt or overwritten.
        var again = await CliRunner.RunAsync("bench", "archive", input, "--sizes", "300", "--clients", "1", "--requests", "1", "--keep", keep, "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("measuring the archive kept", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(reads, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("read").GetString()).ToList());
        Assert.DoesNotContain("built in", again.Stderr, StringComparison.Ordinal);

        // Kept by an older analyser, its reads would analyse again and time that: refused, not measured.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={kept};Pooling=False"))
        {
            connection.Open();
            using var older = connection.CreateCommand();
            older.CommandText = "UPDATE article_analysis SET version = version - 1 WHERE article_id = (SELECT MIN(article_id) FROM article_analysis)";
            Assert.Equal(1, older.ExecuteNonQuery());
        }

        var stale = await CliRunner.RunAsync("bench", "archive", input, "--sizes", "300", "--clients", "1", "--requests", "1", "--keep", keep, "--json");
        Assert.Equal(2, stale.ExitCode);
        Assert.Contains("another analyser version", stale.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchPages_TimesEveryMultiArticleStory_AsHtmlAndJson()
    {
        await IngestSamplesAsync();
        var r = await CliRunner.RunAsync("bench", "pages", "--db", Db, "--runs", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        var stories = doc.GetProperty("stories").GetInt32();
        Assert.True(stories >= 1);
        Assert.Equal(["story page (HTML)", "story (JSON)"], doc.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("read").GetString()));
        Assert.All(doc.GetProperty("results").EnumerateArray(), e => Assert.Equal(stories, e.GetProperty("requests").GetInt32()));
        Assert.Equal(doc.GetProperty("largestStoryArticles").GetInt32(), JsonDocument.Parse((await CliRunner.RunAsync("story", doc.GetProperty("largestStory").GetString()!, "--db", Db, "--json")).Stdout).RootElement.GetProperty("articles").GetArrayLength());
        Assert.False(doc.GetProperty("cold").GetBoolean());

        var cold = await CliRunner.RunAsync("bench", "pages", "--db", Db, "--runs", "1", "--cold", "--json");
        Assert.Equal(0, cold.ExitCode);
        Assert.True(JsonDocument.Parse(cold.Stdout).RootElement.GetProperty("cold").GetBoolean());

        var empty = await CliRunner.RunAsync("bench", "pages", "--db", Path.Combine(_tmp.Path, "empty.db"));
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no story with two or more articles", empty.Stderr, StringComparison.Ordinal);
    }

    // Labelled comparison stories are ingested together and compared as Chorus grouped them: a story split over two of
    // Chorus's stories loses what lies across the split. The same file scores the grouping itself.
    [Fact]
    public async Task EvalComparisonGrouped_ComparesTheStoriesChorusMade()
    {
        var file = _tmp.File("stories.txt", string.Join('\n',
            "=== story brand",
            "--- article t1 | Stadsblad | 2024-03-08 | nl",
            "[fire] Bij een brand in een grachtenpand aan de Keizersgracht in Amsterdam zijn vrijdagochtend twee mensen gewond geraakt.",
            "[up] De brandweer schaalde op naar grote brand.",
            "--- article t2 | Het Avondnieuws | 2024-03-08 | nl",
            "[fire] In de Amsterdamse binnenstad heeft vrijdag een grote brand gewoed in een pand aan de Keizersgracht, waarbij drie mensen gewond raakten.",
            "[up] De brandweer schaalde op.",
            "! number: 2 | 3",
            "",
            "=== story beker",
            "--- article c1 | Sportkrant | 2024-03-10 | nl",
            "[cup] Feyenoord heeft zondag de KNVB-beker gewonnen.",
            "--- article c2 | Weerbericht | 2024-03-10 | nl",
            "[cup] Het wordt morgen zonnig met een noordoostenwind."));
        var alone = await CliRunner.RunAsync("eval", "comparison", file, "--json");
        var grouped = await CliRunner.RunAsync("eval", "comparison", file, "--grouped", "--json");
        Assert.Equal(0, alone.ExitCode);
        Assert.Equal(0, grouped.ExitCode);
        var (a, g) = (JsonDocument.Parse(alone.Stdout).RootElement, JsonDocument.Parse(grouped.Stdout).RootElement);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("grouping").ValueKind);
        var grouping = g.GetProperty("grouping");
        Assert.Equal(4, grouping.GetProperty("items").GetInt32());
        Assert.Equal(2, grouping.GetProperty("goldClusters").GetInt32());
        Assert.Equal(3, grouping.GetProperty("predictedClusters").GetInt32());
        Assert.Equal(1, g.GetProperty("conflicts").GetProperty("truePositives").GetInt32());
        // The cup story's two sentences were labelled one claim; split apart, neither is shared.
        Assert.True(g.GetProperty("shared").GetProperty("truePositives").GetInt32() <= a.GetProperty("shared").GetProperty("truePositives").GetInt32());
        Assert.Contains(g.GetProperty("mistakes").EnumerateArray(), m => m.GetString()!.StartsWith("beker/c1 [cup] shared, predicted unique", StringComparison.Ordinal));

        var clusters = await CliRunner.RunAsync("eval", "clusters", "--gold", file, "--json");
        Assert.Equal(0, clusters.ExitCode);
        var c = JsonDocument.Parse(clusters.Stdout).RootElement;
        Assert.Equal(4, c.GetProperty("items").GetInt32());
        Assert.Equal(2, c.GetProperty("goldClusters").GetInt32());
        Assert.Equal(100, c.GetProperty("bcubed").GetProperty("precision").GetDouble());
    }

    [Fact]
    public async Task EvalClusters_ScoresAGoldFile()
    {
        var gold = _tmp.File("gold.jsonl", string.Join('\n',
            "{\"id\":\"a\",\"date\":\"2024-03-08\",\"text\":\"Bij een brand in een grachtenpand aan de Keizersgracht in Amsterdam zijn vrijdagochtend twee mensen gewond geraakt. De brandweer schaalde op naar grote brand.\",\"event\":\"fire\"}",
            "{\"id\":\"b\",\"date\":\"2024-03-08\",\"text\":\"In de Amsterdamse binnenstad heeft een grote brand gewoed in een pand aan de Keizersgracht. Twee mensen raakten gewond en de brandweer schaalde op.\",\"event\":\"fire\"}",
            "{\"id\":\"c\",\"date\":\"2024-03-10\",\"text\":\"Feyenoord heeft zondag de KNVB-beker gewonnen. In De Kuip werd NEC met 1-0 verslagen door een doelpunt in de tweede helft.\",\"event\":\"cup\"}"));
        var assignments = Path.Combine(_tmp.Path, "assignments.tsv");
        var r = await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--merge-threshold", "0.5", "--assignments", assignments, "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(3, doc.GetProperty("items").GetInt32());
        Assert.Equal(2, doc.GetProperty("goldClusters").GetInt32());
        Assert.Equal(100, doc.GetProperty("bcubed").GetProperty("f1").GetDouble());
        var lines = File.ReadAllLines(assignments);
        Assert.Equal("ref\tgold\tpredicted\ttitle\tscore\tshared", lines[0]);
        Assert.Equal(4, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(rows[0][2], rows[1][2]);
        Assert.NotEqual(rows[0][2], rows[2][2]);
        // Why: the first article opened the story, the second joined it on shared words.
        Assert.Equal("opened", rows[0][4]);
        Assert.True(double.Parse(rows[1][4], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("keizersgracht", rows[1][5], StringComparison.Ordinal);

        // The fitting knob reaches the clusterer: asked for more shared words than the articles have, nothing joins.
        var strict = await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--min-shared-evidence", "40", "--json");
        Assert.Equal(0, strict.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(strict.Stdout).RootElement.GetProperty("predictedClusters").GetInt32());

        // Knobs that switch a mechanism off take "inf"; a word that is no score is a usage error naming it.
        foreach (var knob in new[] { "--merge-threshold", "--anchor-floor" })
        {
            Assert.Equal(0, (await CliRunner.RunAsync("eval", "clusters", "--gold", gold, knob, "inf", "--json")).ExitCode);
            var bad = await CliRunner.RunAsync("eval", "clusters", "--gold", gold, knob, "soon", "--json");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("'soon' is not a score", bad.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StorySplitAndMerge_AreStored_AndRefusalsExitWithUsage()
    {
        await IngestSamplesAsync();
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement;
        var seeds = stories.EnumerateArray().Single(s => s.GetProperty("articles").EnumerateArray().Any(a => a.GetProperty("ref").GetString()!.EndsWith("000_aac5f5d0c02a0b02.txt", StringComparison.Ordinal)));
        var id = seeds.GetProperty("id").GetString()!;
        var second = seeds.GetProperty("articles")[1].GetProperty("id").GetString()!;

        var split = await CliRunner.RunAsync("story", "split", id, second, "--db", Db, "--json");
        Assert.Equal(0, split.ExitCode);
        var newStory = JsonDocument.Parse(split.Stdout).RootElement.GetProperty("story").GetString()!;
        var merge = await CliRunner.RunAsync("story", "merge", id, newStory, "--db", Db);
        Assert.Equal(0, merge.ExitCode);
        var story = JsonDocument.Parse((await CliRunner.RunAsync("story", newStory, "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal(id, story.GetProperty("id").GetString());
        Assert.Equal(2, story.GetProperty("corrections").GetArrayLength());

        // Undo, newest first: the merge, then the split; the story has both articles again, each correction marked.
        Assert.Equal(0, (await CliRunner.RunAsync("story", "undo", "--db", Db)).ExitCode);
        Assert.Equal(newStory, JsonDocument.Parse((await CliRunner.RunAsync("story", newStory, "--db", Db, "--json")).Stdout).RootElement.GetProperty("id").GetString());
        Assert.Equal(0, (await CliRunner.RunAsync("story", "undo", "--db", Db)).ExitCode);
        var restored = JsonDocument.Parse((await CliRunner.RunAsync("story", id, "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal(2, restored.GetProperty("articles").GetArrayLength());
        Assert.All(restored.GetProperty("corrections").EnumerateArray(), c => Assert.Equal(JsonValueKind.String, c.GetProperty("undoneAt").ValueKind));
        Assert.Equal(2, (await CliRunner.RunAsync("story", "undo", "--db", Db)).ExitCode);

        var refused = await CliRunner.RunAsync("story", "move", "no-such-article", "--to", id, "--db", Db);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no article 'no-such-article'; nothing was changed", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryJson_HasTheContractFields_WithOffsetsThatIndexTheArticleText()
    {
        await IngestSamplesAsync();
        var list = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement;
        var id = list[0].GetProperty("id").GetString()!;
        var story = JsonDocument.Parse((await CliRunner.RunAsync("story", id, "--db", Db, "--json", "--why")).Stdout).RootElement;
        foreach (var field in new[] { "id", "title", "articles", "entities", "claims", "conflicts", "timeline", "summary" })
        {
            Assert.True(story.TryGetProperty(field, out _), $"story lacks '{field}'");
        }

        var claim = story.GetProperty("claims")[0];
        var sentence = claim.GetProperty("sentences")[0];
        var article = JsonDocument.Parse((await CliRunner.RunAsync("article", sentence.GetProperty("article").GetString()!, "--db", Db, "--json")).Stdout).RootElement;
        var text = article.GetProperty("text").GetString()!;
        var (start, end) = (sentence.GetProperty("start").GetInt32(), sentence.GetProperty("end").GetInt32());
        Assert.Equal(sentence.GetProperty("text").GetString(), text[start..end]);
        foreach (var field in new[] { "sentences", "entities", "times", "quantities", "quotes" })
        {
            Assert.Equal(JsonValueKind.Array, article.GetProperty(field).ValueKind);
        }

        Assert.All(story.GetProperty("why").EnumerateArray(), w => Assert.Equal(JsonValueKind.Object, w.GetProperty("assignment").ValueKind));
    }

    [Fact]
    public async Task Entities_ListAndShow_FollowTheContract_AndMergeSplitAreCommands()
    {
        await IngestSamplesAsync();
        var list = JsonDocument.Parse((await CliRunner.RunAsync("entities", "--db", Db, "--json")).Stdout).RootElement;
        foreach (var field in new[] { "id", "name", "type", "variants", "articles" })
        {
            Assert.True(list[0].TryGetProperty(field, out _), $"entity lacks '{field}'");
        }

        var kim = JsonDocument.Parse((await CliRunner.RunAsync("entity", "Kim", "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal("Kim Jong-un", kim.GetProperty("name").GetString());
        Assert.Equal(2, kim.GetProperty("articles").GetArrayLength());
        Assert.Equal(2, (await CliRunner.RunAsync("entity", "Nobody Atall", "--db", Db)).ExitCode);

        // A near miss lists candidates and resolves nothing, for show, merge and split alike.
        var nearMiss = await CliRunner.RunAsync("entity", "Sjojgo", "--db", Db);
        Assert.Equal(2, nearMiss.ExitCode);
        var meant = JsonDocument.Parse((await CliRunner.RunAsync("entity", "Sjojgoe", "--db", Db, "--json")).Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.Contains(meant, nearMiss.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await CliRunner.RunAsync("entity", "merge", "Kim Jong-un", "Xyzzyq", "--db", Db)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("entity", "split", "Xyzzyq", "Kim", "--db", Db)).ExitCode);

        var before = (await CliRunner.RunAsync("entity", "Kim Jong-un", "--db", Db, "--json")).Stdout;
        var preview = await CliRunner.RunAsync("entity", "split", "Kim Jong-un", "Kim", "--dry-run", "--db", Db);
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("would split", preview.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, (await CliRunner.RunAsync("entity", "Kim Jong-un", "--db", Db, "--json")).Stdout);

        var split = await CliRunner.RunAsync("entity", "split", "Kim Jong-un", "Kim", "--db", Db);
        Assert.Equal(0, split.ExitCode);
        Assert.Contains("entity undo", split.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("entity", "merge", "Kim Jong-un", "Kim", "--db", Db)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("entity", "split", "Kim Jong-un", "Nonexistent", "--db", Db)).ExitCode);
        var log = JsonDocument.Parse((await CliRunner.RunAsync("entity", "corrections", "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal(["merge", "split"], log.EnumerateArray().Select(c => c.GetProperty("kind").GetString()));

        // Undo, newest first, restores the entity exactly; a third undo has nothing left and exits 2.
        Assert.Equal(0, (await CliRunner.RunAsync("entity", "undo", "--db", Db)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("entity", "undo", "--db", Db)).ExitCode);
        Assert.Equal(before, (await CliRunner.RunAsync("entity", "Kim Jong-un", "--db", Db, "--json")).Stdout);
        Assert.Equal(2, (await CliRunner.RunAsync("entity", "undo", "--db", Db)).ExitCode);
    }

    [Fact]
    public async Task Search_FindsTheSeedBySubmarines()
    {
        await IngestSamplesAsync();
        var r = await CliRunner.RunAsync("search", "onderzeeërs", "--db", Db, "--json");
        var hits = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("hits");
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.EndsWith("000_aac5f5d0c02a0b02.txt", hit.GetProperty("article").GetProperty("ref").GetString(), StringComparison.Ordinal);
        var snippet = hit.GetProperty("snippet").GetString()!;
        var h = hit.GetProperty("highlights")[0];
        Assert.Equal("onderzeeërs", snippet[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()]);
        var text = await CliRunner.RunAsync("search", "onderzeeërs", "--db", Db);
        Assert.Contains("**onderzeeërs**", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_PrintsTheStoriesTable_AndTheSideBySideViewOfTheLargestStory()
    {
        var r = await CliRunner.RunAsync("demo", "--samples", TestPaths.Samples);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("6 stories, 14 articles", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("reported by n independent sources", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Why these articles are one story", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("ingest")]
    [InlineData("stories --limit x")]
    [InlineData("ingest x.txt --format pdf")]
    public async Task UsageErrors_ExitWith2(string commandLine)
    {
        var r = await CliRunner.RunAsync([.. commandLine.Split(' '), "--db", Db]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("chorus:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedInputs_ExitWith1_AndAreListedWithTheirReason()
    {
        var bad = _tmp.File("bad.txt", " date 2023-13 Onmogelijk.");
        var r = await CliRunner.RunAsync("ingest", bad, Path.Combine(_tmp.Path, "missing.txt"), "--db", Db, "--json");
        Assert.Equal(1, r.ExitCode);
        var rejected = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("rejected");
        Assert.Equal(2, rejected.GetArrayLength());
        Assert.Contains("month 13", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("no such file or folder", rejected[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DatabaseThatIsNotSqlite_GivesAClearError_AndIsNotOverwritten()
    {
        var notes = _tmp.File("notes.db", "mijn aantekeningen");
        var r = await CliRunner.RunAsync("ingest", TestPaths.Seed000, "--db", notes);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a SQLite database", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("mijn aantekeningen", File.ReadAllText(notes));
    }

    [Fact]
    public async Task UnknownStoryOrArticle_ExitsWith2_WithAMessage()
    {
        await IngestSamplesAsync();
        Assert.Equal(2, (await CliRunner.RunAsync("story", "nope", "--db", Db)).ExitCode);
        var r = await CliRunner.RunAsync("article", "nope", "--db", Db);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no article 'nope'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_IsReadWithDash_AndSourceFillsTheOutlet()
    {
        using var p = CliRunner.Start(File.ReadAllText(TestPaths.Seed002), "ingest", "-", "--source", "AD", "--db", Db, "--json");
        var stdout = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("ingested").GetInt32());
        var article = JsonDocument.Parse((await CliRunner.RunAsync("article", "-", "--db", Db, "--json")).Stdout).RootElement;
        Assert.Equal("AD", article.GetProperty("source").GetString());
        Assert.Equal("2023-09", article.GetProperty("date").GetString());
    }

    // The CLI shows a conflict's words and what they resolve to, as the web page does.
    [Fact]
    public async Task Story_ShowsAConflictsWords_AndTheValuesTheyResolveTo()
    {
        var file = Path.Combine(_tmp.Path, "two.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            "{\"id\": \"x1\", \"date\": \"2024-05-20\", \"source\": \"Zuiderkrant\", \"text\": \"Een tankwagen is op de A2 bij Weert ontploft. Volgens de brandweer kwamen zeker negen mensen om het leven.\"}",
            "{\"id\": \"x2\", \"date\": \"2024-05-20\", \"source\": \"Limburgse Post\", \"text\": \"Een tankwagen is op de A2 bij Weert ontploft. Volgens de politie kwamen vier mensen om het leven.\"}",
        ]);
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", file, "--db", Db)).ExitCode);
        var stories = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement;
        var id = stories.EnumerateArray().Single(s => s.GetProperty("articles").GetArrayLength() == 2).GetProperty("id").GetString()!;
        var r = await CliRunner.RunAsync("story", id, "--db", Db);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Sources disagree", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"negen mensen\" = 9 mensen", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"vier mensen\" = 4 mensen", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillingTheProcessDuringIngest_LeavesAStoreThatOpensWithOnlyWholeArticles()
    {
        var big = Path.Combine(_tmp.Path, "big.jsonl");
        await File.WriteAllLinesAsync(big, Enumerable.Range(0, 40_000).Select(i =>
            $"{{\"id\": \"k{i}\", \"date\": \"2024-03-{1 + (i % 28):D2}\", \"source\": \"Bron {i % 7}\", \"text\": \"Bericht {i} gaat over onderwerp {i % 300} in plaats {i % 91}. Nummer {i} van de reeks, met nog {i % 13} woorden extra.\"}}"));
        using var p = CliRunner.Start(null, "ingest", big, "--db", Db);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        long seen = 0;
        while (seen == 0 && DateTime.UtcNow < deadline && !p.HasExited)
        {
            await Task.Delay(100);
            seen = CountCommitted();
        }

        Assert.False(p.HasExited, "the ingest finished before it could be killed; make the input larger");
        p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();

        var reopened = await CliRunner.RunAsync("stories", "--db", Db, "--json");
        Assert.Equal(0, reopened.ExitCode);
        var stories = JsonDocument.Parse(reopened.Stdout).RootElement;
        var inStories = stories.EnumerateArray().Sum(s => s.GetProperty("articles").GetArrayLength());
        var committed = CountCommitted();
        Assert.True(committed > 0 && committed < 40_000, $"{committed} committed");
        Assert.Equal(committed, inStories);
        Assert.Equal(0, committed % 256);
        using var c = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
    }

    private long CountCommitted()
    {
        if (!File.Exists(Db))
        {
            return 0;
        }

        try
        {
            using var c = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=false");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    [Theory]
    [InlineData("NOT")]
    [InlineData("AND OR NOT")]
    [InlineData("/(.*){6000}/")]
    public async Task Search_AQueryThatCannotBeSearched_IsOneLineAndExit2(string query)
    {
        await IngestSamplesAsync();
        var r = await CliRunner.RunAsync("search", query, "--db", Db);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("chorus search: ", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Db_InAFolderThatDoesNotExist_IsAUsageError_AndCreatesNothing()
    {
        var db = Path.Combine(_tmp.Path, "typo", "dir", "x.db");
        var r = await CliRunner.RunAsync("stories", "--db", db);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_tmp.Path, "typo")));
    }

    [Fact]
    public async Task Serve_OnABusyPort_IsOneLineAndExit2()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var r = await CliRunner.RunAsync("serve", "--db", Db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("address already in use", r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_OfAnAbsolutePath_StoresNoAbsolutePath_AndTheArticleIsFoundByIt()
    {
        var folder = Path.Combine(_tmp.Path, "news");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "a.txt");
        await File.WriteAllTextAsync(file, " date 2023-09-12\n\nDe brand in de haven van Rotterdam is dinsdag geblust.");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", folder, "--db", Db)).ExitCode);
        var stories = (await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout;
        Assert.DoesNotContain(_tmp.Path, stories, StringComparison.Ordinal);
        Assert.Contains("\"news/a.txt\"", stories, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("article", file, "--db", Db, "--json")).ExitCode);
    }

    // No list is cut without saying so, and without --limit nothing is cut at all.
    [Fact]
    public async Task Lists_ShowEverything_OrSayHowManyAreNotShown()
    {
        await IngestSamplesAsync();
        var all = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stdout).RootElement;
        var total = all.GetArrayLength();
        Assert.True(total > 3);
        var paged = await CliRunner.RunAsync("stories", "--db", Db, "--json", "--limit", "2", "--page", "2");
        Assert.Equal(2, JsonDocument.Parse(paged.Stdout).RootElement.GetArrayLength());
        Assert.Equal(all[2].GetProperty("id").GetString(), JsonDocument.Parse(paged.Stdout).RootElement[0].GetProperty("id").GetString());
        Assert.Contains($"showing 2 of {total} stories (page 2)", paged.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("showing", (await CliRunner.RunAsync("stories", "--db", Db, "--json")).Stderr, StringComparison.Ordinal);
        var table = await CliRunner.RunAsync("stories", "--db", Db, "--limit", "1");
        Assert.Contains($"showing 1 of {total} stories", table.Stdout, StringComparison.Ordinal);

        var multi = JsonDocument.Parse((await CliRunner.RunAsync("stories", "--db", Db, "--json", "--min-sources", "2", "--sort", "sources")).Stdout).RootElement;
        Assert.All(multi.EnumerateArray(), s => Assert.True(s.GetProperty("sources").GetInt32() >= 2));
        Assert.Equal(multi.EnumerateArray().Select(s => s.GetProperty("sources").GetInt32()).OrderDescending(), multi.EnumerateArray().Select(s => s.GetProperty("sources").GetInt32()));
        Assert.Equal(2, (await CliRunner.RunAsync("stories", "--db", Db, "--since", "2023-13")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("stories", "--db", Db, "--sort", "oldest")).ExitCode);

        var entities = await CliRunner.RunAsync("entities", "--db", Db, "--json", "--limit", "3");
        Assert.Equal(3, JsonDocument.Parse(entities.Stdout).RootElement.GetArrayLength());
        Assert.Matches("showing 3 of [0-9,]+ entities", entities.Stderr);

        var search = JsonDocument.Parse((await CliRunner.RunAsync("search", "Kim OR brand OR Rotterdam", "--db", Db, "--json", "--limit", "1")).Stdout).RootElement;
        Assert.Equal(1, search.GetProperty("hits").GetArrayLength());
        Assert.True(search.GetProperty("total").GetInt32() > 1);
    }
}
