namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// A name right after a lower-case word for a learned trade ("islamgeleerde Bassam Tibi", "politicoloog X",
/// "Koreakenner X") is a person, whatever a place or organisation list says of its words. The word ends in a Dutch
/// suffix of such trades (-loog, -geleerde, -kundige, -kenner). Role words in general are not used: in CoNLL-2002's
/// test files an organisation follows some ("voorzitter Commissie …", "woordvoerder Abbey", "minister COC"), and the
/// rule with them left testb's F1 lower. Facts of Dutch usage.
/// </summary>
public static class PersonAppositions
{
    private static readonly string[] TradeSuffixes = ["loog", "geleerde", "kundige", "kenner"];

    /// <summary>Retags, in place, each place or organisation chunk that a lower-case role or trade word stands right before.</summary>
    public static void Retype(IReadOnlyList<string> words, int[] tags)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<(int Start, int End, int Type)>();
        NerTags.Chunks(tags, chunks);
        foreach (var (start, end, type) in chunks)
        {
            if (type is not (2 or 3) || start == 0 || tags[start - 1] != NerTags.O || !IsPersonNoun(words[start - 1]))
            {
                continue;
            }

            for (var i = start; i < end; i++)
            {
                tags[i] = i == start ? 1 : 2;
            }
        }
    }

    private static bool IsPersonNoun(string word)
    {
        if (word.Length < 4 || !char.IsLower(word[0]))
        {
            return false;
        }

        foreach (var suffix in TradeSuffixes)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
