using Chorus.Core;
using Chorus.Core.Text;

namespace Chorus.Evaluation;

/// <summary>
/// How words the concept lexicon does not list are read: <paramref name="Hit"/> got a concept the gold sense has,
/// <paramref name="Wrong"/> got concepts but none of the gold ones, the rest got none.
/// </summary>
public sealed record LexiconScores(string Lang, string Half, int Words, int Hit, int Wrong)
{
    public int Missed => Words - Hit - Wrong;

    /// <summary>Of the words given concepts, the share with a right one.</summary>
    public double Precision => Hit + Wrong == 0 ? 0 : 100.0 * Hit / (Hit + Wrong);

    /// <summary>Of all words, the share given a right concept.</summary>
    public double Recall => Words == 0 ? 0 : 100.0 * Hit / Words;
}

/// <summary>
/// Measures <see cref="ConceptLexicon.ConceptsOrPartsOf(string, string)"/> on words the lexicon does not list, two ways:
/// <list type="bullet">
/// <item>Listed compounds read as if unlisted: each Dutch or German headword of the lexicon (FreeDict) that splits into
/// listed parts, scored against its own listed concepts. Halves by a stable hash of the word, so rules can be set on one
/// and checked on the other.</item>
/// <item>Real text: the content words (noun, verb, adjective) of the UD Dutch treebanks whose stem the lexicon lacks,
/// scored against the concepts of their lemma (for a compound lemma, "fabriek_hal", its last part). Dev and test are
/// the treebanks' own halves.</item>
/// </list>
/// </summary>
public static class LexiconEvaluation
{
    public static IReadOnlyList<LexiconScores> HiddenCompounds(ConceptLexicon lexicon, List<string>? wrongInDev = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var counts = new Dictionary<(string Lang, string Half), (int Words, int Hit, int Wrong)>();
        var seen = new HashSet<(string, string)>();
        foreach (var line in EmbeddedResources.ReadLines("news-lexicon.tsv.gz"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0] is not ("nl" or "de") || parts[1].Length < (2 * ConceptLexicon.MinCompoundPart) + 1)
            {
                continue;
            }

            var lang = parts[0];
            var stem = LanguageStemmer.For(lang).Stem(parts[1]);
            if (!seen.Add((lang, stem)))
            {
                continue;
            }

            var key = (lang, HalfOf(parts[1]));
            var (words, hit, wrong) = counts.GetValueOrDefault(key);
            var got = lexicon.Compound(lang, stem);
            var gold = lexicon.ConceptsOf(lang, stem).ToArray();
            counts[key] = got is null ? (words + 1, hit, wrong) : got.Any(gold.Contains) ? (words + 1, hit + 1, wrong) : (words + 1, hit, wrong + 1);
            if (got is not null && !got.Any(gold.Contains) && key.Item2 == "dev")
            {
                wrongInDev?.Add($"{lang} {parts[1]}: {string.Join(",", got)} vs {string.Join(",", gold)}");
            }
        }

        return [.. counts.OrderBy(kv => kv.Key.Lang, StringComparer.Ordinal).ThenBy(kv => kv.Key.Half, StringComparer.Ordinal)
            .Select(kv => new LexiconScores(kv.Key.Lang, kv.Key.Half, kv.Value.Words, kv.Value.Hit, kv.Value.Wrong))];
    }

    /// <summary>Scores Dutch treebank tokens (CoNLL-U lines) whose stem the lexicon lacks; <paramref name="half"/> names the file's half.</summary>
    public static LexiconScores TreebankWords(ConceptLexicon lexicon, IEnumerable<string> conlluLines, string half, List<string>? wrong = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(conlluLines);
        var stemmer = LanguageStemmer.For("nl");
        int words = 0, hits = 0, wrongs = 0;
        foreach (var line in conlluLines)
        {
            var columns = line.Split('\t');
            if (columns.Length != 10 || columns[0].Contains('-', StringComparison.Ordinal) || columns[3] is not ("NOUN" or "VERB" or "ADJ"))
            {
                continue;
            }

            var form = columns[1].ToLowerInvariant();
            var stem = stemmer.Stem(form);
            if (!lexicon.ConceptsOf("nl", stem).IsEmpty)
            {
                continue;
            }

            var lemma = columns[2].ToLowerInvariant();
            var head = lemma[(lemma.LastIndexOf('_') + 1)..];
            var gold = lexicon.ConceptsOf("nl", stemmer.Stem(lemma.Replace("_", "", StringComparison.Ordinal))).ToArray();
            if (gold.Length == 0)
            {
                gold = lexicon.ConceptsOf("nl", stemmer.Stem(head)).ToArray();
            }

            if (gold.Length == 0 || head.Length < ConceptLexicon.MinCompoundPart)
            {
                continue; // nothing to score against
            }

            words++;
            var got = lexicon.ConceptsOrPartsOf("nl", stem).ToArray();
            if (got.Length == 0)
            {
                continue;
            }

            if (got.Any(gold.Contains))
            {
                hits++;
            }
            else
            {
                wrongs++;
                wrong?.Add($"{columns[1]} ({lemma}): {string.Join(",", got)} vs {string.Join(",", gold)}");
            }
        }

        return new LexiconScores("nl", half, words, hits, wrongs);
    }

    /// <summary>
    /// How Dutch and German headwords meet on their <see cref="CognateKey"/>, by half of the Dutch word: a Dutch word
    /// whose key a German headword shares is right when one such German word is its translation (a direct link, or an
    /// English sense in common), wrong when none is; words with a key that no German word shares count as none.
    /// </summary>
    public static IReadOnlyList<LexiconScores> Cognates()
    {
        var senses = new Dictionary<(string Lang, string Word), string[]>();
        foreach (var line in EmbeddedResources.ReadLines("news-lexicon.tsv.gz"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && parts[0] is "nl" or "de")
            {
                senses[(parts[0], parts[1])] = parts[2].Split(',');
            }
        }

        static string? KeyOf(string lang, string word) => CognateKey.Of(LanguageStemmer.For(lang).Stem(word));

        var germanByKey = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var ((lang, word), concepts) in senses)
        {
            if (lang == "de" && KeyOf(lang, word) is { } key)
            {
                if (!germanByKey.TryGetValue(key, out var list))
                {
                    germanByKey[key] = list = [];
                }

                list.Add(concepts);
            }
        }

        var counts = new Dictionary<string, (int Words, int Hit, int Wrong)>(StringComparer.Ordinal);
        foreach (var ((lang, word), concepts) in senses)
        {
            if (lang != "nl" || KeyOf(lang, word) is not { } key)
            {
                continue;
            }

            var half = HalfOf(word);
            var (words, hit, wrong) = counts.GetValueOrDefault(half);
            var link = "=" + word;
            counts[half] = !germanByKey.TryGetValue(key, out var germans) ? (words + 1, hit, wrong)
                : germans.Any(g => g.Contains(link) || g.Any(concepts.Contains)) ? (words + 1, hit + 1, wrong)
                : (words + 1, hit, wrong + 1);
        }

        return [.. counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new LexiconScores("nl-de", kv.Key, kv.Value.Words, kv.Value.Hit, kv.Value.Wrong))];
    }

    private static string HalfOf(string word)
    {
        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash & 1) == 0 ? "dev" : "test";
    }
}
