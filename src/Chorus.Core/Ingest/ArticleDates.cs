using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// The years an article may be dated in. A date outside them is a typo or a placeholder ("9999-12-31",
/// "0001-01-01"), and every calendar computation on it (windows, "vorig jaar", weeks) would leave the calendar, so
/// readers reject such an article with this reason rather than store it.
/// </summary>
public static class ArticleDates
{
    public const int FirstYear = 1800;
    public const int LastYear = 2200;

    public static bool InRange(PartialDate date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>The rejection reason for a date outside the range.</summary>
    public static string OutOfRange(PartialDate date) => $"date {date} is outside the years {FirstYear}–{LastYear} an article can be dated in";
}
