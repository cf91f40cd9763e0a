using Chorus.Core.Analysis;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Entities;

public class NamePairEvaluationTests
{
    [Theory]
    [InlineData("PER\tA", "expected type")]
    [InlineData("XYZ\tA\tB\t1", "type 'XYZ'")]
    [InlineData("PER\tA\tB\tyes", "expected type")]
    [InlineData("PER\t \tB\t1", "empty name")]
    public void BadRows_NameTheLine(string line, string reason)
    {
        var parsed = NamePairEvaluation.Parse("pairs.tsv", ["# comment", line]);
        Assert.False(parsed.Success);
        Assert.StartsWith("pairs.tsv:2:", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_CountBothOrders_AndNameTheMistakes()
    {
        var pairs = NamePairEvaluation.Parse("pairs.tsv",
        [
            "PER\tVladimir Poetin\tVladimir Putin\t1\tnl / en",
            "PER\tKim Jong-un\tKim Jong-il\t0\tson and father",
            "LOC\tRusland\tRussia\t1\tlisted",
            "PER\tFidel Castro\tRaúl Castro\t0\tbrothers",
            "PER\tGaddafi\tKadhafi\t1\ttwo letters at the start",
        ]).Value!;
        Assert.Equal(EntityType.Location, pairs[2].Type);

        var scores = NamePairEvaluation.Evaluate(pairs);

        Assert.Equal((5, 2, 0, 1), (scores.Pairs, scores.TruePositives, scores.FalsePositives, scores.FalseNegatives));
        Assert.Contains(scores.Mistakes, m => m.StartsWith("not merged: Gaddafi / Kadhafi", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldOutPairs_StayAboveTheirFirstRun()
    {
        var file = Path.Combine(TestPaths.RepoRoot, "eval", "entities", "name-pairs-test.tsv");
        var scores = NamePairEvaluation.Evaluate(NamePairEvaluation.Parse(file, File.ReadAllLines(file)).Value!);
        Assert.True(scores.Precision >= 0.95 && scores.Recall >= 0.85, $"precision {scores.Precision:P1}, recall {scores.Recall:P1}");
    }
}
