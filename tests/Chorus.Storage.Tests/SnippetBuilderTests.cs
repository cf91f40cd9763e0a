using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

/// <summary>
/// A hit's snippet marks what the query matched, as the index matched it: by the language's stems, never a word the
/// query excludes, a phrase only where it stands, a prefix wherever it leads.
/// </summary>
public sealed class SnippetBuilderTests
{
    [Theory]
    [InlineData("nl", "Rusland bouwt nieuwe onderzeeërs. De onderzeeër is groot.", "onderzeeërs", "onderzeeërs")]
    [InlineData("nl", "Kim sprak met Poetin en Kim. Poetin bleef thuis.", "Poetin -Kim", "Poetin")]
    [InlineData("nl", "Kim sprak met Poetin en Kim. Poetin bleef thuis.", "Poetin NOT Kim", "Poetin")]
    [InlineData("nl", "Rusland bouwt nieuwe onderzeeërs.", "onderzee*", "onderzeeërs")]
    [InlineData("nl", "Kim reisde per trein. De trein Kim was laat.", "\"trein Kim\"", "trein|Kim")]
    [InlineData("en", "The navy said two submarines sailed at dawn.", "submarine", "submarines")]
    [InlineData("de", "Die Marine meldete zwei U-Boote im Hafen.", "Hafen", "Hafen")]
    public void Highlights_AreWhatTheQueryMatched(string lang, string text, string query, string expected)
    {
        var (snippet, highlights) = SnippetBuilder.Build(string.Empty, text, lang, query);
        Assert.Equal(expected, string.Join("|", highlights.Select(h => snippet[h.Start..h.End])));
    }

    [Fact]
    public void TheSentenceWithMostMatches_IsTheSnippet_AndAQueryThatCannotBeParsedMarksNothing()
    {
        const string Text = "Een brand in Venlo. De brand in Venlo was een grote brand. Het regende.";
        Assert.Equal("De brand in Venlo was een grote brand.", SnippetBuilder.Build(string.Empty, Text, "nl", "brand Venlo").Snippet);
        var (snippet, highlights) = SnippetBuilder.Build(string.Empty, Text, "nl", "brand AND (Venlo");
        Assert.Equal("Een brand in Venlo.", snippet);
        Assert.Empty(highlights);
    }
}
