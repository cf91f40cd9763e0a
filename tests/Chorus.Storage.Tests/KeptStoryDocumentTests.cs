using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Storage.Queries;

namespace Chorus.Storage.Tests;

/// <summary>
/// A story document the store keeps is served only while it is the one building would give: the same JSON, with the
/// user's corrections read fresh; after any change to what it is built from, the story is built (and kept) again.
/// </summary>
public sealed class KeptStoryDocumentTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private async Task<ChorusWorkspace> SamplesAsync()
    {
        var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index)
            .RunAsync(ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));
        return ws;
    }

    [Fact]
    public async Task AKeptDocument_IsServedUnbuilt_AndIsTheBuiltOne_UntilTheStoryChanges()
    {
        await using var ws = await SamplesAsync();
        var built = new List<string>();
        var queries = new ChorusQueries(ws)
        {
            KeepDocument = async (document, ct) =>
            {
                built.Add(document.StoryId + (document.Why ? "/why" : string.Empty));
                Assert.True(await ws.Store.SaveStoryDocumentAsync(document, ct));
            },
        };
        var fresh = new ChorusQueries(ws) { ServeKeptDocuments = false };
        async Task<string> FreshAsync(string id, bool why) => ContractJson.Serialize((await fresh.StoryDocAsync(id, why))!);
        async Task<string> ServedAsync(string id, bool why) => ContractJson.Serialize((await queries.StoryDocAsync(id, why))!);

        // Every story in both forms: built and kept on the first request, read unbuilt on the second, the same JSON.
        var stories = (await ws.Store.ListStoriesAsync()).Select(s => s.Profile.Id).ToList();
        foreach (var id in stories)
        {
            foreach (var why in new[] { false, true })
            {
                Assert.Equal(await FreshAsync(id, why), await ServedAsync(id, why));
                Assert.Equal(await FreshAsync(id, why), await ServedAsync(id, why));
            }
        }

        Assert.Equal(stories.Count * 2, built.Count);
        Assert.Empty(await ws.Store.StoriesWithoutDocumentAsync(ChorusQueries.DocumentBuild, null, 100));

        // An entity merge re-links names of the seed story; a split moves an article out (and is listed among the
        // story's corrections); rewritten layers. Each time the served document is built again and equals a fresh one.
        var seedStory = (await ws.Store.FindArticleAsync(TestPaths.Seed000))!.StoryId!;
        var seed = (await fresh.StoryDocAsync(seedStory, why: true))!;
        var steps = new (string Name, Func<Task> Write)[]
        {
            ("entity merge", async () => Assert.True((await ws.Store.MergeEntitiesAsync(seed.Entities[0].Id, seed.Entities[1].Id)).Success)),
            ("split", async () => Assert.True((await new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()).SplitAsync(seedStory, [seed.Articles[^1].Id])).Success)),
            ("layers rewritten", async () =>
            {
                var article = seed.Articles[0].Id;
                var layers = (await ws.Store.LoadAnalysesAsync([article]))[article];
                var batch = await ws.Store.BeginBatchAsync();
                await using (batch)
                {
                    await batch.SaveAnalysisAsync(article, layers.Version, layers.Layers);
                    await batch.CommitAsync();
                }
            }),
        };
        foreach (var (name, write) in steps)
        {
            await write();
            built.Clear();
            Assert.Equal(await FreshAsync(seedStory, true), await ServedAsync(seedStory, true));
            Assert.True(built.SequenceEqual([seedStory + "/why"]), name);
            Assert.Equal(await FreshAsync(seedStory, true), await ServedAsync(seedStory, true));
            Assert.True(built.Count == 1, name);
        }

        var served = (await queries.StoryDocAsync(seedStory, why: true))!;
        Assert.Single(served.Corrections);
        Assert.DoesNotContain(served.Articles, a => a.Id == seed.Articles[^1].Id);
    }

    /// <summary>
    /// The story page draws from the kept document (the API's, without "why") and adds why each article is in the
    /// story: the same as the document built with "why", and nothing is built once it is kept.
    /// </summary>
    [Fact]
    public async Task TheStoryPage_IsTheKeptDocumentWithWhy_AndBuildsNothingOnceKept()
    {
        await using var ws = await SamplesAsync();
        var built = 0;
        var queries = new ChorusQueries(ws)
        {
            KeepDocument = async (document, ct) =>
            {
                built++;
                Assert.True(await ws.Store.SaveStoryDocumentAsync(document, ct));
            },
        };
        var fresh = new ChorusQueries(ws) { ServeKeptDocuments = false };
        var stories = (await ws.Store.ListStoriesAsync()).Select(s => s.Profile.Id).ToList();
        foreach (var id in stories)
        {
            var expected = ContractJson.Serialize((await fresh.StoryDocAsync(id, why: true))!);
            var first = (await queries.StoryPageAsync(id))!;
            Assert.Equal(expected, ContractJson.Serialize(first.Doc));
            var again = (await queries.StoryPageAsync(id))!;
            Assert.Equal(expected, ContractJson.Serialize(again.Doc));
            Assert.Equal(first.Story.Articles.Select(a => a.Id), again.Story.Articles.Select(a => a.Id));
            Assert.Equal(first.Story.Articles.Count, again.Analyzed.Count);
            Assert.All(again.Analyzed, a => Assert.NotEmpty(a.Sentences));
        }

        Assert.Equal(stories.Count, built);
        Assert.Null(await queries.StoryPageAsync("no-such-story"));
    }

    [Fact]
    public async Task Preparation_KeepsEveryStorysDocument_OnceARun()
    {
        await using var ws = await SamplesAsync();
        var stories = await ws.Store.ListStoriesAsync();
        var preparation = new StoryDocumentPreparation();
        var queries = new ChorusQueries(ws);
        var first = await preparation.NextAsync(ws.Store, 2, default);
        Assert.Equal(2, first.Count);
        foreach (var id in first)
        {
            Assert.Equal(PreparedOutcome.Kept, await preparation.PrepareAsync(queries, id, default));
        }

        var rest = await preparation.NextAsync(ws.Store, 100, default);
        Assert.Equal(stories.Count - 2, rest.Count);
        Assert.Empty(rest.Intersect(first));
        foreach (var id in rest)
        {
            await preparation.PrepareAsync(queries, id, default);
        }

        Assert.Equal((stories.Count, 0, 0), (preparation.Kept, preparation.NotKept, preparation.Failed));
        Assert.Empty(await preparation.NextAsync(ws.Store, 100, default));
        foreach (var story in stories)
        {
            var kept = await ws.Store.CurrentStoryDocumentAsync(story.Profile.Id, false, ChorusQueries.DocumentBuild);
            Assert.Equal(ContractJson.SerializeLine((await queries.StoryAsync(story.Profile.Id, false))!.Doc), kept);
        }

        // A story that no longer exists is built by nobody and kept by nobody.
        Assert.Equal(PreparedOutcome.NotKept, await preparation.PrepareAsync(queries, "s-none", default));
    }
}
