using System.Globalization;

namespace Chorus.Core.Time;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>
/// A calendar date known to year, month or day precision. A month-precision article date
/// ("date 2023-09") stays a month: it is never widened into an invented day, and
/// <see cref="Start"/>/<see cref="End"/> give the interval it must lie in.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public int Year { get; }

    /// <summary>1–12, or 0 when only the year is known.</summary>
    public int Month { get; }

    /// <summary>1–31, or 0 when the day is not known.</summary>
    public int Day { get; }

    public DatePrecision Precision { get; }

    /// <summary>The first day the date can be.</summary>
    public DateOnly Start => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 1, 1),
        DatePrecision.Month => new DateOnly(Year, Month, 1),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>The last day the date can be (inclusive).</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    public static PartialDate OfYear(int year) => new(year, 0, 0, DatePrecision.Year);

    public static PartialDate OfMonth(int year, int month) => new(year, month, 0, DatePrecision.Month);

    public static PartialDate OfDay(DateOnly date) => new(date.Year, date.Month, date.Day, DatePrecision.Day);

    /// <summary>
    /// Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>. Returns an error message instead of throwing,
    /// because article headers are user input.
    /// </summary>
    public static ParseResult<PartialDate> Parse(ReadOnlySpan<char> text)
    {
        if (text.Length is not (4 or 7 or 10))
        {
            return ParseResult<PartialDate>.Fail($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }

        if (!TryDigits(text[..4], out var year))
        {
            return ParseResult<PartialDate>.Fail($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }

        if (year < 1)
        {
            return ParseResult<PartialDate>.Fail($"'{text}' has year 0, which does not exist");
        }

        if (text.Length == 4)
        {
            return ParseResult<PartialDate>.Ok(OfYear(year));
        }

        if (text[4] != '-' || !TryDigits(text.Slice(5, 2), out var month))
        {
            return ParseResult<PartialDate>.Fail($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }

        if (month is < 1 or > 12)
        {
            return ParseResult<PartialDate>.Fail($"'{text}' has month {month}, which does not exist");
        }

        if (text.Length == 7)
        {
            return ParseResult<PartialDate>.Ok(OfMonth(year, month));
        }

        if (text[7] != '-' || !TryDigits(text.Slice(8, 2), out var day))
        {
            return ParseResult<PartialDate>.Fail($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ParseResult<PartialDate>.Fail($"'{text}' has day {day}, which {year:D4}-{month:D2} does not have");
        }

        return ParseResult<PartialDate>.Ok(OfDay(new DateOnly(year, month, day)));
    }

    /// <summary>Distance in days between the intervals of two dates; 0 when they overlap.</summary>
    public int DaysApart(PartialDate other)
    {
        if (End < other.Start)
        {
            return other.Start.DayNumber - End.DayNumber;
        }

        if (other.End < Start)
        {
            return Start.DayNumber - other.End.DayNumber;
        }

        return 0;
    }

    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : ((int)other.Precision).CompareTo((int)Precision);
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    private static bool TryDigits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
