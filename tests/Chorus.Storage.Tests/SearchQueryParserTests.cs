using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

public class SearchQueryParserTests
{
    // Each of these crashed the CLI, answered 500, froze the server or silently found nothing.
    [Theory]
    [InlineData("NOT", "cannot read the query")]
    [InlineData("AND OR NOT", "cannot read the query")]
    [InlineData("Kim AND (trein", "cannot read the query")]
    [InlineData("\"unclosed", "cannot read the query")]
    [InlineData("*", "cannot read the query")]
    [InlineData("*trein", "cannot read the query")]
    [InlineData("/(.*){6000}/", "regular expressions")]
    [InlineData("trein AND /[a-z]+/", "regular expressions")]
    [InlineData("   ", "empty")]
    [InlineData("24/7", "regular expressions")]
    [InlineData("trei*?*?*?*", "wildcards")]
    public void QueriesThatCannotBeSearched_SayWhy(string query, string expected)
        => Assert.Contains(expected, SearchQueryParser.Problem(query), StringComparison.Ordinal);

    // A wildcard or fuzzy automaton grows with its word: long such words are refused before Lucene builds one (a
    // 975-letter word with one ? took 1.4 s to parse), an ordinary long word or a long phrase is not.
    [Fact]
    public void LongWildcardOrFuzzyWords_AreRefusedBeforeAnyWork()
    {
        var word = string.Concat(Enumerable.Repeat("onderzeeërs", 80));
        foreach (var pattern in new[] { word[..400] + "?" + word[400..], word + "~", word + "*", "Kim AND (" + word + "~2)", "title:" + word + "*", "trein*" + string.Concat(Enumerable.Repeat("-01", 100)) })
        {
            Assert.Contains("a word with a wildcard or ~ is", SearchQueryParser.Problem(pattern), StringComparison.Ordinal);
        }

        Assert.Null(SearchQueryParser.Problem(new string('a', 63) + "*"));
        Assert.Null(SearchQueryParser.Problem("\"" + word[..300] + "\"~2"));
        Assert.Null(SearchQueryParser.Problem(word[..300]));
    }

    [Fact]
    public void LongQueries_AreRefusedBeforeAnyWork()
    {
        Assert.Contains("characters long", SearchQueryParser.Problem(string.Join(' ', Enumerable.Range(0, 1100).Select(i => $"woord{i}"))), StringComparison.Ordinal);
        Assert.Contains("65 terms", SearchQueryParser.Problem(string.Join(' ', Enumerable.Range(0, 65).Select(i => $"w{i}"))), StringComparison.Ordinal);
        Assert.Null(SearchQueryParser.Problem(string.Join(' ', Enumerable.Range(0, 64).Select(i => $"w{i}"))));
    }

    [Theory]
    [InlineData("onderzeeërs")]
    [InlineData("Kim AND trein")]
    [InlineData("\"Kim Jong-un\" OR Poetin")]
    [InlineData("trein*")]
    [InlineData("Sjojgoe~")]
    [InlineData("Vladivostok -Moskou")]
    [InlineData("de het een")]
    [InlineData("tr?in* AND ha*en")]
    [InlineData("\"24/7\"")]
    [InlineData("24\\/7")]
    public void OrdinaryQueries_AreAccepted(string query) => Assert.Null(SearchQueryParser.Problem(query));
}
