namespace Chorus.Core.Text;

/// <summary>
/// A key on which a Dutch word and its German cognate meet where the dictionary lists neither ("gijzelnemer" and
/// "Geiselnehmer", "stroomuitval" and "Stromausfall"): the word's sounds by class, after the regular spelling
/// correspondences of the two languages.
/// <list type="bullet">
/// <item>consonants by place: b p f v (and pf, ph) are one class, d t (dt, tz) another, s z ß (and sch) another, k g c q
/// (ch, ck) another; l m n r w j x stay themselves;</item>
/// <item>every vowel, or run of vowels, is one vowel class (so Dutch "ij" and German "ei", "oo" and "o" meet); h is
/// silent ("nehmen", "nemen");</item>
/// <item>a class repeated next to itself counts once ("ss", "tt", "dt").</item>
/// </list>
/// The key is the first <see cref="Length"/> classes of a word's stem; a stem of fewer than <see cref="MinClasses"/>
/// classes gets none, because short keys meet too many unrelated words. Measured on the concept lexicon's Dutch and
/// German words (<c>./chorus eval lexicon</c>): of all pairs of a Dutch and a German headword that share a key, about a
/// quarter are translations of each other, so the key is a weak signal, used only for words the lexicon lacks.
/// </summary>
public static class CognateKey
{
    /// <summary>The prefix that marks a cognate key among a sentence's terms.</summary>
    public const char Prefix = '~';

    /// <summary>Classes kept from the start of the stem.</summary>
    public const int Length = 8;

    /// <summary>The fewest classes a stem must have to get a key.</summary>
    public const int MinClasses = 7;

    /// <summary>
    /// Writes the key of <paramref name="stem"/> (lower case) with its <see cref="Prefix"/> into <paramref name="key"/>
    /// (at least <see cref="Length"/> + 1 long) and returns its length, or 0 when the stem is too short for one.
    /// </summary>
    public static int Write(ReadOnlySpan<char> stem, Span<char> key)
    {
        if (key.Length < Length + 1)
        {
            throw new ArgumentException($"The key needs {Length + 1} characters.", nameof(key));
        }

        key[0] = Prefix;
        var n = 1;
        var classes = 0;
        var last = '\0';
        for (var i = 0; i < stem.Length; i++)
        {
            var c = char.ToLowerInvariant(stem[i]);
            var next = i + 1 < stem.Length ? char.ToLowerInvariant(stem[i + 1]) : '\0';
            char cls;
            if (c == 's' && next == 'c' && i + 2 < stem.Length && char.ToLowerInvariant(stem[i + 2]) == 'h')
            {
                // "sch": Dutch "school", "schip" and German "Schule", "Schiff"; a Dutch s before a consonant is a German
                // sch ("slapen", "schlafen") and both become one class.
                cls = 'S';
                i += 2;
            }
            else if (c == 'i' && next == 'j')
            {
                // Dutch "ij" is German "ei" ("gijzel", "Geisel"; "vrij", "frei"): a vowel, not i and j.
                cls = 'V';
                i++;
            }
            else if (c == 'c' && next is 'h' or 'k')
            {
                // German "ch" after a vowel is a Dutch k ("machen", "maken"); "ck" is k.
                cls = 'K';
                i++;
            }
            else if (c == 'p' && next is 'f' or 'h')
            {
                // German "pf" is a Dutch p ("Pfeffer", "peper"); "ph" is f.
                cls = 'P';
                i++;
            }
            else
            {
                cls = Class(c);
            }

            if (cls == '\0' || cls == last)
            {
                continue;
            }

            last = cls;
            classes++;
            if (n <= Length)
            {
                key[n++] = cls;
            }
        }

        return classes >= MinClasses ? n : 0;
    }

    /// <summary>The key of <paramref name="stem"/> as a string, or null when it is too short for one (for evaluation and tests; the comparer writes into a buffer).</summary>
    public static string? Of(ReadOnlySpan<char> stem)
    {
        Span<char> key = stackalloc char[Length + 1];
        var length = Write(stem, key);
        return length > 0 ? key[..length].ToString() : null;
    }

    private static char Class(char c) => c switch
    {
        'b' or 'p' or 'f' or 'v' => 'P',
        'd' or 't' => 'T',
        's' or 'z' or 'ß' => 'S',
        'k' or 'g' or 'c' or 'q' => 'K',
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö' or 'ü' or 'à' or 'á' or 'â' or 'è' or 'é' or 'ê' or 'ë' or 'ï' or 'î' or 'í' or 'ó' or 'ô' or 'ú' or 'û' => 'V',
        'h' => '\0',
        'l' or 'm' or 'n' or 'r' or 'w' or 'j' or 'x' => c,
        _ => '\0',
    };
}
