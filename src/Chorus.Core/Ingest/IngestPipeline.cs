using Chorus.Core.Analysis;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Text;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads, analyses, de-duplicates, clusters and stores articles. Inputs are taken in chunks: analysis runs in
/// parallel within a chunk; the chunk is then sorted by date and one writer assigns stories and commits in
/// batches, so that a crash leaves only whole articles, each with its story.
/// <code>
///   read results ─► chunk ─► analyse (parallel) ─► sort by date ─► exact dup? ─► near dup? ─► cluster ─► store batch ─► search index
/// </code>
/// </summary>
public sealed class IngestPipeline
{
    private const int ChunkSize = 1024;
    private const int BatchSize = 256;

    private readonly IChorusStore _store;
    private readonly ArticleAnalyzer _analyzer;
    private readonly ClusteringOptions _options;
    private readonly IArticleIndex? _index;
    private readonly bool _linkEntities;

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
        foreach (var result in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            report.Warnings.AddRange(result.Warnings);
            if (result.Rejection is { } rejection)
            {
                report.Rejected.Add(rejection);
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
        Report();
        return report;

        void Report() => progress?.Report(new IngestProgress(read, report.Done, report.Ingested));
    }

    /// <summary>De-duplicates and analyses a chunk here, then hands it to a writer task that starts when the previous one is done; returns that task.</summary>
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

        var prepared = new Prepared[fresh.Count];
        Parallel.For(0, fresh.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var analyzed = _analyzer.Analyze(fresh[i].Article);
            prepared[i] = new Prepared(analyzed, fresh[i].Key, ArticleFeatures.From(analyzed), MinHasher.Signature(analyzed), fresh[i].Order);
        });

        // Date order is what makes incremental clustering meaningful; undated articles go last, input order breaks ties.
        var ordered = prepared
            .OrderBy(p => p.Analyzed.Raw.Date?.Start ?? DateOnly.MaxValue)
            .ThenBy(p => p.Order)
            .ToList();
        // Writers run one after the other, in chunk order: story assignment stays in date order within a chunk
        // and in input order across chunks, whatever the thread timing.
        await previousWrite.ConfigureAwait(false);
        return Task.Run(
            async () =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await LoadWindowAsync(ordered, clusterer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }

                for (var start = 0; start < ordered.Count; start += BatchSize)
                {
                    var slice = ordered.GetRange(start, Math.Min(BatchSize, ordered.Count - start));
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await WriteBatchAsync(slice, clusterer, resolver, report, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }

                    reportProgress();
                }
            },
            cancellationToken);
    }

    private async Task LoadWindowAsync(List<Prepared> ordered, StoryClusterer clusterer, CancellationToken cancellationToken)
    {
        var dates = ordered.Where(p => p.Analyzed.Raw.Date is not null).Select(p => p.Analyzed.Raw.Date!.Value).ToList();
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

    private async Task WriteBatchAsync(List<Prepared> slice, StoryClusterer clusterer, Entities.EntityResolver? resolver, IngestReport report, CancellationToken cancellationToken)
    {
        var stored = new List<StoredArticle>(slice.Count);
        var batch = await _store.BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            if (resolver is not null)
            {
                await resolver.PrefetchAsync(batch, slice.Select(p => p.Analyzed), cancellationToken).ConfigureAwait(false);
            }

            foreach (var p in slice)
            {
                var raw = p.Analyzed.Raw;
                var id = ArticleIdentity.ArticleId(p.Key);
                var bands = p.Signature is null ? [] : MinHasher.BandKeys(p.Signature);
                var original = p.Signature is null ? null : await FindOriginalAsync(batch, bands, p.Signature, cancellationToken).ConfigureAwait(false);
                Assignment assignment;
                if (original?.StoryId is { } originalStory)
                {
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
                if (resolver is not null)
                {
                    await resolver.ResolveAsync(batch, id, assignment.StoryId, p.Analyzed, cancellationToken).ConfigureAwait(false);
                }

                stored.Add(article);
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
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        report.Ingested += stored.Count;
        report.StoredIds.AddRange(stored.Select(a => a.Id));
        if (_index is not null)
        {
            await _index.AddAsync(stored, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<NearDuplicateCandidate?> FindOriginalAsync(IStoreBatch batch, long[] bands, uint[] signature, CancellationToken cancellationToken)
    {
        NearDuplicateCandidate? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in await batch.FindNearDuplicateCandidatesAsync(bands, cancellationToken).ConfigureAwait(false))
        {
            var similarity = MinHasher.Similarity(signature, candidate.Signature);
            if (similarity >= _options.NearDuplicateSimilarity && similarity > bestSimilarity)
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

    private sealed record Prepared(AnalyzedArticle Analyzed, string Key, ArticleFeatures Features, uint[]? Signature, int Order);
}
