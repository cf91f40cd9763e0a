using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Store;
using Chorus.Core.Stories;

namespace Chorus.Storage.Tests;

/// <summary>Story corrections through the store, run once per store engine.</summary>
public abstract class StoryCorrectionTests(StoreHost host) : IAsyncLifetime
{
    private readonly TempFolder _tmp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        _tmp.Dispose();
    }

    private static async Task IngestAsync(ChorusWorkspace ws, IEnumerable<ReadResult> inputs)
        => await new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index).RunAsync(inputs);

    private static IEnumerable<ReadResult> Files(params string[] paths) => paths.SelectMany(p => ArticleInputReader.ReadFile(p, new ReadOptions()));

    private async Task<(ChorusWorkspace Ws, StoryCorrector Corrector)> SamplesAsync()
    {
        var ws = await host.OpenAsync("c.db");
        await IngestAsync(ws, ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));
        return (ws, new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()));
    }

    private static async Task<string> StoryOfAsync(ChorusWorkspace ws, string articleRef) => (await ws.Store.FindArticleAsync(articleRef))!.StoryId!;

    [SkippableFact]
    public async Task Split_MakesANewStory_AndACopyIngestedLaterFollowsIt()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var seedStory = await StoryOfAsync(ws, TestPaths.Seed000);
        var a002 = (await ws.Store.FindArticleAsync(TestPaths.Seed002))!;

        var outcome = await corrector.SplitAsync(seedStory, [a002.Id]);
        Assert.True(outcome.Success, outcome.Error);
        Assert.NotEqual(seedStory, outcome.StoryId);
        Assert.Equal(outcome.StoryId, await StoryOfAsync(ws, TestPaths.Seed002));
        Assert.Single((await ws.Store.FindStoryAsync(seedStory))!.Articles);
        Assert.Contains(await ws.Store.StoryCorrectionsAsync(seedStory), c => c.Kind == StoryCorrectionKind.Split && c.Articles.SequenceEqual([a002.Id]));
        Assert.Equal([(seedStory, outcome.StoryId!)], await ws.Store.StoriesKeptApartAsync());

        // A later copy of 002 (another outlet) is one source with it and goes where it now is.
        var copy = a002.Text.Replace("Volgens de Amerikanen", "Volgens Amerikaanse bronnen", StringComparison.Ordinal);
        await IngestAsync(ws, [ReadResult.Ok(new RawArticle { Ref = "copy-002", Text = copy, Date = a002.Date, Source = "Regiokrant" })]);
        Assert.Equal(outcome.StoryId, await StoryOfAsync(ws, "copy-002"));
    }

    [SkippableFact]
    public async Task Merge_MovesEveryArticle_TheOldIdLeadsToTheKeptStory_AndLaterArticlesJoinIt()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var stories = await ws.Store.ListStoriesAsync();
        var bridge = stories.Single(s => s.Profile.Title.Contains("brug", StringComparison.Ordinal));
        var seed = stories.Single(s => s.Articles.Any(a => a.Ref == TestPaths.Seed000));

        var outcome = await corrector.MergeAsync(seed.Profile.Id, bridge.Profile.Id);
        Assert.True(outcome.Success, outcome.Error);
        var merged = (await ws.Store.FindStoryAsync(bridge.Profile.Id))!;
        Assert.Equal(seed.Profile.Id, merged.Profile.Id);
        Assert.Equal(seed.Articles.Count + bridge.Articles.Count, merged.Articles.Count);
        Assert.Equal(stories.Count - 1, (await ws.Store.ListStoriesAsync()).Count);

        // The kept story's profile now carries the bridge articles, so news about the bridge joins it.
        var bridgeText = bridge.Articles[0].Text;
        await IngestAsync(ws, [ReadResult.Ok(new RawArticle { Ref = "bridge-later", Text = "Nieuw uitstel: " + bridgeText[..Math.Min(300, bridgeText.Length)] + " Dat meldt de gemeente in een brief aan de raad.", Date = bridge.Articles[0].Date, Source = "Later Nieuws" })]);
        Assert.Equal(seed.Profile.Id, await StoryOfAsync(ws, "bridge-later"));
    }

    [SkippableFact]
    public async Task Move_IntoAnotherStory_RemovesAnEmptiedStory()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var stories = await ws.Store.ListStoriesAsync();
        var bridge = stories.Single(s => s.Profile.Title.Contains("brug", StringComparison.Ordinal));
        var seed = stories.Single(s => s.Articles.Any(a => a.Ref == TestPaths.Seed000));
        var outcome = await corrector.MoveAsync([bridge.Articles[0].Ref], seed.Profile.Id);
        Assert.True(outcome.Success, outcome.Error);
        Assert.Equal(seed.Profile.Id, await StoryOfAsync(ws, bridge.Articles[0].Ref));
        Assert.Equal(seed.Profile.Id, (await ws.Store.FindStoryAsync(bridge.Profile.Id))!.Profile.Id);
        Assert.Contains(await ws.Store.StoryCorrectionsAsync(seed.Profile.Id), c => c.Kind == StoryCorrectionKind.Move);
    }

    [SkippableFact]
    public async Task WrongRequests_AreRefused_AndChangeNothing()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var before = (await ws.Store.ListStoriesAsync()).ToDictionary(s => s.Profile.Id, s => s.Articles.Select(a => a.Id).Order().ToList());
        var seed = await StoryOfAsync(ws, TestPaths.Seed000);
        var seedArticles = before[seed];
        var other = before.Keys.First(k => k != seed);

        Assert.Contains("at least one", (await corrector.SplitAsync(seed, seedArticles)).Error, StringComparison.Ordinal);
        Assert.Contains("not in story", (await corrector.SplitAsync(seed, [before[other][0]])).Error, StringComparison.Ordinal);
        Assert.Contains("no article", (await corrector.MoveAsync(["nope"], seed)).Error, StringComparison.Ordinal);
        Assert.Contains("no story", (await corrector.MergeAsync(seed, "s-missing")).Error, StringComparison.Ordinal);
        Assert.Contains("same story", (await corrector.MergeAsync(seed, seed)).Error, StringComparison.Ordinal);

        var after = (await ws.Store.ListStoriesAsync()).ToDictionary(s => s.Profile.Id, s => s.Articles.Select(a => a.Id).Order().ToList());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
        Assert.Empty(await ws.Store.StoryCorrectionsAsync(seed));
    }

    private static async Task<Dictionary<string, List<string>>> MembershipAsync(ChorusWorkspace ws)
        => (await ws.Store.ListStoriesAsync()).ToDictionary(s => s.Profile.Id, s => s.Articles.Select(a => a.Id).Order(StringComparer.Ordinal).ToList());

    private static void AssertSameMembership(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, kv => Assert.Equal(kv.Value, actual[kv.Key]));
    }

    [SkippableFact]
    public async Task Undo_OfSplitMergeAndMove_RestoresTheStoriesAndTheirIds_NewestFirst()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var before = await MembershipAsync(ws);
        var stories = await ws.Store.ListStoriesAsync();
        var bridge = stories.Single(s => s.Profile.Title.Contains("brug", StringComparison.Ordinal));
        var seed = await StoryOfAsync(ws, TestPaths.Seed000);
        var a002 = (await ws.Store.FindArticleAsync(TestPaths.Seed002))!.Id;

        Assert.True((await corrector.SplitAsync(seed, [a002])).Success);
        var merge = await corrector.MergeAsync(seed, bridge.Profile.Id);
        Assert.True(merge.Success);
        var move = await corrector.MoveAsync([a002], seed);
        Assert.True(move.Success);
        var log = await ws.Store.AllStoryCorrectionsAsync();
        Assert.Equal([StoryCorrectionKind.Move, StoryCorrectionKind.Merge, StoryCorrectionKind.Split], log.Select(c => c.Kind));

        // The split is older than the move, which touches its stories: refused, nothing changes.
        var refused = await corrector.UndoAsync(log[2].Seq);
        Assert.Contains($"#{log[0].Seq}", refused.Error, StringComparison.Ordinal);

        Assert.True((await corrector.UndoAsync(null)).Success);
        Assert.NotEqual(seed, await StoryOfAsync(ws, TestPaths.Seed002));
        Assert.True((await corrector.UndoAsync(null)).Success);
        Assert.Equal(bridge.Profile.Id, (await ws.Store.FindStoryAsync(bridge.Profile.Id))!.Profile.Id);
        Assert.True((await corrector.UndoAsync(null)).Success);
        AssertSameMembership(before, await MembershipAsync(ws));
        Assert.Empty(await ws.Store.StoriesKeptApartAsync());
        Assert.All(await ws.Store.AllStoryCorrectionsAsync(), c => Assert.NotNull(c.UndoneAt));
        Assert.False((await corrector.UndoAsync(null)).Success);

        // The same split again after its undo makes the same story, which is a story and not a way back.
        var again = await corrector.SplitAsync(seed, [a002]);
        Assert.True(again.Success, again.Error);
        Assert.Equal(again.StoryId, (await ws.Store.FindStoryAsync(again.StoryId!))!.Profile.Id);
        Assert.Equal([(seed, again.StoryId!)], await ws.Store.StoriesKeptApartAsync());
    }

    [SkippableFact]
    public async Task Undo_TakesLaterNearCopiesAlong_AndAnEmptiedStoryLeadsBack()
    {
        var (ws, corrector) = await SamplesAsync();
        await using var _ = ws;
        var seed = await StoryOfAsync(ws, TestPaths.Seed000);
        var a002 = (await ws.Store.FindArticleAsync(TestPaths.Seed002))!;
        var split = await corrector.SplitAsync(seed, [a002.Id]);
        var copy = a002.Text.Replace("Volgens de Amerikanen", "Volgens Amerikaanse bronnen", StringComparison.Ordinal);
        await IngestAsync(ws, [ReadResult.Ok(new RawArticle { Ref = "copy-002", Text = copy, Date = a002.Date, Source = "Regiokrant" })]);
        Assert.Equal(split.StoryId, await StoryOfAsync(ws, "copy-002"));

        var undo = await corrector.UndoAsync(null);
        Assert.True(undo.Success, undo.Error);
        Assert.Equal(seed, await StoryOfAsync(ws, TestPaths.Seed002));
        Assert.Equal(seed, await StoryOfAsync(ws, "copy-002"));
        Assert.Equal(seed, (await ws.Store.FindStoryAsync(split.StoryId!))!.Profile.Id);
    }
}

public sealed class SqliteStoryCorrectionTests() : StoryCorrectionTests(new SqliteHost())
{
}

public sealed class PostgresStoryCorrectionTests() : StoryCorrectionTests(new PostgresHost())
{
}
