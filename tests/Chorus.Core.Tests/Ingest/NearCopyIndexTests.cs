using Chorus.Core.Ingest;
using Chorus.Core.Store;

namespace Chorus.Core.Tests.Ingest;

/// <summary>The batch's near-copy candidates: found by any shared band, each once, with their stories as the batch's merges left them.</summary>
public sealed class NearCopyIndexTests
{
    private static StoredArticle Article(string id, string story, string? duplicateOf = null)
        => new() { Id = id, Ref = id, Lang = "nl", ContentKey = "k-" + id, Text = "tekst", StoryId = story, DuplicateOf = duplicateOf, Signature = [1, 2, 3] };

    [Fact]
    public void Candidates_ShareABand_ComeOnceEach_InTheOrderTheyWereAdded()
    {
        var index = new NearCopyIndex();
        index.Add(Article("a1", "s1"), [10, 20, 30]);
        index.Add(Article("a2", "s2", duplicateOf: "a1"), [30, 40]);
        index.Add(Article("a3", "s3"), [50]);
        index.Add(Article("a4", "s4") with { Signature = null }, [10]);

        Assert.Equal(["a1", "a2"], index.Candidates([40, 30, 20]).Select(c => c.ArticleId));
        Assert.Equal(["a1"], index.Candidates([10]).Select(c => c.ArticleId));
        Assert.Empty(index.Candidates([60]));
        var copy = Assert.Single(index.Candidates([40]));
        Assert.Equal(("a2", "s2", "a1"), (copy.ArticleId, copy.StoryId, copy.DuplicateOf));
    }

    [Fact]
    public void ACandidatesStory_FollowsTheMergesOfTheBatch_ThroughAChain()
    {
        var index = new NearCopyIndex();
        index.Add(Article("a1", "s1"), [10]);
        index.Add(Article("a2", "s2"), [20]);
        index.Merged("s1", "s2");
        index.Merged("s2", "s3");
        index.Merged("s9", "s9");
        Assert.Equal("s3", Assert.Single(index.Candidates([10])).StoryId);
        Assert.Equal("s3", Assert.Single(index.Candidates([20])).StoryId);

        // An article added after the merges keeps the story it was given.
        index.Add(Article("a4", "s4"), [40]);
        Assert.Equal("s4", Assert.Single(index.Candidates([40])).StoryId);
    }
}
