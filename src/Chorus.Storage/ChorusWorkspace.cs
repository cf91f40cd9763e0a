using Chorus.Core.Store;
using Chorus.Storage.Postgres;
using Chorus.Storage.Search;
using Chorus.Storage.Sqlite;

namespace Chorus.Storage;

/// <summary>A store together with the search index that lives beside it.</summary>
public sealed class ChorusWorkspace : IAsyncDisposable
{
    private readonly bool _ownsIndex;

    private ChorusWorkspace(IChorusStore store, ISearchIndex index, bool ownsIndex = true)
    {
        Store = store;
        Index = index;
        _ownsIndex = ownsIndex;
    }

    public IChorusStore Store { get; }

    public ISearchIndex Index { get; }

    /// <summary>Why searches may be incomplete (the index could not be rebuilt: a full or read-only disk), or null.</summary>
    public string? IndexProblem => (Index as LuceneSearchIndex)?.Problem;

    /// <summary>The same store as monitoring uses it: outlets, watchlists, alerts, watch state.</summary>
    public Chorus.Core.Monitoring.IMonitoringStore Monitoring => (Chorus.Core.Monitoring.IMonitoringStore)Store;

    /// <summary><c>$CHORUS_DB</c> if set (a SQLite file, or a PostgreSQL URI or connection string), else <c>chorus.db</c> in the user's data folder.</summary>
    public static string DefaultDatabasePath()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHORUS_DB");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return fromEnv;
        }

        // The default folder is Chorus's own, so it is made when missing; a folder the user names never is.
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        var folder = Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "chorus");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "chorus.db");
    }

    /// <summary>
    /// Opens the store <paramref name="db"/> names with its search index: a PostgreSQL database for a URI
    /// (<c>postgresql://user@host/db</c>) or a connection string (<c>Host=…</c>), else a SQLite file.
    /// </summary>
    public static Task<ChorusWorkspace> OpenAsync(string db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PostgresLocation.Names(db) ? OpenPostgresAsync(db, cancellationToken) : OpenSqliteAsync(db, cancellationToken);
    }

    public static async Task<ChorusWorkspace> OpenPostgresAsync(string db, CancellationToken cancellationToken = default)
    {
        var location = PostgresLocation.Parse(db);
        if (!location.Success)
        {
            throw new StoreOpenException($"--db: {location.Error}");
        }

        var store = await PostgresChorusStore.OpenAsync(location.Value!, cancellationToken).ConfigureAwait(false);
        return new ChorusWorkspace(store, new PostgresSearchIndex(location.Value!.ConnectionString));
    }

    public static async Task<ChorusWorkspace> OpenSqliteAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        var store = await SqliteChorusStore.OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        try
        {
            var index = await LuceneSearchIndex.OpenForAsync(store, LuceneSearchIndex.FolderFor(store.Location), cancellationToken).ConfigureAwait(false);
            return new ChorusWorkspace(store, index);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A second connection to the store of <paramref name="primary"/>, sharing its search index (thread-safe), for a
    /// reader that runs beside other readers and the writer. Disposing it leaves the index to the primary.
    /// </summary>
    public static async Task<ChorusWorkspace> OpenReaderAsync(ChorusWorkspace primary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(primary);
        IChorusStore store = primary.Store is PostgresChorusStore postgres
            ? await PostgresChorusStore.OpenAsync(postgres.Where, cancellationToken).ConfigureAwait(false)
            : await SqliteChorusStore.OpenAsync(primary.Store.Location, cancellationToken).ConfigureAwait(false);
        return new ChorusWorkspace(store, primary.Index, ownsIndex: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsIndex)
        {
            Index.Dispose();
        }

        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
