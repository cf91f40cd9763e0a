using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Microsoft.Extensions.Options;

namespace Chorus.Web;

/// <summary>
/// The one workspace the server uses, opened on first use. The SQLite store holds one connection, so every
/// request takes its turn through a gate; reads are short, and an ingest holds the gate for its whole run so a
/// reader never sees half of it.
/// </summary>
public sealed class StoreGate(IOptions<ChorusWebOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private ChorusQueries? _queries;

    public async Task<T> ReadAsync<T>(Func<ChorusQueries, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await read(await OpenAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IngestReport> IngestAsync(IEnumerable<ReadResult> inputs, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = (await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace;
            var pipeline = new IngestPipeline(workspace.Store, _analyzer, new ClusteringOptions(), workspace.Index);
            return await pipeline.RunAsync(inputs, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CorrectionOutcome> CorrectAsync(Func<StoryCorrector, Task<CorrectionOutcome>> correct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correct);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var workspace = (await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace;
            return await correct(new StoryCorrector(workspace.Store, _analyzer)).ConfigureAwait(false);
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
            return await write((await OpenAsync(cancellationToken).ConfigureAwait(false)).Workspace).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queries is not null)
        {
            await _queries.Workspace.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private async Task<ChorusQueries> OpenAsync(CancellationToken cancellationToken)
    {
        if (_queries is null)
        {
            var db = string.IsNullOrWhiteSpace(options.Value.Db) ? ChorusWorkspace.DefaultDatabasePath() : options.Value.Db;
            _queries = new ChorusQueries(await ChorusWorkspace.OpenSqliteAsync(db, cancellationToken).ConfigureAwait(false), _analyzer);
        }

        return _queries;
    }
}
