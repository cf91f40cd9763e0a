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

        var paragraphs = SplitParagraphs(body.ToString());
        if (paragraphs.Count == 0)
        {
            return ReadResult.Rejected(reference, "no article text after the date header");
        }

        var article = new RawArticle
        {
            Ref = reference,
            Text = string.Join("\n\n", paragraphs),
            Date = date,
            Source = source,
        };
        return ReadResult.Ok(article, warnings);
    }

    private static bool StartsWithDateKeyword(ReadOnlySpan<char> s)
        => s.Length > 5 && s.StartsWith("date", StringComparison.OrdinalIgnoreCase) && s[4] is ' ' or '\t';

    /// <summary>Paragraphs on blank lines, with a heading line split off when it directly precedes text.</summary>
    internal static List<string> SplitParagraphs(string body)
    {
        var result = new List<string>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var start = 0;
            while (start < lines.Length - 1 && IsHeading(lines[start]))
            {
                result.Add(lines[start]);
                start++;
            }

            result.AddRange(TextNormalizer.Paragraphs(string.Join('\n', lines[start..])));
        }

        return result;
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
