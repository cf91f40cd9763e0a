using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Microsoft.Extensions.Options;

namespace Chorus.Web;

/// <summary>
/// The server's access to the store. Writes (ingest, corrections) take turns on one primary workspace; reads run
/// beside them and beside each other, each on a pooled connection of its own (SQLite's WAL lets readers go on while a
/// writer commits) sharing the primary's search index. A reader sees whole batches: each commits articles with their
/// stories at once. At most <see cref="MaxReaders"/> reads run at a time; more wait their turn (or their time limit).
/// </summary>
public sealed class StoreGate(IOptions<ChorusWebOptions> options) : IAsyncDisposable
{
    private static readonly int MaxReaders = Math.Max(4, Environment.ProcessorCount * 2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly SemaphoreSlim _readers = new(MaxReaders, MaxReaders);
    // Long reads (exports stream for minutes) take turns in a lane of their own: they never hold every reader's slot.
    private readonly SemaphoreSlim _longReads = new(MaxLongReads, MaxLongReads);
    private const int MaxLongReads = 2;
    private readonly System.Collections.Concurrent.ConcurrentBag<ChorusQueries> _idle = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<ChorusWorkspace> _readerWorkspaces = [];
    // Made as the server starts when it accepts writes (WarmUpAnalyzerAsync), else on the first write or the first
    // article stored without layers: a server that only reads never loads the tagger.
    private readonly Lazy<ArticleAnalyzer> _analyzer = new(ArticleAnalyzer.CreateDefault);

    // Built story documents, shared by every reader of this server: kept by the digest of their inputs, so a write
    // by this server, another process or another server never leaves one stale.
    private readonly StoryDocumentCache? _storyDocuments = options.Value.StoryDocuments > 0 ? new(options.Value.StoryDocuments) : null;

    // Key entities of list items, kept by story and its entity version: likewise never stale.
    private readonly KeyEntityCache _keyEntities = new();
    private readonly StoryListCache _storyLists = new();
    private readonly StoryMembershipCache _memberships = new();

    /// <summary>The story membership the server's readers share (tests).</summary>
    internal StoryMembershipCache Memberships => _memberships;
    private Task? _warmUp;
    private ChorusQueries? _queries;
    private Chorus.Core.Outlets.OutletDirectory? _outlets;

    /// <summary>
    /// The outlets of the sources file the server was started with (none: null); read once. A file that cannot be read
    /// stops the server at start, not a request later (see <see cref="LoadOutlets"/>).
    /// </summary>
    public Chorus.Core.Outlets.OutletDirectory? Outlets => _outlets ??= LoadOutlets(options.Value.SourcesFile);

    public static Chorus.Core.Outlets.OutletDirectory? LoadOutlets(string? sourcesFile)
    {
        if (string.IsNullOrWhiteSpace(sourcesFile))
        {
            return null;
        }

        var loaded = Chorus.Core.Outlets.SourcesFile.Load(sourcesFile);
        return loaded.Success ? new Chorus.Core.Outlets.OutletDirectory(loaded.Value!) : throw new InvalidOperationException(loaded.Error);
    }

    /// <summary>
    /// Loads the analyser (the tagger takes seconds) in the background, so that the first article posted does not
    /// wait for it. Started when the server accepts writes; a server that only reads never calls it.
    /// </summary>
    public Task WarmUpAnalyzerAsync() => _warmUp ??= Task.Run(() => _analyzer.Value);

    /// <summary>Where the analyser stands: loaded, loading (warm-up started) or not loaded (read-only so far).</summary>
    public AnalyzerState AnalyzerState => _analyzer.IsValueCreated ? AnalyzerState.Ready : _warmUp is null ? AnalyzerState.NotLoaded : AnalyzerState.Loading;

    public Task<T> ReadAsync<T>(Func<ChorusQueries, Task<T>> read, CancellationToken cancellationToken)
        => ReadAsync(read, _readers, cancellationToken);

    private int _readsState = (int)ReadsState.Cold;

    /// <summary>Whether what reads keep in memory has been made (<see cref="WarmReadsAsync"/>).</summary>
    public ReadsState ReadsState => (ReadsState)Volatile.Read(ref _readsState);

    /// <summary>How long <see cref="WarmReadsAsync"/> took, once it has.</summary>
    public TimeSpan? ReadsWarmedIn { get; private set; }

    /// <summary>
    /// Reads and makes what text-filtered lists and searches keep in memory (<see cref="ChorusQueries.WarmAsync"/>) on
    /// a reader's turn, as the server starts (<see cref="ReadWarmer"/>): at a million articles seconds of work that the
    /// first such requests would otherwise wait for. Reads answer meanwhile, as they would without it.
    /// </summary>
    public async Task WarmReadsAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _readsState, (int)ReadsState.Warming);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await ReadAsync(async queries =>
            {
                await queries.WarmAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            ReadsWarmedIn = started.Elapsed;
            Volatile.Write(ref _readsState, (int)ReadsState.Warm);
        }
        catch
        {
            Volatile.Write(ref _readsState, (int)ReadsState.Cold);
            throw;
        }
    }

