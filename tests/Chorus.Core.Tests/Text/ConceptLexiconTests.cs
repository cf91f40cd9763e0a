using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

public class ConceptLexiconTests
{
    [Theory]
    [InlineData("nl", "kerken", "#c:church")]
    [InlineData("de", "Kirche", "#c:church")]
    [InlineData("en", "churches", "#c:church")]
    [InlineData("nl", "aardbeving", "#c:earthquak")]
    [InlineData("de", "Erdbeben", "#c:earthquak")]
    [InlineData("nl", "stakingen", "#c:strike")]
    [InlineData("de", "Streiks", "#c:strike")]
    [InlineData("nl", "vulkaan", "#c:volcano")]
    [InlineData("de", "Vulkan", "#c:volcano")]
    public void InflectedWords_FindTheirConcept(string lang, string word, string concept)
    {
        var stem = LanguageStemmer.For(lang).Stem(word);
        Assert.Contains(concept, ConceptLexicon.Default.ConceptsOf(lang, stem).ToArray());
    }

    [Theory]
    [InlineData("fr", "eglis")]
    [InlineData("nl", "xyzzyq")]
    [InlineData("en", "the")]
    public void WordsOutsideTheLexicon_HaveNoConcepts(string lang, string stem)
        => Assert.True(ConceptLexicon.Default.ConceptsOf(lang, stem).IsEmpty);

    [Fact]
    public void EveryWord_HasAtMostThreeConcepts_AndTheListIsCompact()
    {
        var rows = new[] { "# comment", "nl\tbrand\tfire,blaze,conflagration,flame", "de\tfeuer\tfire", "bad row", "fr\tfeu\tfire" };
        var lexicon = ConceptLexicon.Load(rows);
        Assert.Equal(3, lexicon.ConceptsOf("nl", LanguageStemmer.For("nl").Stem("brand")).Length);
        Assert.Equal((1, 1, 3), lexicon.Size);
        var (dutch, german, english) = ConceptLexicon.Default.Size;
        Assert.InRange(dutch, 10_000, 40_000);
        Assert.InRange(german, 10_000, 40_000);
        Assert.InRange(english, 3_000, 30_000);
    }
}
