using Chorus.Core.Store;

namespace Chorus.Storage.Search;

/// <summary>Full-text search over a store's articles: Lucene.NET beside a SQLite file, PostgreSQL's own inside its database.</summary>
public interface ISearchIndex : IArticleIndex, IDisposable
{
    /// <summary>
    /// Article ids and scores, best first, at most <paramref name="limit"/>, with the number of all matching articles.
    /// The query is Lucene syntax; one with a <see cref="SearchQueryParser.Problem"/> finds nothing.
    /// </summary>
    Task<(IReadOnlyList<(string ArticleId, float Score)> Hits, int Total)> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every article that matches, in no order and unscored: for narrowing lists (stories with a matching article,
    /// watchlists), where ranking and reading each hit's stored fields would be wasted.
    /// </summary>
    Task<IReadOnlyList<string>> MatchingArticlesAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever what searches read changes (with the store's
    /// <see cref="IStoreReader.ChangeVersionAsync"/>, the key under which search results may be kept). An index kept
    /// inside the store, whose version covers it, returns 0.
    /// </summary>
    long SearchedVersion();
}
