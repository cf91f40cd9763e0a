using Chorus.Core.Store;

namespace Chorus.Storage.Queries;

/// <summary>How one story's document fared: kept in the store, built but not kept (the story changed meanwhile, or is gone), or failed.</summary>
public enum PreparedOutcome
{
    Kept,
    NotKept,
    Failed,
}

/// <summary>
/// Builds and keeps the documents of stories that have none current, so that a story's page is read, not worked out,
/// when someone asks for it (<c>./chorus prepare</c>, and a server in the background). A run walks the stories once in
/// id order: one that changes while it is built, or fails, waits for the next run.
/// </summary>
public sealed class StoryDocumentPreparation
{
    // Where the run stands in the stories' id order: each story is tried once a run.
    private string? _after;
    private readonly Lock _lock = new();

    public int Kept { get; private set; }

    public int NotKept { get; private set; }

    public int Failed { get; private set; }

    /// <summary>The first failures of this run, each with its story (a run reports them; the rest are counted).</summary>
    public IReadOnlyList<(string StoryId, string Error)> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _failures];
            }
        }
    }

    private readonly List<(string StoryId, string Error)> _failures = [];

    /// <summary>The next stories to build (at most <paramref name="limit"/>), in id order after the last ones this run was given; empty at the end of the stories.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(IStoreReader store, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ids = await store.StoriesWithoutDocumentAsync(ChorusQueries.DocumentBuild, _after, limit, cancellationToken).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            _after = ids[^1];
        }

        return ids;
    }

    /// <summary>Builds story <paramref name="storyId"/>'s plain document on <paramref name="queries"/> and keeps it in the store.</summary>
    public async Task<PreparedOutcome> PrepareAsync(ChorusQueries queries, string storyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        PreparedOutcome outcome;
        try
        {
            var built = await queries.BuildStoryDocumentAsync(storyId, why: false, remember: false, cancellationToken).ConfigureAwait(false);
            outcome = built is { Document: { } document } && await queries.Workspace.Store.SaveStoryDocumentAsync(document, cancellationToken).ConfigureAwait(false)
                ? PreparedOutcome.Kept
                : PreparedOutcome.NotKept;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One story that cannot be built must not stop the others; its page still builds (and reports) on request.
            outcome = PreparedOutcome.Failed;
            lock (_lock)
            {
                if (_failures.Count < 20)
                {
                    _failures.Add((storyId, e.Message));
                }
            }
        }

        lock (_lock)
        {
            _ = outcome switch
            {
                PreparedOutcome.Kept => ++Kept,
                PreparedOutcome.NotKept => ++NotKept,
                _ => ++Failed,
            };
        }

        return outcome;
    }
}
