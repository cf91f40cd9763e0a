using System.Globalization;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Times;

/// <summary>Typed hits, ranges of any two expressions, and the pass that joins adjacent hits into one expression.</summary>
public sealed partial class TimeExpressionExtractor
{
    private sealed partial class Scan
    {
        /// <summary>Fills the typed fields of a hit found by a rule that writes only its TIMEX value.</summary>
        private Hit Typed(Hit h)
        {
            if (h.Kind is TimeKind.Weekday or TimeKind.Date && h.End - h.Start <= 2 && WeekdayOf(w[h.End - 1]) is var wd && wd != 0)
            {
                h = h with { Weekday = wd };
            }

            if (h.Kind == TimeKind.Time && h.Value is { } tv && tv.IndexOf('T', StringComparison.Ordinal) is var t && t >= 0
                && TimeOnly.TryParseExact(tv[(t + 1)..], ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                h = h with { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12 };
                if (PartAfter(h.End) is { } after)
                {
                    h = ApplyPart(h, after.Part) with { End = after.End };
                }
            }

            if (h.Value is null || h.Kind is TimeKind.Time or TimeKind.Event || !TimexRange.TryParse(h.Value, out var r))
            {
                return h;
            }

            // "morgenavond", "vannacht": the day and its part.
            if (h.Kind == TimeKind.Date && r.Days == 1 && h.End - h.Start == 1 && lex.RelativeDays.ContainsKey(w[h.Start]) && PartOfDayOf(h) is { } part)
            {
                return h with { Value = $"{Iso(r.Start)}T{part}", Day = r.Start, PartOfDay = part };
            }

            // "gestern Abend", "heute früh", "yesterday morning", "Monday evening": German and English write the part as
            // a word of its own after the day (Dutch makes one word of them, above). "last night" is yesterday's night.
            if (lex.Lang is "de" or "en" && h.Kind is TimeKind.Date or TimeKind.Weekday && r.Days == 1
                && (lex.RelativeDays.ContainsKey(w[h.End - 1]) || WeekdayOf(w[h.End - 1]) != 0 || (w[h.End - 1] == "night" && h.End - h.Start == 2 && w[h.Start] == "last")))
            {
                if (w[h.End - 1] == "night")
                {
                    return h with { Value = $"{Iso(r.Start)}TNI", Day = r.Start, PartOfDay = "NI" };
                }

                if (h.End < N && (PartWord(w[h.End]) ?? (lex.Lang == "de" && w[h.End] == "früh" ? "MO" : null)) is { } next && !(w[h.End] == "morgen" && h.End + 1 < N && w[h.End + 1] is "früh"))
                {
                    return h with { End = h.End + 1, Value = $"{Iso(r.Start)}T{next}", Day = r.Start, PartOfDay = next, Weekday = WeekdayOf(w[h.End - 1]) };
                }
            }

            if (h.Kind == TimeKind.Week)
            {
                h = h with { WeekMonday = r.Start };
            }

            var explicitYear = false;
            for (var k = h.Start; k < h.End; k++)
            {
                explicitYear |= IsYear(k, out _);
            }

            return h with { Day = r.Days == 1 ? r.Start : null, Year = explicitYear ? r.Start.Year : null };
        }

        /// <summary>"van 2014 tot 2018", "tussen 3 en 12 sept", "13:00-15:00", "van half acht tot 4 uur 's middags", "tussen nu en mei".</summary>
        public bool TryRange(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            var between = false;
            if (w[k] is "van" or "vanaf" or "tussen" or "from" or "between" or "vom" or "von" or "zwischen")
            {
                between = w[k] is "tussen" or "between" or "zwischen";
                k++;
                if (k < N && w[k] is "de" or "het" && between)
                {
                    k++;
                }
            }

            if (k >= N || !Endpoint(k, out var a))
            {
                return false;
            }

            var j = a.End;
            var joinerEnd = RangeJoiner(j, between);
            if (joinerEnd == j || joinerEnd >= N || !Endpoint(joinerEnd, out var b))
            {
                return false;
            }

            var prefixed = k > i;
            var clocky = a.Clock is not null || b.Clock is not null;
            var bothBare = a.RangeOnly && b.RangeOnly && a.Clock is not null && b.Clock is not null;
            if (bothBare)
            {
                // Two bare numbers are hours only with a clock cue: "uur", a part of the day, or a day beside them.
                var cue = (b.End < N && w[b.End] is "uur" or "u" or "uhr") || PartAfter(b.End) is not null || PartBefore(i) || DayBefore(i) || DayAfter(b.End);
                if (!cue)
                {
                    return false;
                }
            }
            else if ((a.RangeOnly && a.Clock is not null && b.Clock is null) || (b.RangeOnly && b.Clock is not null && a.Clock is null))
            {
                return false;
            }

            // Ends that make each other an expression: two bare years, two bare months, two numeric dates.
            var pairedEnds = (a.Year is not null && b.Year is not null && a.End - a.Start == 1 && b.End - b.Start == 1 && IsYear(a.Start, out _) && IsYear(b.Start, out _))
                || (a.BareMonthEnd && b.BareMonthEnd) || (b.RangeOnly && b.Day is not null && tokens[a.Start].Kind == TokenKind.Number && a.Day is not null);
            if (!prefixed && a.RangeOnly && b.RangeOnly && !pairedEnds)
            {
                return false;
            }

            // A year alone at one end needs a year at the other ("van 2014 tot 2018"), not "2014 tot 3 mei".
            if ((a.RangeOnly && a.Year is not null && a.Clock is null && b.Year is null) || (b.RangeOnly && b.Year is not null && b.Clock is null && a.Year is null && !prefixed))
            {
                return false;
            }

            if (clocky)
            {
                // "om zes uur tot drie maanden cel": a bare number before a unit of time is a length, not an hour.
                if (a.Clock is null || b.Clock is null || (b.RangeOnly && b.End < N && lex.Units.ContainsKey(w[b.End])))
                {
                    return false;
                }

                var end = b.End;
                if (end < N && w[end] is "uur" or "u" or "uhr" && b.RangeOnly)
                {
                    end++;
                }

                var part = PartAfter(end);
                if (part is { } p)
                {
                    (a, b, end) = (ApplyPart(a, p.Part), ApplyPart(b, p.Part), p.End);
                }
                else if (PartBeforeCode(i) is { } before)
                {
                    (a, b) = (ApplyPart(a, before), ApplyPart(b, before));
                }

                var c1 = a.Clock!.Value;
                var c2 = b.Clock!.Value;
                // "van half acht tot 4 uur 's middags": an end before its start is in the afternoon.
                if (c2 < c1 && b.TwelveHour && c2.Hour < 12)
                {
                    c2 = c2.AddHours(12);
                }

                hit = new Hit(i, end, $"T{Clock(c1)}/T{Clock(c2)}", TimeKind.TimeRange) { Clock = c1, ClockEnd = c2 };
                return true;
            }

            if (!TryDays(a, out var from, out var fromEnd) || !TryDays(b, out var toStart, out var to))
            {
                return false;
            }

            // "jan-feb 2017", "18 nov-19 dec, 2015": the year written once belongs to both ends.
            if (a.Year is null && b.Year is { } yb && a.Value is { } av && !av.StartsWith("XXXX", StringComparison.Ordinal) && from.Year != yb)
            {
                var year = ShiftYear(from, yb) > to ? yb - 1 : yb;
                (from, fromEnd) = (ShiftYear(from, year), ShiftYear(fromEnd, year));
            }

            // "van volgende maandag tot vrijdag": a weekday at the end is the first such day from the start.
            if (b.Weekday > 0 && b.End - b.Start == 1 && WeekdayOf(w[b.Start]) == b.Weekday)
            {
                toStart = to = from.AddDays((b.Weekday - IsoDay(from) + 7) % 7);
            }

            if (to < from)
            {
                if (b.Value != "PRESENT_REF" && b.Year is null && AddUnits(to, "year", 1) is { } nextTo && nextTo >= from && AddUnits(toStart, "year", 1) is { } nextToStart)
                {
                    // "mei tot maart": the end is in the next year.
                    (toStart, to) = (nextToStart, nextTo);
                }
                else if (a.Year is null && AddUnits(from, "year", -1) is { } lastFrom && lastFrom <= to && AddUnits(fromEnd, "year", -1) is { } lastFromEnd)
                {
                    // "van maart tot op heden" in November: this year's March; in February: last year's.
                    (from, fromEnd) = (lastFrom, lastFromEnd);
                }
                else
                {
                    return false;
                }
            }

            // Each end keeps its own precision: "2014/2018", "2018-03/2018-05", "2018-10-01/2018-11-07".
            var value = PointOf(from, fromEnd) is { } p1 && PointOf(toStart, to) is { } p2 ? $"{p1}/{p2}" : $"{Iso(from)}/{Iso(to)}";
            hit = new Hit(i, b.End, value, TimeKind.Interval) { Year = b.Year ?? a.Year };
            return true;
        }

        /// <summary>The TIMEX point for a day, a whole month or a whole year; null for any other span.</summary>
        private static string? PointOf(DateOnly from, DateOnly to)
        {
            if (from == to)
            {
                return Iso(from);
            }

            if (from.Day == 1 && to.Year == from.Year && to.Month == from.Month && to.Day == DateTime.DaysInMonth(to.Year, to.Month))
            {
                return Ym(from);
            }

            return from.DayOfYear == 1 && to.Year == from.Year && to.Month == 12 && to.Day == 31 ? from.Year.ToString("D4", CultureInfo.InvariantCulture) : null;
        }

        private static DateOnly ShiftYear(DateOnly d, int year) => new(year, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(year, d.Month)));

