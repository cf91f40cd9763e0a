namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// A name the tagger read as a person's that ends in the word for an institution or a venue ("Cornelius Haga Lyceum",
/// "Staring College", "Mariaschool", "Johan Cruijff Arena") names that institution: many schools, halls and grounds
/// are named after people, and the tagger, seeing the person's name, tags the whole as one. Facts of Dutch, English and
/// German, lower case; a compound must have at least three letters before its head ("Mariaschool"), since surnames end
/// in short heads ("Bovenkerk", "Heemskerk": no "kerk" here for that reason).
/// </summary>
public static class InstitutionHeads
{
    private static readonly string[] Organisations =
    [
        "school", "college", "lyceum", "gymnasium", "academie", "universiteit", "hogeschool", "instituut", "ziekenhuis", "kliniek",
        "museum", "stichting", "fonds", "theater", "schouwburg", "bibliotheek", "centrum",
        "university", "academy", "institute", "hospital", "clinic", "foundation", "library", "theatre",
        "schule", "universität", "hochschule", "krankenhaus", "klinik", "stiftung", "bibliothek",
    ];

    private static readonly string[] Venues = ["arena", "stadion", "stadium", "dome", "halle"];

    /// <summary>
    /// The type (2 LOC, 3 ORG) a person chunk's last word makes it, or 0: an institution's or a venue's word. A chunk of
    /// one word must be a compound with the head ("Mariaschool").
    /// </summary>
    public static int TypeOf(string lastWord, bool single)
    {
        ArgumentNullException.ThrowIfNull(lastWord);
        var last = lastWord.ToLowerInvariant();
        return Ends(Organisations, last, single) ? 3 : Ends(Venues, last, single) ? 2 : 0;
    }

    // The word itself (only after another word of the name) or a compound ending in it.
    private static bool Ends(string[] heads, string word, bool single)
    {
        foreach (var head in heads)
        {
            if ((!single && word == head) || (word.Length >= head.Length + 3 && word.EndsWith(head, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
