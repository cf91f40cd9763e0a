using Chorus.Core.Entities;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>What the story writer times (see <see cref="IngestReport.SerialTime"/>).</summary>
internal enum SerialMeasurement
{
    None,
    WallTime,
    // Only where nothing else of the process runs beside the writer.
    WallAndCpuTime,
    // Each part's wall time only: the caller times the whole (a shared run's chunk, under the store's lock).
    PartsOnly,
}

/// <summary>
/// The serial part of ingest: one writer, one batch at a time, in order. It finds each article's story (its
/// original's, for a near-copy), hands the article to entity linking, and writes articles, layers, stories, entities
/// and term counts in the batch's transaction, so a crash leaves only whole articles, each with its story. It holds
/// what clustering and linking keep in memory for the run, and every use of the store's connection goes through
/// its turn, since the producer's de-duplication look-ups share that connection.
/// </summary>
internal sealed class StoryWriter : IDisposable
{
    private readonly IChorusStore _store;
    private readonly StoryClusterer _clusterer;
    private readonly EntityResolver? _resolver;
    private readonly IngestSettings _settings;
    private readonly IngestReport _report;
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Whether the batch being written times its parts (IngestReport.SerialParts).
    private bool _timing;

    private StoryWriter(IChorusStore store, StoryClusterer clusterer, IngestSettings settings, IngestReport report)
    {
        _store = store;
        _clusterer = clusterer;
        _resolver = settings.LinkEntities ? new EntityResolver() : null;
        _settings = settings;
        _report = report;
    }

