using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Chorus.Core.Monitoring;
using Chorus.Monitoring.Alerts;
using Chorus.Monitoring.Watch;
using Chorus.Storage;

namespace Chorus.Monitoring.Tests;

public sealed class AlertTests : IDisposable
{
    private const string Secret = "s3cret-shared-with-the-receiver";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>The three reports of the Keizersgracht fire in the samples, one outlet each.</summary>
    private static List<string> FireReports()
        => Directory.GetFiles(TestPaths.Samples, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => l.Contains("Keizersgracht", StringComparison.Ordinal)).ToList();

    private static Watchlist Follow(string entity, string? webhook)
        => new("fire", null, entity, null, null, MinSources: 3, BreakingSources: 10, BreakingHours: 6, Conflicts: false, webhook, DateTimeOffset.UtcNow);

    private static async Task WatchOnceAsync(ChorusWorkspace ws, string folder, AlertDispatcher alerts)
    {
        using var http = new HttpClient();
        await new Watcher(ws, [new Core.Outlets.WatchSource(folder, TimeSpan.FromSeconds(1))], new WatchOptions { Rounds = 1 }, http, alerts).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_alert_fires_once_when_the_story_reaches_three_outlets_and_the_webhook_gets_it_signed_even_after_a_failure_and_a_restart()
    {
        var deliveries = new ConcurrentQueue<(string Signature, string Delivery, byte[] Body)>();
        var calls = 0;
        await using var receiver = new LoopbackServer((request, body) =>
        {
            // The receiver fails the first delivery attempt: the sink retries.
            if (Interlocked.Increment(ref calls) == 1)
            {
                return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>((503, "busy", null));
            }

            deliveries.Enqueue((request.Headers[WebhookAlertSink.SignatureHeader] ?? string.Empty, request.Headers[WebhookAlertSink.DeliveryHeader] ?? string.Empty, body));
            return Task.FromResult<(int, string?, IReadOnlyDictionary<string, string>?)>((204, null, null));
        });

        var db = Path.Combine(_tmp.Path, "c.db");
        var folder = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox")).FullName;
        var reports = FireReports();
        Assert.Equal(3, reports.Count);
        var fired = new List<Alert>();
        await using (var ws = await ChorusWorkspace.OpenSqliteAsync(db))
        {
            await ws.Monitoring.SaveWatchlistAsync(Follow("Keizersgracht", receiver.Url("hook")));
            using var webhook = new WebhookAlertSink(Secret, problem => throw new InvalidOperationException(problem), TimeSpan.FromMilliseconds(20));
            var alerts = new AlertDispatcher(new AlertEngine(ws), [webhook]);
            for (var i = 0; i < reports.Count; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"report-{i}.jsonl"), reports[i] + "\n");
                await WatchOnceAsync(ws, folder, alerts);
                fired = (await ws.Monitoring.ListAlertsAsync(null, false, 100)).ToList();
                // Nothing until the third outlet reports it.
                Assert.Equal(i < 2 ? 0 : 1, fired.Count);
            }
        }

        // A restarted watcher (a new process: the store opened again) over the same and one more report fires nothing new.
        await using (var ws = await ChorusWorkspace.OpenSqliteAsync(db))
        {
            var again = new List<Alert>();
            var alerts = new AlertDispatcher(new AlertEngine(ws), [new RecordingSink(again)]);
            File.WriteAllText(Path.Combine(folder, "report-0.jsonl"), reports[0] + "\n\n");
            var reprint = JsonSerializer.Deserialize<Dictionary<string, object>>(reports[1])!;
            reprint["id"] = "brand-2-regio";
            reprint["source"] = "Regio Dagblad";
            File.WriteAllText(Path.Combine(folder, "report-3.jsonl"), JsonSerializer.Serialize(reprint) + "\n");
            await WatchOnceAsync(ws, folder, alerts);
            Assert.Empty(again);
            Assert.Single(await ws.Monitoring.ListAlertsAsync(null, false, 100));
        }

