using Chorus.Core.Analysis;

namespace Chorus.Core.Entities;

/// <summary>
/// Common nouns that type the name they stand before by apposition ("de grensstad Chasan", "het staatspersbureau
/// KCNA", "die Nachrichtenagentur dpa"). Matched as the head of a compound, so "grensstad" and "havenstad" end in
/// "stad". Facts, lower case. German nouns are capitalised; the caller lowers them.
/// </summary>
public static class TypeNouns
{
    private static readonly string[] PlaceHeads =
    [
        "stad", "dorp", "plaats", "gemeente", "provincie", "regio", "eiland", "wijk", "rivier", "land",
        "city", "town", "village", "province", "region", "island", "county",
        "stadt", "dorf", "gemeinde", "provinz", "insel",
    ];

    private static readonly string[] OrganisationHeads =
    [
        "persbureau", "agentschap", "krant", "dagblad", "omroep", "zender", "partij", "=bank", "zakenbank", "spaarbank", "bedrijf", "concern", "ministerie",
        "universiteit", "vakbond", "fabrikant", "maatschappij", "organisatie", "stichting", "vereniging", "club",
        "agency", "newspaper", "broadcaster", "party", "company", "firm", "union", "university",
        "nachrichtenagentur", "zeitung", "partei", "konzern", "firma", "unternehmen", "sender", "gewerkschaft", "universität",
    ];

    /// <summary>The type a lower-case noun gives the name after it: a place, an organisation, or null.</summary>
    public static EntityType? TypeOf(string lowerNoun)
    {
        ArgumentNullException.ThrowIfNull(lowerNoun);
        return Matches(PlaceHeads, lowerNoun) ? EntityType.Location : Matches(OrganisationHeads, lowerNoun) ? EntityType.Organisation : null;
    }

    // The whole word, or a compound of at least three more letters ("grensstad"). A head written "=bank" matches only
    // the whole word: "rechtbank Amsterdam" and "databank" are no banks.
    private static bool Matches(string[] heads, string word)
    {
        foreach (var entry in heads)
        {
            var wholeOnly = entry[0] == '=';
            var head = wholeOnly ? entry[1..] : entry;
            if (word == head || (!wholeOnly && word.Length >= head.Length + 3 && word.EndsWith(head, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