        private bool TryDays(Hit h, out DateOnly from, out DateOnly to)
        {
            (from, to) = (default, default);
            if (h.Value == "PRESENT_REF")
            {
                if (anchor is not { } a)
                {
                    return false;
                }

                (from, to) = (a.Start, a.End);
                return true;
            }

            if (h.Value is null || h.Kind is TimeKind.Duration or TimeKind.Set or TimeKind.Event or TimeKind.Time or TimeKind.TimeRange || !TimexRange.TryParse(h.Value, out var r))
            {
                return false;
            }

            (from, to) = (r.Start, r.End);
            return true;
        }

        private int RangeJoiner(int j, bool between)
        {
            if (j >= N)
            {
                return j;
            }

            if (between && w[j] is "en" or "and" or "und")
            {
                return j + 1;
            }

            var k = SkipJoiner(j);
            if (k > j && w[j] is "en" or "and" or "und")
            {
                return j;
            }

            if (k > j)
            {
                // "tot op heden", "tot aan mei"
                return k < N && w[k] is "op" or "aan" && k + 1 < N && w[k + 1] is "heden" or "vandaag" ? k + 1 : k;
            }

            return j < N && w[j] is "~" or "tot" ? j + 1 : j;
        }

        /// <summary>One end of a range: any atom, "nu"/"heden", or a bare hour (only kept when the range makes it one).</summary>
        private bool Endpoint(int k, out Hit hit)
        {
            if (w[k] is "nu" or "heden" or "now" or "jetzt")
            {
                hit = new Hit(k, k + 1, "PRESENT_REF", TimeKind.Date) { RangeOnly = true };
                return true;
            }

            if (TryAtom(k, out hit) && hit.Kind is not (TimeKind.Event or TimeKind.Duration or TimeKind.Set))
            {
                return true;
            }

            // "mei tot maart": a month without a preposition is a range end when the other end is one too.
            if (lex.Months.TryGetValue(w[k], out var month) && !IsAmbiguousMonth(k) && anchor is { } a)
            {
                var y = InferYear(month, MonthTense(k)) ?? a.Year;
                hit = new Hit(k, k + 1, $"{y:D4}-{month:D2}", TimeKind.Date) { RangeOnly = true, BareMonthEnd = true };
                return true;
            }

            // "tussen 1-10 en 7-11": a numeric date at the far end of a range needs no cue of its own.
            if (tokens[k].Kind == TokenKind.Number && k > 0 && w[k - 1] is "en" or "tot" or "-" or "t/m" && NumericDateAt(k) is { Day: > 0 } nd)
            {
                var ny = nd.Year ?? InferYear(nd.Month, MonthTense(k));
                if (ny is { } yy && Valid(yy, nd.Month, nd.Day))
                {
                    hit = DayHit(k, nd.End, new DateOnly(yy, nd.Month, nd.Day)) with { RangeOnly = true };
                    return true;
                }
            }

            // "2014-2018", "2014 tot en met 2018": a year without a preposition is a range end when the other end is one too.
            if (IsYear(k, out var year))
            {
                hit = new Hit(k, k + 1, year.ToString("D4", CultureInfo.InvariantCulture), TimeKind.Date) { Year = year, RangeOnly = true };
                return true;
            }

            if (BareHour(k, out var clock, out var end))
            {
                hit = new Hit(k, end, null, TimeKind.Time) { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12, RangeOnly = true };
                return true;
            }

            return false;
        }

