namespace Chorus.Core.Text;

/// <summary>
/// Splits text into sentences. Line breaks end sentences (paragraphs and headings are stored one per line
/// block); inside a line a <c>. ! ? …</c> ends a sentence when whitespace and a non-lower-case character
/// follow, except after an initial (<c>J. Smit</c>) or a known abbreviation whose class says it cannot end
/// a sentence here. Immutable and thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    private readonly AbbreviationList _abbreviations;

    public SentenceSplitter(AbbreviationList abbreviations)
    {
        _abbreviations = abbreviations;
    }

    public static SentenceSplitter Dutch { get; } = new(AbbreviationList.Dutch);

    public List<TextSpan> Split(string text) => Split(text, lang: null);

    /// <summary>Sentences of <paramref name="text"/> in <paramref name="lang"/> (null: unknown); German ordinals ("am 28. Juni") end none.</summary>
    public List<TextSpan> Split(string text, string? lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        var german = lang == "de";
        var sentences = new List<TextSpan>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, german, sentences);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private void SplitLine(string text, int start, int end, bool german, List<TextSpan> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?' or '…')
            {
                j++;
            }

            while (j < end && IsClosing(text[j]))
            {
                j++;
            }

            // A terminator glued to the next character (3.5, nos.nl, "ja!"-roep) is not a boundary.
            if (j >= end || !char.IsWhiteSpace(text[j]))
            {
                i = j - 1;
                continue;
            }

            var next = j;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= end)
            {
                break;
            }

            if (!char.IsLower(text[next]) && !(c == '.' && j == i + 1 && (IsNonFinalPeriod(text, sentenceStart, i, text[next]) || (german && IsGermanOrdinal(text, sentenceStart, i, next, end)))))
            {
                Add(text, sentenceStart, j, sentences);
                sentenceStart = next;
            }

            i = j - 1;
        }

        Add(text, sentenceStart, end, sentences);
    }

    /// <summary>True when the period at <paramref name="dot"/> belongs to an abbreviation or initial.</summary>
    private bool IsNonFinalPeriod(string text, int lineStart, int dot, char next)
    {
        var wordStart = dot;
        while (wordStart > lineStart && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] is '.' or '-'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.IsEmpty)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        if (_abbreviations.TryGet(word, out var cls))
        {
            return cls switch
            {
                AbbreviationClass.NeverFinal or AbbreviationClass.Title => true,
                AbbreviationClass.WithNumber => char.IsDigit(next),
                _ => false,
            };
        }

        return false;
    }

    /// <summary>
    /// Whether the period at <paramref name="dot"/> makes the number before it a German ordinal: a day before a month
    /// ("am 28. Juni", "12. Dez."), or a number after an article or a preposition with one ("zum 5. Mal", "in der 90.
    /// Minute", "im 19. Jahrhundert"). A number ending a sentence follows other words ("stieg auf 28.", "Platz 3.").
    /// </summary>
    private static bool IsGermanOrdinal(string text, int lineStart, int dot, int next, int end)
    {
        var digits = dot;
        while (digits > lineStart && char.IsAsciiDigit(text[digits - 1]))
        {
            digits--;
        }

        if (dot - digits is 0 or > 3 || (digits > lineStart && char.IsLetter(text[digits - 1])))
        {
            return false;
        }

        var wordEnd = next;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (dot - digits <= 2 && GermanMonths.Contains(text.AsSpan(next, wordEnd - next)))
        {
            return true;
        }

        var before = digits;
        while (before > lineStart && char.IsWhiteSpace(text[before - 1]))
        {
            before--;
        }

        var wordStart = before;
        while (wordStart > lineStart && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return before < digits && OrdinalHeads.Contains(text.AsSpan(wordStart, before - wordStart));
    }

    // Months and their abbreviations (Austrian "Jänner", "Feber" too).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GermanMonths = new HashSet<string>(
        ["Januar", "Jänner", "Jan", "Februar", "Feber", "Feb", "März", "April", "Apr", "Mai", "Juni", "Juli", "August", "Aug",
         "September", "Sept", "Sep", "Oktober", "Okt", "November", "Nov", "Dezember", "Dez"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Articles and contracted prepositions that come before an ordinal, never before a number ending a sentence.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalHeads = new HashSet<string>(
        ["am", "im", "zum", "zur", "vom", "beim", "der", "die", "das", "den", "dem", "des", "Am", "Im", "Zum", "Zur", "Vom", "Beim",
         "Der", "Die", "Das", "Den", "Dem", "Des"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '“';

    private static void Add(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }
}
