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
        var s = sb.ToString();
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Splits normalised text into paragraphs on blank lines; lines inside a paragraph are joined with a space,
    /// because line wrapping inside a paragraph is layout, not structure.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string normalized)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in normalized.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(CollapseSpaces(current.ToString()));
                current.Clear();
            }
        }
    }

    private static string CollapseSpaces(string s)
    {
        if (!s.Contains("  ", StringComparison.Ordinal) && !s.Contains('\t', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var lastSpace = false;
        foreach (var c in s)
        {
            var space = c is ' ' or '\t';
            if (space && lastSpace)
            {
                continue;
            }

            sb.Append(space ? ' ' : c);
            lastSpace = space;
        }

        return sb.ToString();
    }

    private static void TrimLineEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] is ' ' or '\t')
        {
            sb.Length--;
        }
    }
}
