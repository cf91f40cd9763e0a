using Chorus.Core.Analysis;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads, analyses, de-duplicates, clusters and stores articles. Inputs are taken in chunks, and a chunk is sorted
/// by date; its articles are analysed in parallel a batch at a time, and one writer assigns stories and commits
/// each batch while the next one is analysed, so that a crash leaves only whole articles, each with its story.
/// <code>
///   read results ─► chunk ─► exact dup? ─► sort by date ─► analyse a batch (parallel) ─► near dup? ─► cluster ─► store batch ─► search index
/// </code>
/// </summary>
public sealed partial class IngestPipeline
{
    private const int ChunkSize = 1024;
    private const int BatchSize = 256;

    private readonly IChorusStore _store;
    private readonly ArticleAnalyzer _analyzer;
    private readonly ClusteringOptions _options;
    private readonly IArticleIndex? _index;
    private readonly bool _linkEntities;
    // The search index of the batches committed so far, written beside the next ones (one run at a time per pipeline).
    private Task _indexing = Task.CompletedTask;

    /// <param name="linkEntities">Link each article's entities to entities across the store (off only to measure what it costs).</param>
    public IngestPipeline(IChorusStore store, ArticleAnalyzer analyzer, ClusteringOptions options, IArticleIndex? index, bool linkEntities = true)
    {
        _store = store;
        _analyzer = analyzer;
        _options = options;
        _index = index;
        _linkEntities = linkEntities;
    }

