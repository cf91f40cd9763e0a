using System.Text.Json;
using Chorus.Storage.Search;
using Chorus.Tests;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Chorus.Storage.Tests;

/// <summary>The search index's Dutch analyser gives exactly the tokens of Lucene.NET's DutchAnalyzer, its stems memoised.</summary>
public sealed class DutchSearchAnalyzerTests
{
    [Theory]
    [InlineData("De fiets van het kind stond bij de bromfiets; een ei viel.")]
    [InlineData("Kinderen, fietsen en eieren: KINDEREN Fietsen EIEREN")]
    [InlineData("Het kabinet-Rutte III eist 1,5 miljard euro van de NAVO-partners, geëist door café-eigenaren.")]
    [InlineData("Zie https://www.example.nl/nieuws/2019/03/16/een-heel-lang-adres-met-woorden of mail info@example.nl")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa lopen lopen lopen")]
    [InlineData("'s Avonds d'r zo'n 12.30 uur #tag @naam — “citaat” ‘binnen’ Ĳsselmeer ijsselmeer")]
    [InlineData("")]
    public void GivesTheTokensOfLucenesDutchAnalyzer(string text)
    {
        using var lucene = new DutchAnalyzer(LuceneVersion.LUCENE_48);
        using var memoised = new DutchSearchAnalyzer();
        // Twice through the same analyser: the second pass takes every stem from the memo.
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(Tokens(lucene, text), Tokens(memoised, text));
        }
    }

    /// <summary>Every DPG article, titles and texts, through one analyser of each kind (the memo fills as it goes).</summary>
    [SharedDataFact("dpg2019/articles.jsonl")]
    public void OnRealArticles_GivesTheTokensOfLucenesDutchAnalyzer()
    {
        using var lucene = new DutchAnalyzer(LuceneVersion.LUCENE_48);
        using var memoised = new DutchSearchAnalyzer();
        var tokens = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var field in new[] { "title", "text" })
            {
                var text = json.RootElement.GetProperty(field).GetString() ?? string.Empty;
                var expected = Tokens(lucene, text);
                Assert.Equal(expected, Tokens(memoised, text));
                tokens += expected.Count;
            }
        }

        Assert.True(tokens > 100_000, $"only {tokens} tokens compared");
    }

    private static List<(string Term, int Increment, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("text_nl", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        tokens.Add(("(end)", increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        return tokens;
    }
}
