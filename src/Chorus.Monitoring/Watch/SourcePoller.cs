using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chorus.Core.Ingest;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;

namespace Chorus.Monitoring.Watch;

/// <summary>What one poll of a source found: items to ingest, or nothing new, or a failure; and the state to remember once they are stored.</summary>
public sealed record PollResult(PollOutcome Outcome, IReadOnlyList<ReadResult> Items, string? Error, IReadOnlyDictionary<string, string?> State)
{
    public static PollResult Unchanged { get; } = new(PollOutcome.Unchanged, [], null, new Dictionary<string, string?>());

    public static PollResult Failed(string error) => new(PollOutcome.Failed, [], error, new Dictionary<string, string?>());
}

/// <summary>Reads what is new at one source since the state it remembered.</summary>
public abstract class SourcePoller
{
    protected SourcePoller(WatchSource source, ReadOptions options)
    {
        Source = source;
        Options = source.Outlet is { } outlet ? options with { Source = outlet } : options;
    }

    public WatchSource Source { get; }

    protected ReadOptions Options { get; }

    public abstract Task<PollResult> PollAsync(IReadOnlyDictionary<string, string> state, CancellationToken cancellationToken);

    public static SourcePoller Create(WatchSource source, ReadOptions options, HttpClient http)
        => source.IsUrl ? new FeedUrlPoller(source, options, http) : new PathPoller(source, options);
}

/// <summary>
/// A folder (read recursively) or a single feed or article file: files new since the last poll, or changed (length or
/// last write), are read again. Items already stored are recognised by ingest (same content: a no-op; a re-published
/// item with a changed text: a near-copy of the first). A file still being written is read at the next poll after it
/// changed, and what it held then is stored then.
/// </summary>
public sealed class PathPoller(WatchSource source, ReadOptions options) : SourcePoller(source, options)
{
    public override Task<PollResult> PollAsync(IReadOnlyDictionary<string, string> state, CancellationToken cancellationToken)
    {
        var location = Source.Location;
        IEnumerable<(string? File, InputProblem? Problem)> files;
        if (Directory.Exists(location))
        {
            files = ArticleInputReader.ExpandFolder(location);
        }
        else if (File.Exists(location))
        {
            files = [(location, null)];
        }
        else
        {
            return Task.FromResult(PollResult.Failed($"{location}: no such folder or file"));
        }

        var items = new List<ReadResult>();
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (file, problem) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (problem is not null)
            {
                problems.Add(problem.ToString());
                continue;
            }

            var info = new FileInfo(file!);
            if (!info.Exists)
            {
                // Gone between listing the folder and looking at it: the next poll sees the folder as it is then.
                continue;
            }

            var fingerprint = string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}");
            seen[file!] = fingerprint;
            if (state.TryGetValue(file!, out var known) && known == fingerprint)
            {
                continue;
            }

            items.AddRange(ArticleInputReader.ReadFile(file!, Options, ArticleInputReader.DisplayRef(location, file!)));
        }

        // Files that went away are forgotten, so that one put back is read again.
        foreach (var gone in state.Keys.Where(k => !seen.ContainsKey(k)).ToList())
        {
            seen[gone] = null;
        }

        if (items.Count == 0)
        {
            return Task.FromResult(problems.Count > 0
                ? PollResult.Failed(string.Join("; ", problems))
                : new PollResult(PollOutcome.Unchanged, [], null, seen));
        }

        return Task.FromResult(new PollResult(PollOutcome.Read, items, problems.Count > 0 ? string.Join("; ", problems) : null, seen));
    }
}

/// <summary>
/// An RSS or Atom URL, polled with a conditional GET (If-None-Match from the ETag, If-Modified-Since from the
/// Last-Modified of the last good response): a 304 costs the server almost nothing and is an unchanged poll. A body
/// over the size limit, an HTTP error after the retries, or XML that is no feed is a failed poll, reported; the
/// state is kept, so the next poll asks again.
/// </summary>
public sealed class FeedUrlPoller(WatchSource source, ReadOptions options, HttpClient http) : SourcePoller(source, options)
{
    private const string ETag = "etag";
    private const string LastModified = "last-modified";

    public override async Task<PollResult> PollAsync(IReadOnlyDictionary<string, string> state, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Source.Location);
        if (state.TryGetValue(ETag, out var etag) && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (state.TryGetValue(LastModified, out var modified) && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return PollResult.Failed($"{Source.Location}: {e.Message}");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return PollResult.Unchanged;
            }

            if (!response.IsSuccessStatusCode)
            {
                return PollResult.Failed($"{Source.Location}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var limit = Options.MaxDocumentBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                return PollResult.Failed($"{Source.Location}: the response is {ArticleInputReader.FormatSize(response.Content.Headers.ContentLength.Value)}, over the {ArticleInputReader.FormatSize(limit)} limit");
            }

            byte[]? body;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                body = await ReadAtMostAsync(stream, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return PollResult.Failed($"{Source.Location}: the response broke off: {e.Message}");
            }

            if (body is null)
            {
                return PollResult.Failed($"{Source.Location}: the response holds more than the {ArticleInputReader.FormatSize(limit)} limit");
            }

            var items = ArticleInputReader.ReadBytes(body, Source.Location, Options with { Format = InputFormat.Rss }).ToList();
            var articles = items.Where(i => i.Article is not null).Select(i => i.WithArticle(Options.Attribute(i.Article!, Source.Location))).ToList();
            var rejections = items.Where(i => i.Rejection is not null).ToList();
            if (articles.Count == 0 && rejections.Count > 0)
            {
                // Malformed XML or no feed at all: nothing is stored and the next poll asks again without conditions.
                return PollResult.Failed(string.Join("; ", rejections.Select(r => r.Rejection!.Reason).Distinct(StringComparer.Ordinal).Take(3)));
            }

            var remember = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ETag] = response.Headers.ETag?.ToString(),
                [LastModified] = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
            };
            return new PollResult(PollOutcome.Read, articles.Concat(rejections).ToList(), null, remember);
        }
    }

    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
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
}
