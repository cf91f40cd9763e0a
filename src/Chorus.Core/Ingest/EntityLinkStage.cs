using System.Threading.Channels;
using Chorus.Core.Entities;
using Chorus.Core.Store;

namespace Chorus.Core.Ingest;

/// <summary>
/// Entity linking for one store batch, fed through its own channel: the story writer posts each article once its
/// story is known, and the linker works through them in that order beside the writer, after reading ahead the
/// candidates of every name in the batch. The channel holds at most one item per article of the batch (plus the
/// writer's catch-up marks), so it needs no bound of its own.
/// </summary>
internal sealed class EntityLinkStage : IAsyncDisposable
{
    private readonly Channel<LinkWork> _work = Channel.CreateUnbounded<LinkWork>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private Task _running = Task.CompletedTask;

    private EntityLinkStage()
    {
    }

    /// <summary>Starts linking the batch's articles as they are posted.</summary>
    public static EntityLinkStage Start(EntityResolver resolver, IStoreBatch batch, IReadOnlyList<PreparedArticle> articles, SerialPartTimes? times, CancellationToken cancellationToken)
    {
        var stage = new EntityLinkStage();
        stage._running = Task.Run(() => stage.RunAsync(resolver, batch, articles, times, cancellationToken), cancellationToken);
        return stage;
    }

    /// <summary>Posts an article to link, with the story it was assigned to.</summary>
    public void Link(string articleId, string? storyId, IReadOnlyList<LocalEntity> entities)
    {
        if (!_work.Writer.TryWrite(new LinkWork(articleId, storyId, entities, null)))
        {
            throw new InvalidOperationException("the linker is complete");
        }
    }

    /// <summary>Waits until every article posted so far is linked (or the linker failed, whose error it throws).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var mark = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_work.Writer.TryWrite(new LinkWork(null, null, null, mark)))
        {
            await Task.WhenAny(mark.Task, _running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!mark.Task.IsCompleted)
        {
            // The linker stopped before the mark: its failure is the answer.
            await _running.ConfigureAwait(false);
            throw new InvalidOperationException("the linker stopped before catching up");
        }
    }

    /// <summary>Links what is left and ends; throws the linker's failure, if any.</summary>
    public async Task CompleteAsync()
    {
        _work.Writer.TryComplete();
        await _running.ConfigureAwait(false);
    }

    /// <summary>Whatever happened, the linker is done with the batch before it is rolled back or committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await Task.WhenAny(_running).ConfigureAwait(false);
    }

    private async Task RunAsync(EntityResolver resolver, IStoreBatch batch, IReadOnlyList<PreparedArticle> articles, SerialPartTimes? times, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await resolver.PrefetchAsync(batch, articles.Select(p => p.EntityGroups), cancellationToken).ConfigureAwait(false);
        times?.Add(SerialPart.Linking, started);
        await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (work.CaughtUp is { } mark)
            {
                mark.TrySetResult();
            }
            else
            {
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                await resolver.ResolveAsync(batch, work.ArticleId!, work.StoryId, work.Entities!, cancellationToken).ConfigureAwait(false);
                times?.Add(SerialPart.Linking, started);
            }
        }
    }

    private sealed record LinkWork(string? ArticleId, string? StoryId, IReadOnlyList<LocalEntity>? Entities, TaskCompletionSource? CaughtUp);
}
