using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage.Queries;

namespace Chorus.Storage.Tests;

/// <summary>
/// A kept story document is the one building it again would give: kept by the digest of its inputs, it is asked for
/// again only while nothing it is built from has changed, whoever changed it.
/// </summary>
public sealed class StoryDocumentCacheTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Json(StoryView view) => ContractJson.Serialize(view.Doc);

    [Fact]
    public async Task AKeptDocument_IsTheBuiltOne_UntilAnEntityOrAStoryOfItChanges()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index)
            .RunAsync(ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));
        var cache = new StoryDocumentCache();
        var cached = new ChorusQueries(ws, storyDocuments: cache);
        var fresh = new ChorusQueries(ws);
        var seedStory = (await ws.Store.FindArticleAsync(TestPaths.Seed000))!.StoryId!;

        // Every story: built once, then served from the cache, the same document either way (both "why" forms).
        var stories = await ws.Store.ListStoriesAsync();
        foreach (var story in stories)
        {
            foreach (var why in new[] { true, false })
            {
                Assert.Equal(Json((await fresh.StoryAsync(story.Profile.Id, why))!), Json((await cached.StoryAsync(story.Profile.Id, why))!));
                var again = (await cached.StoryAsync(story.Profile.Id, why))!;
                Assert.Equal(Json((await fresh.StoryAsync(story.Profile.Id, why))!), Json(again));
                Assert.NotEmpty(again.Analyzed);
            }
        }

        Assert.Equal((stories.Count * 2L, stories.Count * 2L), (cache.Misses, cache.Hits));

        // An entity merge re-links names of the seed story: its document is built again, with the merged entity.
        var seed = (await fresh.StoryAsync(seedStory, why: true))!;
        var (kept, merged) = (seed.Doc.Entities[0].Id, seed.Doc.Entities[1].Id);
        Assert.True((await ws.Store.MergeEntitiesAsync(kept, merged)).Success);
        var misses = cache.Misses;
        var afterMerge = (await cached.StoryAsync(seedStory, why: true))!;
        Assert.Equal(misses + 1, cache.Misses);
        Assert.Equal(Json((await fresh.StoryAsync(seedStory, why: true))!), Json(afterMerge));
        Assert.DoesNotContain(afterMerge.Doc.Entities, e => e.Id == merged);

        // A story correction moves an article out: built again, without it.
        var moved = seed.Story.Articles[^1].Id;
        Assert.True((await new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()).SplitAsync(seedStory, [moved])).Success);
        var afterSplit = (await cached.StoryAsync(seedStory, why: true))!;
        Assert.Equal(misses + 2, cache.Misses);
        Assert.DoesNotContain(afterSplit.Doc.Articles, a => a.Id == moved);
        Assert.Equal(Json((await fresh.StoryAsync(seedStory, why: true))!), Json(afterSplit));
    }

    [Fact]
    public async Task TheCache_KeepsAtMostItsEntries_AndNoStoryLargerThanItsBudget()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index)
            .RunAsync(ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));
        var stories = (await ws.Store.ListStoriesAsync()).Take(3).ToList();
        var two = new StoryDocumentCache(maxEntries: 2);
        var small = new StoryDocumentCache(maxChars: 10);
        foreach (var story in stories)
        {
            await new ChorusQueries(ws, storyDocuments: two).StoryAsync(story.Profile.Id, why: false);
            await new ChorusQueries(ws, storyDocuments: small).StoryAsync(story.Profile.Id, why: false);
        }

        Assert.Equal((2, 0), (two.Count, small.Count));
        // The oldest went: the newest two are still kept.
        await new ChorusQueries(ws, storyDocuments: two).StoryAsync(stories[^1].Profile.Id, why: false);
        Assert.Equal(1, two.Hits);
    }
}
