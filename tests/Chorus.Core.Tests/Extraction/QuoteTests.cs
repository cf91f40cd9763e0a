using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Extraction;

public class QuoteTests(ITestOutputHelper output)
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static List<(int, int, string)> Run(MarkedCase c)
        => Analyzer.Analyze(new RawArticle { Ref = "q", Text = c.Text, Lang = c.Lang }).Quotes.Select(q => (q.Start, q.End, q.Speaker ?? "null")).ToList();

    /// <summary>Quotes are found by their marks; speakers depend on the entity tagger finding the person, so they score lower.</summary>
    [Theory]
    [InlineData("nl", 0.95, 0.95, 0.85)]
    [InlineData("en", 0.9, 0.9, 0.8)]
    [InlineData("de", 0.9, 0.9, 0.8)]
    public void Fixture_QuotesAndSpeakers(string lang, double minPrecision, double minRecall, double minSpeakerAccuracy)
    {
        var cases = FixtureTable.Read("quotes.tsv").Where(c => c.Lang == lang);
        FixtureTable.AssertScores(output, $"quotes ({lang}); value = speaker", cases.Select(c => (c, Run(c))), (minPrecision, minRecall, minSpeakerAccuracy));
    }

    [Fact]
    public void Fixture_HasAtLeast30DutchCases()
        => Assert.True(FixtureTable.Read("quotes.tsv").Count(c => c.Lang == "nl") >= 30);

    [Fact]
    public void Seed002_BothQuotesGoToRemcoBreuker()
    {
        var article = Analyzer.Analyze(SeedTextReader.Read(File.ReadAllText(TestPaths.Seed002), "002", null).Article!);
        var text = article.Raw.Text;
        var byStart = article.Quotes.ToDictionary(q => text[q.Start..Math.Min(q.End, q.Start + 30)], q => q.Speaker);
        Assert.Equal("Remco Breuker", byStart["Dit is meer dan een beleefdhei"]);
        Assert.Equal("Remco Breuker", byStart["Kim Jong-un hoeft niet zo ver "]);
        Assert.All(article.Quotes, q => Assert.Equal("Remco Breuker", q.Speaker));
    }
}
