using Chorus.Storage.Queries;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chorus.Web;

/// <summary>
/// Keeps story documents in the store for every reader of it: those built on requests (queued by
/// <see cref="StoreGate"/>), and, with <see cref="ChorusWebOptions.PrepareDocuments"/>, those of every story without a
/// current one, one at a time on a reader's turn. Looks for new work when the store has changed
/// (<see cref="Chorus.Core.Store.IStoreReader.ChangeVersionAsync"/>) or a request built a document.
/// </summary>
public sealed class StoryDocumentKeeper(StoreGate gate, IOptions<ChorusWebOptions> options, ILogger<StoryDocumentKeeper> log) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prepare = options.Value.PrepareDocuments && options.Value.KeptDocuments;
        var preparation = new StoryDocumentPreparation();
        // The store's change version the current walk started at, and the one a finished walk found nothing left at.
        long? walking = null;
        long? done = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (gate.BuiltDocuments.TryRead(out var built))
                {
                    await gate.ReadAsync(queries => queries.Workspace.Store.SaveStoryDocumentAsync(built, stoppingToken), stoppingToken).ConfigureAwait(false);
                }

                if (prepare)
                {
                    var version = await gate.ReadAsync(queries => queries.Workspace.Store.ChangeVersionAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
                    if (version != done)
                    {
                        if (version != walking)
                        {
                            // Stories tried under an earlier state of the store may build now.
                            (preparation, walking) = (new StoryDocumentPreparation(), version);
                        }

                        var ids = await gate.ReadAsync(queries => preparation.NextAsync(queries.Workspace.Store, 16, stoppingToken), stoppingToken).ConfigureAwait(false);
                        if (ids.Count == 0)
                        {
                            done = version;
                        }

                        foreach (var id in ids)
                        {
                            if (await gate.ReadAsync(queries => preparation.PrepareAsync(queries, id, stoppingToken), stoppingToken).ConfigureAwait(false) == PreparedOutcome.Failed)
                            {
                                log.LogWarning("story {Story}: its document could not be built: {Error}", id, preparation.Failures.LastOrDefault().Error);
                            }
                        }

                        continue;
                    }
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(Idle);
                try
                {
                    await gate.BuiltDocuments.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be busy, gone or not yet made; a kept document is an optimisation, never worth a crash.
                log.LogWarning("story documents: {Error}", e.Message);
                await Task.Delay(Idle, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
