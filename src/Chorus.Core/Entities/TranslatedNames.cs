namespace Chorus.Core.Entities;

/// <summary>
/// One place or organisation under its names in other languages: Rusland = Russia = Russland = Russie,
/// Peking = Beijing, NAVO = NATO. Spelling keys cannot find these (they share no letters worth a match), so the
/// names are listed: every country and the states, provinces and regions of thirteen countries in the news in
/// Dutch, English and German from Debian's iso-codes (Resources/place-names.tsv, derived by
/// tools/derive-place-names.py), and the common names, cities and organisations of the news written for Chorus
/// (Resources/translated-names.tsv: "Rusland", where ISO has "Russische Federatie"). The key of each is the folded
/// name it was first listed under; a row that shares a name with an earlier one joins its key.
/// </summary>
public sealed class TranslatedNames
{
    private readonly Dictionary<string, string> _keys;

    private TranslatedNames(Dictionary<string, string> keys)
    {
        _keys = keys;
    }

    private static readonly Lazy<TranslatedNames> LazyDefault = new(() => Parse(EmbeddedResources.ReadLines("translated-names.tsv"), EmbeddedResources.ReadLines("place-names.tsv")));

    private readonly HashSet<string> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countries = new(StringComparer.Ordinal);

    // The constituent countries of the United Kingdom, which ISO 3166 lists as subdivisions of GB.
    private static readonly HashSet<string> CountryCodes = new(StringComparer.Ordinal) { "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR" };

    public static TranslatedNames Default => LazyDefault.Value;

    /// <summary>Names known, in all languages.</summary>
    public int Count => _keys.Count;

