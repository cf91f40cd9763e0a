namespace Chorus.Core.Extraction.Quantities;

/// <summary>How a figure is hedged. Its JSON name is given by <see cref="FigureQualifiers.Name"/> ("approx", "more", …).</summary>
public enum FigureQualifier : byte
{
    /// <summary>Stated as exact ("130 km").</summary>
    None,

    /// <summary>"ongeveer", "zo'n", "about", "etwa": either side of the value.</summary>
    Approximately,

    /// <summary>"ruim", "meer dan", "over", "über": above the value.</summary>
    MoreThan,

    /// <summary>"bijna", "minder dan", "nearly", "knapp": below the value.</summary>
    LessThan,

    /// <summary>"minstens", "at least", "mindestens": the value or above.</summary>
    AtLeast,

    /// <summary>"hooguit", "maximaal", "up to": the value or below.</summary>
    AtMost,

    /// <summary>A vague amount ("honderden", "thousands"): only its order of magnitude is said.</summary>
    Vague,

    /// <summary>What a count has become ("opgelopen tot 30", "steeg naar 120"): the value at the time of writing.</summary>
    ChangedTo,
}

/// <summary>Names and typed bounds of <see cref="FigureQualifier"/>.</summary>
public static class FigureQualifiers
{
    private static readonly string?[] Names = [null, "approx", "more", "less", "min", "max", "vague", "to"];

    /// <summary>The stable name written to JSON; null for <see cref="FigureQualifier.None"/>.</summary>
    public static string? Name(this FigureQualifier qualifier) => Names[(int)qualifier];

    /// <summary>Parses a stable name; null or an unknown name gives <see cref="FigureQualifier.None"/>.</summary>
    public static FigureQualifier Parse(string? name)
    {
        var i = name is null ? -1 : Array.IndexOf(Names, name);
        return i > 0 ? (FigureQualifier)i : FigureQualifier.None;
    }

    /// <summary>A bound on one side only: the figure says nothing about how far beyond it the truth lies.</summary>
    public static bool IsOneSided(this FigureQualifier qualifier)
        => qualifier is FigureQualifier.MoreThan or FigureQualifier.LessThan or FigureQualifier.AtLeast or FigureQualifier.AtMost;
}
