using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Extraction.Ner;

namespace Chorus.Core.Tests.Analysis;

/// <summary>Entity types are stored, shown and hashed into ids under their CoNLL codes; the enum must never change those.</summary>
public sealed class EntityTypesTests
{
    [Theory]
    [InlineData(EntityType.Person, "PER")]
    [InlineData(EntityType.Location, "LOC")]
    [InlineData(EntityType.Organisation, "ORG")]
    [InlineData(EntityType.Misc, "MISC")]
    public void EveryType_HasItsCoNLLCode_ThatReadsBack(EntityType type, string code)
    {
        Assert.Equal(code, type.Code());
        Assert.True(EntityTypes.TryParse(code, out var back));
        Assert.Equal(type, back);
    }

    [Theory]
    [InlineData("per")]
    [InlineData("Person")]
    [InlineData("")]
    [InlineData("0")]
    public void AnythingElse_IsNotAType(string code)
    {
        Assert.False(EntityTypes.TryParse(code, out _));
        // Read from a store, it is an error that says where it stood.
        Assert.StartsWith("entities.type: unknown entity type", Assert.Throws<InvalidDataException>(() => EntityTypes.ParseStored(code, "entities.type")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllTypes_AreListed_InTheTaggersOrder()
    {
        Assert.Equal(Enum.GetValues<EntityType>(), EntityTypes.All);
        // The tagger numbers its chunk types by this list (B-PER = 1 …): the enum follows it.
        Assert.Equal(["PER", "LOC", "ORG", "MISC"], NerTags.Types);
    }

    [Fact]
    public void ProvisionalIds_AreThoseOfTheCodes()
        // FNV-1a of "PER:mark rutte", as earlier versions derived it from the code string: stored ids must not move.
        => Assert.Equal("e65b532d43599", EntityIds.Provisional(EntityType.Person, "Mark Rutte"));
}
