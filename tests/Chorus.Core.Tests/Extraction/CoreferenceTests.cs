using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Extraction;

public class CoreferenceTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static Dictionary<string, string> EntityOfSurface(string path)
    {
        var a = Analyzer.Analyze(SeedTextReader.Read(File.ReadAllText(path), path, null).Article!);
        return a.Entities.GroupBy(e => a.Raw.Text[e.Start..e.End]).ToDictionary(g => g.Key, g => a.EntityGroups[g.First().Group].Canonical);
    }

    [Fact]
    public void Seed000_TyposShortFormsAndAdjectivesJoinTheirEntity()
    {
        var e = EntityOfSurface(TestPaths.Seed000);
        Assert.Equal(e["Sjojgoe"], e["Sjogjoe"]);
        Assert.Equal("Kim Jong-un", e["Kim"]);
        Assert.Equal("Noord-Korea", e["Noord-Koreaanse"]);
        Assert.Equal("Rusland", e["Russische"]);
    }

    [Fact]
    public void Seed002_BreukerIsRemcoBreuker_AndTheTwoKimsStayApart()
    {
        var e = EntityOfSurface(TestPaths.Seed002);
        Assert.Equal("Remco Breuker", e["Breuker"]);
        Assert.Equal("Kim Jong-un", e["Kim"]);
        Assert.Equal("Kim Jong-il", e["Kim Jong-il"]);
        Assert.NotEqual(e["Kim Jong-un"], e["Kim Jong-il"]);
    }

    [Theory]
    [InlineData("Noord-Koreaanse", "Noord-Korea")]
    [InlineData("Japanse", "Japan")]
    [InlineData("Zuid-Koreaanse", "Zuid-Korea")]
    [InlineData("Vietnamese", "Vietnam")]
    [InlineData("Amerikaanse", "Verenigde Staten")]
    [InlineData("North Korean", "North Korea")]
    [InlineData("russischen", "Russland")]
    public void PlaceAdjectives_PointToTheirPlace(string adjective, string place)
        => Assert.Equal(place, PlaceAdjectives.Default.PlaceOf(adjective));

    [Fact]
    public void PlaceAdjectives_AreMostlyDerivedFromTheAlpinoLists()
        => Assert.True(PlaceAdjectives.Default.Count > 300, $"{PlaceAdjectives.Default.Count} adjectives linked");
}
