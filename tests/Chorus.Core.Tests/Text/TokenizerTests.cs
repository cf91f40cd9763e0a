using Chorus.Core.Text;
using CsCheck;

namespace Chorus.Core.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("Kim Jong-un reist.", new[] { "Kim", "Jong-un", "reist", "." })]
    [InlineData("zo'n 60 kilometer per uur", new[] { "zo'n", "60", "kilometer", "per", "uur" })]
    [InlineData("€ 2,5 miljoen en 1.000 man", new[] { "€", "2,5", "miljoen", "en", "1.000", "man" })]
    [InlineData("d.w.z. het Noord-Koreaanse", new[] { "d.w.z", ".", "het", "Noord-Koreaanse" })]
    [InlineData("“Dit,” zegt hij…", new[] { "“", "Dit", ",", "”", "zegt", "hij", "…" })]
    [InlineData("10-13 september", new[] { "10", "-", "13", "september" })]
    public void Tokenize_SplitsAsAReaderWould(string text, string[] expected)
        => Assert.Equal(expected, Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Fact]
    public void Tokenize_RandomText_GivesOrderedNonOverlappingNonBlankTokensInsideTheText()
    {
        Gen.String[Gen.Char[(char)0, (char)0x3000], 0, 200].Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var last = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= last && t.End > t.Start && t.End <= text.Length);
                Assert.False(string.IsNullOrWhiteSpace(text[t.Start..t.End]));
                last = t.End;
            }
        }, iter: 2000);
    }

    [Fact]
    public void Split_RandomText_GivesOrderedTrimmedSpansInsideTheText()
    {
        Gen.String[Gen.OneOf(Gen.Char["abc XYZ.!?\n\"'”…"], Gen.Char), 0, 300].Sample(text =>
        {
            var last = 0;
            foreach (var s in SentenceSplitter.Dutch.Split(text))
            {
                Assert.True(s.Start >= last && s.End > s.Start && s.End <= text.Length);
                Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]));
                last = s.End;
            }
        }, iter: 2000);
    }
}

public class LanguageTests
{
    [Theory]
    [InlineData("De Noord-Koreaanse leider is op weg naar Rusland voor een ontmoeting met de president. Dat hebben het Kremlin en het persbureau bevestigd.", "nl")]
    [InlineData("The North Korean leader is on his way to Russia for a meeting with the president. The Kremlin and the news agency have confirmed it.", "en")]
    [InlineData("Der nordkoreanische Machthaber ist auf dem Weg nach Russland, um dort den Präsidenten zu treffen. Das hat der Kreml bestätigt.", "de")]
    public void Guess_RecognisesTheNewsLanguages(string text, string lang)
    {
        var guess = LanguageIdentifier.Default.Identify(text);
        Assert.Equal(lang, guess.Lang);
        Assert.True(guess.Confidence > 0.5, $"confidence {guess.Confidence}");
    }

    [Fact]
    public void Guess_NoWords_IsUnknown() => Assert.Equal(LanguageIdentifier.Unknown, LanguageIdentifier.Default.Identify("12345 !!").Lang);

    [Fact]
    public void Stemmer_FoldsInflectionsToOneStem()
    {
        var nl = LanguageStemmer.For("nl");
        Assert.Equal(nl.Stem("onderzeeërs"), nl.Stem("onderzeeër"));
        Assert.Equal(nl.Stem("ontmoetingen"), nl.Stem("ontmoeting"));
        Assert.True(nl.IsStopword("de"));
        var en = LanguageStemmer.For("en");
        Assert.Equal(en.Stem("meetings"), en.Stem("meeting"));
    }
}
