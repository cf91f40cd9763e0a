using System.Collections.Frozen;

namespace Chorus.Core.Text;

/// <summary>How a known abbreviation behaves at a period.</summary>
public enum AbbreviationClass
{
    /// <summary>Never ends a sentence (<c>bijv.</c>, <c>ca.</c>).</summary>
    NeverFinal,

    /// <summary>A title before a name (<c>dr.</c>, <c>prof.</c>); never ends a sentence.</summary>
    Title,

    /// <summary>Only an abbreviation before a number (<c>art. 5</c>, <c>nr. 3</c>).</summary>
    WithNumber,

    /// <summary>May end a sentence (<c>enz.</c>, <c>km.</c>).</summary>
    MayEnd,
}

/// <summary>
/// Dutch abbreviations with their class, derived from Alpino's <c>afkortingen.pl</c>
/// (see <c>Resources/nl-abbreviations.tsv</c>). Matching follows Alpino: a lower-case entry also matches
/// its capitalised form; a capitalised entry matches only itself.
/// </summary>
public sealed class AbbreviationList
{
    private readonly FrozenDictionary<string, AbbreviationClass> _entries;
    private readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AbbreviationList(Dictionary<string, AbbreviationClass> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static AbbreviationList Dutch { get; } = Load("nl-abbreviations.tsv");

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<char> word, out AbbreviationClass cls) => _lookup.TryGetValue(word, out cls);

    private static AbbreviationList Load(string resource)
    {
        var entries = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines(resource))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var cls = line[..tab] switch
            {
                "never-final" => AbbreviationClass.NeverFinal,
                "title" => AbbreviationClass.Title,
                "with-number" => AbbreviationClass.WithNumber,
                _ => AbbreviationClass.MayEnd,
            };
            var word = line[(tab + 1)..];
            // The first class listed wins; Alpino lists some words twice.
            entries.TryAdd(word, cls);
            if (char.IsLower(word[0]))
            {
                entries.TryAdd(char.ToUpperInvariant(word[0]) + word[1..], cls);
            }
        }

        return new AbbreviationList(entries);
    }
}
