using Chorus.Core.Analysis;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chorus.Core.Monitoring;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Storage.Relational;

/// <summary>
/// A store in a relational database, written once for every engine: the queries are plain SQL both SQLite and
/// PostgreSQL run, and what differs (JSON row sets, prefix and suffix matches) comes from the engine's
/// <see cref="SqlDialect"/>. One connection per store instance; not for concurrent use from several threads (the CLI
/// and the ingest writer are single-threaded; the web host opens one per reader). Subclasses open the connection,
/// migrate the schema and provide the write lock.
/// </summary>
public abstract partial class RelationalChorusStore : IChorusStore, IMonitoringStore
{
    private const string ArticleColumns = "id, seq, ref, content_key, source, date, lang, title, text, url, external_id, duplicate_of, story_id, assignment, signature, summary_only";

    // The same columns in the same order, without what a list never shows (the text, the clustering record, the signature).
    // Newest first, undated last; the index stories_newest holds these keys in this order.
    private const string NewestFirst = "last_date DESC NULLS LAST, article_count DESC, id";

    private const string ArticleSummaryColumns = "id, seq, ref, content_key, source, date, lang, title, '' AS text, url, external_id, duplicate_of, story_id, NULL AS assignment, NULL AS signature, summary_only";

    // The same again with the text.
    private const string ArticleTextColumns = "id, seq, ref, content_key, source, date, lang, title, text, url, external_id, duplicate_of, story_id, NULL AS assignment, NULL AS signature, summary_only";

    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;

    protected RelationalChorusStore(string location, DbConnection connection, SqlDialect dialect)
    {
        Location = location;
        _connection = connection;
        _dialect = dialect;
    }

    public string Location { get; }

    protected DbConnection Connection => _connection;

    public abstract Task<IAsyncDisposable> LockForWritingAsync(string purpose, Action<string>? waiting = null, CancellationToken cancellationToken = default);

    public abstract Task<IAsyncDisposable?> TryLockForWritingAsync(string purpose, CancellationToken cancellationToken = default);

    public abstract Task<IAsyncDisposable?> TryClaimChunkAsync(string run, int chunk, CancellationToken cancellationToken = default);

    public async Task<IReadOnlySet<int>> DoneChunksAsync(string run, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT chunk FROM ingest_chunks WHERE run = @r";
        cmd.AddValue("@r", run);
        var done = new HashSet<int>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            done.Add(reader.GetInt32(0));
        }

