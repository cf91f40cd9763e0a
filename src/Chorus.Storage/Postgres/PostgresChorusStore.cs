using System.Globalization;
using Chorus.Storage.Relational;
using Npgsql;

namespace Chorus.Storage.Postgres;

/// <summary>
/// The store for a team: one PostgreSQL database that every worker, CLI and server opens. The queries are those of
/// <see cref="RelationalChorusStore"/>; the schema is versioned by <see cref="PostgresMigrations"/> (migrated under a
/// transaction-scoped advisory lock, so processes starting together migrate once); the write lock is a session-level
/// advisory lock held on a connection of its own, released by the server when its holder's connection ends, however
/// that process ends. Full-text search lives in the same database (<see cref="PostgresSearchIndex"/>).
/// </summary>
public sealed class PostgresChorusStore : RelationalChorusStore
{
    // Advisory lock keys of this application (in the database's own lock space): "CHRW" and "CHRM".
    private const long WriteLockKey = 0x43485257;
    private const long MigrationLockKey = 0x4348524D;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly string _connectionString;

    private PostgresChorusStore(PostgresLocation location, NpgsqlConnection connection)
        : base(location.Display, connection, PostgresDialect.Instance)
    {
        Where = location;
        _connectionString = location.ConnectionString;
    }

    /// <summary>The database, for further connections to it (a reader beside this store).</summary>
    public PostgresLocation Where { get; }

    /// <summary>Connects and migrates; a database that cannot be reached, or holds other tables named like Chorus's, is refused with <see cref="StoreOpenException"/>.</summary>
    public static async Task<PostgresChorusStore> OpenAsync(PostgresLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var store = new PostgresChorusStore(location, connection);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await store.CountUncountedSourcesAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreOpenException($"cannot open the store {location.Display}: {e.Message}. Nothing was changed.", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLockKey})"), cancellationToken).ConfigureAwait(false);
        var hasSchema = await ScalarAsync<bool>("SELECT to_regclass('chorus_schema') IS NOT NULL", cancellationToken).ConfigureAwait(false);
        var version = 0;
        if (hasSchema)
        {
            version = await ScalarAsync<int>("SELECT version FROM chorus_schema", cancellationToken).ConfigureAwait(false);
        }
        else if (await ScalarAsync<bool>("SELECT to_regclass('articles') IS NOT NULL OR to_regclass('stories') IS NOT NULL", cancellationToken).ConfigureAwait(false))
        {
            throw new StoreOpenException($"{Location} has tables named like Chorus's but is not a Chorus store. Nothing was changed; choose another database.");
        }
        else
        {
            await ExecuteAsync("CREATE TABLE chorus_schema (version INTEGER NOT NULL); INSERT INTO chorus_schema VALUES (0);", cancellationToken).ConfigureAwait(false);
        }

        if (version > PostgresMigrations.Steps.Count)
        {
            throw new StoreOpenException($"{Location} has schema version {version}, newer than this Chorus knows ({PostgresMigrations.Steps.Count}). Nothing was changed.");
        }

        for (var step = version; step < PostgresMigrations.Steps.Count; step++)
        {
            await ExecuteAsync(PostgresMigrations.Steps[step] + string.Create(CultureInfo.InvariantCulture, $"\nUPDATE chorus_schema SET version = {step + 1};"), cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IAsyncDisposable> LockForWritingAsync(string purpose, Action<string>? waiting = null, CancellationToken cancellationToken = default)
    {
        var told = false;
        while (true)
        {
            if (await TryLockForWritingAsync(purpose, cancellationToken).ConfigureAwait(false) is { } held)
            {
                return held;
            }

            if (!told)
            {
                told = true;
                waiting?.Invoke(await HolderAsync(cancellationToken).ConfigureAwait(false));
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    // The lock's own connection names its holder, for the message a waiting writer shows.
    public override Task<IAsyncDisposable?> TryLockForWritingAsync(string purpose, CancellationToken cancellationToken = default)
        => TryAdvisoryLockAsync(
            string.Create(CultureInfo.InvariantCulture, $"SELECT pg_try_advisory_lock({WriteLockKey})"),
            $"chorus {purpose} (process {Environment.ProcessId} on {Environment.MachineName})",
            cancellationToken);

    // The two-key form of advisory locks is a space apart from the one-key write lock: (run, chunk).
    public override Task<IAsyncDisposable?> TryClaimChunkAsync(string run, int chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var runKey = run.Length >= 7 && int.TryParse(run.AsSpan(0, 7), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) ? h : run.Length;
        return TryAdvisoryLockAsync(
            string.Create(CultureInfo.InvariantCulture, $"SELECT pg_try_advisory_lock({runKey}, {chunk})"),
            $"chorus worker (process {Environment.ProcessId} on {Environment.MachineName})",
            cancellationToken);
    }

    // A session-level advisory lock on a connection of its own, outside the pool: closing it ends the session, and
    // the lock with it, also when the process dies.
    private async Task<IAsyncDisposable?> TryAdvisoryLockAsync(string sql, string holder, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { ApplicationName = holder, Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new Held(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    // Advisory locks belong to a database: the holder is looked for in this store's database only. Another store on the
    // same server holds a lock of the same key (in CI, a correction test's store named its process while an ingest of
    // this store held the lock).
    private async Task<string> HolderAsync(CancellationToken cancellationToken)
    {
        var holder = await ScalarAsync<string?>(
            string.Create(CultureInfo.InvariantCulture, $"SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = {WriteLockKey} AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1"),
            cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(holder) ? "another writer" : holder;
    }

    // The lock is let go on its connection before the connection closes: closing alone ends the session, but the server
    // lets the lock go only once its backend has exited, a moment later, and a worker asking for the same chunk at once
    // was refused (seen as a flaky contract test under load). A connection already broken lets it go by closing.
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT pg_advisory_unlock_all()";
                await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session is gone or going; its end releases the lock.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