    /// <summary>A writer over what the store holds now (term statistics, stories users kept apart).</summary>
    public static async Task<StoryWriter> OpenAsync(IChorusStore store, IngestSettings settings, IngestReport report, CancellationToken cancellationToken)
    {
        var clusterer = new StoryClusterer(settings.Clustering, await store.LoadTermStatisticsAsync(cancellationToken).ConfigureAwait(false));
        foreach (var (a, b) in await store.StoriesKeptApartAsync(cancellationToken).ConfigureAwait(false))
        {
            clusterer.KeepApart(a, b);
        }

        return new StoryWriter(store, clusterer, settings, report);
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>Which of these content keys the store holds already; waits for the writer's turn on the connection.</summary>
    public async Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _store.FindExistingContentKeysAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Stores one batch in its own transaction and returns the articles stored, in order.</summary>
    public async Task<IReadOnlyList<StoredArticle>> WriteAsync(PreparedBatch batch, SerialMeasurement measurement, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        var clock = SerialClock.Start(measurement);
        _timing = measurement != SerialMeasurement.None;
        try
        {
            if (batch.WindowDates is { } dates)
            {
                var started = Now;
                await LoadWindowAsync(dates, cancellationToken).ConfigureAwait(false);
                Took(SerialPart.Window, started);
            }

            var stored = await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            _report.Ingested += stored.Count;
            _report.StoredIds.AddRange(stored.Select(a => a.Id));
            return stored;
        }
        finally
        {
            clock.StopInto(_report);
            _turn.Release();
        }
    }

    private long Now => _timing ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;

    private void Took(SerialPart part, long started)
    {
        if (_timing)
        {
            _report.SerialParts.Add(part, started);
        }
    }

    private async Task LoadWindowAsync(IReadOnlyList<PartialDate?> chunkDates, CancellationToken cancellationToken)
    {
        var dates = chunkDates.OfType<PartialDate>().ToList();
        var windowDays = _settings.Clustering.WindowDays;
        var from = dates.Count == 0 ? DateOnly.MaxValue : dates.Min(d => d.Start).AddDays(-windowDays);
        var to = dates.Count == 0 ? DateOnly.MinValue : dates.Max(d => d.End).AddDays(windowDays);
        if (dates.Count > 0)
        {
            // Stories that ended before this chunk's window cannot take its articles; a late article in a later
            // chunk reloads them from the store.
            _clusterer.Evict(from);
        }

        // Undated stories come with any window.
        foreach (var profile in await _store.LoadStoryProfilesAsync(from, to, _clusterer.IsLoaded, cancellationToken).ConfigureAwait(false))
        {
            _clusterer.Load(profile);
        }
    }

    private async Task<List<StoredArticle>> WriteBatchAsync(PreparedBatch prepared, CancellationToken cancellationToken)
    {
        var stored = new List<StoredArticle>(prepared.Articles.Count);
        var batch = await _store.BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            // Entity linking runs beside clustering, article by article in the same order, each article once its
            // story is known; the two share the batch one call at a time.
            var shared = new SerializedStoreBatch(batch);
            await using (shared.ConfigureAwait(false))
            {
                var loading = Now;
                _nearCopies = await NearCopyIndex.LoadAsync(shared, prepared.Articles.Where(p => p.Signature is not null).Select(p => MinHasher.BandKeys(p.Signature!)), cancellationToken).ConfigureAwait(false);
                Took(SerialPart.NearCopies, loading);
                var linking = _resolver is null ? null : EntityLinkStage.Start(_resolver, shared, prepared.Articles, _timing ? _report.SerialParts : null, cancellationToken);
                try
                {
                    foreach (var p in prepared.Articles)
                    {
                        var article = await AssignAsync(shared, p, linking, cancellationToken).ConfigureAwait(false);
                        linking?.Link(article.Id, article.StoryId, p.EntityGroups);
                        stored.Add(article);
                    }

                    if (linking is not null)
                    {
                        var started = Now;
                        await linking.CompleteAsync().ConfigureAwait(false);
                        Took(SerialPart.LinkWait, started);
                    }

                    await SettleAsync(shared, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (linking is not null)
                    {
                        await linking.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            await FinishBatchAsync(batch, prepared, cancellationToken).ConfigureAwait(false);
        }

        _nearCopies = null;
        return stored;
    }

    /// <summary>
    /// The batch's one-article stories compared again with the statistics of the whole batch (<see cref="StoryClusterer.Settle"/>),
    /// once the linker has caught up; the merges are written like the clusterer's other merges.
    /// </summary>
    private async Task SettleAsync(IStoreBatch batch, CancellationToken cancellationToken)
    {
        var started = Now;
        var merges = _clusterer.Settle();
        Took(SerialPart.Clustering, started);
        started = Now;
        await ReplaceRejoinedAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var (absorbed, survivor) in merges)
        {
            await batch.MergeStoriesAsync(absorbed, survivor, cancellationToken).ConfigureAwait(false);
            NearCopies.Merged(absorbed, survivor);
            _report.StoriesMerged++;
        }

        Took(SerialPart.ArticleWrites, started);
    }

    /// <summary>The new explanations of articles the clusterer compared again and moved, written before their stories merge away.</summary>
    private async Task ReplaceRejoinedAsync(IStoreBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (absorbed, assignment) in _clusterer.TakeRejoined())
        {
            await batch.ReplaceAssignmentAsync(absorbed, assignment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what the batch changed beside its articles (entities, stories, term counts) and commits.</summary>
    private async Task FinishBatchAsync(IStoreBatch batch, PreparedBatch prepared, CancellationToken cancellationToken)
    {
        var started = Now;
        if (_resolver is not null)
        {
            await _resolver.FlushAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        Took(SerialPart.EntityWrites, started);
        started = Now;
        foreach (var story in _clusterer.TakeDirty())
        {
            await batch.SaveStoryAsync(story, cancellationToken).ConfigureAwait(false);
        }

        Took(SerialPart.StoryWrites, started);
        started = Now;
        await batch.AddDocumentFrequenciesAsync(_clusterer.Statistics.TakePending(), prepared.Articles.Count, cancellationToken).ConfigureAwait(false);
        if (prepared.Completes is { } chunk)
        {
            await batch.MarkChunkDoneAsync(chunk.Run, chunk.Index, cancellationToken).ConfigureAwait(false);
        }

        Took(SerialPart.TermCounts, started);
        started = Now;
        await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        Took(SerialPart.Commit, started);
    }

    /// <summary>Finds the article's story (the original's, for a near-copy) and adds the article and its layers to the batch.</summary>
    private async Task<StoredArticle> AssignAsync(IStoreBatch batch, PreparedArticle p, EntityLinkStage? linking, CancellationToken cancellationToken)
    {
        var id = ArticleIdentity.ArticleId(p.ContentKey);
        var bands = p.Signature is null ? [] : MinHasher.BandKeys(p.Signature);
        var started = Now;
        var original = p.Signature is null ? null : FindOriginal(bands, p.Signature);
        Took(SerialPart.NearCopies, started);
        var assignment = original?.StoryId is { } originalStory
            ? await FollowOriginalAsync(batch, p, original, originalStory, cancellationToken).ConfigureAwait(false)
            : await AssignByContentAsync(batch, p, id, linking, cancellationToken).ConfigureAwait(false);
        var article = Stored(p, id, assignment);
        started = Now;
        await batch.AddArticleAsync(article, bands, cancellationToken).ConfigureAwait(false);
        NearCopies.Add(article, bands);

        // The layers go with the article, in its transaction: reads never analyse again.
        await batch.SaveAnalysisAsync(id, _settings.LayersVersion, p.Layers, cancellationToken).ConfigureAwait(false);
        Took(SerialPart.ArticleWrites, started);
        return article;
    }

    private async Task<Assignment> FollowOriginalAsync(IStoreBatch batch, PreparedArticle p, NearDuplicateCandidate original, string originalStory, CancellationToken cancellationToken)
    {
        // The original's story may lie outside the loaded window (a reprint months later): load it, so that its
        // stored article count and dates take the copy in.
        if (!_clusterer.IsLoaded(originalStory) && await batch.LoadStoryProfileAsync(originalStory, cancellationToken).ConfigureAwait(false) is { } profile)
        {
            _clusterer.Load(profile);
        }

        _report.NearDuplicates++;
        var started = Now;
        var followed = _clusterer.Follow(originalStory, p.Features, original.DuplicateOf ?? original.ArticleId);
        Took(SerialPart.Clustering, started);
        return followed;
    }

    /// <summary>
    /// Assigns by content. Stories the assignment merges are merged only once the linker has caught up, so that it
    /// reads stories as they were before this article, as it would in sequence.
    /// </summary>
    private async Task<Assignment> AssignByContentAsync(IStoreBatch batch, PreparedArticle p, string id, EntityLinkStage? linking, CancellationToken cancellationToken)
    {
        var started = Now;
        var assignment = _clusterer.Assign(p.Features, ArticleIdentity.StoryId(id), p.Title.Text, p.Title.FromHeadline);
        Took(SerialPart.Clustering, started);
        if (assignment.OpenedStory)
        {
            _report.StoriesOpened++;
        }

        if (assignment.MergedStories.Count > 0 && linking is not null)
        {
            started = Now;
            await linking.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            Took(SerialPart.LinkWait, started);
        }

        started = Now;
        await ReplaceRejoinedAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var absorbed in assignment.MergedStories)
        {
            await batch.MergeStoriesAsync(absorbed, assignment.StoryId, cancellationToken).ConfigureAwait(false);
            NearCopies.Merged(absorbed, assignment.StoryId);
            _report.StoriesMerged++;
        }

        Took(SerialPart.ArticleWrites, started);

        return assignment;
    }

    private static StoredArticle Stored(PreparedArticle p, string id, Assignment assignment)
    {
        var raw = p.Raw;
        return new StoredArticle
        {
            Id = id,
            Ref = raw.Ref,
            ContentKey = p.ContentKey,
            Text = raw.Text,
            Title = raw.Title,
            Date = raw.Date,
            Source = raw.Source,
            Url = raw.Url,
            ExternalId = raw.ExternalId,
            SummaryOnly = raw.SummaryOnly,
            Lang = p.Lang,
            DuplicateOf = assignment.DuplicateOf,
            StoryId = assignment.StoryId,
            Assignment = assignment,
            Signature = p.Signature,
        };
    }

    // The batch's near-copy candidates (WriteBatchAsync reads them as the batch begins).
    private NearCopyIndex? _nearCopies;

    private NearCopyIndex NearCopies => _nearCopies ?? throw new InvalidOperationException("no batch is being written");

    private NearDuplicateCandidate? FindOriginal(long[] bands, uint[] signature)
    {
        var options = _settings.Clustering;
        NearDuplicateCandidate? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in NearCopies.Candidates(bands))
        {
            // A near-copy resembles its original, or holds it almost whole (or is held by it): a reprint with a new
            // first sentence and an extra paragraph, an excerpt of a wire story.
            var similarity = MinHasher.Similarity(signature, candidate.Signature);
            var copy = similarity >= options.NearDuplicateSimilarity
                || (similarity >= options.NearDuplicateContainmentFloor && MinHasher.Containment(signature, candidate.Signature) >= options.NearDuplicateContainment);
            if (copy && similarity > bestSimilarity)
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    /// <summary>Wall time, and CPU time where the serial part runs alone, of one stretch of the serial part.</summary>
    internal readonly struct SerialClock
    {
        private readonly long _started;
        private readonly TimeSpan? _cpu;
        private readonly long _allocated;
        private readonly bool _on;

        private SerialClock(long started, TimeSpan? cpu, long allocated, bool on) => (_started, _cpu, _allocated, _on) = (started, cpu, allocated, on);

        public static SerialClock Start(SerialMeasurement measurement)
        {
            var alone = measurement == SerialMeasurement.WallAndCpuTime;
            return new(
                System.Diagnostics.Stopwatch.GetTimestamp(),
                alone ? Environment.CpuUsage.TotalTime : null,
                alone ? GC.GetTotalAllocatedBytes() : 0,
                measurement is SerialMeasurement.WallTime or SerialMeasurement.WallAndCpuTime);
        }

        public void StopInto(IngestReport report)
        {
            if (!_on)
            {
                return;
            }

            report.SerialTime += System.Diagnostics.Stopwatch.GetElapsedTime(_started);
            if (_cpu is { } cpu)
            {
                report.SerialCpuTime += Environment.CpuUsage.TotalTime - cpu;
                report.SerialAllocatedBytes += GC.GetTotalAllocatedBytes() - _allocated;
            }
        }
    }
}

/// <summary>What an ingest run is configured with, beside the store and the analyzer.</summary>
/// <param name="LayersVersion">The analyzer version the stored layers are written under.</param>
/// <param name="LinkEntities">Link each article's entities to entities across the store.</param>
internal sealed record IngestSettings(ClusteringOptions Clustering, int LayersVersion, bool LinkEntities);
