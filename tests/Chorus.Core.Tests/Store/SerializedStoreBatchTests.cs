using Chorus.Core.Analysis;
using Chorus.Core.Store;
using Chorus.Core.Stories;

namespace Chorus.Core.Tests.Store;

public sealed class SerializedStoreBatchTests
{
    [Fact]
    public async Task CallsFromTwoTasks_NeverOverlap_AndAllReachTheInnerBatch()
    {
        var inner = new OverlapDetectingBatch();
        var shared = new SerializedStoreBatch(inner);
        var clustering = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await shared.FindNearDuplicateCandidatesAsync([i]);
                await shared.MergeStoriesAsync("a" + i, "b");
            }
        });
        var linking = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await shared.EntityContextAsync("e" + i);
                await shared.AddEntityOccurrenceAsync(new EntityOccurrence("e" + i, "a", EntityType.Person, "X", 1));
            }
        });
        await Task.WhenAll(clustering, linking);

        Assert.Equal(200, inner.Calls);
        Assert.Equal(1, inner.MostAtOnce);
        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.CommitAsync());
    }

    /// <summary>Records how many calls were in flight at once; each call yields, so overlapping calls would show.</summary>
    private sealed class OverlapDetectingBatch : IStoreBatch
    {
        private int _inFlight;

        public int Calls;
        public int MostAtOnce;

        private async Task<T> CallAsync<T>(T result)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(now);
            await Task.Delay(1);
            Interlocked.Increment(ref Calls);
            Interlocked.Decrement(ref _inFlight);
            return result;
        }

        private void InterlockedMax(int value)
        {
            int seen;
            while ((seen = MostAtOnce) < value && Interlocked.CompareExchange(ref MostAtOnce, value, seen) != seen)
            {
            }
        }

        public Task<IReadOnlyList<NearDuplicateCandidate>> FindNearDuplicateCandidatesAsync(IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default)
            => CallAsync<IReadOnlyList<NearDuplicateCandidate>>([]);

        public Task AddArticleAsync(StoredArticle article, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task SaveStoryAsync(StoryProfile story, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task SaveAnalysisAsync(string articleId, int version, byte[] layers, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task<StoryProfile?> LoadStoryProfileAsync(string storyId, CancellationToken cancellationToken = default) => CallAsync<StoryProfile?>(null);

        public Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> increments, int documents, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task MergeStoriesAsync(string absorbedId, string survivorId, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task ReplaceAssignmentAsync(string storyId, Assignment assignment, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task MarkChunkDoneAsync(string run, int chunk, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task<IReadOnlyList<StoredEntity>> FindEntitiesByBlockAsync(string block, CancellationToken cancellationToken = default)
            => CallAsync<IReadOnlyList<StoredEntity>>([]);

        public Task<IReadOnlyList<(string Block, StoredEntity Entity)>> FindEntitiesByBlocksAsync(IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default)
            => CallAsync<IReadOnlyList<(string, StoredEntity)>>([]);

        public Task<IReadOnlyDictionary<(EntityType Type, string Name), string>> PinsAsync(CancellationToken cancellationToken = default)
            => CallAsync<IReadOnlyDictionary<(EntityType, string), string>>(new Dictionary<(EntityType, string), string>());

        public Task SaveEntityAsync(StoredEntity entity, IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task AddEntityOccurrenceAsync(EntityOccurrence occurrence, CancellationToken cancellationToken = default) => CallAsync(0);

        public Task<EntityContext> EntityContextAsync(string entityId, CancellationToken cancellationToken = default)
            => CallAsync(new EntityContext(new HashSet<string>(), new HashSet<string>()));

        public Task<string> CurrentEntityIdAsync(string entityId, CancellationToken cancellationToken = default) => CallAsync(entityId);

        public Task<IReadOnlySet<string>> MergedAwayAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
            => CallAsync<IReadOnlySet<string>>(new HashSet<string>());

        public Task CommitAsync(CancellationToken cancellationToken = default) => CallAsync(0);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
