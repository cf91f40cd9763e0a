using Chorus.Core.Extraction.Ner;

namespace Chorus.Core.Tests.Extraction;

/// <summary>The gazetteer's look-up of a word sequence says its types and whether a longer listed name starts with it.</summary>
public sealed class NameGazetteerTests
{
    [Theory]
    // words, the types of the sequence, whether a longer listed name goes on from it
    [InlineData("Verenigde", 0, true)]
    [InlineData("Verenigde Staten", NameGazetteer.Loc, true)]
    [InlineData("Verenigde Staten van", 0, true)]
    [InlineData("Verenigde Staten van Amerika", NameGazetteer.Loc, false)]
    [InlineData("Den Haag", NameGazetteer.Loc, true)]
    [InlineData("Den Haag Centraal", NameGazetteer.Loc, false)]
    [InlineData("Zwolle", NameGazetteer.Loc, false)]
    [InlineData("Xqzwv Plompvoet", 0, false)]
    public void ALookUp_GivesTypesAndWhetherANameGoesOn(string sequence, byte types, bool continues)
    {
        var words = sequence.Split(' ');
        var hash = NameGazetteer.Hash(words, 0, words.Length);
        Assert.Equal(types, NameGazetteer.Dutch.FullByHash(hash, out var goesOn));
        Assert.Equal(continues, goesOn);
        Assert.Equal(types, NameGazetteer.Dutch.FullByHash(hash));
        Assert.Equal(types, NameGazetteer.Dutch.Full(words, 0, words.Length));
    }

    [Fact]
    public void CountsNames_NotTheStartsOfLongerOnes()
    {
        // The Alpino lists hold 303,721 distinct names (the count before the starts of longer names were kept); some
        // 89,000 starts that are no name themselves are kept beside them and must not be counted (they would bring the
        // count near 390,000).
        Assert.InRange(NameGazetteer.Dutch.Count, 290_000, 320_000);
    }
}
