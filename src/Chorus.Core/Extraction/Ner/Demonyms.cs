using Chorus.Core.Entities;

namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// A one-word "person" that names the people of a place ("Duitser", "Molukkers", "Syriëgangers", "Amsterdammers") is
/// a nationality or group word, which CoNLL-2002 tags MISC ("Nederlanders", "Italianen"): a place or a place's
/// adjective followed by a Dutch ending for its people. A word the name lists know as a person's name ("Wouters",
/// "Hagenaars", and so also "Fransman") is left alone. Endings are facts of Dutch word formation.
/// </summary>
public static class Demonyms
{
    // Longest first, so "gangers" is tried before "ers".
    private static readonly string[] PeopleEndings = ["gangers", "ganger", "mannen", "aars", "ers", "aar", "man", "er"];

    /// <summary>True for the word of a place's people; false for a name the lists hold as a person's.</summary>
    public static bool IsDemonym(string word, NameGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(gazetteer);
        if (word.Length < 5 || !char.IsUpper(word[0]) || (gazetteer.FullByHash(NameGazetteer.Hash(word)) & NameGazetteer.Per) != 0)
        {
            return false;
        }

        foreach (var ending in PeopleEndings)
        {
            if (word.Length < ending.Length + 3 || !word.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = word[..^ending.Length];
            // "Amsterdammers": the consonant doubled before the ending; "Molukkers": then the place may end in "-en".
            var doubled = stem.Length > 3 && stem[^1] == stem[^2];
            var undoubled = doubled ? stem[..^1] : stem;
            // An adjective's people ("Duits-er", "Engels-man"); "-man" makes people only of one: "Barman" is no man of Bar.
            if (PlaceAdjectives.Default.IsAdjective(stem) || PlaceAdjectives.Default.IsAdjective(stem + "e"))
            {
                return true;
            }

            if (ending is "man" or "mannen")
            {
                continue;
            }

            foreach (var candidate in doubled ? (string[])[stem, undoubled, stem + "en"] : [stem])
            {
                // Places of four letters or more: "Bader", "Vader" and "Jammer" are not the people of Bad, Vad or Jam.
                if (candidate.Length >= 4 && (gazetteer.FullByHash(NameGazetteer.Hash(candidate)) & NameGazetteer.Loc) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
