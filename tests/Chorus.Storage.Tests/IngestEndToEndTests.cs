using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

public sealed class IngestEndToEndTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private Task<ChorusWorkspace> OpenAsync(string name = "c.db") => ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, name));

    private static Task<IngestReport> IngestAsync(ChorusWorkspace ws, IEnumerable<string> paths, ReadOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var pipeline = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        var inputs = ArticleInputReader.Expand(paths).SelectMany(e => e.Problem is { } p
            ? [ReadResult.Rejected(p.Input, p.Reason)]
            : ArticleInputReader.ReadFile(e.File!, options ?? new ReadOptions()));
        return pipeline.RunAsync(inputs, progress, ct);
    }

    [Fact]
    public async Task Samples_GroupExactlyAsExpected_AndTheSeedsShareOneStory()
    {
        await using var ws = await OpenAsync();
        var report = await IngestAsync(ws, [TestPaths.Samples]);
        Assert.Empty(report.Rejected);
        Assert.Equal(14, report.Ingested);

        var expected = File.ReadAllLines(Path.Combine(TestPaths.Samples, "expected-stories.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var stories = await ws.Store.ListStoriesAsync();
        var predicted = stories.Select(s => s.Articles.Select(a => expected[Path.GetFileName(a.Ref)]).ToHashSet()).ToList();
        // Every story holds one event, and every event is one story.
        Assert.All(predicted, events => Assert.Single(events));
        Assert.Equal(expected.Values.Distinct().Count(), stories.Count);

        var seeds = stories.Single(s => s.Articles.Any(a => a.Ref.EndsWith("000_aac5f5d0c02a0b02.txt", StringComparison.Ordinal)));
        Assert.Equal(2, seeds.Articles.Count);
    }

    [Fact]
    public async Task Reingest_IsANoOpReportedAsDuplicates()
    {
        await using var ws = await OpenAsync();
        await IngestAsync(ws, [TestPaths.Samples]);
        var storiesBefore = (await ws.Store.ListStoriesAsync()).Count;
        var again = await IngestAsync(ws, [TestPaths.Samples]);
        Assert.Equal(0, again.Ingested);
        Assert.Equal(14, again.Duplicates);
        Assert.Equal(14, await ws.Store.CountArticlesAsync());
        Assert.Equal(storiesBefore, (await ws.Store.ListStoriesAsync()).Count);
    }

    [Fact]
    public async Task NearCopyFromAnotherOutlet_IsStoredAsDuplicateOf_TheFirst_InItsStory()
    {
        await using var ws = await OpenAsync();
        var seed = File.ReadAllText(TestPaths.Seed000);
        var wire = _tmp.File("wire/nos.txt", seed);
        var regional = _tmp.File("wire/regio.txt", seed.Replace("Ook in Vladivostok zou veel politie op de been zijn.", "Ook in Vladivostok is veel politie op de been.", StringComparison.Ordinal));
        var r1 = await IngestAsync(ws, [wire], new ReadOptions { Source = "NOS" });
        var r2 = await IngestAsync(ws, [regional], new ReadOptions { Source = "Regio" });
        Assert.Equal(1, r2.NearDuplicates);
        var first = (await ws.Store.FindArticleAsync(r1.StoredIds[0]))!;
        var copy = (await ws.Store.FindArticleAsync(r2.StoredIds[0]))!;
        Assert.Equal(first.Id, copy.DuplicateOf);
        Assert.Equal(first.StoryId, copy.StoryId);
        var story = (await ws.Store.FindStoryAsync(first.StoryId!))!;
        Assert.Equal(1, Chorus.Core.Contracts.ContractMapper.IndependentSources(story.Articles));
    }

    [Fact]
    public async Task BadInputs_AreRejectedOneByOne_WhileTheRestIsIngested()
    {
        await using var ws = await OpenAsync();
        var folder = Path.Combine(_tmp.Path, "in");
        _tmp.File("in/good.txt", " date 2024-03-08 Een goed artikel over de brand aan de Keizersgracht.");
        _tmp.File("in/nodate.txt", "Een artikel zonder datumkop.");
        _tmp.File("in/baddate.txt", " date 2023-13 Onmogelijke maand.");
        _tmp.File("in/empty.txt", string.Empty);
        _tmp.Bytes("in/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]);
        _tmp.File("in/feed.jsonl", "{\"text\": \"Eerste record.\", \"date\": \"2024-03-08\"}\n{kapot\n{\"title\": \"Alleen een kop\", \"date\": \"2024-03-09\"}\n");
        var report = await IngestAsync(ws, [folder, Path.Combine(_tmp.Path, "missing.txt")]);
        Assert.Equal(4, report.Ingested);
        Assert.Equal(
            ["baddate.txt", "binary.txt", "empty.txt", "feed.jsonl:2", "missing.txt"],
            report.Rejected.Select(r => Path.GetFileName(r.Input)).Order(StringComparer.Ordinal));
        Assert.Contains(report.Warnings, w => w.Input.EndsWith("nodate.txt", StringComparison.Ordinal));
        Assert.Null((await ws.Store.FindArticleAsync(Path.Combine(folder, "nodate.txt")))!.Date);
    }

    [Fact]
    public async Task CancelledIngest_LeavesOnlyWholeArticlesWithTheirStories()
    {
        var jsonl = string.Join('\n', Enumerable.Range(0, 3000).Select(i =>
            $"{{\"id\": \"n{i}\", \"date\": \"2024-03-{1 + (i % 28):D2}\", \"text\": \"Bericht {i} over onderwerp {i % 50} in stad {i % 37}. Het gaat om nummer {i} van de reeks en nog wat woorden.\"}}"));
        var file = _tmp.File("many.jsonl", jsonl);
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(cts, stored: 300);
        await using (var ws = await OpenAsync())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IngestAsync(ws, [file], progress: progress, ct: cts.Token));
        }

        await using var reopened = await OpenAsync();
        var count = await reopened.Store.CountArticlesAsync();
        Assert.InRange(count, 256, 2999);
        Assert.Equal(0, count % 256);
        var stories = await reopened.Store.ListStoriesAsync();
        Assert.Equal(count, stories.Sum(s => s.Articles.Count));
        Assert.Equal(count, ((LuceneSearchIndex)reopened.Index).DocumentCount());
    }

    [Fact]
    public async Task Search_FindsTheSeedBySubmarines_WithAHighlightedSnippet()
    {
        await using var ws = await OpenAsync();
        await IngestAsync(ws, [TestPaths.Samples]);
        var hits = (await ws.Index.SearchAsync("onderzeeërs", 10)).Hits;
        var top = (await ws.Store.FindArticleAsync(Assert.Single(hits).ArticleId))!;
        Assert.EndsWith("000_aac5f5d0c02a0b02.txt", top.Ref, StringComparison.Ordinal);
        var (snippet, highlights) = SnippetBuilder.Build(top.Title ?? string.Empty, top.Text, top.Lang, "onderzeeërs");
        var h = Assert.Single(highlights);
        Assert.Equal("onderzeeërs", snippet[h.Start..h.End]);
        Assert.Empty((await ws.Index.SearchAsync("", 10)).Hits);
        // A query the parser cannot read finds nothing, and the parser says why (the CLI, API and pages show it).
        Assert.Empty((await ws.Index.SearchAsync("Kim AND (trein", 10)).Hits);
        Assert.NotNull(SearchQueryParser.Problem("Kim AND (trein"));
        Assert.NotEmpty((await ws.Index.SearchAsync("Kim AND trein", 10)).Hits);
    }

    /// <summary>
    /// An index written before offsets were kept (same articles, no format mark) is rebuilt when opened, so hits
    /// carry their matches again; before the mark, an index whose count matched the store was kept as it was.
    /// </summary>
    [Fact]
    public async Task SearchIndex_OfAnOlderFormat_IsRebuiltFromTheStore()
    {
        var articles = new List<Chorus.Core.Store.StoredArticle>();
        await using (var ws = await OpenAsync())
        {
            await IngestAsync(ws, [TestPaths.Samples]);
            Assert.All((await ws.Index.SearchAsync("Keizersgracht", 10)).Hits, hit => Assert.NotNull(hit.Matches));
            await foreach (var article in ws.Store.ReadAllArticlesAsync())
            {
                articles.Add(article);
            }
        }

        var folder = LuceneSearchIndex.FolderFor(Path.Combine(_tmp.Path, "c.db"));
        Directory.Delete(folder, recursive: true);
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var analyzer = new Lucene.Net.Analysis.Nl.DutchAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analyzer)))
        {
            foreach (var article in articles)
            {
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new Lucene.Net.Documents.StringField("id", article.Id, Lucene.Net.Documents.Field.Store.YES),
                    new Lucene.Net.Documents.TextField("text_nl", (article.Title ?? string.Empty) + "\n" + article.Text, Lucene.Net.Documents.Field.Store.NO),
                });
            }
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(articles.Count, ((LuceneSearchIndex)reopened.Index).DocumentCount());
        var hits = (await reopened.Index.SearchAsync("Keizersgracht", 10)).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.NotNull(hit.Matches));

        // The rebuilt index is of the current format, with its tier fields.
        using var rebuilt = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(folder));
        Assert.Equal(LuceneSearchIndex.Format, rebuilt.IndexCommit.UserData["chorus.format"]);
        Assert.Contains("tier_nl", Lucene.Net.Index.MultiFields.GetIndexedFields(rebuilt));
    }

    [Fact]
    public async Task SearchIndex_IsRebuiltFromTheStore_WhenItIsMissing()
    {
        await using (var ws = await OpenAsync())
        {
            await IngestAsync(ws, [TestPaths.Samples]);
        }

        Directory.Delete(LuceneSearchIndex.FolderFor(Path.Combine(_tmp.Path, "c.db")), recursive: true);
        await using var reopened = await OpenAsync();
        Assert.Equal(14, ((LuceneSearchIndex)reopened.Index).DocumentCount());
        Assert.NotEmpty((await reopened.Index.SearchAsync("Keizersgracht", 10)).Hits);
    }

    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task DpgCorpus_LoadsAsIs_AndItsWireCopiesAreFound()
    {
        await using var ws = await OpenAsync();
        var report = await IngestAsync(ws, [Path.Combine(TestPaths.SharedData, "dpg2019/articles.jsonl")]);
        Assert.True(report.Ingested >= 1430, $"ingested {report.Ingested}");
        Assert.All(report.Rejected, r => Assert.Contains("neither 'text' nor 'title'", r.Reason, StringComparison.Ordinal));
        Assert.InRange(report.NearDuplicates, 20, 200);
    }

    /// <summary>Cancels the ingest once enough articles have been stored, as a user's Ctrl+C would.</summary>
    private sealed class CancelAfter(CancellationTokenSource cts, int stored) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            if (value.Stored >= stored)
            {
                cts.Cancel();
            }
        }
    }
}
