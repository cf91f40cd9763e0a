namespace Chorus.Core.Time;

/// <summary>What a time expression names. Its JSON name is the lower-cased member name (<see cref="TimeKinds.Name"/>).</summary>
public enum TimeKind : byte
{
    /// <summary>A calendar point of any precision: a day, a month, a year ("12 september", "in juli", "2019").</summary>
    Date,

    /// <summary>A span of days between two points ("10–13 september", "van 2014 tot 2018", "het derde kwartaal").</summary>
    Interval,

    /// <summary>A weekday resolved to the days it may be ("dinsdag" in a September article).</summary>
    Weekday,

    /// <summary>A calendar week ("volgende week", "week 37").</summary>
    Week,

    /// <summary>A season of a year ("de zomer van 2019").</summary>
    Season,

    /// <summary>A day counted from the article date or another expression ("drie dagen later").</summary>
    Offset,

    /// <summary>A clock time without a day ("om 03.00 uur").</summary>
    Time,

    /// <summary>A span of clock time or a part of the day ("tussen 8 en 10 uur", "'s nachts").</summary>
    TimeRange,

    /// <summary>A day with a clock time or part of the day ("dinsdagochtend om 6.30 uur").</summary>
    DateTime,

    /// <summary>A length of time ("twee weken", <c>P2W</c>).</summary>
    Duration,

    /// <summary>A recurrence ("elke dinsdag", "wekelijks").</summary>
    Set,

    /// <summary>A time named by an event only ("na de aanslag"), unresolved.</summary>
    Event,
}

/// <summary>Names and groups of <see cref="TimeKind"/>.</summary>
public static class TimeKinds
{
    private static readonly string[] Names = ["date", "interval", "weekday", "week", "season", "offset", "time", "timerange", "datetime", "duration", "set", "event"];

    /// <summary>The stable name written to JSON and pages ("timerange", "datetime").</summary>
    public static string Name(this TimeKind kind) => Names[(int)kind];

    /// <summary>Parses a stable name; false for anything else.</summary>
    public static bool TryParse(string? name, out TimeKind kind)
    {
        var i = name is null ? -1 : Array.IndexOf(Names, name);
        kind = i < 0 ? default : (TimeKind)i;
        return i >= 0;
    }

    /// <summary>Whether the expression names calendar days (and so has a <see cref="TimexRange"/> when resolved).</summary>
    public static bool IsCalendar(this TimeKind kind) => kind is TimeKind.Date or TimeKind.Interval or TimeKind.Weekday or TimeKind.Week or TimeKind.Season or TimeKind.Offset or TimeKind.DateTime;

    /// <summary>A clock time or span of one, with or without its day.</summary>
    public static bool IsClock(this TimeKind kind) => kind is TimeKind.Time or TimeKind.TimeRange or TimeKind.DateTime;
}
