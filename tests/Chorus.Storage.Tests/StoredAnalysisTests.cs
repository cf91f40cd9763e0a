using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage.Queries;

namespace Chorus.Storage.Tests;

/// <summary>Reads come from the layers stored at ingest; <c>reanalyse</c> rewrites them.</summary>
public sealed class StoredAnalysisTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static Task<IngestReport> IngestAsync(ChorusWorkspace ws, ArticleAnalyzer analyzer)
        => new IngestPipeline(ws.Store, analyzer, new ClusteringOptions(), ws.Index)
            .RunAsync(ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));

    private static ChorusQueries ReadOnly(ChorusWorkspace ws)
        => new(ws, () => throw new InvalidOperationException("the read side constructed an analyser"));

    [Fact]
    public async Task EveryStoryAndArticle_IsRead_WithoutTheAnalyser()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await IngestAsync(ws, ArticleAnalyzer.CreateDefault());
        var queries = ReadOnly(ws);
        var fresh = new ChorusQueries(ws, ArticleAnalyzer.CreateDefault);
        foreach (var story in await ws.Store.ListStoriesAsync())
        {
            var view = (await queries.StoryAsync(story.Profile.Id, why: true))!;
            var reference = (await fresh.StoryAsync(story.Profile.Id, why: true))!;
            Assert.Equal(Chorus.Core.Contracts.ContractJson.Serialize(reference.Doc), Chorus.Core.Contracts.ContractJson.Serialize(view.Doc));
            foreach (var article in story.Articles)
            {
                var doc = (await queries.ArticleAsync(article.Id))!;
                Assert.NotEmpty(doc.Tokens);
            }
        }
    }

    [Fact]
    public async Task Reanalyse_RewritesOlderLayers_ResumesAndIsIdempotent()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var full = ArticleAnalyzer.CreateDefault();

        // An analyser without the quote stage stands for an older one: its layers carry version 0.
        var older = new ArticleAnalyzer(full.Stages.Where(s => s.Name != "quotes").ToList());
        await IngestAsync(ws, older);
        var total = await ws.Store.CountArticlesAsync();
        Assert.Equal(total, await ws.Store.CountArticlesToAnalyseAsync(ArticleAnalyzer.Version, everything: false));
        var seed = (await ws.Store.ListStoriesAsync()).SelectMany(s => s.Articles).First(a => a.Ref.EndsWith("000_aac5f5d0c02a0b02.txt", StringComparison.Ordinal));

        // Until reanalysed, such an article is analysed again on read (and so needs the analyser).
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadOnly(ws).ArticleAsync(seed.Id));

        // Cancelled after the first progress report: nothing half-written, and the second run finishes the rest.
        using (var cts = new CancellationTokenSource())
        {
            var progress = new ImmediateProgress(p =>
            {
                if (p.Done > 0)
                {
                    cts.Cancel();
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Reanalyser(ws.Store, full, pageSize: 5).RunAsync(false, progress, cts.Token));
        Assert.Equal(total - 5, await ws.Store.CountArticlesToAnalyseAsync(ArticleAnalyzer.Version, everything: false));
        }

        var report = await new Reanalyser(ws.Store, full, pageSize: 5).RunAsync(everything: false);
        Assert.Equal(total - 5, report.Reanalysed);
        Assert.Equal(0, await ws.Store.CountArticlesToAnalyseAsync(ArticleAnalyzer.Version, everything: false));
        Assert.Equal(0, (await new Reanalyser(ws.Store, full).RunAsync(everything: false)).Reanalysed);

        var doc = (await ReadOnly(ws).ArticleAsync(seed.Id))!;
        var expected = full.Analyze(new RawArticle { Ref = seed.Ref, Text = seed.Text, Title = seed.Title, Date = seed.Date, Source = seed.Source, Lang = seed.Lang }).Quotes;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(q => (q.Start, q.End)), doc.Quotes.Select(q => (q.Start, q.End)));
    }

    private sealed class ImmediateProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
