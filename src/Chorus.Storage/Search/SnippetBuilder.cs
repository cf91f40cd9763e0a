using Chorus.Core.Text;

namespace Chorus.Storage.Search;

/// <summary>
/// Picks the sentence with the most query matches and marks the matching words. Matching is by stem in the
/// article's language, the same normalisation the index uses, so "onderzeeërs" finds "onderzeeër".
/// </summary>
public static class SnippetBuilder
{
    private const int MaxLength = 240;

    public static (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(string title, string text, string lang, string query)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stemmer = LanguageStemmer.For(lang);
        var wanted = Tokenizer.Tokenize(query)
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Number)
            .Select(t => stemmer.Stem(t.Of(query)))
            .ToHashSet(StringComparer.Ordinal);
        var body = text.Length > 0 ? text : title;
        var sentences = SentenceSplitter.Dutch.Split(body);
        if (sentences.Count == 0)
        {
            return (string.Empty, []);
        }

        var best = sentences[0];
        var bestMatches = new List<TextSpan>();
        foreach (var sentence in sentences)
        {
            var matches = new List<TextSpan>();
            var tokens = new List<Token>();
            Tokenizer.Tokenize(body, sentence.Start, sentence.End, tokens);
            foreach (var t in tokens)
            {
                if (t.Kind is TokenKind.Word or TokenKind.Number && wanted.Contains(stemmer.Stem(t.Of(body))))
                {
                    matches.Add(new TextSpan(t.Start, t.End));
                }
            }

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
}
