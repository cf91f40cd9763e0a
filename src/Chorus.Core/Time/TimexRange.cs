using System.Globalization;

namespace Chorus.Core.Time;

/// <summary>
/// The calendar days a TIMEX3-style value covers: <c>2023</c>, <c>2023-09</c>, <c>2023-09-12</c>, <c>2023-W37</c>,
/// or an interval <c>A/B</c> of any two of those. Values come from the time extractor, not from users, but
/// parsing still reports failure instead of throwing.
/// </summary>
public readonly record struct TimexRange(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Overlaps(TimexRange other) => Start <= other.End && other.Start <= End;

    public bool Contains(TimexRange other) => Start <= other.Start && other.End <= End;

    public static bool TryParse(string? value, out TimexRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return TryParsePoint(value, out range);
        }

        if (!TryParsePoint(value[..slash], out var from) || !TryParsePoint(value[(slash + 1)..], out var to) || to.End < from.Start)
        {
            return false;
        }

        range = new TimexRange(from.Start, to.End);
        return true;
    }

    private static bool TryParsePoint(string value, out TimexRange range)
    {
        range = default;
        // A date-time ("2023-09-12T06:30", "2023-09-12TEV") covers the days of its date.
        var clock = value.IndexOf('T', StringComparison.Ordinal);
        if (clock > 0)
        {
            value = value[..clock];
        }

        var week = value.IndexOf("-W", StringComparison.Ordinal);
        if (week == 4
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && w is >= 1 and <= 53 && year >= 1)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Min(w, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
            range = new TimexRange(monday, monday.AddDays(6));
            return true;
        }

        var parsed = PartialDate.Parse(value);
        if (!parsed.Success)
        {
            return false;
        }

        range = new TimexRange(parsed.Value.Start, parsed.Value.End);
        return true;
    }
}