        return done;
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken = default)
        => (int)await ScalarAsync<long>("SELECT COUNT(*) FROM articles", cancellationToken).ConfigureAwait(false);

    public async Task<StoredArticle?> FindArticleAsync(string idOrRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrRef);
        // In order: exact id; the ref as given (the same file ingested under several sources: the first stored);
        // a unique id prefix; a file name without the folder it was ingested from.
        (string Sql, bool FirstOfManyIsFine)[] lookups =
        [
            ($"SELECT {ArticleColumns} FROM articles WHERE id = @k", false),
            ($"SELECT {ArticleColumns} FROM articles WHERE ref = @k ORDER BY seq LIMIT 2", true),
            ($"SELECT {ArticleColumns} FROM articles WHERE {_dialect.StartsWith("id", "@k")} ORDER BY id LIMIT 2", false),
            ($"SELECT {ArticleColumns} FROM articles WHERE {_dialect.FileNameOf("ref", "@k")} ORDER BY seq LIMIT 2", false),
        ];
        foreach (var (sql, firstOfManyIsFine) in lookups)
        {
            var found = await QueryArticlesAsync(sql, cmd => cmd.AddValue("@k", idOrRef), cancellationToken).ConfigureAwait(false);
            if (found.Count == 1 || (found.Count > 1 && firstOfManyIsFine))
            {
                return found[0];
            }
        }

        return null;
    }

    public Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        => GetArticlesAsync(ids, ArticleColumns, cancellationToken);

    public Task<IReadOnlyList<StoredArticle>> GetArticleSummariesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        => GetArticlesAsync(ids, ArticleSummaryColumns, cancellationToken);

    public Task<IReadOnlyList<StoredArticle>> GetArticleTextsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        => GetArticlesAsync(ids, ArticleTextColumns, cancellationToken);

    private async Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(IReadOnlyCollection<string> ids, string columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<StoredArticle>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            var names = string.Join(',', chunk.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
            result.AddRange(await QueryArticlesAsync(
                $"SELECT {columns} FROM articles WHERE id IN ({names}) ORDER BY seq",
                cmd =>
                {
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        cmd.AddValue("@p" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
                    }
                },
                cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, StoredAnalysis>> LoadAnalysesAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var result = new Dictionary<string, StoredAnalysis>(articleIds.Count, StringComparer.Ordinal);
        foreach (var chunk in articleIds.Chunk(500))
        {
            using var cmd = _connection.CreateCommand();
            var names = string.Join(',', chunk.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
            cmd.CommandText = $"SELECT article_id, version, layers FROM article_analysis WHERE article_id IN ({names})";
            for (var i = 0; i < chunk.Length; i++)
            {
                cmd.AddValue("@p" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
            }

            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result[reader.GetString(0)] = new StoredAnalysis(reader.GetInt32(1), (byte[])reader.GetValue(2));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> ArticlesToAnalyseAsync(int version, bool everything, string? after, int limit, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT a.id FROM articles a LEFT JOIN article_analysis x ON x.article_id = a.id
            WHERE a.id > @after {(everything ? string.Empty : "AND (x.version IS NULL OR x.version <> @v)")}
            ORDER BY a.id LIMIT @limit
            """;
        cmd.AddValue("@after", after ?? string.Empty);
        cmd.AddValue("@v", version);
        cmd.AddValue("@limit", Math.Max(1, limit));
        var ids = new List<string>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<int> CountArticlesToAnalyseAsync(int version, bool everything, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = everything
            ? "SELECT COUNT(*) FROM articles"
            : "SELECT COUNT(*) FROM articles a LEFT JOIN article_analysis x ON x.article_id = a.id WHERE x.version IS NULL OR x.version <> @v";
        cmd.AddValue("@v", version);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<StoredArticle> ReadAllArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {ArticleColumns} FROM articles ORDER BY seq";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadArticle(reader);
        }
    }

    public Task<IReadOnlyList<StoredStory>> ListStoriesAsync(CancellationToken cancellationToken = default)
        => ListStoriesAsync(ArticleColumns, cancellationToken);

    public Task<IReadOnlyList<StoredStory>> ListStorySummariesAsync(CancellationToken cancellationToken = default)
        => ListStoriesAsync(ArticleSummaryColumns, cancellationToken);

    public Task<(int Total, IReadOnlyList<StoredStory> Stories)> PageStoriesAsync(DateOnly? from, DateOnly? to, int offset, int limit, CancellationToken cancellationToken = default)
        => PageStoriesAsync(new StoryPageQuery(from, to), offset, limit, cancellationToken);

    /// <summary>
    /// The table a story list reads (the stories, through an index holding every column lists read when it is narrowed
    /// to listed ids, an entity's or a search's: the rows hold the profile documents), its WHERE clause and what binds
    /// its parameters.
    /// </summary>
    private (string From, string Where, Action<DbCommand> Bind) StoryFilter(StoryPageQuery query)
    {
        var from = query is { StoryIds: null, ArticleIds: null, EntityId: null } ? "stories" : "stories " + _dialect.IndexedBy("stories_keys");
        var where = new System.Text.StringBuilder("WHERE (@from IS NULL OR last_date >= @from) AND (@to IS NULL OR first_date <= @to)");
        if (query.StoryIds is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND id IN ({_dialect.SelectJsonTexts("@stories")})");
        }

        if (query.ArticleIds is not null)
        {
            // Answered from articles_id_story, without reading the articles' rows.
            where.Append(CultureInfo.InvariantCulture, $" AND id IN (SELECT story_id FROM articles {_dialect.IndexedBy("articles_id_story")} WHERE id IN ({_dialect.SelectJsonTexts("@articles")}))");
        }

        if (query.EntityId is not null)
        {
            // Kept beside the occurrences (entity_stories): the entity's stories without reading its articles.
            where.Append(" AND id IN (SELECT story_id FROM entity_stories WHERE entity_id = @entity)");
        }

        if (query.Lang is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.lang = @lang)");
        }

        // The outlet as every page shows it: its name, else the domain of the article's address (the key folds both).
        var outletKey = query.Outlet is null || string.Equals(query.Outlet, Chorus.Core.Outlets.OutletNames.Unknown, StringComparison.OrdinalIgnoreCase)
            ? null
            : Chorus.Core.Outlets.OutletNames.Key(query.Outlet, null);
        if (query.Outlet is not null)
        {
            where.Append(outletKey is null
                ? " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.outlet_key IS NULL)"
                : " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.outlet_key = @outlet)");
        }

        if (query.MinSources > 1)
        {
            where.Append(" AND source_count >= @minSources");
        }

        if (!query.WithRecurring)
        {
            where.Append(" AND recurring = 0");
        }

        return (from, where.ToString(), Bind);

        void Bind(DbCommand cmd)
        {
            cmd.AddValue("@from", query.From is { } f ? Iso(f) : DBNull.Value);
            cmd.AddValue("@to", query.To is { } t ? Iso(t) : DBNull.Value);
            if (query.StoryIds is not null)
            {
                cmd.AddValue("@stories", JsonSerializer.Serialize(query.StoryIds));
            }

            if (query.ArticleIds is not null)
            {
                cmd.AddValue("@articles", JsonSerializer.Serialize(query.ArticleIds));
            }

            if (query.EntityId is not null)
            {
                cmd.AddValue("@entity", query.EntityId);
            }

            if (query.Lang is not null)
            {
                cmd.AddValue("@lang", query.Lang);
            }

            if (outletKey is not null)
            {
                cmd.AddValue("@outlet", outletKey);
            }

            if (query.MinSources > 1)
            {
                cmd.AddValue("@minSources", query.MinSources);
            }
        }
    }

    public async Task<(int Total, IReadOnlyList<StoredStory> Stories)> PageStoriesAsync(StoryPageQuery query, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is { StoryIds.Count: 0 } or { ArticleIds.Count: 0 })
        {
            return (0, []);
        }

        var (from, where, bind) = StoryFilter(query);
        using var count = _connection.CreateCommand();
        // A list narrowed only by recurring columns and sources takes its total from the kept counts (story_counts);
        // any other filter is counted over the stories it leaves.
        var keptCount = query is { From: null, To: null, StoryIds: null, ArticleIds: null, Lang: null, Outlet: null, EntityId: null };
        count.CommandText = keptCount
            ? $"SELECT COALESCE(SUM(stories), 0) FROM story_counts WHERE {(query.MinSources > 1 ? "source_count >= @minSources" : "1 = 1")}{(query.WithRecurring ? string.Empty : " AND recurring = 0")}"
            : $"SELECT COUNT(*) FROM {from} {where}";
        bind(count);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var order = ListOrder(query.Order);
        var outerOrder = "page." + order.Replace(", ", ", page.", StringComparison.Ordinal);
        var profiles = await QueryListProfilesAsync(
            // The page is picked on the sort keys alone, from their index, and only its rows are read. A list shows no
            // term vectors: its profiles come from the row's columns, not from the profile document (reading and
            // parsing that was half of a list request).
            $"SELECT s.id, s.title, s.first_date, s.last_date, s.article_count FROM (SELECT id, last_date, article_count, source_count FROM {from} {where} ORDER BY {order} LIMIT @n OFFSET @o) AS page JOIN stories s ON s.id = page.id ORDER BY {outerOrder}",
            cmd =>
            {
                bind(cmd);
                cmd.AddValue("@n", Math.Max(0, limit));
                cmd.AddValue("@o", Math.Max(0, offset));
            },
            cancellationToken).ConfigureAwait(false);
        var byStory = new Dictionary<string, List<StoredArticle>>(StringComparer.Ordinal);
        foreach (var chunk in profiles.Select(p => p.Id).Chunk(500))
        {
            var sql = $"SELECT {ArticleSummaryColumns} FROM articles WHERE story_id IN ({string.Join(',', chunk.Select((_, i) => "@s" + i.ToString(CultureInfo.InvariantCulture)))}) ORDER BY seq";
            foreach (var article in await QueryArticlesAsync(sql, cmd =>
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    cmd.AddValue("@s" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
                }
            }, cancellationToken).ConfigureAwait(false))
            {
                if (!byStory.TryGetValue(article.StoryId!, out var list))
                {
                    byStory[article.StoryId!] = list = [];
                }

                list.Add(article);
            }
        }

        return (total, profiles.Select(p => new StoredStory(p, byStory.TryGetValue(p.Id, out var articles) ? OldestFirst(articles) : [])).ToList());
    }

    private static string ListOrder(StoryOrder order) => order switch
    {
        StoryOrder.MostArticles => "article_count DESC, last_date DESC NULLS LAST, id",
        StoryOrder.MostSources => "source_count DESC, last_date DESC NULLS LAST, id",
        _ => NewestFirst,
    };

    public async Task<IReadOnlyDictionary<string, long>> StoryEntityVersionsAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var versions = storyIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0L, StringComparer.Ordinal);
        foreach (var chunk in versions.Keys.ToList().Chunk(50_000))
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT story_id, version FROM story_entity_versions WHERE story_id IN ({_dialect.SelectJsonTexts("@ids")})";
            cmd.AddValue("@ids", JsonSerializer.Serialize(chunk));
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return versions;
    }

    public async Task<IReadOnlyList<string>> ListStoryIdsAsync(StoryPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is { StoryIds.Count: 0 } or { ArticleIds.Count: 0 })
        {
            return [];
        }

        var (from, where, bind) = StoryFilter(query);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {from} {where} ORDER BY {ListOrder(query.Order)}";
        bind(cmd);
        var ids = new List<string>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<StoryVersion> StoryVersionAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE((SELECT version FROM story_versions WHERE story_id = @s), 0), COALESCE((SELECT version FROM story_entity_versions WHERE story_id = @s), 0)";
        cmd.AddValue("@s", storyId);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new StoryVersion(reader.GetInt64(0), reader.GetInt64(1)) : default;
    }

    public async Task<string?> CurrentStoryDocumentAsync(string storyId, bool why, string builtBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(builtBy);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT d.body FROM story_documents d
            WHERE d.story_id = @s AND d.why = @w AND d.built_by = @b
              AND d.version = COALESCE((SELECT version FROM story_versions WHERE story_id = @s), 0)
              AND d.entity_version = COALESCE((SELECT version FROM story_entity_versions WHERE story_id = @s), 0)
            """;
        cmd.AddValue("@s", storyId);
        cmd.AddValue("@w", why ? 1 : 0);
        cmd.AddValue("@b", builtBy);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] body ? Decompress(body) : null;
    }

    // A story's document runs to tens of kilobytes of JSON (its sentences quoted in claims, conflicts and figures);
    // Brotli at its fastest keeps it at about a sixth, for well under a millisecond each way.
    private static byte[] Compress(string json)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        return compressed.ToArray();
    }

    private static string Decompress(byte[] body)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public async Task<IReadOnlyList<string>> StoriesWithoutDocumentAsync(string builtBy, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builtBy);
        using var cmd = _connection.CreateCommand();
        // Walked in the order of the id index (which holds what lists read of a story, not its profile document), so
        // a page stops where it is full: a whole run reads each story once, however many pages it takes.
        cmd.CommandText = $"""
            SELECT s.id FROM stories s {_dialect.IndexedBy("stories_keys")}
            LEFT JOIN story_documents d ON d.story_id = s.id AND d.why = 0
            WHERE s.id > @after
              AND (d.story_id IS NULL OR d.built_by <> @b
               OR d.version <> COALESCE((SELECT version FROM story_versions WHERE story_id = s.id), 0)
               OR d.entity_version <> COALESCE((SELECT version FROM story_entity_versions WHERE story_id = s.id), 0))
            ORDER BY s.id
            LIMIT @n
            """;
        cmd.AddValue("@after", after ?? string.Empty);
        cmd.AddValue("@b", builtBy);
        cmd.AddValue("@n", Math.Max(1, limit));
        var ids = new List<string>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<bool> SaveStoryDocumentAsync(StoredStoryDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO story_documents (story_id, why, built_by, version, entity_version, body)
            SELECT @s, @w, @b, @v, @e, @body
            WHERE EXISTS (SELECT 1 FROM stories WHERE id = @s)
              AND COALESCE((SELECT version FROM story_versions WHERE story_id = @s), 0) = @v
              AND COALESCE((SELECT version FROM story_entity_versions WHERE story_id = @s), 0) = @e
            ON CONFLICT (story_id, why) DO UPDATE SET built_by = excluded.built_by, version = excluded.version, entity_version = excluded.entity_version, body = excluded.body
            """;
        cmd.AddValue("@s", document.StoryId);
        cmd.AddValue("@w", document.Why ? 1 : 0);
        cmd.AddValue("@b", document.BuiltBy);
        cmd.AddValue("@v", document.Version.Content);
        cmd.AddValue("@e", document.Version.Entities);
        cmd.AddValue("@body", Compress(document.Body));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<long> ChangeVersionAsync(CancellationToken cancellationToken = default)
        => await ScalarAsync<long>("SELECT version FROM store_version WHERE id = 1", cancellationToken).ConfigureAwait(false);

    public async Task<StoryMembership> ReadStoryMembershipAsync(CancellationToken cancellationToken = default)
    {
        // One read transaction: the version and the rows are of one commit, whoever writes meanwhile.
        await using var snapshot = await BeginReadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        long version;
        long articles;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = snapshot;
            cmd.CommandText = "SELECT (SELECT version FROM store_version WHERE id = 1), (SELECT COUNT(*) FROM articles)";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (version, articles) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var builder = new StoryMembership.Builder((int)Math.Min(articles, int.MaxValue));

        await ReadMembershipRowsAsync(snapshot, builder, cancellationToken).ConfigureAwait(false);
        await snapshot.CommitAsync(cancellationToken).ConfigureAwait(false);
        return builder.Build(version);
    }

    /// <summary>What a story membership is built from, in <paramref name="snapshot"/>: stories first, then articles and keys.</summary>
    protected virtual async Task ReadMembershipRowsAsync(DbTransaction snapshot, StoryMembership.Builder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (sql, row) in MembershipQueries(builder))
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = snapshot;
            cmd.CommandText = sql;
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row(reader);
            }
        }

        static string? NullableText(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

        IEnumerable<(string Sql, Action<DbDataReader> Row)> MembershipQueries(StoryMembership.Builder builder) =>
        [
            (MembershipSql.Stories, reader => builder.AddStory(reader.GetString(0), NullableText(reader, 1), NullableText(reader, 2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5) != 0)),
            (MembershipSql.Articles, reader => builder.AddArticle(reader.GetString(0), reader.GetString(1))),
            (MembershipSql.Keys, reader => builder.AddStoryKey(reader.GetString(0), reader.GetString(1), NullableText(reader, 2))),
        ];
    }

    /// <summary>The membership's reads, each from a covering index, never the article rows (their texts).</summary>
    protected (string Stories, string Articles, string Keys) MembershipSql => (
        $"SELECT id, first_date, last_date, article_count, source_count, recurring FROM stories {_dialect.IndexedBy("stories_keys")}",
        $"SELECT id, story_id FROM articles {_dialect.IndexedBy("articles_id_story")} WHERE story_id IS NOT NULL",
        $"SELECT DISTINCT story_id, lang, outlet_key FROM articles {_dialect.IndexedBy("articles_story_keys")} WHERE story_id IS NOT NULL");

    /// <summary>
    /// A read-only transaction whose statements all see one commit (PostgreSQL's repeatable read; SQLite overrides it
    /// with a deferred transaction, which takes no write lock).
    /// </summary>
    protected virtual async Task<DbTransaction> BeginReadSnapshotAsync(CancellationToken cancellationToken)
        => await _connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<StoredStory>> ListStoriesAsync(string columns, CancellationToken cancellationToken)
    {
        var profiles = await QueryProfilesAsync("SELECT profile FROM stories", null, cancellationToken).ConfigureAwait(false);
        var articles = await QueryArticlesAsync($"SELECT {columns} FROM articles WHERE story_id IS NOT NULL ORDER BY seq", null, cancellationToken).ConfigureAwait(false);
        var byStory = articles.GroupBy(a => a.StoryId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => OldestFirst(g), StringComparer.Ordinal);
        return profiles
            .Select(p => new StoredStory(p, byStory.GetValueOrDefault(p.Id) ?? []))
            .OrderByDescending(s => s.Articles.Count)
            .ThenByDescending(s => s.Profile.Last ?? DateOnly.MinValue)
            .ThenBy(s => s.Profile.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<StoredStory?> FindStoryAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var profiles = await QueryProfilesAsync("SELECT profile FROM stories WHERE id = @k", cmd => cmd.AddValue("@k", idOrPrefix), cancellationToken).ConfigureAwait(false);

        // A story merged into another, or emptied by moves, leads to where its articles went.
        if (profiles.Count == 0 && await CurrentStoryIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) is var current && current != idOrPrefix)
        {
            idOrPrefix = current;
            profiles = await QueryProfilesAsync("SELECT profile FROM stories WHERE id = @k", cmd => cmd.AddValue("@k", idOrPrefix), cancellationToken).ConfigureAwait(false);
        }

        if (profiles.Count == 0)
        {
            profiles = await QueryProfilesAsync($"SELECT profile FROM stories WHERE {_dialect.StartsWith("id", "@k")} LIMIT 2", cmd => cmd.AddValue("@k", idOrPrefix), cancellationToken).ConfigureAwait(false);
        }

        if (profiles.Count != 1)
        {
            return null;
        }

        var articles = await QueryArticlesAsync($"SELECT {ArticleColumns} FROM articles WHERE story_id = @s ORDER BY seq", cmd => cmd.AddValue("@s", profiles[0].Id), cancellationToken).ConfigureAwait(false);
        return new StoredStory(profiles[0], OldestFirst(articles));
    }

    private static List<StoredArticle> OldestFirst(IEnumerable<StoredArticle> articles)
        => articles.OrderBy(a => a.Date?.Start ?? DateOnly.MaxValue).ThenBy(a => a.Sequence).ToList();

    public async Task<IReadOnlySet<string>> FindExistingContentKeysAsync(IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentKeys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in contentKeys.Chunk(500))
        {
            using var cmd = _connection.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@k" + i.ToString(CultureInfo.InvariantCulture);
                cmd.AddValue(names[i], chunk[i]);
            }

            cmd.CommandText = $"SELECT content_key FROM articles WHERE content_key IN ({string.Join(',', names)})";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<StoryProfile>> LoadStoryProfilesAsync(DateOnly from, DateOnly to, Func<string, bool>? skip = null, CancellationToken cancellationToken = default)
    {
        // Ingest asks once per chunk and holds most of the window already: the id is read first, so that a profile it
        // holds is never read or parsed again.
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, profile FROM stories WHERE first_date IS NULL OR (last_date >= @from AND first_date <= @to)";
        cmd.AddValue("@from", Iso(from));
        cmd.AddValue("@to", Iso(to));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoryProfile>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (skip is null || !skip(reader.GetString(0)))
            {
                list.Add(StoryProfileCodec.Read(reader.GetValue(1)));
            }
        }

        return list;
    }

    public async Task<TermStatistics> LoadTermStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var documents = (int)await ScalarAsync<long>("SELECT value FROM corpus WHERE key = 'documents'", cancellationToken).ConfigureAwait(false);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT term, df FROM term_df";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            df[reader.GetString(0)] = reader.GetInt32(1);
        }

        return new TermStatistics(df, documents);
    }

    public async Task<IStoreBatch> BeginBatchAsync(CancellationToken cancellationToken = default)
    {
        var tx = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM articles";
        var seq = (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new RelationalStoreBatch(_connection, tx, seq, _dialect);
    }

    public async Task<IReadOnlyList<StoredEntity>> ListEntitiesAsync(int limit, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, type, name, mentions, variants FROM entities WHERE id NOT IN (SELECT from_id FROM entity_aliases) ORDER BY mentions DESC, id LIMIT @n";
        cmd.AddValue("@n", limit);
        return await ReadEntitiesAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountEntitiesAsync(CancellationToken cancellationToken = default)
        => (int)await ScalarAsync<long>("SELECT COUNT(*) FROM entities WHERE id NOT IN (SELECT from_id FROM entity_aliases)", cancellationToken).ConfigureAwait(false);

    public async Task<EntityLookup> LookupEntityAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        var query = idOrName.Trim();
        if (await LiveEntityAsync(await CurrentEntityIdAsync(query, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) is { } byId)
        {
            return EntityLookup.Found(byId);
        }

        // A name's exact matches share its blocking key (the type and the first letters of its first part), so they are
        // looked up through the block index; only a name with no exact match reads every entity, for the near misses.
        var blocks = EntityTypes.All.SelectMany(type => Chorus.Core.Entities.EntityBlocks.Of(type, query)).Distinct(StringComparer.Ordinal).ToList();
        if (blocks.Count > 0)
        {
            using var blocked = _connection.CreateCommand();
            var names = blocks.Select((_, i) => "@b" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            blocked.CommandText = $"SELECT id, type, name, mentions, variants FROM entities WHERE id IN (SELECT entity_id FROM entity_blocks WHERE block IN ({string.Join(',', names)})) AND id NOT IN (SELECT from_id FROM entity_aliases)";
            for (var i = 0; i < blocks.Count; i++)
            {
                blocked.AddValue(names[i], blocks[i]);
            }

            var narrowed = EntityLookup.ByName(query, await ReadEntitiesAsync(blocked, cancellationToken).ConfigureAwait(false));
            if (narrowed.Match is not null || narrowed.Ambiguous)
            {
                return narrowed;
            }
        }

        using var all = _connection.CreateCommand();
        all.CommandText = "SELECT id, type, name, mentions, variants FROM entities WHERE id NOT IN (SELECT from_id FROM entity_aliases)";
        return EntityLookup.ByName(query, await ReadEntitiesAsync(all, cancellationToken).ConfigureAwait(false));
    }

    public async Task<StoredEntity?> FindEntityAsync(string idOrName, CancellationToken cancellationToken = default)
        => (await LookupEntityAsync(idOrName, cancellationToken).ConfigureAwait(false)).Match;

    /// <summary>The entity with this id, unless it was merged away.</summary>
    private async Task<StoredEntity?> LiveEntityAsync(string id, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, type, name, mentions, variants FROM entities WHERE id = @k AND id NOT IN (SELECT from_id FROM entity_aliases)";
        cmd.AddValue("@k", id);
        return (await ReadEntitiesAsync(cmd, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    private Task<string> CurrentEntityIdAsync(string id, CancellationToken cancellationToken)
        => FollowAliasesAsync("SELECT to_id FROM entity_aliases WHERE from_id = @k", id, cancellationToken);

    /// <summary>Where an id leads through an alias table (merged-away ids), a bounded number of hops.</summary>
    private async Task<string> FollowAliasesAsync(string sql, string id, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < Chorus.Core.Entities.EntityIds.MaxAliasHops; hops++)
        {
            var target = await ScalarAsync<string?>(sql, cancellationToken, ("@k", id)).ConfigureAwait(false);
            if (target is null)
            {
                break;
            }

            id = target;
        }

        return id;
    }

    public async Task<IReadOnlyList<EntityOccurrence>> EntityOccurrencesAsync(string entityId, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT entity_id, article_id, type, local_name, mentions FROM entity_occurrences WHERE entity_id = @e ORDER BY article_id";
        cmd.AddValue("@e", entityId);
        return await ReadOccurrencesAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EntityArticles> EntityArticlesAsync(string entityId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        // Totals, months and the newest-first order are kept beside the occurrences by the store's triggers
        // (entity_totals, entity_months, entity_articles), so a page costs its own rows whatever the entity's size.
        var (articleTotal, storyTotal) = (0, 0);
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT articles, stories FROM entity_totals WHERE entity_id = @e";
            cmd.AddValue("@e", entityId);
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (articleTotal, storyTotal) = (reader.GetInt32(0), reader.GetInt32(1));
            }
        }

        if (limit <= 0)
        {
            return new EntityArticles(articleTotal, storyTotal, [], [], []);
        }

        var months = new List<MonthCount>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT month, articles FROM entity_months WHERE entity_id = @e ORDER BY month";
            cmd.AddValue("@e", entityId);
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                months.Add(new MonthCount(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var pageIds = new List<string>();
        using (var cmd = _connection.CreateCommand())
        {
            // Dates are ISO text of a year, month or day, so text order is date order; undated last.
            cmd.CommandText = "SELECT article_id FROM entity_articles WHERE entity_id = @e ORDER BY date DESC NULLS LAST, seq DESC LIMIT @n OFFSET @o";
            cmd.AddValue("@e", entityId);
            cmd.AddValue("@n", limit);
            cmd.AddValue("@o", Math.Max(0, offset));
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pageIds.Add(reader.GetString(0));
            }
        }

        var storyPage = await EntityStoryPageAsync(entityId, offset, limit, (double)articleTotal / Math.Max(1, storyTotal), cancellationToken).ConfigureAwait(false);
        return new EntityArticles(articleTotal, storyTotal, pageIds, storyPage, months);
    }

    /// <summary>
    /// An entity's stories in the order of its article list (newest first, then the one stored last): each story at its
    /// newest article there, a page of them. The entity's articles are walked in that order until the page is full, so
    /// a page costs its own stories' rows whatever the entity's size. (Stories whose newest articles share a date were
    /// ordered by id before, which made the walk read every article of the page's last date: at 1M articles, dozens a
    /// day for a common name.) Each row holds its article's story (kept by the store's triggers), so the walk reads the
    /// entity's newest-first index alone.
    /// </summary>
    /// <param name="articlesPerStory">The entity's articles per story (its kept totals): how many rows a page of stories takes.</param>
    private async Task<List<string>> EntityStoryPageAsync(string entityId, int offset, int limit, double articlesPerStory, CancellationToken cancellationToken)
    {
        var wanted = (long)Math.Max(0, offset) + limit;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<string>();
        // Rows in growing slices (a driver reads a result to its end when a reader is closed early; a slice after the
        // first reads the rows it skips again): the first a quarter more than the page's stories take at the entity's
        // articles per story, so one slice nearly always fills the page; each next one twice the last.
        var (read, slice) = (0L, (long)Math.Clamp(Math.Ceiling(wanted * Math.Max(1, articlesPerStory) * 1.25), 16, long.MaxValue / 4));
        while (seen.Count < wanted)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT story_id FROM entity_articles WHERE entity_id = @e AND story_id IS NOT NULL ORDER BY date DESC NULLS LAST, seq DESC LIMIT @n OFFSET @o";
            cmd.AddValue("@e", entityId);
            cmd.AddValue("@n", slice);
            cmd.AddValue("@o", read);
            var rows = 0L;
            using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    var story = reader.GetString(0);
                    if (seen.Count < wanted && seen.Add(story) && seen.Count > offset)
                    {
                        page.Add(story);
                    }
                }
            }

            if (rows < slice)
            {
                break;
            }

            (read, slice) = (read + slice, slice * 2);
        }

        return page;
    }

    public async Task<IReadOnlyList<EntityOccurrence>> ArticleEntitiesAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var result = new List<EntityOccurrence>();
        foreach (var chunk in articleIds.Chunk(500))
        {
            using var cmd = _connection.CreateCommand();
            var names = chunk.Select((id, i) =>
            {
                var n = "@a" + i.ToString(CultureInfo.InvariantCulture);
                cmd.AddValue(n, id);
                return n;
            }).ToList();
            cmd.CommandText = $"SELECT o.entity_id, o.article_id, o.type, o.local_name, o.mentions FROM entity_occurrences o WHERE o.article_id IN ({string.Join(',', names)})";
            result.AddRange(await ReadOccurrencesAsync(cmd, cancellationToken).ConfigureAwait(false));
        }

        // Occurrences recorded before a merge point at the merged-away id; report where it lives now. Only the ids
        // found are looked up, a hop at a time for all of them (reading the whole alias table made every list
        // request grow with the archive's corrections).
        var current = result.Select(o => o.EntityId).Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => id, StringComparer.Ordinal);
        var open = current.Keys.ToList();
        for (var hops = 0; hops < Chorus.Core.Entities.EntityIds.MaxAliasHops && open.Count > 0; hops++)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT from_id, to_id FROM entity_aliases WHERE from_id IN ({_dialect.SelectJsonTexts("@ids")})";
                cmd.AddValue("@ids", JsonSerializer.Serialize(open.Select(id => current[id]).Distinct(StringComparer.Ordinal)));
                using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    next[reader.GetString(0)] = reader.GetString(1);
                }
            }

            open = [.. open.Where(id => next.ContainsKey(current[id]))];
            foreach (var id in open)
            {
                current[id] = next[current[id]];
            }
        }

        string Current(string id) => current[id];

        return result.Select(o => o with { EntityId = Current(o.EntityId) }).ToList();
    }

    public async Task ApplyStoryCorrectionAsync(StoryCorrection correction, IReadOnlyDictionary<string, string> articleStories, IReadOnlyList<StoryProfile> profiles, IReadOnlyList<string> removedStories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(articleStories);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(removedStories);
        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var (article, story) in articleStories)
            {
                await batch.ExecuteAsync("UPDATE articles SET story_id = @s WHERE id = @a", ("@s", story), ("@a", article)).ConfigureAwait(false);
                batch.Touch(story);
            }

            foreach (var profile in profiles)
            {
                // A story id made again (the same split after an undo) is a story, not a way to another one.
                await batch.ExecuteAsync("DELETE FROM story_aliases WHERE from_id = @s", ("@s", profile.Id)).ConfigureAwait(false);
                await batch.SaveStoryAsync(profile, cancellationToken).ConfigureAwait(false);
            }

            foreach (var removed in removedStories)
            {
                await batch.ExecuteAsync(
                    "DELETE FROM stories WHERE id = @r; UPDATE story_aliases SET to_id = @t WHERE to_id = @r; INSERT INTO story_aliases (from_id, to_id) VALUES (@r, @t) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id;",
                    ("@r", removed),
                    ("@t", correction.TargetId)).ConfigureAwait(false);
            }

            await batch.ExecuteAsync(
                "INSERT INTO story_corrections (kind, story_id, target_id, articles, created_at, previous) VALUES (@k, @s, @t, @a, @at, NULLIF(@p, 'null'))",
                ("@k", StoryCorrectionKinds.Name(correction.Kind)),
                ("@s", correction.StoryId),
                ("@t", correction.TargetId),
                ("@a", System.Text.Json.JsonSerializer.Serialize(correction.Articles)),
                ("@p", System.Text.Json.JsonSerializer.Serialize(correction.Previous)),
                ("@at", correction.At.ToString("O", CultureInfo.InvariantCulture))).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoryCorrection>> StoryCorrectionsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoryCorrectionColumns} FROM story_corrections WHERE story_id = @s OR target_id = @s ORDER BY seq";
        cmd.AddValue("@s", storyId);
        return await ReadStoryCorrectionsAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryCorrection>> AllStoryCorrectionsAsync(CancellationToken cancellationToken = default)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoryCorrectionColumns} FROM story_corrections ORDER BY seq DESC";
        return await ReadStoryCorrectionsAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    private const string StoryCorrectionColumns = "kind, story_id, target_id, articles, created_at, previous, seq, undone_at";

    private static async Task<List<StoryCorrection>> ReadStoryCorrectionsAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
        var result = new List<StoryCorrection>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!StoryCorrectionKinds.TryParse(reader.GetString(0), out var kind))
            {
                throw new InvalidDataException($"story_corrections: unknown kind '{reader.GetString(0)}' (written by a newer Chorus?)");
            }

            result.Add(new StoryCorrection(
                kind,
                reader.GetString(1),
                reader.GetString(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)),
                reader.GetInt64(6),
                reader.IsDBNull(7) ? null : DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    public async Task UndoStoryCorrectionAsync(long seq, IReadOnlyDictionary<string, string> articleStories, IReadOnlyList<StoryProfile> profiles, IReadOnlyList<string> restoredStories, IReadOnlyList<(string Removed, string LeadsTo)> removedStories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleStories);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(restoredStories);
        ArgumentNullException.ThrowIfNull(removedStories);
        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var restored in restoredStories)
            {
                await batch.ExecuteAsync("DELETE FROM story_aliases WHERE from_id = @r", ("@r", restored)).ConfigureAwait(false);
            }

            foreach (var (article, story) in articleStories)
            {
                await batch.ExecuteAsync("UPDATE articles SET story_id = @s WHERE id = @a", ("@s", story), ("@a", article)).ConfigureAwait(false);
                batch.Touch(story);
            }

            foreach (var profile in profiles)
            {
                await batch.SaveStoryAsync(profile, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (removed, leadsTo) in removedStories)
            {
                await batch.ExecuteAsync(
                    "DELETE FROM stories WHERE id = @r; UPDATE story_aliases SET to_id = @t WHERE to_id = @r; INSERT INTO story_aliases (from_id, to_id) VALUES (@r, @t) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id;",
                    ("@r", removed),
                    ("@t", leadsTo)).ConfigureAwait(false);
            }

            await batch.ExecuteAsync("UPDATE story_corrections SET undone_at = @at WHERE seq = @s", ("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("@s", seq)).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<(string A, string B)>> StoriesKeptApartAsync(CancellationToken cancellationToken = default)
    {
        var raw = new List<(string, string)>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT story_id, target_id FROM story_corrections WHERE kind IN ('split', 'move') AND undone_at IS NULL ORDER BY seq";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                raw.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var result = new List<(string A, string B)>(raw.Count);
        foreach (var (a, b) in raw)
        {
            var (ca, cb) = (await CurrentStoryIdAsync(a, cancellationToken).ConfigureAwait(false), await CurrentStoryIdAsync(b, cancellationToken).ConfigureAwait(false));
            if (ca != cb)
            {
                result.Add((ca, cb));
            }
        }

        return result;
    }

    private Task<string> CurrentStoryIdAsync(string id, CancellationToken cancellationToken)
        => FollowAliasesAsync("SELECT to_id FROM story_aliases WHERE from_id = @k", id, cancellationToken);

    public async Task<EntityCorrectionOutcome> MergeEntitiesAsync(string keptId, string mergedId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keptId);
        ArgumentNullException.ThrowIfNull(mergedId);
        var kept = await LiveEntityAsync(keptId, cancellationToken).ConfigureAwait(false);
        var merged = await LiveEntityAsync(mergedId, cancellationToken).ConfigureAwait(false);
        if (kept is null || merged is null)
        {
            return EntityCorrectionOutcome.Failed($"no entity with id '{(kept is null ? keptId : mergedId)}'");
        }

        if (kept.Id == merged.Id)
        {
            return EntityCorrectionOutcome.Failed($"'{kept.Name}' and '{merged.Name}' are the same entity ({kept.Id})");
        }

        var occurrences = await EntityOccurrencesAsync(merged.Id, cancellationToken).ConfigureAwait(false);
        var mergedBlocks = await EntityBlocksAsync(merged.Id, cancellationToken).ConfigureAwait(false);
        var keptBlocks = await EntityBlocksAsync(kept.Id, cancellationToken).ConfigureAwait(false);
        var undo = new MergeUndo(
            EntitySnapshot.Of(merged),
            [.. occurrences.Select(o => new[] { o.ArticleId, o.Type.Code(), o.LocalName })],
            mergedBlocks,
            [.. mergedBlocks.Except(keptBlocks, StringComparer.Ordinal)],
            await EntityPinsAsync(merged.Id, cancellationToken).ConfigureAwait(false));
        foreach (var (v, c) in merged.Variants)
        {
            kept.Variants[v] = kept.Variants.GetValueOrDefault(v) + c;
        }

        kept.Mentions += merged.Mentions;
        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            await batch.SaveEntityAsync(kept, [], cancellationToken).ConfigureAwait(false);
            await batch.ExecuteAsync("UPDATE entity_occurrences SET entity_id = @k WHERE entity_id = @m; UPDATE entity_blocks SET entity_id = @k WHERE entity_id = @m AND block NOT IN (SELECT block FROM entity_blocks WHERE entity_id = @k); DELETE FROM entity_blocks WHERE entity_id = @m; INSERT INTO entity_aliases (from_id, to_id) VALUES (@m, @k) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id; DELETE FROM entity_pins WHERE entity_id = @m;", ("@k", kept.Id), ("@m", merged.Id)).ConfigureAwait(false);
            await LogEntityCorrectionAsync(batch, EntityCorrectionKind.Merge, kept.Id, merged.Id, null, occurrences.Count, JsonSerializer.Serialize(undo, StoreJson.Options)).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new EntityCorrectionOutcome((await EntityCorrectionRowsAsync(cancellationToken, limit: 1).ConfigureAwait(false))[0].Correction, null);
    }

    public async Task<EntityCorrectionOutcome> SplitEntityAsync(string entityId, string variant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        ArgumentNullException.ThrowIfNull(variant);
        var entity = await LiveEntityAsync(entityId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return EntityCorrectionOutcome.Failed($"no entity with id '{entityId}'");
        }

        if (!entity.Variants.TryGetValue(variant, out var count))
        {
            return EntityCorrectionOutcome.Failed($"entity '{entity.Name}' has no variant '{variant}' (it has: {string.Join(", ", entity.Variants.Keys)})");
        }

        if (entity.Variants.Count == 1)
        {
            return EntityCorrectionOutcome.Failed($"'{variant}' is the only variant of '{entity.Name}': there is nothing to split it from");
        }

        var newEntity = new StoredEntity { Id = Chorus.Core.Entities.EntityIds.Provisional(entity.Type, variant + "#split-from-" + entity.Id), Type = entity.Type, Name = variant, Mentions = count };
        newEntity.Variants[variant] = count;
        entity.Variants.Remove(variant);
        entity.Mentions -= count;
        var originalName = entity.Name;
        if (entity.Name == variant)
        {
            entity.Name = entity.Variants.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
        }

        var moved = (await EntityOccurrencesAsync(entity.Id, cancellationToken).ConfigureAwait(false)).Count(o => o.LocalName == variant);
        var previousPin = await ScalarAsync<string?>("SELECT entity_id FROM entity_pins WHERE type = @t AND name = @v", cancellationToken, ("@t", entity.Type.Code()), ("@v", variant)).ConfigureAwait(false);
        var undo = new SplitUndo(previousPin, originalName);
        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            // The same split made again after an undo gets the same id back: it must not lead elsewhere any more.
            await batch.ExecuteAsync("DELETE FROM entity_aliases WHERE from_id = @n", ("@n", newEntity.Id)).ConfigureAwait(false);
            await batch.SaveEntityAsync(entity, [], cancellationToken).ConfigureAwait(false);
            await batch.SaveEntityAsync(newEntity, Chorus.Core.Entities.EntityBlocks.Of(newEntity.Type, variant).Append(Chorus.Core.Entities.EntityBlocks.OfId(newEntity.Id)).ToList(), cancellationToken).ConfigureAwait(false);
            await batch.ExecuteAsync("UPDATE entity_occurrences SET entity_id = @n WHERE entity_id = @e AND local_name = @v; INSERT INTO entity_pins (type, name, entity_id) VALUES (@t, @v, @n) ON CONFLICT (type, name) DO UPDATE SET entity_id = excluded.entity_id;", ("@n", newEntity.Id), ("@e", entity.Id), ("@v", variant), ("@t", entity.Type.Code())).ConfigureAwait(false);
            await LogEntityCorrectionAsync(batch, EntityCorrectionKind.Split, entity.Id, newEntity.Id, variant, moved, JsonSerializer.Serialize(undo, StoreJson.Options)).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new EntityCorrectionOutcome((await EntityCorrectionRowsAsync(cancellationToken, limit: 1).ConfigureAwait(false))[0].Correction, null);
    }

    public async Task<IReadOnlyList<EntityCorrection>> EntityCorrectionsAsync(CancellationToken cancellationToken = default)
        => [.. (await EntityCorrectionRowsAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Correction)];

    public async Task<EntityCorrectionOutcome> UndoEntityCorrectionAsync(long? seq, CancellationToken cancellationToken = default)
    {
        var rows = await EntityCorrectionRowsAsync(cancellationToken).ConfigureAwait(false);
        var inForce = rows.Where(r => r.Correction.UndoneAt is null).ToList();
        var row = seq is null ? inForce.FirstOrDefault() : rows.FirstOrDefault(r => r.Correction.Seq == seq);
        if (row.Correction is null)
        {
            return EntityCorrectionOutcome.Failed(seq is null ? "no entity correction to undo" : $"no entity correction #{seq}");
        }

        var c = row.Correction;
        if (c.UndoneAt is not null)
        {
            return EntityCorrectionOutcome.Failed($"entity correction #{c.Seq} was undone already ({c.UndoneAt:u})");
        }

        var touched = new[] { c.EntityId, c.OtherId };
        if (inForce.FirstOrDefault(r => r.Correction.Seq > c.Seq && (touched.Contains(r.Correction.EntityId) || touched.Contains(r.Correction.OtherId))) is { Correction: { } later })
        {
            return EntityCorrectionOutcome.Failed($"entity correction #{later.Seq} ({later.Kind.ToString().ToLowerInvariant()}) came later and touches the same entities: undo it first");
        }

        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            var error = c.Kind == EntityCorrectionKind.Merge
                ? await UndoMergeAsync(batch, c, JsonSerializer.Deserialize<MergeUndo>(row.Undo, StoreJson.Options)!, cancellationToken).ConfigureAwait(false)
                : await UndoSplitAsync(batch, c, JsonSerializer.Deserialize<SplitUndo>(row.Undo, StoreJson.Options)!, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return EntityCorrectionOutcome.Failed(error);
            }

            var at = DateTimeOffset.UtcNow;
            await batch.ExecuteAsync("UPDATE entity_corrections SET undone_at = @at WHERE seq = @s", ("@at", at.ToString("O", CultureInfo.InvariantCulture)), ("@s", c.Seq)).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new EntityCorrectionOutcome(c with { UndoneAt = at }, null);
        }
    }

    // A merge is taken back exactly: the merged entity as it was, the occurrences it brought, its blocks and pins.
    // What later ingests linked to the kept entity stays there: those articles were linked after the merge.
    private async Task<string?> UndoMergeAsync(RelationalStoreBatch batch, EntityCorrection c, MergeUndo undo, CancellationToken cancellationToken)
    {
        var kept = await LiveEntityAsync(c.EntityId, cancellationToken).ConfigureAwait(false);
        if (kept is null)
        {
            return $"entity '{c.EntityId}' is gone";
        }

        var merged = undo.Merged.ToEntity();
        foreach (var (v, n) in merged.Variants)
        {
            var left = kept.Variants.GetValueOrDefault(v) - n;
            if (left > 0)
            {
                kept.Variants[v] = left;
            }
            else
            {
                kept.Variants.Remove(v);
            }
        }

        kept.Mentions = Math.Max(0, kept.Mentions - merged.Mentions);
        await batch.ExecuteAsync("DELETE FROM entity_aliases WHERE from_id = @m", ("@m", merged.Id)).ConfigureAwait(false);
        foreach (var o in undo.Occurrences)
        {
            await batch.ExecuteAsync("UPDATE entity_occurrences SET entity_id = @m WHERE article_id = @a AND type = @t AND local_name = @l AND entity_id = @k", ("@m", merged.Id), ("@a", o[0]), ("@t", o[1]), ("@l", o[2]), ("@k", kept.Id)).ConfigureAwait(false);
        }

        foreach (var block in undo.BlocksMovedToKept)
        {
            await batch.ExecuteAsync("DELETE FROM entity_blocks WHERE entity_id = @k AND block = @b", ("@k", kept.Id), ("@b", block)).ConfigureAwait(false);
        }

        foreach (var pin in undo.Pins)
        {
            await batch.ExecuteAsync("INSERT INTO entity_pins (type, name, entity_id) VALUES (@t, @n, @m) ON CONFLICT (type, name) DO UPDATE SET entity_id = excluded.entity_id", ("@t", pin[0]), ("@n", pin[1]), ("@m", merged.Id)).ConfigureAwait(false);
        }

        await batch.SaveEntityAsync(kept, [], cancellationToken).ConfigureAwait(false);
        await batch.SaveEntityAsync(merged, undo.Blocks, cancellationToken).ConfigureAwait(false);
        return null;
    }

    // A split is taken back by merging the new entity into the one it came from, with whatever later ingests
    // pinned to it; its id then leads there.
    private async Task<string?> UndoSplitAsync(RelationalStoreBatch batch, EntityCorrection c, SplitUndo undo, CancellationToken cancellationToken)
    {
        var original = await LiveEntityAsync(c.EntityId, cancellationToken).ConfigureAwait(false);
        var created = await LiveEntityAsync(c.OtherId, cancellationToken).ConfigureAwait(false);
        if (original is null || created is null)
        {
            return $"entity '{(original is null ? c.EntityId : c.OtherId)}' is gone";
        }

        foreach (var (v, n) in created.Variants)
        {
            original.Variants[v] = original.Variants.GetValueOrDefault(v) + n;
        }

        original.Mentions += created.Mentions;
        original.Name = undo.OriginalName ?? original.Name;
        await batch.ExecuteAsync(
            "UPDATE entity_occurrences SET entity_id = @o WHERE entity_id = @n; DELETE FROM entity_blocks WHERE entity_id = @n; DELETE FROM entity_pins WHERE entity_id = @n; DELETE FROM entities WHERE id = @n; INSERT INTO entity_aliases (from_id, to_id) VALUES (@n, @o) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id;",
            ("@o", original.Id),
            ("@n", created.Id)).ConfigureAwait(false);
        if (undo.PreviousPin is { } pinned && c.Variant is { } variant)
        {
            await batch.ExecuteAsync("INSERT INTO entity_pins (type, name, entity_id) VALUES (@t, @v, @e) ON CONFLICT (type, name) DO UPDATE SET entity_id = excluded.entity_id", ("@t", original.Type.Code()), ("@v", variant), ("@e", pinned)).ConfigureAwait(false);
        }

        await batch.SaveEntityAsync(original, [], cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static Task LogEntityCorrectionAsync(RelationalStoreBatch batch, EntityCorrectionKind kind, string entityId, string otherId, string? variant, int moved, string undo)
        => batch.ExecuteAsync(
            "INSERT INTO entity_corrections (kind, entity_id, other_id, variant, moved, undo, created_at) VALUES (@k, @e, @o, NULLIF(@v, ''), @n, @u, @at)",
            ("@k", kind.ToString().ToLowerInvariant()),
            ("@e", entityId),
            ("@o", otherId),
            ("@v", variant ?? string.Empty),
            ("@n", moved),
            ("@u", undo),
            ("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Newest first; the whole log when <paramref name="limit"/> is null.</summary>
    private async Task<List<(EntityCorrection Correction, string Undo)>> EntityCorrectionRowsAsync(CancellationToken cancellationToken, int? limit = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT seq, kind, entity_id, other_id, variant, moved, undo, created_at, undone_at FROM entity_corrections ORDER BY seq DESC" + (limit is null ? string.Empty : " LIMIT @limit");
        if (limit is { } n)
        {
            cmd.AddValue("@limit", n);
        }
        var rows = new List<(EntityCorrection, string)>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((
                new EntityCorrection(
                    reader.GetInt64(0),
                    reader.GetString(1) == "merge" ? EntityCorrectionKind.Merge : EntityCorrectionKind.Split,
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetInt32(5),
                    DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
                    reader.IsDBNull(8) ? null : DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)),
                reader.GetString(6)));
        }

        return rows;
    }

    private async Task<List<string>> EntityBlocksAsync(string entityId, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT block FROM entity_blocks WHERE entity_id = @e ORDER BY block";
        cmd.AddValue("@e", entityId);
        var blocks = new List<string>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            blocks.Add(reader.GetString(0));
        }

        return blocks;
    }

    private async Task<List<string[]>> EntityPinsAsync(string entityId, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT type, name FROM entity_pins WHERE entity_id = @e ORDER BY type, name";
        cmd.AddValue("@e", entityId);
        var pins = new List<string[]>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pins.Add([reader.GetString(0), reader.GetString(1)]);
        }

        return pins;
    }

    private sealed record EntitySnapshot(string Id, string Type, string Name, int Mentions, Dictionary<string, int> Variants)
    {
        public static EntitySnapshot Of(StoredEntity e) => new(e.Id, e.Type.Code(), e.Name, e.Mentions, new Dictionary<string, int>(e.Variants, StringComparer.Ordinal));

        public StoredEntity ToEntity()
        {
            var entity = new StoredEntity { Id = Id, Type = EntityTypes.ParseStored(Type, "entity_corrections.undo"), Name = Name, Mentions = Mentions };
            foreach (var (v, n) in Variants)
            {
                entity.Variants[v] = n;
            }

            return entity;
        }
    }

    // What takes a correction back, kept as JSON beside it.
    private sealed record MergeUndo(EntitySnapshot Merged, List<string[]> Occurrences, List<string> Blocks, List<string> BlocksMovedToKept, List<string[]> Pins);

    private sealed record SplitUndo(string? PreviousPin, string? OriginalName);

    internal static async Task<List<StoredEntity>> ReadEntitiesAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<StoredEntity>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadEntity(reader));
        }

        return list;
    }

    /// <summary>An entity from a row whose first columns are id, type, name, mentions, variants.</summary>
    internal static StoredEntity ReadEntity(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Type = EntityTypes.ParseStored(reader.GetString(1), "entities.type"),
        Name = reader.GetString(2),
        Mentions = reader.GetInt32(3),
        Variants = StoreJson.DeserializeVariants(reader.GetString(4)),
    };

    private static async Task<List<EntityOccurrence>> ReadOccurrencesAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<EntityOccurrence>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new EntityOccurrence(reader.GetString(0), reader.GetString(1), EntityTypes.ParseStored(reader.GetString(2), "entity_occurrences.type"), reader.GetString(3), reader.GetInt32(4)));
        }

        return list;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<StoredArticle>> QueryArticlesAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        bind?.Invoke(cmd);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredArticle>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadArticle(reader));
        }

        return list;
    }

    private async Task<IReadOnlyList<StoryProfile>> QueryProfilesAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        bind?.Invoke(cmd);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoryProfile>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoryProfileCodec.Read(reader.GetValue(0)));
        }

        return list;
    }

    /// <summary>Profiles for lists: id, title, dates and article count from the story row, no vectors.</summary>
    private async Task<IReadOnlyList<StoryProfile>> QueryListProfilesAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        bind(cmd);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoryProfile>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoryProfile
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                First = reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Last = reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ArticleCount = reader.GetInt32(4),
            });
        }

        return list;
    }

    private static StoredArticle ReadArticle(DbDataReader r)
    {
        string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var dateText = Str(5);
        var date = dateText is null ? default : PartialDate.Parse(dateText);
        return new StoredArticle
        {
            Id = r.GetString(0),
            Sequence = r.GetInt64(1),
            Ref = r.GetString(2),
            ContentKey = r.GetString(3),
            Source = Str(4),
            Date = dateText is not null && date.Success ? date.Value : null,
            Lang = r.GetString(6),
            Title = Str(7),
            Text = r.GetString(8),
            Url = Str(9),
            ExternalId = Str(10),
            DuplicateOf = Str(11),
            StoryId = Str(12),
            Assignment = StoreJson.DeserializeAssignment(Str(13)),
            Signature = r.IsDBNull(14) ? null : Chorus.Core.Stories.MinHasher.FromBytes((byte[])r[14]),
            SummaryOnly = Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture) != 0,
        };
    }

    /// <summary>
    /// Counts the independent sources of stories stored before the store counted them (a -1 left by the migration that
    /// added the count): each article's outlet key first, then each such story's count, in one batch. Idempotent, so
    /// two processes opening an old store at once both end with the same counts.
    /// </summary>
    protected async Task CountUncountedSourcesAsync(CancellationToken cancellationToken)
    {
        if (!await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM stories WHERE source_count < 0)", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var keys = new List<(string Id, string Key)>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, source, url FROM articles WHERE outlet_key IS NULL AND (source IS NOT NULL OR url IS NOT NULL)";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Chorus.Core.Outlets.OutletNames.Key(reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)) is { } key)
                {
                    keys.Add((reader.GetString(0), key));
                }
            }
        }

        var batch = (RelationalStoreBatch)await BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var (id, key) in keys)
            {
                await batch.ExecuteAsync("UPDATE articles SET outlet_key = @k WHERE id = @a", ("@k", key), ("@a", id)).ConfigureAwait(false);
            }

            await batch.ExecuteAsync($"UPDATE stories SET source_count = {RelationalStoreBatch.SourceCountSql}, recurring = {RelationalStoreBatch.RecurringSql} WHERE source_count < 0").ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, given) in parameters)
        {
            cmd.AddValue(name, given);
        }

        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }
}
