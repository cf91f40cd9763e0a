namespace Chorus.Core.Entities;

/// <summary>
/// Folds the spelling conventions that transliterations of the same name differ by, so that variants get the
/// same or a nearby key: Dutch oe/sj/tsj/zj/j (Poetin, Sjojgoe, Prigozjin), German sch/tsch/w (Schoigu, Selenskyj),
/// French ou/ch (Poutine), English sh/ch/kh/y (Shoigu, Zelensky, Kherson: Dutch and German write the same sound "ch"),
/// doubled letters and diacritics. Applied per name part; the Arabic article before a hyphen is one part however it is
/// written ("al-Sisi", "el-Sisi"; "ash-Shara", "al-Shara"); what folding leaves, <see cref="EditDistance"/> judges.
/// </summary>
public static class TransliterationKey
{
    // Longest patterns first; each maps onto a shared spelling.
    private static readonly (string From, string To)[] Rules =
    [
        ("tsch", "ch"), ("tsj", "ch"), ("tch", "ch"), ("sch", "sh"), ("sj", "sh"), ("zh", "sh"), ("zj", "sh"), ("kh", "ch"),
        ("ch", "ch"), ("oe", "u"), ("ou", "u"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("ij", "i"), ("yj", "i"), ("iy", "i"),
        ("x", "ks"), ("y", "i"), ("j", "i"), ("w", "v"), ("c", "k"), ("z", "s"),
    ];

    // The most letters one letter of a part can become under the rules (2: "x" → "ks"; a letter no rule takes stays one).
    private static readonly int MostLetters = Math.Max(1, Rules.Max(r => (r.To.Length + r.From.Length - 1) / r.From.Length));

    /// <summary>The key of one name part ("Sjojgoe" → "shoigu", "Schoigu" → "shoigu", "Poetin" → "putin").</summary>
    public static string OfPart(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var s = NameKey.Fold(part);
        // Built in one buffer sized for the rule that lengthens most ("x" → "ks"), doubled letters dropped as they
        // come; one string at the end.
        var size = Math.Max(1, MostLetters * s.Length);
        char[]? rented = null;
        var key = size <= 256 ? stackalloc char[size] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(size));
        var length = 0;
        static void Append(Span<char> into, ref int at, char c)
        {
            // Doubled letters carry no difference between transliterations ("ii" from "yj" in Zelenskyj).
            if (at == 0 || into[at - 1] != c)
            {
                into[at++] = c;
            }
        }

        for (var i = 0; i < s.Length;)
        {
            var matched = false;
            foreach (var (from, to) in Rules)
            {
                if (string.CompareOrdinal(s, i, from, 0, from.Length) == 0)
                {
                    // "ch" stays "ch" (it is the target of tsj/tsch), except that "sch" was handled above.
                    foreach (var c in to)
                    {
                        Append(key, ref length, c);
                    }

                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                if (char.IsLetterOrDigit(s[i]))
                {
                    Append(key, ref length, s[i]);
                }

                i++;
            }
        }

        var result = new string(key[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    // Names recur across articles and every comparison needs both keys: cache them (bounded, thread-safe).
    private const int MaxCached = 200_000;
    private static readonly Text.BoundedCache<string[]> PartsCache = new(MaxCached);

    /// <summary>The name split into parts (hyphenated parts too: "Jong-un" → "jong", "un") and folded.</summary>
    public static string[] Parts(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (PartsCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var parts = ComputeParts(name);
        PartsCache.Add(name, parts);
        return parts;
    }

    private static string[] ComputeParts(string name)
    {
        return name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(HyphenatedParts)
            .Select(p => p.TrimEnd('.', ','))
            .Where(p => p.Length > 0)
            .Select(OfPart)
            .Where(p => p.Length > 0)
            .ToArray();
    }

    private static readonly char[] Hyphens = ['-', '‐', '\u2011'];

    // The Arabic article as transliterations write it before a hyphen: "al-", "el-", "ad-", "as-", "ash-"… Not "an-",
    // which is also a Flemish given name ("An-Sofie").
    private static readonly HashSet<string> ArabicArticles = new(StringComparer.OrdinalIgnoreCase) { "al", "el", "ad", "as", "ash", "at", "az", "ar" };

    /// <summary>
    /// A word's hyphenated parts ("Jong-un" → "Jong", "un"), the Arabic article before a hyphen written "al" (it
    /// takes the sound of the letter after it, and Egyptian names write it "el"). Kept as a part, not dropped, so that
    /// "Al-Qaida" stays "Al Qaida", and "Al Gore" no short form of another Gore.
    /// </summary>
    private static IEnumerable<string> HyphenatedParts(string word)
    {
        var pieces = word.Split(Hyphens, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pieces.Length; i++)
        {
            yield return i + 1 < pieces.Length && ArabicArticles.Contains(pieces[i]) ? "al" : pieces[i];
        }
    }

    public static string Of(string name) => string.Join(' ', Parts(name));
}

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions each cost 1.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length > 64 || a.Length > 64)
        {
            return Math.Abs(a.Length - b.Length) + Math.Min(a.Length, b.Length);
        }

        // Three rows suffice for the transposition look-back; names are short, so they live on the stack.
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
