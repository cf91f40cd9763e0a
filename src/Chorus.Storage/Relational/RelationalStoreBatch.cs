using Chorus.Core.Analysis;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Chorus.Core.Store;
using Chorus.Core.Stories;

namespace Chorus.Storage.Relational;

/// <summary>One transaction of an ingest. Disposing it without <see cref="CommitAsync"/> rolls everything back.</summary>
internal sealed class RelationalStoreBatch : IStoreBatch
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private long _sequence;
    private bool _committed;

    // Stories whose articles changed in this batch: their independent sources are counted again before it commits.
    private readonly HashSet<string> _touchedStories = new(StringComparer.Ordinal);

    public RelationalStoreBatch(DbConnection connection, DbTransaction transaction, long sequence, SqlDialect dialect)
    {
        _dialect = dialect;
        _connection = connection;
        _transaction = transaction;
        _sequence = sequence;
    }

    public async Task<IReadOnlyList<NearDuplicateCandidate>> FindNearDuplicateCandidatesAsync(IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bandKeys);
        await WritePendingArticlesAsync(cancellationToken).ConfigureAwait(false);
        // A batch asks once for all its articles' bands: in statements of at most 1,000 parameters, an article found
        // under bands of two statements is one candidate with the bands of both.
        var found = new Dictionary<string, (NearDuplicateCandidate Candidate, List<long> Bands)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var chunk in bandKeys.Distinct().Chunk(1000))
        {
            using var cmd = Command();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@b" + i.ToString(CultureInfo.InvariantCulture);
                cmd.AddValue(names[i], chunk[i]);
            }

            cmd.CommandText = $"""
                SELECT a.id, a.story_id, a.duplicate_of, a.signature, {_dialect.OrderedJsonArray("b.band", "b.band")}
                FROM article_bands b JOIN articles a ON a.id = b.article_id
                WHERE b.band IN ({string.Join(',', names)}) AND a.signature IS NOT NULL
                GROUP BY a.id, a.story_id, a.duplicate_of, a.signature
                """;
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                var bands = System.Text.Json.JsonSerializer.Deserialize<long[]>(reader.GetString(4)) ?? [];
                if (found.TryGetValue(id, out var seen))
                {
                    seen.Bands.AddRange(bands);
                    continue;
                }

                var candidate = new NearDuplicateCandidate(
                    id,
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    MinHasher.FromBytes((byte[])reader[3]),
                    []);
                found[id] = (candidate, [.. bands]);
                order.Add(id);
            }
        }

        return [.. order.Select(id => found[id].Candidate with { Bands = found[id].Bands })];
    }

    public async Task SaveAnalysisAsync(string articleId, int version, byte[] layers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(layers);
        if (!_dialect.WritesLargeRowsOneByOne)
        {
            _pendingLayers.Add((articleId, version, layers));
            _pendingCharacters += 2 * layers.Length;
            if (_pendingCharacters > MaxPendingCharacters)
            {
                await WritePendingArticlesAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var cmd = Prepared(
            "INSERT INTO article_analysis (article_id, version, layers) VALUES (@id, @v, @l) ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, layers = excluded.layers",
            ("@id", DbType.String),
            ("@v", DbType.Int32),
            ("@l", DbType.Binary));
        cmd.Parameters[0].Value = articleId;
        cmd.Parameters[1].Value = version;
        cmd.Parameters[2].Value = layers;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddArticleAsync(StoredArticle article, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(bandKeys);
        // On SQLite the statement is prepared once per batch: parsing it again for every article cost as much as
        // running it. The row and its bands go in one command.
        object?[] values =
        [
            article.Id,
            ++_sequence,
            article.Ref,
            article.ContentKey,
            article.Source,
            article.Date?.ToString(),
            article.Date is { } d ? RelationalChorusStore.Iso(d.Start) : null,
            article.Date is { } e ? RelationalChorusStore.Iso(e.End) : null,
            article.Lang,
            article.Title,
            article.Text,
            article.Url,
            article.ExternalId,
            article.DuplicateOf,
            article.StoryId,
            article.Assignment is { } a ? StoreJson.Serialize(a) : null,
            article.Signature is { } s ? MinHasher.ToBytes(s) : null,
            DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            article.SummaryOnly ? 1 : 0,
            Chorus.Core.Outlets.OutletNames.Key(article.Source, article.Url),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = DbCommandExtensions.Storable(values[i]);
        }

        if (article.StoryId is { } story)
        {
            _touchedStories.Add(story);
        }

        if (!_dialect.WritesLargeRowsOneByOne)
        {
            // Across a network a round trip per article was most of the time the write lock was held: the rows wait
            // for one statement per batch (WritePendingArticlesAsync), which anything reading or changing articles
            // in this batch writes out first.
            _pendingArticleStories[article.Id] = article.StoryId;
            _pendingArticles.Add(values);
            foreach (var band in bandKeys)
            {
                _pendingBands.Add((band, article.Id));
            }

            // Book-length articles do not pile up into one document larger than the engine takes (jsonb: 255 MB).
            _pendingCharacters += article.Text.Length;
            if (_pendingCharacters > MaxPendingCharacters)
            {
                await WritePendingArticlesAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var cmd = Prepared(
            _articleSql ??= $"""
            INSERT INTO articles ({ArticleColumns})
            VALUES (@id, @seq, @ref, @key, @source, @date, @start, @end, @lang, @title, @text, @url, @ext, @dup, @story, @assignment, @signature, @at, @summary, @outlet);
            INSERT INTO article_bands (band, article_id) {_dialect.SelectJsonRows("@rows", "lt")};
            """,
            ("@id", DbType.String),
            ("@seq", DbType.Int64),
            ("@ref", DbType.String),
            ("@key", DbType.String),
            ("@source", DbType.String),
            ("@date", DbType.String),
            ("@start", DbType.String),
            ("@end", DbType.String),
            ("@lang", DbType.String),
            ("@title", DbType.String),
            ("@text", DbType.String),
            ("@url", DbType.String),
            ("@ext", DbType.String),
            ("@dup", DbType.String),
            ("@story", DbType.String),
            ("@assignment", DbType.String),
            ("@signature", DbType.Binary),
            ("@at", DbType.String),
            ("@summary", DbType.Int32),
            ("@outlet", DbType.String),
            ("@rows", _dialect.JsonRowsType));
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i];
        }

        cmd.Parameters[values.Length].Value = _dialect.JsonRowsValue(BandRows(bandKeys, article.Id));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string ArticleColumns = "id, seq, ref, content_key, source, date, date_start, date_end, lang, title, text, url, external_id, duplicate_of, story_id, assignment, signature, ingested_at, summary_only, outlet_key";

    // Rows of articles, their bands and layers kept back until one statement each writes them (engines that take
    // large rows as one document; WritesLargeRowsOneByOne is false), with each kept article's story.
    private readonly List<object?[]> _pendingArticles = [];
    private readonly List<(long Band, string Article)> _pendingBands = [];
    private readonly List<(string Article, int Version, byte[] Layers)> _pendingLayers = [];
    private readonly Dictionary<string, string?> _pendingArticleStories = new(StringComparer.Ordinal);

    // Characters of text and hexadecimal layers kept back, and how many make the rows go out before the batch ends.
    private long _pendingCharacters;
    internal const long MaxPendingCharacters = 32 * 1024 * 1024;

    /// <summary>Writes the articles, bands and layers kept back, in the order they were added; nothing to do when there are none.</summary>
    private async Task WritePendingArticlesAsync(CancellationToken cancellationToken)
    {
        if (_pendingArticles.Count > 0)
        {
            using var cmd = Command();
            // id, seq, the fourteen texts from ref to assignment, signature (hexadecimal), ingested_at, summary_only, outlet_key.
            cmd.CommandText = $"INSERT INTO articles ({ArticleColumns}) {_dialect.SelectJsonRows("@rows", "tl" + "tttttttttttttt" + "xtit")}";
            cmd.AddValue("@rows", _dialect.JsonRowsValue(JsonRows(_pendingArticles, _pendingArticles.Sum(r => ((string?)r[10])?.Length ?? 0) + (_pendingArticles.Count * 600), WriteValues)));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _pendingArticles.Clear();
            _pendingArticleStories.Clear();
        }

        if (_pendingBands.Count > 0)
        {
            using var cmd = Command();
            cmd.CommandText = $"INSERT INTO article_bands (band, article_id) {_dialect.SelectJsonRows("@rows", "lt")}";
            cmd.AddValue("@rows", _dialect.JsonRowsValue(JsonRows(_pendingBands, _pendingBands.Count * 40, static (json, row) =>
            {
                json.WriteNumberValue(row.Band);
                json.WriteStringValue(row.Article);
            })));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _pendingBands.Clear();
        }

        if (_pendingLayers.Count > 0)
        {
            // A layer saved twice in one batch is written once, as last saved: one statement may not upsert a key twice.
            var last = new Dictionary<string, (string Article, int Version, byte[] Layers)>(StringComparer.Ordinal);
            foreach (var row in _pendingLayers)
            {
                last.Remove(row.Article);
                last[row.Article] = row;
            }

            using var cmd = Command();
            cmd.CommandText = $"INSERT INTO article_analysis (article_id, version, layers) {_dialect.SelectJsonRows("@rows", "tix")} ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, layers = excluded.layers";
            cmd.AddValue("@rows", _dialect.JsonRowsValue(JsonRows(last.Values, last.Values.Sum(r => (2 * r.Layers.Length) + 48), static (json, row) =>
            {
                json.WriteStringValue(row.Article);
                json.WriteNumberValue(row.Version);
                json.WriteStringValue(Convert.ToHexString(row.Layers));
            })));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _pendingLayers.Clear();
        }

        _pendingCharacters = 0;
    }

    private static void WriteValues(System.Text.Json.Utf8JsonWriter json, object?[] values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case null or DBNull:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case byte[] bytes:
                    json.WriteStringValue(Convert.ToHexString(bytes));
                    break;
                default:
                    throw new InvalidOperationException($"an article value of type {value.GetType().Name} cannot be kept back");
            }
        }
    }

    private string? _articleSql;

    /// <summary>
    /// Rows as a JSON array of arrays, each written by <paramref name="row"/> (for one statement that reads them):
    /// serialising boxed <c>object[]</c> pairs cost more than the insert.
    /// </summary>
    private byte[] JsonRows<T>(IEnumerable<T> items, int sizeHint, Action<System.Text.Json.Utf8JsonWriter, T> row)
    {
        // The buffer and the writer are the batch's, written again for each statement (a batch serves one call at a
        // time): a new pair for every article's bands was most of what writing them allocated.
        var buffer = _rowsBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(Math.Max(256, sizeHint));
        buffer.ResetWrittenCount();
        var json = _rowsWriter ??= new System.Text.Json.Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var item in items)
        {
            json.WriteStartArray();
            row(json, item);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.Flush();
        var rows = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptRowsBuffer)
        {
            // A batch of long rows (story profiles) does not keep its buffer for every later statement.
            (_rowsBuffer, _rowsWriter) = (null, null);
            json.Dispose();
        }

        return rows;
    }

    private const int MaxKeptRowsBuffer = 1 << 20;
    private System.Buffers.ArrayBufferWriter<byte>? _rowsBuffer;
    private System.Text.Json.Utf8JsonWriter? _rowsWriter;

    /// <summary>An article's rows <c>[[band, "id"], …]</c>, all its bands in one statement.</summary>
    private byte[] BandRows(IReadOnlyList<long> bandKeys, string articleId)
        => JsonRows(bandKeys, bandKeys.Count * (articleId.Length + 28), (json, band) =>
        {
            json.WriteNumberValue(band);
            json.WriteStringValue(articleId);
        });

    public Task SaveStoryAsync(StoryProfile story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        // Kept until the batch commits or a statement reads stories: a batch saves hundreds, one round trip each
        // was a large part of the time the write lock is held on a database across a network.
        // Text without NUL, as every parameter (PostgreSQL's JSON cannot hold \u0000 either).
        _pendingStories[story.Id] = new PendingStory(
            (string)DbCommandExtensions.Storable(story.Id),
            story.Title is null ? null : (string)DbCommandExtensions.Storable(story.Title),
            story.First is { } f ? RelationalChorusStore.Iso(f) : null,
            story.Last is { } l ? RelationalChorusStore.Iso(l) : null,
            story.ArticleCount,
            StoryProfileCodec.Encode(story));
        _touchedStories.Add(story.Id);
        return Task.CompletedTask;
    }

    // Story rows saved and not yet written, by id (a later save of a story replaces an earlier one).
    private readonly Dictionary<string, PendingStory> _pendingStories = new(StringComparer.Ordinal);

    /// <summary>A story row kept until it is written; its profile in the store's binary form (<see cref="StoryProfileCodec"/>).</summary>
    private sealed record PendingStory(string Id, string? Title, string? First, string? Last, int ArticleCount, byte[] Profile);

    private async Task WritePendingStoriesAsync(CancellationToken cancellationToken)
    {
        if (_pendingStories.Count == 0)
        {
            return;
        }

        if (_dialect.WritesLargeRowsOneByOne)
        {
            await WritePendingStoriesOneByOneAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var cmd = Command();
        cmd.CommandText = $"""
            INSERT INTO stories (id, title, first_date, last_date, article_count, profile) {_dialect.SelectJsonRows("@rows", "ttttix")}
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, last_date = excluded.last_date,
                article_count = excluded.article_count, profile = excluded.profile
            """;
        // A profile goes into the rows as hexadecimal text, read back into bytes by the statement.
        var size = _pendingStories.Values.Sum(p => (2 * p.Profile.Length) + 96);
        cmd.AddValue("@rows", _dialect.JsonRowsValue(JsonRows(_pendingStories.Values, size, (json, story) =>
        {
            json.WriteStringValue(story.Id);
            WriteTextOrNull(json, story.Title);
            WriteTextOrNull(json, story.First);
            WriteTextOrNull(json, story.Last);
            json.WriteNumberValue(story.ArticleCount);
            json.WriteStringValue(Convert.ToHexString(story.Profile));
        })));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _pendingStories.Clear();
    }

    private async Task WritePendingStoriesOneByOneAsync(CancellationToken cancellationToken)
    {
        var cmd = Prepared(
            _storySql ??= $"""
            INSERT INTO stories (id, title, first_date, last_date, article_count, profile) VALUES (@id, @title, @first, @last, @count, @profile)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, last_date = excluded.last_date,
                article_count = excluded.article_count, profile = excluded.profile
            """,
            ("@id", DbType.String),
            ("@title", DbType.String),
            ("@first", DbType.String),
            ("@last", DbType.String),
            ("@count", DbType.Int32),
            ("@profile", DbType.Binary));
        foreach (var story in _pendingStories.Values)
        {
            cmd.Parameters[0].Value = story.Id;
            cmd.Parameters[1].Value = (object?)story.Title ?? DBNull.Value;
            cmd.Parameters[2].Value = (object?)story.First ?? DBNull.Value;
            cmd.Parameters[3].Value = (object?)story.Last ?? DBNull.Value;
            cmd.Parameters[4].Value = story.ArticleCount;
            cmd.Parameters[5].Value = story.Profile;
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _pendingStories.Clear();
    }

    private string? _storySql;

    private static void WriteTextOrNull(System.Text.Json.Utf8JsonWriter json, string? text)
    {
        if (text is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    /// <summary>Marks a story whose articles a raw statement changed, so its sources are counted again at commit.</summary>
    internal void Touch(string storyId) => _touchedStories.Add(storyId);

    // Independent sources: one per outlet, one per article of unknown outlet, near-copies not at all (as
    // ContractMapper.IndependentSources counts them from the articles).
    internal const string SourceCountSql = "(SELECT COUNT(DISTINCT COALESCE(a.outlet_key, '#' || a.id)) FROM articles a WHERE a.story_id = stories.id AND a.duplicate_of IS NULL)";

    // A recurring column or feature ("Toos en Henk", "Lezersbrieven"): one headline, case aside, on three or more days.
    // News of one event changes its headline from day to day; a column keeps it. Such stories are counted like any
    // other but left out when browsing.
    internal const string RecurringSql = "CASE WHEN EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.title IS NOT NULL AND a.duplicate_of IS NULL GROUP BY LOWER(a.title) HAVING COUNT(DISTINCT a.date_start) >= 3) THEN 1 ELSE 0 END";

    private async Task CountSourcesAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in _touchedStories.Order(StringComparer.Ordinal).Chunk(500))
        {
            using var cmd = Command();
            cmd.CommandText = $"UPDATE stories SET source_count = {SourceCountSql}, recurring = {RecurringSql} WHERE id IN ({_dialect.SelectJsonTexts("@ids")})";
            cmd.AddValue("@ids", System.Text.Json.JsonSerializer.Serialize(chunk));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _touchedStories.Clear();
    }

    public async Task<StoryProfile?> LoadStoryProfileAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        await WritePendingStoriesAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command();
        cmd.CommandText = "SELECT profile FROM stories WHERE id = @id";
        cmd.AddValue("@id", storyId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull ? StoryProfileCodec.Read(value) : null;
    }

    public async Task MergeStoriesAsync(string absorbedId, string survivorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(absorbedId);
        ArgumentNullException.ThrowIfNull(survivorId);
        // Logged like a user's correction, so the story page shows where its articles came from.
        await ExecuteAsync(
            $"""
            INSERT INTO story_corrections (kind, story_id, target_id, articles, created_at)
                SELECT 'auto-merge', @r, @t, COALESCE({_dialect.OrderedJsonArray("id", "seq")}, '[]'), @at FROM (SELECT id, seq FROM articles WHERE story_id = @r ORDER BY seq) AS absorbed;
            UPDATE articles SET story_id = @t WHERE story_id = @r;
            DELETE FROM stories WHERE id = @r;
            UPDATE story_aliases SET to_id = @t WHERE to_id = @r;
            INSERT INTO story_aliases (from_id, to_id) VALUES (@r, @t) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id;
            """,
            ("@r", absorbedId),
            ("@t", survivorId),
            ("@at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        _touchedStories.Add(survivorId);
    }

    public async Task ReplaceAssignmentAsync(string storyId, Assignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(assignment);
        await ExecuteAsync(
            "UPDATE articles SET assignment = @a WHERE story_id = @s AND duplicate_of IS NULL",
            ("@s", storyId),
            ("@a", StoreJson.Serialize(assignment))).ConfigureAwait(false);
    }

    public async Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> increments, int documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(increments);
        if (increments.Count > 0)
        {
            // A batch's thousands of counts go in one statement (its keys are distinct, so no row is upserted twice),
            // in key order: the index is then walked once from left to right, not page by page at random.
            using var cmd = Command();
            cmd.CommandText = $"INSERT INTO term_df (term, df) {_dialect.SelectJsonRows("@rows", "ti")} ON CONFLICT(term) DO UPDATE SET df = term_df.df + excluded.df";
            var terms = new string[increments.Count];
            var counts = new int[increments.Count];
            var n = 0;
            foreach (var (term, count) in increments)
            {
                (terms[n], counts[n]) = (term, count);
                n++;
            }

            // Keys and counts sorted side by side with the ordinal comparer: no delegate call or pair copy per comparison.
            Array.Sort(terms, counts, StringComparer.Ordinal);
            cmd.AddValue("@rows", _dialect.JsonRowsValue(JsonRows(Enumerable.Range(0, n), increments.Count * 24, (json, i) =>
            {
                json.WriteStringValue(terms[i]);
                json.WriteNumberValue(counts[i]);
            })));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var corpus = Command();
        corpus.CommandText = "UPDATE corpus SET value = value + @n WHERE key = 'documents'";
        corpus.AddValue("@n", documents);
        await corpus.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEntity>> FindEntitiesByBlockAsync(string block, CancellationToken cancellationToken = default)
    {
        await WritePendingEntitiesAsync(cancellationToken).ConfigureAwait(false);
        var cmd = Prepared("SELECT e.id, e.type, e.name, e.mentions, e.variants FROM entity_blocks b JOIN entities e ON e.id = b.entity_id WHERE b.block = @b", "@b");
        cmd.Parameters[0].Value = block;
        return await RelationalChorusStore.ReadEntitiesAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public Task SaveEntityAsync(StoredEntity entity, IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(blocks);
        // Later saves of the same entity in this batch replace earlier ones (a JSON array's rows are read in order).
        _pendingEntities.Add(new object[] { entity.Id, entity.Type.Code(), entity.Name, entity.Mentions, StoreJson.SerializeVariants(entity.Variants) });
        foreach (var block in blocks)
        {
            _pendingBlocks.Add(new[] { block, entity.Id });
        }

        return Task.CompletedTask;
    }

    public Task AddEntityOccurrenceAsync(EntityOccurrence occurrence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        _pendingOccurrences.Add(new object[] { occurrence.ArticleId, occurrence.Type.Code(), occurrence.LocalName, occurrence.EntityId, occurrence.Mentions });
        return Task.CompletedTask;
    }

    // Entity writes are many small rows (a dozen occurrences per article); binding parameters row by row cost more
    // than linking itself, so rows are kept until a read needs them or the batch commits, then written with one
    // statement per table that reads a JSON array.
    private readonly List<object[]> _pendingEntities = [];
    private readonly List<string[]> _pendingBlocks = [];
    private readonly List<object[]> _pendingOccurrences = [];

    private async Task WritePendingEntitiesAsync(CancellationToken cancellationToken)
    {
        await WriteHeldRowsAsync(
            $"""
            INSERT INTO entities (id, type, name, mentions, variants)
                {_dialect.SelectJsonRows("@rows", "tttit")}
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, mentions = excluded.mentions, variants = excluded.variants
            """,
            _pendingEntities,
            1,
            cancellationToken).ConfigureAwait(false);
        await WriteHeldRowsAsync(
            $"INSERT INTO entity_blocks (block, entity_id) {_dialect.SelectJsonRows("@rows", "tt")} ON CONFLICT DO NOTHING",
            _pendingBlocks,
            2,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task WritePendingOccurrencesAsync(CancellationToken cancellationToken)
    {
        // Their triggers read the articles they are of (entity_articles): those go first.
        await WritePendingArticlesAsync(cancellationToken).ConfigureAwait(false);
        await WriteHeldRowsAsync(
            $"""
            INSERT INTO entity_occurrences (article_id, type, local_name, entity_id, mentions)
                {_dialect.SelectJsonRows("@rows", "tttti")}
            ON CONFLICT(article_id, type, local_name) DO UPDATE SET entity_id = excluded.entity_id, mentions = excluded.mentions
            """,
            _pendingOccurrences,
            3,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes rows kept back with one statement that reads them as a JSON array, then forgets them; nothing to do when there are none.</summary>
    private async Task WriteHeldRowsAsync<T>(string sql, List<T> rows, int keyColumns, CancellationToken cancellationToken)
        where T : System.Collections.IList
    {
        if (rows.Count == 0)
        {
            return;
        }

        // A row saved twice in one batch is written once, as last saved: one statement may not upsert a key twice.
        var seen = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        var last = new List<T>(rows.Count);
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            var key = keyColumns == 1 ? row[0]?.ToString() ?? string.Empty : RowKey(row, keyColumns);
            if (seen.Add(key))
            {
                last.Add(rows[i]);
            }
        }

        last.Reverse();
        rows.Clear();
        rows.AddRange(last);

        using var cmd = Command();
        cmd.CommandText = sql;
        cmd.AddValue("@rows", _dialect.JsonRowsValue(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(rows)));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        rows.Clear();
    }

    /// <summary>A held row's key columns joined by U+0001 (as <see cref="string.Join(char, object?[])"/> joins them).</summary>
    private static string RowKey(System.Collections.IList row, int keyColumns)
    {
        var parts = new object?[keyColumns];
        for (var c = 0; c < keyColumns; c++)
        {
            parts[c] = row[c];
        }

        return string.Join('\u0001', parts);
    }

    public async Task<IReadOnlyList<(string Block, StoredEntity Entity)>> FindEntitiesByBlocksAsync(IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        await WritePendingEntitiesAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<(string, StoredEntity)>();
        if (blocks.Count == 0)
        {
            return result;
        }

        using var cmd = Command();
        cmd.CommandText = $"""
            SELECT e.id, e.type, e.name, e.mentions, e.variants, b.block FROM entity_blocks b JOIN entities e ON e.id = b.entity_id
            WHERE b.block IN ({_dialect.SelectJsonTexts("@blocks")})
            """;
        cmd.AddValue("@blocks", System.Text.Json.JsonSerializer.Serialize(blocks));
        var byId = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (!byId.TryGetValue(id, out var entity))
            {
                entity = RelationalChorusStore.ReadEntity(reader);
                byId[id] = entity;
            }

            result.Add((reader.GetString(5), entity));
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<(EntityType Type, string Name), string>> PinsAsync(CancellationToken cancellationToken = default)
    {
        await WritePendingEntitiesAsync(cancellationToken).ConfigureAwait(false);
        var pins = new Dictionary<(EntityType Type, string Name), string>();
        using var cmd = Command();
        cmd.CommandText = "SELECT type, name, entity_id FROM entity_pins";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pins[(EntityTypes.ParseStored(reader.GetString(0), "entity_pins.type"), reader.GetString(1))] = reader.GetString(2);
        }

        return pins;
    }

    public async Task<EntityContext> EntityContextAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var entities = new HashSet<string>(StringComparer.Ordinal);
        var stories = new HashSet<string>(StringComparer.Ordinal);
        var cmd = Prepared(
            """
            WITH seen AS (SELECT article_id FROM entity_occurrences WHERE entity_id = @e LIMIT 300)
            SELECT o.entity_id, a.story_id FROM seen
                JOIN articles a ON a.id = seen.article_id
                LEFT JOIN entity_occurrences o ON o.article_id = seen.article_id AND o.entity_id <> @e
            """,
            "@e");
        cmd.Parameters[0].Value = entityId;
        using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!reader.IsDBNull(0))
                {
                    entities.Add(reader.GetString(0));
                }

                if (!reader.IsDBNull(1))
                {
                    stories.Add(reader.GetString(1));
                }
            }
        }

        // Occurrences kept back are read where they are, in memory: writing them out before every read cost more
        // than the read. An article's occurrences are added together, so its companions are all kept back too.
        var pendingArticles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in _pendingOccurrences)
        {
            if ((string)row[3] == entityId)
            {
                pendingArticles.Add((string)row[0]);
            }
        }

        if (pendingArticles.Count > 0)
        {
            foreach (var row in _pendingOccurrences)
            {
                if ((string)row[3] != entityId && pendingArticles.Contains((string)row[0]))
                {
                    entities.Add((string)row[3]);
                }
            }

            // Articles kept back themselves (WritePendingArticlesAsync) give their stories from memory.
            foreach (var article in pendingArticles.Where(_pendingArticleStories.ContainsKey).ToList())
            {
                if (_pendingArticleStories[article] is { } story)
                {
                    stories.Add(story);
                }

                pendingArticles.Remove(article);
            }

            if (pendingArticles.Count > 0)
            {
                await ReadTextsAsync($"SELECT story_id FROM articles WHERE id IN ({_dialect.SelectJsonTexts("@ids")}) AND story_id IS NOT NULL", pendingArticles, stories, cancellationToken).ConfigureAwait(false);
            }
        }

        return new EntityContext(entities, stories);
    }

    public async Task<string> CurrentEntityIdAsync(string entityId, CancellationToken cancellationToken = default)
    {
        // Aliases come from users' merges, never from the rows kept back, so those need not be written first.
        var id = entityId;
        for (var hops = 0; hops < Chorus.Core.Entities.EntityIds.MaxAliasHops; hops++)
        {
            var cmd = Prepared("SELECT to_id FROM entity_aliases WHERE from_id = @id", "@id");
            cmd.Parameters[0].Value = id;
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string next)
            {
                return id;
            }

            id = next;
        }

        return id;
    }

    public async Task<IReadOnlySet<string>> MergedAwayAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in entityIds.Chunk(5000))
        {
            await ReadTextsAsync($"SELECT from_id FROM entity_aliases WHERE from_id IN ({_dialect.SelectJsonTexts("@ids")})", chunk, merged, cancellationToken).ConfigureAwait(false);
        }

        return merged;
    }

    /// <summary>Runs <paramref name="sql"/> with <paramref name="ids"/> bound as the JSON array <c>@ids</c>, adding its one text column to <paramref name="into"/>.</summary>
    private async Task ReadTextsAsync(string sql, IEnumerable<string> ids, HashSet<string> into, CancellationToken cancellationToken)
    {
        using var cmd = Command();
        cmd.CommandText = sql;
        cmd.AddValue("@ids", System.Text.Json.JsonSerializer.Serialize(ids));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            into.Add(reader.GetString(0));
        }
    }

    public async Task MarkChunkDoneAsync(string run, int chunk, CancellationToken cancellationToken = default)
    {
        using var cmd = Command();
        cmd.CommandText = "INSERT INTO ingest_chunks (run, chunk) VALUES (@r, @c) ON CONFLICT DO NOTHING";
        cmd.AddValue("@r", run);
        cmd.AddValue("@c", chunk);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await WritePendingArticlesAsync(cancellationToken).ConfigureAwait(false);
        await WritePendingStoriesAsync(cancellationToken).ConfigureAwait(false);
        await WritePendingEntitiesAsync(cancellationToken).ConfigureAwait(false);
        await WritePendingOccurrencesAsync(cancellationToken).ConfigureAwait(false);
        await CountSourcesAsync(cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cmd in _prepared.Values)
        {
            await cmd.DisposeAsync().ConfigureAwait(false);
        }

        _rowsWriter?.Dispose();
        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
    }

    internal async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        // Raw statements may touch article, entity and story tables: the rows kept back go first, so the order of writes is kept.
        await WritePendingArticlesAsync(CancellationToken.None).ConfigureAwait(false);
        await WritePendingStoriesAsync(CancellationToken.None).ConfigureAwait(false);
        await WritePendingEntitiesAsync(CancellationToken.None).ConfigureAwait(false);
        await WritePendingOccurrencesAsync(CancellationToken.None).ConfigureAwait(false);
        using var cmd = Command();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.AddValue(name, value);
        }

        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    // Statements run thousands of times per batch are prepared once per batch and reused with new values.
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    // A statement already prepared is found without building its parameter list again: this runs per entity look-up.
    private DbCommand Prepared(string sql, params string[] parameters)
        => _prepared.TryGetValue(sql, out var cmd) ? cmd : Prepared(sql, parameters.Select(name => (name, DbType.String)).ToArray());

    /// <summary>A statement prepared once per batch; its parameters are set by position, in the order given.</summary>
    private DbCommand Prepared(string sql, params (string Name, DbType Type)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = Command();
            cmd.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                cmd.AddTyped(name, type);
            }

            cmd.Prepare();
            _prepared[sql] = cmd;
        }

        return cmd;
    }

    private DbCommand Command()
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        return cmd;
    }
}
