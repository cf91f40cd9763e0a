namespace Chorus.Core.Entities;

/// <summary>
/// Decides whether two names of the same type name the same entity. Names are compared part by part on their
/// <see cref="TransliterationKey"/>s, in order or reversed (Asian and Western name order): each pair of parts
/// must be equal, or an initial of the other ("M." ~ "Mark"), except that one part of five letters or more may
/// differ by one edit (two from nine letters) — a typo or a transliteration the key does not fold. Parts of
/// four letters or fewer must be equal, so a given-name difference such as Jong-un / Jong-il blocks a merge.
/// A longer name matches a shorter one when the shorter one's parts appear in it in order with the same first
/// and last part ("Vladimir Poetin" ~ "Vladimir Vladimirovitsj Poetin"). A single word matches a longer name
/// only as <see cref="MatchesShortForm"/> says, which callers use where the context makes it safe.
/// </summary>
public static class NameMatcher
{
    public static bool Same(string a, string b) => SameParts(TransliterationKey.Parts(a), TransliterationKey.Parts(b));

    /// <summary>As <see cref="Same(string, string)"/>, on part keys already computed (callers that compare one name with many cache them).</summary>
    public static bool SameParts(string[] pa, string[] pb)
    {
        ArgumentNullException.ThrowIfNull(pa);
        ArgumentNullException.ThrowIfNull(pb);
        if (pa.Length == 0 || pb.Length == 0)
        {
            return false;
        }

        if (pa.Length == 1 && pb.Length == 1)
        {
            return PartsMatch(pa, pb, reversed: false);
        }

        if (pa.Length == 1 || pb.Length == 1)
        {
            return false;
        }

        if (pa.Length == pb.Length)
        {
            return PartsMatch(pa, pb, reversed: false) || PartsMatch(pa, pb, reversed: true);
        }

        var (shorter, longer) = pa.Length < pb.Length ? (pa, pb) : (pb, pa);
        return Subsequence(shorter, longer);
    }

    /// <summary>True when a one-word name is the first or last part of a longer name ("Poetin" in "Vladimir Poetin", "Kim" in "Kim Jong-un").</summary>
    public static bool MatchesShortForm(string shortName, string fullName)
    {
        var s = TransliterationKey.Parts(shortName);
        var f = TransliterationKey.Parts(fullName);
        if (IsParticleSurnameOf(s, f))
        {
            return true;
        }

        if (s.Length != 1 || f.Length < 2)
        {
            return false;
        }

        return PartMatch(s[0], f[^1], allowEdit: true) || PartMatch(s[0], f[0], allowEdit: false) || (f.Length > 2 && s[0] == string.Concat(f[^2..]));
    }

    // Reversed compares a with b read backwards (Asian name order), without copying b: this runs for every
    // candidate variant of every name at ingest.
    private static bool PartsMatch(string[] a, string[] b, bool reversed)
    {
        var edits = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var bi = reversed ? b[b.Length - 1 - i] : b[i];
            if (a[i] == bi || IsInitialOf(a[i], bi) || IsInitialOf(bi, a[i]))
            {
                continue;
            }

            if (edits == 0 && PartMatch(a[i], bi, allowEdit: true))
            {
                edits++;
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool PartMatch(string a, string b, bool allowEdit)
    {
        if (a == b)
        {
            return true;
        }

        if (!allowEdit || Math.Min(a.Length, b.Length) < 5)
        {
            return false;
        }

        var allowed = Math.Min(a.Length, b.Length) >= 9 ? 2 : 1;
        return Math.Abs(a.Length - b.Length) <= allowed && EditDistance.Between(a, b) <= allowed;
    }

    private static bool IsInitialOf(string initial, string part) => initial.Length == 1 && part.Length > 1 && part[0] == initial[0];

    // Particles a surname may open with when it stands without a given name: Dutch, German and Romance ones. Not
    // "al", "el", "ben", "bin": they are also given names ("Al Gore", "Ben Knapen").
    private static readonly HashSet<string> SurnameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "vom", "zu", "der", "den", "de", "ter", "ten", "te", "la", "le", "da", "di", "du", "dos", "das",
    };

    /// <summary>
    /// True for a surname written with its particles and no given name: "De Jonge", "Van der Laan", "von der Leyen",
    /// "Le Pen". Dutch capitalises the particle exactly when no given name or initial stands before it.
    /// </summary>
    public static bool IsParticleSurname(string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2)
        {
            return false;
        }

        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!SurnameParticles.Contains(parts[i]))
            {
                return false;
            }
        }

        return !SurnameParticles.Contains(parts[^1]);
    }

    /// <summary>
    /// True when <paramref name="surname"/> is a <see cref="IsParticleSurname">particle surname</see> that a longer
    /// name ends in: "De Jonge" of "Hugo de Jonge", "Van der Laan" of "Eberhard van der Laan" (the last part may
    /// differ by the one edit <see cref="MatchesShortForm"/> allows a surname).
    /// </summary>
    public static bool IsParticleSurnameOf(string[] surname, string[] full)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(full);
        if (full.Length <= surname.Length || !IsParticleSurname(surname))
        {
            return false;
        }

        var offset = full.Length - surname.Length;
        for (var i = 0; i < surname.Length - 1; i++)
        {
            if (surname[i] != full[offset + i])
            {
                return false;
            }
        }

        // A given name stands before the particles: "Hugo de Jonge", not "van der Laan" inside "Van der Laan van der Veen".
        return !SurnameParticles.Contains(full[offset - 1]) && PartMatch(surname[^1], full[^1], allowEdit: true);
    }

    // Name particles are part of the surname: "Jan de Vries" is not "Jan Vries". (Keys: "von" folds to "von", "van" to "van".)
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "ter", "ten", "te", "la", "le", "da", "di", "du", "al", "el", "bin", "ibn", "ben", "dos", "das",
    };

    private static bool Subsequence(string[] shorter, string[] longer)
    {
        // Middle names and patronymics may be left out; particles may not.
        foreach (var part in longer)
        {
            if (Particles.Contains(part) && Array.IndexOf(shorter, part) < 0)
            {
                return false;
            }
        }

        if (!PartMatch(shorter[0], longer[0], allowEdit: false) && !IsInitialOf(shorter[0], longer[0]))
        {
            return false;
        }

        if (!PartMatch(shorter[^1], longer[^1], allowEdit: true))
        {
            return false;
        }

        var j = 1;
        for (var i = 1; i < shorter.Length - 1; i++)
        {
            while (j < longer.Length - 1 && longer[j] != shorter[i])
            {
                j++;
            }

            if (j >= longer.Length - 1)
            {
                return false;
            }

            j++;
        }

        return true;
    }
}
