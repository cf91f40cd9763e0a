using System.IO.Compression;
using System.Runtime.InteropServices;
using Chorus.Core.Text;

namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// The Alpino name lists (persons, places, organisations, other names), compacted into
/// <c>Resources/nl-names.tsv.gz</c>. Names are stored as 64-bit hashes of their token sequence, so a lookup of
/// a span of words allocates nothing. For each name type it answers: does a name start here and how long is
/// it; does this word occur inside some name.
/// </summary>
public sealed class NameGazetteer
{
    public const byte Per = 1;
    public const byte Loc = 2;
    public const byte Org = 4;
    public const byte Misc = 8;

    // Kept beside the type bits of a word sequence's hash: some listed name of more words starts with this sequence, so
    // a look-up extending it by a word may still find one. A sequence that is only such a start has this bit alone.
    private const byte Continues = 0x80;
    private const byte TypeBits = Per | Loc | Org | Misc;

    private readonly Dictionary<ulong, byte> _full;
    private readonly Dictionary<ulong, byte> _part;
    private readonly HashSet<ulong> _givenNames;

    // Built on first use from the one-word names the load kept: folding 108,000 names takes 0.4–0.8 s (timed twice,
    // beside a 0.4–0.6 s load), which a process that reads only Dutch (the trained tagger types it) never needs.
    private readonly Lazy<HashSet<string>> _personKeys;

    private NameGazetteer(Dictionary<ulong, byte> full, Dictionary<ulong, byte> part, HashSet<ulong> givenNames, List<(string Word, byte Bit)> singleWords, int maxTokens, int names)
    {
        _full = full;
        _part = part;
        _givenNames = givenNames;
        _personKeys = new(() => PersonKeys(singleWords));
        MaxTokens = maxTokens;
        Count = names;
    }

    private static HashSet<string> PersonKeys(List<(string Word, byte Bit)> singleWords)
    {
        var bits = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (word, bit) in singleWords)
        {
            var key = Entities.TransliterationKey.OfPart(word);
            bits[key] = (byte)(bits.GetValueOrDefault(key) | bit);
        }

        // A key some listed place, organisation or thing also folds to says nothing about a person.
        return bits.Where(b => b.Value == Per).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether a single word is spelled as a listed one-word person's name is in another language's transliteration
    /// (<see cref="Entities.TransliterationKey"/>): English and German "Putin" for the listed Dutch "Poetin", "Schoigu" and
    /// "Shoigu" for "Sjojgoe". Only names of five letters or more that the lists give as persons alone.
    /// </summary>
    public bool IsPersonByTransliteration(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length >= MinTransliteratedPerson && _personKeys.Value.Contains(Entities.TransliterationKey.OfPart(word));
    }

    private const int MinTransliteratedPerson = 5;

    private static readonly Lazy<NameGazetteer> LazyDutch = new(() => Load("nl-names.tsv.gz", "nl-name-adjectives.txt"));

    private HashSet<string> _adjectives = new(StringComparer.Ordinal);

    /// <summary>True for a capitalised adjective of a place or people (Noord-Koreaanse, Russische, Japans).</summary>
    public bool IsNameAdjective(string word) => _adjectives.Contains(word);

    public static NameGazetteer Dutch => LazyDutch.Value;

    public int MaxTokens { get; }

    public int Count { get; }

    public static byte TypeBit(string type) => type switch
    {
        "PER" => Per,
        "LOC" => Loc,
        "ORG" => Org,
        _ => Misc,
    };

    public static byte TypeBit(Analysis.EntityType type) => type switch
    {
        Analysis.EntityType.Person => Per,
        Analysis.EntityType.Location => Loc,
        Analysis.EntityType.Organisation => Org,
        _ => Misc,
    };

    /// <summary>Types of names that are exactly <c>words[start..start+length)</c>.</summary>
    public byte Full(IReadOnlyList<string> words, int start, int length) => FullByHash(Hash(words, start, length));

