using System.Globalization;

namespace Chorus.Core.Time;

/// <summary>
/// What a TIMEX-style value Chorus writes resolves to: the days it covers, the clock time(s) it names, the
/// date-time(s) when both are known, or the length of a duration. Reads <c>2023-09-12</c>, <c>2023-09</c>,
/// <c>2023-W37</c>, <c>2023-SU</c>, <c>2023-09-12T08:30</c>, <c>XXXX-XX-XXT08:30</c>, <c>T08:30</c>,
/// intervals <c>A/B</c> of those, and durations <c>P2W</c>, <c>PT3H</c>. Used to compare outputs, as a reader of
/// the JSON would; the extractor itself never re-reads its strings.
/// </summary>
public readonly record struct TimexReading(DateOnly? StartDay, DateOnly? EndDay, TimeOnly? StartTime, TimeOnly? EndTime, double? Seconds)
{
    /// <summary>The first day of an interval's last point: 2018 in "2014/2018" (2018-01-01), the day itself for a point.</summary>
    public DateOnly? LastStartDay { get; init; }

    public DateTime? Start => StartDay is { } d && StartTime is { } t ? d.ToDateTime(t) : null;

    public DateTime? End => EndDay is { } d && EndTime is { } t ? d.ToDateTime(t) : null;

    public static TimexReading? Read(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value[0] == 'P')
        {
            return DurationSeconds(value) is { } s ? new TimexReading(null, null, null, null, s) : null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Point(value) is { } p ? new TimexReading(p.From, p.To, p.Time, p.TimeEnd, null) { LastStartDay = p.From } : null;
        }

        if (Point(value[..slash]) is not { } a || Point(value[(slash + 1)..]) is not { } b)
        {
            return null;
        }

        // "T05:00/T07:00" or "2016-11-07T05:00/T07:00": the second end shares the first end's day.
        return new TimexReading(a.From, b.To ?? a.To, a.Time, b.TimeEnd, null) { LastStartDay = b.From ?? a.From };
    }

    /// <summary>Seconds in a duration, with the Recognizers-Text conventions (a month is 30 days, a year 365).</summary>
    public static double? DurationSeconds(string value)
    {
        if (value.Length < 3 || value[0] != 'P')
        {
            return null;
        }

        double total = 0;
        var inTime = false;
        var number = 1;
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == 'T')
            {
                inTime = true;
                number = i + 1;
                continue;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                continue;
            }

            if (!double.TryParse(value.AsSpan(number, i - number), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            total += n * (c, inTime) switch
            {
                ('Y', false) => 365 * 86400.0,
                ('M', false) => 30 * 86400.0,
                ('W', false) => 7 * 86400.0,
                ('D', false) => 86400.0,
                ('H', true) => 3600.0,
                ('M', true) => 60.0,
                ('S', true) => 1.0,
                _ => double.NaN,
            };
            number = i + 1;
        }

        // Digits left without a unit ("P12") or no part at all ("PT") are no duration.
        return double.IsNaN(total) || number != value.Length || value[^1] is 'P' or 'T' ? null : total;
    }

    private static (DateOnly? From, DateOnly? To, TimeOnly? Time, TimeOnly? TimeEnd)? Point(string value)
    {
        var t = value.IndexOf('T', StringComparison.Ordinal);
        var datePart = t < 0 ? value : value[..t];
        TimeOnly? time = null;
        TimeOnly? partEnd = null;
        if (t >= 0 && PartOfDay(value[(t + 1)..]) is { } part)
        {
            (time, partEnd) = (part.From, part.To);
        }
        else if (t >= 0)
        {
            var clock = value[(t + 1)..];
            if (TimeOnly.TryParseExact(clock, ["HH:mm:ss", "HH:mm", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                time = parsed;
            }
            else
            {
                return null;
            }
        }

        if (datePart.Length == 0 || datePart.StartsWith("XXXX", StringComparison.Ordinal))
        {
            return (null, null, time, partEnd ?? time);
        }

        if (TimexRange.TryParse(datePart, out var range))
        {
            return (range.Start, range.End, time, partEnd ?? time);
        }

        // Seasons: "2023-SU" (meteorological, as Recognizers-Text leaves them unresolved, we do too).
        return datePart.Length == 7 && datePart[4] == '-' && datePart[5..] is "SP" or "SU" or "FA" or "WI" ? (null, null, time, partEnd ?? time) : null;
    }

    /// <summary>TIMEX parts of the day, with the hours Recognizers-Text gives them.</summary>
    public static (TimeOnly From, TimeOnly To)? PartOfDay(string code) => code switch
    {
        "MO" => (new TimeOnly(8, 0), new TimeOnly(12, 0)),
        "AF" => (new TimeOnly(12, 0), new TimeOnly(16, 0)),
        "EV" => (new TimeOnly(16, 0), new TimeOnly(20, 0)),
        "NI" => (new TimeOnly(20, 0), new TimeOnly(23, 59, 59)),
        _ => null,
    };
}
