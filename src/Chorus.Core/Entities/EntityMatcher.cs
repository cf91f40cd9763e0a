using Chorus.Core.Analysis;
using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>What <see cref="EntityMatcher.Match"/> decided for a name.</summary>
public enum EntityMatchKind
{
    /// <summary>No candidate is the same entity: the name becomes a new one.</summary>
    None,

    /// <summary>One candidate is the entity.</summary>
    Linked,

    /// <summary>Several candidates fit a one-word name equally well: context must decide, or nobody.</summary>
    Ambiguous,
}

/// <param name="Entity">The linked candidate (as given, before following any merge).</param>
/// <param name="Candidates">The candidates that fit, when ambiguous.</param>
public readonly record struct EntityMatch(EntityMatchKind Kind, StoredEntity? Entity, IReadOnlyList<StoredEntity> Candidates)
{
    public static EntityMatch None { get; } = new(EntityMatchKind.None, null, []);

    public static EntityMatch Linked(StoredEntity entity) => new(EntityMatchKind.Linked, entity, []);

    public static EntityMatch Ambiguous(IReadOnlyList<StoredEntity> candidates) => new(EntityMatchKind.Ambiguous, null, candidates);
}

/// <summary>
/// The matching policy of entity resolution, apart from the store: given an article's entity and the stored
/// entities that share a block with it, which one it is. In this order: a spelling a candidate already has; for a
/// listed place or organisation, a name listed under the same key in another language (Rusland = Russia); names
/// <see cref="NameMatcher.SameParts"/> calls the same; and last, for a person, one word against a full name through
/// the surname, only when exactly one candidate fits. A one-word name several candidates have used is ambiguous,
/// never a guess. Among several full matches the most mentioned wins. Not thread-safe (it reuses its scratch lists).
/// </summary>
public sealed class EntityMatcher
{
    private readonly EntityNameCache _names;
    private readonly List<string> _lookupNames = [];
    private readonly List<StoredEntity> _matches = [];

    public EntityMatcher()
        : this(new EntityNameCache())
    {
    }

    internal EntityMatcher(EntityNameCache names) => _names = names;

    /// <param name="candidates">Stored entities of the name's type that share a block with it, each once.</param>
    public EntityMatch Match(LocalEntity local, IReadOnlyCollection<StoredEntity> candidates)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return EntityMatch.None;
        }

        var localParts = _names.Info(local.Canonical).Parts;
        var names = LookupNames(local, localParts);
        var matches = _matches;
        matches.Clear();
        AddWhere(candidates, c => HasSpelling(c, names));
        if (IsShortForm(localParts) && matches.Count > 1)
        {
            // One word that several entities have used ("Breuker" for Remco and for Anna Breuker): context decides.
            return EntityMatch.Ambiguous([.. matches]);
        }

        if (matches.Count == 0 && local.Type is EntityType.Location or EntityType.Organisation)
        {
            // The same place or organisation in another language (Rusland = Russia, NAVO = NATO): listed names, not spelling keys.
            AddWhere(candidates, c => SharesTranslatedKey(c, names));
        }

        if (matches.Count == 0)
        {
            AddWhere(candidates, c => SpellingMatches(c, names));
        }

        if (matches.Count > 0)
        {
            return EntityMatch.Linked(MostMentioned(matches));
        }

        // Places and organisations have no surnames: "Amsterdam" is not short for "Metropoolregio Amsterdam", nor
        // "Ajax" for a heading glued to it ("Verwachtingspatroon Ajax").
        if (local.Type == EntityType.Person)
        {
            AddWhere(candidates, c => SameBySurname(local, localParts, c));
        }

        return matches.Count switch
        {
            0 => EntityMatch.None,
            1 => EntityMatch.Linked(matches[0]),
            _ => EntityMatch.Ambiguous([.. matches]),
        };
    }

    /// <summary>
    /// The article's names of the entity to look up. Short forms ("Breuker" for Anna Breuker) are left out: they
    /// would match anyone else of that surname.
    /// </summary>
    private List<string> LookupNames(LocalEntity local, string[] localParts)
    {
        var names = _lookupNames;
        names.Clear();
        names.Add(local.Canonical);
        foreach (var n in local.Surfaces.Keys)
        {
            if ((IsShortForm(localParts) || !IsShortForm(_names.Info(n).Parts)) && !names.Contains(n))
            {
                names.Add(n);
            }
        }

        return names;
    }

    private void AddWhere(IReadOnlyCollection<StoredEntity> candidates, Func<StoredEntity, bool> fits)
    {
        foreach (var c in candidates)
        {
            if (fits(c))
            {
                _matches.Add(c);
            }
        }
    }

    /// <summary>A spelling an entity already has is a match without comparing keys (most names recur exactly).</summary>
    private static bool HasSpelling(StoredEntity c, List<string> names)
    {
        foreach (var n in names)
        {
            if (n == c.Name || c.Variants.ContainsKey(n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name that stands for a surname only: one word ("Breuker") or a surname with its particles ("De Jonge").</summary>
    private static bool IsShortForm(string[] parts) => parts.Length == 1 || NameMatcher.IsParticleSurname(parts);

    /// <summary>
    /// One word against a full name, or a full name against one word, through the full name's last word; a surname
    /// with its particles against a full name ending in them, either way round.
    /// </summary>
    private bool SameBySurname(LocalEntity local, string[] localParts, StoredEntity c)
    {
        var candidateParts = _names.Info(c.Name).Parts;
        if (NameMatcher.IsParticleSurnameOf(localParts, candidateParts) || NameMatcher.IsParticleSurnameOf(candidateParts, localParts))
        {
            return true;
        }

        return localParts.Length == 1
            ? candidateParts.Length > 1 && NameMatcher.SameParts(localParts, _names.Info(c.Name).LastWordParts) && CapitalsSpellIt(local.Canonical, c.Name)
            : candidateParts.Length == 1 && NameMatcher.SameParts(candidateParts, _names.Info(local.Canonical).LastWordParts) && CapitalsSpellIt(c.Name, local.Canonical);
    }

    /// <summary>
    /// A word in capitals stands for a surname only when it spells it letter for letter ("TUSK" in a headline for
    /// Donald Tusk): an acronym is no transliteration, so "HAN" is not "De Haan", nor "CALC" "Kalk".
    /// </summary>
    private static bool CapitalsSpellIt(string word, string fullName)
    {
        if (!NameStage.IsAcronym(word))
        {
            return true;
        }

        var space = fullName.LastIndexOf(' ');
        return NameKey.Fold(word) == NameKey.Fold(space < 0 ? fullName : fullName[(space + 1)..]);
    }

    /// <summary>True when the entity's name or one of its variants is listed under the same key as one of the names.</summary>
    private bool SharesTranslatedKey(StoredEntity e, List<string> names)
    {
        foreach (var n in names)
        {
            if (_names.Info(n).TranslatedKey is not { } key)
            {
                continue;
            }

            if (_names.Info(e.Name).TranslatedKey == key)
            {
                return true;
            }

            foreach (var v in e.Variants.Keys)
            {
                if (_names.Info(v).TranslatedKey == key)
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
        if (SpellingMatches(_names.Info(e.Name).Parts, names))
        {
            return true;
        }

        foreach (var v in e.Variants.Keys)
        {
            if (SpellingMatches(_names.Info(v).Parts, names))
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
            if (NameMatcher.SameParts(_names.Info(n).Parts, parts))
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
}
