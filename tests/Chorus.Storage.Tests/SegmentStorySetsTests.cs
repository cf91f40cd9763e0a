using System.Globalization;
using Chorus.Core.Store;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

/// <summary>
/// A text-filtered story list answered from the segments' kept story sets of common words (<see cref="SegmentStorySets"/>)
/// holds exactly the stories of the articles that match: for a word common enough to have sets, a rare one, both joined
/// by OR, a word of another language's field, articles in no story, and after articles were indexed again without the
/// word (deletions in the segment the sets were made for).
/// </summary>
public sealed class SegmentStorySetsTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private const int Dutch = 6_000;
    private const int English = 1_200;

    // "brand" in five of six Dutch articles and "storm" in most (both over SegmentStorySets.MinDocs), rare words beside
    // them; English articles hold "fire" (too few for sets). Articles from 5,700 on are in no story.
    private static List<StoredArticle> Articles()
    {
        var random = new Random(29);
        var articles = new List<StoredArticle>();
        for (var i = 0; i < Dutch + English; i++)
        {
            var dutch = i < Dutch;
            var words = new List<string>();
            if (dutch && i % 6 != 0)
            {
                words.Add("brand");
            }

            if (dutch && random.Next(10) != 0)
            {
                words.Add("storm");
            }

            if (!dutch && i % 2 == 0)
            {
                words.Add("fire");
            }

            words.Add("w" + random.Next(400).ToString(CultureInfo.InvariantCulture));
            words.Add("w" + random.Next(400).ToString(CultureInfo.InvariantCulture));
            var id = "a" + i.ToString(CultureInfo.InvariantCulture);
            articles.Add(new StoredArticle { Id = id, Ref = id, ContentKey = id, Title = string.Empty, Text = string.Join(' ', words), Lang = dutch ? "nl" : "en" });
        }

        return articles;
    }

    private static string? StoryOf(int article) => article < 5_700 || article >= Dutch ? "s" + (article / 3).ToString("D5", CultureInfo.InvariantCulture) : null;

    private static StoryMembership Membership(IReadOnlyList<StoredArticle> articles)
    {
        var builder = new StoryMembership.Builder(articles.Count);
        var stories = articles.Select((_, i) => StoryOf(i)).OfType<string>().Distinct().ToList();
        foreach (var story in stories)
        {
            builder.AddStory(story, "2019-01-01", "2019-01-02", 3, 1, recurring: false);
        }

        for (var i = 0; i < articles.Count; i++)
        {
            if (StoryOf(i) is { } story)
            {
                builder.AddArticle(articles[i].Id, story);
            }
        }

        return builder.Build(1);
    }

    // The stories of the articles holding any of the words, in the membership's order.
    private static List<string> Expected(IReadOnlyList<StoredArticle> articles, StoryMembership membership, string[] words)
    {
        var set = membership.NewSet();
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].Text.Split(' ').Intersect(words).Any() && membership.TryGetStory(articles[i].Id, out var story))
            {
                set.Add(story);
            }
        }

        return [.. membership.List(set, new StoryPageQuery())];
    }

    private static readonly (string Query, string[] Words)[] Queries =
    [
        ("brand", ["brand"]),
        ("storm", ["storm"]),
        ("w17", ["w17"]),
        ("brand OR w17", ["brand", "w17"]),
        ("fire", ["fire"]),
        ("storm OR fire", ["storm", "fire"]),
    ];

    private Task<string> WrittenAsync(string name, IReadOnlyList<StoredArticle> articles) => IndexFolders.WrittenAsync(_tmp.Path, name, articles);

    private static async Task AssertListsAsync(LuceneSearchIndex index, IReadOnlyList<StoredArticle> articles, StoryMembership membership)
    {
        foreach (var (query, words) in Queries)
        {
            var found = membership.List(await index.MatchingStoriesAsync(query, membership), new StoryPageQuery());
            var expected = Expected(articles, membership, words);
            Assert.True(expected.SequenceEqual(found), $"{query}: {found.Count} stories against {expected.Count}");
        }
    }

    // Lists asked for together on an index not warmed: each segment's sets are made once, in the background, while
    // the lists walk the postings; every list is the same.
    [Fact]
    public async Task ListsAskedTogether_StartOneMakingPerSegment()
    {
        var articles = Articles();
        var folder = await WrittenAsync("together", articles);
        var membership = Membership(articles);
        using var index = LuceneSearchIndex.OpenFolder(folder);
        var lists = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => membership.List(await index.MatchingStoriesAsync("brand", membership), new StoryPageQuery()))));
        var expected = Expected(articles, membership, ["brand"]);
        Assert.All(lists, list => Assert.True(expected.SequenceEqual(list)));
        await index.WarmAsync(membership);
        Assert.Equal(index.SegmentsWithStorySets(membership), index.StorySetMakings);
    }

    [Fact]
    public async Task ListsFromKeptSets_AreTheMatchingArticlesStories_AlsoAfterDeletions()
    {
        var articles = Articles();
        var folder = await WrittenAsync("sets", articles);
        var membership = Membership(articles);
        using var index = LuceneSearchIndex.OpenFolder(folder);
        await index.WarmAsync(membership);
        Assert.True(index.SegmentsWithStorySets(membership) > 0, "no segment has its story sets made after warming");
        await AssertListsAsync(index, articles, membership);
        var bytes = index.StorySetBytes(membership);
        Assert.InRange(bytes, 1, (long)SegmentStorySets.BytesPerDoc * articles.Count);
        var answered = index.StorySetAnswers;
        Assert.True(answered >= 3, $"the kept sets answered {answered} words, not brand, storm and storm OR fire's storm");

        // Every fourth article indexed again without its common words: the segment the sets were made for now has
        // deletions, and none of those articles may count.
        var changed = articles.Where((_, i) => i % 4 == 1).Select(a => new StoredArticle { Id = a.Id, Ref = a.Ref, ContentKey = a.ContentKey, Title = string.Empty, Text = "w1 w2", Lang = a.Lang }).ToList();
        await index.AddAsync(changed);
        index.CloseWriter();
        var now = articles.Select(a => changed.FirstOrDefault(c => c.Id == a.Id) ?? a).ToList();
        await AssertListsAsync(index, now, membership);

        // Once the sets of the segment with its deletions are made, they answer, and the lists stay the same.
        await index.WarmAsync(membership);
        var before = index.StorySetAnswers;
        await AssertListsAsync(index, now, membership);
        Assert.True(index.StorySetAnswers > before, "the sets made for the segment with its deletions answered nothing");
    }
}
