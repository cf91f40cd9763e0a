using Chorus.Core.Store;

namespace Chorus.Storage.Queries;

/// <summary>
/// The newest <see cref="StoryMembership"/> read from the store, shared by a server's readers, and when to read a new
/// one (<see cref="ShouldRead"/>). Requests that need one while it is read wait for that read rather than start
/// their own. Thread-safe.
/// </summary>
/// <param name="lookUpCost">What a look-up costs, in articles read (<see cref="LookUpCost"/>; tests raise it to read on every list).</param>
public sealed class StoryMembershipCache(int lookUpCost = StoryMembershipCache.LookUpCost)
{
    /// <summary>
    /// What looking one matching article's story up in the store costs, in articles read into a membership: ~30 µs
    /// against ~5 µs (the read, then the first list's map of the index; SQLite, 1M articles, warm, both paths timed by
    /// a scratch harness).
    /// </summary>
    internal const int LookUpCost = 6;

    private readonly System.Threading.Lock _lock = new();
    private StoryMembership? _kept;
    private (long Version, Task<StoryMembership> Reading)? _reading;
    private long _lookedUp;

    /// <summary>The newest membership kept, of whatever version; null before the first.</summary>
    public StoryMembership? Newest => Volatile.Read(ref _kept);

    /// <summary>
    /// Whether a list whose <paramref name="matches"/> articles would be looked up in the store should read a new
    /// membership of the store's <paramref name="articles"/> articles instead: once the look-ups made since the kept
    /// one went stale, these included, cost as much as reading one (rent or buy: never more than twice the cost of
    /// the better choice made with hindsight). A store that keeps changing is then read in whole only as often as
    /// its lists pay for it; an unchanged one once.
    /// </summary>
    public bool ShouldRead(int matches, int articles)
        => Interlocked.Add(ref _lookedUp, matches) * lookUpCost >= articles;

    /// <summary>
    /// What a list narrowed by language, outlet or sources (<see cref="StoryMembership.List"/> over every story) costs
    /// when the store answers it: every story's keys are read, 0.1–0.8 s of CPU a page at 1M articles (SQLite, warm:
    /// a language, an outlet, sources and language by sources) against 2.4–2.9 s to read a membership (docs/design.md):
    /// about a tenth of a read, charged to <see cref="ShouldRead"/>.
    /// </summary>
    public bool ShouldReadForFilteredList(int articles)
        => ShouldRead((int)Math.Min(int.MaxValue, (articles / (10L * lookUpCost)) + 1), articles);

    /// <summary>The kept membership when it was read at <paramref name="storeVersion"/> or later; else null.</summary>
    public StoryMembership? Kept(long storeVersion)
    {
        var kept = Volatile.Read(ref _kept);
        return kept is not null && kept.Version >= storeVersion ? kept : null;
    }

    /// <summary>
    /// A membership read at <paramref name="storeVersion"/> or later: the kept one, the one being read, or one
    /// <paramref name="read"/> gives. The request that starts a read runs it with its own token and waits for its end
    /// (it reads through that request's connection); one that waited for a read that failed or gave up reads itself.
    /// </summary>
    public async Task<StoryMembership> GetAsync(long storeVersion, Func<CancellationToken, Task<StoryMembership>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        while (true)
        {
            if (Kept(storeVersion) is { } kept)
            {
                return kept;
            }

            TaskCompletionSource<StoryMembership>? mine = null;
            Task<StoryMembership> reading;
            lock (_lock)
            {
                // A read started at this version or after gives one at least as new.
                if (_reading is { } started && started.Version >= storeVersion)
                {
                    reading = started.Reading;
                }
                else
                {
                    mine = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    reading = mine.Task;
                    _reading = (storeVersion, reading);
                }
            }

            if (mine is null)
            {
                try
                {
                    return await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The read this one waited for failed or gave up (and is no longer in flight): read again.
                    continue;
                }
            }

            try
            {
                var membership = await read(cancellationToken).ConfigureAwait(false);
                lock (_lock)
                {
                    if (_kept is null || _kept.Version < membership.Version)
                    {
                        Volatile.Write(ref _kept, membership);
                        Interlocked.Exchange(ref _lookedUp, 0);
                    }

                    Finished(reading);
                }

                mine.SetResult(membership);
                return membership;
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    Finished(reading);
                }

                mine.SetException(e);
                _ = mine.Task.Exception; // observed: waiters, if any, read again themselves
                throw;
            }
        }
    }

    private void Finished(Task<StoryMembership> reading)
    {
        if (_reading is { } started && ReferenceEquals(started.Reading, reading))
        {
            _reading = null;
        }
    }
}
