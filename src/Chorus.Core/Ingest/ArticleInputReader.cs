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

    /// <summary>Where <see cref="Outlets"/> and <see cref="Join"/> were read from, so that worker processes read the same.</summary>
    public string? SourcesFile { get; init; }

    public string? JoinFile { get; init; }

    /// <summary>Metadata joined to articles by id (<c>--join</c>), applied before the outlet is looked up.</summary>
    public RecordJoin? Join { get; init; }

    /// <summary>The outlets of a sources file (<c>--sources</c>): publisher values, domains, folders and feeds to outlet names.</summary>
    public Outlets.OutletDirectory? Outlets { get; init; }

    /// <summary>The article with joined metadata and its outlet; <paramref name="input"/> is the file or URL it came from.</summary>
    public RawArticle Attribute(RawArticle article, string? input)
    {
        ArgumentNullException.ThrowIfNull(article);
        var joined = Join?.Apply(article) ?? article;
        return Outlets?.Apply(joined, input) ?? joined;
    }

    /// <summary>The results with <see cref="Attribute"/> applied (lazily, as they are read).</summary>
    public IEnumerable<ReadResult> Attribute(IEnumerable<ReadResult> results, string? input)
        => Join is null && Outlets is null ? results : results.Select(r => r.Article is { } a ? r.WithArticle(Attribute(a, input)) : r);
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
    /// Article files a folder contributes, in a stable order so that ingests are reproducible, with a problem for
    /// each subfolder that cannot be read and each pipe, device or socket found. Hidden files and files of other
    /// kinds (READMEs, spreadsheets, images) are not articles and are left out. Links are followed, but every
    /// folder and file is visited once: a link back to a folder above (a loop) or a second link to one file adds nothing.
    /// </summary>
    public static IEnumerable<(string? File, InputProblem? Problem)> ExpandFolder(string folder)
        => ExpandFolder(folder, new HashSet<(ulong, ulong)>());

    private static IEnumerable<(string? File, InputProblem? Problem)> ExpandFolder(string folder, HashSet<(ulong, ulong)> seen)
    {
        var found = new List<(string? File, InputProblem? Problem)>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            var id = FileIdentity.Of(dir);
            if (id.Inode != 0 && !seen.Add((id.Device, id.Inode)))
            {
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                found.Add((null, new InputProblem(dir, $"cannot read folder: {e.Message}")));
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var entryId = FileIdentity.Of(entry);
                switch (entryId.Kind)
                {
                    case FileKind.Directory:
                        pending.Push(entry);
                        break;
                    case FileKind.Regular or FileKind.Unknown when ArticleExtensions.Contains(Path.GetExtension(entry)):
                        if (entryId.Inode == 0 || seen.Add((entryId.Device, entryId.Inode)))
                        {
                            found.Add((entry, null));
                        }

                        break;
                    case FileKind.Special when ArticleExtensions.Contains(Path.GetExtension(entry)):
                        found.Add((null, new InputProblem(entry, SpecialFile)));
                        break;
                    case FileKind.Missing when ArticleExtensions.Contains(Path.GetExtension(entry)):
                        // A link to nothing, or a file gone since the folder was listed.
                        found.Add((null, new InputProblem(entry, "no such file (a link that leads nowhere, or removed while reading)")));
                        break;
                }
            }
        }

        return found.OrderBy(f => f.File ?? f.Problem!.Input, StringComparer.Ordinal);
    }

    private const string SpecialFile = "not a regular file (a named pipe, device or socket): only files and folders are read";

    /// <summary>Lists the concrete inputs behind the given paths, with a rejection for each path that does not exist.</summary>
    public static IEnumerable<(string? File, InputProblem? Problem)> Expand(IEnumerable<string> paths)
    {
        var seen = new HashSet<(ulong, ulong)>();
        foreach (var path in paths)
        {
            if (path == StdinRef)
            {
                yield return (StdinRef, null);
                continue;
            }

            var id = FileIdentity.Of(path);
            switch (id.Kind)
            {
                case FileKind.Directory:
                    foreach (var entry in ExpandFolder(path, seen))
                    {
                        yield return entry;
                    }

                    break;
                case FileKind.Regular or FileKind.Unknown:
                    if (id.Inode == 0 || seen.Add((id.Device, id.Inode)))
                    {
                        yield return (path, null);
                    }

                    break;
                case FileKind.Special:
                    yield return (null, new InputProblem(path, SpecialFile));
                    break;
                default:
                    yield return (null, new InputProblem(path, "no such file or folder"));
                    break;
            }
        }
    }

    /// <summary>
    /// As <see cref="ReadFile(string, ReadOptions)"/>, with each article's reference made from <paramref name="reference"/>
    /// instead of the path read (<c>seeds/000.txt</c>, <c>articles.jsonl:12</c>); rejections still name the path, so the
    /// user can find the file.
    /// </summary>
    public static IEnumerable<ReadResult> ReadFile(string path, ReadOptions options, string reference)
        => ReadFile(path, options).Select(r => r.Article is { } a && (a.Ref == path || a.Ref.StartsWith(path + ":", StringComparison.Ordinal))
            ? r.WithArticle(a with { Ref = reference + a.Ref[path.Length..] })
            : r);

    /// <summary>
    /// What an article read from <paramref name="file"/>, found under the path the user gave, is called where others see
    /// it (the API, pages, exports): the path as typed when it is relative and stays below the current folder, else the
    /// path from the folder that holds what was named (<c>/home/ann/news</c> → <c>news/a.txt</c>, <c>../shared/seeds</c>
    /// → <c>seeds/000.txt</c>), so no absolute path or user folder of the ingesting machine is stored.
    /// </summary>
    public static string DisplayRef(string given, string file)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(file);
        if (!Path.IsPathRooted(given) && !given.Split('/', '\\').Contains(".."))
        {
            return file;
        }

        var named = Path.GetFullPath(given).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(named) ?? named;
        return Path.GetRelativePath(parent, Path.GetFullPath(file)).Replace('\\', '/');
    }

    /// <summary>As <see cref="Expand"/>, with the <see cref="DisplayRef"/> of each file.</summary>
    public static IEnumerable<(string? File, string? Ref, InputProblem? Problem)> ExpandWithRefs(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var (file, problem) in Expand([path]))
            {
                yield return (file, file is null || file == StdinRef ? file : DisplayRef(path, file), problem);
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

        if (FileIdentity.Of(path).Kind == FileKind.Special)
        {
            return [ReadResult.Rejected(path, SpecialFile)];
        }

        var format = options.Format == InputFormat.Auto ? FormatFromExtension(path) : options.Format;
        if (format == InputFormat.Jsonl)
        {
            return options.Attribute(ReadJsonlFile(path, options), path);
        }

        if (info.Length > options.MaxDocumentBytes)
        {
            return [ReadResult.Rejected(path, $"file is {FormatSize(info.Length)}, over the {FormatSize(options.MaxDocumentBytes)} limit for one article")];
        }

        byte[]? bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = ReadAtMost(stream, options.MaxDocumentBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Rejected(path, $"cannot read: {e.Message}")];
        }

        return bytes is null
            ? [ReadResult.Rejected(path, $"file holds more than the {FormatSize(options.MaxDocumentBytes)} limit for one article")]
            : options.Attribute(ReadBytes(bytes, path, options with { Format = format, Join = null, Outlets = null }), path);
    }

    /// <summary>
    /// Reads a stream (standard input, a pipe) whole, up to a limit counted on the bytes really read: a JSONL stream may
    /// hold <see cref="MaxStreamBytes"/>, any other format one article's <see cref="ReadOptions.MaxDocumentBytes"/>.
    /// </summary>
    public static IEnumerable<ReadResult> ReadStream(Stream stream, string reference, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Format is InputFormat.Jsonl or InputFormat.Auto ? Math.Max(MaxStreamBytes, options.MaxDocumentBytes) : options.MaxDocumentBytes;
        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(stream, limit);
        }
        catch (IOException e)
        {
            return [ReadResult.Rejected(reference, $"cannot read: {e.Message}")];
        }

        if (bytes is null)
        {
            return [ReadResult.Rejected(reference, $"input holds more than {FormatSize(limit)}; give a file or split the input")];
        }

        // Only JSONL holds many articles; a stream of one article has one article's limit.
        // (The content is only looked at when the input is over one article's limit.)
        if (bytes.Length > options.MaxDocumentBytes && options.Format != InputFormat.Jsonl
            && !(options.Format == InputFormat.Auto && TextDecoder.Decode(bytes) is { } text && FormatFromContent(text.Text) == InputFormat.Jsonl))
        {
            return [ReadResult.Rejected(reference, $"input is {FormatSize(bytes.Length)}, over the {FormatSize(options.MaxDocumentBytes)} limit for one article")];
        }

        return options.Attribute(ReadBytes(bytes, reference, options with { Join = null, Outlets = null }), reference);
    }

    /// <summary>The most a JSONL stream (standard input) may hold; files of any size are streamed instead.</summary>
    public const long MaxStreamBytes = 256L * 1024 * 1024;

    /// <summary>The stream's bytes, or null when it holds more than <paramref name="limit"/> (read no further than one byte past it).</summary>
    private static byte[]? ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, want);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
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
        try
        {
            return format switch
            {
                InputFormat.Jsonl => JsonlReader.Read(new StringReader(text), reference, options.Source, MaxRecordChars(options)).ToList(),
                InputFormat.Html => [HtmlArticleReader.Read(text, reference, options.Source)],
                InputFormat.Rss => FeedReader.Read(text, reference, options.Source).ToList(),
                _ => [SeedTextReader.Read(text, reference, options.Source)],
            };
        }
#pragma warning disable CA1031 // Readers are total: a defect a reader did not foresee rejects this input, never the run.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return [ReadResult.Rejected(reference, $"cannot read {format.ToString().ToLowerInvariant()}: {e.GetType().Name}: {e.Message}")];
        }
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
