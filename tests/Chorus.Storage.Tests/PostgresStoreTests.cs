using Chorus.Core.Store;
using Chorus.Storage.Postgres;

namespace Chorus.Storage.Tests;

/// <summary>The store contract on PostgreSQL: one fresh database per test, on the server <c>$CHORUS_TEST_POSTGRES</c> names.</summary>
public sealed class PostgresStoreContractTests : StoreContractTests, IAsyncLifetime
{
    private readonly PostgresHost _host = new();

    protected override async Task<IChorusStore> CreateStoreAsync()
        => await PostgresChorusStore.OpenAsync(PostgresLocation.Parse(await _host.DbAsync()).Value!);

    protected override async Task<IChorusStore> ReopenAsync(IChorusStore store)
        => await PostgresChorusStore.OpenAsync(((PostgresChorusStore)store).Where);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _host.DisposeAsync().AsTask();
}

public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgresql://ann:s3cr%40t@db.example:6543/news?sslmode=require", "postgresql://ann@db.example:6543/news")]
    [InlineData("postgres://db.example/news", "postgresql://db.example:5432/news")]
    [InlineData("Host=db.example;Database=news;Username=ann;Password=x", "postgresql://ann@db.example:5432/news")]
    public void Locations_AreRead_AndTheirDisplayHidesThePassword(string db, string display)
    {
        Assert.True(PostgresLocation.Names(db));
        var parsed = PostgresLocation.Parse(db);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(display, parsed.Value!.Display);
        Assert.DoesNotContain("s3cr", parsed.Value.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("postgresql://db.example/news?colour=blue")]
    [InlineData("Host=;Database=news")]
    [InlineData("Host=db.example;Nonsense=1")]
    public void BadLocations_AreErrors_NotExceptions(string db)
        => Assert.False(PostgresLocation.Parse(db).Success);

    [Theory]
    [InlineData("chorus.db")]
    [InlineData("/data/postgresql/chorus.db")]
    [InlineData("host.db")]
    public void SqliteFiles_AreNotTakenForPostgres(string db) => Assert.False(PostgresLocation.Names(db));
}
