using Chorus.Core.Contracts;
using Chorus.Core.Stories;

namespace Chorus.Core.Tests.Contracts;

/// <summary>The words the CLI and the web page both show for a grouping decision and a story log entry.</summary>
public class WhyTextTests
{
    private static AssignmentDoc Doc(bool opened, string? duplicateOf = null, params string[] merged)
        => new("s1", opened, 0.5, 0.4, 0.3, 1, 0, [], [], duplicateOf) { MergedStories = merged };

    [Fact]
    public void Decision_NamesWhatHappened()
    {
        Assert.Equal("opened the story", Doc(opened: true).Decision());
        Assert.Equal("joined", Doc(opened: false).Decision());
        Assert.Equal("near-copy of a7", Doc(opened: false, duplicateOf: "a7").Decision());
        Assert.Equal("joined, merging s2, s3", Doc(false, null, "s2", "s3").Decision());
        Assert.Equal("joined on Navalny, a name of its title only this story carries", (Doc(opened: false) with { AnchorName = "Navalny" }).Decision());
        Assert.Equal("opened s9 on arrival; compared again when this story grew, joined", (Doc(opened: false) with { ComparedAgain = "when-story-grew", FirstOpened = "s9" }).Decision());
        Assert.Equal(
            "opened s9 on arrival; compared again with the word statistics of its whole batch, joined on Navalny, a name of its title only this story carries",
            (Doc(opened: false) with { ComparedAgain = "after-batch", FirstOpened = "s9", AnchorName = "Navalny" }).Decision());
    }

    [Theory]
    [InlineData(ComparedAgain.WhenStoryGrew, "when-story-grew")]
    [InlineData(ComparedAgain.AfterBatch, "after-batch")]
    public void Assignment_ComparedAgain_IsNamedInTheContract(ComparedAgain when, string name)
    {
        var doc = ContractMapper.Assignment(new Assignment { StoryId = "s1", OpenedStory = false, ComparedAgain = when, FirstOpened = "s9" });
        Assert.Equal((name, "s9"), (doc.ComparedAgain, doc.FirstOpened));
        Assert.Null(ContractMapper.Assignment(new Assignment { StoryId = "s1", OpenedStory = true }).ComparedAgain);
    }

    [Theory]
    [InlineData("auto-merge", "merged 2026-11-22: auto-merge s2 → s1 (a1, a2)")]
    [InlineData("split", "corrected 2026-11-22: split s2 → s1 (a1, a2)")]
    public void Describe_TellsAutomaticMergesFromUserCorrections(string kind, string expected)
        => Assert.Equal(expected, new CorrectionDoc(kind, "s2", "s1", ["a1", "a2"], "2026-11-22").Describe());
}
