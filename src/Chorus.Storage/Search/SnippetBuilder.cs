using Chorus.Core.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search.Highlight;

namespace Chorus.Storage.Search;

/// <summary>
/// Picks the sentence with the most query matches and marks the matching words. What matches is decided by
/// Lucene's highlighter scoring the parsed query over the text, analysed as the index analyses it (the article's
/// language: stopwords and stems), so "onderzeeërs" finds "onderzeeër", <c>onderzee*</c> marks "onderzeeërs", a
/// phrase is marked only where it stands and a word the query excludes (<c>-Kim</c>, <c>NOT Kim</c>) never is.
/// </summary>
public static class SnippetBuilder
{
    private const int MaxLength = 240;

    // Lucene queries are not shared between threads: each keeps the last one it parsed.
    [ThreadStatic]
    private static (string Query, string Lang, Lucene.Net.Search.Query? Parsed)? t_lastParsed;

    // The index's analysers; an analyser reuses its token streams per thread, so one of each serves every request.
    private static readonly Dictionary<string, Analyzer> Analyzers = SearchAnalyzers.Languages.ToDictionary(lang => lang, SearchAnalyzers.Create, StringComparer.Ordinal);

    /// <param name="indexed">
    /// What the index found the query matched (<see cref="IndexHit.Matches"/>: spans of the title, a line break and the
    /// text); null to mark the matches by analysing the text.
    /// </param>
    public static (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(string title, string text, string lang, string query, IReadOnlyList<TextSpan>? indexed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Length > 0 ? text : title ?? string.Empty;
        var sentences = SentenceSplitter.Dutch.Split(body);
        if (sentences.Count == 0)
        {
            return (string.Empty, []);
        }

        var matched = (indexed is null ? null : InBody(indexed, text.Length > 0 ? (title?.Length ?? 0) + 1 : 0, body.Length))
            ?? Matches(body, Analyzers.ContainsKey(lang) ? lang : "nl", query);
        var best = sentences[0];
        var bestMatches = new List<TextSpan>();
        foreach (var sentence in sentences)
        {
            var matches = matched.Where(m => m.Start >= sentence.Start && m.End <= sentence.End).ToList();
            if (matches.Count > bestMatches.Count)
            {
                best = sentence;
                bestMatches = matches;
            }
        }

        // Shorten long sentences around the first match, on word boundaries.
        var start = best.Start;
        var end = best.End;
        if (end - start > MaxLength)
        {
            var anchor = bestMatches.Count > 0 ? bestMatches[0].Start : start;
            start = Math.Max(best.Start, anchor - (MaxLength / 3));
            while (start > best.Start && !char.IsWhiteSpace(body[start - 1]))
            {
                start--;
            }

            end = Math.Min(best.End, start + MaxLength);
            while (end < best.End && !char.IsWhiteSpace(body[end]))
            {
                end++;
            }
        }

        var prefix = start > best.Start ? "…" : string.Empty;
        var suffix = end < best.End ? "…" : string.Empty;
        var snippet = prefix + body[start..end] + suffix;
        var highlights = bestMatches
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => new TextSpan(m.Start - start + prefix.Length, m.End - start + prefix.Length))
            .ToList();
        return (snippet, highlights);
    }

    /// <summary>
    /// The indexed matches that fall in the body (the text, which starts at <paramref name="start"/> of the indexed text),
    /// moved to its offsets; null when one runs past the text's end (an index out of step with the store: analyse).
    /// </summary>
    private static List<TextSpan>? InBody(IReadOnlyList<TextSpan> indexed, int start, int length)
    {
        var spans = new List<TextSpan>(indexed.Count);
        foreach (var span in indexed)
        {
            if (span.End - start > length)
            {
                return null;
            }

            if (span.Start >= start)
            {
                spans.Add(new TextSpan(span.Start - start, span.End - start));
            }
        }

        return spans;
    }

    /// <summary>Every stretch of <paramref name="body"/> the query matches, in text order; none for a query that cannot be parsed.</summary>
    private static List<TextSpan> Matches(string body, string lang, string query)
    {
        var field = "text_" + lang;
        var analyzer = Analyzers[lang];
        // The hits of one search share their query and mostly their language: parse it once per thread, not per hit
        // (parsing was a sixth of a search's time).
        if (t_lastParsed is not { } last || last.Query != query || last.Lang != lang)
        {
            var parsed = SearchQueryParser.Parse(query, field, analyzer, SearchAnalyzers.Version);
            last = (query, lang, parsed.Success ? parsed.Value : null);
            t_lastParsed = last;
        }

        if (last.Parsed is not { } parsedQuery)
        {
            return [];
        }

        var marks = new MarkCollector();
        var highlighter = new Highlighter(marks, new QueryScorer(parsedQuery, field))
        {
            TextFragmenter = new NullFragmenter(),
            MaxDocCharsToAnalyze = body.Length,
        };
        using var tokens = analyzer.GetTokenStream(field, body);
        highlighter.GetBestFragment(tokens, body);
        return marks.Spans;
    }

    /// <summary>Takes the place of the highlighter's markup: records where each scored token group stands.</summary>
    private sealed class MarkCollector : IFormatter
    {
        public List<TextSpan> Spans { get; } = [];

        public string HighlightTerm(string originalText, TokenGroup tokenGroup)
        {
            if (tokenGroup.TotalScore > 0)
            {
                Spans.Add(new TextSpan(tokenGroup.StartOffset, tokenGroup.EndOffset));
            }

            return originalText;
        }
    }
}
