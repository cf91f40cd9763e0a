using Chorus.Core.Store;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>A judged time expression of a stored article: where it starts and the value it means (TIMEX).</summary>
public sealed record StoredTimeLabel(string ArticleId, int Start, string Value);

/// <summary>Values of judged time expressions: right, wrong (with both values), or no expression found there.</summary>
public sealed record StoredTimeScores(int Judged, int Right, int Wrong, int NotFound, IReadOnlyList<string> Mistakes)
{
    /// <summary>Right values over the judged expressions (one not found counts as not right).</summary>
    public double Accuracy => Judged == 0 ? 0 : (double)Right / Judged;
}

/// <summary>
/// Scores the values of time expressions of real stored articles (<c>eval/times/dpg-years-*.tsv</c>, judged by reading
/// each article), through the layers the store holds: the expression found at the judged offset is right when its value
/// names the same stretch of time as the judged one (<see cref="TimexRange"/>; a modifier such as START aside).
/// </summary>
public static class StoredTimeEvaluation
{
    /// <summary>Reads "article id TAB expression start TAB value" lines; value "?" is left out.</summary>
    public static ParseResult<IReadOnlyList<StoredTimeLabel>> Parse(string file, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var labels = new List<StoredTimeLabel>();
        foreach (var (lineNo, cols) in TabRows.Of(lines))
        {
            if (cols.Length < 3 || !int.TryParse(cols[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) || cols[2].Trim().Length == 0)
            {
                return ParseResult<IReadOnlyList<StoredTimeLabel>>.Fail($"{file}:{lineNo}: expected article id, expression start (a number) and value (TIMEX, or ?) separated by tabs");
            }

            var value = cols[2].Trim();
            if (value == "?")
            {
                continue;
            }

            if (!TimexRange.TryParse(value, out _))
            {
                return ParseResult<IReadOnlyList<StoredTimeLabel>>.Fail($"{file}:{lineNo}: value '{value}' is no date or stretch of dates this evaluation reads (YYYY, YYYY-MM, YYYY-MM-DD, A/B)");
            }

            labels.Add(new StoredTimeLabel(cols[0].Trim(), start, value));
        }

        return ParseResult<IReadOnlyList<StoredTimeLabel>>.Ok(labels);
    }

    public static async Task<StoredTimeScores> EvaluateAsync(IChorusStore store, IReadOnlyList<StoredTimeLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(labels);
        var analyses = await StoredAnalyses.LoadAsync(store, labels.Select(l => l.ArticleId), cancellationToken).ConfigureAwait(false);
        int right = 0, wrong = 0, notFound = 0;
        var mistakes = new List<string>();
        foreach (var l in labels)
        {
            var found = analyses.TryGetValue(l.ArticleId, out var analyzed) ? analyzed.Times.Where(t => t.Start <= l.Start && l.Start < Math.Max(t.End, t.Start + 1)).Select(t => (Chorus.Core.Extraction.Times.TimeMention?)t).FirstOrDefault() : null;
            if (found is not { } time)
            {
                notFound++;
                mistakes.Add($"{l.ArticleId}@{l.Start}: no time expression there (store not ingested from the same data, or times found differently)");
                continue;
            }

            if (TimexRange.TryParse(time.Value, out var given) && TimexRange.TryParse(l.Value, out var judged) && given == judged)
            {
                right++;
            }
            else
            {
                wrong++;
                mistakes.Add($"{l.ArticleId}@{l.Start}: {time.Value ?? "no value"}, judged {l.Value}");
            }
        }

        return new StoredTimeScores(labels.Count, right, wrong, notFound, mistakes);
    }
}
