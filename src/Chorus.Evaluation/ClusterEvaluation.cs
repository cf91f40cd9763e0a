using Chorus.Core.Stories;

namespace Chorus.Evaluation;

/// <summary>Precision, recall and F1 in percent.</summary>
public readonly record struct Prf(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Clustering scores: B-cubed (per-item averages) and pairwise, with the number of clusters on each side.</summary>
public sealed record ClusterScores(int Items, int GoldClusters, int PredictedClusters, Prf BCubed, Prf Pairwise);

/// <summary>Scores a predicted grouping against a gold one, item by item (the data set's conventions: B-cubed and pairwise).</summary>
public static class ClusterEvaluation
{
    public static ClusterScores Score(IReadOnlyList<(string Gold, string Predicted)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new ClusterScores(0, 0, 0, new Prf(0, 0), new Prf(0, 0));
        }

        var cell = new Dictionary<(string, string), int>();
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (g, p) in items)
        {
            cell[(g, p)] = cell.GetValueOrDefault((g, p)) + 1;
            gold[g] = gold.GetValueOrDefault(g) + 1;
            predicted[p] = predicted.GetValueOrDefault(p) + 1;
        }

        // B-cubed: each item's share of its predicted cluster that is its gold cluster, and the reverse.
        double precision = 0, recall = 0;
        foreach (var ((g, p), n) in cell)
        {
            precision += n * ((double)n / predicted[p]);
            recall += n * ((double)n / gold[g]);
        }

        static double Pairs(int n) => n * (n - 1) / 2.0;
        var together = cell.Values.Sum(Pairs);
        var predictedPairs = predicted.Values.Sum(Pairs);
        var goldPairs = gold.Values.Sum(Pairs);
        return new ClusterScores(
            items.Count,
            gold.Count,
            predicted.Count,
            new Prf(100 * precision / items.Count, 100 * recall / items.Count),
            new Prf(predictedPairs == 0 ? 100 : 100 * together / predictedPairs, goldPairs == 0 ? 100 : 100 * together / goldPairs));
    }
}
