using System.Globalization;
using System.Text.Json;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads JSON Lines: one object per line with <c>text</c> and optional <c>id</c>, <c>title</c>,
/// <c>published_at</c>/<c>date</c>, <c>source</c>/<c>publisher</c>, <c>url</c>, <c>lang</c>. A record with a title
/// and no text is a headline-only item. A bad line is rejected as <c>path:line</c>; the other lines still load.
/// </summary>
public static class JsonlReader
{
    public static IEnumerable<ReadResult> Read(TextReader reader, string path, string? source, int maxRecordChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var input = string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}");
            if (line.Length > maxRecordChars)
            {
                yield return ReadResult.Rejected(input, $"record is {line.Length:N0} characters, over the limit of {maxRecordChars:N0}");
                continue;
            }

            yield return ReadRecordTotal(line, input, source);
        }
    }

    /// <summary>As <see cref="ReadRecord"/>, with a defect no rule foresaw turned into this record's rejection.</summary>
    internal static ReadResult ReadRecordTotal(string line, string input, string? source)
    {
        try
        {
            return ReadRecord(line, input, source);
        }
#pragma warning disable CA1031 // One record's defect must not end the stream of the others.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Rejected(input, $"cannot read record: {e.GetType().Name}: {e.Message}");
        }
    }

    internal static ReadResult ReadRecord(string line, string input, string? source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return ReadResult.Rejected(input, $"invalid JSON: {FirstSentence(e.Message)}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Rejected(input, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            string? text, title, id, dateText, publisher, url, lang;
            try
            {
                text = OptionalString(root, "text");
                title = OptionalString(root, "title");
                id = OptionalString(root, "id", allowNumber: true);
                dateText = OptionalString(root, "published_at", allowNumber: true) ?? OptionalString(root, "date", allowNumber: true);
                publisher = OptionalString(root, "source") ?? OptionalString(root, "publisher");
                url = OptionalString(root, "url");
                lang = OptionalString(root, "lang");
            }
            catch (FieldException e)
            {
                return ReadResult.Rejected(input, e.Message);
            }

            PartialDate? date = null;
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                var parsed = ParseRecordDate(dateText);
                var field = root.TryGetProperty("published_at", out _) ? "published_at" : "date";
                if (!parsed.Success)
                {
                    return ReadResult.Rejected(input, $"field '{field}': {parsed.Error}");
                }

                if (!ArticleDates.InRange(parsed.Value))
                {
                    return ReadResult.Rejected(input, $"field '{field}': {ArticleDates.OutOfRange(parsed.Value)}");
                }

                date = parsed.Value;
            }

            var body = text is null ? string.Empty : SeedTextReader.JoinedParagraphs(TextNormalizer.Normalize(text));
            var normalizedTitle = title is null ? null : TextNormalizer.Normalize(title).Trim();
            if (body.Length == 0 && string.IsNullOrEmpty(normalizedTitle))
            {
                return ReadResult.Rejected(input, "record has neither 'text' nor 'title'");
            }

            var warnings = date is null
                ? new[] { new InputProblem(input, "no 'published_at' or 'date': ingested with an unknown date") }
                : [];
            return ReadResult.Ok(
                new RawArticle
                {
                    Ref = id ?? input,
                    ExternalId = id,
                    Text = body,
                    Title = string.IsNullOrEmpty(normalizedTitle) ? null : normalizedTitle,
                    Date = date,
                    Source = string.IsNullOrWhiteSpace(publisher) ? source : publisher.Trim(),
                    Url = url,
                    Lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim().ToLowerInvariant(),
                },
                warnings);
        }
    }

    /// <summary>
    /// Accepts <c>YYYY[-MM[-DD]]</c>, ISO date-times (the date part is kept at day precision) and Unix epoch
    /// milliseconds or seconds as feed exports write them.
    /// </summary>
    internal static ParseResult<PartialDate> ParseRecordDate(string text)
    {
        var s = text.Trim();
        if (s.Length > 0 && s.All(char.IsAsciiDigit) && s.Length >= 9)
        {
            // Epoch seconds up to 11 digits, milliseconds from 12; anything beyond the calendar is no time at all.
            const long MaxSeconds = 253402300799, MaxMilliseconds = 253402300799999;
            if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > (s.Length >= 12 ? MaxMilliseconds : MaxSeconds))
            {
                return ParseResult<PartialDate>.Fail($"'{Shorten(s)}' is not a Unix time in seconds or milliseconds");
            }

            var instant = s.Length >= 12 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n);
            return ParseResult<PartialDate>.Ok(PartialDate.OfDay(DateOnly.FromDateTime(instant.UtcDateTime)));
        }

        if (s.Length > 10 && s[10] is 'T' or 't' or ' ')
        {
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
            {
                return ParseResult<PartialDate>.Ok(PartialDate.OfDay(DateOnly.FromDateTime(dto.DateTime)));
            }

            return ParseResult<PartialDate>.Fail($"'{s}' is not a valid ISO date-time");
        }

        return PartialDate.Parse(s);
    }

    private static string? OptionalString(JsonElement obj, string name, bool allowNumber = false)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => StringOf(value, name),
            JsonValueKind.Null => null,
            JsonValueKind.Number when allowNumber => value.GetRawText(),
            _ => throw new FieldException($"field '{name}' must be a string, found {value.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    private static string? StringOf(JsonElement value, string name)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate ("\ud800") is valid JSON syntax but no text.
            throw new FieldException($"field '{name}' holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is no text");
        }
    }

    private static string Shorten(string s) => s.Length <= 24 ? s : s[..24] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private sealed class FieldException(string message) : Exception(message);
}
