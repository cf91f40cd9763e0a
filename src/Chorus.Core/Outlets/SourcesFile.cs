using System.Globalization;
using System.Text.Json;
using Chorus.Core.Time;

namespace Chorus.Core.Outlets;

/// <summary>
/// A source to watch, from a sources file: a folder, a feed file or an RSS/Atom URL, polled every
/// <paramref name="Interval"/>; <paramref name="Outlet"/> names the outlet of what it brings when the items do not.
/// </summary>
public sealed record WatchSource(string Location, TimeSpan? Interval = null, string? Outlet = null)
{
    public bool IsUrl => Location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || Location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The sources file (JSON, see docs/monitoring.md): the outlets an archive knows, with what identifies each one
/// (a publisher value, a domain, a feed URL, a folder), and the sources to watch.
/// <code>
/// { "outlets": [ { "name": "de Volkskrant", "country": "NL", "language": "nl", "owner": "DPG Media", "match": ["vk", "volkskrant.nl"] } ],
///   "watch":   [ { "source": "https://example.org/rss.xml", "outlet": "Example", "interval": "5m" }, { "source": "inbox/" } ] }
/// </code>
/// </summary>
public sealed record SourcesFile(IReadOnlyList<(Outlet Outlet, IReadOnlyList<string> Match)> Outlets, IReadOnlyList<WatchSource> Watch)
{
    public static SourcesFile Empty { get; } = new([], []);

    /// <summary>Reads a sources file; every problem names the file and the field (and the line, for bad JSON).</summary>
    public static ParseResult<SourcesFile> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseResult<SourcesFile>.Fail($"{path}: cannot read the sources file: {e.Message}");
        }

        var parsed = Parse(text, path);
        if (!parsed.Success)
        {
            return parsed;
        }