    public byte FullByHash(ulong hash) => (byte)(_full.GetValueOrDefault(hash) & TypeBits);

    /// <summary>
    /// <see cref="FullByHash"/>, and whether a listed name of more words starts with the sequence: where none does, a
    /// caller extending the sequence word by word can stop (what it would find is nothing).
    /// </summary>
    public byte FullByHash(ulong hash, out bool continues)
    {
        var bits = _full.GetValueOrDefault(hash);
        continues = (bits & Continues) != 0;
        return (byte)(bits & TypeBits);
    }

    /// <summary>Types of names that contain this word as one of their tokens.</summary>
    public byte Part(string word) => PartByHash(Hash(word));

    public byte PartByHash(ulong hash) => _part.GetValueOrDefault(hash);

    /// <summary>True when the word is the first token of some multi-word person name (a given name).</summary>
    public bool IsGivenName(string word) => IsGivenNameByHash(Hash(word));

    public bool IsGivenNameByHash(ulong hash) => _givenNames.Contains(hash);

    public static ulong Hash(string word) => Extend(EmptyHash, word, first: true);

    public const ulong EmptyHash = 14695981039346656037UL;

    public static ulong Hash(IReadOnlyList<string> words, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(words);
        var h = EmptyHash;
        for (var i = start; i < start + length; i++)
        {
            h = Extend(h, words[i], first: i == start);
        }

        return h;
    }

    /// <summary>The hash of a word sequence extended by one word; the words are joined by a space.</summary>
    public static ulong Extend(ulong hash, string word, bool first)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!first)
        {
            hash = (hash ^ ' ') * 1099511628211UL;
        }

        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }


    private static NameGazetteer Load(string resource, string adjectivesResource)
    {
        var gazetteer = LoadNames(resource);
        gazetteer._adjectives = EmbeddedResources.ReadLines(adjectivesResource)
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToHashSet(StringComparer.Ordinal);
        return gazetteer;
    }

    private static NameGazetteer LoadNames(string resource)
    {
        var full = new Dictionary<ulong, byte>(500_000);
        var part = new Dictionary<ulong, byte>(400_000);
        var given = new HashSet<ulong>();
        var single = new List<(string Word, byte Bit)>();
        var maxTokens = 1;
        var names = 0;
        using var stream = typeof(NameGazetteer).Assembly.GetManifestResourceStream("Chorus.Core.Resources." + resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var tokens = new List<Token>();
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var bit = TypeBit(line[..tab]);
            var name = line[(tab + 1)..];
            tokens.Clear();
            Tokenizer.Tokenize(name, 0, name.Length, tokens);
            words.Clear();
            foreach (var t in tokens)
            {
                words.Add(name[t.Start..t.End]);
            }

            if (words.Count == 0 || words.Count > 8)
            {
                continue;
            }

            maxTokens = Math.Max(maxTokens, words.Count);
            var key = EmptyHash;
            for (var n = 0; n < words.Count; n++)
            {
                key = Extend(key, words[n], first: n == 0);
                if (n < words.Count - 1)
                {
                    full[key] = (byte)(full.GetValueOrDefault(key) | Continues);
                }
            }

            ref var types = ref CollectionsMarshal.GetValueRefOrAddDefault(full, key, out _);
            names += (types & TypeBits) == 0 ? 1 : 0;
            types |= bit;
            foreach (var w in words)
            {
                if (w.Length > 1 && char.IsUpper(w[0]))
                {
                    var wk = Hash(w);
                    part[wk] = (byte)(part.GetValueOrDefault(wk) | bit);
                }
            }

            if (bit == Per && words.Count > 1)
            {
                given.Add(Hash(words[0]));
            }

            if (words.Count == 1 && words[0].Length >= MinTransliteratedPerson && char.IsUpper(words[0][0]))
            {
                single.Add((words[0], bit));
            }
        }

        return new NameGazetteer(full, part, given, single, maxTokens, names);
    }
}
