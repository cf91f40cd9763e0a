using Chorus.Core.Stories;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Stories;

public class ClusterEvaluationTests
{
    [Fact]
    public void PerfectGrouping_ScoresOneHundred()
    {
        var s = ClusterEvaluation.Score([("a", "x"), ("a", "x"), ("b", "y")]);
        Assert.Equal(100, s.BCubed.F1, 6);
        Assert.Equal(100, s.Pairwise.F1, 6);
        Assert.Equal(2, s.GoldClusters);
    }

    [Fact]
    public void HandComputedCase_MatchesTheDefinitions()
    {
        // Gold {1,2,3}{4,5}; predicted {1,2}{3,4,5}.
        var s = ClusterEvaluation.Score([("g1", "p1"), ("g1", "p1"), ("g1", "p2"), ("g2", "p2"), ("g2", "p2")]);

        // B-cubed precision: items 1,2: 2/2; item 3: 1/3; items 4,5: 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
        Assert.Equal(100 * 11.0 / 15, s.BCubed.Precision, 6);

        // B-cubed recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
        Assert.Equal(100 * 11.0 / 15, s.BCubed.Recall, 6);

        // Pairs: predicted {12},{34,35,45} = 4; gold {12,13,23},{45} = 4; shared {12},{45} = 2.
        Assert.Equal(50, s.Pairwise.Precision, 6);
        Assert.Equal(50, s.Pairwise.Recall, 6);
    }

    [Fact]
    public void EverythingInOneCluster_HasFullRecallAndLowPrecision()
    {
        var s = ClusterEvaluation.Score([("a", "x"), ("b", "x"), ("c", "x"), ("d", "x")]);
        Assert.Equal(100, s.BCubed.Recall, 6);
        Assert.Equal(25, s.BCubed.Precision, 6);
    }
}
