namespace Chorus.Core.Text;

/// <summary>
/// Word concepts shared by Dutch, English and German ("kerk" = "Kirche" = "church"), so that articles and sentences in
/// different languages can be compared on their content words, not only on names, days and figures. A concept is an
/// English word; a Dutch or German word maps to the concepts of its main sense's single-word translations (at most
/// three). Derived from FreeDict by tools/derive-news-lexicon.py (GPL-2+/GPL-3+, see THIRD-PARTY-NOTICES.md).
/// Looked up by stem, with the stemmer the analyser uses for the article's language, so inflected forms find it.
/// </summary>
public sealed class ConceptLexicon
{
    /// <summary>The prefix of a concept term: '#' marks terms that read the same in every language.</summary>
    public const string Prefix = "#c:";

    /// <summary>Concepts kept per word: the main sense's first translations; later ones are rarer senses.</summary>
    public const int MaxConcepts = 3;

    private static readonly Lazy<ConceptLexicon> s_default = new(() => Load(EmbeddedResources.ReadLines("news-lexicon.tsv.gz")));

    private readonly Dictionary<string, string[]> _dutch;
    private readonly Dictionary<string, string[]> _german;
    private readonly Dictionary<string, string[]> _english;

    private ConceptLexicon(Dictionary<string, string[]> dutch, Dictionary<string, string[]> german, Dictionary<string, string[]> english)
    {
        _dutch = dutch;
        _german = german;
        _english = english;
    }

    public static ConceptLexicon Default => s_default.Value;

    /// <summary>Stems in the lexicon per language, for reports.</summary>
    public (int Dutch, int German, int English) Size => (_dutch.Count, _german.Count, _english.Count);

    /// <summary>
    /// The concept terms (<see cref="Prefix"/> + English stem) of a stem in a language; empty for a stem the lexicon
    /// does not hold and for languages other than nl, en and de. The arrays are shared: do not change them.
    /// </summary>
    public ReadOnlySpan<string> ConceptsOf(string lang, string stem)
    {
        var table = lang switch { "nl" => _dutch, "de" => _german, "en" => _english, _ => null };
        return table is not null && table.TryGetValue(stem, out var concepts) ? concepts : [];
    }

    /// <summary>Reads rows "lang TAB word TAB concept,concept" ('#' starts a comment); malformed rows are skipped.</summary>
    internal static ConceptLexicon Load(IEnumerable<string> lines)
    {
        var english = LanguageStemmer.For("en");
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var dutch = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var german = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var englishWords = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (line.Length == 0 || line[0] == '#' || parts.Length != 3 || parts[0] is not ("nl" or "de"))
            {
                continue;
            }

            var stem = LanguageStemmer.For(parts[0]).Stem(parts[1]);
            var table = parts[0] == "nl" ? dutch : german;
            if (!table.TryGetValue(stem, out var list))
            {
                list = [];
                table[stem] = list;
            }

            foreach (var concept in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (list.Count == MaxConcepts)
                {
                    break;
                }

                var conceptStem = english.Stem(concept);
                if (!interned.TryGetValue(conceptStem, out var term))
                {
                    term = Prefix + conceptStem;
                    interned[conceptStem] = term;
                    englishWords[conceptStem] = [term];
                }

                if (!list.Contains(term))
                {
                    list.Add(term);
                }
            }
        }

        return new ConceptLexicon(Freeze(dutch), Freeze(german), Freeze(englishWords));

        static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> table)
            => table.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
