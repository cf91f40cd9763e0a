using Chorus.Core.Store;
using Chorus.Storage.Search;
using Chorus.Storage.Sqlite;

namespace Chorus.Storage;

/// <summary>A store together with the search index that lives beside it.</summary>
public sealed class ChorusWorkspace : IAsyncDisposable
{
    private ChorusWorkspace(IChorusStore store, LuceneSearchIndex index)
    {
        Store = store;
        Index = index;
    }

    public IChorusStore Store { get; }

    public LuceneSearchIndex Index { get; }

    /// <summary><c>$CHORUS_DB</c> if set, else <c>chorus.db</c> in the user's data folder.</summary>
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

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
