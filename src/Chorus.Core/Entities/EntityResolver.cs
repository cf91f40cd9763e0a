using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>
/// Links an article's entities (after in-article coreference) to entities across the store, at ingest, one
/// article at a time in input order (beside clustering, see <see cref="Ingest.IngestPipeline"/>). Its parts:
/// candidates come from blocking keys (<see cref="EntityBlocks"/>) through a per-run cache over the store batch
/// (<see cref="EntityCandidateCache"/>); <see cref="EntityMatcher"/> decides, apart from the store, which candidate a
/// name is; a one-word name that several candidates fit is decided here by context (the article's story,
/// co-occurring entities), never by a guess; users' merges, splits and pins are followed; changed entities are
/// written with the batch (<see cref="EntityChangeTracker"/>).
/// </summary>
public sealed class EntityResolver
{
    private readonly EntityNameCache _names;
    private readonly EntityCandidateCache _cache;
    private readonly EntityMatcher _matcher;
    private readonly EntityChangeTracker _changes = new();

    public EntityResolver()
    {
        _names = new EntityNameCache();
        _cache = new EntityCandidateCache(_names);
        _matcher = new EntityMatcher(_names);
    }

    /// <summary>Reads ahead the candidates of every name in these articles (their entities after in-article coreference), with one query.</summary>
    public Task PrefetchAsync(IStoreBatch batch, IEnumerable<IReadOnlyList<LocalEntity>> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(articles);
        return _cache.PrefetchAsync(batch, articles, cancellationToken);
    }

    /// <summary>
    /// Links the article's entities. A one-word name that fits several stored full names by surname ("Kim" with
    /// Kim Jong-un and Kim Yo-jong stored) is decided last, by context: the candidate already in the article's story,
    /// else the one that has appeared with most of the entities this article names; a tie stays unlinked.
    /// </summary>
    public async Task ResolveAsync(IStoreBatch batch, string articleId, string? storyId, IReadOnlyList<LocalEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(entities);
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        var deferred = new List<(LocalEntity Local, IReadOnlyList<StoredEntity> Candidates)>();
        foreach (var local in entities)
        {
            if (local.Surfaces.Values.Sum() == 0)
            {
                continue;
            }

            var match = await FindAsync(batch, local, cancellationToken).ConfigureAwait(false);
            if (match.Kind == EntityMatchKind.Ambiguous)
            {
                deferred.Add((local, match.Candidates));
                continue;
            }

            resolved.Add(await AddAsync(batch, articleId, local, match.Entity, cancellationToken).ConfigureAwait(false));
        }

        foreach (var (local, candidates) in deferred)
        {
            var chosen = await ByContextAsync(batch, candidates, resolved, storyId, cancellationToken).ConfigureAwait(false);
            await AddAsync(batch, articleId, local, chosen is null ? null : await _cache.FollowAsync(batch, chosen, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the entities changed since the last call into the batch.</summary>
    public async Task FlushAsync(IStoreBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _cache.EndBatch();
        await _changes.FlushAsync(batch, id => _cache[id], AllBlocks, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pinned entity, else the matcher's choice followed to where it lives now (a linked entity is never a merged-away one).</summary>
    private async Task<EntityMatch> FindAsync(IStoreBatch batch, LocalEntity local, CancellationToken cancellationToken)
    {
        if (await _cache.PinnedAsync(batch, local, cancellationToken).ConfigureAwait(false) is { } pinned)
        {
            var entity = await _cache.ByIdAsync(batch, pinned, cancellationToken).ConfigureAwait(false);
            return entity is null ? EntityMatch.None : EntityMatch.Linked(entity);
        }

        var match = _matcher.Match(local, await _cache.CandidatesAsync(batch, local, cancellationToken).ConfigureAwait(false));
        return match.Kind == EntityMatchKind.Linked
            ? EntityMatch.Linked(await _cache.FollowAsync(batch, match.Entity!, cancellationToken).ConfigureAwait(false))
            : match;
    }

    private async Task<StoredEntity?> ByContextAsync(IStoreBatch batch, IReadOnlyList<StoredEntity> candidates, HashSet<string> resolved, string? storyId, CancellationToken cancellationToken)
    {
        var scored = new List<(StoredEntity Entity, int Score)>();
        foreach (var c in candidates)
        {
            var context = await _cache.ContextAsync(batch, c.Id, cancellationToken).ConfigureAwait(false);
            // Being in the same story outweighs any number of shared companions.
            var score = (storyId is not null && context.Stories.Contains(storyId) ? 1000 : 0) + context.Entities.Count(resolved.Contains);
            scored.Add((c, score));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scored[0].Score > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) ? scored[0].Entity : null;
    }

    private async Task<string> AddAsync(IStoreBatch batch, string articleId, LocalEntity local, StoredEntity? entity, CancellationToken cancellationToken)
    {
        entity ??= await NewEntityAsync(batch, articleId, local, cancellationToken).ConfigureAwait(false);
        var mentions = local.Surfaces.Values.Sum();
        var newVariant = false;
        foreach (var (surface, count) in local.Surfaces)
        {
            newVariant |= !entity.Variants.ContainsKey(surface);
            entity.Variants[surface] = entity.Variants.GetValueOrDefault(surface) + count;
        }

        entity.Mentions += mentions;
        var name = EntityNames.Canonical(entity.Type, entity.Variants) ?? entity.Name;
        if (newVariant || name != entity.Name)
        {
            // A new spelling, or a new most frequent one, can change the name shown and the blocking keys.
            entity.Name = name;
            Remember(entity);
        }

        _changes.Changed(entity.Id);
        await batch.AddEntityOccurrenceAsync(new EntityOccurrence(entity.Id, articleId, local.Type, local.Canonical, mentions), cancellationToken).ConfigureAwait(false);
        return entity.Id;
    }

    private async Task<StoredEntity> NewEntityAsync(IStoreBatch batch, string articleId, LocalEntity local, CancellationToken cancellationToken)
    {
        var id = EntityIds.Provisional(local.Type, local.Canonical);
        if (await _cache.IsTakenAsync(batch, id, cancellationToken).ConfigureAwait(false))
        {
            // The name's usual id belongs to an entity the user split it from: mint another one.
            id = EntityIds.Provisional(local.Type, local.Canonical + "#" + articleId);
        }

        return new StoredEntity { Id = id, Type = local.Type, Name = local.Canonical };
    }

    private void Remember(StoredEntity entity)
    {
        var blocks = AllBlocks(entity).ToList();
        _cache.Remember(entity, blocks);
        foreach (var block in blocks)
        {
            _changes.BlockToWrite(block, entity.Id);
        }
    }

    /// <summary>Every block an entity sits in: its id's, its name's and each variant's.</summary>
    private IEnumerable<string> AllBlocks(StoredEntity e)
    {
        yield return EntityBlocks.OfId(e.Id);
        foreach (var block in _names.BlocksOf(e.Type, e.Name))
        {
            yield return block;
        }

        foreach (var variant in e.Variants.Keys)
        {
            foreach (var block in _names.BlocksOf(e.Type, variant))
            {
                yield return block;
            }
        }
    }
}
