using Chorus.Core.Stories.Comparison;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Stories;

public class ClaimPairLabelsTests
{
    [Fact]
    public void BadLines_AreReportedWithTheirLineNumbers()
    {
        var (labels, errors) = ClaimPairLabels.Parse("l.tsv", ["# comment", "a\t0\tb\t10\tsame", "a\tx\tb\t10\tsame", "a\t0\tb\t10\tmaybe", "a\t0"]);
        Assert.Single(labels);
        Assert.Equal(["l.tsv:3", "l.tsv:4", "l.tsv:5"], errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void PredictedPairs_AreScoredAgainstJudgedOnes_InEitherOrder_AndUnjudgedOnesCounted()
    {
        var labels = new List<ClaimPairLabel>
        {
            new("a", 0, "b", 0, true),
            new("b", 50, "a", 40, false),
            new("a", 80, "b", 90, true),
        };
        var claims = new List<Claim>
        {
            new("x", ["a", "b"], [new SentenceRef("b", 0, 10), new SentenceRef("a", 0, 10)], 2),
            new("y", ["a", "b"], [new SentenceRef("a", 40, 49), new SentenceRef("b", 50, 60)], 2),
            new("z", ["a", "c"], [new SentenceRef("a", 100, 110), new SentenceRef("c", 0, 5)], 2),
            new("u", ["a"], [new SentenceRef("a", 80, 85)], 1),
        };
        var comparison = new StoryComparison(claims, [], [], [], "nl");
        var scores = ClaimPairLabels.Evaluate(labels, [comparison]);
        Assert.Equal(new PrecisionRecall(1, 2, 2), scores.Pairs);
        Assert.Equal(1, scores.UnjudgedPredicted);
        Assert.Contains(scores.Mistakes, m => m.StartsWith("false shared claim: a@40 ~ b@50", StringComparison.Ordinal));
        Assert.Contains(scores.Mistakes, m => m.StartsWith("missed shared claim: a@80 ~ b@90", StringComparison.Ordinal));
    }

    [Fact]
    public void APairOfANearCopyAndItsOriginal_InOneClaim_CountsAsPredicted_ThoughTheClaimHasOneSource()
    {
        var labels = new List<ClaimPairLabel> { new("a", 0, "copy", 0, true) };
        var oneSource = new Claim("x", ["a", "copy"], [new SentenceRef("a", 0, 10), new SentenceRef("copy", 0, 10)], 1);
        var scores = ClaimPairLabels.Evaluate(labels, [new StoryComparison([oneSource], [], [], [], "nl")]);
        Assert.Equal(new PrecisionRecall(1, 1, 1), scores.Pairs);
    }
}
