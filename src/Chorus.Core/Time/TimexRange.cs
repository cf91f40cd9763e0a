using System.Globalization;

namespace Chorus.Core.Time;

/// <summary>
/// The calendar days a TIMEX3-style value covers: <c>2023</c>, <c>2023-09</c>, <c>2023-09-12</c>, <c>2023-W37</c>,
/// <c>2023-W37-WE</c> (its weekend), <c>2023-Q3</c>, <c>2023-H2</c>, <c>199</c> (a decade), or an interval <c>A/B</c>
/// of any two of those. Values come from the time extractor, not from users, but
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
        var weekend = value.EndsWith("-WE", StringComparison.Ordinal) && value.Length == 11;
        if (week == 4
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(value.AsSpan(6, weekend ? 2 : value.Length - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && w is >= 1 and <= 53 && year is >= 1 and < 9999)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Min(w, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
            range = weekend ? new TimexRange(monday.AddDays(5), monday.AddDays(6)) : new TimexRange(monday, monday.AddDays(6));
            return true;
        }

        // "2023-Q3", "2023-H2": a quarter or half of a year.
        if (value.Length == 7 && value[4] == '-' && value[5] is 'Q' or 'H'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var py) && py >= 1
            && value[6] - '0' is var part && part >= 1 && part <= (value[5] == 'Q' ? 4 : 2))
        {
            var months = value[5] == 'Q' ? 3 : 6;
            var first = new DateOnly(py, ((part - 1) * months) + 1, 1);
            range = new TimexRange(first, first.AddMonths(months).AddDays(-1));
            return true;
        }

        // "199": the decade 1990–1999.
        if (value.Length == 3 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var decade) && decade >= 1)
        {
            range = new TimexRange(new DateOnly(decade * 10, 1, 1), new DateOnly((decade * 10) + 9, 12, 31));
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
