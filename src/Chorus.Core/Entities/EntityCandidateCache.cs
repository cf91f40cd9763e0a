using Chorus.Core.Analysis;
using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>
/// The stored entities entity resolution has read, by block and by id, over the store batch, plus those the run
/// created or changed: each block is read once per run, most of them ahead for a whole batch in one query. Also
/// where merged-away entities live now, the users' pins, and entity context per batch. Not thread-safe: one per resolver.
/// </summary>
internal sealed class EntityCandidateCache(EntityNameCache names)
{
    private const int MaxContexts = 10_000;

    private readonly Dictionary<string, List<StoredEntity>> _byBlock = new(StringComparer.Ordinal);
    // Entities this run created or changed, by block and then by id, so adding one and listing a block stay cheap
    // however many entities share a block.
    private readonly Dictionary<string, Dictionary<string, StoredEntity>> _createdByBlock = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredEntity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityContext> _contexts = new(StringComparer.Ordinal);
    // Scratch of CandidatesAsync, reused: it runs for every entity of every article, one call at a time.
    private readonly Dictionary<string, StoredEntity> _candidates = new(StringComparer.Ordinal);
    // Users' pins, read once per run (they come from manual splits, so there are few).
    private IReadOnlyDictionary<(EntityType Type, string Name), string>? _pins;

    /// <summary>An entity this run has read or changed.</summary>
    public StoredEntity this[string id] => _byId[id];

