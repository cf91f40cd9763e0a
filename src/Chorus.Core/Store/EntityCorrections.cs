using Chorus.Core.Entities;

namespace Chorus.Core.Store;

/// <summary>
/// What a name or id given by a user resolves to. <see cref="Match"/> is set only for an exact id (a merged-away id
/// leads to where it lives now) or for a name or variant that, folded for case and diacritics, belongs to exactly
/// one entity. Otherwise <see cref="Candidates"/> lists what the user may have meant, most mentioned first, and
/// nothing is resolved: a typo must never open, or merge, the wrong entity.
/// </summary>
public sealed record EntityLookup(StoredEntity? Match, IReadOnlyList<StoredEntity> Candidates, bool Ambiguous)
{
    public const int MaxCandidates = 10;

    public static EntityLookup Found(StoredEntity entity) => new(entity, [], false);

    /// <summary>The lookup of a name among the live (not merged-away) entities.</summary>
    public static EntityLookup ByName(string query, IEnumerable<StoredEntity> live)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(live);
        var key = NameKey.Fold(query.AsSpan().Trim());
        if (key.Length == 0)
        {
            return new EntityLookup(null, [], false);
        }

        var entities = live as IReadOnlyCollection<StoredEntity> ?? live.ToList();
        var exact = entities.Where(e => NameKey.Fold(e.Name) == key || e.Variants.Keys.Any(v => NameKey.Fold(v) == key)).ToList();
        if (exact.Count == 1)
        {
            return Found(exact[0]);
        }

        if (exact.Count > 1)
        {
            return new EntityLookup(null, Ranked(exact), true);
        }

        // Near misses, for the message only: same name by spelling rules, a name the query is the first or last
        // word of, or a name that starts with the query.
        var near = entities.Where(e => e.Variants.Keys.Append(e.Name).Any(v =>
            NameMatcher.Same(v, query)
            || NameMatcher.MatchesShortForm(query, v)
            || (key.Length >= 3 && NameKey.Fold(v).StartsWith(key, StringComparison.Ordinal))));
        return new EntityLookup(null, Ranked(near), false);
    }

    private static List<StoredEntity> Ranked(IEnumerable<StoredEntity> entities)
        => [.. entities.OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal).Take(MaxCandidates)];
}

/// <summary>The kinds of entity correction a user can make.</summary>
public enum EntityCorrectionKind
{
    /// <summary>Two entities are one: the second is merged into the first.</summary>
    Merge,

    /// <summary>One spelling is a different entity: it moves to an entity of its own.</summary>
    Split,
}

/// <summary>
/// One logged entity correction. Merge: <see cref="EntityId"/> kept, <see cref="OtherId"/> merged away. Split:
/// <see cref="EntityId"/> split from, <see cref="OtherId"/> the new entity of <see cref="Variant"/>.
/// <see cref="Occurrences"/> is how many article occurrences it moved.
/// </summary>
public sealed record EntityCorrection(
    long Seq,
    EntityCorrectionKind Kind,
    string EntityId,
    string OtherId,
    string? Variant,
    int Occurrences,
    DateTimeOffset At,
    DateTimeOffset? UndoneAt);

/// <summary>The result of a correction or its undo: what was logged, or why nothing changed.</summary>
public sealed record EntityCorrectionOutcome(EntityCorrection? Correction, string? Error)
{
    public bool Success => Error is null;

    public static EntityCorrectionOutcome Failed(string error) => new(null, error);
}
