using Chorus.Core.Extraction.Ner;

namespace Chorus.Core.Entities;

/// <summary>
/// Links place and nationality adjectives to the place they come from: "Noord-Koreaanse" → Noord-Korea,
/// "Russische" → Rusland, "North Korean" → North Korea, "russische" → Russland. Dutch forms come from the Alpino
/// adjective list and are matched to a place in the Alpino geo list by stripping the adjective ending and trying
/// the usual place endings (Kore-aanse → Korea, Japan-se → Japan, Rus-sische → Rusland); irregular pairs and
/// the English and German adjectives of the countries in the news are listed (facts, in Resources).
/// </summary>
public sealed class PlaceAdjectives
{
    private static readonly string[] DutchEndings = ["aanse", "aans", "iaanse", "iaans", "ische", "isch", "ese", "ees", "ense", "ens", "se", "s", "e"];
    private static readonly string[] GermanEndings = ["en", "er", "es", "em", "e"];
    private static readonly string[] PlaceEndings = ["", "a", "land", "ië", "ije", "e", "en", "ia"];

    private readonly Dictionary<string, string> _places;

    // The same adjectives under their name keys (NameKey.Fold: lower case, no accents), for words known only by key
    // (a title's names); an adjective whose forms fold alike but name two places is left out.
    private readonly Dictionary<string, string?> _folded = new(StringComparer.Ordinal);

    private PlaceAdjectives(Dictionary<string, string> places)
    {
        _places = places;
        foreach (var (adjective, place) in places)
        {
            var key = NameKey.Fold(adjective);
            _folded[key] = _folded.TryGetValue(key, out var held) && held != place ? null : place;
        }
    }

    /// <summary>As <see cref="PlaceOf"/>, for an adjective already folded by <see cref="NameKey.Fold"/> ("ijslandse", "islandischen").</summary>
    public string? PlaceOfFolded(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (_folded.GetValueOrDefault(folded) is { } place)
        {
            return place;
        }

        foreach (var ending in GermanEndings)
        {
            if (folded.EndsWith(ending, StringComparison.Ordinal) && _folded.GetValueOrDefault(folded[..^ending.Length]) is { } inflected)
            {
                return inflected;
            }
        }

        return null;
    }

    private static readonly Lazy<PlaceAdjectives> LazyDefault = new(Build);

    public static PlaceAdjectives Default => LazyDefault.Value;

    public int Count => _places.Count;

    public bool IsAdjective(string word) => PlaceOf(word) is not null;

    /// <summary>The place an adjective refers to, or null. Multi-word adjectives ("North Korean") are given with a space.</summary>
    public string? PlaceOf(string adjective)
    {
        ArgumentNullException.ThrowIfNull(adjective);
        if (_places.TryGetValue(adjective, out var place))
        {
            return place;
        }

        // German inflection: russische/russischen/russischer → russisch; nordkoreanische → nordkoreanisch
        var lower = adjective.ToLowerInvariant();
        foreach (var ending in GermanEndings)
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal) && _places.TryGetValue(lower[..^ending.Length], out place))
            {
                return place;
            }
        }

        return null;
    }

    private static PlaceAdjectives Build()
    {
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("place-adjectives.tsv"))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var parts = line.Split('\t');
                places[parts[1]] = parts[2];
            }
        }

        var gazetteer = NameGazetteer.Dutch;
        foreach (var adjective in EmbeddedResources.ReadEntries("nl-name-adjectives.txt"))
        {
            if (places.ContainsKey(adjective) || DerivePlace(adjective, gazetteer) is not { } place)
            {
                continue;
            }

            places[adjective] = place;
        }

        return new PlaceAdjectives(places);
    }

    private static string? DerivePlace(string adjective, NameGazetteer gazetteer)
    {
        foreach (var ending in DutchEndings)
        {
            if (!adjective.EndsWith(ending, StringComparison.Ordinal) || adjective.Length - ending.Length < 3)
            {
                continue;
            }

            var stem = adjective[..^ending.Length];
            foreach (var candidateStem in new[] { stem, Undouble(stem) }.Distinct(StringComparer.Ordinal))
            {
                foreach (var placeEnding in PlaceEndings)
                {
                    var place = candidateStem + placeEnding;
                    if ((gazetteer.Full([place], 0, 1) & NameGazetteer.Loc) != 0)
                    {
                        return place;
                    }
                }
            }
        }

        return null;
    }

    private static string Undouble(string s) => s.Length > 2 && s[^1] == s[^2] ? s[..^1] : s;
}
