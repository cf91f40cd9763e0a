using System.Text;

namespace Chorus.Core.Text;

/// <summary>
/// Puts text in the one form that is stored and that all offsets index into: Unicode NFC, LF line ends,
/// no control characters other than newline and tab, no trailing spaces on lines.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Most input is in this form already: no copy (a JSONL text was copied here twice before).
        var laidOut = IsNormalLayout(text) ? text : Rewritten(text);
        return laidOut.IsNormalized(NormalizationForm.FormC) ? laidOut : laidOut.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The text rewritten character by character into the stored layout (Unicode form aside).</summary>
    internal static string Rewritten(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // CRLF and lone CR both become LF.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                TrimLineEnd(sb);
                sb.Append('\n');
            }
            else if (c == '\n')
            {
                TrimLineEnd(sb);
                sb.Append('\n');
            }
            else if (c is '\u00A0' or '\u2007' or '\u202F')
            {
                // Non-breaking spaces are spaces for every purpose downstream; keeping them breaks tokenisation.
                sb.Append(' ');
            }
            else if (c is '\uFEFF' or '\u200B' || (char.IsControl(c) && c != '\t'))
            {
                // Stray BOMs, zero-width spaces and control characters carry no text.
            }
            else
            {
                sb.Append(c);
            }
        }

        TrimLineEnd(sb);
        return sb.ToString();
    }

    /// <summary>
    /// Whether <see cref="Rewritten"/> would leave the text as it is: no CR, no character it replaces or drops, no space
    /// or tab before a line end or at the end.
    /// </summary>
    private static bool IsNormalLayout(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (i > 0 && text[i - 1] is ' ' or '\t')
                {
                    return false;
                }
            }
            else if (c is '\u00A0' or '\u2007' or '\u202F' or '\uFEFF' or '\u200B' || (char.IsControl(c) && c != '\t'))
            {
                return false;
            }
        }

        return text.IsEmpty || text[^1] is not (' ' or '\t');
    }

    private static void TrimLineEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] is ' ' or '\t')
        {
            sb.Length--;
        }
    }
}
