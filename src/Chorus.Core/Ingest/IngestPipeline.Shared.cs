using Chorus.Core.Stories;

namespace Chorus.Core.Ingest;

/// <summary>
/// Ingest by several workers sharing one input: each is given the same inputs in the same order, named by one run
/// key. The input falls into the same chunks as in a single run. A worker claims a chunk no other worker holds and
/// analyses it, which is most of the work and runs in parallel across workers and machines. Then it waits until
/// every earlier chunk is stored, takes the store's write lock, reloads what the clusterer and the entity resolver
/// keep in memory, and stores its chunk as a single run would at that point. The last batch of the chunk marks it
/// done, in the same transaction.
/// <para>
/// A worker that dies holding a chunk loses its claim with its process. Its uncommitted batch rolls back, and the
/// next worker to reach the chunk stores what is missing. So the stories and entities are those of one run over the
/// whole input, however the workers interleave or die. The one exception is the in-memory forgetting of long-unseen
/// terms (<see cref="TermStatistics.Forget"/>), which restarts with each chunk, as it does in a resumed ingest.
/// </para>
/// </summary>
public sealed partial class IngestPipeline
{
    private static readonly TimeSpan WorkerPoll = TimeSpan.FromMilliseconds(200);

    private enum ChunkOutcome
    {
        Stored,
        Yielded,
    }

