namespace Chorus.Core.Analysis;

/// <summary>
/// What a named entity is, in the CoNLL-2002 classes the tagger was trained on. Stored and shown under its CoNLL code
/// (<see cref="EntityTypes.Code"/>: "PER", "LOC", "ORG", "MISC"), which entity ids are also derived from.
/// </summary>
public enum EntityType : byte
{
    /// <summary>A person ("PER").</summary>
    Person,

    /// <summary>A place: a country, city, region, river… ("LOC").</summary>
    Location,

    /// <summary>An organisation: a party, company, ministry, club… ("ORG").</summary>
    Organisation,

    /// <summary>Any other name: events, nationalities, titles, products ("MISC").</summary>
    Misc,
}

/// <summary>The CoNLL codes of <see cref="EntityType"/>, the form the store, the JSON contract and entity ids use.</summary>
public static class EntityTypes
{
    private static readonly string[] Codes = ["PER", "LOC", "ORG", "MISC"];

    /// <summary>Every type, in code order.</summary>
    public static IReadOnlyList<EntityType> All { get; } = [EntityType.Person, EntityType.Location, EntityType.Organisation, EntityType.Misc];

    public static string Code(this EntityType type) => Codes[(int)type];

    /// <summary>Reads a CoNLL code ("PER"); false for anything else, so a bad stored row is reported, not guessed.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out EntityType type)
    {
        for (var i = 0; i < Codes.Length; i++)
        {
            if (code.SequenceEqual(Codes[i]))
            {
                type = (EntityType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The type of a stored code; a code no version of Chorus writes is an error naming where it was read.</summary>
    /// <param name="where">The table and column the code was read from ("entities.type").</param>
    public static EntityType ParseStored(string code, string where)
        => TryParse(code, out var type) ? type : throw new InvalidDataException($"{where}: unknown entity type '{code}' (PER, LOC, ORG or MISC; written by a newer Chorus?)");
}