    /// <summary>
    /// Reads the candidates of every name in these articles with one query, before the articles are linked one by
    /// one: a query per block cost more than the matching itself.
    /// </summary>
    public async Task PrefetchAsync(IStoreBatch batch, IEnumerable<IReadOnlyList<LocalEntity>> articles, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var local in articles.SelectMany(a => a))
        {
            foreach (var block in names.BlocksOf(local.Type, local.Canonical).Append(EntityBlocks.OfId(EntityIds.Provisional(local.Type, local.Canonical))))
            {
                if (!_byBlock.ContainsKey(block))
                {
                    wanted.Add(block);
                }
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        foreach (var block in wanted)
        {
            _byBlock[block] = [];
        }

        var found = new List<string>();
        foreach (var (block, e) in await batch.FindEntitiesByBlocksAsync(wanted, cancellationToken).ConfigureAwait(false))
        {
            _byBlock[block].Add(_byId.TryGetValue(e.Id, out var cached) ? cached : e);
            _byId.TryAdd(e.Id, e);
            if (!_current.ContainsKey(e.Id))
            {
                found.Add(e.Id);
            }
        }

        await LearnWhereTheyLiveAsync(batch, found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where each entity read ahead lives now, in one query: most were never merged away and live where they are.
    /// The merged-away ones are followed one by one when they are matched.
    /// </summary>
    private async Task LearnWhereTheyLiveAsync(IStoreBatch batch, List<string> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return;
        }

        var merged = await batch.MergedAwayAsync(found, cancellationToken).ConfigureAwait(false);
        foreach (var id in found)
        {
            if (!merged.Contains(id))
            {
                _current[id] = id;
            }
        }
    }

    /// <summary>The entity a user pinned this name to, if any.</summary>
    public async Task<string?> PinnedAsync(IStoreBatch batch, LocalEntity local, CancellationToken cancellationToken)
    {
        _pins ??= await batch.PinsAsync(cancellationToken).ConfigureAwait(false);
        return _pins.GetValueOrDefault((local.Type, local.Canonical));
    }

    /// <summary>
    /// Entities of the name's type in any of its blocks, stored or created this run, one per id. The collection is
    /// reused by the next call.
    /// </summary>
    public async Task<IReadOnlyCollection<StoredEntity>> CandidatesAsync(IStoreBatch batch, LocalEntity local, CancellationToken cancellationToken)
    {
        var candidates = _candidates;
        candidates.Clear();
        foreach (var block in names.BlocksOf(local.Type, local.Canonical))
        {
            foreach (var c in await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false))
            {
                if (c.Type == local.Type)
                {
                    candidates[c.Id] = c;
                }
            }

            if (_createdByBlock.TryGetValue(block, out var created))
            {
                foreach (var c in created.Values)
                {
                    if (c.Type == local.Type)
                    {
                        candidates[c.Id] = c;
                    }
                }
            }
        }

        return candidates.Values;
    }

    /// <summary>The entity as it is now: the one it was merged into, if it was.</summary>
    public async Task<StoredEntity> FollowAsync(IStoreBatch batch, StoredEntity entity, CancellationToken cancellationToken)
    {
        if (!_current.TryGetValue(entity.Id, out var current))
        {
            current = await batch.CurrentEntityIdAsync(entity.Id, cancellationToken).ConfigureAwait(false);
            _current[entity.Id] = current;
        }

        return current == entity.Id ? entity : await ByIdAsync(batch, current, cancellationToken).ConfigureAwait(false) ?? entity;
    }

    public async Task<StoredEntity?> ByIdAsync(IStoreBatch batch, string id, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(id, out var e))
        {
            return e;
        }

        var block = EntityBlocks.OfId(id);
        if (_createdByBlock.TryGetValue(block, out var created) && created.TryGetValue(id, out var made))
        {
            return made;
        }

        return (await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false)).Find(x => x.Id == id);
    }

    /// <summary>Whether an id is taken, by an entity stored or created this run.</summary>
    public async ValueTask<bool> IsTakenAsync(IStoreBatch batch, string id, CancellationToken cancellationToken)
    {
        var block = EntityBlocks.OfId(id);
        return _byId.ContainsKey(id)
            || (await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false)).Count > 0
            || (_createdByBlock.TryGetValue(block, out var created) && created.Count > 0);
    }

    /// <summary>Keeps an entity this run created or changed under its id and these blocks.</summary>
    public void Remember(StoredEntity entity, IEnumerable<string> blocks)
    {
        _byId[entity.Id] = entity;
        foreach (var block in blocks)
        {
            if (!_createdByBlock.TryGetValue(block, out var byId))
            {
                byId = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
                _createdByBlock[block] = byId;
            }

            byId[entity.Id] = entity;
        }
    }

    /// <summary>
    /// The stories and entities an entity has appeared with. Read once per batch: common surnames come up often
    /// within one. Not once per run: the company an entity keeps grows as the run links, and what a run decides must
    /// not depend on where it started (a resumed run, a worker taking over a chunk), only on what the store holds at
    /// the batch's start.
    /// </summary>
    public async Task<EntityContext> ContextAsync(IStoreBatch batch, string id, CancellationToken cancellationToken)
    {
        if (!_contexts.TryGetValue(id, out var context))
        {
            if (_contexts.Count >= MaxContexts)
            {
                _contexts.Clear();
            }

            context = await batch.EntityContextAsync(id, cancellationToken).ConfigureAwait(false);
            _contexts[id] = context;
        }

        return context;
    }

    /// <summary>The batch is written: contexts read in it are stale.</summary>
    public void EndBatch() => _contexts.Clear();

    /// <summary>The stored entities of a block, read once per run (most blocks are read ahead by <see cref="PrefetchAsync"/>).</summary>
    private async ValueTask<List<StoredEntity>> StoredBlockAsync(IStoreBatch batch, string block, CancellationToken cancellationToken)
    {
        if (!_byBlock.TryGetValue(block, out var stored))
        {
            stored = [];
            foreach (var e in await batch.FindEntitiesByBlockAsync(block, cancellationToken).ConfigureAwait(false))
            {
                stored.Add(_byId.TryGetValue(e.Id, out var cached) ? cached : e);
                _byId.TryAdd(e.Id, e);
            }

            _byBlock[block] = stored;
        }

        return stored;
    }
}
