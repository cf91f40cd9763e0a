using System.Threading.Channels;
using Chorus.Core.Store;

namespace Chorus.Core.Ingest;

/// <summary>
/// Writes committed batches into the search index beside the story writer, one batch at a time, in commit order.
/// A bounded channel: a writer far ahead of the index waits for it.
/// </summary>
internal sealed class SearchIndexStage(IArticleIndex index)
{
    private const int Capacity = 4;

    private readonly Channel<IndexWork> _work = Channel.CreateBounded<IndexWork>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    /// <summary>Indexes what is posted until <see cref="Complete"/>; a failure stops the stage and refuses later posts.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (work.Indexed is { } mark)
                {
                    mark.TrySetResult();
                }
                else
                {
                    await index.AddAsync(work.Articles!, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e)
        {
            _work.Writer.TryComplete(e);
            throw;
        }
    }

    public ValueTask AddAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken)
        => _work.Writer.WriteAsync(new IndexWork(articles, null), cancellationToken);

    /// <summary>Waits until everything posted so far is indexed.</summary>
    public async Task WhenIndexedAsync(CancellationToken cancellationToken)
    {
        var mark = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _work.Writer.WriteAsync(new IndexWork(null, mark), cancellationToken).ConfigureAwait(false);
        await mark.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing more will be posted: the stage ends once it has indexed what it holds.</summary>
    public void Complete() => _work.Writer.TryComplete();

    private sealed record IndexWork(IReadOnlyList<StoredArticle>? Articles, TaskCompletionSource? Indexed);
}
