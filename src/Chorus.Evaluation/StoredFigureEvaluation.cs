using System.Globalization;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Store;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>A judged figure of a stored article: where it starts, its value (or bounds) and what it counts or measures.</summary>
/// <param name="What">A unit code ("km", "%", "EUR", "year") or the counted noun as written; null when only the value is judged.</param>
/// <param name="Vague">A vague plural of <paramref name="Min"/> ("honderden" of 100): right when approximate with its lower bound from Min up to ten times it.</param>
public sealed record StoredFigureLabel(string ArticleId, int Start, double Min, double Max, string? What, bool Vague = false);

/// <summary>Judged sentences of stored articles with every figure in them, and spans that count neither way.</summary>
public sealed record StoredFigureLabels(IReadOnlyList<(string ArticleId, int Start, int End)> Sentences, IReadOnlyList<StoredFigureLabel> Figures, IReadOnlyList<(string ArticleId, int Start)> Ignored);

/// <summary>Figures found right (value and what), found with a wrong value or what, missed, and found where none was judged.</summary>
public sealed record StoredFigureScores(int Judged, int Right, int WrongValue, int WrongWhat, int Missed, int Found, int Spurious, IReadOnlyList<string> Mistakes)
{
    /// <summary>Judged figures found with the right value and the right unit or counted noun.</summary>
    public double Recall => Judged == 0 ? 0 : (double)Right / Judged;

    /// <summary>Of the figures the store holds in judged sentences, those that are a judged figure read right.</summary>
    public double Precision => Found == 0 ? 0 : (double)Right / Found;
}

/// <summary>
/// Scores the figures layer of real stored articles against judged sentences (<c>eval/comparison/dpg-figure-values-*.tsv</c>,
/// judged by reading): each judged figure must be found at its offset with its value and with its unit or counted
/// noun; a length of time the time layer holds as a duration ("twee jaar lang") counts as found there, since the
/// figures layer leaves time spans to it. Every figure the store holds in a judged sentence that is no judged figure is
/// a spurious one. A counted noun matches on its first five letters, as the story's figures ledger groups them.
/// </summary>
public static class StoredFigureEvaluation
{
    /// <summary>Reads "S article start end", "F article start value what" and "? article start" lines.</summary>
    public static ParseResult<StoredFigureLabels> Parse(string file, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sentences = new List<(string, int, int)>();
        var figures = new List<StoredFigureLabel>();
        var ignored = new List<(string, int)>();
        foreach (var (lineNo, cols) in TabRows.Of(lines))
        {
            ParseResult<StoredFigureLabels> Fail(string expected) => ParseResult<StoredFigureLabels>.Fail($"{file}:{lineNo}: {expected}");
            switch (cols[0].Trim())
            {
                case "S" when cols.Length >= 4 && Offset(cols[2]) is { } start && Offset(cols[3]) is { } end && end > start:
                    sentences.Add((cols[1].Trim(), start, end));
                    break;
                case "S":
                    return Fail("a judged sentence is 'S', article id, start and end (numbers, end after start) separated by tabs");
                case "F" when cols.Length >= 5 && Offset(cols[2]) is { } start && Bounds(cols[3].Trim().TrimStart('~')) is { } bounds && cols[4].Trim().Length > 0:
                    figures.Add(new StoredFigureLabel(cols[1].Trim(), start, bounds.Min, bounds.Max, cols[4].Trim() == "-" ? null : cols[4].Trim(), cols[3].Trim().StartsWith('~')));
                    break;
                case "F":
                    return Fail("a figure is 'F', article id, start (a number), value (a number, MIN-MAX, or ~N for a vague plural of N) and what it counts or measures ('-' for the value only) separated by tabs");
                case "?" when cols.Length >= 3 && Offset(cols[2]) is { } start:
                    ignored.Add((cols[1].Trim(), start));
                    break;
                default:
                    return Fail("expected a line starting with S (a judged sentence), F (a figure) or ? (neither)");
            }
        }

        foreach (var f in figures)
        {
            if (!sentences.Any(s => s.Item1 == f.ArticleId && s.Item2 <= f.Start && f.Start < s.Item3))
            {
                return ParseResult<StoredFigureLabels>.Fail($"{file}: the figure at {f.ArticleId}@{f.Start} is in no judged sentence");
            }
        }

        return ParseResult<StoredFigureLabels>.Ok(new StoredFigureLabels(sentences, figures, ignored));
    }

