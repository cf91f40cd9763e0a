using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage.Queries;

namespace Chorus.Storage.Tests;

/// <summary>
/// Key entities of list items kept under a story's entity version are the ones working them out again gives, after
/// every write that changes them: a name re-linked by an entity merge, an article split off, more articles ingested.
/// </summary>
public sealed class KeyEntityCacheTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static async Task<string> ListAsync(ChorusQueries queries)
        => ContractJson.Serialize(await queries.StoriesAsync(new StoryFilter { PageSize = int.MaxValue }));

    [Fact]
    public async Task KeptKeyEntities_AreTheWorkedOutOnes_AfterMergesSplitsAndIngests()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "k.db"));
        var samples = ArticleInputReader.Expand([TestPaths.Samples]).Select(e => e.File!).Order(StringComparer.Ordinal).ToList();
        var ingest = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        await ingest.RunAsync(samples.SkipLast(1).SelectMany(f => ArticleInputReader.ReadFile(f, new ReadOptions())));
        var cache = new KeyEntityCache();
        var cached = new ChorusQueries(ws, keyEntities: cache);
        var fresh = new ChorusQueries(ws);

        var first = await ListAsync(cached);
        Assert.Equal(await ListAsync(fresh), first);
        var kept = cache.Count;
        Assert.True(kept > 0);
        Assert.Equal(first, await ListAsync(cached));
        Assert.Equal(kept, cache.Count);

        var seedStory = (await ws.Store.FindArticleAsync(TestPaths.Seed000))!.StoryId!;
        var seed = (await fresh.StoryAsync(seedStory, why: false))!;
        var (keep, merged) = (seed.Doc.Entities[0].Id, seed.Doc.Entities[1].Id);
        Assert.True((await ws.Store.MergeEntitiesAsync(keep, merged)).Success);
        var afterMerge = await ListAsync(cached);
        Assert.Equal(await ListAsync(fresh), afterMerge);
        Assert.DoesNotContain(merged, afterMerge, StringComparison.Ordinal);

        Assert.True((await new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()).SplitAsync(seedStory, [seed.Story.Articles[^1].Id])).Success);
        Assert.Equal(await ListAsync(fresh), await ListAsync(cached));

        await ingest.RunAsync(samples.TakeLast(1).SelectMany(f => ArticleInputReader.ReadFile(f, new ReadOptions())));
        Assert.Equal(await ListAsync(fresh), await ListAsync(cached));
    }
}
