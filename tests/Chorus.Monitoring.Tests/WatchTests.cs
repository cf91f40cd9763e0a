using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Chorus.Core.Ingest;
using Chorus.Core.Outlets;
using Chorus.Monitoring.Watch;
using Chorus.Storage;

namespace Chorus.Monitoring.Tests;

public sealed class WatchTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Item(int n) => string.Create(CultureInfo.InvariantCulture, $"""
        <item><title>Bericht {n}: dijk bij Kampen verstevigd na hoogwater</title><link>https://example.org/nieuws/{n}</link>
        <guid>https://example.org/nieuws/{n}</guid><pubDate>Mon, 0{1 + n % 8} Apr 2024 10:00:00 GMT</pubDate>
        <description>Waterschap Drents Overijsselse Delta heeft bericht {n} uitgegeven over de versterking van de dijk bij Kampen, waar het water van de IJssel {n} centimeter boven normaal stond. Het werk duurt {n + 2} weken.</description></item>
        """);

    private static string Feed(IEnumerable<int> items) => $"""
        <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Voorbeeldkrant</title><link>https://example.org/</link>
        {string.Join("\n", items.Select(Item))}
        </channel></rss>
        """;

    [Fact]
    public async Task Watch_ingests_each_new_item_within_one_interval_skips_unchanged_polls_and_survives_failing_and_malformed_feeds()
    {
        var items = new List<int> { 1 };
        var requests = new ConcurrentDictionary<string, int>();
        var notModified = 0;
        var flaky = 0;
        await using var server = new LoopbackServer((request, _) =>
        {
            var path = request.Url!.AbsolutePath;
            requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            switch (path)
            {
                case "/feed.xml":
                    string etag;
                    string body;
                    lock (items)
                    {
                        etag = $"\"v{items.Count}\"";
                        body = Feed(items);
                    }

                    if (request.Headers["If-None-Match"] == etag)
                    {
                        Interlocked.Increment(ref notModified);
                        return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>((304, null, null));
                    }

                    return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>((200, body, new Dictionary<string, string> { ["ETag"] = etag }));
                case "/flaky.xml":
                    // Down for the first poll and its retries, then back.
                    return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>(Interlocked.Increment(ref flaky) <= 3 ? (500, "down", null) : (200, Feed([101, 102]), null));
                default:
                    return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>((200, "<rss><channel><item><title>unclosed", null));
            }
        });

        var folder = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.txt"), " date 2024-04-02\nDe IJssel bij Kampen staat hoog; het waterschap houdt de dijken in de gaten en zet extra zandzakken klaar.\n");
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var sources = new[]
        {
            new WatchSource(server.Url("feed.xml"), Interval, "Voorbeeldkrant"),
            new WatchSource(server.Url("flaky.xml"), Interval),
            new WatchSource(server.Url("broken.xml"), Interval),
            new WatchSource(folder, Interval),
        };
        var events = new ConcurrentQueue<WatchEvent>();
        using var http = WatchHttp.CreateClient(TimeSpan.FromMilliseconds(20), retries: 2, attemptTimeout: TimeSpan.FromSeconds(5));
        var watcher = new Watcher(ws, sources, new WatchOptions { Jitter = 0, MaxBackoff = TimeSpan.FromSeconds(2), Read = new ReadOptions { Outlets = new OutletDirectory(SourcesFile.Empty) } }, http)
        {
            Reported = events.Enqueue,
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = watcher.RunAsync(stop.Token);

        async Task<WatchEvent> NextAsync(string source, Func<WatchEvent, bool> what, DateTimeOffset after)
        {
            while (!stop.IsCancellationRequested)
            {
                if (events.FirstOrDefault(e => e.Source == source && e.At > after && what(e)) is { } found)
                {
                    return found;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"no such event for {source}: {string.Join("; ", events.Select(e => $"{e.Source} {e.Outcome} {e.Stored} {e.Error}"))}");
        }

        var feed = server.Url("feed.xml");
        var first = await NextAsync(feed, e => e.Stored == 1, DateTimeOffset.MinValue);
        Assert.Equal(PollOutcome.Read, first.Outcome);
        await NextAsync(feed, e => e.Outcome == PollOutcome.Unchanged, first.At);
        // Items appended over time: each is stored by the first poll after it appeared, within one interval.
        foreach (var n in new[] { 2, 3 })
        {
            var appended = DateTimeOffset.UtcNow;
            lock (items)
            {
                items.Add(n);
            }

            var stored = await NextAsync(feed, e => e.Stored == 1, appended);
            Assert.Equal(n, stored.Items);
            Assert.Equal(n - 1, stored.Duplicates);
            // Stored by the first poll that began after it appeared: at most one poll (already under way) comes between.
            // Counted in polls, not seconds, so that a loaded machine cannot fail it.
            var pollsBetween = events.Count(e => e.Source == feed && e.At > appended && e.At < stored.At);
            Assert.True(pollsBetween <= 1, $"{pollsBetween} polls of the feed went by before the new item was stored");
        }

        var written = DateTimeOffset.UtcNow;
        File.WriteAllText(Path.Combine(folder, "b.txt"), " date 2024-04-03\nBij Kampen is de dijk over een lengte van twee kilometer verstevigd, meldt het waterschap.\n");
        await NextAsync(folder, e => e.Stored == 1 && e.Items == 1, written);
        var flakyFailed = await NextAsync(server.Url("flaky.xml"), e => e.Outcome == PollOutcome.Failed, DateTimeOffset.MinValue);
        Assert.Contains("500", flakyFailed.Error, StringComparison.Ordinal);
        var recovered = await NextAsync(server.Url("flaky.xml"), e => e.Stored == 2, flakyFailed.At);
        Assert.Equal(PollOutcome.Read, recovered.Outcome);
        var broken = await NextAsync(server.Url("broken.xml"), e => e.Outcome == PollOutcome.Failed, DateTimeOffset.MinValue);
        Assert.False(string.IsNullOrEmpty(broken.Error));
        await stop.CancelAsync();
        await run;

        Assert.True(notModified >= 1, "the feed was polled with a conditional GET and answered 304");
        // Every feed item once, the two files, the two items of the feed that recovered.
        var all = (await ws.Store.ListStorySummariesAsync()).SelectMany(s => s.Articles).ToList();
        Assert.Equal(3 + 2 + 2, all.Count);
        Assert.Equal("Voorbeeldkrant", all.Single(a => a.Title?.StartsWith("Bericht 1:", StringComparison.Ordinal) == true).Source);
        // The failing and the malformed feed never stopped the others, and the state survives for the next watcher.
        var state = await ws.Monitoring.WatchStateAsync(feed);
        Assert.Equal("\"v3\"", state["etag"]);
    }

    [Fact]
    public void Waits_back_off_after_failures_up_to_the_limit()
    {
        var watcher = new Watcher(null!, [], new WatchOptions { Jitter = 0, MaxBackoff = TimeSpan.FromMinutes(10) }, new HttpClient());
        Assert.Equal(TimeSpan.FromMinutes(1), watcher.Wait(TimeSpan.FromMinutes(1), 0));
        Assert.Equal(TimeSpan.FromMinutes(4), watcher.Wait(TimeSpan.FromMinutes(1), 2));
        Assert.Equal(TimeSpan.FromMinutes(10), watcher.Wait(TimeSpan.FromMinutes(1), 9));
    }
}