        var alert = Assert.Single(fired);
        Assert.Equal(AlertKind.Appeared, alert.Kind);
        Assert.Equal(3, alert.Sources);
        var delivery = Assert.Single(deliveries);
        Assert.Equal(2, calls);
        Assert.Equal(WebhookAlertSink.Sign(Encoding.UTF8.GetBytes(Secret), delivery.Body), delivery.Signature);
        Assert.NotEqual(WebhookAlertSink.Sign(Encoding.UTF8.GetBytes("another secret"), delivery.Body), delivery.Signature);
        Assert.Equal(alert.Key, delivery.Delivery);
        using var doc = JsonDocument.Parse(delivery.Body);
        Assert.Equal(alert.StoryId, doc.RootElement.GetProperty("storyId").GetString());
        Assert.Equal("appeared", doc.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Watchlists_match_by_query_and_outlet_and_fire_on_a_new_conflict_once()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var now = DateTimeOffset.UtcNow;
        await ws.Monitoring.SaveWatchlistAsync(new Watchlist("hengelo", null, null, "Hengelo", null, 1, 10, 6, true, null, now));
        await ws.Monitoring.SaveWatchlistAsync(new Watchlist("twentse", null, null, null, "Twentse Courant", 1, 10, 6, false, null, now));
        await ws.Monitoring.SaveWatchlistAsync(new Watchlist("elsewhere", null, null, "Groningen", null, 1, 10, 6, true, null, now));
        var folder = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox")).FullName;
        File.WriteAllText(Path.Combine(folder, "fire.jsonl"), """
            {"id":"c1","source":"Dagblad Oost","published_at":"2024-05-02","title":"Zware brand in fabriek Hengelo","text":"Bij een zware brand in een chemische fabriek in Hengelo zijn woensdagavond drie mensen om het leven gekomen. De brandweer rukte met twaalf wagens uit. Het vuur brak rond 21.00 uur uit in een opslaghal van het bedrijf Tetrachem. Omwonenden moesten ramen en deuren sluiten vanwege de rook."}
            {"id":"c2","source":"Twentse Courant","published_at":"2024-05-02","title":"Doden bij brand chemische fabriek Hengelo","text":"Bij een grote brand in een chemische fabriek in Hengelo zijn woensdagavond vijf mensen om het leven gekomen. De brandweer rukte met twaalf wagens uit. Het vuur brak rond 21.00 uur uit in een opslaghal van Tetrachem. Omwonenden moesten ramen en deuren sluiten vanwege de rook."}
            """);
        var fired = new List<Alert>();
        await WatchOnceAsync(ws, folder, new AlertDispatcher(new AlertEngine(ws), [new RecordingSink(fired)]));
        Assert.Equal(["hengelo/Appeared", "hengelo/Conflict", "twentse/Appeared"], fired.Select(a => $"{a.Watchlist}/{a.Kind}").Order(StringComparer.Ordinal));
        Assert.Contains("3 mensen vs 5 mensen", fired.Single(a => a.Kind == AlertKind.Conflict).Message, StringComparison.Ordinal);

        // Evaluating the same articles again (another worker, a rerun) fires nothing; acknowledging closes them.
        var ids = (await ws.Store.ListStorySummariesAsync()).SelectMany(s => s.Articles).Select(a => a.Id).ToList();
        Assert.Empty(await new AlertEngine(ws).EvaluateAsync(ids));
        Assert.Equal(3, await ws.Monitoring.CountUnacknowledgedAlertsAsync());
        Assert.Equal(1, await ws.Monitoring.AcknowledgeAlertsAsync([fired[0].Seq]));
        Assert.Equal(2, await ws.Monitoring.CountUnacknowledgedAlertsAsync());
        Assert.Equal(3, (await ws.Monitoring.ListAlertsAsync(null, false, 10)).Count);
    }

    [Fact]
    public async Task Breaking_fires_when_a_story_gains_many_new_outlets_within_the_window()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await ws.Monitoring.SaveWatchlistAsync(new Watchlist("fire", null, "Keizersgracht", null, null, MinSources: 1, BreakingSources: 3, BreakingHours: 1, Conflicts: false, null, DateTimeOffset.UtcNow));
        var folder = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox")).FullName;
        File.WriteAllLines(Path.Combine(folder, "fire.jsonl"), FireReports());
        var fired = new List<Alert>();
        await WatchOnceAsync(ws, folder, new AlertDispatcher(new AlertEngine(ws), [new RecordingSink(fired)]));
        Assert.Contains(fired, a => a.Kind == AlertKind.Breaking && a.Message.Contains("3 new independent sources in 1 h", StringComparison.Ordinal));

        // An hour later by the clock the same story is no longer breaking.
        var later = new ShiftedClock(TimeSpan.FromHours(2));
        var ids = (await ws.Store.ListStorySummariesAsync()).SelectMany(s => s.Articles).Select(a => a.Id).ToList();
        Assert.DoesNotContain(await new AlertEngine(ws, later).EvaluateAsync(ids), a => a.Kind == AlertKind.Breaking);
    }

    private sealed class RecordingSink(List<Alert> alerts) : IAlertSink
    {
        public Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
        {
            alerts.Add(alert);
            return Task.CompletedTask;
        }
    }

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }
}
