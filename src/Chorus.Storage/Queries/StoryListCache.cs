using System.Collections.Concurrent;
using Chorus.Core.Store;

namespace Chorus.Storage.Queries;

/// <summary>
/// Text-filtered story lists already worked out, as story ids in list order, kept under the list's filters and
/// order and the versions of the store and the search index they were read from
/// (<see cref="IStoreReader.ChangeVersionAsync"/>, <see cref="Search.ISearchIndex.SearchedVersion"/>): any write moves
/// a version on, so an entry is never stale, whoever wrote. Working one out maps every matching article to its story
/// (on a 1M-article archive a common word matches ~170,000 articles); paging, re-sorting aside, then costs a page.
/// Requests that miss together share one working-out. Bounded by entries and by ids kept (a million ids, ~64 MB, a
/// <see cref="StoryIdList"/> counting for the memory it holds; emptied when full);
/// thread-safe.
/// </summary>
public sealed class StoryListCache(int maxEntries = 64, long maxIds = 1_000_000)
{
    private readonly ConcurrentDictionary<Key, Lazy<Task<IReadOnlyList<string>>>> _kept = new();
    private long _ids;

    public int Count => _kept.Count;

    /// <summary>
    /// A list's text query, its other filters and order (never its page; without id lists, which would compare by
    /// reference) and the versions its entry was read at.
    /// </summary>
    public readonly record struct Key(string Query, StoryPageQuery Filters, long StoreVersion, long SearchVersion);

    /// <summary>
    /// The kept list, or the one <paramref name="workOut"/> gives. The request that starts a working-out runs it with
    /// its own token and waits for its end (it reads through that request's connection, which must not go back to the
    /// pool while in use); requests that miss meanwhile wait for it, and work the list out again themselves when the
    /// one that started it gave up.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetOrAddAsync(Key key, Func<CancellationToken, Task<IReadOnlyList<string>>> workOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workOut);
        if (key.Filters.StoryIds is not null || key.Filters.ArticleIds is not null)
        {
            throw new ArgumentException("a kept list is keyed by its filters without id lists", nameof(key));
        }

        while (true)
        {
            var mine = new Lazy<Task<IReadOnlyList<string>>>(() => WorkOutAsync(key, workOut, cancellationToken));
            var entry = _kept.GetOrAdd(key, mine);
            if (ReferenceEquals(entry, mine))
            {
                return await entry.Value.ConfigureAwait(false);
            }

            try
            {
                return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that started it gave up, and its entry is gone: start again.
            }
        }
    }

    private async Task<IReadOnlyList<string>> WorkOutAsync(Key key, Func<CancellationToken, Task<IReadOnlyList<string>>> workOut, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        try
        {
            ids = await workOut(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _kept.TryRemove(key, out _);
            throw;
        }

        // A membership's list holds bits, not ids: it counts for what it holds.
        if (Interlocked.Add(ref _ids, ids is StoryIdList bits ? bits.Footprint : ids.Count) > maxIds || _kept.Count > maxEntries)
        {
            // Full: start again rather than track use; lists of older versions are never asked for again anyway.
            _kept.Clear();
            Interlocked.Exchange(ref _ids, 0);
        }

        return ids;
    }
}