        /// <summary>"5", "vijf", "11.30", "half acht" used as an hour inside a range.</summary>
        private bool BareHour(int k, out TimeOnly clock, out int end)
        {
            if (HourWords(k, out clock, out end))
            {
                return true;
            }

            (clock, end) = (default, k + 1);

            if (Number(k, out var n) && n is >= 0 and <= 24 && (tokens[k].Kind == TokenKind.Number || n <= 12))
            {
                clock = new TimeOnly(n % 24, 0);
                return true;
            }

            if (tokens[k].Kind == TokenKind.Number && DottedClock(w[k]) is { } c)
            {
                clock = c;
                return true;
            }

            return false;
        }

        private bool PartBefore(int i) => PartBeforeCode(i) is not null;

        private string? PartBeforeCode(int i)
        {
            for (var k = Math.Max(0, i - 3); k < i; k++)
            {
                if (PartAt(k) is { } p && p.End == i)
                {
                    return p.Part;
                }
            }

            return null;
        }

        private bool DayBefore(int i)
            => i > 0 && (lex.RelativeDays.ContainsKey(w[i - 1]) || WeekdayOf(w[i - 1]) != 0 || lex.Months.ContainsKey(w[i - 1]) || (i > 1 && w[i - 1] is "op" && tokens[i - 2].Kind == TokenKind.Number)
                || (tokens[i - 1].Kind == TokenKind.Number && NumericDateAt(i - 1) is not null) || (i > 1 && tokens[i - 2].Kind == TokenKind.Number && NumericDateAt(i - 2) is { } d && d.End == i));

