using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;
using Chorus.Core.Store;

namespace Chorus.Storage.Tests;

/// <summary>The monitoring side of a store (outlets, watchlists, alerts, watch state), run on every engine.</summary>
public abstract class MonitoringStoreContractTests : IAsyncDisposable
{
    protected abstract StoreHost Host { get; }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Host.DisposeAsync();
    }

    private static Alert NewAlert(string key, string story = "s1", AlertKind kind = AlertKind.Appeared, DateTimeOffset? at = null)
        => new(0, key, "fire", story, kind, "Brand", "Brand: 3 bronnen", 3, at ?? DateTimeOffset.UtcNow);

    [SkippableFact]
    public async Task Alerts_FireOnceByKey_ListNewestFirst_SinceAndOpenOnly_AndAcknowledge()
    {
        await using var ws = await Host.OpenAsync();
        var store = ws.Monitoring;
        var early = DateTimeOffset.UtcNow.AddHours(-3);
        var first = await store.AddAlertAsync(NewAlert("fire|s1|appeared", at: early));
        Assert.NotNull(first);
        Assert.True(first!.Seq > 0);
        Assert.Null(await store.AddAlertAsync(NewAlert("fire|s1|appeared")));
        var second = await store.AddAlertAsync(NewAlert("fire|s2|conflict|ab", "s2", AlertKind.Conflict));
        Assert.True(second!.Seq > first.Seq);

        var all = await store.ListAlertsAsync(null, false, 10);
        Assert.Equal([second.Seq, first.Seq], all.Select(a => a.Seq));
        Assert.Equal(AlertKind.Conflict, all[0].Kind);
        Assert.Equal(early.ToUnixTimeMilliseconds(), all[1].At.ToUnixTimeMilliseconds());
        Assert.Single(await store.ListAlertsAsync(DateTimeOffset.UtcNow.AddHours(-1), false, 10));
        Assert.Single(await store.ListAlertsAsync(null, false, 1));

        Assert.Equal(2, await store.CountUnacknowledgedAlertsAsync());
        Assert.Equal(1, await store.AcknowledgeAlertsAsync([first.Seq]));
        Assert.Equal(0, await store.AcknowledgeAlertsAsync([first.Seq]));
        Assert.Equal([second.Seq], (await store.ListAlertsAsync(null, true, 10)).Select(a => a.Seq));
        Assert.NotNull((await store.ListAlertsAsync(null, false, 10)).Single(a => a.Seq == first.Seq).AcknowledgedAt);
        Assert.Equal(1, await store.AcknowledgeAlertsAsync(null));
        Assert.Equal(0, await store.CountUnacknowledgedAlertsAsync());
    }

    [SkippableFact]
    public async Task Watchlists_AreReplacedByName_AndRemoved()
    {
        await using var ws = await Host.OpenAsync();
        var store = ws.Monitoring;
        var at = DateTimeOffset.UtcNow;
        await store.SaveWatchlistAsync(new Watchlist("kim", "e1", "Kim Jong-un", null, null, 2, 3, 6, true, null, at));
        await store.SaveWatchlistAsync(new Watchlist("brand", null, null, "brand AND Zwolle", "AD", 1, 5, 12, false, "http://127.0.0.1:9/hook", at));
        await store.SaveWatchlistAsync(new Watchlist("kim", "e1", "Kim Jong-un", null, null, 3, 3, 6, true, null, at));
        var lists = await store.ListWatchlistsAsync();
        Assert.Equal(["brand", "kim"], lists.Select(w => w.Name));
        Assert.Equal(new Watchlist("brand", null, null, "brand AND Zwolle", "AD", 1, 5, 12, false, "http://127.0.0.1:9/hook", lists[0].CreatedAt), lists[0]);
        Assert.Equal(3, lists[1].MinSources);
        Assert.True(await store.RemoveWatchlistAsync("kim"));
        Assert.False(await store.RemoveWatchlistAsync("kim"));
        Assert.Single(await store.ListWatchlistsAsync());
    }

    [SkippableFact]
    public async Task WatchState_IsKeptPerSource_AndForgottenItemByItem_AndSurvivesReopening()
    {
        var db = await Host.DbAsync();
        await using (var ws = await ChorusWorkspace.OpenAsync(db))
        {
            await ws.Monitoring.SaveWatchStateAsync("https://a/rss", new Dictionary<string, string?> { ["etag"] = "\"v1\"", ["last-modified"] = "Mon, 01 Apr 2024 10:00:00 GMT" });
            await ws.Monitoring.SaveWatchStateAsync("/inbox", new Dictionary<string, string?> { ["/inbox/a.txt"] = "12:34", ["/inbox/b.txt"] = "5:6" });
            await ws.Monitoring.SaveWatchStateAsync("/inbox", new Dictionary<string, string?> { ["/inbox/a.txt"] = "13:35", ["/inbox/b.txt"] = null });
        }

        await using var reopened = await ChorusWorkspace.OpenAsync(db);
        Assert.Equal("\"v1\"", (await reopened.Monitoring.WatchStateAsync("https://a/rss"))["etag"]);
        Assert.Equal(new Dictionary<string, string> { ["/inbox/a.txt"] = "13:35" }, await reopened.Monitoring.WatchStateAsync("/inbox"));
        Assert.Empty(await reopened.Monitoring.WatchStateAsync("/elsewhere"));
    }

    [SkippableFact]
    public async Task Outlets_AreDescribed_AndCountedFromTheArticlesThatNameThem()
    {
        await using var ws = await Host.OpenAsync();
        await ws.Monitoring.SaveOutletsAsync([new Outlet("de Volkskrant", "NL", "nl", "DPG Media"), new Outlet("Trouw", "NL", "nl", null)]);
        await ws.Monitoring.SaveOutletsAsync([new Outlet("Trouw", "NL", "nl", "DPG Media")]);
        var batch = await ws.Store.BeginBatchAsync();
        await using (batch)
        {
            foreach (var (id, source) in new[] { ("a1", "de Volkskrant"), ("a2", "de Volkskrant"), ("a3", "Het Nieuwsblad"), ("a4", (string?)null) })
            {
                await batch.AddArticleAsync(new StoredArticle { Id = id, Ref = id, ContentKey = "k" + id, Text = "Tekst " + id, Source = source, Lang = "nl" }, []);
            }

            // No outlet named, but a URL: listed under its domain, as it is shown everywhere.
            await batch.AddArticleAsync(new StoredArticle { Id = "a5", Ref = "a5", ContentKey = "ka5", Text = "Tekst a5", Url = "https://www.nu.nl/a/5", Lang = "nl" }, []);

            await batch.CommitAsync();
        }

        var outlets = await ws.Monitoring.ListOutletsAsync();
        Assert.Equal([("de Volkskrant", 2, "DPG Media"), ("Het Nieuwsblad", 1, null), ("nu.nl", 1, null), ("Trouw", 0, "DPG Media")], outlets.Select(o => (o.Outlet.Name, o.Articles, o.Outlet.Owner)));
        var at = await ws.Monitoring.IngestedAtAsync(["a1", "a4", "missing"]);
        Assert.Equal(2, at.Count);
        Assert.InRange(at["a1"], DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}

public sealed class SqliteMonitoringStoreContractTests : MonitoringStoreContractTests
{
    protected override StoreHost Host { get; } = new SqliteHost();
}

public sealed class PostgresMonitoringStoreContractTests : MonitoringStoreContractTests
{
    protected override StoreHost Host { get; } = new PostgresHost();
}
