using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Core.Store;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

/// <summary>
/// A one-word query answered from the tier (<see cref="ScoreTiers"/>) gives exactly what ranking every match gives: the
/// same hits, scores, order and number of matches; and the tier does answer (a comparison it never made proves nothing).
/// </summary>
public sealed partial class ScoreTiersTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static StoredArticle Article(string id, string title, string text, string lang = "nl")
        => new() { Id = id, Ref = id, ContentKey = id, Title = title, Text = text, Lang = lang };

    // The same folder through two indexes: one ranks with tiers, the other ranks every match.
    private async Task<(LuceneSearchIndex Tiered, LuceneSearchIndex Full)> IndexAsync(IReadOnlyList<StoredArticle> articles, IReadOnlyList<StoredArticle>? replacements = null)
    {
        var folder = Path.Combine(_tmp.Path, "index-" + Guid.NewGuid().ToString("N"));
        using (var writing = LuceneSearchIndex.OpenFolder(folder))
        {
            await writing.AddAsync(articles);
            if (replacements is not null)
            {
                await writing.AddAsync(replacements);
            }

            writing.CloseWriter();
        }

        // Champion lists aside (SegmentChampionsTests): the tier alone against every match.
        var full = LuceneSearchIndex.OpenFolder(folder);
        full.UseScoreTiers = false;
        full.UseChampions = false;
        var tiered = LuceneSearchIndex.OpenFolder(folder);
        tiered.UseChampions = false;
        return (tiered, full);
    }

    private static async Task AssertSameAsync(LuceneSearchIndex tiered, LuceneSearchIndex full, string query, int limit)
    {
        var a = await tiered.SearchAsync(query, limit);
        var b = await full.SearchAsync(query, limit);
        Assert.Equal(b.Total, a.Total);
        Assert.Equal(
            b.Hits.Select(h => (h.ArticleId, h.Score)).ToList(),
            a.Hits.Select(h => (h.ArticleId, h.Score)).ToList());
    }

    // Texts of a few words, each repeated a varying number of times in texts of varying length, in three languages.
    private static List<StoredArticle> Generated(int count, int seed)
    {
        string[][] words =
        [
            ["brand", "trein", "minister", "haven", "storm", "school", "vuur", "water"],
            ["fire", "train", "minister", "harbour", "storm", "school", "flood", "water"],
            ["Feuer", "Zug", "Minister", "Hafen", "Sturm", "Schule", "Flut", "Wasser"],
        ];
        string[] langs = ["nl", "en", "de"];
        var random = new Random(seed);
        var articles = new List<StoredArticle>();
        for (var i = 0; i < count; i++)
        {
            var lang = random.Next(3);
            var length = 3 + random.Next(200);
            var text = string.Join(' ', Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? words[lang][random.Next(8)] : "w" + random.Next(5000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            articles.Add(Article("g" + i, random.Next(3) == 0 ? words[lang][random.Next(8)] : string.Empty, text, langs[lang]));
        }

        return articles;
    }

    [Theory]
    [InlineData("brand", 1)]
    [InlineData("brand", 3)]
    [InlineData("minister", 10)]
    [InlineData("Minister", 5)]
    [InlineData("storm", 20)]
    [InlineData("Hafen", 2)]
    [InlineData("harbour", 4)]
    [InlineData("water", 50)]
    [InlineData("w17", 3)]
    [InlineData("nergens", 3)]
    public async Task OneWord_FromTheTier_EqualsRankingEveryMatch(string word, int limit)
    {
        var (tiered, full) = await IndexAsync(Generated(600, 7));
        using (tiered)
        using (full)
        {
            await AssertSameAsync(tiered, full, word, limit);
        }
    }

    [Fact]
    public async Task GeneratedWords_AreAnsweredFromTheTier_AndEqualTheFullRanking()
    {
        var (tiered, full) = await IndexAsync(Generated(600, 11));
        using (tiered)
        using (full)
        {
            var queries = 0;
            foreach (var word in new[] { "brand", "trein", "minister", "haven", "storm", "school", "vuur", "water", "fire", "train", "Zug", "Feuer" })
            {
                foreach (var limit in new[] { 1, 2, 5, 10 })
                {
                    await AssertSameAsync(tiered, full, word, limit);
                    queries++;
                }
            }

            Assert.True(tiered.TierAnswers >= queries / 2, $"the tier answered {tiered.TierAnswers} of {queries} queries");
            Assert.Equal(0, full.TierAnswers);
        }
    }

    // A word common in one language and rare in another: the rare language's idf makes its articles score more per unit
    // of weight, so one outside its tier can outrank the common language's tier. Such a word is ranked in full.
    [Fact]
    public async Task AWordOfTwoLanguages_WithOtherIdfs_IsRankedInFull()
    {
        var articles = new List<StoredArticle>();
        for (var i = 0; i < 400; i++)
        {
            articles.Add(Article("nl" + i, string.Empty, $"minister w{i} x{i}"));
        }

        var filler = string.Join(' ', Enumerable.Range(0, 300).Select(i => "filler" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (var i = 0; i < 3; i++)
        {
            articles.Add(Article("en" + i, string.Empty, $"minister {filler}", "en"));
        }

        var (tiered, full) = await IndexAsync(articles);
        using (tiered)
        using (full)
        {
            var fullTop = (await full.SearchAsync("minister", 5)).Hits.Select(h => h.ArticleId).ToList();
            Assert.StartsWith("en", fullTop[0], StringComparison.Ordinal);
            await AssertSameAsync(tiered, full, "minister", 5);
            await AssertSameAsync(tiered, full, "w7", 1);
        }
    }

    /// <summary>Articles replaced after they were indexed leave deleted documents behind: the count of matches skips them.</summary>
    [Fact]
    public async Task ReplacedArticles_AreNotCounted()
    {
        var first = Generated(400, 3);
        var replacements = first.Take(150).Select(a => a with { Text = a.Text.Replace("brand", "vlam", StringComparison.Ordinal) + " brand brand brand" }).ToList();
        var (tiered, full) = await IndexAsync(first, replacements);
        using (tiered)
        using (full)
        {
            foreach (var (word, limit) in new[] { ("brand", 3), ("vlam", 2), ("trein", 5), ("brand", 10) })
            {
                await AssertSameAsync(tiered, full, word, limit);
            }

            Assert.True(tiered.TierAnswers > 0, "the tier answered no query");
        }
    }

    /// <summary>An index whose commit is of an older format may hold documents written without tiers: it ranks every match.</summary>
    [Fact]
    public async Task AnIndexOfAnOlderFormat_RanksEveryMatch()
    {
        var folder = Path.Combine(_tmp.Path, "older");
        using (var writing = LuceneSearchIndex.OpenFolder(folder))
        {
            await writing.AddAsync(Generated(600, 7));
            writing.CloseWriter();
        }

        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var analyzer = new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analyzer)))
        {
            writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal) { ["chorus.format"] = "2" });
            writer.Commit();
        }

        using var index = LuceneSearchIndex.OpenFolder(folder);
        Assert.NotEmpty((await index.SearchAsync("brand", 3)).Hits);
        Assert.Equal(0, index.TierAnswers);
    }

    /// <summary>
    /// Every DPG article, and one-word queries drawn from their texts (common words more often, as readers ask):
    /// every page from the tier equals the full ranking.
    /// </summary>
    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task OnRealArticles_PagesFromTheTier_EqualTheFullRanking()
    {
        var articles = File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl")).Select((line, i) =>
        {
            using var json = JsonDocument.Parse(line);
            return Article("d" + i, json.RootElement.GetProperty("title").GetString() ?? string.Empty, json.RootElement.GetProperty("text").GetString() ?? string.Empty);
        }).ToList();
        var (tiered, full) = await IndexAsync(articles);
        using (tiered)
        using (full)
        {
            var random = new Random(20261206);
            var queries = 0;
            for (var q = 0; q < 300; q++)
            {
                var words = Words().Matches(articles[random.Next(articles.Count)].Text).Select(m => m.Value).ToList();
                if (words.Count == 0)
                {
                    continue;
                }

                await AssertSameAsync(tiered, full, words[random.Next(words.Count)], 1 + random.Next(10));
                queries++;
            }

            Assert.True(tiered.TierAnswers >= queries / 10, $"the tier answered {tiered.TierAnswers} of {queries} queries");
        }
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Words();
}
