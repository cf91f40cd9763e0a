using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Time;
using Chorus.Storage.Queries;

namespace Chorus.Storage.Tests;

/// <summary>
/// Text-filtered story lists kept under the store's and the index's versions are the ones working them out again
/// gives, page by page and in every order, after every write that changes them: an article split off into a story of
/// its own, more articles ingested and indexed.
/// </summary>
public sealed class StoryListCacheTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Queries = ["Kim", "Poetin OR brand", "rusland", "\"Noord-Koreaanse leider\"", "grachtenpand OR brug"];

    private static async Task<string> ListsAsync(ChorusQueries queries)
    {
        var lists = new List<string>();
        foreach (var query in Queries)
        {
            foreach (var sort in Enum.GetValues<StorySort>())
            {
                for (var page = 1; page <= 3; page++)
                {
                    var doc = await queries.StoriesAsync(new StoryFilter { Query = query, Sort = sort, Page = page, PageSize = 2 });
                    lists.Add($"{query} {sort} {page}: {doc.Total} {string.Join(' ', doc.Stories.Select(s => s.Id))}");
                }
            }
        }

        return string.Join('\n', lists);
    }

    // Through memberships (read on every list here, rather than once the look-ups add up), each list is also
    // worked out from the index's documents mapped to stories, not from the store's look-ups.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeptLists_AreTheWorkedOutOnes_AfterSplitsAndIngests(bool throughMemberships)
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "l.db"));
        var samples = ArticleInputReader.Expand([TestPaths.Samples]).Select(e => e.File!).Order(StringComparer.Ordinal).ToList();
        // Held back for the last step: articles that match the queries (fires in Amsterdam).
        var later = samples.Single(f => f.EndsWith("fixtures-stadsblad-amsterdam.jsonl", StringComparison.Ordinal));
        var ingest = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        await ingest.RunAsync(samples.Where(f => f != later).SelectMany(f => ArticleInputReader.ReadFile(f, new ReadOptions())));
        var cache = new StoryListCache();
        var memberships = throughMemberships ? new StoryMembershipCache(lookUpCost: int.MaxValue) : null;
        var cached = new ChorusQueries(ws, storyLists: cache, memberships: memberships);
        var fresh = new ChorusQueries(ws);
        async Task MembershipIsCurrentAsync()
        {
            if (memberships is not null)
            {
                Assert.Equal(await ws.Store.ChangeVersionAsync(), memberships.Newest?.Version);
            }
        }

        var first = await ListsAsync(cached);
        Assert.Equal(await ListsAsync(fresh), first);
        await MembershipIsCurrentAsync();
        Assert.Contains("Kim Newest 1: ", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Newest 1: 0 ", first, StringComparison.Ordinal);
        var kept = cache.Count;
        Assert.Equal(Queries.Length * Enum.GetValues<StorySort>().Length, kept);
        Assert.Equal(first, await ListsAsync(cached));
        Assert.Equal(kept, cache.Count);

        // The seed's last article split off: a story more for every query it matches.
        var seedStory = (await ws.Store.FindArticleAsync(TestPaths.Seed000))!.StoryId!;
        var seed = (await fresh.StoryAsync(seedStory, why: false))!;
        Assert.True((await new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()).SplitAsync(seedStory, [seed.Story.Articles[^1].Id])).Success);
        var afterSplit = await ListsAsync(cached);
        Assert.Equal(await ListsAsync(fresh), afterSplit);
        Assert.NotEqual(first, afterSplit);
        await MembershipIsCurrentAsync();

        // Stored first and indexed later (as an index behind the store is caught up): the store's version moves on
        // with the articles, the index's with the indexing.
        var unindexed = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), index: null);
        var report = await unindexed.RunAsync(ArticleInputReader.ReadFile(later, new ReadOptions()));
        Assert.NotEmpty(report.StoredIds);
        var stored = await ListsAsync(cached);
        Assert.Equal(await ListsAsync(fresh), stored);
        await ws.Index.AddAsync(await ws.Store.GetArticlesAsync(report.StoredIds));
        ws.Index.CloseWriter();
        var indexed = await ListsAsync(cached);
        Assert.Equal(await ListsAsync(fresh), indexed);
        Assert.NotEqual(stored, indexed);

        // Indexed again: their first documents are deleted, in a segment whose map to stories was made before.
        await ws.Index.AddAsync(await ws.Store.GetArticlesAsync(report.StoredIds));
        ws.Index.CloseWriter();
        Assert.Equal(indexed, await ListsAsync(cached));
        Assert.Equal(indexed, await ListsAsync(fresh));
        await MembershipIsCurrentAsync();
    }

    private static async Task<string> FilteredListsAsync(ChorusQueries queries, string outlet)
    {
        var filters = new StoryFilter[]
        {
            new() { Lang = "nl" }, new() { Lang = "en" }, new() { Lang = "xx" }, new() { Outlet = outlet }, new() { Outlet = "unknown outlet" },
            new() { MinSources = 2 }, new() { Lang = "nl", MinSources = 2, WithRecurring = false }, new() { Outlet = outlet, From = PartialDate.Parse("2019-01").Value },
        };
        var lists = new List<string>();
        foreach (var filter in filters)
        {
            foreach (var sort in Enum.GetValues<StorySort>())
            {
                for (var page = 1; page <= 3; page++)
                {
                    var doc = await queries.StoriesAsync(filter with { Sort = sort, Page = page, PageSize = 2 });
                    lists.Add($"{filter} {sort} {page}: {doc.Total} {string.Join(' ', doc.Stories.Select(s => s.Id))}");
                }
            }
        }

        return string.Join('\n', lists);
    }

    // Lists narrowed by language, outlet or sources without text are answered from the membership where a server
    // keeps one (read here by those lists alone): the same lists, totals and pages as the store's, also after a split.
    [Fact]
    public async Task ListsNarrowedByLanguageOutletOrSources_ThroughTheMembership_AreTheStoresLists()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "f.db"));
        var samples = ArticleInputReader.Expand([TestPaths.Samples]).Select(e => e.File!).Order(StringComparer.Ordinal).ToList();
        var ingest = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        await ingest.RunAsync(samples.SelectMany(f => ArticleInputReader.ReadFile(f, new ReadOptions())));
        var memberships = new StoryMembershipCache(lookUpCost: int.MaxValue);
        var kept = new ChorusQueries(ws, storyLists: new StoryListCache(), memberships: memberships);
        var fresh = new ChorusQueries(ws);
        var outlet = (await fresh.StoriesAsync(new StoryFilter { MinSources = 2, PageSize = 1 })).Stories.Single().Articles[0].Outlet!;

        var first = await FilteredListsAsync(kept, outlet);
        Assert.Equal(await FilteredListsAsync(fresh, outlet), first);
        Assert.Equal(await ws.Store.ChangeVersionAsync(), memberships.Newest?.Version);

        var seedStory = (await ws.Store.FindArticleAsync(TestPaths.Seed000))!.StoryId!;
        var seed = (await fresh.StoryAsync(seedStory, why: false))!;
        Assert.True((await new StoryCorrector(ws.Store, ArticleAnalyzer.CreateDefault()).SplitAsync(seedStory, [seed.Story.Articles[^1].Id])).Success);
        var afterSplit = await FilteredListsAsync(kept, outlet);
        Assert.Equal(await FilteredListsAsync(fresh, outlet), afterSplit);
        Assert.NotEqual(first, afterSplit);
        Assert.Equal(await ws.Store.ChangeVersionAsync(), memberships.Newest?.Version);
    }

    // A list narrowed without text that the store answers is charged a tenth of a membership's read: the tenth such
    // list since the kept one went stale reads a new one; text lists' look-ups count toward the same read.
    [Fact]
    public void FilteredListsAnsweredByTheStore_ReadAMembership_AtTheTenth()
    {
        var cache = new StoryMembershipCache(lookUpCost: 10);
        for (var list = 1; list <= 9; list++)
        {
            Assert.False(cache.ShouldReadForFilteredList(articles: 1_000), $"list {list}");
        }

        Assert.True(cache.ShouldReadForFilteredList(articles: 1_000));

        var shared = new StoryMembershipCache(lookUpCost: 10);
        Assert.False(shared.ShouldRead(matches: 60, articles: 1_000));
        Assert.False(shared.ShouldReadForFilteredList(articles: 1_000));
        Assert.False(shared.ShouldReadForFilteredList(articles: 1_000));
        Assert.False(shared.ShouldReadForFilteredList(articles: 1_000));
        Assert.True(shared.ShouldReadForFilteredList(articles: 1_000));
        Assert.True(new StoryMembershipCache(lookUpCost: int.MaxValue).ShouldReadForFilteredList(articles: 1_000_000));
    }

    // A membership is read once look-ups in the store since the kept one went stale add up to what reading one costs
    // (per article of the store), and requests that need one meanwhile share its read; a read given up is done again
    // by the request that waited for it, and a read at an older version than asked for is not taken for it.
    [Fact]
    public async Task Memberships_AreReadWhenLookUpsAddUp_OnceForRequestsTogether_AndAgainWhenGivenUp()
    {
        var cache = new StoryMembershipCache(lookUpCost: 10);
        Assert.False(cache.ShouldRead(matches: 40, articles: 1_000));
        Assert.False(cache.ShouldRead(matches: 59, articles: 1_000));
        Assert.True(cache.ShouldRead(matches: 1, articles: 1_000));

        var reads = 0;
        var release = new TaskCompletionSource();
        long version = 5;
        async Task<Chorus.Core.Store.StoryMembership> ReadAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref reads);
            await release.Task.WaitAsync(ct);
            return new Chorus.Core.Store.StoryMembership.Builder().Build(version);
        }

        var together = new[] { cache.GetAsync(5, ReadAsync, CancellationToken.None), cache.GetAsync(4, ReadAsync, CancellationToken.None) };
        release.SetResult();
        var read = await Task.WhenAll(together);
        Assert.Same(read[0], read[1]);
        Assert.Equal(1, reads);
        Assert.Same(read[0], cache.Kept(5));
        Assert.Same(read[0], cache.Kept(3));
        Assert.Null(cache.Kept(6));
        // Kept: the look-ups start again from nothing.
        Assert.False(cache.ShouldRead(matches: 99, articles: 1_000));

        release = new TaskCompletionSource();
        version = 7;
        using var givenUp = new CancellationTokenSource();
        var first = cache.GetAsync(7, ReadAsync, givenUp.Token);
        var second = cache.GetAsync(7, ReadAsync, CancellationToken.None);
        await givenUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        Assert.Equal(7, (await second).Version);
        Assert.Equal(3, reads);
        Assert.Equal(7, cache.Newest?.Version);
    }

    // Requests that miss together share one working-out. One that is given up is not carried on with its connection
    // back in the pool: the request waiting for it works the list out again itself.
    [Fact]
    public async Task RequestsThatMissTogether_ShareOneWorkingOut_AndRedoOneGivenUp()
    {
        var cache = new StoryListCache();
        var key = new StoryListCache.Key("kim", new Chorus.Core.Store.StoryPageQuery(), 1, 1);
        var started = 0;
        var release = new TaskCompletionSource();
        async Task<IReadOnlyList<string>> WorkOutAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref started);
            await release.Task.WaitAsync(ct);
            return ["s1", "s2"];
        }

        var shared = new[] { cache.GetOrAddAsync(key, WorkOutAsync, CancellationToken.None), cache.GetOrAddAsync(key, WorkOutAsync, CancellationToken.None) };
        release.SetResult();
        Assert.All(await Task.WhenAll(shared), ids => Assert.Equal(["s1", "s2"], ids));
        Assert.Equal(1, started);

        release = new TaskCompletionSource();
        var later = key with { StoreVersion = 2 };
        using var givenUp = new CancellationTokenSource();
        var first = cache.GetOrAddAsync(later, WorkOutAsync, givenUp.Token);
        var second = cache.GetOrAddAsync(later, WorkOutAsync, CancellationToken.None);
        await givenUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        Assert.Equal(["s1", "s2"], await second);
        Assert.Equal(3, started);
        Assert.Equal(2, cache.Count);
    }

    // A server keeps a bounded number of ids: when a list takes it past the bound, everything kept goes (the list is
    // still answered whole).
    [Fact]
    public async Task KeptIds_StayWithinTheBound()
    {
        var cache = new StoryListCache(maxEntries: 64, maxIds: 5);
        var query = new Chorus.Core.Store.StoryPageQuery();
        Task<IReadOnlyList<string>> Two(CancellationToken _) => Task.FromResult<IReadOnlyList<string>>(["s1", "s2"]);
        Assert.Equal(2, (await cache.GetOrAddAsync(new StoryListCache.Key("a", query, 1, 1), Two, CancellationToken.None)).Count);
        Assert.Equal(2, (await cache.GetOrAddAsync(new StoryListCache.Key("b", query, 1, 1), Two, CancellationToken.None)).Count);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, (await cache.GetOrAddAsync(new StoryListCache.Key("c", query, 1, 1), Two, CancellationToken.None)).Count);
        Assert.Equal(0, cache.Count);
        Assert.Equal(2, (await cache.GetOrAddAsync(new StoryListCache.Key("d", query, 1, 1), Two, CancellationToken.None)).Count);
        Assert.Equal(1, cache.Count);
    }
}
