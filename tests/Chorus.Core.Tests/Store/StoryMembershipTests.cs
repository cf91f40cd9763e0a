using Chorus.Core.Store;

namespace Chorus.Core.Tests.Store;

/// <summary>
/// A membership's lists on their own (the store contract suite compares them with the store's lists): the store's
/// orders and their ties, missing dates, each filter, and articles or keys of stories it never heard of.
/// </summary>
public sealed class StoryMembershipTests
{
    // id, first date, last date, articles, sources, recurring; and (story, lang, outlet key) of its articles.
    private static StoryMembership Sample(long version = 1)
    {
        var builder = new StoryMembership.Builder();
        builder.AddStory("s-b", "2024-03-01", "2024-03-09", 3, 2, false);
        builder.AddStory("s-a", "2024-03-05", "2024-03-09", 3, 1, false);
        builder.AddStory("s-c", "2024-03-02", "2024-03-04", 5, 3, false);
        builder.AddStory("s-column", "2024-03-01", "2024-03-15", 3, 3, true);
        builder.AddStory("s-undated", null, null, 1, 1, false);
        builder.AddStory("s-partial", "2024-03", "2024-03", 1, 1, false);
        foreach (var (article, story) in new[] { ("a1", "s-b"), ("a2", "s-a"), ("a3", "s-c"), ("a4", "s-column"), ("a5", "s-undated"), ("a6", "s-partial"), ("a7", "s-gone") })
        {
            builder.AddArticle(article, story);
        }

        builder.AddStoryKey("s-b", "nl", "ad");
        builder.AddStoryKey("s-b", "en", null);
        builder.AddStoryKey("s-a", "nl", "trouw");
        builder.AddStoryKey("s-c", "de", "ad");
        builder.AddStoryKey("s-column", "nl", "krant");
        builder.AddStoryKey("s-undated", "nl", null);
        builder.AddStoryKey("s-partial", "nl", "trouw");
        builder.AddStoryKey("s-gone", "fr", "le monde");
        return builder.Build(version);
    }

