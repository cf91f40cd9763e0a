using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads the plain-text article format of the seeds: optional leading whitespace, the word <c>date</c>, a date
/// (<c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>), then the body on the same line; paragraphs separated by
/// blank lines; short unpunctuated lines are headings and stay paragraphs of their own.
/// </summary>
public static class SeedTextReader
{
    // A heading is short and does not end like a sentence; measured in words so it works for any language.
    private const int MaxHeadingWords = 10;

    public static ReadResult Read(string text, string reference, string? source)
    {
        var normalized = TextNormalizer.Normalize(text);
        var body = normalized.AsSpan().TrimStart();
        if (body.IsEmpty)
        {
            return ReadResult.Rejected(reference, "empty file: no text");
        }

        PartialDate? date = null;
        var warnings = new List<InputProblem>();
        if (StartsWithDateKeyword(body))
        {
            var afterKeyword = body[4..].TrimStart(" \t");
            var tokenEnd = afterKeyword.IndexOfAny(" \t\n");
            var token = tokenEnd < 0 ? afterKeyword : afterKeyword[..tokenEnd];
            var parsed = PartialDate.Parse(token);
            if (!parsed.Success)
            {
                return ReadResult.Rejected(reference, $"line 1, date header: {parsed.Error}");
            }

            if (!ArticleDates.InRange(parsed.Value))
            {
                return ReadResult.Rejected(reference, $"line 1, date header: {ArticleDates.OutOfRange(parsed.Value)}");
            }

            date = parsed.Value;
            body = tokenEnd < 0 ? [] : afterKeyword[tokenEnd..];
        }
        else
        {
            warnings.Add(new InputProblem(reference, "no 'date YYYY[-MM[-DD]]' header: ingested with an unknown date"));
        }

        var joined = JoinedParagraphs(body.ToString());
        if (joined.Length == 0)
        {
            return ReadResult.Rejected(reference, "no article text after the date header");
        }

        var article = new RawArticle
        {
            Ref = reference,
            Text = joined,
            Date = date,
            Source = source,
        };
        return ReadResult.Ok(article, warnings);
    }

    private static bool StartsWithDateKeyword(ReadOnlySpan<char> s)
        => s.Length > 5 && s.StartsWith("date", StringComparison.OrdinalIgnoreCase) && s[4] is ' ' or '\t';

    /// <summary>
    /// The body as stored: its paragraphs (blocks between blank lines) joined by a blank line, the lines of each joined by
    /// a space and runs of spaces and tabs made one space; a short unpunctuated line that opens a block and has text
    /// after it is a heading, a paragraph of its own, kept as written. Made in one pass over a pooled buffer, and the
    /// body itself is returned where it is in that form already (most JSONL texts are).
    /// </summary>
    internal static string JoinedParagraphs(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var output = new CharBuffer(body.Length);
        try
        {
            var rest = body.AsSpan();
            while (true)
            {
                var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
                AppendBlock(end < 0 ? rest : rest[..end], ref output);
                if (end < 0)
                {
                    break;
                }

                rest = rest[(end + 2)..];
            }

            return output.Written.SequenceEqual(body) ? body : new string(output.Written);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Appends one block's paragraphs (its headings, then the rest of its lines as one), each after a blank line unless first.</summary>
    private static void AppendBlock(ReadOnlySpan<char> block, ref CharBuffer output)
    {
        var lines = block.Trim();
        var inHeadings = true;
        var lastSpace = false;
        var has = NextLine(ref lines, out var line);
        while (has)
        {
            var hasNext = NextLine(ref lines, out var next);
            if (inHeadings && hasNext && IsHeading(line))
            {
                Separate(ref output);
                output.Append(line);
            }
            else
            {
                if (inHeadings)
                {
                    Separate(ref output);
                    inHeadings = false;
                }
                else
                {
                    output.Append(' ');
                    lastSpace = true;
                }

                foreach (var c in line)
                {
                    var space = c is ' ' or '\t';
                    if (!(space && lastSpace))
                    {
                        output.Append(space ? ' ' : c);
                    }

                    lastSpace = space;
                }
            }

            line = next;
            has = hasNext;
        }
    }

    /// <summary>The next line of <paramref name="lines"/> with text, trimmed; false when none is left.</summary>
    private static bool NextLine(ref ReadOnlySpan<char> lines, out ReadOnlySpan<char> line)
    {
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf('\n');
            line = (end < 0 ? lines : lines[..end]).Trim();
            lines = end < 0 ? [] : lines[(end + 1)..];
            if (!line.IsEmpty)
            {
                return true;
            }
        }

        line = default;
        return false;
    }

    private static void Separate(ref CharBuffer output)
    {
        if (output.Length > 0)
        {
            output.Append("\n\n");
        }
    }

    public static bool IsHeading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty)
        {
            return false;
        }

        var last = line[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or ',')
        {
            return false;
        }

        var words = 1;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        return words <= MaxHeadingWords;
    }
}
