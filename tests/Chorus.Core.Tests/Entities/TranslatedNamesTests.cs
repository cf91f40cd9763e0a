using Chorus.Core.Entities;

namespace Chorus.Core.Tests.Entities;

public class TranslatedNamesTests
{
    [Theory]
    [InlineData("Russia", "rusland")]
    [InlineData("Russland", "rusland")]
    [InlineData("RUSSIE", "rusland")]
    [InlineData("Oekraïne", "oekraine")]
    [InlineData("Ukraine", "oekraine")]
    [InlineData("North Korea", "noord-korea")]
    [InlineData("Nordkorea", "noord-korea")]
    [InlineData("Beijing", "peking")]
    [InlineData("The Hague", "den haag")]
    [InlineData("Köln", "keulen")]
    [InlineData("NATO", "navo")]
    [InlineData("Genoa", "genua")]
    [InlineData("Lüttich", "luik")]
    [InlineData("Mediterranean", "middellandse zee")]
    [InlineData("Kreml", "kremlin")]
    [InlineData("United Nations", "verenigde naties")]
    public void Names_InOtherLanguages_ShareTheDutchKey(string name, string key)
        => Assert.Equal(key, TranslatedNames.Default.KeyOf(name));

    [Theory]
    [InlineData("Georgia")] // also a US state: left out on purpose
    [InlineData("Amsterdam")]
    [InlineData("Putin")]
    [InlineData("")]
    public void UnlistedNames_HaveNoKey(string name)
        => Assert.Null(TranslatedNames.Default.KeyOf(name));

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines_AndTheFirstListingOfANameWins()
    {
        var names = TranslatedNames.Parse(["# comment", "", "Kiev\tKyiv\tKiew", "Kyiv\tSomething else"]);
        Assert.Equal("kiev", names.KeyOf("Kyiv"));
        Assert.Equal("kiev", names.KeyOf("Kiew"));
        Assert.Equal(4, names.Count);
    }
}
