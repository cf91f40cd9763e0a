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
    [InlineData("Arnheim", "arnhem")]
    [InlineData("South Holland", "zuid-holland")]
    [InlineData("Südholland", "zuid-holland")]
    [InlineData("Flandern", "vlaanderen")]
    [InlineData("Den Bosch", "'s-hertogenbosch")]
    public void Names_InOtherLanguages_ShareTheDutchKey(string name, string key)
        => Assert.Equal(key, TranslatedNames.Default.KeyOf(name));

    // An institution named by its kind and its place: one key in the three languages, the place by its own key.
    [Theory]
    [InlineData("Utrecht University", "universiteit utrecht")]
    [InlineData("Universiteit Utrecht", "universiteit utrecht")]
    [InlineData("Universität Utrecht", "universiteit utrecht")]
    [InlineData("University of Utrecht", "universiteit utrecht")]
    [InlineData("Schiphol Airport", null)]
    [InlineData("Universität Köln", "universiteit keulen")]
    [InlineData("Zoo", null)]
    [InlineData("University Universität", null)]
    [InlineData("University of applied sciences", null)]
    [InlineData("Universiteit van Amsterdam Zuid Oost", null)]
    public void AnInstitutionNamedByItsPlace_HasOneKeyInEveryLanguage(string name, string? key)
        => Assert.Equal(key, TranslatedNames.Default.KeyOf(name));

    [Theory]
    [InlineData("Georgia")] // also a US state: left out on purpose
    [InlineData("Amsterdam")]
    [InlineData("Putin")]
    [InlineData("")]
    public void UnlistedNames_HaveNoKey(string name)
        => Assert.Null(TranslatedNames.Default.KeyOf(name));

    [Theory]
    [InlineData("Niederlanden", "Niederlande")]
    [InlineData("Deutschlands", "Deutschland")]
    [InlineData("Spaniens", "Spanien")]
    [InlineData("Nordkoreas", "Nordkorea")]
    [InlineData("Niederlande", null)] // listed itself
    [InlineData("Paris", null)] // listed itself, though "Pari" is not
    [InlineData("Athens", null)] // listed itself (English), though "Athen" is too
    [InlineData("Wochen", null)] // no listed name
    [InlineData("Russlands", "Russland")]
    [InlineData("Irans", "Iran")]
    public void GermanUninflected_GivesTheListedNameOfAGenitiveOrDative(string word, string? name)
        => Assert.Equal(name, TranslatedNames.Default.GermanUninflected(word));

    [Theory]
    [InlineData("Südspanien", "Spanien")]
    [InlineData("Nordsyriens", "Syrien")]
    [InlineData("Mittelitalien", "Italien")]
    [InlineData("Südost-Asien", "Asien")]
    [InlineData("Nordkorea", null)] // listed whole: a country of its own
    [InlineData("Südafrika", null)]
    [InlineData("Ostsee", null)]
    [InlineData("Westfalen", null)]
    [InlineData("Westerwald", null)]
    public void GermanCompassPlace_GivesThePlaceACompoundIsPartOf(string word, string? place)
        => Assert.Equal(place, TranslatedNames.Default.GermanCompassPlace(word));

    [Theory]
    [InlineData("Zuid-Spanje", "Spanje")]
    [InlineData("Oost-Oekraïne", "Oekraïne")]
    [InlineData("Noordwest-Syrië", "Syrië")]
    [InlineData("Noord-Korea", null)] // listed whole
    [InlineData("Zuid-Holland", null)] // listed whole
    [InlineData("Noord-Amsterdam", null)] // Amsterdam is in no list of names that differ across languages
    public void DutchCompassPlace_GivesThePlaceANameIsPartOf(string name, string? place)
        => Assert.Equal(place, TranslatedNames.Default.DutchCompassPlace(name));

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines_AndTheFirstListingOfANameWins()
    {
        var names = TranslatedNames.Parse(["# comment", "", "Kiev\tKyiv\tKiew", "Kyiv\tSomething else"]);
        Assert.Equal("kiev", names.KeyOf("Kyiv"));
        Assert.Equal("kiev", names.KeyOf("Kiew"));
        Assert.Equal(4, names.Count);
    }
}
