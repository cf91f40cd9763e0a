using Chorus.Core.Store;
using Chorus.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Chorus.Storage.Tests;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override async Task<IChorusStore> CreateStoreAsync()
        => await SqliteChorusStore.OpenAsync(Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db"));

    protected override async Task<IChorusStore> ReopenAsync(IChorusStore store)
        => await SqliteChorusStore.OpenAsync(store.Location);
}

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Open_FileThatIsNotSqlite_IsRefused_AndLeftUntouched()
    {
        var path = _tmp.File("notes.db", "these are my notes, not a database");
        var error = await Assert.ThrowsAsync<StoreOpenException>(() => SqliteChorusStore.OpenAsync(path));
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task Open_SqliteDatabaseOfAnotherApplication_IsRefused_AndLeftUntouched()
    {
        var path = Path.Combine(_tmp.Path, "other.db");
        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE invoices(id INTEGER); INSERT INTO invoices VALUES (42);";
            await cmd.ExecuteNonQueryAsync();
        }

        var before = File.ReadAllBytes(path);
        var error = await Assert.ThrowsAsync<StoreOpenException>(() => SqliteChorusStore.OpenAsync(path));
        Assert.Contains("not a Chorus store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Open_NewStore_UsesWalAndRecordsTheSchemaVersion_AndReopensWithData()
    {
        var path = Path.Combine(_tmp.Path, "sub", "c.db");
        // A store is never made in a folder that does not exist: a typo in --db must not create a tree of folders.
        var refused = await Assert.ThrowsAsync<StoreOpenException>(() => SqliteChorusStore.OpenAsync(path));
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var store = await SqliteChorusStore.OpenAsync(path))
        {
            var batch = await store.BeginBatchAsync();
            await using (batch)
            {
                await batch.AddArticleAsync(new StoredArticle { Id = "a1", Ref = "r", ContentKey = "k", Text = "t", Lang = "nl" }, []);
                await batch.CommitAsync();
            }
        }

        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await cmd.ExecuteScalarAsync())!);
            cmd.CommandText = "PRAGMA user_version";
            Assert.Equal(19L, (long)(await cmd.ExecuteScalarAsync())!);
        }

        await using var reopened = await SqliteChorusStore.OpenAsync(path);
        Assert.Equal(1, await reopened.CountArticlesAsync());
    }

    // Story rows are written a statement each with the profile bound as bytes: stored as a blob in the binary form
    // (StoryProfileCodec), beside the title and dates in their own columns. A store written before holds JSON text in
    // the same column, and its profiles are still read, one by one and for a window alike.
    [Fact]
    public async Task StoryProfiles_AreStoredInBinary_AndJsonProfilesStoredBefore_AreStillRead()
    {
        var path = Path.Combine(_tmp.Path, "p.db");
        var story = new Chorus.Core.Stories.StoryProfile { Id = "s1", Title = "Brand in \"café\" 🚒", First = new DateOnly(2019, 3, 1), Last = new DateOnly(2019, 3, 1) };
        story.Terms["geëvacueerd"] = 1.5f;
        var old = new Chorus.Core.Stories.StoryProfile { Id = "s0", Title = "oud", First = new DateOnly(2019, 3, 2), Last = new DateOnly(2019, 3, 2) };
        old.Names["@amsterdam"] = 0.5f;
        await using (var store = await SqliteChorusStore.OpenAsync(path))
        {
            var batch = await store.BeginBatchAsync();
            await using (batch)
            {
                await batch.SaveStoryAsync(new Chorus.Core.Stories.StoryProfile { Id = "s2", Title = "ander" });
                await batch.SaveStoryAsync(story);
                await batch.SaveStoryAsync(old);
                await batch.CommitAsync();
            }
        }

        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT typeof(profile), profile, title FROM stories WHERE id = 's1'";
            using (var reader = await cmd.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                Assert.Equal("blob", reader.GetString(0));
                Assert.Equal(StoreJson.Serialize(story), StoreJson.Serialize(StoryProfileCodec.Decode((byte[])reader.GetValue(1))));
                Assert.Equal(story.Title, reader.GetString(2));
            }

            cmd.CommandText = "UPDATE stories SET profile = @json WHERE id = 's0'";
            cmd.Parameters.AddWithValue("@json", StoreJson.Serialize(old));
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        await using var reopened = await SqliteChorusStore.OpenAsync(path);
        var batch2 = await reopened.BeginBatchAsync();
        await using (batch2)
        {
            Assert.Equal(StoreJson.Serialize(old), StoreJson.Serialize((await batch2.LoadStoryProfileAsync("s0"))!));
            Assert.Equal(StoreJson.Serialize(story), StoreJson.Serialize((await batch2.LoadStoryProfileAsync("s1"))!));
        }

        var window = await reopened.LoadStoryProfilesAsync(new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 2));
        Assert.Equal(
            new[] { StoreJson.Serialize(old), StoreJson.Serialize(story) }.Order(),
            window.Where(p => p.Id != "s2").Select(StoreJson.Serialize).Order());
    }

    // A reader opening the store while a writer holds its write transaction (an ingest does, batch after batch) reads
    // what is committed at once: opening a store of this version needs no write lock.
    [Fact]
    public async Task Open_WhileAnotherConnectionWrites_DoesNotWaitForTheWriteLock()
    {
        var path = Path.Combine(_tmp.Path, "busy.db");
        await using var writer = await SqliteChorusStore.OpenAsync(path);
        var batch = await writer.BeginBatchAsync();
        await using (batch)
        {
            await batch.AddArticleAsync(new StoredArticle { Id = "a1", Ref = "r", ContentKey = "k", Text = "t", Lang = "nl" }, []);
            var opening = SqliteChorusStore.OpenAsync(path);
            // The busy timeout is 5 s: a reader that needed the lock would still be waiting (or then fail).
            Assert.Same(opening, await Task.WhenAny(opening, Task.Delay(TimeSpan.FromSeconds(3))));
            await using var reader = await opening;
            Assert.Equal(0, await reader.CountArticlesAsync());
            await batch.CommitAsync();
            Assert.Equal(1, await reader.CountArticlesAsync());
        }
    }

    /// <summary>Takes a store back to schema 11: no story id on the entity article rows (19), no kept story documents (18), no change version or story key index (17), covering article indexes (16), story counts (15), list indexes (14), story entity versions (13) or kept entity figures (12).</summary>
    private const string WithoutKeptEntityFigures = """
        DROP TRIGGER story_version_article_added; DROP TRIGGER story_version_article_changed; DROP TRIGGER story_version_article_removed;
        DROP TRIGGER story_version_layers_added; DROP TRIGGER story_version_layers_changed; DROP TRIGGER story_version_layers_removed;
        DROP TRIGGER story_version_story_added; DROP TRIGGER story_version_story_changed; DROP TRIGGER story_documents_removed;
        DROP TABLE story_versions; DROP TABLE story_documents;
        DROP TRIGGER store_version_article_added; DROP TRIGGER store_version_article_changed; DROP TRIGGER store_version_article_removed;
        DROP TRIGGER store_version_story_added; DROP TRIGGER store_version_story_changed; DROP TRIGGER store_version_story_removed;
        DROP TABLE store_version; DROP INDEX stories_keys;
        DROP INDEX articles_id_story; DROP INDEX articles_story_keys; CREATE INDEX articles_story ON articles(story_id);
        DROP TRIGGER story_counted; DROP TRIGGER story_uncounted; DROP TRIGGER story_recounted; DROP TABLE story_counts;
        DROP INDEX stories_listed; DROP INDEX stories_by_sources; DROP INDEX stories_by_articles; CREATE INDEX stories_sources ON stories(source_count);
        DROP TRIGGER story_entity_version_added; DROP TRIGGER story_entity_version_removed; DROP TRIGGER story_entity_version_changed;
        DROP TRIGGER story_entity_version_moved; DROP TABLE story_entity_versions;
        DROP TRIGGER entity_occurrence_added; DROP TRIGGER entity_occurrence_removed; DROP TRIGGER entity_occurrence_moved;
        DROP TRIGGER entity_article_added; DROP TRIGGER entity_article_removed; DROP TRIGGER entity_story_added;
        DROP TRIGGER entity_story_removed; DROP TRIGGER article_story_moved;
        DROP TABLE entity_articles; DROP TABLE entity_months; DROP TABLE entity_stories; DROP TABLE entity_totals;
        """;

    // A store of schema 11 had no kept entity figures: opening it counts them from the occurrences and articles, and
    // from then on the triggers keep them.
    [Fact]
    public async Task Open_AStoreWithoutKeptEntityFigures_CountsThem_AndKeepsThemAfterwards()
    {
        var path = Path.Combine(_tmp.Path, "v11.db");
        await using (var store = await SqliteChorusStore.OpenAsync(path))
        {
            var batch = await store.BeginBatchAsync();
            await using (batch)
            {
                await batch.AddArticleAsync(new StoredArticle { Id = "a1", Ref = "r1", ContentKey = "k1", Text = "t", Lang = "nl", StoryId = "s1", Date = Chorus.Core.Time.PartialDate.Parse("2024-03-08").Value }, []);
                await batch.AddArticleAsync(new StoredArticle { Id = "a2", Ref = "r2", ContentKey = "k2", Text = "t", Lang = "nl", StoryId = "s2", Date = Chorus.Core.Time.PartialDate.Parse("2024-04").Value }, []);
                await batch.AddEntityOccurrenceAsync(new EntityOccurrence("e1", "a1", Chorus.Core.Analysis.EntityType.Person, "Rutte", 2));
                await batch.AddEntityOccurrenceAsync(new EntityOccurrence("e1", "a1", Chorus.Core.Analysis.EntityType.Person, "Mark Rutte", 1));
                await batch.AddEntityOccurrenceAsync(new EntityOccurrence("e1", "a2", Chorus.Core.Analysis.EntityType.Person, "Rutte", 1));
                await batch.CommitAsync();
            }
        }

        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = WithoutKeptEntityFigures + "PRAGMA user_version = 11;";
            await cmd.ExecuteNonQueryAsync();
        }

        await using (var reopened = await SqliteChorusStore.OpenAsync(path))
        {
            var found = await reopened.EntityArticlesAsync("e1", 0, 10);
            Assert.Equal("2 2: a2 a1 | s2 s1 | 2024-03=1 2024-04=1", $"{found.ArticleTotal} {found.StoryTotal}: {string.Join(' ', found.ArticleIds)} | {string.Join(' ', found.Stories)} | {string.Join(' ', found.Months.Select(m => $"{m.Month}={m.Articles}"))}");
            var batch = await reopened.BeginBatchAsync();
            await using (batch)
            {
                await batch.AddArticleAsync(new StoredArticle { Id = "a3", Ref = "r3", ContentKey = "k3", Text = "t", Lang = "nl", StoryId = "s1", Date = Chorus.Core.Time.PartialDate.Parse("2024-04-02").Value }, []);
                await batch.AddEntityOccurrenceAsync(new EntityOccurrence("e1", "a3", Chorus.Core.Analysis.EntityType.Person, "Rutte", 1));
                await batch.CommitAsync();
            }

            found = await reopened.EntityArticlesAsync("e1", 0, 10);
            Assert.Equal("3 2: a3 a2 a1 | s1 s2 | 2024-03=1 2024-04=2", $"{found.ArticleTotal} {found.StoryTotal}: {string.Join(' ', found.ArticleIds)} | {string.Join(' ', found.Stories)} | {string.Join(' ', found.Months.Select(m => $"{m.Month}={m.Articles}"))}");
        }
    }

    // Stores of schema 10 kept each article's text before its story, address and outlet; opening one rebuilds the
    // table with the text last and keeps every row, the rows that refer to them, and the indexes.
    [Fact]
    public async Task Open_AStoreWithTheTextBeforeTheMetadata_MovesTheTextLast_AndKeepsEveryRow()
    {
        var path = Path.Combine(_tmp.Path, "v10.db");
        var written = new StoredArticle { Id = "a1", Ref = "r1", ContentKey = "k1", Text = new string('x', 20_000), Lang = "nl", Source = "AD", Url = "https://www.ad.nl/a", StoryId = "s1", Title = "Titel" };
        await using (var store = await SqliteChorusStore.OpenAsync(path))
        {
            var batch = await store.BeginBatchAsync();
            await using (batch)
            {
                await batch.AddArticleAsync(written, [7, 9]);
                await batch.AddArticleAsync(new StoredArticle { Id = "a2", Ref = "r2", ContentKey = "k2", Text = "kort", Lang = "de", StoryId = "s1" }, [7]);
                await batch.SaveStoryAsync(new Chorus.Core.Stories.StoryProfile { Id = "s1", Title = "s1" });
                await batch.CommitAsync();
            }
        }

        static async Task<string> ScalarAsync(SqliteConnection c, string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        const string V10Columns = "id, seq, ref, content_key, source, date, date_start, date_end, lang, title, text, url, external_id, duplicate_of, story_id, assignment, signature, ingested_at, summary_only, outlet_key";
        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            await ScalarAsync(c, $"""
                PRAGMA foreign_keys = OFF;
                {WithoutKeptEntityFigures}
                CREATE TABLE old_layout AS SELECT {V10Columns} FROM articles;
                DROP TABLE articles;
                ALTER TABLE old_layout RENAME TO articles;
                PRAGMA user_version = 10;
                """);
            Assert.Equal("10", await ScalarAsync(c, "SELECT group_concat(cid) FROM pragma_table_info('articles') WHERE name = 'text'"));
        }

        await using (var reopened = await SqliteChorusStore.OpenAsync(path))
        {
            var article = (await reopened.GetArticlesAsync(["a1", "a2"])).Single(a => a.Id == "a1");
            Assert.Equal((written.Text, written.Url, written.StoryId, written.Title, written.Source), (article.Text, article.Url, article.StoryId, article.Title, article.Source));
            Assert.Equal(2, await reopened.CountArticlesAsync());
        }

        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            Assert.Equal("19", await ScalarAsync(c, "PRAGMA user_version"));
            Assert.Equal("text", await ScalarAsync(c, "SELECT name FROM pragma_table_info('articles') ORDER BY cid DESC LIMIT 1"));
            Assert.Equal("3", await ScalarAsync(c, "SELECT COUNT(*) FROM article_bands"));
            Assert.Equal("0", await ScalarAsync(c, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
            Assert.Equal("articles_id_story articles_outlet_key articles_ref articles_source articles_story_keys", await ScalarAsync(c, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name)"));
        }
    }

    // A store written before sources were counted in it (no outlet keys, counts -1) is counted when it is opened.
    [Fact]
    public async Task Open_AStoreWithoutSourceCounts_CountsThem()
    {
        var path = Path.Combine(_tmp.Path, "old.db");
        await using (var store = await SqliteChorusStore.OpenAsync(path))
        {
            var batch = await store.BeginBatchAsync();
            await using (batch)
            {
                await batch.AddArticleAsync(new StoredArticle { Id = "a1", Ref = "r1", ContentKey = "k1", Text = "t", Lang = "nl", Source = "AD", StoryId = "s1" }, []);
                await batch.AddArticleAsync(new StoredArticle { Id = "a2", Ref = "r2", ContentKey = "k2", Text = "t", Lang = "nl", Url = "https://www.trouw.nl/a", StoryId = "s1" }, []);
                await batch.AddArticleAsync(new StoredArticle { Id = "a3", Ref = "r3", ContentKey = "k3", Text = "t", Lang = "nl", Source = "Trouw.nl", StoryId = "s1" }, []);
                await batch.SaveStoryAsync(new Chorus.Core.Stories.StoryProfile { Id = "s1", Title = "s1" });
                await batch.CommitAsync();
            }
        }

        await using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE articles SET outlet_key = NULL; UPDATE stories SET source_count = -1;";
            await cmd.ExecuteNonQueryAsync();
        }

        await using var reopened = await SqliteChorusStore.OpenAsync(path);
        var (total, stories) = await reopened.PageStoriesAsync(new StoryPageQuery(MinSources: 2), 0, 10);
        Assert.Equal(1, total);
        Assert.Equal(2, Chorus.Core.Contracts.ContractMapper.IndependentSources(stories[0].Articles));
        Assert.Equal(0, (await reopened.PageStoriesAsync(new StoryPageQuery(MinSources: 3), 0, 10)).Total);
        Assert.Equal(1, (await reopened.PageStoriesAsync(new StoryPageQuery(Outlet: "trouw.nl"), 0, 10)).Total);
    }
}