    /// <summary>
    /// A read that may take minutes (an export): at most <see cref="MaxLongReads"/> run at a time, beside the ordinary
    /// reads, whose slots they never take.
    /// </summary>
    public Task<T> ReadLongAsync<T>(Func<ChorusQueries, Task<T>> read, CancellationToken cancellationToken)
        => ReadAsync(read, _longReads, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<ChorusQueries, Task<T>> read, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var queries = _idle.TryTake(out var idle) ? idle : await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await read(queries).ConfigureAwait(false);
            }
            finally
            {
                _idle.Add(queries);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<ChorusQueries> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var primary = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var workspace = await ChorusWorkspace.OpenReaderAsync(primary.Workspace, cancellationToken).ConfigureAwait(false);
        _readerWorkspaces.Add(workspace);
        return new ChorusQueries(workspace, () => _analyzer.Value, _storyDocuments, _keyEntities, _storyLists, _memberships)
        {
            ServeKeptDocuments = options.Value.KeptDocuments,
            KeepDocument = options.Value.KeptDocuments ? Offer : null,
        };
    }

    // Documents built on a request wait here for StoryDocumentKeeper to save them, so a reader never waits for a write
    // (a full queue drops the newest: it is built again on its next visit).
    private readonly System.Threading.Channels.Channel<Chorus.Core.Store.StoredStoryDocument> _built =
        System.Threading.Channels.Channel.CreateBounded<Chorus.Core.Store.StoredStoryDocument>(new System.Threading.Channels.BoundedChannelOptions(64)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

    /// <summary>Story documents built on requests, for <see cref="StoryDocumentKeeper"/> to keep in the store.</summary>
    internal System.Threading.Channels.ChannelReader<Chorus.Core.Store.StoredStoryDocument> BuiltDocuments => _built.Reader;

    private Task Offer(Chorus.Core.Store.StoredStoryDocument document, CancellationToken cancellationToken)
    {
        _built.Writer.TryWrite(document);
        return Task.CompletedTask;
    }

    public async Task<IngestReport> IngestAsync(IEnumerable<ReadResult> inputs, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = (await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace;
            var pipeline = new IngestPipeline(workspace.Store, _analyzer.Value, new ClusteringOptions(), workspace.Index);
            var report = await pipeline.RunAsync(inputs, null, cancellationToken).ConfigureAwait(false);
            if (report.StoredIds.Count > 0)
            {
                // Articles posted to the API trigger watchlists as any ingest does; the alerts are stored (the alerts
                // page and badge show them) and sent to their webhooks.
                await Alerts(workspace).AfterIngestAsync(workspace, report.StoredIds, cancellationToken).ConfigureAwait(false);
            }

            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Chorus.Monitoring.Alerts.AlertDispatcher Alerts(ChorusWorkspace workspace)
        => new(new Chorus.Monitoring.Alerts.AlertEngine(workspace), _webhook.Value is { } webhook ? [webhook] : []);

    // Webhooks are signed with $CHORUS_WEBHOOK_SECRET; without one the server does not send them (the CLI says why).
    private readonly Lazy<Chorus.Monitoring.Alerts.WebhookAlertSink?> _webhook = new(() =>
        Environment.GetEnvironmentVariable("CHORUS_WEBHOOK_SECRET") is { Length: > 0 } secret ? new Chorus.Monitoring.Alerts.WebhookAlertSink(secret) : null);

    public async Task<CorrectionOutcome> CorrectAsync(Func<StoryCorrector, Task<CorrectionOutcome>> correct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correct);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = (await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace;
            return await correct(new StoryCorrector(workspace.Store, _analyzer.Value)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A write other than an ingest (an entity correction), holding the gate like one.</summary>
    public async Task<T> WriteAsync<T>(Func<ChorusWorkspace, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = (await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace;
            var writing = await workspace.Store.LockForWritingAsync("correction", null, cancellationToken).ConfigureAwait(false);
            await using (writing.ConfigureAwait(false))
            {
                return await write(workspace).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reader in _readerWorkspaces)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        if (_queries is not null)
        {
            await _queries.Workspace.DisposeAsync().ConfigureAwait(false);
        }

        if (_webhook.IsValueCreated)
        {
            _webhook.Value?.Dispose();
        }

        _gate.Dispose();
        _opening.Dispose();
        _readers.Dispose();
        _longReads.Dispose();
    }

    // The primary workspace, opened once by whichever request comes first.
    private async Task<ChorusQueries> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _queries) is { } opened)
        {
            return opened;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_queries is null)
            {
                var db = string.IsNullOrWhiteSpace(options.Value.Db) ? ChorusWorkspace.DefaultDatabasePath() : options.Value.Db;
                var workspace = await ChorusWorkspace.OpenAsync(db, cancellationToken).ConfigureAwait(false);
                // A server searches for as long as it runs: the index's champion lists pay for their making (readers share this index).
                if (workspace.Index is Chorus.Storage.Search.LuceneSearchIndex lucene)
                {
                    lucene.UseChampions = true;
                }

                Volatile.Write(ref _queries, new ChorusQueries(workspace, () => _analyzer.Value, _storyDocuments, _keyEntities, _storyLists));
            }

            return _queries!;
        }
        finally
        {
            _opening.Release();
        }
    }
}

/// <summary>Whether what the server's reads keep in memory is made (<see cref="StoreGate.WarmReadsAsync"/>).</summary>
public enum ReadsState
{
    // Not made (yet, or its making failed): each is made by the first request that needs it.
    Cold,
    Warming,
    Warm,
}

/// <summary>Whether the server's analyser is loaded; writes wait for it.</summary>
public enum AnalyzerState
{
    NotLoaded,
    Loading,
    Ready,
}
