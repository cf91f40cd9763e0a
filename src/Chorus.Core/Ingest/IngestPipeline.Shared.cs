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
        /// <summary>Stored by others already, or held by another worker now.</summary>
        NotMine,
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
        var worker = new SharedRunWorker(this, run, progress);
        while (true)
        {
            var (pending, stored) = await worker.PassAsync(inputs(), cancellationToken).ConfigureAwait(false);
            if (!pending)
            {
                return worker.Report;
            }

            if (!stored)
            {
                await Task.Delay(WorkerPoll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One worker's view of a shared run: what it stored, and whether it has told that it waits for the lock.</summary>
    private sealed class SharedRunWorker(IngestPipeline pipeline, string run, IProgress<IngestProgress>? progress)
    {
        private int _waitingTold;

        public IngestReport Report { get; } = new();

        /// <summary>One pass over the input: stores each chunk not done that no other worker holds.</summary>
        /// <returns>Whether any chunk was not done at the pass's start, and whether this worker stored one.</returns>
        public async Task<(bool Pending, bool Stored)> PassAsync(IEnumerable<ReadResult> inputs, CancellationToken cancellationToken)
        {
            var done = await pipeline._store.DoneChunksAsync(run, cancellationToken).ConfigureAwait(false);
            var pending = false;
            var stored = false;
            foreach (var chunk in InputChunks.Read(inputs, ChunkSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (done.Contains(chunk.Index))
                {
                    continue;
                }

                pending = true;
                var outcome = await TryStoreAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (outcome == ChunkOutcome.Yielded)
                {
                    // An earlier chunk lies unclaimed (its worker died): start over from the first chunk.
                    break;
                }

                if (outcome == ChunkOutcome.Stored)
                {
                    stored = true;
                    progress?.Report(new IngestProgress(Report.Done, Report.Done, Report.Ingested));
                }
            }

            return (pending, stored);
        }

        private async Task<ChunkOutcome> TryStoreAsync(InputChunk chunk, CancellationToken cancellationToken)
        {
            var store = pipeline._store;
            var claim = await store.TryClaimChunkAsync(run, chunk.Index, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                return ChunkOutcome.NotMine;
            }

            await using (claim.ConfigureAwait(false))
            {
                if ((await store.DoneChunksAsync(run, cancellationToken).ConfigureAwait(false)).Contains(chunk.Index))
                {
                    return ChunkOutcome.NotMine;
                }

                return await pipeline.StoreSharedChunkAsync(new SharedChunk(run, chunk.Index), chunk, Report, Waiting, cancellationToken).ConfigureAwait(false);
            }
        }

        private void Waiting(string holder)
        {
            if (Interlocked.Exchange(ref _waitingTold, 1) == 0)
            {
                pipeline.WaitingForWriter?.Invoke(holder);
            }
        }
    }

    private async Task<ChunkOutcome> StoreSharedChunkAsync(SharedChunk shared, InputChunk chunk, IngestReport report, Action<string> waiting, CancellationToken cancellationToken)
    {
        // Analysis first, outside the lock: this is what workers do side by side.
        var keyed = chunk.Articles.ConvertAll(KeyedArticle.Of);
        var prepared = await _preparer.PrepareAllAsync(keyed, cancellationToken).ConfigureAwait(false);
        var byKey = new Dictionary<string, Preparation>(StringComparer.Ordinal);
        for (var i = 0; i < keyed.Count; i++)
        {
            byKey.TryAdd(keyed[i].Key, prepared[i]);
        }

        if (!await WaitForEarlierChunksAsync(shared.Run, shared.Index, cancellationToken).ConfigureAwait(false))
        {
            return ChunkOutcome.Yielded;
        }

        var writing = await _store.LockForWritingAsync("ingest", waiting, cancellationToken).ConfigureAwait(false);
        // Everything under the lock is the serial part, and nothing else of this process runs beside it: its CPU
        // time is the serial part's own.
        var serial = StoryWriter.SerialClock.Start(SerialMeasurement.WallAndCpuTime);
        try
        {
            report.Warnings.AddRange(chunk.Warnings);
            report.Rejected.AddRange(chunk.Rejected);
            await StoreLockedAsync(shared, keyed, byKey, report, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _index?.CloseWriter();
            serial.StopInto(report);
            await writing.DisposeAsync().ConfigureAwait(false);
        }

        return ChunkOutcome.Stored;
    }

    /// <summary>Stores a chunk's prepared articles as a single run would at this point of the input: a fresh writer over what earlier chunks stored.</summary>
    private async Task StoreLockedAsync(SharedChunk shared, List<KeyedArticle> keyed, Dictionary<string, Preparation> prepared, IngestReport report, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var writer = await StoryWriter.OpenAsync(_store, _settings, report, cancellationToken).ConfigureAwait(false);
        var stored = await writer.FindStoredAsync(keyed.ConvertAll(k => k.Key), cancellationToken).ConfigureAwait(false);
        report.SerialParts.Add(SerialPart.Reload, started);
        var ordered = InputChunks.FreshInDateOrder(keyed, stored, new HashSet<string>(StringComparer.Ordinal), report);
        var index = _index is null ? null : new SearchIndexStage(_index);
        await StageGroup.RunAsync(
            cancellationToken,
            async ct =>
            {
                try
                {
                    await WriteChunkAsync(writer, new ChunkToStore(shared, ordered, prepared), index, report, ct).ConfigureAwait(false);
                }
                finally
                {
                    index?.Complete();
                }
            },
            ct => index?.RunAsync(ct) ?? Task.CompletedTask).ConfigureAwait(false);
    }

    private static async Task WriteChunkAsync(StoryWriter writer, ChunkToStore chunk, SearchIndexStage? index, IngestReport report, CancellationToken cancellationToken)
    {
        var (shared, ordered, prepared) = chunk;
        // Even a chunk with nothing left to store is written, as an empty batch: it marks the chunk done.
        foreach (var (slice, window, last) in InputChunks.Batches(ordered, BatchSize, evenIfEmpty: true))
        {
            var ready = new List<PreparedArticle>(slice.Count);
            foreach (var item in slice)
            {
                var (article, failure) = prepared[item.Key];
                if (failure is not null)
                {
                    report.Rejected.Add(failure);
                }
                else
                {
                    ready.Add(article!);
                }
            }

            var stored = await writer.WriteAsync(new PreparedBatch(ready, window, last ? shared : null), SerialMeasurement.PartsOnly, cancellationToken).ConfigureAwait(false);
            if (index is not null)
            {
                await index.AddAsync(stored, cancellationToken).ConfigureAwait(false);
            }
        }
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

    /// <param name="Ordered">The chunk's articles to store, in the order they are clustered.</param>
    /// <param name="Prepared">Every article of the chunk, prepared, by content key.</param>
    private sealed record ChunkToStore(SharedChunk Shared, List<KeyedArticle> Ordered, Dictionary<string, Preparation> Prepared);
}