    public async Task<IngestReport> RunAsync(IEnumerable<ReadResult> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // What the clusterer and the entity resolver keep in memory (term statistics, story windows, entities) is read
        // under the store's write lock and saved before it is let go, so concurrent ingests take turns, never mix views.
        var writing = await _store.LockForWritingAsync("ingest", WaitingForWriter, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunLockedAsync(inputs, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The index writer is closed while the lock is still held: the next writer may be another process.
            _index?.CloseWriter();
            await writing.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the serial part (story assignment, entity linking, the store batch) with nothing else of the run beside
    /// it, neither the next batch's analysis nor the search index, so that the process's CPU time while it runs is
    /// its own: <see cref="IngestReport.SerialCpuTime"/>. Slower; for measuring how far workers could scale.
    /// </summary>
    public bool IsolateSerialPart { get; init; }

    /// <summary>Called once, with who holds the store's write lock, when a run has to wait for another writer.</summary>
    public Action<string>? WaitingForWriter { get; init; }

    private async Task<IngestReport> RunLockedAsync(IEnumerable<ReadResult> inputs, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        _indexing = Task.CompletedTask;
        var report = new IngestReport();
        var clusterer = new StoryClusterer(_options, await _store.LoadTermStatisticsAsync(cancellationToken).ConfigureAwait(false));
        foreach (var (a, b) in await _store.StoriesKeptApartAsync(cancellationToken).ConfigureAwait(false))
        {
            clusterer.KeepApart(a, b);
        }
        var resolver = _linkEntities ? new Entities.EntityResolver() : null;
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<RawArticle>(ChunkSize);
        var read = 0;
        // The writer of one chunk runs while the next chunk is read and analysed; the store's connection is
        // shared, so every store call on either side holds this gate.
        using var gate = new SemaphoreSlim(1, 1);
        Task pendingWrite = Task.CompletedTask;
        try
        {
            foreach (var result in inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                report.Warnings.AddRange(result.Warnings);
                if (result.Rejection is { } rejection)
                {
                    report.Rejected.Add(rejection);
                }
                else if (result.Article is { Date: { } date } dated && !ArticleDates.InRange(date))
                {
                    // Readers reject these themselves; this guards articles made by other callers.
                    report.Rejected.Add(new InputProblem(dated.Ref, ArticleDates.OutOfRange(date)));
                }
                else if (result.Article is { } article)
                {
                    chunk.Add(article);
                }

                if (chunk.Count >= ChunkSize)
                {
                    pendingWrite = await ProcessChunkAsync(chunk, clusterer, resolver, seenKeys, report, Report, gate, pendingWrite, cancellationToken).ConfigureAwait(false);
                    chunk = new List<RawArticle>(ChunkSize);
                }

                if (result.Rejection is not null)
                {
                    Report();
                }
            }

            pendingWrite = await ProcessChunkAsync(chunk, clusterer, resolver, seenKeys, report, Report, gate, pendingWrite, cancellationToken).ConfigureAwait(false);
            await pendingWrite.ConfigureAwait(false);
        }
        finally
        {
            // Writers and the search index are done with the store and the index before the caller closes them,
            // even after a failure.
            await Task.WhenAny(pendingWrite).ConfigureAwait(false);
            await Task.WhenAny(_indexing).ConfigureAwait(false);
        }

        await _indexing.ConfigureAwait(false);
        Report();
        return report;

        void Report() => progress?.Report(new IngestProgress(read, report.Done, report.Ingested));
    }

    /// <summary>
    /// De-duplicates a chunk, sorts it by date and analyses it a batch at a time here, handing each batch to a writer
    /// task that starts when the previous one is done; returns the last writer task.
    /// </summary>
    private async Task<Task> ProcessChunkAsync(List<RawArticle> chunk, StoryClusterer clusterer, Entities.EntityResolver? resolver, HashSet<string> seenKeys, IngestReport report, Action reportProgress, SemaphoreSlim gate, Task previousWrite, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return previousWrite;
        }

        var keyed = chunk.Select(a => (Article: a, Key: ArticleIdentity.ContentKey(a))).ToList();
        IReadOnlySet<string> existing;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            existing = await _store.FindExistingContentKeysAsync(keyed.Select(k => k.Key).ToList(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        // The date comes with the raw article, so the chunk is ordered before analysis and then analysed one batch
        // at a time: each batch's writer runs while the next batch is analysed.
        var ordered = Order(keyed, existing, seenKeys, report);
        var write = previousWrite;
        for (var start = 0; start < ordered.Count; start += BatchSize)
        {
            var slice = ordered.GetRange(start, Math.Min(BatchSize, ordered.Count - start));
            var analysed = new Prepared?[slice.Count];
            var failures = new InputProblem?[slice.Count];
            if (IsolateSerialPart)
            {
                await write.ConfigureAwait(false);
            }

            Parallel.For(0, slice.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => (analysed[i], failures[i]) = Prepare(slice[i].Article, slice[i].Key));

            report.Rejected.AddRange(failures.OfType<InputProblem>());
            var prepared = analysed.OfType<Prepared>().ToArray();

            // Writers run one after the other, in input order, whatever the thread timing; analysis stays at most
            // one batch ahead of them.
            await write.ConfigureAwait(false);
            var loadWindow = start == 0;
            write = Task.Run(
                async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (IsolateSerialPart)
                    {
                        await _indexing.ConfigureAwait(false);
                    }

                    var serial = SerialClock.Start(IsolateSerialPart);
                    try
                    {
                        if (loadWindow)
                        {
                            await LoadWindowAsync(ordered.Select(f => f.Article.Date), clusterer, cancellationToken).ConfigureAwait(false);
                        }

                        await WriteBatchAsync(prepared, clusterer, resolver, report, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        serial.StopInto(report);
                        gate.Release();
                    }

                    reportProgress();
                },
                cancellationToken);
        }

        return write;
    }

    /// <summary>Analyses one article for storing; a defect in its analysis rejects that article, never the batch or the run.</summary>
    private (Prepared? Prepared, InputProblem? Failure) Prepare(RawArticle article, string key)
    {
        try
        {
            var analyzed = _analyzer.Analyze(article);
            return (new Prepared(analyzed, key, ArticleFeatures.From(analyzed), MinHasher.Signature(analyzed), AnalysisCodec.Encode(analyzed)), null);
        }
#pragma warning disable CA1031 // A defect in one article's analysis rejects that article; the batch and the run go on.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, new InputProblem(article.Ref, $"analysis failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// The articles of a chunk to store, in the order they are clustered: without those stored already or seen
    /// earlier in the run, by date (undated last), input order breaking ties. Date order is what makes incremental
    /// clustering meaningful.
    /// </summary>
    private static List<(RawArticle Article, string Key, int Order)> Order(IEnumerable<(RawArticle Article, string Key)> keyed, IReadOnlySet<string> existing, HashSet<string> seenKeys, IngestReport report)
    {
        var fresh = new List<(RawArticle Article, string Key, int Order)>();
        foreach (var (article, key) in keyed)
        {
            if (existing.Contains(key) || !seenKeys.Add(key))
            {
                report.Duplicates++;
            }
            else
            {
                fresh.Add((article, key, fresh.Count));
            }
        }

        return fresh
            .OrderBy(f => f.Article.Date?.Start ?? DateOnly.MaxValue)
            .ThenBy(f => f.Order)
            .ToList();
    }

    private async Task LoadWindowAsync(IEnumerable<PartialDate?> chunkDates, StoryClusterer clusterer, CancellationToken cancellationToken)
    {
        var dates = chunkDates.OfType<PartialDate>().ToList();
        var from = dates.Count == 0 ? DateOnly.MaxValue : dates.Min(d => d.Start).AddDays(-_options.WindowDays);
        var to = dates.Count == 0 ? DateOnly.MinValue : dates.Max(d => d.End).AddDays(_options.WindowDays);
        if (dates.Count > 0)
        {
            // Stories that ended before this chunk's window cannot take its articles; a late article in a later
            // chunk reloads them from the store.
            clusterer.Evict(from);
        }

        foreach (var profile in await _store.LoadStoryProfilesAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            clusterer.Load(profile);
        }
    }

    /// <param name="done">The shared run's chunk this batch completes, marked done in the batch's own transaction.</param>
    private async Task WriteBatchAsync(IReadOnlyList<Prepared> slice, StoryClusterer clusterer, Entities.EntityResolver? resolver, IngestReport report, CancellationToken cancellationToken, (string Run, int Chunk)? done = null)
    {
        var stored = new List<StoredArticle>(slice.Count);
        var batch = await _store.BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            // Entity linking runs beside clustering, article by article in the same order, each article once its
            // story is known; the two share the batch one call at a time.
            var shared = resolver is null ? null : new SerializedStoreBatch(batch);
            var store = shared ?? batch;
            var linking = Task.CompletedTask;
            try
            {
                if (resolver is not null)
                {
                    linking = Task.Run(() => resolver.PrefetchAsync(store, slice.Select(p => p.Analyzed), cancellationToken), cancellationToken);
                }

                foreach (var p in slice)
                {
                    var article = await AssignAsync(store, p, clusterer, report, () => linking, cancellationToken).ConfigureAwait(false);
                    if (resolver is not null)
                    {
                        var previous = linking;
                        linking = Task.Run(
                            async () =>
                            {
                                await previous.ConfigureAwait(false);
                                await resolver.ResolveAsync(store, article.Id, article.StoryId, p.Analyzed, cancellationToken).ConfigureAwait(false);
                            },
                            cancellationToken);
                    }

                    stored.Add(article);
                }

                await linking.ConfigureAwait(false);
            }
            finally
            {
                // Whatever happened, the linker is done with the batch before it is rolled back or committed.
                await Task.WhenAny(linking).ConfigureAwait(false);
                if (shared is not null)
                {
                    await shared.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (resolver is not null)
            {
                await resolver.FlushAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            foreach (var story in clusterer.TakeDirty())
            {
                await batch.SaveStoryAsync(story, cancellationToken).ConfigureAwait(false);
            }

            await batch.AddDocumentFrequenciesAsync(clusterer.Statistics.TakePending(), slice.Count, cancellationToken).ConfigureAwait(false);
            if (done is { } chunk)
            {
                await batch.MarkChunkDoneAsync(chunk.Run, chunk.Chunk, cancellationToken).ConfigureAwait(false);
            }

            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        report.Ingested += stored.Count;
        report.StoredIds.AddRange(stored.Select(a => a.Id));
        if (_index is not null)
        {
            // The search index is written beside the next batches; the run waits for it at the end.
            var previous = _indexing;
            var index = _index;
            _indexing = Task.Run(
                async () =>
                {
                    await previous.ConfigureAwait(false);
                    await index.AddAsync(stored, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken);
        }
    }

    /// <summary>
    /// Finds the article's story (the original's, for a near-copy) and adds the article to the batch. Stories merged
    /// by the assignment are merged only once the linker has caught up, so that it reads stories as they were
    /// before this article, as it would in sequence.
    /// </summary>
    private async Task<StoredArticle> AssignAsync(IStoreBatch batch, Prepared p, StoryClusterer clusterer, IngestReport report, Func<Task> linking, CancellationToken cancellationToken)
    {
        var raw = p.Analyzed.Raw;
        var id = ArticleIdentity.ArticleId(p.Key);
        var bands = p.Signature is null ? [] : MinHasher.BandKeys(p.Signature);
        var original = p.Signature is null ? null : await FindOriginalAsync(batch, bands, p.Signature, cancellationToken).ConfigureAwait(false);
        Assignment assignment;
        if (original?.StoryId is { } originalStory)
        {
            // The original's story may lie outside the loaded window (a reprint months later): load it, so that its
            // stored article count and dates take the copy in.
            if (!clusterer.IsLoaded(originalStory) && await batch.LoadStoryProfileAsync(originalStory, cancellationToken).ConfigureAwait(false) is { } profile)
            {
                clusterer.Load(profile);
            }

            assignment = clusterer.Follow(originalStory, p.Features, original.DuplicateOf ?? original.ArticleId);
            report.NearDuplicates++;
        }
        else
        {
            var (title, headline) = StoryTitle(p.Analyzed);
            assignment = clusterer.Assign(p.Features, ArticleIdentity.StoryId(id), title, headline);
            if (assignment.OpenedStory)
            {
                report.StoriesOpened++;
            }

            if (assignment.MergedStories.Count > 0)
            {
                await linking().ConfigureAwait(false);
            }

            foreach (var absorbed in assignment.MergedStories)
            {
                await batch.MergeStoriesAsync(absorbed, assignment.StoryId, cancellationToken).ConfigureAwait(false);
                report.StoriesMerged++;
            }
        }

        var article = new StoredArticle
        {
            Id = id,
            Ref = raw.Ref,
            ContentKey = p.Key,
            Text = raw.Text,
            Title = raw.Title,
            Date = raw.Date,
            Source = raw.Source,
            Url = raw.Url,
            ExternalId = raw.ExternalId,
            SummaryOnly = raw.SummaryOnly,
            Lang = p.Analyzed.Lang,
            DuplicateOf = assignment.DuplicateOf,
            StoryId = assignment.StoryId,
            Assignment = assignment,
            Signature = p.Signature,
        };
        await batch.AddArticleAsync(article, bands, cancellationToken).ConfigureAwait(false);

        // The layers go with the article, in its transaction: reads never analyse again.
        await batch.SaveAnalysisAsync(id, _analyzer.LayersVersion, p.Layers, cancellationToken).ConfigureAwait(false);
        return article;
    }

    private async Task<NearDuplicateCandidate?> FindOriginalAsync(IStoreBatch batch, long[] bands, uint[] signature, CancellationToken cancellationToken)
    {
        NearDuplicateCandidate? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in await batch.FindNearDuplicateCandidatesAsync(bands, cancellationToken).ConfigureAwait(false))
        {
            // A near-copy resembles its original, or holds it almost whole (or is held by it): a reprint with a new
            // first sentence and an extra paragraph, an excerpt of a wire story.
            var similarity = MinHasher.Similarity(signature, candidate.Signature);
            var copy = similarity >= _options.NearDuplicateSimilarity
                || (similarity >= _options.NearDuplicateContainmentFloor && MinHasher.Containment(signature, candidate.Signature) >= _options.NearDuplicateContainment);
            if (copy && similarity > bestSimilarity)
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    /// <summary>A story's title: the headline when the article has one, else its first sentence, shortened on a word boundary.</summary>
    internal static (string Title, bool FromHeadline) StoryTitle(AnalyzedArticle article)
    {
        if (!string.IsNullOrWhiteSpace(article.Raw.Title))
        {
            return (article.Raw.Title, true);
        }

        var text = article.Raw.Text;
        var first = article.Sentences.Count > 0 ? article.Sentences[0].Of(text).ToString() : text;
        const int Max = 100;
        if (first.Length <= Max)
        {
            return (first, false);
        }

        var cut = first.LastIndexOf(' ', Max);
        return (first[..(cut > 40 ? cut : Max)] + "…", false);
    }

    /// <summary>Wall time, and CPU time where the serial part runs alone, of one stretch of the serial part.</summary>
    private readonly struct SerialClock
    {
        private readonly long _started;
        private readonly TimeSpan? _cpu;

        private SerialClock(long started, TimeSpan? cpu) => (_started, _cpu) = (started, cpu);

        public static SerialClock Start(bool isolated) => new(System.Diagnostics.Stopwatch.GetTimestamp(), isolated ? Environment.CpuUsage.TotalTime : null);

        public void StopInto(IngestReport report)
        {
            report.SerialTime += System.Diagnostics.Stopwatch.GetElapsedTime(_started);
            if (_cpu is { } cpu)
            {
                report.SerialCpuTime += Environment.CpuUsage.TotalTime - cpu;
            }
        }
    }

    private sealed record Prepared(AnalyzedArticle Analyzed, string Key, ArticleFeatures Features, uint[]? Signature, byte[] Layers);
}
