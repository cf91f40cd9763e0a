using Chorus.Core.Store;

namespace Chorus.Storage.Search;

/// <summary>Full-text search over a store's articles: Lucene.NET beside a SQLite file, PostgreSQL's own inside its database.</summary>
public interface ISearchIndex : IArticleIndex, IDisposable
{
    /// <summary>
    /// Matching articles, best first, at most <paramref name="limit"/>, with the number of all matching articles.
    /// The query is Lucene syntax; one with a <see cref="SearchQueryParser.Problem"/> finds nothing.
    /// </summary>
    Task<(IReadOnlyList<IndexHit> Hits, int Total)> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every article that matches, in no order and unscored: for narrowing lists (stories with a matching article,
    /// watchlists), where ranking and reading each hit's stored fields would be wasted.
    /// </summary>
    Task<IReadOnlyList<string>> MatchingArticlesAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stories of every matching article, as a set of <paramref name="membership"/>'s stories: a list narrowed by
    /// text with many matches, where looking each article's story up in the store would take seconds.
    /// </summary>
    Task<StorySet> MatchingStoriesAsync(string query, StoryMembership membership, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes now what this index's searches would otherwise make on their first use and keep in memory: a server calls
    /// it as it starts, so that no request waits for it (and none is timed while it runs beside). With a
    /// <paramref name="membership"/>, also what <see cref="MatchingStoriesAsync"/> needs for it. An index that keeps
    /// nothing in memory returns at once.
    /// </summary>
    Task WarmAsync(StoryMembership? membership, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever what searches read changes (with the store's
    /// <see cref="IStoreReader.ChangeVersionAsync"/>, the key under which search results may be kept). An index kept
    /// inside the store, whose version covers it, returns 0.
    /// </summary>
    long SearchedVersion();
}

/// <summary>
/// A matching article and its score; where the index kept each word's place (<see cref="LuceneSearchIndex"/>), also
/// what the query matched in it, as spans of the indexed text (the title, a line break, then the text), so that its
/// snippet needs no second analysis. Null when the index cannot tell.
/// </summary>
public sealed record IndexHit(string ArticleId, float Score, IReadOnlyList<Chorus.Core.Text.TextSpan>? Matches = null);