    private static int? Offset(string s) => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static (double Min, double Max)? Bounds(string s)
    {
        s = s.Trim();
        var dash = s.IndexOf('-', 1);
        if (dash < 0)
        {
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (v, v) : null;
        }

        return double.TryParse(s[..dash], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && double.TryParse(s[(dash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && min <= max ? (min, max) : null;
    }

    public static async Task<StoredFigureScores> EvaluateAsync(IChorusStore store, StoredFigureLabels labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(labels);
        var analyses = await StoredAnalyses.LoadAsync(store, labels.Sentences.Select(s => s.ArticleId), cancellationToken).ConfigureAwait(false);
        int right = 0, wrongValue = 0, wrongWhat = 0, missed = 0;
        var mistakes = new List<string>();
        var matched = new HashSet<(string, int)>();
        foreach (var l in labels.Figures)
        {
            var analyzed = analyses.GetValueOrDefault(l.ArticleId);
            var quantity = analyzed?.Quantities.Where(q => Covers(q.Start, q.End, l.Start)).Select(q => (QuantityMention?)q).FirstOrDefault();
            var where = $"{l.ArticleId}@{l.Start}";
            if (analyzed is null)
            {
                missed++;
                mistakes.Add($"{where}: article not in the store (ingested from other data?)");
                continue;
            }

            if (quantity is { } q)
            {
                matched.Add((l.ArticleId, q.Start));
                var valueRight = ValueMatches(q, l);
                var whatRight = l.What is null || WhatMatches(q.Unit, l.What);
                if (valueRight && whatRight)
                {
                    right++;
                    continue;
                }

                if (!valueRight)
                {
                    wrongValue++;
                }
                else
                {
                    wrongWhat++;
                }

                mistakes.Add($"{where}: {Show(q)}, judged {Show(l)}");
                continue;
            }

            if (analyzed?.Times.Where(t => t.Kind == TimeKind.Duration && Covers(t.Start, t.End, l.Start)).Select(t => (TimeMention?)t).FirstOrDefault() is { } duration)
            {
                if (DurationMatches(duration.Value, l))
                {
                    right++;
                }
                else
                {
                    wrongValue++;
                    mistakes.Add($"{where}: duration {duration.Value}, judged {Show(l)}");
                }

                continue;
            }

            missed++;
            mistakes.Add($"{where}: not found, judged {Show(l)}");
        }

        int found = 0, spurious = 0;
        foreach (var (id, start, end) in labels.Sentences)
        {
            if (!analyses.TryGetValue(id, out var analyzed))
            {
                continue;
            }

            foreach (var q in analyzed.Quantities.Where(q => q.Start >= start && q.Start < end))
            {
                if (labels.Ignored.Any(i => i.ArticleId == id && Covers(q.Start, q.End, i.Start)))
                {
                    continue;
                }

                found++;
                if (!matched.Contains((id, q.Start)))
                {
                    spurious++;
                    mistakes.Add($"{id}@{q.Start}: {Show(q)} where no figure was judged");
                }
            }
        }

        return new StoredFigureScores(labels.Figures.Count, right, wrongValue, wrongWhat, missed, found, spurious, mistakes);
    }

    private static bool Covers(int start, int end, int at) => start <= at && at < Math.Max(end, start + 1);

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    private static bool ValueMatches(QuantityMention q, StoredFigureLabel l)
        => l.Vague ? q.Approximate && (q.Min ?? q.Value) >= l.Min && (q.Min ?? q.Value) < 10 * l.Min
            : l.Min == l.Max
            ? Same(q.Value, l.Min) && (q.Max is not { } max || q.Min is not { } min || Same(min, max) || q.Approximate)
            : q.Min is { } qMin && q.Max is { } qMax && Same(qMin, l.Min) && Same(qMax, l.Max);

    /// <summary>A unit code matches exactly; a counted noun on its first five letters, case aside.</summary>
    private static bool WhatMatches(string? unit, string what)
    {
        if (unit is null)
        {
            return false;
        }

        if (string.Equals(unit, what, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var a = unit.ToLowerInvariant();
        var b = what.ToLowerInvariant();
        return a.Length >= 5 && b.Length >= 5 && string.CompareOrdinal(a, 0, b, 0, 5) == 0;
    }

    /// <summary>
    /// Whether a duration's TIMEX ("P2Y", "PT200H") is the judged length: its seconds, read by <see cref="TimexReading"/>
    /// with the same conventions (a year of 365 days, a month of 30), within the judged bounds in the judged unit.
    /// </summary>
    internal static bool DurationMatches(string? timex, StoredFigureLabel label)
    {
        var unitSeconds = label.What switch
        {
            "year" => 365 * 86400.0, "month" => 30 * 86400.0, "week" => 7 * 86400.0, "day" => 86400.0, "h" => 3600.0, "min" => 60.0, "s" => 1.0,
            _ => double.NaN,
        };
        return timex is not null && TimexReading.DurationSeconds(timex) is { } seconds && !double.IsNaN(unitSeconds)
            && seconds >= (label.Min * unitSeconds) - 1e-6 && seconds <= (label.Max * unitSeconds) + 1e-6;
    }

    private static string Show(QuantityMention q)
        => (q.Min is { } min && q.Max is { } max && !Same(min, max) ? $"{min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)}" : q.Value.ToString(CultureInfo.InvariantCulture))
            + " " + (q.Unit ?? "(no unit)");

    private static string Show(StoredFigureLabel l)
        => (l.Vague ? "~" : string.Empty) + (l.Min == l.Max ? l.Min.ToString(CultureInfo.InvariantCulture) : $"{l.Min.ToString(CultureInfo.InvariantCulture)}-{l.Max.ToString(CultureInfo.InvariantCulture)}") + " " + (l.What ?? "(value only)");
}
