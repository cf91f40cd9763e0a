using Chorus.Core.Store;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

/// <summary>
/// A one-word query answered from the segments' champion lists (<see cref="SegmentChampions"/>) gives exactly what
/// ranking every match gives (hits, scores, order, number of matches), where words are common enough to have champions
/// (thousands of articles, lengths and counts that tie), in a segment with deletions, beside a segment too small for
/// champions, and for a word two languages hold; and the lists do answer.
/// </summary>
public sealed class SegmentChampionsTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Common = ["brand", "trein", "storm", "water"];
    private static readonly string[] CommonInEnglish = ["fire", "train", "flood"];

    // Short texts of common words among rare ones: most of the common words' articles tie on count and length norm.
    private static List<StoredArticle> Generated(int count, int seed, string prefix, string lang = "nl", string extra = "minister")
    {
        var common = lang == "nl" ? Common : CommonInEnglish;
        var random = new Random(seed);
        var articles = new List<StoredArticle>();
        for (var i = 0; i < count; i++)
        {
            var length = 2 + random.Next(random.Next(2) == 0 ? 12 : 150);
            var text = string.Join(' ', Enumerable.Range(0, length).Select(_ => random.Next(3) switch
            {
                0 => common[random.Next(common.Length)],
                1 when random.Next(20) == 0 => extra,
                _ => "w" + random.Next(3000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            var id = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            articles.Add(new StoredArticle { Id = id, Ref = id, ContentKey = id, Title = string.Empty, Text = text, Lang = lang });
        }

        return articles;
    }

    // Articles that tie: "haven" once in three words (one count and norm, one score), in a few twice; the page of a
    // query for it ends among the ties, which Lucene ranks by number.
    private static List<StoredArticle> Tied(int count, string prefix)
    {
        var articles = new List<StoredArticle>();
        for (var i = 0; i < count; i++)
        {
            var id = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = i % 500 == 7 ? $"haven haven x{i}" : $"haven x{i} y{i}";
            articles.Add(new StoredArticle { Id = id, Ref = id, ContentKey = id, Title = string.Empty, Text = text, Lang = "nl" });
        }

        return articles;
    }

    // Each query compared; the ones the champion lists answered, as "word limit".
    private static async Task<List<string>> AssertSameAsync(LuceneSearchIndex champions, LuceneSearchIndex full, IEnumerable<string> words, IEnumerable<int> limits)
    {
        var answered = new List<string>();
        foreach (var word in words)
        {
            foreach (var limit in limits)
            {
                var before = champions.ChampionAnswers;
                var a = await champions.SearchAsync(word, limit);
                var b = await full.SearchAsync(word, limit);
                Assert.True(b.Total == a.Total, $"{word} ({limit}): {a.Total} matches against {b.Total}");
                Assert.True(
                    b.Hits.Select(h => (h.ArticleId, h.Score)).SequenceEqual(a.Hits.Select(h => (h.ArticleId, h.Score))),
                    $"{word} ({limit}): {string.Join(' ', a.Hits.Select(h => h.ArticleId))} against {string.Join(' ', b.Hits.Select(h => h.ArticleId))}");
                if (champions.ChampionAnswers > before)
                {
                    answered.Add($"{word.Trim()} {limit}");
                }
            }
        }

        return answered;
    }

    private Task<string> WrittenAsync(string name, IReadOnlyList<StoredArticle> articles) => IndexFolders.WrittenAsync(_tmp.Path, name, articles);

    // An index closed while its champion lists are being made stops and waits for the making first (a mapped file read
    // after it is unmapped ends the process), and none is made where they are not asked for.
    [Fact]
    public async Task ClosingTheIndex_WhileListsAreMade_StopsTheMaking()
    {
        var folder = await WrittenAsync("closing", Generated(6000, 13, "c"));

        for (var i = 0; i < 5; i++)
        {
            var index = LuceneSearchIndex.OpenFolder(folder);
            index.UseChampions = true;
            await index.SearchAsync("brand", 10);
            index.Dispose();
        }

        using var once = LuceneSearchIndex.OpenFolder(folder);
        await once.SearchAsync("brand ", 10);
        Assert.Equal(0, once.ChampionAnswers);
    }

    // A server warms its index as it starts: the first one-word search after it is answered from champion lists
    // already made (without the warming, the first search starts the making and ranks every match meanwhile); an index
    // not asked for champions makes none.
    [Fact]
    public async Task WarmAsync_MakesTheChampionLists_BeforeTheFirstSearch()
    {
        var folder = await WrittenAsync("warm", Generated(6000, 17, "w"));

        using var warmed = LuceneSearchIndex.OpenFolder(folder);
        warmed.UseScoreTiers = false;
        warmed.UseChampions = true;
        await warmed.WarmAsync(null);
        Assert.Equal(1, warmed.SegmentsWithChampions());
        await warmed.SearchAsync("brand", 10);
        Assert.Equal(1, warmed.ChampionAnswers);

        using var plain = LuceneSearchIndex.OpenFolder(folder);
        await plain.WarmAsync(null);
        Assert.Equal(0, plain.SegmentsWithChampions());
    }

    [Fact]
    public async Task OneWord_FromTheChampions_EqualsRankingEveryMatch_WithDeletionsAndSmallSegments()
    {
        var folder = Path.Combine(_tmp.Path, "index");
        var first = Generated(6000, 3, "a").Concat(Tied(4500, "t")).ToList();
        using (var writing = LuceneSearchIndex.OpenFolder(folder))
        {
            await writing.AddAsync(first);
            writing.CloseWriter();
        }

        using var champions = LuceneSearchIndex.OpenFolder(folder);
        using var full = LuceneSearchIndex.OpenFolder(folder);
        champions.UseScoreTiers = false;
        champions.UseChampions = true;
        full.UseScoreTiers = false;
        full.UseChampions = false;
        int[] limits = [1, 3, 10, 32, 33];
        string[] words = [.. Common, "haven", "minister", "w17", "nergens"];

        await champions.ChampionsMadeAsync();
        var answered = await AssertSameAsync(champions, full, words, limits);
        // Every common word, the tied one where its page ends among ties; never a page over half the lists' size.
        Assert.Equal(
            ["brand 1", "brand 3", "brand 10", "brand 32", "trein 1", "trein 3", "trein 10", "trein 32", "storm 1", "storm 3", "storm 10", "storm 32", "water 1", "water 3", "water 10", "water 32", "haven 1", "haven 3", "haven 10", "haven 32"],
            answered);
        Assert.Equal(0, full.ChampionAnswers);

        // Articles replaced (deleted from the big segment), more in a segment too small for champions, and "minister"
        // in English too: held by two language fields, it is ranked in full.
        using (var writing = LuceneSearchIndex.OpenFolder(folder))
        {
            await writing.AddAsync(Generated(400, 5, "a"));
            // The lowest-numbered ties, the big segment's champions among them, written again in a later segment.
            await writing.AddAsync(Tied(60, "t"));
            await writing.AddAsync(Generated(900, 9, "b"));
            await writing.AddAsync(Generated(300, 11, "e", "en"));
            writing.CloseWriter();
        }

        await champions.ChampionsMadeAsync();
        answered = await AssertSameAsync(champions, full, words.Select(w => w + " "), limits);
        // A page of ties that would end in the later segment while ties of lower numbers are left outside in the big
        // one: refused, and ranked in full. Pages above the ties are still answered.
        Assert.DoesNotContain("haven 32", answered);
        Assert.Contains("haven 3", answered);
        Assert.True(answered.Count >= 12, string.Join(", ", answered));
    }
}
