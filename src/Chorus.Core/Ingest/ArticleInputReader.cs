using System.Globalization;
using Chorus.Core.Text;

namespace Chorus.Core.Ingest;

/// <summary>What the user asked to read and how.</summary>
public sealed record ReadOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>The outlet to record where the input names none (<c>--source</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Single-document files above this size are rejected; JSONL is streamed and limited per record.</summary>
    public long MaxDocumentBytes { get; init; } = 10L * 1024 * 1024;
}

/// <summary>
/// Expands what the user named (files, folders recursively, <c>-</c> for stdin) into read results, choosing
/// the reader per input. Every problem becomes a rejection naming the input; nothing here throws on bad input.
/// </summary>
public static class ArticleInputReader
{
    public const string StdinRef = "-";

    /// <summary>Extensions a folder walk picks up; a file named explicitly is read whatever its extension.</summary>
    public static IReadOnlySet<string> ArticleExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".xml", ".rss", ".atom", string.Empty,
    };

    /// <summary>
    /// Article files a folder contributes, in a stable order so that ingests are reproducible. Hidden files and
    /// files of other kinds (READMEs, spreadsheets, images) are not articles and are left out.
    /// </summary>
    public static IEnumerable<string> ExpandFolder(string folder)
        => Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => !Path.GetFileName(f).StartsWith('.') && ArticleExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal);

    /// <summary>Lists the concrete inputs behind the given paths, with a rejection for each path that does not exist.</summary>
    public static IEnumerable<(string? File, InputProblem? Problem)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == StdinRef)
            {
                yield return (StdinRef, null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ExpandFolder(path))
                {
                    yield return (file, null);
                }
            }
            else if (File.Exists(path))
            {
                yield return (path, null);
            }
            else
            {
                yield return (null, new InputProblem(path, "no such file or folder"));
            }
        }
    }

    public static IEnumerable<ReadResult> ReadFile(string path, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                return [ReadResult.Rejected(path, "no such file")];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [ReadResult.Rejected(path, e.Message)];
        }

        var format = options.Format == InputFormat.Auto ? FormatFromExtension(path) : options.Format;
        if (format == InputFormat.Jsonl)
        {
            return ReadJsonlFile(path, options);
        }

        if (info.Length > options.MaxDocumentBytes)
        {
            return [ReadResult.Rejected(path, $"file is {FormatSize(info.Length)}, over the {FormatSize(options.MaxDocumentBytes)} limit for one article")];
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Rejected(path, $"cannot read: {e.Message}")];
        }

        return ReadBytes(bytes, path, options with { Format = format });
    }

    public static IEnumerable<ReadResult> ReadBytes(byte[] bytes, string reference, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        if (bytes.Length == 0)
        {
            return [ReadResult.Rejected(reference, "empty file: no text")];
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded is null)
        {
            return [ReadResult.Rejected(reference, "binary file: not text in any supported encoding")];
        }

        var text = decoded.Value.Text;
        var format = options.Format == InputFormat.Auto ? FormatFromContent(text) : options.Format;
        return format switch
        {
            InputFormat.Jsonl => JsonlReader.Read(new StringReader(text), reference, options.Source, MaxRecordChars(options)).ToList(),
            InputFormat.Html => [HtmlArticleReader.Read(text, reference, options.Source)],
            InputFormat.Rss => FeedReader.Read(text, reference, options.Source).ToList(),
            _ => [SeedTextReader.Read(text, reference, options.Source)],
        };
    }

    private static IEnumerable<ReadResult> ReadJsonlFile(string path, ReadOptions options)
    {
        // JSONL corpora can be far larger than one article, so they are decoded whole only while that is cheap
        // and streamed as UTF-8 (what JSON Lines prescribes) beyond that.
        const long DecodeWholeLimit = 256L * 1024 * 1024;
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return [ReadResult.Rejected(path, "empty file: no records")];
        }

        if (length <= DecodeWholeLimit)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [ReadResult.Rejected(path, $"cannot read: {e.Message}")];
            }

            var decoded = TextDecoder.Decode(bytes);
            return decoded is null
                ? [ReadResult.Rejected(path, "binary file: not text in any supported encoding")]
                : JsonlReader.Read(new StringReader(decoded.Value.Text), path, options.Source, MaxRecordChars(options));
        }

        return StreamJsonl(path, options);
    }

    private static IEnumerable<ReadResult> StreamJsonl(string path, ReadOptions options)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        foreach (var result in JsonlReader.Read(reader, path, options.Source, MaxRecordChars(options)))
        {
            yield return result;
        }
    }

    private static int MaxRecordChars(ReadOptions options) => (int)Math.Min(int.MaxValue, options.MaxDocumentBytes);

    public static InputFormat FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => InputFormat.Jsonl,
        ".html" or ".htm" => InputFormat.Html,
        ".rss" or ".atom" or ".xml" => InputFormat.Rss,
        ".txt" => InputFormat.Text,
        _ => InputFormat.Auto,
    };

    private static InputFormat FormatFromContent(string text)
    {
        var s = text.AsSpan().TrimStart();
        if (s.StartsWith("{"))
        {
            return InputFormat.Jsonl;
        }

        if (s.StartsWith("<"))
        {
            return FeedReader.LooksLikeFeed(s) && !s[..Math.Min(s.Length, 2000)].Contains("<html", StringComparison.OrdinalIgnoreCase) ? InputFormat.Rss : InputFormat.Html;
        }

        return InputFormat.Text;
    }

    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
