using System.Collections.Concurrent;
using Chorus.Core.Store;

namespace Chorus.Storage.Queries;

/// <summary>
/// Text-filtered story lists already worked out, as story ids in list order, kept under the list's filters and
/// order and the versions of the store and the search index they were read from
/// (<see cref="IStoreReader.ChangeVersionAsync"/>, <see cref="Search.ISearchIndex.SearchedVersion"/>): any write moves
/// a version on, so an entry is never stale, whoever wrote. Working one out maps every matching article to its story
/// (on a 1M-article archive a common word matches ~170,000 articles); paging, re-sorting aside, then costs a page.
/// Requests that miss together share one working-out. Bounded by entries and by ids kept (emptied when full);
/// thread-safe.
/// </summary>
public sealed class StoryListCache(int maxEntries = 64, long maxIds = 4_000_000)
{
    private readonly ConcurrentDictionary<Key, Lazy<Task<IReadOnlyList<string>>>> _kept = new();
    private long _ids;

    public int Count => _kept.Count;

    /// <summary>
    /// A list's text query, its other filters and order (never its page; without id lists, which would compare by
    /// reference) and the versions its entry was read at.
    /// </summary>
    public readonly record struct Key(string Query, StoryPageQuery Filters, long StoreVersion, long SearchVersion);

    public async Task<IReadOnlyList<string>> GetOrAddAsync(Key key, Func<Task<IReadOnlyList<string>>> workOut, CancellationToken cancellationToken)
    {
        if (key.Filters.StoryIds is not null || key.Filters.ArticleIds is not null)
        {
            throw new ArgumentException("a kept list is keyed by its filters without id lists", nameof(key));
        }

        var entry = _kept.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<string>>>(() => WorkOutAsync(key, workOut)));
        return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> WorkOutAsync(Key key, Func<Task<IReadOnlyList<string>>> workOut)
    {
        IReadOnlyList<string> ids;
        try
        {
            // Not cancelled with the request that started it: others may be waiting for the same list.
            ids = await Task.Run(workOut).ConfigureAwait(false);
        }
        catch
        {
            _kept.TryRemove(key, out _);
            throw;
        }

        if (Interlocked.Add(ref _ids, ids.Count) > maxIds || _kept.Count > maxEntries)
        {
            // Full: start again rather than track use; lists of older versions are never asked for again anyway.
            _kept.Clear();
            Interlocked.Exchange(ref _ids, 0);
        }

        return ids;
    }
}
