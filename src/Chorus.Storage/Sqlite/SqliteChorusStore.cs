using System.Globalization;
using System.Text;
using Chorus.Storage.Locking;
using Chorus.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Chorus.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, schema versioned by <see cref="SqliteMigrations"/>; the write lock
/// is a file lock beside it (<see cref="FileWriteLock"/>), so writers in several processes take turns.
/// </summary>
public sealed class SqliteChorusStore : RelationalChorusStore
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private readonly FileWriteLock _writeLock;
    private readonly FileChunkClaims _claims;

    private SqliteChorusStore(string path, SqliteConnection connection)
        : base(path, connection, SqliteDialect.Instance)
    {
        _writeLock = new FileWriteLock(path);
        _claims = new FileChunkClaims(path);
    }

    public override Task<IAsyncDisposable?> TryClaimChunkAsync(string run, int chunk, CancellationToken cancellationToken = default)
        => Task.FromResult(_claims.TryClaim(run, chunk));


    public override Task<IAsyncDisposable> LockForWritingAsync(string purpose, Action<string>? waiting = null, CancellationToken cancellationToken = default)
        => _writeLock.AcquireAsync(purpose, waiting, cancellationToken);

    public override Task<IAsyncDisposable?> TryLockForWritingAsync(string purpose, CancellationToken cancellationToken = default)
        => _writeLock.TryAcquireAsync(purpose, cancellationToken);

    // Read through SQLite's own statements: Microsoft.Data.Sqlite makes a string per value read, and the membership of
    // 1M articles is three million values (2.5–3.9 s through the reader, ~1.5 s here, most of it the articles' ids,
    // the one string each row needs). Same statements, same transaction (the connection's).
    protected override Task ReadMembershipRowsAsync(System.Data.Common.DbTransaction snapshot, Chorus.Core.Store.StoryMembership.Builder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var db = ((SqliteConnection)Connection).Handle ?? throw new InvalidOperationException("the store's connection is closed");
        var text = new char[256];
        var (stories, articles, keys) = MembershipSql;
        Read(stories, statement => builder.AddStory(
            String(statement, 0)!, String(statement, 1), String(statement, 2),
            SQLitePCL.raw.sqlite3_column_int(statement, 3), SQLitePCL.raw.sqlite3_column_int(statement, 4), SQLitePCL.raw.sqlite3_column_int64(statement, 5) != 0));
        Read(articles, statement => builder.AddArticle(String(statement, 0)!, Chars(statement, 0, 1)));
        Read(keys, statement =>
        {
            // Three spans of one buffer: the story id, the language, the outlet key.
            var story = Chars(statement, 0, 0);
            var lang = Chars(statement, story.Length, 1);
            var noOutlet = SQLitePCL.raw.sqlite3_column_type(statement, 2) == SQLitePCL.raw.SQLITE_NULL;
            builder.AddStoryKey(story, lang, noOutlet, noOutlet ? default : Chars(statement, story.Length + lang.Length, 2));
        });
        return Task.CompletedTask;

        void Read(string sql, Action<SQLitePCL.sqlite3_stmt> row)
        {
            Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
            using (statement)
            {
                int result;
                while ((result = SQLitePCL.raw.sqlite3_step(statement)) == SQLitePCL.raw.SQLITE_ROW)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    row(statement);
                }

                Check(result);
            }
        }

        void Check(int result)
        {
            if (result is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE))
            {
                throw new SqliteException($"reading the story membership: {SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string()}", result);
            }
        }

        static string? String(SQLitePCL.sqlite3_stmt statement, int column)
            => SQLitePCL.raw.sqlite3_column_type(statement, column) == SQLitePCL.raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(SQLitePCL.raw.sqlite3_column_blob(statement, column));

        // A text column decoded into the buffer at offset, without a string.
        ReadOnlySpan<char> Chars(SQLitePCL.sqlite3_stmt statement, int offset, int column)
        {
            var bytes = SQLitePCL.raw.sqlite3_column_blob(statement, column);
            if (text.Length < offset + bytes.Length)
            {
                Array.Resize(ref text, (offset + bytes.Length) * 2);
            }

            return text.AsSpan(offset, Encoding.UTF8.GetChars(bytes, text.AsSpan(offset)));
        }
    }

    // Deferred: the first read starts the snapshot, and no write lock is taken (a reader must never wait for a writer).
    protected override Task<System.Data.Common.DbTransaction> BeginReadSnapshotAsync(CancellationToken cancellationToken)
        => Task.FromResult<System.Data.Common.DbTransaction>(((SqliteConnection)Connection).BeginTransaction(deferred: true));

    /// <summary>
    /// Opens or creates the store at <paramref name="path"/>. A file that is not SQLite, or a SQLite database that
    /// is not a Chorus store, is refused with <see cref="StoreOpenException"/> before anything is written to it.
    /// </summary>
    public static async Task<SqliteChorusStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        CheckExistingFile(full);
        // A typo in --db must not leave a tree of new folders and an empty store behind.
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new StoreOpenException($"cannot open the store {path}: the folder {folder} does not exist (create it first, or choose another --db); nothing was created");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var store = new SqliteChorusStore(full, connection);
            // Another process may be creating or writing the same store right now: wait for its locks, not fail.
            await store.ExecuteAsync("PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
            await store.CheckIsChorusAsync(cancellationToken).ConfigureAwait(false);
            // A 64 MB page cache holds an ingest batch's pages (with the 2 MB default they spilled to the log mid-transaction),
            // and the log is checkpointed every 64 MB, not every 4 MB (a checkpoint with its fsyncs came nearly every batch).
            await store.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384; PRAGMA temp_store=MEMORY;", cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await store.CountUncountedSourcesAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreOpenException($"{full}: cannot open as a Chorus store: {e.Message}. Nothing was changed.", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void CheckExistingFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new StoreOpenException($"{path} is a folder, not a database file");
        }

        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        var header = new byte[SqliteHeader.Length];
        using (var stream = File.OpenRead(path))
        {
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader))
            {
                return;
            }
        }

        throw new StoreOpenException($"{path} is not a SQLite database (it exists and has other content). Nothing was changed; choose another --db path.");
    }

    private async Task CheckIsChorusAsync(CancellationToken cancellationToken)
    {
        // One statement, so one snapshot: read apart, a version of 0 and the tables of a migration another process
        // committed in between would look like somebody else's database.
        var row = await ScalarAsync<string>("SELECT (SELECT user_version FROM pragma_user_version) || ' ' || (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table')", cancellationToken).ConfigureAwait(false);
        var parts = row.Split(' ');
        var version = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var tables = long.Parse(parts[1], CultureInfo.InvariantCulture);
        if (version == 0 && tables > 0)
        {
            throw new StoreOpenException($"{Location} is a SQLite database but not a Chorus store. Nothing was changed; choose another --db path.");
        }

        if (version > SqliteMigrations.Steps.Count)
        {
            throw new StoreOpenException($"{Location} has schema version {version}, newer than this Chorus knows ({SqliteMigrations.Steps.Count}). Nothing was changed.");
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // A store already at this version is opened without the write lock: a reader (stories, serve) opened while an
        // ingest holds it batch after batch would otherwise wait out the busy timeout, or fail once it ran out.
        if (await ScalarAsync<long>("PRAGMA user_version", cancellationToken).ConfigureAwait(false) >= SqliteMigrations.Steps.Count)
        {
            return;
        }

        // A step may rebuild a table others refer to (SQLite's way to reorder columns), which foreign keys forbid
        // mid-way: they are off while steps run (the pragma cannot change inside a transaction) and each step is
        // checked against them before it commits.
        await ExecuteAsync("PRAGMA foreign_keys=OFF;", cancellationToken).ConfigureAwait(false);
        try
        {
            // Each step reads the version inside its own write transaction (BEGIN IMMEDIATE), so two processes
            // opening a new store at once migrate it once: the second finds the steps the first committed.
            while (true)
            {
                using var tx = ((SqliteConnection)Connection).BeginTransaction(deferred: false);
                using var cmd = Connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "PRAGMA user_version";
                var step = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (step >= SqliteMigrations.Steps.Count)
                {
                    return;
                }

                cmd.CommandText = SqliteMigrations.Steps[step] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {step + 1};");
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                cmd.CommandText = "PRAGMA foreign_key_check";
                using (var violations = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await violations.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new StoreOpenException($"{Location}: schema step {step + 1} would leave a row of {violations.GetString(0)} referring to a missing row of {violations.GetString(2)}. Nothing was changed.");
                    }
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ExecuteAsync("PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
        }
    }
}