        // "tussen 3 en 5 op 1-1-2015", "tussen 10 en 11.30 deze ochtend", "van 15:00-20:00 gisterenmiddag"
        private bool DayAfter(int k)
        {
            if (k >= N)
            {
                return false;
            }

            if (lex.RelativeDays.ContainsKey(w[k]) || WeekdayOf(w[k]) != 0 || (k + 1 < N && PartWord(w[k + 1]) is { } part && DaysToDirectedPart(k, part) is not null))
            {
                return true;
            }

            return w[k] is "op" or "on" or "am" && k + 1 < N && (tokens[k + 1].Kind == TokenKind.Number || WeekdayOf(w[k + 1]) != 0);
        }

        private (string Part, int End)? PartAfter(int k) => k < N ? PartAt(k) : null;

        /// <summary>"'s avonds", "'s middags", "‘s ochtends", "in de avond", "pm", "abends": a TIMEX part of the day.</summary>
        private (string Part, int End)? PartAt(int k)
        {
            if (k + 1 < N && w[k] is "'" or "‘" or "’" && w[k + 1] == "s" && k + 2 < N && PartWord(w[k + 2]) is { } p1)
            {
                return (p1, k + 3);
            }

            if (w[k] is "'s" or "s" && k + 1 < N && PartWord(w[k + 1]) is { } p2)
            {
                return (p2, k + 2);
            }

            // "in den frühen Morgenstunden", "in the early hours", "in de vroege ochtend": a day's first hours.
            if (k + 3 < N && w[k] is "in" && w[k + 1] is "den" or "the" or "de" && w[k + 2] is "frühen" or "early" or "vroege" && (PartWord(w[k + 3]) ?? (w[k + 3] is "hours" ? "MO" : null)) is { } p7)
            {
                return (p7, k + 4);
            }

            if (k + 2 < N && w[k] is "in" && w[k + 1] is "de" or "the" or "der" && PartWord(w[k + 2]) is { } p3)
            {
                return (p3, k + 3);
            }

            // "op de avond van 5 mei", "on the evening of 5 May": the part of a day named next.
            if (k + 3 < N && w[k] is "op" or "on" && w[k + 1] is "de" or "the" && PartWord(w[k + 2]) is { } p6 && w[k + 3] is "van" or "of")
            {
                return (p6, k + 3);
            }

            // "am Abend", "am frühen Morgen", "at night"
            if (k + 1 < N && lex.Lang == "de" && w[k] == "am" && PartWord(w[k + 1]) is { } p4)
            {
                return (p4, k + 2);
            }

            if (k + 2 < N && lex.Lang == "de" && w[k] == "am" && w[k + 1] is "frühen" or "späten" && PartWord(w[k + 2]) is { } p5)
            {
                return (p5, k + 3);
            }

            if (k + 1 < N && w[k] == "at" && w[k + 1] == "night")
            {
                return ("NI", k + 2);
            }

            if (w[k] is "pm" or "p.m" or "abends" or "nachmittags")
            {
                return ("PM", k + 1);
            }

            if (w[k] is "am" && lex.Lang == "en" || w[k] is "a.m" or "morgens" or "vormittags")
            {
                return ("MO", k + 1);
            }

            return null;
        }

