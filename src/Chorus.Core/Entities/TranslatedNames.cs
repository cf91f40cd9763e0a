namespace Chorus.Core.Entities;

/// <summary>
/// One place or organisation under its names in other languages: Rusland = Russia = Russland = Russie,
/// Peking = Beijing, NAVO = NATO. Spelling keys cannot find these (they share no letters worth a match), so the
/// names of countries, cities and organisations in the news are listed (Resources/translated-names.tsv). The key
/// of each is its folded Dutch name.
/// </summary>
public sealed class TranslatedNames
{
    private readonly Dictionary<string, string> _keys;

    private TranslatedNames(Dictionary<string, string> keys)
    {
        _keys = keys;
    }

    private static readonly Lazy<TranslatedNames> LazyDefault = new(() => Parse(EmbeddedResources.ReadLines("translated-names.tsv")));

    public static TranslatedNames Default => LazyDefault.Value;

    /// <summary>Names known, in all languages.</summary>
    public int Count => _keys.Count;

    /// <summary>The key shared by every name of the place or organisation, or null when the name is not listed. Case and diacritics are ignored.</summary>
    public string? KeyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _keys.GetValueOrDefault(NameKey.Fold(name));
    }

    /// <summary>As <see cref="KeyOf"/>, for a name already folded by <see cref="NameKey.Fold"/>.</summary>
    public string? KeyOfFolded(string folded) => _keys.GetValueOrDefault(folded);

    /// <summary>Reads lines of tab-separated names of one place or organisation, the Dutch name first; '#' starts a comment line.</summary>
    public static TranslatedNames Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
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

        return new TranslatedNames(keys);
    }
}
