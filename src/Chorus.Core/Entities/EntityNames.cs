using Chorus.Core.Analysis;
namespace Chorus.Core.Entities;

/// <summary>
/// Which of an entity's spellings to show, and which spellings are no names at all. Measured on the 200 most
/// mentioned entities of DPG 2019 (<c>./chorus eval entity-names eval/entities/dpg-top200-names.tsv</c>).
/// </summary>
public static class EntityNames
{
    // Name particles, which start a surname ("De Jong", "Van Dijk", "Ten Hag", "von der Leyen") but never end a name.
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "vom", "zu", "der", "den", "de", "het", "ter", "ten", "te", "la", "le", "da", "di", "du", "al", "el", "bin", "ibn", "dos", "das",
    };

    // Words that join two names and so never end one either ("Justitie en Veiligheid").
    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase) { "en", "of", "and", "und" };

    /// <summary>True for a particle that starts a surname ("de", "van", "ten", "von"), in any case.</summary>
    public static bool IsParticle(string word) => Particles.Contains(word);

    /// <summary>True for a Roman numeral up to four letters ("II", "XIV"): the number of a cabinet or a king.</summary>
    public static bool IsRomanNumeral(string word) => word.Length is > 0 and <= 4 && word.All(c => c is 'I' or 'V' or 'X');

    /// <summary>
    /// The name to show among spellings and their counts, or null when none qualifies. A person is shown under the
    /// most frequent well-formed full name (two or more words, not ending in a particle or a Roman numeral: "Rutte
    /// III" is a cabinet); anything else under its most frequent form that is not an adjective, because a longer
    /// form of a place or organisation is mostly a tagging error that glued a word to it ("Geijsteren China",
    /// "Metropoolregio Amsterdam"). An acronym gives way to a spelling it is the initials of (VS → Verenigde
    /// Staten, EU → Europese Unie; not yet initials inside compounds: NAVO, Noord-Atlantische Verdragsorganisatie).
    /// </summary>
    public static string? Canonical(EntityType type, IReadOnlyDictionary<string, int> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        string? best = null;
        var bestRank = (0, 0, 0);
        foreach (var (name, count) in variants)
        {
            if (!IsNameForm(name) || PlaceAdjectives.Default.IsAdjective(name))
            {
                continue;
            }

            var full = IsFullPersonName(name) && !IsSurnameOfAnother(name, variants.Keys);
            var rank = (type == EntityType.Person && full ? 1 : 0, LooksLikeAdjective(name) ? 0 : 1, count);
            if (best is null || rank.CompareTo(bestRank) > 0 || (rank == bestRank && Longer(name, best)))
            {
                (best, bestRank) = (name, rank);
            }
        }

        if (best is not null && IsAcronym(best))
        {
            foreach (var (name, _) in variants)
            {
                if (name.Contains(' ', StringComparison.Ordinal) && IsNameForm(name) && Initials(name).Equals(best, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// False for what is no name: a single letter or digit ("B", "W", "V&"), a cut-off compound ("Noord-" of
    /// "Noord- en Zuid-Holland"), or a form that starts in lower case.
    /// </summary>
    public static bool IsNameForm(ReadOnlySpan<char> name)
    {
        var alphanumeric = 0;
        foreach (var c in name)
        {
            alphanumeric += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return alphanumeric >= 2 && (char.IsUpper(name[0]) || char.IsDigit(name[0])) && name[^1] != '-';
    }

    /// <summary>
    /// True when <paramref name="name"/> is a surname with its particles ("De Jonge") and one of the other names is
    /// that surname with a given name ("Hugo de Jonge"): the short form of it, whatever their counts.
    /// </summary>
    public static bool IsSurnameOfAnother(string name, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parts = TransliterationKey.Parts(name);
        if (!NameMatcher.IsParticleSurname(parts))
        {
            return false;
        }

        foreach (var other in names)
        {
            if (NameMatcher.IsParticleSurnameOf(parts, TransliterationKey.Parts(other)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFullPersonName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && !Particles.Contains(parts[^1]) && !Conjunctions.Contains(parts[^1]) && !IsRomanNumeral(parts[^1]) && char.IsUpper(parts[0][0]);
    }


    // Dutch adjectives ("Venezolaanse", "Koerdische", "Koerdisch", "Molukse") beside a noun of the same entity
    // ("Venezolanen"): the noun is the name.
    private static bool LooksLikeAdjective(string name)
        => !name.Contains(' ', StringComparison.Ordinal)
            && (name.EndsWith("se", StringComparison.Ordinal) || name.EndsWith("sche", StringComparison.Ordinal) || name.EndsWith("isch", StringComparison.Ordinal));

    private static bool IsAcronym(string name) => name.Length is >= 2 and <= 6 && name.All(c => char.IsUpper(c) || c == '&');

    private static string Initials(string name)
    {
        var initials = new System.Text.StringBuilder();
        foreach (var word in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Particles.Contains(word) && !Conjunctions.Contains(word) && char.IsUpper(word[0]))
            {
                initials.Append(word[0]);
            }
        }

        return initials.ToString();
    }

    // Ties go to the longer form, then to the first in ordinal order, so the choice never depends on order.
    private static bool Longer(string name, string than)
        => name.Length > than.Length || (name.Length == than.Length && string.CompareOrdinal(name, than) < 0);
}