        private static string? PartWord(string word) => word switch
        {
            "ochtends" or "morgens" or "ochtend" or "morgen" or "morning" or "vroege" or "vormittag" or "morgenstunden" => "MO",
            "middags" or "middag" or "namiddag" or "afternoon" or "nachmittag" => "AF",
            "avonds" or "avond" or "evening" or "abend" or "abendstunden" => "EV",
            "nachts" or "nacht" or "night" or "nachtstunden" => "NI",
            _ => null,
        };

        /// <summary>A clock hour read in a part of the day: "7 uur 's avonds" is 19:00, "3 uur 's nachts" stays 03:00.</summary>
        private static Hit ApplyPart(Hit h, string part)
        {
            if (h.Clock is not { } c)
            {
                return h with { PartOfDay = part };
            }

            // Afternoon hours are 1–7, evening hours 4–11, night hours 6–11 written on a twelve-hour clock: "vanavond om 1 uur" is 01:00.
            static bool Pm(string part, int hour) => part switch
            {
                "AF" => hour is >= 1 and <= 7,
                "EV" => hour is >= 4 and <= 11,
                "NI" => hour is >= 6 and <= 11,
                "PM" => hour is >= 1 and <= 11,
                _ => false,
            };

            var pm = Pm(part, c.Hour);
            var shifted = pm ? c.AddHours(12) : c;
            var end = h.ClockEnd is { } ce && Pm(part, ce.Hour) ? ce.AddHours(12) : h.ClockEnd;
            return h with { Clock = shifted, ClockEnd = end, TwelveHour = false, Value = h.Value is null ? null : ReplaceClock(h.Value, shifted) };
        }

        private static string ReplaceClock(string value, TimeOnly clock)
        {
            var t = value.IndexOf('T', StringComparison.Ordinal);
            return t < 0 ? value : value[..(t + 1)] + Clock(clock);
        }

        private static string Clock(TimeOnly c) => c.Second == 0 ? c.ToString("HH:mm", CultureInfo.InvariantCulture) : c.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>
        /// Joins adjacent hits into one expression: a day and a clock time ("morgen 8:00", "20.30 vandaag", "dinsdag om 15.30"),
        /// a weekday and a date ("dinsdag 9 mei"), a week and a weekday ("volgende week maandag", "dinsdag van volgende week"),
        /// a day and a part of the day ("morgen 's avonds"), a day and a time range.
        /// </summary>
        public List<Hit> Compose(List<Hit> hits)
        {
            var result = new List<Hit>(hits.Count);
            foreach (var h in hits)
            {
                if (h.RangeOnly)
                {
                    continue;
                }

                if (result.Count > 0 && Gap(result[^1].End, h.Start) && Join(result[^1], h) is { } joined)
                {
                    result[^1] = joined;
                    // A third part: "volgende week woensdag om 10 uur".
                    while (result.Count > 1 && Gap(result[^2].End, result[^1].Start) && Join(result[^2], result[^1]) is { } again)
                    {
                        result.RemoveAt(result.Count - 1);
                        result[^1] = again;
                    }

                    continue;
                }

                result.Add(h);
            }

            return result;
        }

        // Only a few words may stand between two parts of one expression.
        private bool Gap(int from, int to)
        {
            if (to < from || to - from > 3)
            {
                return false;
            }

            for (var k = from; k < to; k++)
            {
                // "at 3 a.m. on Sunday": the abbreviation's full stop, where the sentence goes on in lower case.
                if (w[k] == "." && k > 0 && w[k - 1] is "a.m" or "p.m" && k + 1 < N && char.IsLower(text[tokens[k + 1].Start]))
                {
                    continue;
                }

                if (w[k] is not ("," or "om" or "op" or "(" or ")" or "-" or "rond" or "omstreeks" or "tegen" or "de" or "van" or "at" or "on" or "um" or "am" or "the" or "of" or "zum" or "zu" or "auf" or "von" or "into" or "des" or "den" or "dem"
                    or "na" or "vanaf" or "voor" or "niet" or "later" or "dan" or "after" or "before" or "nach" or "vor"))
                {
                    return false;
                }
            }

            return true;
        }

