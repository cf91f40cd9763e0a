namespace Chorus.Core.Text;

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens by scanning the span once.
/// Hyphens and apostrophes inside words stay inside (<c>Noord-Koreaanse</c>, <c>Jong-un</c>, <c>zo'n</c>);
/// a dotted abbreviation keeps its inner periods (<c>d.w.z</c>); decimal commas and thousands dots stay inside
/// numbers (<c>0,25</c>, <c>1.000</c>).
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <c>text[start..end)</c> to <paramref name="tokens"/>; offsets are into <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetter(c) || IsMark(c))
            {
                var j = ScanWord(text, i, end);
                tokens.Add(new Token(i, j, TokenKind.Word));
                i = j;
            }
            else if (char.IsDigit(c))
            {
                var j = ScanNumber(text, i, end);
                tokens.Add(new Token(i, j, TokenKind.Number));
                i = j;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end)
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Symbol));
                i += 2;
            }
            else
            {
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                var j = i + 1;
                // "..." and "--" read as one token.
                while (j < end && text[j] == c && c is '.' or '-')
                {
                    j++;
                }

                tokens.Add(new Token(i, j, kind));
                i = j;
            }
        }
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static int ScanWord(ReadOnlySpan<char> text, int i, int end)
    {
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                j++;
            }
            else if (IsJoiner(c) && j + 1 < end && char.IsLetterOrDigit(text[j + 1]) && j > i)
            {
                j++;
            }
            else if (c == '.' && j + 1 < end && char.IsLetter(text[j + 1]) && IsSingleLetterSegment(text, i, j))
            {
                // d.w.z, o.a, e.a: single letters joined by periods form one abbreviation token.
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private static bool IsSingleLetterSegment(ReadOnlySpan<char> text, int tokenStart, int dot)
    {
        var segStart = dot - 1;
        while (segStart > tokenStart && text[segStart - 1] != '.')
        {
            segStart--;
        }

        return dot - segStart == 1 && (dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]));
    }

    private static bool IsJoiner(char c) => c is '-' or '\'' or '’' or '\u2011';

    private static int ScanNumber(ReadOnlySpan<char> text, int i, int end)
    {
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (char.IsDigit(c))
            {
                j++;
            }
            else if (c is '.' or ',' && j + 1 < end && char.IsDigit(text[j + 1]))
            {
                j++;
            }
            else if (char.IsLetter(c))
            {
                // 2e, 10km, 3D: letters glued to a number stay with it.
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }
}
