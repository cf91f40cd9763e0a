using Chorus.Core.Analysis;
using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>
/// Links an article's entities (after in-article coreference) to entities across the store, at ingest, one
/// article at a time in input order (beside clustering, see <see cref="Ingest.IngestPipeline"/>). Candidates come from blocking keys (type + the first three letters of the transliteration key
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
    private readonly HashSet<(string Block, string Id)> _writtenBlocks = [];
    private readonly Dictionary<string, List<string>> _blocksToWrite = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blocksChecked = new(StringComparer.Ordinal);

    // What is derived from a name (part keys, listed key, blocking keys) is computed once per run: one name is
    // compared with many candidates' variants, and most names recur. Cleared when large, so a long run stays bounded.
    private readonly Dictionary<string, NameInfo> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Name), string[]> _blocks = [];
    private const int MaxNames = 200_000;

    // Scratch collections of FindAsync, reused: it runs for every entity of every article, one call at a time.
    private readonly Dictionary<string, StoredEntity> _candidates = new(StringComparer.Ordinal);
    private readonly List<string> _lookupNames = [];
    private readonly List<StoredEntity> _matches = [];
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
            foreach (var block in BlocksOf(local.Type, local.Canonical))
            {
                if (!_byBlock.ContainsKey(block))
                {
                    wanted.Add(block);
                }
            }

            var idBlock = IdBlock(EntityIds.Provisional(local.Type, local.Canonical));
            if (!_byBlock.ContainsKey(idBlock))
            {
                wanted.Add(idBlock);
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

        // Where each entity read ahead lives now, in one query: most were never merged away and live where they are.
        // The merged-away ones are followed one by one when they are matched.
        if (found.Count > 0)
        {
            var merged = await batch.MergedAwayAsync(found, cancellationToken).ConfigureAwait(false);
            foreach (var id in found)
            {
                if (!merged.Contains(id))
                {
                    _current[id] = id;
                }
            }
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
            // Read once per batch: common surnames come up often within one. Not once per run: the company an entity
            // keeps grows as the run links, and what a run decides must not depend on where it started (a resumed run,
            // a worker taking over a chunk), only on what the store holds at the batch's start.
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
            if (_byId.ContainsKey(id) || await BlockHasAnyAsync(batch, IdBlock(id), cancellationToken).ConfigureAwait(false))
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
        var name = CanonicalName(entity);
        if (newVariant || name != entity.Name)
        {
            // A new spelling, or a new most frequent one, can change the name shown and the blocking keys.
            entity.Name = name;
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
        _contexts.Clear();
        foreach (var id in _dirty)
        {
            var e = _byId[id];
            if (_blocksChecked.Add(id))
            {
                // A stored entity's blocks are written again once per run: blocking keys added since it was stored
                // (a newly listed name) reach it this way.
                MarkBlockToWrite(IdBlock(id), id);
                foreach (var name in e.Variants.Keys.Append(e.Name))
                {
                    foreach (var block in BlocksOf(e.Type, name))
                    {
                        MarkBlockToWrite(block, id);
                    }
                }
            }

            IReadOnlyCollection<string> blocks = _blocksToWrite.Remove(id, out var toWrite) ? toWrite : [];
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

        // Candidates of the same type, one per id (an entity can sit in several of the name's blocks).
        var candidates = _candidates;
        candidates.Clear();
        foreach (var block in BlocksOf(local.Type, local.Canonical))
        {
            var stored = await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false);
            foreach (var c in stored)
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

        if (candidates.Count == 0)
        {
            return (null, null);
        }

        // Short forms ("Breuker" for Anna Breuker) are left out: they would match anyone else of that surname.
        var localParts = Info(local.Canonical).Parts;
        var names = _lookupNames;
        names.Clear();
        names.Add(local.Canonical);
        foreach (var n in local.Surfaces.Keys)
        {
            if ((localParts.Length == 1 || Info(n).Parts.Length > 1) && !names.Contains(n))
            {
                names.Add(n);
            }
        }

        // A spelling an entity already has is a match without comparing keys (most names recur exactly).
        var matches = _matches;
        matches.Clear();
        foreach (var c in candidates.Values)
        {
            foreach (var n in names)
            {
                if (n == c.Name || c.Variants.ContainsKey(n))
                {
                    matches.Add(c);
                    break;
                }
            }
        }

        if (localParts.Length == 1 && matches.Count > 1)
        {
            // One word that several entities have used ("Breuker" for Remco and for Anna Breuker): context decides.
            return (null, [.. matches]);
        }

        if (matches.Count == 0 && local.Type is "LOC" or "ORG")
        {
            // The same place or organisation in another language (Rusland = Russia, NAVO = NATO): listed names, not spelling keys.
            foreach (var c in candidates.Values)
            {
                if (SharesTranslatedKey(c, names))
                {
                    matches.Add(c);
                }
            }
        }

        if (matches.Count == 0)
        {
            foreach (var c in candidates.Values)
            {
                if (SpellingMatches(c, names))
                {
                    matches.Add(c);
                }
            }
        }

        if (matches.Count > 0)
        {
            return (await FollowAsync(batch, MostMentioned(matches), cancellationToken).ConfigureAwait(false), null);
        }

        // One word against a full name: only through a person's surname, and only when exactly one candidate fits.
        // Places and organisations have no surnames: "Amsterdam" is not short for "Metropoolregio Amsterdam", nor
        // "Ajax" for a heading glued to it ("Verwachtingspatroon Ajax").
        foreach (var c in local.Type == "PER" ? candidates.Values : Enumerable.Empty<StoredEntity>())
        {
            var candidateParts = Info(c.Name).Parts;
            if (localParts.Length == 1
                ? candidateParts.Length > 1 && NameMatcher.SameParts(localParts, Info(c.Name).LastWordParts)
                : candidateParts.Length == 1 && NameMatcher.SameParts(candidateParts, Info(local.Canonical).LastWordParts))
            {
                matches.Add(c);
            }
        }

        return matches.Count switch
        {
            0 => (null, null),
            1 => (await FollowAsync(batch, matches[0], cancellationToken).ConfigureAwait(false), null),
            _ => (null, [.. matches]),
        };
    }

    /// <summary>True when the entity's name or one of its variants is listed under the same key as one of the names.</summary>
    private bool SharesTranslatedKey(StoredEntity e, List<string> names)
    {
        foreach (var n in names)
        {
            if (Info(n).TranslatedKey is not { } key)
            {
                continue;
            }

            if (Info(e.Name).TranslatedKey == key)
            {
                return true;
            }

            foreach (var v in e.Variants.Keys)
            {
                if (Info(v).TranslatedKey == key)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <see cref="NameMatcher.SameParts"/> accepts one of the names against the entity's name or a variant.</summary>
    private bool SpellingMatches(StoredEntity e, List<string> names)
    {
        if (SpellingMatches(Info(e.Name).Parts, names))
        {
            return true;
        }

        foreach (var v in e.Variants.Keys)
        {
            if (SpellingMatches(Info(v).Parts, names))
            {
                return true;
            }
        }

        return false;
    }

    private bool SpellingMatches(string[] parts, List<string> names)
    {
        foreach (var n in names)
        {
            if (NameMatcher.SameParts(Info(n).Parts, parts))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity with most mentions; the smallest id breaks a tie, so the choice does not depend on order.</summary>
    private static StoredEntity MostMentioned(List<StoredEntity> entities)
    {
        var best = entities[0];
        foreach (var e in entities)
        {
            if (e.Mentions > best.Mentions || (e.Mentions == best.Mentions && string.CompareOrdinal(e.Id, best.Id) < 0))
            {
                best = e;
            }
        }

        return best;
    }

    private NameInfo Info(string name)
    {
        if (!_names.TryGetValue(name, out var info))
        {
            if (_names.Count >= MaxNames)
            {
                _names.Clear();
            }

            info = new NameInfo(name);
            _names[name] = info;
        }

        return info;
    }

    /// <summary><see cref="Blocks"/>, kept per run.</summary>
    private string[] BlocksOf(string type, string name)
    {
        if (!_blocks.TryGetValue((type, name), out var blocks))
        {
            if (_blocks.Count >= MaxNames)
            {
                _blocks.Clear();
            }

            blocks = [.. Blocks(type, name)];
            _blocks[(type, name)] = blocks;
        }

        return blocks;
    }

    /// <summary>What the resolver derives from one name, each part computed when first asked for.</summary>
    private sealed class NameInfo(string name)
    {
        private string[]? _parts;
        private string[]? _lastWordParts;
        private string? _translatedKey;
        private bool _translatedKeyKnown;

        public string[] Parts => _parts ??= TransliterationKey.Parts(name);

        public string[] LastWordParts => _lastWordParts ??= name.LastIndexOf(' ') is var space and >= 0 ? TransliterationKey.Parts(name[(space + 1)..]) : Parts;

        public string? TranslatedKey
        {
            get
            {
                if (!_translatedKeyKnown)
                {
                    _translatedKey = TranslatedNames.Default.KeyOf(name);
                    _translatedKeyKnown = true;
                }

                return _translatedKey;
            }
        }
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

        var block = IdBlock(id);
        if (_createdByBlock.TryGetValue(block, out var created) && created.TryGetValue(id, out var made))
        {
            return made;
        }

        return (await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false)).Find(x => x.Id == id);
    }

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

    /// <summary>Whether a block holds any entity, stored or created this run.</summary>
    private async ValueTask<bool> BlockHasAnyAsync(IStoreBatch batch, string block, CancellationToken cancellationToken)
        => (await StoredBlockAsync(batch, block, cancellationToken).ConfigureAwait(false)).Count > 0
            || (_createdByBlock.TryGetValue(block, out var created) && created.Count > 0);

    private void Cache(StoredEntity entity)
    {
        _byId[entity.Id] = entity;
        CacheUnder(IdBlock(entity.Id), entity);
        foreach (var block in BlocksOf(entity.Type, entity.Name))
        {
            CacheUnder(block, entity);
        }

        foreach (var variant in entity.Variants.Keys)
        {
            foreach (var block in BlocksOf(entity.Type, variant))
            {
                CacheUnder(block, entity);
            }
        }
    }

    private void CacheUnder(string block, StoredEntity entity)
    {
        if (!_createdByBlock.TryGetValue(block, out var byId))
        {
            byId = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
            _createdByBlock[block] = byId;
        }

        byId[entity.Id] = entity;
        MarkBlockToWrite(block, entity.Id);
    }

    // Blocks only ever grow; each is written once per run.
    private void MarkBlockToWrite(string block, string id)
    {
        if (_writtenBlocks.Add((block, id)))
        {
            if (!_blocksToWrite.TryGetValue(id, out var blocks))
            {
                blocks = [];
                _blocksToWrite[id] = blocks;
            }

            blocks.Add(block);
        }
    }

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

    /// <summary>
    /// The name shown (<see cref="EntityNames.Canonical"/>): for a person the most frequent well-formed full name,
    /// otherwise the most frequent name form, an acronym giving way to its expansion.
    /// </summary>
    private static string CanonicalName(StoredEntity e) => EntityNames.Canonical(e.Type, e.Variants) ?? e.Name;
}