        // Folders in the file are relative to the file, as a user writing it expects.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string Resolve(string location) => LooksLikeUrl(location) || !LooksLikePath(location) ? location : Path.GetFullPath(location, folder);
        var file = parsed.Value!;
        return ParseResult<SourcesFile>.Ok(new SourcesFile(
            file.Outlets.Select(o => (o.Outlet, (IReadOnlyList<string>)o.Match.Select(Resolve).ToList())).ToList(),
            file.Watch.Select(w => w with { Location = LooksLikeUrl(w.Location) ? w.Location : Path.GetFullPath(w.Location, folder) }).ToList()));
    }

    public static ParseResult<SourcesFile> Parse(string text, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return ParseResult<SourcesFile>.Fail($"{where} line {(e.LineNumber ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParseResult<SourcesFile>.Fail($"{where}: the sources file must be a JSON object with \"outlets\" and/or \"watch\"");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("outlets" or "watch"))
                {
                    return ParseResult<SourcesFile>.Fail($"{where}: unknown field \"{property.Name}\" (use \"outlets\" and \"watch\")");
                }
            }

            var outlets = new List<(Outlet, IReadOnlyList<string>)>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("outlets", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    return ParseResult<SourcesFile>.Fail($"{where}: outlets: must be an array");
                }

                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var field = $"{where}: outlets[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        return ParseResult<SourcesFile>.Fail($"{field}: must be an object with a \"name\"");
                    }

                    string? name = null, country = null, language = null, owner = null;
                    var match = new List<string>();
                    foreach (var p in item.EnumerateObject())
                    {
                        switch (p.Name)
                        {
                            case "name" or "country" or "language" or "owner":
                                if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
                                {
                                    return ParseResult<SourcesFile>.Fail($"{field}.{p.Name}: must be a non-empty string");
                                }

                                var value = p.Value.GetString()!.Trim();
                                _ = p.Name switch { "name" => name = value, "country" => country = value.ToUpperInvariant(), "language" => language = value.ToLowerInvariant(), _ => owner = value };
                                break;
                            case "match":
                                if (p.Value.ValueKind != JsonValueKind.Array)
                                {
                                    return ParseResult<SourcesFile>.Fail($"{field}.match: must be an array of strings");
                                }

                                foreach (var m in p.Value.EnumerateArray())
                                {
                                    if (m.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(m.GetString()))
                                    {
                                        return ParseResult<SourcesFile>.Fail($"{field}.match: must hold non-empty strings (a publisher value, a domain, a feed URL or a folder)");
                                    }

                                    match.Add(m.GetString()!.Trim());
                                }

                                break;
                            default:
                                return ParseResult<SourcesFile>.Fail($"{field}: unknown field \"{p.Name}\" (use name, country, language, owner, match)");
                        }
                    }

                    if (name is null)
                    {
                        return ParseResult<SourcesFile>.Fail($"{field}.name: required");
                    }

                    if (!names.Add(name))
                    {
                        return ParseResult<SourcesFile>.Fail($"{field}.name: \"{name}\" is listed twice");
                    }

                    outlets.Add((new Outlet(name, country, language, owner), match));
                }
            }

            var watch = new List<WatchSource>();
            if (root.TryGetProperty("watch", out var sources))
            {
                if (sources.ValueKind != JsonValueKind.Array)
                {
                    return ParseResult<SourcesFile>.Fail($"{where}: watch: must be an array");
                }

                var i = 0;
                foreach (var item in sources.EnumerateArray())
                {
                    var field = $"{where}: watch[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        return ParseResult<SourcesFile>.Fail($"{field}: must be an object with a \"source\"");
                    }

                    string? location = null, outlet = null;
                    TimeSpan? interval = null;
                    foreach (var p in item.EnumerateObject())
                    {
                        if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
                        {
                            return ParseResult<SourcesFile>.Fail($"{field}.{p.Name}: must be a non-empty string");
                        }

                        var value = p.Value.GetString()!.Trim();
                        switch (p.Name)
                        {
                            case "source":
                                location = value;
                                break;
                            case "outlet":
                                outlet = value;
                                break;
                            case "interval":
                                var parsed = ParseInterval(value);
                                if (!parsed.Success)
                                {
                                    return ParseResult<SourcesFile>.Fail($"{field}.interval: {parsed.Error}");
                                }

                                interval = parsed.Value;
                                break;
                            default:
                                return ParseResult<SourcesFile>.Fail($"{field}: unknown field \"{p.Name}\" (use source, outlet, interval)");
                        }
                    }

                    if (location is null)
                    {
                        return ParseResult<SourcesFile>.Fail($"{field}.source: required (a folder, a feed file or an http(s) URL)");
                    }

                    watch.Add(new WatchSource(location, interval, outlet));
                }
            }

            return ParseResult<SourcesFile>.Ok(new SourcesFile(outlets, watch));
        }
    }

    /// <summary>"90s", "5m", "1h", "1h30m", or a plain number of seconds; at least one second, at most a day.</summary>
    public static ParseResult<TimeSpan> ParseInterval(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().ToLowerInvariant();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return Bounded(TimeSpan.FromSeconds(Math.Clamp(plain, 0, 1e6)), text);
        }

        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c) && digits < 7)
            {
                number = number * 10 + (c - '0');
                digits++;
                continue;
            }

            var unit = c switch { 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => TimeSpan.Zero };
            if (unit == TimeSpan.Zero || digits == 0)
            {
                return ParseResult<TimeSpan>.Fail($"'{text}' is not an interval (write 30s, 5m, 1h or 1h30m)");
            }

            total += unit * number;
            number = 0;
            digits = 0;
        }

        return digits > 0 ? ParseResult<TimeSpan>.Fail($"'{text}' is not an interval (a number needs a unit: s, m or h)") : Bounded(total, text);
    }

    private static ParseResult<TimeSpan> Bounded(TimeSpan value, string text)
        => value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromDays(1)
            ? ParseResult<TimeSpan>.Fail($"'{text}': give between 1 second and 1 day")
            : ParseResult<TimeSpan>.Ok(value);

    public static bool LooksLikeUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    internal static bool LooksLikePath(string s) => s.Contains('/', StringComparison.Ordinal) || s.StartsWith('.') || s.StartsWith('~');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
