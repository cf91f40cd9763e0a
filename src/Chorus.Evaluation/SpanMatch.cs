namespace Chorus.Evaluation;

/// <summary>One-to-one matching of an expected span to the found spans, by the largest overlap, as the specification evaluators score.</summary>
internal static class SpanMatch
{
    /// <summary>The index of the unused found span that overlaps [start, endExclusive) most, or −1 when none overlaps it.</summary>
    public static int BestUnused<T>(IReadOnlyList<T> found, Func<T, (int Start, int End)> span, bool[] used, int start, int endExclusive)
    {
        var best = -1;
        var bestOverlap = 0;
        for (var k = 0; k < found.Count; k++)
        {
            var (s, e) = span(found[k]);
            var overlap = Math.Min(e, endExclusive) - Math.Max(s, start);
            if (!used[k] && overlap > bestOverlap)
            {
                (best, bestOverlap) = (k, overlap);
            }
        }

        return best;
    }
}
