using Chorus.Core.Stories.Comparison;

namespace Chorus.Evaluation;

/// <summary>A judged pair of sentences of two articles: whether they state the same fact.</summary>
public readonly record struct ClaimPairLabel(string ArticleA, int StartA, string ArticleB, int StartB, bool Same);

/// <summary>Precision and recall of shared claims against judged sentence pairs of real stories, and what was not judged.</summary>
public sealed record ClaimPairScores(PrecisionRecall Pairs, int UnjudgedPredicted, IReadOnlyList<string> Mistakes);

/// <summary>
/// Judged sentence pairs of real stored stories (eval/comparison/dpg-claims-*.tsv): articles by id (a hash of their
/// content, so the same in every store ingested from the same data), sentences by start offset. Only ids and offsets
/// are kept, never the texts, whose terms do not allow copying them.
/// </summary>
public static class ClaimPairLabels
{
    /// <summary>Reads "articleA TAB startA TAB articleB TAB startB TAB same|different" lines ('#' starts a comment).</summary>
    public static (List<ClaimPairLabel> Labels, List<string> Errors) Parse(string file, IEnumerable<string> lines)
        => JudgedPairRows.Parse(file, lines, "same|different", static (a, sa, b, sb, judgement)
            => judgement is "same" or "different" ? new ClaimPairLabel(a, sa, b, sb, judgement == "same") : (ClaimPairLabel?)null);

    /// <summary>Scores the shared claims of <paramref name="comparisons"/> (one per story the labels touch) against the labels.</summary>
    public static ClaimPairScores Evaluate(IReadOnlyList<ClaimPairLabel> labels, IEnumerable<StoryComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(comparisons);
        static (string, int, string, int) Key(string a, int sa, string b, int sb)
            => string.CompareOrdinal(a, b) < 0 || (a == b && sa <= sb) ? (a, sa, b, sb) : (b, sb, a, sa);
        var judged = labels.GroupBy(l => Key(l.ArticleA, l.StartA, l.ArticleB, l.StartB)).ToDictionary(g => g.Key, g => g.Last().Same);
        var predicted = new HashSet<(string, int, string, int)>();
        foreach (var comparison in comparisons)
        {
            // Every claim of two or more articles, shared or not: a judged pair states one fact whether its two articles
            // are independent sources or a near-copy and its original (one source, so not "shared"), and the aligner is
            // right to put a copy's sentence with the original's (dpg-claims-dev2.tsv judges such pairs).
            foreach (var claim in comparison.Claims)
            {
                for (var i = 0; i < claim.Sentences.Count; i++)
                {
                    for (var j = i + 1; j < claim.Sentences.Count; j++)
                    {
                        var (x, y) = (claim.Sentences[i], claim.Sentences[j]);
                        if (x.ArticleId != y.ArticleId)
                        {
                            predicted.Add(Key(x.ArticleId, x.Start, y.ArticleId, y.Start));
                        }
                    }
                }
            }
        }

        var mistakes = new List<string>();
        int truePositives = 0, predictedJudged = 0, unjudged = 0;
        foreach (var p in predicted)
        {
            if (!judged.TryGetValue(p, out var same))
            {
                // Listed so that a new prediction can be read and judged; it counts towards neither precision nor recall.
                unjudged++;
                mistakes.Add($"not judged: {p.Item1}@{p.Item2} ~ {p.Item3}@{p.Item4}");
                continue;
            }

            predictedJudged++;
            if (same)
            {
                truePositives++;
            }
            else
            {
                mistakes.Add($"false shared claim: {p.Item1}@{p.Item2} ~ {p.Item3}@{p.Item4}");
            }
        }

        foreach (var (key, same) in judged)
        {
            if (same && !predicted.Contains(key))
            {
                mistakes.Add($"missed shared claim: {key.Item1}@{key.Item2} ~ {key.Item3}@{key.Item4}");
            }
        }

        return new ClaimPairScores(new PrecisionRecall(truePositives, predictedJudged, judged.Values.Count(v => v)), unjudged, mistakes);
    }
}
