using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Core.Store;
using Chorus.Core.Text;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

/// <summary>
/// A hit's matches read from the index's postings (places and offsets) mark exactly what analysing its text marks: the same words,
/// never an excluded one, a phrase only where it stands; queries the vectors cannot follow (prefix, fuzzy, slop) say
/// so and are marked by analysis.
/// </summary>
public sealed partial class IndexedMatchesTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static StoredArticle Article(string id, string title, string text, string lang)
        => new() { Id = id, Ref = id, ContentKey = id, Title = title, Text = text, Lang = lang };

    private async Task<LuceneSearchIndex> IndexAsync(IReadOnlyList<StoredArticle> articles)
    {
        var index = LuceneSearchIndex.OpenFolder(Path.Combine(_tmp.Path, "index-" + Guid.NewGuid().ToString("N")));
        await index.AddAsync(articles);
        index.CloseWriter();
        return index;
    }

    [Theory]
    [InlineData("nl", "", "Rusland bouwt nieuwe onderzeeërs. De onderzeeër is groot.", "onderzeeërs", true)]
    [InlineData("nl", "", "Kim sprak met Poetin en Kim. Poetin bleef thuis.", "Poetin OR (trein -Kim)", true)]
    [InlineData("nl", "", "Kim sprak met Poetin en Kim. Poetin bleef thuis.", "Poetin OR (trein NOT Kim)", true)]
    [InlineData("nl", "", "Kim reisde per trein. De trein Kim was laat.", "\"trein Kim\"", true)]
    [InlineData("nl", "", "Kim reisde per trein. De trein Kim was laat.", "\"trein Kim\" OR reisde", true)]
    [InlineData("nl", "Brand in Venlo", "Een brand in Venlo. De brand in Venlo was een grote brand.", "brand Venlo", true)]
    [InlineData("nl", "Brand in Venlo", "", "brand", true)]
    [InlineData("en", "Navy", "The navy said two submarines sailed at dawn. A submarine returned.", "submarine AND navy", true)]
    [InlineData("de", "", "Die Marine meldete zwei U-Boote im Hafen. Der Hafen war leer.", "Hafen", true)]
    [InlineData("nl", "", "Rusland bouwt nieuwe onderzeeërs.", "onderzee*", false)]
    [InlineData("nl", "", "Rusland bouwt nieuwe onderzeeërs.", "onderzeeers~", false)]
    [InlineData("nl", "", "Kim reisde per trein. De trein Kim was laat.", "\"trein Kim\"~2", false)]
    public async Task IndexedMatches_MarkWhatAnalysisMarks(string lang, string title, string text, string query, bool fromIndex)
    {
        using var index = await IndexAsync([Article("a1", title, text, lang)]);
        var hit = Assert.Single((await index.SearchAsync(query, 10)).Hits);
        Assert.Equal(fromIndex, hit.Matches is not null);
        var analysed = SnippetBuilder.Build(title, text, lang, query);
        var indexed = SnippetBuilder.Build(title, text, lang, query, hit.Matches);
        Assert.NotEmpty(analysed.Highlights);
        Assert.Equal(analysed.Snippet, indexed.Snippet);
        Assert.Equal(analysed.Highlights, indexed.Highlights);
    }

    /// <summary>
    /// Where a phrase holds a stopword, the highlighter's scoring lets its words stand within a distance in any order
    /// and so also marked a "Kim" before "trein"; the index marks the phrase only where it stands, as the search matched.
    /// </summary>
    [Fact]
    public async Task APhraseWithAStopword_IsMarkedOnlyWhereItStands()
    {
        const string Text = "Kim reisde per trein van Kim. De trein van Kim was laat.";
        using var index = await IndexAsync([Article("a1", string.Empty, Text, "nl")]);
        var hit = Assert.Single((await index.SearchAsync("\"trein van Kim\"", 10)).Hits);
        var (snippet, highlights) = SnippetBuilder.Build(string.Empty, Text, "nl", "\"trein van Kim\"", hit.Matches);
        Assert.Equal("Kim reisde per trein van Kim.", snippet);
        Assert.Equal([new TextSpan(15, 20), new TextSpan(25, 28)], highlights);
    }

    [Fact]
    public async Task APhrase_DoesNotRunFromTheTitleIntoTheText()
    {
        using var index = await IndexAsync([Article("a1", "De trein", "Kim reisde naar Moskou.", "nl")]);
        Assert.Empty((await index.SearchAsync("\"trein Kim\"", 10)).Hits);
        Assert.Single((await index.SearchAsync("trein AND Kim", 10)).Hits);
    }

    /// <summary>
    /// A query asked again is answered from the hits ranked for it only while the index is unchanged: after a commit
    /// here it is ranked afresh at once, after another writer's commit within a moment, and a larger page than the one
    /// kept is ranked again.
    /// </summary>
    [Fact]
    public async Task RepeatedSearches_AreRankedAfresh_WhenTheIndexChanges()
    {
        var folder = Path.Combine(_tmp.Path, "shared");
        using var index = LuceneSearchIndex.OpenFolder(folder);
        await index.AddAsync([Article("a1", string.Empty, "Een brand in Venlo.", "nl")]);
        index.CloseWriter();
        Assert.Equal(1, (await index.SearchAsync("brand", 1)).Total);

        await index.AddAsync([Article("a2", string.Empty, "Een brand in Tegelen.", "nl"), Article("a3", "Brand", "Brand in Blerick, brand in Venlo.", "nl")]);
        index.CloseWriter();
        var again = await index.SearchAsync("brand", 1);
        Assert.Equal(3, again.Total);
        Assert.Single(again.Hits);
        var all = await index.SearchAsync("brand", 10);
        Assert.Equal(3, all.Hits.Count);
        Assert.Equal(all.Hits.Take(2).Select(h => h.ArticleId), (await index.SearchAsync("brand", 2)).Hits.Select(h => h.ArticleId));

        using (var other = LuceneSearchIndex.OpenFolder(folder))
        {
            await other.AddAsync([Article("a4", string.Empty, "Weer een brand.", "nl")]);
            other.CloseWriter();
        }

        var seen = 0;
        for (var tries = 0; tries < 100 && seen != 4; tries++)
        {
            await Task.Delay(50);
            seen = (await index.SearchAsync("brand", 10)).Total;
        }

        Assert.Equal(4, seen);
    }

    /// <summary>
    /// Real articles and queries made of their words (one word, two, a phrase of two neighbours, a word without
    /// another): for every hit, the snippet and marks from the index equal those from analysis.
    /// </summary>
    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task OnRealArticles_IndexedMatchesEqualAnalysis()
    {
        var articles = File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl")).Take(300).Select((line, i) =>
        {
            using var json = JsonDocument.Parse(line);
            return Article("d" + i, json.RootElement.GetProperty("title").GetString() ?? string.Empty, json.RootElement.GetProperty("text").GetString() ?? string.Empty, "nl");
        }).ToList();
        using var index = await IndexAsync(articles);
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var random = new Random(20261206);
        var compared = 0;
        for (var q = 0; q < 60; q++)
        {
            var words = Words().Matches(articles[random.Next(articles.Count)].Text).Select(m => m.Value).ToList();
            if (words.Count < 4)
            {
                continue;
            }

            var at = random.Next(words.Count - 1);
            var query = (q % 4) switch
            {
                0 => words[at],
                1 => words[at] + " " + words[random.Next(words.Count)],
                2 => "\"" + words[at] + " " + words[at + 1] + "\"",
                _ => words[at] + " -" + words[random.Next(words.Count)],
            };
            foreach (var hit in (await index.SearchAsync(query, 10)).Hits)
            {
                var article = byId[hit.ArticleId];
                Assert.NotNull(hit.Matches);
                var analysed = SnippetBuilder.Build(article.Title!, article.Text, "nl", query);
                var indexed = SnippetBuilder.Build(article.Title!, article.Text, "nl", query, hit.Matches);
                Assert.True(analysed.Snippet == indexed.Snippet && analysed.Highlights.SequenceEqual(indexed.Highlights), $"query {query}, article {hit.ArticleId}: analysed {Show(analysed)}, indexed {Show(indexed)}");
                compared++;
            }
        }

        Assert.True(compared > 100, $"only {compared} hits compared");
    }

    private static string Show((string Snippet, IReadOnlyList<TextSpan> Highlights) built)
        => string.Join("|", built.Highlights.Select(h => built.Snippet[h.Start..h.End]));

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Words();
}