    /// <summary>
    /// The key shared by every name of the place or organisation, or null when the name is not listed; a university named
    /// by its place has one too, though unlisted (<see cref="InstitutionKey"/>). Case and diacritics are ignored.
    /// </summary>
    public string? KeyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _keys.GetValueOrDefault(NameKey.Fold(name)) ?? InstitutionKey(name);
    }

    // Institutions named after their place, with their word in each language and the Dutch word the key uses: "Utrecht
    // University" = "Universiteit Utrecht" = "Universität Utrecht". English puts the word after the place or before
    // "of"; Dutch and German before it. Not airports or zoos: news in the other languages mostly names their place alone
    // in lower-case words ("de luchthaven van Frankfurt", "Frankfurt airport"), and a key for the whole name then parted
    // it from that place (xl-planted-dev16 lost the Frankfurt strike's weekday conflict).
    private static readonly Dictionary<string, string> InstitutionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["university"] = "universiteit", ["universiteit"] = "universiteit", ["universität"] = "universiteit",
    };

    private static readonly HashSet<string> InstitutionLinks = new(StringComparer.OrdinalIgnoreCase) { "of", "van", "von", "the", "de", "het" };

    /// <summary>
    /// The key of an institution named by its kind and its place in any of the three languages ("universiteit utrecht"),
    /// or null: exactly one word of <see cref="InstitutionWords"/>, the rest one or two capitalised words (a listed place
    /// by its key).
    /// </summary>
    private string? InstitutionKey(string name)
    {
        // Read on every miss of KeyOf, which the ingest path calls for most names: no allocation unless a kind word is there.
        var span = name.AsSpan();
        var kinds = InstitutionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var links = InstitutionLinks.GetAlternateLookup<ReadOnlySpan<char>>();
        string? kind = null;
        foreach (var range in span.Split(' '))
        {
            if (kinds.TryGetValue(span[range], out var k))
            {
                if (kind is not null)
                {
                    return null;
                }

                kind = k;
            }
        }

        if (kind is null)
        {
            return null;
        }

        var rest = new List<string>(2);
        foreach (var range in span.Split(' '))
        {
            var word = span[range];
            if (word.IsEmpty || kinds.ContainsKey(word) || links.Contains(word))
            {
                continue;
            }

            if (rest.Count == 2 || !char.IsUpper(word[0]))
            {
                return null;
            }

            rest.Add(word.ToString());
        }

        if (rest.Count == 0)
        {
            return null;
        }

        var place = NameKey.Fold(string.Join(' ', rest));
        return kind + " " + (_keys.GetValueOrDefault(place) ?? place);
    }

    /// <summary>True for a country or a state, province or region listed by ISO 3166 (in Dutch, English or German).</summary>
    public bool IsPlace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _places.Contains(NameKey.Fold(name));
    }

    /// <summary>True for a country (ISO 3166-1, and England, Scotland, Wales, Northern Ireland), in Dutch, English or German.</summary>
    public bool IsCountry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _countries.Contains(NameKey.Fold(name));
    }

    /// <summary>
    /// The listed name a German inflected form stands for, or null: German writes a name's genitive with a bare -s
    /// ("Deutschlands Kanzler", "Spaniens Küste") and a plural name's dative with -n ("in den Niederlanden"). Only forms
    /// that are not listed themselves, and only endings on a listed name, so "Paris" and "Athens" stay what they are.
    /// </summary>
    public string? GermanUninflected(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // The ending first: called for every German name on the ingest path, most of which end otherwise.
        var inflected = word.Length >= 5 && ((word[^1] == 's' && word[^2] != 's') || (word[^1] == 'n' && word[^2] == 'e'));
        if (!inflected || KeyOf(word) is not null)
        {
            return null;
        }

        var stem = word[..^1];
        return KeyOf(stem) is not null ? stem : null;
    }

    // German compass points that open a compound with a place ("Südspanien", "Nordostsyrien", "Mittelitalien"), the
    // longer first.
    private static readonly string[] GermanCompassPoints = ["Nordost", "Nordwest", "Südost", "Südwest", "Mittel", "Zentral", "Nord", "Süd", "Ost", "West"];

    /// <summary>
    /// The listed place a German compound of a compass point and that place names a part of ("Südspanien" → "Spanien",
    /// "Nordsyriens" → "Syrien"), or null. Dutch and English write the part apart ("Zuid-Spanje", "southern Spain"),
    /// so the place is what the three have in common. A compound listed itself ("Nordkorea", "Südafrika") is no part.
    /// </summary>
    public string? GermanCompassPlace(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 7)
        {
            return null;
        }

        foreach (var point in GermanCompassPoints)
        {
            // The compass point first: a name listed whole is looked up only when one opens it.
            if (word.StartsWith(point, StringComparison.Ordinal) && word.Length >= point.Length + 4)
            {
                if (KeyOf(word) is not null)
                {
                    return null;
                }

                var rest = word[point.Length..].TrimStart('-');
                if (rest.Length < 4 || !char.IsLetter(rest[0]))
                {
                    return null;
                }

                var place = char.ToUpperInvariant(rest[0]) + rest[1..];
                return IsPlace(place) || KeyOf(place) is not null ? place : GermanUninflected(place);
            }
        }

        return null;
    }

    // Dutch compass points that open a hyphenated name with a place ("Zuid-Spanje", "Oost-Oekraïne").
    private static readonly string[] DutchCompassPoints = ["Noordoost-", "Noordwest-", "Zuidoost-", "Zuidwest-", "Midden-", "Centraal-", "Noord-", "Zuid-", "Oost-", "West-"];

    /// <summary>
    /// The listed place a Dutch name of a compass point and that place names a part of ("Zuid-Spanje" → "Spanje",
    /// "Oost-Oekraïne" → "Oekraïne"), or null; a name listed whole ("Noord-Korea", "Zuid-Afrika") is no part.
    /// </summary>
    public string? DutchCompassPlace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var point in DutchCompassPoints)
        {
            // The compass point first: every name on the ingest path comes here, few open with one.
            if (name.StartsWith(point, StringComparison.Ordinal) && name.Length >= point.Length + 4)
            {
                var rest = name[point.Length..];
                return KeyOf(name) is null && KeyOf(rest) is not null ? rest : null;
            }
        }

        return null;
    }

    /// <summary>As <see cref="KeyOf"/>, for a name already folded by <see cref="NameKey.Fold"/>.</summary>
    public string? KeyOfFolded(string folded) => _keys.GetValueOrDefault(folded);

    /// <summary>Reads lines of tab-separated names of one place or organisation, the Dutch name first; '#' starts a comment line.</summary>
    public static TranslatedNames Parse(IEnumerable<string> lines) => Parse(lines, []);

    /// <summary>
    /// <paramref name="lines"/> as in <see cref="Parse(IEnumerable{string})"/>, then ISO rows (<c>code&lt;TAB&gt;names…</c>) of
    /// places: a row that shares a name with an earlier one joins its key; a name that two ISO rows carry ("Georgia":
    /// a country and a US state) is left out of both.
    /// </summary>
    public static TranslatedNames Parse(IEnumerable<string> lines, IEnumerable<string> isoLines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(isoLines);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var names = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var key = NameKey.Fold(names[0]);
            foreach (var name in names)
            {
                // The first listing wins: a name that is also another place's name keeps its first meaning.
                keys.TryAdd(NameKey.Fold(name), key);
            }
        }

        var isoRows = isoLines.Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(r => r.Length >= 2).ToList();
        var rows = isoRows.Select(r => r[1..].Select(n => NameKey.Fold(n)).Distinct(StringComparer.Ordinal).ToArray()).ToList();
        var countryRow = isoRows.Select(r => r[0].Length == 2 || CountryCodes.Contains(r[0])).ToList();
        var ambiguous = rows.SelectMany(r => r).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        ambiguous.UnionWith(["georgia", "georgien"]);
        var places = new HashSet<string>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var names = rows[r];
            var usable = names.Where(n => !ambiguous.Contains(n)).ToList();
            if (usable.Count == 0)
            {
                continue;
            }

            var key = usable.Select(n => keys.GetValueOrDefault(n)).FirstOrDefault(k => k is not null) ?? usable[0];
            foreach (var name in usable)
            {
                keys.TryAdd(name, key);
                places.Add(name);
                if (countryRow[r])
                {
                    countries.Add(name);
                }
            }
        }

        var result = new TranslatedNames(keys);
        result._places.UnionWith(places);
        result._countries.UnionWith(countries);
        return result;
    }
}
