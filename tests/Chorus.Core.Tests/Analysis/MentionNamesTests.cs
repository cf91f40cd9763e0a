using Chorus.Core.Analysis;

namespace Chorus.Core.Tests.Analysis;

/// <summary>Mention methods and kinds are stored by name: every value has one, and names read back to the value.</summary>
public sealed class MentionNamesTests
{
    [Fact]
    public void EveryMethodAndKind_HasADistinctName_ThatReadsBack()
    {
        var methods = Enum.GetValues<MentionMethod>();
        Assert.Equal(methods.Length, methods.Select(MentionNames.Of).Distinct().Count());
        Assert.All(methods, m => Assert.True(MentionNames.TryParse(MentionNames.Of(m), out MentionMethod back) && back == m));
        Assert.All(Enum.GetValues<MentionKind>(), k => Assert.True(MentionNames.TryParse(MentionNames.Of(k), out MentionKind back) && back == k));
    }

    [Theory]
    [InlineData("tagger", MentionMethod.Tagger)]
    [InlineData("name-lists", MentionMethod.NameLists)]
    [InlineData("adjective-list", MentionMethod.AdjectiveList)]
    [InlineData("preposition", MentionMethod.Preposition)]
    public void StoredNames_AreThoseOfEarlierVersions(string name, MentionMethod method)
        => Assert.Equal(name, MentionNames.Of(method));

    [Fact]
    public void AnUnknownName_IsNotRead()
        => Assert.False(MentionNames.TryParse("crystal-ball", out MentionMethod _));
}
