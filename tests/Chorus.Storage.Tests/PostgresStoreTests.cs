using Chorus.Core.Ingest;
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

    // Advisory locks belong to a database: a writer of another store on the same server holds a lock of the same key,
    // and a waiter of this store must be told this store's writer, not that one (CI once named a correction of another
    // test's store while this store's ingest held the lock).
    [SkippableFact]
    public async Task AWaiter_IsToldItsOwnStoresWriter_NotOneOfAnotherStoreOnTheServer()
    {
        await using var other = await PostgresChorusStore.OpenAsync(PostgresLocation.Parse(await _host.DbAsync("other.db")).Value!);
        await using var otherHeld = await other.LockForWritingAsync("correction");
        await using var first = await CreateStoreAsync();
        await using var second = await ReopenAsync(first);
        var held = await first.LockForWritingAsync("ingest");
        var told = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = second.LockForWritingAsync("merge", h => told.TrySetResult(h));
        var holder = await told.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await held.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Contains("ingest", holder, StringComparison.Ordinal);
            Assert.DoesNotContain("correction", holder, StringComparison.Ordinal);
        }
    }

    // A store migrated from before the binary profile form holds each profile's JSON as UTF-8 bytes (the text column
    // became bytea in place): such a profile is read as it was, one by one and for a window alike.
    [SkippableFact]
    public async Task JsonProfilesStoredBeforeTheBinaryForm_AreStillRead()
    {
        await using var store = (PostgresChorusStore)await CreateStoreAsync();
        var old = new Chorus.Core.Stories.StoryProfile { Id = "s0", Title = "oud \"café\"", First = new DateOnly(2019, 3, 2), Last = new DateOnly(2019, 3, 2) };
        old.Names["@amsterdam"] = 0.5f;
        old.Terms["geëvacueerd"] = 1.5f;
        var batch = await store.BeginBatchAsync();
        await using (batch)
        {
            await batch.SaveStoryAsync(old);
            await batch.CommitAsync();
        }

        await using (var c = new Npgsql.NpgsqlConnection(store.Where.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("UPDATE stories SET profile = convert_to(@json, 'UTF8') WHERE id = 's0'", c);
            cmd.Parameters.AddWithValue("json", StoreJson.Serialize(old));
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var again = await store.BeginBatchAsync();
        await using (again)
        {
            Assert.Equal(StoreJson.Serialize(old), StoreJson.Serialize((await again.LoadStoryProfileAsync("s0"))!));
        }

        var window = await store.LoadStoryProfilesAsync(new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 3));
        Assert.Equal(StoreJson.Serialize(old), StoreJson.Serialize(Assert.Single(window)));
    }
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

/// <summary>Search in PostgreSQL answers the Lucene syntax the SQLite store answers, with the same hits on the samples, and no query breaks it.</summary>
public sealed class PostgresSearchTests : IAsyncLifetime
{
    private readonly PostgresHost _postgres = new();
    private readonly SqliteHost _sqlite = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _sqlite.DisposeAsync();
    }

    [SkippableFact]
    public async Task QueriesFindTheArticlesLuceneFinds_AndAnyInputIsAnswered()
    {
        await using var pg = await _postgres.OpenAsync();
        await using var lite = await _sqlite.OpenAsync();
        foreach (var ws in new[] { pg, lite })
        {
            var inputs = ArticleInputReader.Expand([TestPaths.Samples]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()));
            await new IngestPipeline(ws.Store, Chorus.Core.Analysis.ArticleAnalyzer.CreateDefault(), new Chorus.Core.Stories.ClusteringOptions(), ws.Index).RunAsync(inputs);
        }

        string[] queries = ["Kim", "onderzeeërs", "trein*", "\"Kim Jong-un\" OR Poetin", "brand NOT haven", "Vladivostok -Moskou", "(Kim OR Poetin) AND top", "+Zwolle ransomware", "Maas"];
        foreach (var query in queries)
        {
            var expected = (await lite.Index.SearchAsync(query, 100)).Hits.Select(h => h.ArticleId).Order(StringComparer.Ordinal);
            var got = (await pg.Index.SearchAsync(query, 100)).Hits.Select(h => h.ArticleId).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(got), $"'{query}': Lucene {string.Join(",", expected)}; PostgreSQL {string.Join(",", got)}");
            // Every match, unranked, is the same set as the ranked hits, on both engines.
            Assert.Equal(expected, (await lite.Index.MatchingArticlesAsync(query)).Order(StringComparer.Ordinal));
            Assert.Equal(got, (await pg.Index.MatchingArticlesAsync(query)).Order(StringComparer.Ordinal));

            // The stories of every match, through each store's membership: the stories of those articles.
            foreach (var ws in new[] { pg, lite })
            {
                var membership = await ws.Store.ReadStoryMembershipAsync();
                var stories = membership.List(await ws.Index.MatchingStoriesAsync(query, membership), new Chorus.Core.Store.StoryPageQuery());
                var ofArticles = await ws.Store.ListStoryIdsAsync(new Chorus.Core.Store.StoryPageQuery(ArticleIds: await ws.Index.MatchingArticlesAsync(query)));
                Assert.True(ofArticles.SequenceEqual(stories), $"'{query}' on {ws.Store.Location}: {string.Join(",", stories)} against {string.Join(",", ofArticles)}");
            }
        }

        // A NUL, which PostgreSQL text cannot hold (found by the API's mutated requests), is searched without.
        Assert.NotEmpty((await pg.Index.SearchAsync("Kim\0", 10)).Hits);

        // Mutated queries: whatever the parser accepts runs without an error; what it refuses finds nothing.
        var random = new Random(7);
        const string Alphabet = "abcKimtrein \"'()*?~+-:!&|\\/^[]{}<>AND OR NOT éë0123\0";
        for (var i = 0; i < 2000; i++)
        {
            var baseQuery = queries[random.Next(queries.Length)].ToCharArray().ToList();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                baseQuery.Insert(random.Next(baseQuery.Count + 1), Alphabet[random.Next(Alphabet.Length)]);
            }

            var query = new string([.. baseQuery]);
            var (hits, total) = await pg.Index.SearchAsync(query, 10);
            Assert.True(hits.Count <= total, query);
        }
    }
}
