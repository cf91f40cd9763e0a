using System.Threading.Channels;
using Chorus.Core.Analysis;
using Chorus.Core.Store;
using Chorus.Core.Stories;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads, analyses, de-duplicates, clusters and stores articles: the stages, composed here, with bounded channels
/// between them.
/// <code>
///   read results ─► chunks ─► exact dup? ─► sort by date ─► analyse a batch (parallel, ArticlePreparer)
///     ═(PreparedBatch, bounded)═► StoryWriter: near dup? ─► cluster ─► store batch   (entity linking beside it: EntityLinkStage)
///     ═(stored articles, bounded)═► SearchIndexStage
/// </code>
/// A chunk is sorted by date and analysed a batch at a time on every core while the one writer stores the batch
/// before, in order, each in its own transaction, so that a crash leaves only whole articles, each with its story.
/// </summary>
public sealed partial class IngestPipeline
{
    private const int ChunkSize = 1024;
    private const int BatchSize = 256;
    private const int BatchesAhead = 3;

    private readonly IChorusStore _store;
    private readonly ArticlePreparer _preparer;
    private readonly IArticleIndex? _index;
    private readonly IngestSettings _settings;

    /// <param name="linkEntities">Link each article's entities to entities across the store (off only to measure what it costs).</param>
    public IngestPipeline(IChorusStore store, ArticleAnalyzer analyzer, ClusteringOptions options, IArticleIndex? index, bool linkEntities = true)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _store = store;
        _preparer = new ArticlePreparer(analyzer);
        _index = index;
        _settings = new IngestSettings(options, analyzer.LayersVersion, linkEntities);
    }

    /// <summary>
    /// Runs the serial part (story assignment, entity linking, the store batch) with nothing else of the run beside
    /// it, neither the next batch's analysis nor the search index, so that the process's CPU time while it runs is
    /// its own: <see cref="IngestReport.SerialCpuTime"/>. Slower; for measuring how far workers could scale.
    /// </summary>
    public bool IsolateSerialPart { get; init; }

    /// <summary>Called once, with who holds the store's write lock, when a run has to wait for another writer.</summary>
    public Action<string>? WaitingForWriter { get; init; }

    public async Task<IngestReport> RunAsync(IEnumerable<ReadResult> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // What the clusterer and the entity resolver keep in memory (term statistics, story windows, entities) is read
        // under the store's write lock and saved before it is let go, so concurrent ingests take turns, never mix views.
        var writing = await _store.LockForWritingAsync("ingest", WaitingForWriter, cancellationToken).ConfigureAwait(false);
        try
        {
            var report = new IngestReport();
            using var writer = await StoryWriter.OpenAsync(_store, _settings, report, cancellationToken).ConfigureAwait(false);
            var run = new SingleRun(this, writer, report, progress);
            await run.RunAsync(inputs, cancellationToken).ConfigureAwait(false);
            run.ReportProgress();
            return report;
        }
        finally
        {
            // The index writer is closed while the lock is still held: the next writer may be another process.
            _index?.CloseWriter();
            await writing.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One run over one input: the producer (reading, de-duplication, analysis), the story writer and the search
    /// index, side by side. The producer owns the report's rejections, warnings and duplicates; the writer the rest.
    /// </summary>
    private sealed class SingleRun(IngestPipeline pipeline, StoryWriter writer, IngestReport report, IProgress<IngestProgress>? progress)
    {
        // Up to three analysed batches wait for the writer while the next is analysed. Analysis runs below the writer's
        // priority (AnalysisThreads), so being ahead costs the writer nothing and keeps the cores busy while the writer
        // works alone: one batch ahead, DPG 2019 on two cores ran at a median 324 articles/s against 371 three ahead
        // (five alternated pairs; docs/design.md, "The writer first"). A waiting batch of 256 DPG articles holds about 6 MB
        // (24.5 KB kept per prepared article, measured in the fortieth session; not measured again).
        private readonly Channel<PreparedBatch> _batches = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly SearchIndexStage? _index = pipeline._index is { } index ? new SearchIndexStage(index) : null;
        private int _read;

        private SerialMeasurement Measurement => pipeline.IsolateSerialPart ? SerialMeasurement.WallAndCpuTime : SerialMeasurement.WallTime;

        public Task RunAsync(IEnumerable<ReadResult> inputs, CancellationToken cancellationToken)
            => StageGroup.RunAsync(
                cancellationToken,
                ct => ProduceAsync(inputs, ct),
                WriteAsync,
                ct => _index?.RunAsync(ct) ?? Task.CompletedTask);

        public void ReportProgress() => progress?.Report(new IngestProgress(Volatile.Read(ref _read), report.Done, report.Ingested));

        private async Task ProduceAsync(IEnumerable<ReadResult> inputs, CancellationToken cancellationToken)
        {
            try
            {
                var written = Task.CompletedTask;
                foreach (var chunk in InputChunks.Read(inputs, ChunkSize))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Volatile.Write(ref _read, chunk.Read);
                    report.Warnings.AddRange(chunk.Warnings);
                    report.Rejected.AddRange(chunk.Rejected);
                    var keyed = chunk.Articles.ConvertAll(KeyedArticle.Of);
                    var stored = keyed.Count == 0 ? new HashSet<string>() : await writer.FindStoredAsync(keyed.ConvertAll(k => k.Key), cancellationToken).ConfigureAwait(false);
                    var ordered = InputChunks.FreshInDateOrder(keyed, stored, _seen, report);
                    written = await ProduceChunkAsync(ordered, written, cancellationToken).ConfigureAwait(false);
                    ReportProgress();
                }
            }
            finally
            {
                _batches.Writer.TryComplete();
            }
        }

        /// <summary>Analyses a chunk a batch at a time and hands each batch on; returns when the last one is written.</summary>
        private async Task<Task> ProduceChunkAsync(List<KeyedArticle> ordered, Task written, CancellationToken cancellationToken)
        {
            foreach (var (slice, window, _) in InputChunks.Batches(ordered, BatchSize, evenIfEmpty: false))
            {
                if (pipeline.IsolateSerialPart)
                {
                    await written.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                var prepared = await pipeline._preparer.PrepareAllAsync(slice, cancellationToken).ConfigureAwait(false);
                report.Rejected.AddRange(prepared.Where(p => p.Failure is not null).Select(p => p.Failure!));
                var batch = new PreparedBatch([.. prepared.Where(p => p.Article is not null).Select(p => p.Article!)], window);
                await _batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                written = batch.Written.Task;
            }

            return written;
        }

        private async Task WriteAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var batch in _batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (pipeline.IsolateSerialPart && _index is not null)
                    {
                        await _index.WhenIndexedAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var stored = await writer.WriteAsync(batch, Measurement, cancellationToken).ConfigureAwait(false);
                    batch.Written.TrySetResult();
                    if (_index is not null)
                    {
                        await _index.AddAsync(stored, cancellationToken).ConfigureAwait(false);
                    }

                    ReportProgress();
                }
            }
            finally
            {
                _index?.Complete();
            }
        }
    }
}