    /// <summary>
    /// Runs as one worker of the shared ingest <paramref name="run"/>. <paramref name="inputs"/> is read again on
    /// each pass, and the run ends when every chunk of the input is stored, by this worker or by others. The report
    /// holds what this worker stored and rejected.
    /// </summary>
    public async Task<IngestReport> RunSharedAsync(Func<IEnumerable<ReadResult>> inputs, string run, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(run);
        var report = new IngestReport();
        var waitingTold = 0;
        void Waiting(string holder)
        {
            if (Interlocked.Exchange(ref waitingTold, 1) == 0)
            {
                WaitingForWriter?.Invoke(holder);
            }
        }

        while (true)
        {
            var done = await _store.DoneChunksAsync(run, cancellationToken).ConfigureAwait(false);
            var pending = false;
            var stored = false;
            foreach (var (index, articles, problems) in Chunks(inputs()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (done.Contains(index))
                {
                    continue;
                }

                pending = true;
                var claim = await _store.TryClaimChunkAsync(run, index, cancellationToken).ConfigureAwait(false);
                if (claim is null)
                {
                    continue;
                }

                ChunkOutcome outcome;
                await using (claim.ConfigureAwait(false))
                {
                    if ((await _store.DoneChunksAsync(run, cancellationToken).ConfigureAwait(false)).Contains(index))
                    {
                        continue;
                    }

                    outcome = await StoreSharedChunkAsync(run, index, articles, problems, report, Waiting, cancellationToken).ConfigureAwait(false);
                }

                if (outcome == ChunkOutcome.Yielded)
                {
                    // An earlier chunk lies unclaimed (its worker died): start over from the first chunk.
                    break;
                }

                stored = true;
                progress?.Report(new IngestProgress(report.Done, report.Done, report.Ingested));
            }

            if (!pending)
            {
                return report;
            }

            if (!stored)
            {
                await Task.Delay(WorkerPoll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The input in the chunks a single run makes: <see cref="ChunkSize"/> articles each, with the rejections read among them.</summary>
    private static IEnumerable<(int Index, List<RawArticle> Articles, List<InputProblem> Rejected)> Chunks(IEnumerable<ReadResult> inputs)
    {
        var index = 0;
        var articles = new List<RawArticle>(ChunkSize);
        var rejected = new List<InputProblem>();
        foreach (var result in inputs)
        {
            if (result.Rejection is { } rejection)
            {
                rejected.Add(rejection);
            }
            else if (result.Article is { Date: { } date } dated && !ArticleDates.InRange(date))
            {
                rejected.Add(new InputProblem(dated.Ref, ArticleDates.OutOfRange(date)));
            }
            else if (result.Article is { } article)
            {
                articles.Add(article);
            }

            if (articles.Count >= ChunkSize)
            {
                yield return (index++, articles, rejected);
                articles = new List<RawArticle>(ChunkSize);
                rejected = [];
            }
        }

        if (articles.Count > 0 || rejected.Count > 0)
        {
            yield return (index, articles, rejected);
        }
    }

    private async Task<ChunkOutcome> StoreSharedChunkAsync(string run, int index, List<RawArticle> articles, List<InputProblem> rejected, IngestReport report, Action<string> waiting, CancellationToken cancellationToken)
    {
        // Analysis first, outside the lock: this is what workers do side by side.
        var keyed = articles.Select(a => (Article: a, Key: ArticleIdentity.ContentKey(a))).ToList();
        var prepared = new (Prepared? Prepared, InputProblem? Failure)[keyed.Count];
        Parallel.For(0, keyed.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Prepare(keyed[i].Article, keyed[i].Key));
        var byKey = new Dictionary<string, (Prepared? Prepared, InputProblem? Failure)>(StringComparer.Ordinal);
        for (var i = 0; i < keyed.Count; i++)
        {
            byKey.TryAdd(keyed[i].Key, prepared[i]);
        }

        if (!await WaitForEarlierChunksAsync(run, index, cancellationToken).ConfigureAwait(false))
        {
            return ChunkOutcome.Yielded;
        }

        var writing = await _store.LockForWritingAsync("ingest", waiting, cancellationToken).ConfigureAwait(false);
        // Everything under the lock is the serial part, and nothing else of this process runs beside it: its CPU
        // time is the serial part's own.
        var serial = SerialClock.Start(isolated: true);
        try
        {
            // What a single run would hold in memory at this point is what the chunks before this one stored.
            _indexing = Task.CompletedTask;
            var clusterer = new StoryClusterer(_options, await _store.LoadTermStatisticsAsync(cancellationToken).ConfigureAwait(false));
            foreach (var (a, b) in await _store.StoriesKeptApartAsync(cancellationToken).ConfigureAwait(false))
            {
                clusterer.KeepApart(a, b);
            }

            var resolver = _linkEntities ? new Entities.EntityResolver() : null;
            report.Rejected.AddRange(rejected);
            var existing = await _store.FindExistingContentKeysAsync(keyed.Select(k => k.Key).ToList(), cancellationToken).ConfigureAwait(false);
            var ordered = Order(keyed, existing, new HashSet<string>(StringComparer.Ordinal), report);
            var start = 0;
            do
            {
                var slice = ordered.GetRange(start, Math.Min(BatchSize, ordered.Count - start));
                var ready = new List<Prepared>(slice.Count);
                foreach (var item in slice)
                {
                    var (p, failure) = byKey[item.Key];
                    if (failure is not null)
                    {
                        report.Rejected.Add(failure);
                    }
                    else
                    {
                        ready.Add(p!);
                    }
                }

                if (start == 0)
                {
                    await LoadWindowAsync(ordered.Select(f => f.Article.Date), clusterer, cancellationToken).ConfigureAwait(false);
                }

                start += slice.Count;
                await WriteBatchAsync(ready, clusterer, resolver, report, cancellationToken, start >= ordered.Count ? (run, index) : null).ConfigureAwait(false);
            }
            while (start < ordered.Count);

            await _indexing.ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAny(_indexing).ConfigureAwait(false);
            _index?.CloseWriter();
            serial.StopInto(report);
            await writing.DisposeAsync().ConfigureAwait(false);
        }

        return ChunkOutcome.Stored;
    }

    /// <summary>
    /// Waits until every chunk before <paramref name="index"/> is stored. False when one of them is held by nobody
    /// (its worker died, or none has reached it yet): the caller lets its own chunk go and takes that one first.
    /// </summary>
    private async Task<bool> WaitForEarlierChunksAsync(string run, int index, CancellationToken cancellationToken)
    {
        while (true)
        {
            var done = await _store.DoneChunksAsync(run, cancellationToken).ConfigureAwait(false);
            var missing = Enumerable.Range(0, index).Where(j => !done.Contains(j)).ToList();
            if (missing.Count == 0)
            {
                return true;
            }

            foreach (var j in missing)
            {
                if (await _store.TryClaimChunkAsync(run, j, cancellationToken).ConfigureAwait(false) is { } free)
                {
                    await free.DisposeAsync().ConfigureAwait(false);
                    return false;
                }
            }

            await Task.Delay(WorkerPoll, cancellationToken).ConfigureAwait(false);
        }
    }
}
