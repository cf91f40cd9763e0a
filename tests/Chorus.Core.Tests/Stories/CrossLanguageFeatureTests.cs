using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Stories;

public class CrossLanguageFeatureTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static ArticleFeatures Features(string lang, string text)
        => ArticleFeatures.From(Analyzer.Analyze(new RawArticle { Ref = lang, Text = text, Lang = lang, Date = PartialDate.OfDay(new DateOnly(2024, 4, 3)) }));

    [Fact]
    public void NamesCrossSpellingsAndLanguages()
    {
        var nl = Features("nl", "President Vladimir Poetin sprak dinsdag in Moskou met de Russische regering. Poetin zei niets over Oekraïne.");
        var en = Features("en", "President Vladimir Putin spoke in Moscow on Tuesday. Putin said nothing about Ukraine.");
        var de = Features("de", "Präsident Wladimir Putin sprach am Dienstag in Moskau. Putin sagte nichts über die Ukraine.");
        foreach (var key in new[] { "putin", "vladimir" })
        {
            Assert.Contains(key, nl.Names.Keys);
            Assert.Contains(key, en.Names.Keys);
            Assert.Contains(key, de.Names.Keys);
        }

        Assert.Contains(nl.Names.Keys, k => en.Names.ContainsKey(k) && de.Names.ContainsKey(k) && k is "oekraine" or "moskou");
    }

    // "de" of Paul de Leeuw is shared by every De Jong and De Wit of the paper: a particle is no name key; nor is an
    // English weekday, capitalised as names are.
    [Theory]
    [InlineData("nl", "Presentator Paul de Leeuw begint zaterdag een nieuwe show. De Leeuw is blij.", "paul", "leuv", "de")] // keys are transliteration keys
    [InlineData("en", "Commission president Ursula von der Leyen said on Tuesday in Brussels that talks would go on.", "ursula", "leien", "von")]
    public void NameParticles_AreNoNameKeys(string lang, string text, string given, string surname, string particle)
    {
        var features = Features(lang, text);
        Assert.Contains(given, features.Names.Keys);
        Assert.Contains(surname, features.Names.Keys);
        Assert.DoesNotContain(particle, features.Names.Keys);
        Assert.DoesNotContain("der", features.Names.Keys);
        Assert.DoesNotContain("tuesdai", features.Names.Keys); // a weekday is a time, not a name
    }

    // A function word capitalised where a sentence or quote starts is no name key, even when the article starts several
    // sentences with it; an acronym spelled like one ("IS") stays.
    [Fact]
    public void CapitalisedFunctionWords_AreNoNameKeys()
    {
        var features = Features("nl", "Maar de burgemeester zweeg. Maar Paul Smit sprak: 'In Utrecht is het rustig.' In Arnhem was het onrustig. Maar IS dreigt.");
        Assert.Contains("paul", features.Names.Keys);
        Assert.DoesNotContain("mar", features.Names.Keys);
        Assert.DoesNotContain("in", features.Names.Keys);
        Assert.Contains("is", features.Names.Keys);
    }

    [Fact]
    public void GermanNouns_AreNoNames_AndFiguresReadTheSameInEveryLanguage()
    {
        var de = Features("de", "Ein Beben der Stärke 7,4 hat am Mittwoch Taiwan erschüttert. Die Behörden meldeten 1000 Verletzte.");
        var en = Features("en", "A magnitude 7.4 quake struck Taiwan on Wednesday. Officials reported 1,000 injured.");
        Assert.DoesNotContain("beben", de.Names.Keys);
        Assert.DoesNotContain("behorden", de.Names.Keys);
        Assert.Contains("#n:7.4", de.Terms.Keys);
        Assert.Contains("#n:7.4", en.Terms.Keys);
        Assert.Contains("#n:1000", en.Terms.Keys);
        Assert.Equal(("de", "en"), (de.Lang, en.Lang));
    }

    [Fact]
    public void ContentWords_MeetAsConcepts_AcrossLanguages()
    {
        var nl = Features("nl", "Een brand heeft dinsdag de kerk verwoest. De staking van de brandweer duurde tot de avond.");
        var de = Features("de", "Ein Feuer hat am Dienstag die Kirche zerstört. Der Streik der Feuerwehr dauerte bis zum Abend.");
        var en = Features("en", "A fire destroyed the church on Tuesday. The strike of the firefighters lasted until the evening.");
        foreach (var concept in new[] { "#c:church", "#c:strike", "#c:fire" })
        {
            Assert.Contains(concept, nl.Concepts.Keys);
            Assert.Contains(concept, de.Concepts.Keys);
            Assert.Contains(concept, en.Concepts.Keys);
        }
    }
}

public class ResumeDeterminismTests
{
    /// <summary>
    /// An ingest resumed after a crash starts with statistics loaded from the store and an empty cache; IDF must not
    /// depend on when the cache was last filled, or the resumed run decides differently from one that never stopped.
    /// </summary>
    [Fact]
    public void Idf_IsAFunctionOfTheCountsAlone()
    {
        var running = new TermStatistics(new Dictionary<string, int>(), 0);
        var features = new ArticleFeatures(new Dictionary<string, float> { ["brand"] = 1, ["haven"] = 1 }, new Dictionary<string, float>(), null);
        for (var i = 0; i < 137; i++)
        {
            running.AddDocument(features);
            _ = running.Idf("brand");
        }

        var resumed = new TermStatistics(new Dictionary<string, int> { ["brand"] = 137, ["haven"] = 137 }, 137);
        Assert.Equal(running.Idf("brand"), resumed.Idf("brand"));
        Assert.Equal(running.Idf("nieuw"), resumed.Idf("nieuw"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 11)]
    [InlineData(21, 11)]
    [InlineData(22, 22)]
    [InlineData(1000, 950)]
    public void GridDocuments_FollowsTheRefreshSchedule(int documents, int grid)
        => Assert.Equal(grid, TermStatistics.GridDocuments(documents));
}
