using Chorus.Core.Stories.Comparison;

namespace Chorus.Evaluation;

/// <summary>What a judged pair of figures is: the same fact disagreeing, a quantity that changed, agreeing values, or two facts.</summary>
public enum FigurePairJudgement
{
    Conflict,
    Update,
    Agree,
    Different,
}

/// <summary>Two figures of one story in two articles (by article id and the figure's start offset), as judged.</summary>
public readonly record struct FigurePairLabel(string ArticleA, int StartA, string ArticleB, int StartB, FigurePairJudgement Judgement);

/// <summary>
/// Recall of judged disagreements (conflicts and updates) and the false alarms among pairs judged to agree or to be
/// different facts; <see cref="KindRight"/> counts disagreements reported under their judged kind.
/// </summary>
public sealed record FigurePairScores(int Disagreements, int Found, int KindRight, int Quiet, int FalseAlarms, IReadOnlyList<string> Mistakes)
{
    public double Recall => Disagreements == 0 ? 0 : 100.0 * Found / Disagreements;

    /// <summary>Of the pairs reported as disagreeing, the share judged to disagree.</summary>
    public double Precision => Found + FalseAlarms == 0 ? 0 : 100.0 * Found / (Found + FalseAlarms);
}

/// <summary>
/// Judged figure pairs of real stored stories (eval/comparison/dpg-figures-*.tsv): whether Chorus reports the pair as
/// a conflict or an update. Articles by id, figures by start offset, never the texts.
/// </summary>
public static class FigurePairLabels
{
    /// <summary>Reads "articleA TAB startA TAB articleB TAB startB TAB conflict|update|agree|different [TAB note]" lines ('#' starts a comment).</summary>
    public static (List<FigurePairLabel> Labels, List<string> Errors) Parse(string file, IEnumerable<string> lines)
        => JudgedPairRows.Parse(file, lines, "conflict|update|agree|different", static (a, sa, b, sb, judgement) => judgement switch
        {
            "conflict" => new FigurePairLabel(a, sa, b, sb, FigurePairJudgement.Conflict),
            "update" => new FigurePairLabel(a, sa, b, sb, FigurePairJudgement.Update),
            "agree" => new FigurePairLabel(a, sa, b, sb, FigurePairJudgement.Agree),
            "different" => new FigurePairLabel(a, sa, b, sb, FigurePairJudgement.Different),
            _ => (FigurePairLabel?)null,
        });

    /// <summary>Scores the conflicts and updates of <paramref name="comparisons"/> (one per story the labels touch) against the labels.</summary>
    public static FigurePairScores Evaluate(IReadOnlyList<FigurePairLabel> labels, IEnumerable<StoryComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(comparisons);
        // A judged figure is found in a reported value whose mention covers its start: a mention that grows to take in
        // words before it ("70 of 80 kilometer per uur" for the judged "80 kilometer per uur") is still that figure.
        var reported = new List<(ConflictValue A, ConflictValue B, FigurePairJudgement Kind)>();
        void Report(IReadOnlyList<ConflictValue> values, FigurePairJudgement kind, Conflict? conflict = null)
        {
            for (var i = 0; i < values.Count; i++)
            {
                for (var j = 0; j < values.Count; j++)
                {
                    // A conflict of three reports, two of one value ("14 bn euro" twice, 15 bn once), says those two disagree
                    // with the third, not with each other; nor do two values it puts on one side.
                    if (values[i].ArticleId != values[j].ArticleId && values[i].Value != values[j].Value && (conflict is null || conflict.Opposed(i, j)))
                    {
                        reported.Add((values[i], values[j], kind));
                    }
                }
            }
        }

        foreach (var comparison in comparisons)
        {
            foreach (var conflict in comparison.Conflicts)
            {
                Report(conflict.Values, FigurePairJudgement.Conflict, conflict);
            }

            foreach (var update in comparison.Updates)
            {
                Report(update.Values, FigurePairJudgement.Update);
            }
        }

        static bool Covers(ConflictValue value, string article, int start)
            => value.ArticleId == article && (value.Start == start || (value.Start < start && start < value.End));

        int disagreements = 0, found = 0, kindRight = 0, quiet = 0, falseAlarms = 0;
        var mistakes = new List<string>();
        foreach (var label in labels)
        {
            var match = reported.FindIndex(r => Covers(r.A, label.ArticleA, label.StartA) && Covers(r.B, label.ArticleB, label.StartB));
            var said = match >= 0 ? reported[match].Kind : (FigurePairJudgement?)null;
            var pair = $"{label.ArticleA}@{label.StartA} ~ {label.ArticleB}@{label.StartB}";
            if (label.Judgement is FigurePairJudgement.Conflict or FigurePairJudgement.Update)
            {
                disagreements++;
                if (said is { } k)
                {
                    found++;
                    kindRight += k == label.Judgement ? 1 : 0;
                }
                else
                {
                    mistakes.Add($"missed {label.Judgement.ToString().ToLowerInvariant()}: {pair}");
                }
            }
            else if (said is { } k)
            {
                falseAlarms++;
                mistakes.Add($"false {k.ToString().ToLowerInvariant()} ({label.Judgement.ToString().ToLowerInvariant()}): {pair}");
            }
            else
            {
                quiet++;
            }
        }

        return new FigurePairScores(disagreements, found, kindRight, quiet, falseAlarms, mistakes);
    }
}