        private Hit? Join(Hit a, Hit b)
        {
            // weekday + date of the same day, or a date + its weekday in brackets: keep the date.
            if (a.Weekday > 0 && a.Clock is null && b.Day is { } bd && b.Kind is TimeKind.Date && b.Weekday == 0 && (bd.DayOfWeek == (DayOfWeek)(a.Weekday % 7) || b.Value?.StartsWith("XXXX", StringComparison.Ordinal) is false))
            {
                return b with { Start = a.Start };
            }

            if (b.Kind == TimeKind.Weekday && a.Day is not null && a.Kind == TimeKind.Date && b.End - a.End <= 3 && a.End < N && w[a.End] == "(")
            {
                return a with { End = b.End };
            }

            // week + weekday, weekday + week: that weekday of that week.
            if (a.WeekMonday is { } m1 && b.Kind == TimeKind.Weekday && b.Weekday > 0)
            {
                return DayHit(a.Start, b.End, m1.AddDays(b.Weekday - 1));
            }

            if (b.WeekMonday is { } m2 && a.Kind == TimeKind.Weekday && a.Weekday > 0)
            {
                return DayHit(a.Start, b.End, m2.AddDays(a.Weekday - 1));
            }

            // day + clock, clock + day
            var (day, clock) = a.Clock is null ? (a, b) : (b, a);
            if (clock.Clock is { } c && clock.Kind is TimeKind.Time or TimeKind.TimeRange && day.Day is { } d)
            {
                if (PartOfDayOf(day) is { } part)
                {
                    clock = ApplyPart(clock, part);
                    c = clock.Clock!.Value;

                    // A day's night runs past midnight: "vrijdagnacht rond 1 uur", "Friday night at 2 am", "gisternacht om
                    // 2 uur" are the early hours of the day after. Not a night named by the morning it ends in ("in der
                    // Nacht zum Sonntag", "in de nacht van zaterdag op zondag") nor this night ("vannacht").
                    if (part == "NI" && c.Hour < NightEndsHour && !NamedByItsMorning(day))
                    {
                        d = d.AddDays(1);
                    }

                    // And the evening hours of a night named by its morning are the day before's.
                    if (part == "NI" && c.Hour >= 12 && day.MorningNamed)
                    {
                        d = d.AddDays(-1);
                    }
                }

                var value = clock.ClockEnd is { } ce && ce != c ? $"{Iso(d)}T{Clock(c)}/{Iso(d)}T{Clock(ce)}" : $"{Iso(d)}T{Clock(c)}";
                return new Hit(a.Start, b.End, value, clock.ClockEnd is { } e2 && e2 != c ? TimeKind.Interval : TimeKind.DateTime, clock.Mod ?? day.Mod) { Day = d, Clock = c, ClockEnd = clock.ClockEnd };
            }

            // day + part of the day: "morgen 's avonds", "dinsdag in de middag"
            if (b.PartOfDay is { } p && b.Clock is null && b.Day is null && a.Day is { } d2)
            {
                return new Hit(a.Start, b.End, $"{Iso(d2)}T{p}", TimeKind.DateTime) { Day = d2, PartOfDay = p };
            }

            // part of the day + its day: "in der Nacht zum Montag" (the night before Monday morning), "on the evening of 5 May"
            if (a.PartOfDay is { } p3 && a.Clock is null && a.Day is null && b.Day is { } d3 && b.Clock is null && b.PartOfDay is null && a.End < N
                && w[a.End] is "zum" or "zu" or "auf" or "op" or "into" or "of" or "van" or "von" or "des")
            {
                var morningNamed = p3 == "NI" && w[a.End] is "zum" or "zu" or "auf" or "op" or "into";
                return new Hit(a.Start, b.End, $"{Iso(d3)}T{p3}", TimeKind.DateTime) { Day = d3, PartOfDay = p3, MorningNamed = morningNamed };
            }

            // "in de nacht van zaterdag op zondag", "in der Nacht von Samstag auf Sonntag": one night, named by the morning it
            // ends in, as "in der Nacht zum Sonntag" is, so that its early hours are that morning's.
            if (a.PartOfDay == "NI" && a.Clock is null && a.Day is { } night && b.Day is { } morning && b.Clock is null && b.PartOfDay is null
                && morning == night.AddDays(1) && a.End < N && w[a.End] is "op" or "auf" or "zu" or "zum" or "into")
            {
                return a with { End = b.End, Value = $"{Iso(morning)}TNI", Day = morning, MorningNamed = true };
            }

            // part of the day + clock: "'s middags om 7 uur"
            if (a.PartOfDay is not null && a.Clock is null && a.Day is null && b.Clock is not null && b.Kind is TimeKind.Time or TimeKind.TimeRange)
            {
                var shifted = ApplyPart(b, a.PartOfDay!);
                return shifted with { Start = a.Start };
            }

            return null;
        }

