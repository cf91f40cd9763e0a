namespace Chorus.Core.Analysis;

/// <summary>How an entity mention was found; stored with the layers under <see cref="MentionNames.Of(MentionMethod)"/>.</summary>
public enum MentionMethod : byte
{
    /// <summary>The trained tagger.</summary>
    Tagger,

    /// <summary>The name lists (gazetteer), where no tagger runs or it missed a listed name.</summary>
    NameLists,

    /// <summary>A name after a role word ("minister Sjojgoe").</summary>
    Role,

    /// <summary>A part of a person's name used alone in the article.</summary>
    ShortForm,

    /// <summary>An acronym defined in brackets after its name.</summary>
    Acronym,

    /// <summary>A word one edit away from a person named in the article.</summary>
    Typo,

    /// <summary>The speaker of a quote continued from an earlier one.</summary>
    Quote,

    /// <summary>The speaker named beside a quote.</summary>
    Speaker,

    /// <summary>A surname with a Roman numeral: a cabinet.</summary>
    Cabinet,

    /// <summary>A word that is the surname of a person named in full.</summary>
    Surname,

    /// <summary>A name typed as a place by its ending.</summary>
    PlaceName,

    /// <summary>Typed by a type noun or apposition beside it ("grensstad Chasan").</summary>
    Apposition,

    /// <summary>A place adjective the tagger did not mark, from the adjective list.</summary>
    AdjectiveList,

    /// <summary>A word in no list and no dictionary right after a preposition of place ("aus Augsburg").</summary>
    Preposition,
}

/// <summary>What an entity mention is: the name itself, or an adjective standing for a place ("Noord-Koreaanse").</summary>
public enum MentionKind : byte
{
    Name,
    Adjective,
}

/// <summary>The names of mention methods and kinds as stored and shown ("name-lists", "adjective").</summary>
public static class MentionNames
{
    private static readonly string[] Methods =
        ["tagger", "name-lists", "role", "short-form", "acronym", "typo", "quote", "speaker", "cabinet", "surname", "place-name", "apposition", "adjective-list", "preposition"];

    private static readonly string[] Kinds = ["name", "adjective"];

    public static string Of(MentionMethod method) => Methods[(int)method];

    public static string Of(MentionKind kind) => Kinds[(int)kind];

    /// <summary>The method of a stored name; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out MentionMethod method)
    {
        var i = Array.IndexOf(Methods, name);
        method = i < 0 ? default : (MentionMethod)i;
        return i >= 0;
    }

    /// <summary>The kind of a stored name; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out MentionKind kind)
    {
        var i = Array.IndexOf(Kinds, name);
        kind = i < 0 ? default : (MentionKind)i;
        return i >= 0;
    }
}
