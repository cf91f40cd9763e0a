using Chorus.Core.Store;
using Chorus.Storage.Search;
using Npgsql;

namespace Chorus.Storage.Postgres;

/// <summary>
/// Search in the PostgreSQL store itself: each article's search vector is a generated column made with its language's
/// configuration (dutch, english, german) when the article is written, in the same transaction, so every worker and
/// server searches the same data and nothing can drift. A query is translated once and run against each article with
/// its own language's stemming; hits are ranked with <c>ts_rank_cd</c>. Thread-safe: every search takes a pooled connection.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    private const string Sql = """
        WITH q AS (SELECT to_tsquery('dutch', @q) AS nl, to_tsquery('english', @q) AS en, to_tsquery('german', @q) AS de),
        matched AS (
            SELECT a.id, a.seq, ts_rank_cd(a.search, CASE a.lang WHEN 'en' THEN q.en WHEN 'de' THEN q.de ELSE q.nl END) AS score
            FROM articles a, q
            WHERE (a.lang NOT IN ('en', 'de') AND a.search @@ q.nl) OR (a.lang = 'en' AND a.search @@ q.en) OR (a.lang = 'de' AND a.search @@ q.de))
        SELECT id, score, COUNT(*) OVER () FROM matched ORDER BY score DESC, seq LIMIT @n
        """;

    private const string MatchSql = """
        WITH q AS (SELECT to_tsquery('dutch', @q) AS nl, to_tsquery('english', @q) AS en, to_tsquery('german', @q) AS de)
        SELECT a.id FROM articles a, q
        WHERE (a.lang NOT IN ('en', 'de') AND a.search @@ q.nl) OR (a.lang = 'en' AND a.search @@ q.en) OR (a.lang = 'de' AND a.search @@ q.de)
        """;

    private readonly NpgsqlDataSource _source;

    public PostgresSearchIndex(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public async Task<(IReadOnlyList<IndexHit> Hits, int Total)> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (TsQueryTranslator.Translate(query) is not { } tsquery)
        {
            return ([], 0);
        }

        await using var cmd = _source.CreateCommand(Sql);
        // PostgreSQL text cannot hold NUL; a query that has one (a mutated request) is searched without it.
        cmd.Parameters.AddWithValue("q", tsquery.Replace("\0", string.Empty, StringComparison.Ordinal));
        cmd.Parameters.AddWithValue("n", Math.Max(1, limit));
        var hits = new List<IndexHit>();
        var total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new IndexHit(reader.GetString(0), reader.GetFloat(1)));
            total = (int)reader.GetInt64(2);
        }

        return (hits, total);
    }

    // Searches read the articles table itself, whose writes move the store's version on.
    public long SearchedVersion() => 0;

    public async Task<IReadOnlyList<string>> MatchingArticlesAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (TsQueryTranslator.Translate(query) is not { } tsquery)
        {
            return [];
        }

        await using var cmd = _source.CreateCommand(MatchSql);
        cmd.Parameters.AddWithValue("q", tsquery.Replace("\0", string.Empty, StringComparison.Ordinal));
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Nothing to make: PostgreSQL's own search keeps what it needs in the database.</summary>
    public Task WarmAsync(StoryMembership? membership, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<StorySet> MatchingStoriesAsync(string query, StoryMembership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var stories = membership.NewSet();
        foreach (var id in await MatchingArticlesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (membership.TryGetStory(id, out var story))
            {
                stories.Add(story);
            }
        }

        return stories;
    }

    /// <summary>Nothing to do: the store indexes an article when it writes it.</summary>
    public Task AddAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void CloseWriter()
    {
    }

    public void Dispose() => _source.Dispose();
}
