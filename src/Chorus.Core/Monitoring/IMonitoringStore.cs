using Chorus.Core.Outlets;

namespace Chorus.Core.Monitoring;

/// <summary>
/// The store as monitoring uses it: outlets, watchlists, fired alerts, and what each watched source has already
/// delivered. Kept apart from <see cref="Store.IChorusStore"/>, which reads and writes the archive itself; a store
/// implements both, and each is tested against every engine.
/// </summary>
public interface IMonitoringStore
{
    /// <summary>Adds the outlets, or updates those of the same name (country, language, owner).</summary>
    Task SaveOutletsAsync(IReadOnlyCollection<Outlet> outlets, CancellationToken cancellationToken = default);

    /// <summary>Every outlet the archive has articles of or a sources file described, with its article count, most articles first.</summary>
    Task<IReadOnlyList<(Outlet Outlet, int Articles)>> ListOutletsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a watchlist, or replaces the one of the same name.</summary>
    Task SaveWatchlistAsync(Watchlist watchlist, CancellationToken cancellationToken = default);

    /// <summary>Removes a watchlist (its alerts stay); false when there was none of that name.</summary>
    Task<bool> RemoveWatchlistAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Watchlist>> ListWatchlistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a fired alert and returns it numbered; null when an alert with its key fired before.</summary>
    Task<Alert?> AddAlertAsync(Alert alert, CancellationToken cancellationToken = default);

    /// <summary>Alerts fired at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Alert>> ListAlertsAsync(DateTimeOffset? since, bool unacknowledgedOnly, int limit, CancellationToken cancellationToken = default);

    Task<int> CountUnacknowledgedAlertsAsync(CancellationToken cancellationToken = default);

    /// <summary>Acknowledges the alerts numbered <paramref name="seqs"/>, or every one when null; returns how many changed.</summary>
    Task<int> AcknowledgeAlertsAsync(IReadOnlyCollection<long>? seqs, CancellationToken cancellationToken = default);

    /// <summary>When each article was stored (UTC); breaking news is counted in ingest time, not article dates.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> IngestedAtAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);

    /// <summary>What a watched source remembered (ETag, Last-Modified, file fingerprints), by item.</summary>
    Task<IReadOnlyDictionary<string, string>> WatchStateAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Remembers items of a watched source; a null value forgets one.</summary>
    Task SaveWatchStateAsync(string source, IReadOnlyDictionary<string, string?> items, CancellationToken cancellationToken = default);
}
