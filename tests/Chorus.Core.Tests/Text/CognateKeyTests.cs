using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Time;
using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

public class CognateKeyTests
{
    private static string? KeyOf(string lang, string word) => CognateKey.Of(LanguageStemmer.For(lang).Stem(word.ToLowerInvariant()));

    // Dutch and German cognates meet through the regular spelling correspondences (ij/ei, h silent, ch/k, sch/s, pf/p,
    // vowel runs); unrelated words and words of another root do not; short words get no key at all.
    [Theory]
    [InlineData("gijzelnemer", "Geiselnehmer", true)]
    [InlineData("verkeersongeluk", "Verkehrsunglück", true)]
    [InlineData("ziekenhuisopname", "Krankenhausaufnahme", false)] // a translation, not a cognate
    [InlineData("verkiezingsuitslag", "Waldbrandgefahr", false)]
    [InlineData("brandweerman", "Feuerwehrmann", false)]
    public void DutchAndGermanCognates_ShareAKey(string dutch, string german, bool same)
    {
        var (nl, de) = (KeyOf("nl", dutch), KeyOf("de", german));
        Assert.NotNull(nl);
        Assert.NotNull(de);
        Assert.Equal(same, nl == de);
    }

    [Theory]
    [InlineData("nl", "tijd")]
    [InlineData("de", "Zeit")]
    [InlineData("nl", "stroom")]
    [InlineData("de", "Geisel")]
    public void ShortWords_GetNoKey(string lang, string word) => Assert.Null(KeyOf(lang, word));

    [Fact]
    public void TheKey_IsItsPrefixAndAtMostLengthClasses()
    {
        var key = KeyOf("nl", "gijzelnemer")!;
        Assert.Equal(CognateKey.Prefix, key[0]);
        Assert.Equal("~KVSVlnVm", key);
    }

    // In a story of two languages, a Dutch and a German word the lexicon lacks cross on their shared key; a story of
    // one language keeps no cross terms of that kind.
    [Fact]
    public void UnlistedCognates_CrossOnTheirKey_InAStoryOfTwoLanguages()
    {
        var nl = Article("nl", "De gijzelnemer gaf zich zondag over.");
        var de = Article("de", "Der Geiselnehmer ergab sich am Sonntag.");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = StorySentences.Build([nl, de], vocabulary);
        var key = vocabulary["~KVSVlnVm"];
        Assert.All(sentences, s => Assert.Contains(key, s.CrossTerms));

        var alone = new Dictionary<string, int>(StringComparer.Ordinal);
        StorySentences.Build([nl, Article("nl2", "De gijzelnemer is opgepakt.")], alone);
        Assert.DoesNotContain(alone.Keys, k => k[0] == CognateKey.Prefix);
    }

    // An English word the lexicon lacks keys on the word as written, not on its stem, which drops what the Dutch and
    // German stems keep ("helicopt", "helikopter"), so it meets the other language's cognate ("chemotherapy",
    // "chemotherapie").
    [Fact]
    public void AnUnlistedEnglishWord_CrossesOnTheKeyOfItsWrittenForm()
    {
        Assert.Equal(CognateKey.Of("helikopter"), CognateKey.Of("helicopter"));
        Assert.NotEqual(CognateKey.Of("helicopter"), KeyOf("en", "helicopter"));

        var nl = Article("nl", "Het ziekenhuis in Tiel begint maandag met een nieuwe chemotherapie voor kinderen.");
        var en = Article("en", "The hospital in Tiel will start a new chemotherapy for children on Monday.");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = StorySentences.Build([nl, en], vocabulary);
        var key = vocabulary[CognateKey.Of("chemotherapy")!];
        Assert.All(sentences, s => Assert.Contains(key, s.CrossTerms));
    }

    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static ComparedArticle Article(string id, string text)
    {
        var analyzed = Analyzer.Analyze(new RawArticle { Ref = id, Text = text, Date = PartialDate.Parse("2024-06-02").Value, Source = id });
        Assert.Equal(id[..2], analyzed.Lang);
        return ComparedArticle.WithProvisionalIds(id, id, id, analyzed);
    }
}
