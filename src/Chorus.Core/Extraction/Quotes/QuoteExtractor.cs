using Chorus.Core.Analysis;

namespace Chorus.Core.Extraction.Quotes;

/// <summary>A direct quote (its content, without the quote marks) and who said it, when the text says so.</summary>
public readonly record struct QuoteMention(int Start, int End, string? Speaker, int SpeakerStart, int SpeakerEnd, string? Cue);

/// <summary>
/// Finds direct quotes in “…”, „…”, "…", '…', ‘…’ and «…», including quotes that run over several sentences
/// and, by the newspaper convention of re-opening the quote at each paragraph, over several paragraphs.
/// A speaker is found from the cue after the quote (", zegt X", ", aldus X", ", legt X uit", ", said X",
/// ", sagte X"), from an introduction before it ("X zegt: “…”", "X: “…”"), from a pronoun after the cue
/// (resolved to the last person named before the quote), or, for a quote that follows another in the same
/// or the next paragraph without a cue of its own, from that quote. A short name ("Breuker") is resolved to
/// the full name in the article ("Remco Breuker"). Immutable and thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "zegt", "zei", "zeggen", "zeiden", "aldus", "vertelt", "vertelde", "legt", "legde", "stelt", "stelde", "meldt", "meldde", "schrijft", "schreef",
        "verklaart", "verklaarde", "benadrukt", "benadrukte", "reageert", "reageerde", "waarschuwt", "waarschuwde", "antwoordt", "antwoordde",
        "vraagt", "vroeg", "roept", "riep", "zucht", "zuchtte", "lacht", "lachte", "voegt", "voegde", "concludeert", "concludeerde", "erkent", "erkende",
        "said", "says", "told", "added", "explained", "asked", "warned", "wrote", "according", "stated", "insisted", "replied",
        "sagte", "sagt", "erklärte", "erklärt", "so", "betonte", "betont", "schrieb", "warnte", "fügte", "meinte", "sagten",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "hij", "zij", "ze", "he", "she", "er", "sie" };

    public List<QuoteMention> Extract(string text, IReadOnlyList<EntityMention> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        var people = entities.Where(e => e.Type == "PER").OrderBy(e => e.Start).ToList();
        var spans = FindQuotes(text);
        var result = new List<QuoteMention>();
        QuoteMention? previous = null;
        foreach (var (start, end, close) in spans)
        {
            var attribution = After(text, close, people) ?? Before(text, start - 1, people);
            var speaker = attribution?.Speaker;
            var cue = attribution?.Cue;
            // Another person named between the two quotes (outside the first one's attribution) breaks the chain.
            if (speaker is null && previous is { Speaker: not null } p && ParagraphsApart(text, p.End, start) <= 1
                && !people.Any(e => e.Start > SentenceEnd(text, p.End) && e.End <= start))
            {
                (speaker, cue) = (people.First(e => e.Start == p.SpeakerStart), "continued");
            }

            var full = speaker is { } s ? FullName(text, s, people) : (EntityMention?)null;
            var mention = new QuoteMention(start, end, full is { } f ? text[f.Start..f.End] : null, full?.Start ?? -1, full?.End ?? -1, cue);
            if (speaker is { } sp)
            {
                mention = mention with { SpeakerStart = sp.Start, SpeakerEnd = sp.End };
            }

            result.Add(mention);
            previous = mention;
        }

        return result;
    }

    /// <summary>Quote content spans and the index just after each closing mark.</summary>
    internal static List<(int Start, int End, int AfterClose)> FindQuotes(string text)
    {
        var found = new List<(int, int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var close = ClosingFor(text, i);
            if (close is null)
            {
                i++;
                continue;
            }

            var end = FindClose(text, i + 1, c, close.Value);
            if (end < 0)
            {
                i++;
                continue;
            }

            var contentStart = i + 1;
            var contentEnd = end;
            var content = text[contentStart..contentEnd];
            var words = content.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 2 && !IsHeading(text, i, end + 1))
            {
                found.Add((contentStart, contentEnd, end + 1));
            }

            i = end + 1;
        }

        return found;
    }

    private static char? ClosingFor(string text, int i)
    {
        var c = text[i];
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        var boundary = char.IsWhiteSpace(before) || before is '(' or '[' or ':' or '—' or '-';
        return c switch
        {
            '“' => '”',
            '„' => '”',
            '«' => '»',
            '‘' when boundary && char.IsLetterOrDigit(after) => '’',
            '"' when boundary && !char.IsWhiteSpace(after) => '"',
            '\'' when boundary && char.IsLetter(after) && !IsElision(text, i) => '\'',
            _ => null,
        };
    }

    // 's, 't, 'n (Dutch elisions) and '81 are not quotes.
    private static bool IsElision(string text, int i)
        => i + 2 <= text.Length && (i + 2 == text.Length || !char.IsLetter(text[i + 2])) && text[i + 1] is 's' or 't' or 'n' or 'S' or 'T';

    /// <summary>The closing mark, searched in the paragraph and, when a following paragraph re-opens the quote, in that one.</summary>
    private static int FindClose(string text, int from, char open, char close)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            // „…“ is closed by a high-six quote in German and older Dutch typesetting.
            var isClose = c == close || (open == '„' && c == '“');
            if (isClose && (close is not '\'' and not '"' || i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                return i;
            }

            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // Paragraph end without a close: the quote continues only if the next paragraph re-opens it.
                var next = i + 2;
                if (next < text.Length && text[next] == open)
                {
                    i = next + 1;
                    continue;
                }

                return -1;
            }

            i++;
        }

        return -1;
    }

    // A quoted heading ("'Grote fout'") is a title, not speech.
    private static bool IsHeading(string text, int open, int afterClose)
    {
        var lineStart = open == 0 || text[open - 1] == '\n';
        var lineEnd = afterClose >= text.Length || text[afterClose] == '\n';
        return lineStart && lineEnd && afterClose - open < 80 && text[afterClose - 2] is not ('.' or '!' or '?');
    }

    private static (EntityMention Speaker, string Cue)? After(string text, int afterClose, List<EntityMention> people)
    {
        // ", zegt Koreakenner Remco Breuker", ", legt Breuker uit", ", aldus X", ", said X", ", X said"
        var sentenceEnd = SentenceEnd(text, afterClose);
        var window = text[afterClose..sentenceEnd];
        var words = Words(window, afterClose);
        if (words.Count == 0)
        {
            return null;
        }

        var cueIndex = words.FindIndex(wd => Cues.Contains(wd.Word));
        if (cueIndex < 0 || cueIndex > 3)
        {
            return null;
        }

        var cue = words[cueIndex].Word;
        var between = people.Where(e => e.Start >= afterClose && e.End <= sentenceEnd).OrderBy(e => e.Start).ToList();
        if (between.Count > 0)
        {
            return (between[0], cue);
        }

        var pronoun = words.Skip(Math.Max(0, cueIndex - 1)).Take(3).FirstOrDefault(wd => Pronouns.Contains(wd.Word));
        if (pronoun.Word is not null && people.LastOrDefault(e => e.End <= afterClose) is { Type: "PER" } last)
        {
            return (last, cue);
        }

        return null;
    }

    private static (EntityMention Speaker, string Cue)? Before(string text, int open, List<EntityMention> people)
    {
        // "Breuker zegt: “…”", "Breuker: “…”", and a partial quote in "Volgens Breuker is het “…”".
        var k = open - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        var sentenceStart = SentenceStart(text, Math.Max(k, 0));
        var opening = text.AsSpan(sentenceStart, Math.Max(0, k + 1 - sentenceStart));
        if (opening.StartsWith("Volgens ", StringComparison.Ordinal) || opening.StartsWith("According to ", StringComparison.Ordinal) || opening.StartsWith("Laut ", StringComparison.Ordinal))
        {
            var named = people.FirstOrDefault(e => e.Start >= sentenceStart && e.End <= k + 1);
            return named.End > 0 ? (named, "volgens") : null;
        }

        if (k < 0 || text[k] != ':')
        {
            return null;
        }

        var candidates = people.Where(e => e.Start >= sentenceStart && e.End <= k).ToList();
        return candidates.Count > 0 ? (candidates[^1], ":") : null;
    }

    /// <summary>"Breuker" → the "Remco Breuker" mentioned elsewhere in the article, when there is exactly one such name.</summary>
    private static EntityMention FullName(string text, EntityMention speaker, List<EntityMention> people)
    {
        var name = text[speaker.Start..speaker.End];
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return speaker;
        }

        var fuller = people.Where(e => text[e.Start..e.End] is var f && f.Length > name.Length && f.EndsWith(" " + name, StringComparison.Ordinal))
            .Select(e => text[e.Start..e.End]).Distinct(StringComparer.Ordinal).ToList();
        return fuller.Count == 1 ? people.First(e => text[e.Start..e.End] == fuller[0]) : speaker;
    }

    private static int ParagraphsApart(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i + 1 < to; i++)
        {
            if (text[i] == '\n' && text[i + 1] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static int SentenceEnd(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int SentenceStart(string text, int from)
    {
        for (var i = from; i > 0; i--)
        {
            if (text[i - 1] == '\n' || (text[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[i])))
            {
                return i;
            }
        }

        return 0;
    }

    private static List<(string Word, int Start)> Words(string window, int offset)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < window.Length)
        {
            while (i < window.Length && !char.IsLetter(window[i]))
            {
                i++;
            }

            var s = i;
            while (i < window.Length && (char.IsLetter(window[i]) || window[i] is '-' or '\''))
            {
                i++;
            }

            if (i > s)
            {
                words.Add((window[s..i], offset + s));
            }
        }

        return words;
    }
}