    public static TheoryData<string, StoryPageQuery, string> Lists => new()
    {
        // Newest: latest last date, then most articles, then id; undated last.
        { "newest", new StoryPageQuery(), "s-column s-a s-b s-c s-partial s-undated" },
        { "most articles", new StoryPageQuery(Order: StoryOrder.MostArticles), "s-c s-column s-a s-b s-partial s-undated" },
        { "most sources", new StoryPageQuery(Order: StoryOrder.MostSources), "s-column s-c s-b s-a s-partial s-undated" },
        // Dates compare as the store's ISO text does: "2024-03" is before "2024-03-01".
        { "from", new StoryPageQuery(From: new DateOnly(2024, 3, 5)), "s-column s-a s-b" },
        { "to", new StoryPageQuery(To: new DateOnly(2024, 3, 1)), "s-column s-b s-partial" },
        { "from and to", new StoryPageQuery(From: new DateOnly(2024, 3, 4), To: new DateOnly(2024, 3, 4)), "s-column s-b s-c" },
        { "language", new StoryPageQuery(Lang: "en"), "s-b" },
        { "language no story has", new StoryPageQuery(Lang: "fr"), "" },
        { "outlet, folded", new StoryPageQuery(Outlet: "AD"), "s-b s-c" },
        { "unknown outlet", new StoryPageQuery(Outlet: "unknown outlet"), "s-b s-undated" },
        { "outlet no story has", new StoryPageQuery(Outlet: "nobody"), "" },
        { "sources", new StoryPageQuery(MinSources: 2), "s-column s-b s-c" },
        { "no recurring columns", new StoryPageQuery(WithRecurring: false), "s-a s-b s-c s-partial s-undated" },
        { "everything at once", new StoryPageQuery(From: new DateOnly(2024, 3, 3), Lang: "nl", Outlet: "ad", MinSources: 2, WithRecurring: false, Order: StoryOrder.MostSources), "s-b" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Lists_AreTheStoresOrderAndFilters(string what, StoryPageQuery query, string expected)
    {
        var membership = Sample();
        var all = membership.NewSet();
        for (var s = 0; s < membership.StoryCount; s++)
        {
            all.Add(s);
        }

        Assert.True(expected == string.Join(' ', membership.List(all, query)), what);
    }

    // Many random stories and sets: each list equals the one sorted and filtered plainly, read whole, place by place
    // and counted (the list reads places from bits and counts per 64 of them).
    [Fact]
    public void RandomLists_AreThePlainlySortedOnes_ReadWholeOrByPlace()
    {
        var random = new Random(6120);
        var builder = new StoryMembership.Builder();
        var stories = new List<(string Id, string? First, string? Last, int Articles, int Sources, bool Recurring, string Lang)>();
        for (var i = 0; i < 700; i++)
        {
            var day = random.Next(20);
            string? Date(int d) => d < 0 ? null : $"2024-03-{1 + d:00}";
            var story = ("s" + random.Next(100_000).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                random.Next(10) == 0 ? null : Date(day), random.Next(10) == 0 ? null : Date(day + random.Next(3)), 1 + random.Next(4), 1 + random.Next(3), random.Next(20) == 0, random.Next(3) == 0 ? "en" : "nl");
            stories.Add(story);
            builder.AddStory(story.Item1, story.Item2, story.Item3, story.Item4, story.Item5, story.Item6);
            builder.AddArticle("a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), story.Item1);
            builder.AddStoryKey(story.Item1, story.Item7, null);
        }

        var membership = builder.Build(1);
        foreach (var fraction in new[] { 0.0, 0.01, 0.3, 1.0 })
        {
            var chosen = stories.Where(_ => random.NextDouble() < fraction).ToList();
            var set = membership.NewSet();
            foreach (var story in chosen)
            {
                Assert.True(membership.TryGetStory("a" + stories.IndexOf(story).ToString(System.Globalization.CultureInfo.InvariantCulture), out var ordinal));
                set.Add(ordinal);
            }

            foreach (var order in Enum.GetValues<StoryOrder>())
            {
                foreach (var query in new[] { new StoryPageQuery(Order: order), new StoryPageQuery(Order: order, From: new DateOnly(2024, 3, 8), Lang: "nl", WithRecurring: false) })
                {
                    var plain = chosen
                        .Where(s => query.From is null || (s.Last is not null && string.CompareOrdinal(s.Last, "2024-03-08") >= 0))
                        .Where(s => query.Lang is null || s.Lang == query.Lang)
                        .Where(s => query.WithRecurring || !s.Recurring)
                        .OrderBy(s => order switch { StoryOrder.MostArticles => -s.Articles, StoryOrder.MostSources => -s.Sources, _ => 0 })
                        .ThenBy(s => s.Last is null)
                        .ThenByDescending(s => s.Last, StringComparer.Ordinal)
                        .ThenBy(s => order == StoryOrder.Newest ? -s.Articles : 0)
                        .ThenBy(s => s.Id, StringComparer.Ordinal)
                        .Select(s => s.Id)
                        .ToList();
                    var list = membership.List(set, query);
                    Assert.Equal(plain, list.ToList());
                    Assert.Equal(plain.Count, list.Count);
                    Assert.Equal(plain, Enumerable.Range(0, list.Count).Select(i => list[i]));
                    Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
                }
            }
        }
    }

    [Fact]
    public void OnlyTheGivenStoriesAreListed_AndArticlesOfUnknownStoriesAreLeftOut()
    {
        var membership = Sample(version: 7);
        Assert.Equal((7L, 6, 6), (membership.Version, membership.StoryCount, membership.ArticleCount));
        Assert.False(membership.TryGetStory("a7", out _));
        Assert.False(membership.TryGetStory("a-none", out _));
        var some = membership.NewSet();
        foreach (var article in new[] { "a3", "a1", "a1" })
        {
            Assert.True(membership.TryGetStory(article.AsSpan(), out var story));
            some.Add(story);
        }

        Assert.Equal(2, some.Count);
        Assert.Equal(["s-b", "s-c"], membership.List(some, new StoryPageQuery()));
        Assert.Empty(membership.List(membership.NewSet(), new StoryPageQuery()));
    }

    // Every story, and none past the last: a list narrowed by its filters alone counts exactly the stories, at every
    // edge of a machine word.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void AllStories_HoldsEachStoryOnce_AndNothingPastTheLast(int stories)
    {
        var builder = new StoryMembership.Builder();
        for (var i = 0; i < stories; i++)
        {
            builder.AddStory($"s{i:D4}", "2024-03-01", "2024-03-01", 1, 1, false);
        }

        var membership = builder.Build(1);
        var all = membership.AllStories();
        Assert.Equal(stories, all.Count);
        Assert.Equal(Enumerable.Range(0, stories), all);
        Assert.Equal(stories, membership.List(all, new StoryPageQuery()).Count);
        Assert.Equal(stories, membership.List(all, new StoryPageQuery(Order: StoryOrder.MostSources)).Count);
    }

    // Outlets' stories are kept as sets for the first outlets asked for, and checked story by story past them: the
    // same lists either way, for every outlet and for articles of no outlet.
    [Fact]
    public void ListsNarrowedToAnOutlet_AreTheSame_WithinAndPastTheOutletsKeptAsSets()
    {
        var builder = new StoryMembership.Builder();
        for (var i = 0; i < 600; i++)
        {
            builder.AddStory($"s{i:D4}", "2024-03-01", $"2024-03-{1 + (i % 28):D2}", 1, 1, false);
            builder.AddStoryKey($"s{i:D4}", "nl", i % 7 == 0 ? null : $"o{i % 300}");
            builder.AddStoryKey($"s{i:D4}", "en", $"o{(i + 1) % 300}");
        }

        var membership = builder.Build(1);
        for (var round = 0; round < 2; round++)
        {
            for (var o = 0; o < 300; o++)
            {
                var expected = Enumerable.Range(0, 600).Where(i => (i % 7 != 0 && i % 300 == o) || (i + 1) % 300 == o).Select(i => $"s{i:D4}").ToHashSet();
                var listed = membership.List(membership.AllStories(), new StoryPageQuery(Outlet: $"o{o}"));
                Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            }

            Assert.Equal(Enumerable.Range(0, 600).Where(i => i % 7 == 0).Select(i => $"s{i:D4}").Order(StringComparer.Ordinal), membership.List(membership.AllStories(), new StoryPageQuery(Outlet: "unknown outlet")).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void AllStories_ListedWithFilters_AreTheStoriesThatPassThem()
    {
        var membership = Sample();
        Assert.Equal(["s-column", "s-a", "s-b", "s-partial", "s-undated"], membership.List(membership.AllStories(), new StoryPageQuery(Lang: "nl")));
        Assert.Equal(["s-b", "s-c"], membership.List(membership.AllStories(), new StoryPageQuery(Outlet: "ad")));
        Assert.Equal(["s-c", "s-b"], membership.List(membership.AllStories(), new StoryPageQuery(MinSources: 2, WithRecurring: false, Order: StoryOrder.MostSources)));
    }

    [Fact]
    public void ListsNarrowedByIdsOrAnEntity_AndSetsOfAnotherMembership_AreRefused()
    {
        var membership = Sample();
        var set = membership.NewSet();
        Assert.Throws<ArgumentException>(() => membership.List(set, new StoryPageQuery(EntityId: "e1")));
        Assert.Throws<ArgumentException>(() => membership.List(set, new StoryPageQuery(ArticleIds: ["a1"])));
        Assert.Throws<ArgumentException>(() => membership.List(set, new StoryPageQuery(StoryIds: ["s-a"])));
        Assert.Throws<ArgumentException>(() => membership.List(new StorySet(3), new StoryPageQuery()));
        var builder = new StoryMembership.Builder();
        builder.AddStory("s", null, null, 1, 1, false);
        Assert.Throws<ArgumentException>(() => builder.AddStory("s", null, null, 1, 1, false));
    }
}
