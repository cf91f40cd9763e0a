using Chorus.Storage;
using Npgsql;

namespace Chorus.Storage.Tests;

/// <summary>
/// Where a test's stores live: SQLite files in a temp folder, or fresh databases on the PostgreSQL server that
/// <c>$CHORUS_TEST_POSTGRES</c> names (a URI whose user may create databases; <c>bash .ci/run</c> starts one). Suites
/// that every store must pass take a host, so they run once per engine; the PostgreSQL run is skipped, saying why,
/// when no server is named.
/// </summary>
public abstract class StoreHost : IAsyncDisposable
{
    /// <summary>The <c>--db</c> value of the store called <paramref name="name"/> in this host (made on first use).</summary>
    public abstract Task<string> DbAsync(string name = "c.db");

    public async Task<ChorusWorkspace> OpenAsync(string name = "c.db") => await ChorusWorkspace.OpenAsync(await DbAsync(name));

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteHost : StoreHost
{
    private readonly TempFolder _tmp = new();

    public string Folder => _tmp.Path;

    public override Task<string> DbAsync(string name = "c.db") => Task.FromResult(Path.Combine(_tmp.Path, name));

    public override ValueTask DisposeAsync()
    {
        _tmp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresHost : StoreHost
{
    public const string Variable = "CHORUS_TEST_POSTGRES";
    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    /// <summary>The server's URI, or null when none is named (the test is then skipped).</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : null;

    public override async Task<string> DbAsync(string name = "c.db")
    {
        Skip.If(Server is null, $"needs a PostgreSQL server: set {Variable} to a URI such as postgresql://user@127.0.0.1:5432/postgres (bash .ci/run starts one)");
        if (_databases.TryGetValue(name, out var known))
        {
            return known;
        }

        var database = "chorus_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {database}";
            await cmd.ExecuteNonQueryAsync();
        }

        var uri = new UriBuilder(Server!) { Path = "/" + database }.Uri.ToString();
        _databases[name] = uri;
        return uri;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        foreach (var uri in _databases.Values)
        {
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {new Uri(uri).AbsolutePath.TrimStart('/')} WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static string AdminConnectionString()
        => Chorus.Storage.Postgres.PostgresLocation.Parse(Server!).Value!.ConnectionString;
}
