using Chorus.Core.Analysis;
using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>
/// Links an article's entities (after in-article coreference) to entities across the store, at ingest, in the
/// single writer. Candidates come from blocking keys (type + the first three letters of the transliteration key
/// of the first and of the last name part), so the work per entity does not grow with the store. A candidate
/// matches when <see cref="NameMatcher.Same"/> accepts the article's name against its name or any variant; a
/// single-word name joins a stored full name only through its surname: directly when exactly one candidate fits,
/// by context (the article's story, co-occurring entities) when several do, never by a guess. Listed places and
/// organisations join across languages (<see cref="TranslatedNames"/>). Users' merges and splits are followed.
/// Candidates are cached per block for the run; changed entities are written with the batch.
/// </summary>
public sealed class EntityResolver
{
    private readonly Dictionary<string, List<StoredEntity>> _byBlock = new(StringComparer.Ordinal);
    // Entities this run created or changed, by block and then by id, so adding one and listing a block stay cheap
    // however many entities share a block.
    private readonly Dictionary<string, Dictionary<string, StoredEntity>> _createdByBlock = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredEntity> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    // Users' pins, read once per run (they come from manual splits, so there are few).
    private IReadOnlyDictionary<(string Type, string Name), string>? _pins;
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);
    private readonly HashSet<string> _writtenBlocks = new(StringComparer.Ordinal);

    // Transliteration part keys of every name seen this run: one name is compared with many candidates' variants.
    private readonly Dictionary<string, string[]> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lastWordParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityContext> _contexts = new(StringComparer.Ordinal);
    private const int MaxContexts = 10_000;

    /// <summary>
    /// Reads the candidates of every name in these articles with one query, before the articles are linked one by
    /// one: a query per block cost more than the matching itself.
    /// </summary>
    public async Task PrefetchAsync(IStoreBatch batch, IEnumerable<AnalyzedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(articles);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var local in articles.SelectMany(a => a.EntityGroups))
        {
            foreach (var block in Blocks(local.Type, local.Canonical).Append(IdBlock(EntityIds.Provisional(local.Type, local.Canonical))))
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

        foreach (var (block, e) in await batch.FindEntitiesByBlocksAsync(wanted, cancellationToken).ConfigureAwait(false))
        {
            _byBlock[block].Add(_byId.TryGetValue(e.Id, out var cached) ? cached : e);
            _byId.TryAdd(e.Id, e);
        }
    }

    /// <summary>
    /// Links the article's entities. A one-word name that fits several stored full names by surname ("Kim" with
    /// Kim Jong-un and Kim Yo-jong stored) is decided last, by context: the candidate already in the article's story,
    /// else the one that has appeared with most of the entities this article names; a tie stays unlinked.
    /// </summary>
    public async Task ResolveAsync(IStoreBatch batch, string articleId, string? storyId, AnalyzedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(article);
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        var deferred = new List<(LocalEntity Local, List<StoredEntity> Candidates)>();
        foreach (var local in article.EntityGroups)
        {
            if (local.Surfaces.Values.Sum() == 0)
            {
                continue;
            }

            var (entity, ambiguous) = await FindAsync(batch, local, cancellationToken).ConfigureAwait(false);
            if (ambiguous is not null)
            {
                deferred.Add((local, ambiguous));
                continue;
            }

            resolved.Add(await AddAsync(batch, articleId, local, entity, cancellationToken).ConfigureAwait(false));
        }

        foreach (var (local, candidates) in deferred)
        {
            var chosen = await ByContextAsync(batch, candidates, resolved, storyId, cancellationToken).ConfigureAwait(false);
            await AddAsync(batch, articleId, local, chosen is null ? null : await FollowAsync(batch, chosen, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StoredEntity?> ByContextAsync(IStoreBatch batch, List<StoredEntity> candidates, HashSet<string> resolved, string? storyId, CancellationToken cancellationToken)
    {
        var scored = new List<(StoredEntity Entity, int Score)>();
        foreach (var c in candidates)
        {
            // Read once per run: the company an entity keeps changes slowly, and common surnames come up often.
            if (!_contexts.TryGetValue(c.Id, out var context))
            {
                if (_contexts.Count >= MaxContexts)
                {
                    _contexts.Clear();
                }

                context = await batch.EntityContextAsync(c.Id, cancellationToken).ConfigureAwait(false);
                _contexts[c.Id] = context;
            }

            // Being in the same story outweighs any number of shared companions.
            var score = (storyId is not null && context.Stories.Contains(storyId) ? 1000 : 0) + context.Entities.Count(resolved.Contains);
            scored.Add((c, score));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scored[0].Score > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) ? scored[0].Entity : null;
    }

    private async Task<string> AddAsync(IStoreBatch batch, string articleId, LocalEntity local, StoredEntity? entity, CancellationToken cancellationToken)
    {
        var mentions = local.Surfaces.Values.Sum();
        if (entity is null)
        {
            var id = EntityIds.Provisional(local.Type, local.Canonical);
            if (_byId.ContainsKey(id) || (await CandidatesAsync(batch, IdBlock(id), cancellationToken).ConfigureAwait(false)).Any())
            {
                // The name's usual id belongs to an entity the user split it from: mint another one.
                id = EntityIds.Provisional(local.Type, local.Canonical + "#" + articleId);
            }

            entity = new StoredEntity { Id = id, Type = local.Type, Name = local.Canonical };
        }

        var newVariant = false;
        foreach (var (surface, count) in local.Surfaces)
        {
            newVariant |= !entity.Variants.ContainsKey(surface);
            entity.Variants[surface] = entity.Variants.GetValueOrDefault(surface) + count;
        }

        entity.Mentions += mentions;
        if (newVariant)
        {
            // Only a new spelling can change the name shown or add blocking keys.
            entity.Name = CanonicalName(entity);
            Cache(entity);
        }

        _dirty.Add(entity.Id);
        await batch.AddEntityOccurrenceAsync(new EntityOccurrence(entity.Id, articleId, local.Type, local.Canonical, mentions), cancellationToken).ConfigureAwait(false);
        return entity.Id;
    }

    /// <summary>Writes the entities changed since the last call into the batch.</summary>
    public async Task FlushAsync(IStoreBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var id in _dirty)
        {
            var e = _byId[id];
            // Blocks only ever grow; write the ones not written in this run yet.
            var blocks = BlocksOf(e).Append(IdBlock(e.Id)).Where(b => _writtenBlocks.Add(b + "\u001F" + e.Id)).ToList();
            await batch.SaveEntityAsync(e, blocks, cancellationToken).ConfigureAwait(false);
        }

        _dirty.Clear();
    }

    private async Task<(StoredEntity? Entity, List<StoredEntity>? Ambiguous)> FindAsync(IStoreBatch batch, LocalEntity local, CancellationToken cancellationToken)
    {
        _pins ??= await batch.PinsAsync(cancellationToken).ConfigureAwait(false);
        var pinned = _pins.GetValueOrDefault((local.Type, local.Canonical));

        if (pinned is not null)
        {
            return (await ByIdAsync(batch, pinned, cancellationToken).ConfigureAwait(false), null);
        }

        var candidates = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        foreach (var block in Blocks(local.Type, local.Canonical))
        {
            foreach (var c in await CandidatesAsync(batch, block, cancellationToken).ConfigureAwait(false))
            {
                candidates[c.Id] = c;
            }
        }

        // Short forms ("Breuker" for Anna Breuker) are left out: they would match anyone else of that surname.
        var fullParts = Parts(local.Canonical).Length;
        var names = local.Surfaces.Keys.Where(n => fullParts == 1 || Parts(n).Length > 1).Append(local.Canonical).Distinct(StringComparer.Ordinal).ToList();

        // A spelling an entity already has is a match without comparing keys (most names recur exactly).
        var matches = candidates.Values
            .Where(c => c.Type == local.Type && names.Any(n => n == c.Name || c.Variants.ContainsKey(n)))
            .OrderByDescending(c => c.Mentions).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (fullParts == 1 && matches.Count > 1)
        {
            // One word that several entities have used ("Breuker" for Remco and for Anna Breuker): context decides.
            return (null, matches);
        }

        if (matches.Count == 0 && local.Type is "LOC" or "ORG" && names.Select(TranslatedNames.Default.KeyOf).OfType<string>().ToHashSet(StringComparer.Ordinal) is { Count: > 0 } translated)
        {
            // The same place or organisation in another language (Rusland = Russia, NAVO = NATO): listed names, not spelling keys.
            matches = candidates.Values
                .Where(c => c.Type == local.Type && c.Variants.Keys.Append(c.Name).Any(v => TranslatedNames.Default.KeyOf(v) is { } k && translated.Contains(k)))
                .OrderByDescending(c => c.Mentions).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
        }

        if (matches.Count == 0)
        {
            var nameParts = names.Select(Parts).ToList();
            matches = candidates.Values
                .Where(c => c.Type == local.Type && c.Variants.Keys.Append(c.Name).Any(v => nameParts.Any(n => NameMatcher.SameParts(n, Parts(v)))))
                .OrderByDescending(c => c.Mentions).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
        }

        if (matches.Count > 0)
        {
            return (await FollowAsync(batch, matches[0], cancellationToken).ConfigureAwait(false), null);
        }

        // One word against a full name: only through the surname, and only when exactly one candidate fits.
        var localParts = Parts(local.Canonical);
        var bySurname = candidates.Values.Where(c => c.Type == local.Type && (localParts.Length == 1
                ? Parts(c.Name).Length > 1 && NameMatcher.SameParts(localParts, LastWordParts(c.Name))
                : Parts(c.Name).Length == 1 && NameMatcher.SameParts(Parts(c.Name), LastWordParts(local.Canonical))))
            .ToList();
        return bySurname.Count switch
        {
            0 => (null, null),
            1 => (await FollowAsync(batch, bySurname[0], cancellationToken).ConfigureAwait(false), null),
            _ => (null, bySurname),
        };
    }

    private string[] Parts(string name)
    {
        if (!_parts.TryGetValue(name, out var parts))
        {
            parts = TransliterationKey.Parts(name);
            _parts[name] = parts;
        }

        return parts;
    }

    private string[] LastWordParts(string name)
    {
        if (!_lastWordParts.TryGetValue(name, out var parts))
        {
            parts = TransliterationKey.Parts(name[(name.LastIndexOf(' ') + 1)..]);
            _lastWordParts[name] = parts;
        }

        return parts;
    }

    private async Task<StoredEntity> FollowAsync(IStoreBatch batch, StoredEntity entity, CancellationToken cancellationToken)
    {
        if (!_current.TryGetValue(entity.Id, out var current))
        {
            current = await batch.CurrentEntityIdAsync(entity.Id, cancellationToken).ConfigureAwait(false);
            _current[entity.Id] = current;
        }

        return current == entity.Id ? entity : await ByIdAsync(batch, current, cancellationToken).ConfigureAwait(false) ?? entity;
    }

    private async Task<StoredEntity?> ByIdAsync(IStoreBatch batch, string id, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(id, out var e))
        {
            return e;
        }

        return (await CandidatesAsync(batch, IdBlock(id), cancellationToken).ConfigureAwait(false)).FirstOrDefault(x => x.Id == id);
    }

    /// <summary>
    /// The stored entities of a block (loaded once per run) and those this run created or changed under it. An
    /// entity can be in both; callers keep one per id.
    /// </summary>
    private async Task<IEnumerable<StoredEntity>> CandidatesAsync(IStoreBatch batch, string block, CancellationToken cancellationToken)
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

        return _createdByBlock.TryGetValue(block, out var created) ? stored.Concat(created.Values) : stored;
    }

    private void Cache(StoredEntity entity)
    {
        _byId[entity.Id] = entity;
        foreach (var block in BlocksOf(entity).Append(IdBlock(entity.Id)))
        {
            if (!_createdByBlock.TryGetValue(block, out var byId))
            {
                byId = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
                _createdByBlock[block] = byId;
            }

            byId[entity.Id] = entity;
        }
    }

    private static IEnumerable<string> BlocksOf(StoredEntity e)
        => e.Variants.Keys.Append(e.Name).SelectMany(n => Blocks(e.Type, n)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Type plus the first three letters of the first and last part keys: catches transliterations and one-edit typos
    /// past the third letter. A listed place or organisation also gets its key, which its names in other languages share.
    /// </summary>
    public static IEnumerable<string> Blocks(string type, string name)
    {
        var parts = TransliterationKey.Parts(name);
        if (parts.Length == 0)
        {
            yield break;
        }

        yield return type + ":" + Prefix(parts[0]);
        if (parts.Length > 1)
        {
            yield return type + ":" + Prefix(parts[^1]);
        }

        if (type is "LOC" or "ORG" && TranslatedNames.Default.KeyOf(name) is { } key)
        {
            yield return type + "=" + key;
        }
    }

    private static string IdBlock(string id) => "#" + id;

    private static string Prefix(string key) => key.Length <= 3 ? key : key[..3];

    private static string CanonicalName(StoredEntity e)
        => e.Variants
            .Where(v => v.Key.Length > 0 && char.IsUpper(v.Key[0]) && !PlaceAdjectives.Default.IsAdjective(v.Key))
            .OrderByDescending(v => v.Key.Contains(' ', StringComparison.Ordinal) || v.Key.Contains('-', StringComparison.Ordinal))
            .ThenByDescending(v => v.Value)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Key)
            .FirstOrDefault() ?? e.Name;
}
