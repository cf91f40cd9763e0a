namespace Chorus.Core.Store;

/// <summary>
/// One batch shared by two tasks (clustering and entity linking, which run side by side at ingest): each call
/// waits for the one before it to finish, because a store's connection serves one call at a time. Committing
/// and disposing stay with the owner of the inner batch.
/// </summary>
public sealed class SerializedStoreBatch(IStoreBatch inner) : IStoreBatch
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<IReadOnlyList<NearDuplicateCandidate>> FindNearDuplicateCandidatesAsync(IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.FindNearDuplicateCandidatesAsync(bandKeys, cancellationToken), cancellationToken);

    public Task AddArticleAsync(StoredArticle article, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.AddArticleAsync(article, bandKeys, cancellationToken), cancellationToken);

    public Task SaveAnalysisAsync(string articleId, int version, byte[] layers, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.SaveAnalysisAsync(articleId, version, layers, cancellationToken), cancellationToken);

    public Task SaveStoryAsync(Stories.StoryProfile story, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.SaveStoryAsync(story, cancellationToken), cancellationToken);

    public Task<Stories.StoryProfile?> LoadStoryProfileAsync(string storyId, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.LoadStoryProfileAsync(storyId, cancellationToken), cancellationToken);

    public Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> increments, int documents, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.AddDocumentFrequenciesAsync(increments, documents, cancellationToken), cancellationToken);

    public Task MergeStoriesAsync(string absorbedId, string survivorId, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.MergeStoriesAsync(absorbedId, survivorId, cancellationToken), cancellationToken);

    public Task ReplaceAssignmentAsync(string storyId, Stories.Assignment assignment, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.ReplaceAssignmentAsync(storyId, assignment, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredEntity>> FindEntitiesByBlockAsync(string block, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.FindEntitiesByBlockAsync(block, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<(string Block, StoredEntity Entity)>> FindEntitiesByBlocksAsync(IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.FindEntitiesByBlocksAsync(blocks, cancellationToken), cancellationToken);

    public Task MarkChunkDoneAsync(string run, int chunk, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.MarkChunkDoneAsync(run, chunk, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<(Analysis.EntityType Type, string Name), string>> PinsAsync(CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.PinsAsync(cancellationToken), cancellationToken);

    public Task SaveEntityAsync(StoredEntity entity, IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.SaveEntityAsync(entity, blocks, cancellationToken), cancellationToken);

    public Task AddEntityOccurrenceAsync(EntityOccurrence occurrence, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.AddEntityOccurrenceAsync(occurrence, cancellationToken), cancellationToken);

    public Task<EntityContext> EntityContextAsync(string entityId, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.EntityContextAsync(entityId, cancellationToken), cancellationToken);

    public Task<string> CurrentEntityIdAsync(string entityId, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.CurrentEntityIdAsync(entityId, cancellationToken), cancellationToken);

    public Task<IReadOnlySet<string>> MergedAwayAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
        => OneAtATimeAsync(() => inner.MergedAwayAsync(entityIds, cancellationToken), cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("the owner of the inner batch commits it");

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task OneAtATimeAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await call().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> OneAtATimeAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