        // Hours of a night before this one belong to the next day's early morning.
        private const int NightEndsHour = 6;

        /// <summary>
        /// Whether a night is named by the morning it ends in ("in der Nacht zum Sonntag", "de nacht van zaterdag op
        /// zondag") or is this night ("vannacht", "heute Nacht"): its early hours are that day's own.
        /// </summary>
        private bool NamedByItsMorning(Hit day)
            => day.MorningNamed || (lex.RelativeDays.TryGetValue(w[day.Start], out var offset) && offset == 0);

        /// <summary>
        /// A clock time written in words on a twelve-hour clock with nothing beside it to say which half of the day
        /// ("gegen halb neun", "rond kwart over acht", "at a quarter to ten") is read in the part of the day the article
        /// last named: "am Sonntagabend … gegen halb neun" is 20:30, as a reader takes it. A day named without a part, or a
        /// morning clock time, ends that reading. Clock times in digits are left as written: Dutch and German news write the
        /// hours of the whole day ("om 8.30 uur" is morning).
        /// </summary>
        public List<Hit> InheritPartsOfDay(List<Hit> composed)
        {
            string? part = null;
            var partEnd = 0;
            for (var i = 0; i < composed.Count; i++)
            {
                var h = composed[i];
                if (h.Kind == TimeKind.Time && h.TwelveHour && h.Day is null && h.PartOfDay is null && h.Clock is not null && WrittenInWords(h))
                {
                    // Within a few sentences of where the part was named: an article that began on a Sunday evening may
                    // tell of a shop that opens "om negen uur" paragraphs later.
                    if (part is not null && h.Start - partEnd <= PartOfDayReach)
                    {
                        composed[i] = ApplyPart(h, part);
                        partEnd = h.End;
                    }

                    continue;
                }

                if (h.Clock is { } clock)
                {
                    (part, partEnd) = (h.PartOfDay ?? (clock.Hour >= 13 ? "PM" : null), h.End);
                }
                else if (h.PartOfDay is not null || h.Day is not null || h.Kind is TimeKind.Weekday)
                {
                    (part, partEnd) = (PartOfDayOf(h), h.End);
                }
            }

            return composed;
        }

        // Tokens after a part of the day (or a clock time read in it) within which a clock time in words is read in it: a
        // few paragraphs. On DPG 2019 the farthest right reading lies ~90 tokens after its part ("woensdagavond" … "voor
        // negen uur" at an election-night party); unbounded, a part would reach to the end of a long article.
        private const int PartOfDayReach = 150;

        private bool WrittenInWords(Hit h)
        {
            for (var k = h.Start; k < h.End; k++)
            {
                if (tokens[k].Kind == TokenKind.Number)
                {
                    return false;
                }
            }

            return true;
        }

        private string? PartOfDayOf(Hit day)
        {
            if (day.PartOfDay is { } p)
            {
                return p;
            }

            // "vanavond", "morgenochtend", "dinsdagavond": the part is in the word.
            var word = w[day.End - 1];
            foreach (var (suffix, code) in DayPartSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length)
                {
                    return code;
                }
            }

            return null;
        }

        private static Hit DayHit(int start, int end, DateOnly d) => new(start, end, Iso(d), TimeKind.Date) { Day = d };

        private static DateOnly PinWeekday(int weekday, DateOnly d, int tense)
        {
            var ahead = (weekday - IsoDay(d) + 7) % 7;
            if (ahead == 0)
            {
                return d;
            }

            return tense < 0 ? d.AddDays(ahead - 7) : d.AddDays(ahead);
        }
    }
}
