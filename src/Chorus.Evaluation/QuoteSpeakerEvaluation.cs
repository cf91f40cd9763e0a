using Chorus.Core.Entities;
using Chorus.Core.Extraction.Quotes;
using Chorus.Core.Store;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>A judged quote of a stored article: the offset where its content starts and who speaks (null: no one is named).</summary>
public sealed record QuoteSpeakerLabel(string ArticleId, int Start, string? Speaker);

/// <summary>
/// Speakers against judged quotes. Of the quotes whose speaker is named: found right, given wrongly, or not given;
/// of the quotes where no one is named: a name given anyway. Mistakes name the article, the offset and both answers.
/// </summary>
public sealed record QuoteSpeakerScores(int Judged, int Named, int Right, int Wrong, int Missing, int Unnamed, int NamedAnyway, int QuoteNotFound, IReadOnlyList<string> Mistakes)
{
    /// <summary>Right speakers over the quotes whose speaker is named.</summary>
    public double Recall => Named == 0 ? 0 : (double)Right / Named;

    /// <summary>Right speakers over every name given (to named and unnamed quotes alike).</summary>
    public double Precision => Right + Wrong + NamedAnyway == 0 ? 1 : (double)Right / (Right + Wrong + NamedAnyway);
}

/// <summary>
/// Scores the speakers of direct quotes on real stored articles (<c>eval/quotes/dpg-speakers-*.tsv</c>, judged by
/// reading), through the layers the store holds: a given speaker is right when its name ends with the judged name
/// or the judged name ends with it (case and accents aside: "Jan Hamming" for "Hamming").
/// </summary>
public static class QuoteSpeakerEvaluation
{
    /// <summary>Reads "article id TAB quote start TAB speaker" lines; speaker "-" is no one named, "?" is left out.</summary>
    public static ParseResult<IReadOnlyList<QuoteSpeakerLabel>> Parse(string file, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var labels = new List<QuoteSpeakerLabel>();
        foreach (var (lineNo, cols) in TabRows.Of(lines))
        {
            if (cols.Length < 3 || !int.TryParse(cols[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) || cols[2].Trim().Length == 0)
            {
                return ParseResult<IReadOnlyList<QuoteSpeakerLabel>>.Fail($"{file}:{lineNo}: expected article id, quote start (a number) and speaker (a name, - or ?) separated by tabs");
            }

            var speaker = cols[2].Trim();
            if (speaker != "?")
            {
                labels.Add(new QuoteSpeakerLabel(cols[0].Trim(), start, speaker == "-" ? null : speaker));
            }
        }

        return ParseResult<IReadOnlyList<QuoteSpeakerLabel>>.Ok(labels);
    }

    public static async Task<QuoteSpeakerScores> EvaluateAsync(IChorusStore store, IReadOnlyList<QuoteSpeakerLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(labels);
        var analyses = await StoredAnalyses.LoadAsync(store, labels.Select(l => l.ArticleId), cancellationToken).ConfigureAwait(false);

        int named = 0, right = 0, wrong = 0, missing = 0, unnamed = 0, anyway = 0, notFound = 0;
        var mistakes = new List<string>();
        foreach (var l in labels)
        {
            var quote = analyses.TryGetValue(l.ArticleId, out var analyzed) ? analyzed.Quotes.Where(q => q.Start <= l.Start && l.Start < Math.Max(q.End, q.Start + 1)).Select(q => (QuoteMention?)q).FirstOrDefault() : null;
            if (quote is not { } found)
            {
                notFound++;
                mistakes.Add($"{l.ArticleId}@{l.Start}: no quote there (store not ingested from the same data, or quotes found differently)");
                continue;
            }

            var given = found.Anonymous ? null : found.Speaker;
            if (l.Speaker is null)
            {
                unnamed++;
                if (given is not null)
                {
                    anyway++;
                    mistakes.Add($"{l.ArticleId}@{l.Start}: named {given}, where no one is");
                }

                continue;
            }

            named++;
            if (given is null)
            {
                missing++;
                mistakes.Add($"{l.ArticleId}@{l.Start}: no speaker, judged {l.Speaker}");
            }
            else if (SameSpeaker(given, l.Speaker))
            {
                right++;
            }
            else
            {
                wrong++;
                mistakes.Add($"{l.ArticleId}@{l.Start}: {given}, judged {l.Speaker}");
            }
        }

        return new QuoteSpeakerScores(labels.Count, named, right, wrong, missing, unnamed, anyway, notFound, mistakes);
    }

    private static bool SameSpeaker(string given, string judged)
    {
        var a = NameKey.Fold(given);
        var b = NameKey.Fold(judged);
        return a == b || a.EndsWith(" " + b, StringComparison.Ordinal) || b.EndsWith(" " + a, StringComparison.Ordinal);
    }
}
