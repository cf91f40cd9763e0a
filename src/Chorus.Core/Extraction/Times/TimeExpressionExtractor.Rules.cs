using System.Globalization;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Times;

/// <summary>Rules for numeric and ordinal dates, quarters, decades, weeks, recurrences, holidays, clock times in words, parts of the day and durations.</summary>
public sealed partial class TimeExpressionExtractor
{
    private sealed partial class Scan
    {
        /// <summary>"22/04", "1-1-2015", "5-3-'18", "23.04.2022", "2002-10-09", "05-aug-2016", "3/jan", "dec/2018", "29/2/2019".</summary>
        private bool NumericDate(int i, out Hit hit)
        {
            hit = default;
            if (tokens[i].Kind != TokenKind.Number || NumericDateAt(i) is not { } parsed)
            {
                return false;
            }

            var (day, month, year, end) = parsed;
            // "1-3" without a year is a score or a range of numbers unless a day word or a date preposition stands before it.
            var slashOrYear = year is not null || text.AsSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start).Contains('/');
            var cue = i > 0 && (w[i - 1] is "op" or "van" or "tot" or "tussen" or "de" or "per" or "datum" or "sinds" or "vanaf" or "volgende" or "deze" || WeekdayOf(w[i - 1]) != 0);
            if (!slashOrYear && !cue)
            {
                return false;
            }

            // "na de 2-1", "de 3-3": after "de" alone, two single digits with a dash are a score, not a day.
            if (!slashOrYear && w[i - 1] == "de" && day is > 0 and < 10 && month < 10 && text.AsSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start).Contains('-'))
            {
                return false;
            }

            if (day == 0)
            {
                hit = new Hit(i, end, $"{year:D4}-{month:D2}", TimeKind.Date) { Year = year };
                return true;
            }

            var directed = i > 0 && lex.Directions.TryGetValue(w[i - 1], out var dir) && dir != 0 ? dir : 0;
            var y = year ?? InferYear(month, directed != 0 ? directed : MonthTense(i));
            if (!Valid(y ?? 2000, month, day))
            {
                return false;
            }

            // "volgende 12/5" said on 20 May is next year's 12 May.
            if (year is null && y is { } yd && directed != 0 && anchor is { Precision: DatePrecision.Day } ad && Valid(yd + directed, month, day))
            {
                var candidate = new DateOnly(yd, month, day);
                if ((directed > 0 && candidate <= ad.Start) || (directed < 0 && candidate >= ad.Start))
                {
                    y = yd + directed;
                }
            }

            var start = directed != 0 ? i - 1 : i;
            hit = y is null ? new Hit(start, end, $"XXXX-{month:D2}-{day:D2}", TimeKind.Date) : DayHit(start, end, new DateOnly(y.Value, month, day)) with { Year = year };
            return true;
        }

        /// <summary>Day, month and optional year of a run of glued tokens at <paramref name="i"/>; day 0 for month/year.</summary>
        private (int Day, int Month, int? Year, int End)? NumericDateAt(int i)
        {
            var end = i + 1;
            while (end < N && tokens[end].Start == tokens[end - 1].End && (end - i) < 7)
            {
                end++;
            }

            // Try the longest glued run first, then shorter ones ("1-10-2018-7-10-2018" holds two dates).
            for (var e = end; e > i; e--)
            {
                var s = text.AsSpan(tokens[i].Start, tokens[e - 1].End - tokens[i].Start);
                if (ParseNumericDate(s) is { } d)
                {
                    return (d.Day, d.Month, d.Year, e);
                }
            }

            return null;
        }

        private (int Day, int Month, int? Year)? ParseNumericDate(ReadOnlySpan<char> s)
        {
            Span<Range> parts = stackalloc Range[4];
            var sep = s.IndexOfAny('/', '-', '.');
            if (sep <= 0)
            {
                return null;
            }

            var n = s.SplitAny(parts, "/-.");
            if (n is < 2 or > 3)
            {
                return null;
            }

            var p0 = s[parts[0]];
            var p1 = s[parts[1]];
            var p2 = n == 3 ? s[parts[2]] : [];
            // ISO "2002-10-09"
            if (n == 3 && p0.Length == 4 && Digits(p0, out var iy) && Digits(p1, out var im) && Digits(p2, out var id) && p2.Length == 2)
            {
                return Valid(iy, im, id) ? (id, im, iy) : null;
            }

            if (!Digits(p0, out var d) || p0.Length > 2)
            {
                // "dec/2018", "jan-2019"
                return n == 2 && MonthWord(p0) is { } mm && Digits(p1, out var yy) && p1.Length == 4 && yy >= 1 ? (0, mm, yy) : null;
            }

            int month;
            if (Digits(p1, out var m) && p1.Length <= 2)
            {
                month = m;
            }
            else if (MonthWord(p1) is { } mw)
            {
                month = mw;
            }
            else
            {
                return null;
            }

            int? year = null;
            if (n == 3)
            {
                var ys = p2.Length > 0 && p2[0] is '\'' or '’' ? p2[1..] : p2;
                if (!Digits(ys, out var y) || ys.Length is not (2 or 4))
                {
                    return null;
                }

                year = ys.Length == 2 ? 2000 + y : y;
                if (year < 1)
                {
                    return null;
                }
            }
            else if (s[sep] == '.')
            {
                // "8.30" and "7.6" are clock times or decimals far more often than dates.
                return null;
            }

            return d is >= 1 and <= 31 && month is >= 1 and <= 12 ? (d, month, year) : null;
        }

        private int? MonthWord(ReadOnlySpan<char> s)
        {
            Span<char> lower = stackalloc char[16];
            if (s.Length > 16)
            {
                return null;
            }

            var len = s.ToLowerInvariant(lower);
            // Month words are few and short; this runs only on glued numeric forms ("05-aug-2016").
            return lex.Months.TryGetValue(new string(lower[..len]), out var m) ? m : null;
        }

        private static bool Digits(ReadOnlySpan<char> s, out int value)
        {
            value = 0;
            if (s.Length is 0 or > 4)
            {
                return false;
            }

            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        /// <summary>
        /// "4e jan 2019", "de tweede van augustus", "de 9e van mei", "vierentwintig januari", "januari de eerste",
        /// "de 15e" (in the article's month), "woensdag de eenendertigste" (the month where that day is that weekday).
        /// </summary>
        private bool OrdinalDate(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            var weekday = WeekdayOf(w[k]);
            if (weekday != 0)
            {
                k++;
                if (k < N && w[k] is "," or "." && k + 1 < N)
                {
                    k++;
                }
            }

            if (k < N && w[k] is "de" or "der" or "the" && k + 1 < N)
            {
                k++;
            }

            // month first: "januari de eerste (tweeduizend en tweeëndertig)", "november de 15e"
            if (weekday == 0 && lex.Months.TryGetValue(w[i], out var m0) && !IsAmbiguousMonth(i) && i + 2 < N && w[i + 1] is "de" && DayWord(i + 2, out var d0, out _)
                && !OrdinalBeforeItsNoun(i + 2))
            {
                var (yr, e0) = YearAfter(i + 3);
                var y0 = yr ?? InferYear(m0, MonthTense(i));
                if (Valid(y0 ?? 2000, m0, d0))
                {
                    hit = y0 is null ? new Hit(i, e0, $"XXXX-{m0:D2}-{d0:D2}", TimeKind.Date) : DayHit(i, e0, new DateOnly(y0.Value, m0, d0)) with { Year = yr };
                    return true;
                }
            }

            if (k >= N || !DayWord(k, out var day, out var ordinal))
            {
                return false;
            }

            var m = k + 1;
            // "de 15e dag van volgende maand"
            if (ordinal && m + 3 < N && w[m] is "dag" && w[m + 1] == "van" && lex.Directions.TryGetValue(w[m + 2], out var md) && w[m + 3] is "maand" && anchor is { Precision: >= DatePrecision.Month } am)
            {
                var first = new DateOnly(am.Year, am.Month, 1).AddMonths(md);
                if (day <= DateTime.DaysInMonth(first.Year, first.Month))
                {
                    hit = DayHit(i, m + 4, new DateOnly(first.Year, first.Month, day));
                    return true;
                }
            }

            if (ordinal && m + 1 < N && w[m] is "dag" && w[m + 1] == "van")
            {
                m++;
            }

            // "de tweede van augustus", "the 3rd of May"
            if (m < N && w[m] is "van" or "of" && m + 1 < N && lex.Months.ContainsKey(w[m + 1]) && !IsAmbiguousMonth(m + 1))
            {
                m++;
            }

            m = SkipDot(m);
            if (m < N && lex.Months.TryGetValue(w[m], out var month) && (ordinal || tokens[k].Kind == TokenKind.Word || weekday != 0))
            {
                var (year, e) = YearAfter(m + 1);
                var y = year ?? (InferYear(month, MonthTense(i)) is { } inferred ? YearWithWeekday(weekday, month, day, inferred) : null);
                if (!Valid(y ?? 2000, month, day))
                {
                    return false;
                }

                hit = y is null ? new Hit(i, e, $"XXXX-{month:D2}-{day:D2}", TimeKind.Date) : DayHit(i, e, new DateOnly(y.Value, month, day)) with { Year = year };
                return true;
            }

            // A day of the month alone: only a written ordinal in digits ("de 15e") or after a weekday ("maandag 21").
            // A spelled ordinal after a weekday needs its article ("woensdag de eenendertigste"; not "woensdag eerste").
            var afterArticle = k > i && w[k - 1] == "de";
            var alone = (weekday != 0 && (tokens[k].Kind == TokenKind.Number || (ordinal && afterArticle))) || (ordinal && tokens[k].Kind == TokenKind.Number && afterArticle);
            // "maandag 12-4", "donderdag 19:00", "woensdag 4 uur": the number is not a day of the month.
            if (k + 1 < N && (w[k + 1] is "uur" or "u" or "uhr" or "h" || (tokens[k + 1].Start == tokens[k].End && w[k + 1] is "-" or ":" or "/" or ".")))
            {
                return false;
            }

            if (!alone || anchor is not { Precision: >= DatePrecision.Month } a || (k + 1 < N && tokens[k + 1].Kind == TokenKind.Word && !IsTimeWordOrVerbish(k + 1)))
            {
                return false;
            }

            var found = weekday != 0 ? MonthWithWeekday(a.Start, day, weekday) : Valid(a.Year, a.Month, day) ? new DateOnly(a.Year, a.Month, day) : null;
            if (found is not { } f)
            {
                return false;
            }

            hit = DayHit(i, k + 1, f);
            return true;
        }

        // A word that may follow "de 15e" when it is a date: a function word, a month or a clock time; a content word
        // after it is what the ordinal counts ("de 15e eeuw", "de 3e plaats").
        private bool IsTimeWordOrVerbish(int k) => Stopword(k) || lex.Months.ContainsKey(w[k]) || ClockCue(k) || HourWords(k, out _, out _);

        private bool Stopword(int k) => LanguageStemmer.For(lex.Lang).IsStopword(w[k]);

        private bool ClockCue(int k) => k < N && (w[k] is "uur" or "u" || tokens[k].Kind == TokenKind.Number);

        /// <summary>The nearest month (up to a year either side) in which day <paramref name="day"/> falls on <paramref name="weekday"/>.</summary>
        private static DateOnly? MonthWithWeekday(DateOnly around, int day, int weekday)
        {
            for (var delta = 0; delta <= 12; delta++)
            {
                foreach (var sign in delta == 0 ? [0] : new[] { 1, -1 })
                {
                    var m = new DateOnly(around.Year, around.Month, 1).AddMonths(sign * delta);
                    if (day <= DateTime.DaysInMonth(m.Year, m.Month) && IsoDay(new DateOnly(m.Year, m.Month, day)) == weekday)
                    {
                        return new DateOnly(m.Year, m.Month, day);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The year of a day and month named without one but with their weekday ("zaterdag 9 november", "Saturday,
        /// November 9"): the year the tense gives when the day falls on that weekday in it, else the year in which it does
        /// within a year of the article's date, the nearer one where two do. The weekday is the writer's check on the
        /// date: a past-looking word elsewhere in the sentence must not move a coming Saturday a year back. A weekday
        /// that fits no day within the year is taken for a slip ("dinsdag 7 maart" a week ago, a Wednesday).
        /// </summary>
        private int YearWithWeekday(int weekday, int month, int day, int inferred)
        {
            if (weekday == 0 || anchor is not { Precision: DatePrecision.Day } a
                || (Valid(inferred, month, day) && IsoDay(new DateOnly(inferred, month, day)) == weekday))
            {
                return inferred;
            }

            var (best, nearest) = (inferred, 366);
            for (var y = a.Year - 1; y <= a.Year + 1; y++)
            {
                if (Valid(y, month, day) && new DateOnly(y, month, day) is var date && IsoDay(date) == weekday
                    && Math.Abs(date.DayNumber - a.Start.DayNumber) is var distance && distance < nearest)
                {
                    (best, nearest) = (y, distance);
                }
            }

            return best;
        }

        /// <summary>The weekday just before a date ("zaterdag 9 november", "Samstag, den 9.", "Saturday, November 9"), or 0.</summary>
        private int WeekdayBefore(int k)
        {
            k--;
            if (k >= 0 && w[k] is "de" or "den" or "dem" or "the")
            {
                k--;
            }

            if (k >= 0 && w[k] == ",")
            {
                k--;
            }

            return k >= 0 ? WeekdayOf(w[k]) : 0;
        }

        /// <summary>A day of the month: "4", "4e", "1ste", "2de", "4th", "tweede", "vierentwintig", "eenendertigste".</summary>
        private bool DayWord(int k, out int day, out bool ordinal)
        {
            (day, ordinal) = (0, false);
            if (k >= N)
            {
                return false;
            }

            var word = w[k];
            if (tokens[k].Kind == TokenKind.Number)
            {
                var digits = 0;
                while (digits < word.Length && char.IsAsciiDigit(word[digits]))
                {
                    digits++;
                }

                var suffix = word.AsSpan(digits);
                ordinal = suffix is "e" or "ste" or "de" or "st" or "nd" or "rd" or "th" or "ten";
                return digits is 1 or 2 && (suffix.Length == 0 || ordinal) && Digits(word.AsSpan(0, digits), out day) && day is >= 1 and <= 31;
            }

            if (OrdinalWord(k) is { } o)
            {
                (day, ordinal) = (o, true);
                return o is >= 1 and <= 31;
            }

            // Spelled cardinals as days only from 2 up ("een" is the article), and only before a month (checked by the caller).
            return Spelled(k) is { } v && v is >= 2 and <= 31 && (day = (int)v) > 0;
        }

        /// <summary>
        /// An ordinal written as a word that counts the noun after it, not the day of the month before it: "in mei de Eerste
        /// Kamer", "begin april de eerste major", "op 31 oktober de eerste kraan". A day's ordinal is written small and ends
        /// the date, or a year or a clock time follows it ("januari de eerste tweeduizend twee").
        /// </summary>
        private bool OrdinalBeforeItsNoun(int k)
        {
            if (tokens[k].Kind == TokenKind.Number)
            {
                return false;
            }

            if (char.IsUpper(text[tokens[k].Start]))
            {
                return true;
            }

            var next = k + 1;
            return next < N && tokens[next].Kind == TokenKind.Word && YearAfter(next).Year is null && w[next] is not ("om" or "at" or "um");
        }

        private (int? Year, int End) YearAfter(int k)
        {
            var j = k < N && w[k] == "," ? k + 1 : k;
            if (j + 1 < N && w[j] is "van" or "in" or "of" && IsYear(j + 1, out var y1))
            {
                return (y1, j + 2);
            }

            if (IsYear(j, out var y))
            {
                return (y, j + 1);
            }

            // "tweeduizend en tweeëndertig"
            if (j < N && SpelledYear(j, out var sy, out var se))
            {
                return (sy, se);
            }

            return (null, k);
        }

        private bool SpelledYear(int k, out int year, out int end)
        {
            (year, end) = (0, k);
            if (Spelled(k) is not { } v)
            {
                return false;
            }

            end = k + 1;
            // "tweeduizend twintig", "tweeduizend en tweeëndertig"
            if (v is 2000 or 1000 && end < N)
            {
                var j = w[end] == "en" ? end + 1 : end;
                if (j < N && Spelled(j) is { } rest && rest < 100)
                {
                    (v, end) = (v + rest, j + 1);
                }
            }

            year = (int)v;
            return year is >= 1900 and <= 2099;
        }

        /// <summary>"het einde van 2008", "het midden van maart", "begin van volgend jaar": the period, with its part as the mod.</summary>
        private bool PartOfPeriod(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            if (w[k] is "het" or "de" or "the" && k + 1 < N)
            {
                k++;
            }

            if (k + 2 >= N || !lex.PartModifiers.TryGetValue(w[k], out var mod) && w[k] is not "start" || w[k + 1] is not ("van" or "of" or "des" or "der"))
            {
                return false;
            }

            mod ??= "START";
            var t = k + 2;

            // "het eind van de maand", "the end of the year", "Ende des Monats", "Ende der Woche": the article's own
            // period (the German article is the connector). Not a day: "at the end of the day" is an idiom.
            var noun = w[t] is "de" or "het" or "the" && t + 1 < N ? t + 1 : t;
            // Singular nouns only: "het midden van de jaren negentig" is a decade; "het eind van het jaar 2008" that year.
            if ((noun > t || w[k + 1] is "des" or "der") && w[noun] is "week" or "maand" or "jaar" or "month" or "year" or "woche" or "monats" or "jahres"
                && !(noun + 1 < N && tokens[noun + 1].Kind == TokenKind.Number) && lex.Units.TryGetValue(w[noun], out var unit)
                && Shift(unit, 0, out var ownKind) is { } own)
            {
                hit = new Hit(i, noun + 1, own, ownKind, mod);
                return true;
            }

            // "begin van volgend jaar", "the end of next week", "Ende nächster Woche" after "des"/"der" is rare; a relative period.
            var (relativeEnd, relative, relativeKind) = (t, (string?)null, TimeKind.Date);
            if (Relative(t, ref relativeEnd, ref relative, ref relativeKind) && IsPeriod(relative, relativeKind))
            {
                hit = new Hit(i, relativeEnd, relative, relativeKind, mod);
                return true;
            }
            if (IsYear(t, out var year))
            {
                hit = new Hit(i, t + 1, year.ToString("D4", CultureInfo.InvariantCulture), TimeKind.Date, mod) { Year = year };
                return true;
            }

            if (lex.Months.TryGetValue(w[t], out var month))
            {
                var (y, e) = t + 1 < N && IsYear(t + 1, out var my) ? ((int?)my, t + 2) : (InferYear(month, MonthTense(i)), t + 1);
                hit = new Hit(i, e, y is null ? $"XXXX-{month:D2}" : $"{y:D4}-{month:D2}", TimeKind.Date, mod);
                return true;
            }

            return false;
        }

        /// <summary>"de dag erna", "de dag daarvoor": the day after or before the last day named, else the article's.</summary>
        private bool DayAfterOrBefore(int i, out Hit hit)
        {
            hit = default;
            if (i + 2 >= N || w[i] is not ("de" or "the") || w[i + 1] is not ("dag" or "day") || anchor is not { Precision: DatePrecision.Day } a)
            {
                return false;
            }

            var sign = w[i + 2] switch
            {
                "erna" or "daarna" or "erop" or "daarop" or "after" => 1,
                "ervoor" or "daarvoor" or "before" => -1,
                _ => 0,
            };
            if (sign == 0)
            {
                return false;
            }

            var from = Previous is { } p && TimexRange.TryParse(p, out var r) && r.Days == 1 ? r.Start : a.Start;
            hit = DayHit(i, i + 3, from.AddDays(sign));
            return true;
        }

        /// <summary>"nov-feb 2017", "juni-augustus 1992": two months written as one hyphenated word.</summary>
        private bool MonthSpan(int i, out Hit hit)
        {
            hit = default;
            var word = w[i];
            var dash = word.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !lex.Months.TryGetValue(word[..dash], out var m1) || !lex.Months.TryGetValue(word[(dash + 1)..], out var m2))
            {
                return false;
            }

            var end = i + 1;
            int? year = null;
            if (end < N && IsYear(end, out var y))
            {
                (year, end) = (y, end + 1);
            }

            var y2 = year ?? InferYear(m2, MonthTense(i));
            if (y2 is null)
            {
                return false;
            }

            var y1 = m1 <= m2 ? y2.Value : y2.Value - 1;
            hit = new Hit(i, end, $"{y1:D4}-{m1:D2}/{y2:D4}-{m2:D2}", TimeKind.Interval) { Year = year };
            return true;
        }

        /// <summary>"twee dagen na vandaag", "3 dagen na de 12e januari", "2 weken vanaf 15 januari", "twee dagen voor gisteren".</summary>
        private bool CountedFrom(int i, out Hit hit)
        {
            hit = default;
            if (!Number(i, out var n) || i + 2 >= N || DurationUnit(i + 1) is not { } unit || unit is "weekend" or "night")
            {
                return false;
            }

            var k = i + 2;
            if (w[k] is "gerekend" or "geteld" && k + 1 < N)
            {
                k++;
            }

            var sign = w[k] switch
            {
                "na" or "vanaf" or "after" or "from" or "nach" or "ab" => 1,
                "voor" or "vóór" or "before" or "vor" => -1,
                _ => 0,
            };
            if (sign == 0 || k + 1 >= N)
            {
                return false;
            }

            k++;
            if (k < N && w[k] is "de" or "het" && k + 1 < N)
            {
                k++;
            }

            // The anchor expression is found by the same rules, but never itself counted from something.
            if (!(OrdinalDate(k, out var from) || NumericDate(k, out from) || Holiday(k, out from) || (TryAtomPlain(k, out from) && from.Day is not null)) || from.Day is not { } day)
            {
                return false;
            }

            if (AddUnits(day, unit, (long)sign * n) is not { } d)
            {
                return false;
            }

            hit = DayHit(i, from.End, d);
            return true;
        }

        private bool TryAtomPlain(int k, out Hit hit)
        {
            var (end, value, kind, mod) = (k, (string?)null, TimeKind.Date, (string?)null);
            var ok = FullDate(k, ref end, ref value) || RelativeDay(k, ref end, ref value) || Weekday(k, ref end, ref value, ref kind);
            hit = ok ? Typed(new Hit(k, end, value, kind, mod)) : default;
            return ok;
        }

        /// <summary>"de komende twee dagen", "de afgelopen 5 jaren", "komende weken": from the article date forward or back.</summary>
        private bool DirectedSpan(int i, out Hit hit)
        {
            hit = default;
            if (i + 1 >= N || anchor is not { Precision: DatePrecision.Day } a || w[i] is not ("komende" or "afgelopen" or "voorbije" or "laatste" or "aankomende" or "next" or "past" or "last" or "kommenden" or "letzten" or "vergangenen"))
            {
                return false;
            }

            var ahead = w[i] is "komende" or "aankomende" or "next" or "kommenden";
            var k = i + 1;
            var n = 1;
            var start = i;
            // "de 2 aankomende maanden": the count before the direction.
            if (i > 0 && Number(i - 1, out var before) && before > 1)
            {
                (n, start) = (before, i - 1);
            }

            if (MatchVague(k, out var vague, out var afterVague))
            {
                (n, k) = (vague.Min, afterVague);
            }
            else if (Number(k, out var count) && k + 1 < N)
            {
                (n, k) = (count, k + 1);
            }

            // A plural unit is needed: "komende week" is next week, "komende weken" the weeks from now.
            if (k >= N || DurationUnit(k) is not ({ } unit and ("day" or "week" or "month" or "year")) || (k == i + 1 && !w[k].EndsWith('n') && !w[k].EndsWith('s')))
            {
                return false;
            }

            var day = a.Start;
            var far = AddUnits(day, unit, ahead ? n : -n);
            var near = AddUnits(day, "day", ahead ? 1 : -1);
            if (far is not { } f || near is not { } e)
            {
                return false;
            }

            var (from, to) = ahead ? (e, f) : (f, e);
            hit = new Hit(start, k + 1, $"{Iso(from)}/{Iso(to)}", TimeKind.Interval);
            return true;
        }

        /// <summary>"aanstaande maart" (the next March), "afgelopen mei" (the last May), "deze september" (this year's).</summary>
        private bool DirectedMonth(int i, out Hit hit)
        {
            hit = default;
            if (i + 1 >= N || !lex.Directions.TryGetValue(w[i], out var dir) || !lex.Months.TryGetValue(w[i + 1], out var month) || IsAmbiguousMonth(i + 1) || anchor is not { } a)
            {
                return false;
            }

            var year = dir == 0 ? a.Year : InferYear(month, dir) ?? a.Year;
            // "volgende mei" said in May is next year's May; "vorige mei" last year's.
            if (dir != 0 && a.Precision >= DatePrecision.Month && month == a.Month)
            {
                year = a.Year + dir;
            }

            // The direction fixes the year as firmly as writing it would ("van deze mei tot okt 2020").
            hit = new Hit(i, i + 2, $"{year:D4}-{month:D2}", TimeKind.Date) { Year = year };
            return true;
        }

        /// <summary>"Q1 2017", "2019-Q1", "H2-2019", "het 1e kwartaal van 2013", "dit kwartaal", "afgelopen kwartaal".</summary>
        private bool Quarter(int i, out Hit hit)
        {
            hit = default;
            var word = w[i];
            int? q = null, half = null, year = null;
            var end = i + 1;
            if (word.Length >= 2 && word[0] is 'q' or 'h' && Digits(word.AsSpan(1, 1), out var n) && (word.Length == 2 || word[2] == '-'))
            {
                (q, half) = word[0] == 'q' ? ((int?)n, (int?)null) : (null, n);
                if (word.Length > 3)
                {
                    // "q1-2019"; "q1-0000" or "q1-x" is no quarter at all, not one of the article's year.
                    if (word.Length != 7 || !Digits(word.AsSpan(3), out var y0) || y0 < 1)
                    {
                        return false;
                    }

                    year = y0;
                }
                else if (end < N && IsYear(end, out var y1))
                {
                    (year, end) = (y1, end + 1);
                }
                else if (end + 1 < N && w[end] == "-" && IsYear(end + 1, out var y2))
                {
                    (year, end) = (y2, end + 2);
                }
            }
            else if (IsYear(i, out var y3) && i + 2 < N && w[i + 1] == "-" && w[i + 2] is "q1" or "q2" or "q3" or "q4")
            {
                (year, q, end) = (y3, w[i + 2][1] - '0', i + 3);
            }
            else if (DayWord(i, out var ord, out var isOrdinal) && isOrdinal && i + 1 < N && w[i + 1] is "kwartaal" or "quarter" or "quartal" && ord is >= 1 and <= 4)
            {
                q = ord;
                end = i + 2;
                if (end + 1 < N && w[end] is "van" or "of" or "in" && IsYear(end + 1, out var y4))
                {
                    (year, end) = (y4, end + 2);
                }
            }
            else if (DayWord(i, out var halfOrdinal, out var halfIsOrdinal) && halfIsOrdinal && halfOrdinal is 1 or 2 && HalfOfYear(i + 1, out var halfEnd, out var halfYear))
            {
                (half, end, year) = (halfOrdinal, halfEnd, halfYear);
            }
            else if (lex.Directions.TryGetValue(word, out var dir) && i + 1 < N && w[i + 1] is "kwartaal" or "quarter" or "quartal" && anchor is { Precision: >= DatePrecision.Month } a)
            {
                var first = new DateOnly(a.Year, ((a.Month - 1) / 3 * 3) + 1, 1).AddMonths(3 * dir);
                hit = new Hit(i, i + 2, $"{Iso(first)}/{Iso(first.AddMonths(3).AddDays(-1))}", TimeKind.Interval);
                return true;
            }
            else if (word is "voorafgaande" or "voorgaande" && i + 1 < N && w[i + 1] == "kwartaal" && anchor is { Precision: >= DatePrecision.Month } b)
            {
                var first = new DateOnly(b.Year, ((b.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
                hit = new Hit(i, i + 2, $"{Iso(first)}/{Iso(first.AddMonths(3).AddDays(-1))}", TimeKind.Interval);
                return true;
            }

            if (q is null && half is null)
            {
                return false;
            }

            if (q is not (null or (>= 1 and <= 4)) || half is not (null or 1 or 2))
            {
                return false;
            }

            var named = year is not null;
            year ??= anchor?.Year;
            if (year is null)
            {
                return false;
            }

            // "de winst steeg in het vierde kwartaal", written in February: a quarter (or half) not yet begun at the
            // article date is last year's, unless the sentence speaks of what is to come.
            var firstMonth = q is { } q0 ? ((q0 - 1) * 3) + 1 : ((half!.Value - 1) * 6) + 1;
            if (!named && anchor is { Precision: >= DatePrecision.Month } at && new DateOnly(year.Value, firstMonth, 1) > at.End && Tense(i) <= 0)
            {
                year--;
            }

            var months = q is { } qq ? 3 : 6;
            var start = new DateOnly(year.Value, q is { } q1 ? ((q1 - 1) * 3) + 1 : ((half!.Value - 1) * 6) + 1, 1);
            hit = new Hit(i, end, $"{Iso(start)}/{Iso(start.AddMonths(months).AddDays(-1))}", TimeKind.Interval) { Year = year };
            return true;
        }

        /// <summary>
        /// After an ordinal, a half of a year: "halfjaar", "Halbjahr", "jaarhelft" alone, or "helft", "half", "Hälfte"
        /// with the year it divides ("van 2024", "of the year", "van vorig jaar", "des Jahres", "2024"): a half without a
        /// year is a match's ("in de eerste helft scoorde Ajax"). <paramref name="year"/> is null for the article's year.
        /// </summary>
        private bool HalfOfYear(int k, out int end, out int? year)
        {
            (end, year) = (k + 1, null);
            if (k >= N)
            {
                return false;
            }

            var ofAYear = w[k] is "halfjaar" or "jaarhelft" or "halbjahr" or "halbjahres" or "halbjahrs";
            if (!ofAYear && w[k] is not ("helft" or "half" or "hälfte"))
            {
                return false;
            }

            var j = k + 1 < N && w[k + 1] is "van" or "of" or "des" ? k + 2 : k + 1;
            if (IsYear(j, out var y))
            {
                (end, year) = (j + 1, y);
                return true;
            }

            if (j + 1 < N && w[j] is "het" or "the" or "dit" or "this" or "dieses" && lex.Units.TryGetValue(w[j + 1], out var unit) && unit == "year")
            {
                end = j + 2;
                return true;
            }

            if (j < N && w[j] == "jahres")
            {
                (end, year) = IsYear(j + 1, out var y2) ? (j + 2, y2) : (j + 1, (int?)null);
                return true;
            }

            if (j + 1 < N && anchor is { } a && lex.Directions.TryGetValue(w[j], out var dir) && lex.Units.TryGetValue(w[j + 1], out var unit2) && unit2 == "year")
            {
                (end, year) = (j + 2, a.Year + dir);
                return true;
            }

            return ofAYear;
        }

        /// <summary>"de jaren '90", "jaren 1990", "de jaren negentig", "21e eeuw".</summary>
        private bool Decade(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            if (w[k] is "de" or "the" or "den" or "der" && k + 1 < N)
            {
                k++;
            }

            // "the early 1990s", "the late '90s": English puts the part between the article and the decade.
            string? part = null;
            if (lex.Lang == "en" && lex.PartModifiers.TryGetValue(w[k], out var innerPart) && k + 1 < N)
            {
                (part, k) = (innerPart, k + 1);
            }

            if (lex.Lang is "en" or "de" && DecadeAt(k) is { } written)
            {
                hit = new Hit(i, written.End, $"{written.Decade:D4}-01-01/{written.Decade + 9:D4}-12-31", TimeKind.Interval, part ?? PeriodPartBefore(i));
                return true;
            }

            if (w[k] is "jaren" or "years" && k + 1 < N)
            {
                var j = k + 1;
                if (w[j] is "'" or "’" && j + 1 < N)
                {
                    j++;
                }

                int decade;
                if (Digits(w[j].AsSpan(), out var d) && (w[j].Length == 2 || (w[j].Length == 4 && d >= 1000)) && d % 10 == 0)
                {
                    decade = w[j].Length == 2 ? (d >= 30 ? 1900 + d : 2000 + d) : d;
                }
                else if (Spelled(j) is { } v && v is >= 20 and <= 90 && v % 10 == 0)
                {
                    decade = 1900 + (int)v;
                }
                else
                {
                    return false;
                }

                hit = new Hit(i, j + 1, $"{decade:D4}-01-01/{decade + 9:D4}-12-31", TimeKind.Interval, PeriodPartBefore(i));
                return true;
            }

            if (DayWord(k, out var c, out var ordinal) && ordinal && k + 1 < N && w[k + 1] is "eeuw" or "century" or "jahrhundert")
            {
                var start = ((c - 1) * 100) + 1;
                hit = new Hit(i, k + 2, $"{start:D4}-01-01/{start + 99:D4}-12-31", TimeKind.Interval);
                return true;
            }

            return false;
        }

        /// <summary>
        /// A decade written as English and German write it: "1990s", "'90s" (a two-digit decade after an apostrophe, or
        /// with "s" glued on), "90er Jahre", "1970er-Jahre", "neunziger Jahre" (German needs "Jahre" after a spelled or
        /// two-digit one). Returns the decade's first year and the token after it.
        /// </summary>
        private (int Decade, int End)? DecadeAt(int k)
        {
            if (lex.Lang == "de" && GermanSpelledDecade(w[k]) is { } spelled)
            {
                return k + 1 < N && w[k + 1] is "jahre" or "jahren" ? (spelled, k + 2) : null;
            }

            if (lex.Lang == "de" && GermanGluedDecade(w[k]) is { } glued)
            {
                return (glued, k + 1);
            }

            var apostrophe = w[k] is "'" or "’" && k + 1 < N;
            var t = apostrophe ? k + 1 : k;
            if (tokens[t].Kind != TokenKind.Number)
            {
                return null;
            }

            var suffix = lex.Lang == "en" ? "s" : "er";
            var token = w[t];
            if (!token.EndsWith(suffix, StringComparison.Ordinal) || !Digits(token.AsSpan(0, token.Length - suffix.Length), out var d) || d % 10 != 0)
            {
                return null;
            }

            var digits = token.Length - suffix.Length;
            // "a man in his 60s", "in their 20s" is an age: an English two-digit decade needs "the" or an apostrophe.
            if (digits == 2 && lex.Lang == "en" && !apostrophe && !(k > 0 && w[k - 1] is "the" or "early" or "late" or "mid"))
            {
                return null;
            }

            int decade;
            if (digits == 2)
            {
                decade = d >= 30 ? 1900 + d : 2000 + d;
            }
            else if (digits == 4 && d is >= 1000 and <= 2990 && !apostrophe)
            {
                decade = d;
            }
            else
            {
                return null;
            }

            var end = t + 1;
            if (lex.Lang == "de")
            {
                // "1970er-Jahre", "90er Jahren"; a two-digit one needs "Jahre" ("die 90er" may be a speed or an age).
                var jahre = end + 1 < N && w[end] is "-" && w[end + 1] is "jahre" or "jahren" ? end + 2 : end < N && w[end] is "jahre" or "jahren" ? end + 1 : -1;
                if (jahre < 0 && digits == 2)
                {
                    return null;
                }

                end = jahre < 0 ? end : jahre;
            }

            return (decade, end);
        }

        /// <summary>"fünfzigerjahre", "neunzigerjahren": the decade and "Jahre" written as one word.</summary>
        private static int? GermanGluedDecade(string word)
        {
            var stem = word.EndsWith("jahren", StringComparison.Ordinal) ? word[..^6] : word.EndsWith("jahre", StringComparison.Ordinal) ? word[..^5] : null;
            return stem is null ? null : GermanSpelledDecade(stem.TrimEnd('-'));
        }

        /// <summary>Whether a German word opens a decade in words ("achtziger Jahre", "Fünfzigerjahren").</summary>
        private static bool IsGermanDecadeWord(string word) => GermanSpelledDecade(word) is not null || GermanGluedDecade(word) is not null;

        private static int? GermanSpelledDecade(string word) => word switch
        {
            "zwanziger" => 1920,
            "dreißiger" => 1930,
            "vierziger" => 1940,
            "fünfziger" => 1950,
            "sechziger" => 1960,
            "siebziger" => 1970,
            "achtziger" => 1980,
            "neunziger" => 1990,
            _ => null,
        };

        /// <summary>"week 31", "de eerste week van 2015", "de laatste week van juli", "de 3e week van 2018".</summary>
        private bool WeekOf(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            if (w[k] is "de" or "het" && k + 1 < N)
            {
                k++;
            }

            if (w[k] == "week" && k + 1 < N && tokens[k + 1].Kind == TokenKind.Number && Digits(w[k + 1], out var wn) && wn is >= 1 and <= 53 && anchor is { } a0)
            {
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(a0.Year, Math.Min(wn, ISOWeek.GetWeeksInYear(a0.Year)), DayOfWeek.Monday));
                hit = new Hit(i, k + 2, $"{a0.Year:D4}-W{wn:D2}", TimeKind.Week) { WeekMonday = monday };
                return true;
            }

            int nth;
            if (w[k] is "laatste" or "last" or "letzte")
            {
                nth = -1;
            }
            else if (DayWord(k, out var o, out var ordinal) && ordinal && o <= 5)
            {
                nth = o;
            }
            else
            {
                return false;
            }

            if (k + 3 >= N || w[k + 1] != "week" || w[k + 2] is not ("van" or "of" or "in"))
            {
                return false;
            }

            DateOnly first, last;
            var end = k + 4;
            if (IsYear(k + 3, out var year))
            {
                (first, last) = (new DateOnly(year, 1, 4), new DateOnly(year, 12, 28));
            }
            else if (lex.Months.TryGetValue(w[k + 3], out var month))
            {
                var y = k + 4 < N && IsYear(k + 4, out var yy) ? yy : InferYear(month, MonthTense(i));
                if (y is null)
                {
                    return false;
                }

                end = k + 4 < N && IsYear(k + 4, out _) ? k + 5 : k + 4;
                (first, last) = (new DateOnly(y.Value, month, 1), new DateOnly(y.Value, month, DateTime.DaysInMonth(y.Value, month)));
            }
            else
            {
                return false;
            }

            var mondayOf = nth > 0 ? Monday(first).AddDays(7 * (nth - 1)) : Monday(last);
            hit = new Hit(i, end, $"{Iso(mondayOf)}/{Iso(mondayOf.AddDays(6))}", TimeKind.Week) { WeekMonday = mondayOf };
            return true;
        }

        /// <summary>"wekelijks", "elke maandag", "elke drie weken", "eenmaal per week", "elk weekend", "om de week vrijdag".</summary>
        private bool SetExpression(int i, out Hit hit)
        {
            hit = default;
            var word = w[i];
            if (lex.Recurring.TryGetValue(word, out var every))
            {
                hit = new Hit(i, i + 1, every, TimeKind.Set);
                return true;
            }

            var k = i;
            if (word is "om" && k + 2 < N && w[k + 1] == "de" && w[k + 2] == "week")
            {
                k += 3;
                if (k < N && WeekdayOf(w[k]) is var wd && wd != 0)
                {
                    hit = new Hit(i, k + 1, $"XXXX-WXX-{wd}", TimeKind.Set);
                    return true;
                }

                hit = new Hit(i, k, "P2W", TimeKind.Set);
                return true;
            }

            if ((word is "eenmaal" or "eens" or "once" or "einmal" || (word is "één" or "een" && k + 1 < N && w[k + 1] == "keer")) && k + 2 < N)
            {
                var j = w[k + 1] == "keer" ? k + 2 : k + 1;
                if (j + 1 < N && w[j] is "per" or "a" or "pro" && lex.Units.TryGetValue(w[j + 1], out var u1))
                {
                    hit = new Hit(i, j + 2, Period(1, u1), TimeKind.Set);
                    return true;
                }

                return false;
            }

            if (!lex.Every.Contains(word) || k + 1 >= N)
            {
                // "weekenden" alone: every weekend.
                if (word is "weekenden" or "weekends" && !(i > 0 && (Number(i - 1, out _) || lex.VagueCounts.ContainsKey(w[i - 1]))))
                {
                    hit = new Hit(i, i + 1, "XXXX-WXX-WE", TimeKind.Set);
                    return true;
                }

                return false;
            }

            k++;
            var count = 1;
            if (Number(k, out var n) && k + 1 < N)
            {
                (count, k) = (n, k + 1);
            }

            if (WeekdayOf(w[k]) is var weekday && weekday != 0)
            {
                hit = new Hit(i, k + 1, $"XXXX-WXX-{weekday}", TimeKind.Set);
                return true;
            }

            if (w[k] is "weekend" or "weekenden" or "wochenende")
            {
                hit = new Hit(i, k + 1, "XXXX-WXX-WE", TimeKind.Set);
                return true;
            }

            if (w[k] is "weekdag" or "werkdag" or "weekday" or "werktag")
            {
                hit = new Hit(i, k + 1, "P1D", TimeKind.Set);
                return true;
            }

            if (lex.Units.TryGetValue(w[k], out var unit) || (w[k] is "uur" or "hour" or "stunde" && (unit = "hour") is not null))
            {
                hit = new Hit(i, k + 1, Period(count, unit), TimeKind.Set);
                return true;
            }

            return false;
        }

        private static string Period(double count, string unit)
        {
            var n = count.ToString("0.##", CultureInfo.InvariantCulture);
            return unit switch
            {
                "year" => $"P{n}Y",
                "month" => $"P{n}M",
                "week" => $"P{n}W",
                "day" or "night" => $"P{n}D",
                "weekend" => $"P{n}WE",
                "century" => $"P{count * 100}Y",
                "hour" => $"PT{n}H",
                "minute" => $"PT{n}M",
                "second" => $"PT{n}S",
                "quarter" => $"P{count * 3}M",
                "quarterhour" => $"PT{count * 15}M",
                _ => $"P{n}D",
            };
        }

        /// <summary>Holidays on a fixed date or counted from Easter: "Pasen 2018", "volgende Koningsdag", "Tweede Paasdag".</summary>
        private bool Holiday(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            var dir = 0;
            if (lex.Directions.TryGetValue(w[k], out var d) && k + 1 < N)
            {
                (dir, k) = (d, k + 1);
            }
            else if (w[k] is "voorgaande" or "voorafgaande" && k + 1 < N)
            {
                (dir, k) = (-1, k + 1);
            }

            if (!lex.HolidayFirstWords.Contains(w[k]))
            {
                return false;
            }

            var length = 0;
            (int Month, int Day)? fixedDate = null;
            int? easterOffset = null;
            foreach (var (words, date, offset) in lex.Holidays)
            {
                if (k + words.Length > N)
                {
                    continue;
                }

                var all = true;
                for (var j = 0; all && j < words.Length; j++)
                {
                    all = w[k + j] == words[j];
                }

                if (all && words.Length > length)
                {
                    (length, fixedDate, easterOffset) = (words.Length, date, offset);
                }
            }

            if (length == 0)
            {
                return false;
            }

            var end = k + length;
            int? year = null;
            if (IsYear(end, out var y))
            {
                (year, end) = (y, end + 1);
            }
            else if (anchor is { } named && (end + 1 < N && w[end] is "van" or "of" ? end + 1 : end) is var j && j + 1 < N
                && lex.Directions.TryGetValue(w[j], out var yearDirection) && lex.Units.TryGetValue(w[j + 1], out var unit) && unit == "year")
            {
                // "kerst vorig jaar", "Pasen van dit jaar", "Christmas last year": the holiday of the year named.
                (year, end) = (named.Year + yearDirection, j + 2);
            }

            if (anchor is not { } a && year is null)
            {
                hit = new Hit(i, end, null, TimeKind.Date);
                return true;
            }

            DateOnly On(int yy) => fixedDate is { } f ? new DateOnly(yy, f.Month, f.Day) : Easter(yy).AddDays(easterOffset ?? 0);
            DateOnly result;
            if (year is { } explicitYear)
            {
                result = On(explicitYear);
            }
            else
            {
                var now = anchor!.Value;
                var thisYear = On(now.Year);
                result = dir switch
                {
                    > 0 => thisYear > now.End ? thisYear : On(now.Year + 1),
                    < 0 => thisYear < now.Start ? thisYear : On(now.Year - 1),
                    _ => MonthTense(i) < 0 && thisYear > now.End ? On(now.Year - 1) : thisYear,
                };
            }

            hit = DayHit(i, end, result) with { Year = year };
            return true;
        }

        /// <summary>Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
        private static DateOnly Easter(int y)
        {
            int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
            int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
            int m = (a + (11 * h) + (22 * l)) / 451;
            int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
            return new DateOnly(y, month, day);
        }

        /// <summary>
        /// Clock times in words and short forms: "zeven uur", "half acht", "kwart voor drie", "10 voor half negen",
        /// "4u", "20.15u", "om 9", "rond 13.00", "het middaguur", "middernacht"; a part of the day after shifts the hour.
        /// </summary>
        private bool ClockWords(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            string? mod = null;
            if (k + 2 < N && TimeLexicon.ClockBoundAdverbs.Contains(w[k]) && w[k + 1] is "na" or "nach" or "after" or "voor" or "vor" or "before")
            {
                // "kort na half drie", "kurz vor acht Uhr", "shortly after eleven o'clock": the time bounds the event on one
                // side, so a time on the other side contradicts it (see the comparer).
                mod = w[k + 1] is "na" or "nach" or "after" ? "AFTER" : "BEFORE";
                k += 2;
            }
            else if (w[k] is "om" or "rond" or "omstreeks" or "tegen" or "at" or "around" or "um" or "gegen" && k + 1 < N)
            {
                mod = w[k] is "rond" or "omstreeks" or "around" or "gegen" ? "APPROX" : null;
                k++;

                // "at about ten", "at around half past eight"
                if (w[k - 1] == "at" && w[k] is "about" or "around" or "approximately" && k + 1 < N)
                {
                    (mod, k) = ("APPROX", k + 1);
                }
            }

            TimeOnly clock;
            int end;
            if (w[k] is "middaguur" or "noon" or "mittag" || (w[k] is "het" && k + 1 < N && w[k + 1] == "middaguur"))
            {
                (clock, end) = (new TimeOnly(12, 0), w[k] == "het" ? k + 2 : k + 1);
            }
            else if (w[k] is "middernacht" or "midnight" or "mitternacht")
            {
                (clock, end) = (new TimeOnly(0, 0), k + 1);
            }
            else if (HourWords(k, out clock, out end))
            {
                // "half acht", "kwart over drie": clock words need no cue.
            }
            else if (tokens[k].Kind == TokenKind.Number && GluedHour(w[k]) is { } glued)
            {
                (clock, end) = (glued, k + 1);
            }
            else if (k > i && w[i] != "around" && Number(k, out var h) && h is >= 0 and <= 24 && (tokens[k].Kind != TokenKind.Number || w[k].Length <= 2))
            {
                // "om 9", "rond 13.00" is ClockTime's; a bare "om 9" only before the sentence ends or a time word.
                var next = k + 1 < N ? w[k + 1] : ".";
                // Not before a content word it could count ("om 9 mensen"): only before punctuation, a function word, "uur",
                // a part of the day or a day.
                // ("om 17:49" is ClockTime's: punctuation glued to the number is part of it.)
                var free = k + 1 >= N || (tokens[k + 1].Kind is TokenKind.Punctuation && (tokens[k + 1].Start > tokens[k].End || next is "." or "," or "?" or "!"))
                    || next == "uur" || Stopword(k + 1);
                if (!free && PartAfter(k + 1) is null && !lex.RelativeDays.ContainsKey(next))
                {
                    return false;
                }

                (clock, end) = (new TimeOnly(h % 24, 0), k + 1);
            }
            else if (k > i && tokens[k].Kind == TokenKind.Number && DottedClock(w[k]) is { } dotted)
            {
                (clock, end) = (dotted, k + 1);
            }
            else
            {
                return false;
            }

            if (end == k + 1 && end < N && w[end] is "uur" or "u" or "uhr" or "o'clock")
            {
                end++;
            }

            hit = new Hit(i, end, null, TimeKind.Time, mod) { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12 };
            if (PartAfter(end) is { } part)
            {
                hit = ApplyPart(hit, part.Part) with { End = part.End };
            }
            else if (PartBeforeCode(i) is { } before)
            {
                hit = ApplyPart(hit, before);
            }

            hit = hit with { Value = (anchor is { Precision: DatePrecision.Day } a ? a.ToString() : "XXXX-XX-XX") + "T" + Clock(hit.Clock!.Value) };
            return true;
        }

        /// <summary>
        /// "zeven uur", "half acht", "kwart voor drie", "kwart over 3", "10 voor half negen", "vijf over half twee"; German
        /// "halb neun" (8:30), "Viertel nach zwei", "zehn vor acht", "fünf vor halb vier"; English "a quarter past two",
        /// "half past eight", "ten to eight", "twenty-five past three".
        /// </summary>
        private bool HourWords(int k, out TimeOnly clock, out int end)
        {
            (clock, end) = (default, k);
            var minutes = 0;
            var j = k;
            if (MinutesBeforeHour(j, out var offset, out var next))
            {
                (minutes, j) = (offset, next);
            }

            var half = false;
            if (j + 1 < N && ((w[j] == "half" && lex.Lang == "nl") || (w[j] == "halb" && lex.Lang == "de")))
            {
                (half, j) = (true, j + 1);
            }

            if (j >= N || !HourNumber(j, out var hour))
            {
                return false;
            }

            var hasUur = j + 1 < N && w[j + 1] is "uur" or "uhr" or "o'clock";
            // A bare number is an hour only with "uur", "half" or minutes before it.
            if (!half && minutes == 0 && !hasUur)
            {
                return false;
            }

            // Hours per day or week, or on end, are a length whatever stands before them: "vijf tot zeven uur per dag",
            // "tot twaalf uur lang".
            if (!half && minutes == 0 && hasUur && w[j + 1] == "uur" && j + 2 < N && w[j + 2] is "per" or "lang" or "achtereen")
            {
                return false;
            }

            // "twee uur" is a clock time or a length of time: a clock time only after "om", "rond", "tot"…, beside a part of
            // the day or after a day ("woensdag 4 uur"). Otherwise Duration reads it ("De storing duurde twee uur").
            // German "Uhr" and English "o'clock" name a time of day and never a length ("kurz nach drei Uhr", "shortly after
            // four o'clock").
            // Dutch "na" is a cue only for an hour past noon ("na 22 uur"): "Na twee uur werd de waarschuwing ingetrokken",
            // "na vijf uur gaf hij zich over" are lengths (in DPG 2019, four of the five "na N uur" are; the fifth has "'s
            // ochtends" after it, which the part of the day decides).
            if (!half && minutes == 0 && w[j + 1] is not ("uhr" or "o'clock") && !(PartAfter(j + 2) is not null || PartBefore(k) || DayBefore(k)
                || (k > 0 && w[k - 1] is "om" or "rond" or "omstreeks" or "tegen" or "vanaf" or "tot" or "voor" or "at" or "um" or "gegen" or "around" or "until" or "bis")
                || (k > 0 && w[k - 1] == "na" && hour >= 13)))
            {
                return false;
            }

            var total = (((half ? hour - 1 : hour) * 60) + (half ? 30 : 0) + minutes + (24 * 60)) % (24 * 60);
            clock = new TimeOnly(total / 60, total % 60);
            end = hasUur ? j + 2 : j + 1;
            return true;
        }

        /// <summary>
        /// The minutes before or after the hour that open a clock time in words: "kwart over", "tien voor", "Viertel nach",
        /// "fünf vor", "a quarter past", "half past", "twenty to" (negative before the hour). In German and English a
        /// number of minutes needs a clock cue before it ("um zehn vor acht", "at ten to eight"): "five to ten years" is
        /// no clock time.
        /// </summary>
        private bool MinutesBeforeHour(int j, out int minutes, out int next)
        {
            (minutes, next) = (0, j);
            var lang = lex.Lang;
            var article = lang == "en" && j + 1 < N && w[j] == "a" && w[j + 1] == "quarter";
            var m = article ? j + 1 : j;
            if (m + 2 >= N)
            {
                return false;
            }

            var direction = (lang, w[m + 1]) switch
            {
                ("nl", "over") or ("de", "nach") or ("en", "past" or "after") => 1,
                ("nl", "voor") or ("de", "vor") or ("en", "to" or "before") => -1,
                _ => 0,
            };
            if (direction == 0)
            {
                return false;
            }

            int count;
            if (w[m] is "kwart" or "viertel" or "quarter")
            {
                count = 15;
            }
            else if (lang == "en" && w[m] == "half" && direction > 0)
            {
                count = 30;
            }
            else if ((Number(m, out var n) || (Spelled(m) is { } spelled && (n = (int)spelled) == spelled)) && n is > 0 and < 30)
            {
                if (lang != "nl" && !(m > 0 && w[m - 1] is "at" or "about" or "around" or "um" or "gegen" or "bis" or "until"))
                {
                    return false;
                }

                count = n;
            }
            else
            {
                return false;
            }

            (minutes, next) = (count * direction, m + 2);
            return true;
        }

        private bool HourNumber(int k, out int hour)
        {
            hour = 0;
            if (tokens[k].Kind == TokenKind.Number)
            {
                return Digits(w[k].AsSpan(), out hour) && hour is >= 0 and <= 24;
            }

            return Spelled(k) is { } v && v is >= 1 and <= 12 && (hour = (int)v) > 0;
        }

        // "4u", "20.15u", "3uur", "8h"; "9am", "2.30pm" on a twelve-hour clock
        private static TimeOnly? GluedHour(string token)
        {
            if (token.Length > 2 && (token.EndsWith("pm", StringComparison.Ordinal) || token.EndsWith("am", StringComparison.Ordinal)))
            {
                var twelve = token[..^2] is var digits && Digits(digits, out var hh) && hh is >= 1 and <= 12 && digits.Length <= 2 ? new TimeOnly(hh, 0) : DottedClock(token[..^2]);
                if (twelve is not { Hour: >= 1 and <= 12 } t)
                {
                    return null;
                }

                var pm = token[^2] == 'p';
                return new TimeOnly((t.Hour % 12) + (pm ? 12 : 0), t.Minute);
            }

            var unit = token.EndsWith("uur", StringComparison.Ordinal) ? 3 : token.Length > 1 && token[^1] is 'u' or 'h' ? 1 : 0;
            if (unit == 0)
            {
                return null;
            }

            var body = token[..^unit];
            if (Digits(body, out var h) && h is >= 0 and <= 24 && body.Length <= 2)
            {
                return new TimeOnly(h % 24, 0);
            }

            return DottedClock(body);
        }

        // "20.15", "8.00", "13:00"
        private static TimeOnly? DottedClock(string token)
        {
            var sep = token.IndexOfAny(['.', ':']);
            if (sep is < 1 or > 2 || token.Length - sep != 3 || !Digits(token.AsSpan(0, sep), out var h) || !Digits(token.AsSpan(sep + 1), out var m) || h > 24 || m > 59)
            {
                return null;
            }

            return new TimeOnly(h % 24, m);
        }

        /// <summary>A part of the day alone: "'s avonds", "in de namiddag", "deze middag", "vanavond" stays a day (RelativeDay).</summary>
        private bool PartOfDayHit(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            var later = false;
            if (w[k] is "later" or "vroeg" && k + 1 < N)
            {
                (later, k) = (w[k] == "later", k + 1);
            }

            if (PartAt(k) is { } part && part.Part != "PM")
            {
                hit = new Hit(i, part.End, $"T{part.Part}", TimeKind.TimeRange, later ? "END" : null) { PartOfDay = part.Part };
                return true;
            }

            if (k + 1 < N && PartWord(w[k + 1]) is { } p && DaysToDirectedPart(k, p) is { } days && anchor is { Precision: DatePrecision.Day } a)
            {
                var day = a.Start.AddDays(days);
                hit = new Hit(i, k + 2, $"{Iso(day)}T{p}", TimeKind.DateTime, later ? "END" : null) { Day = day, PartOfDay = p };
                return true;
            }

            if (w[k] is "namiddag" or "voormiddag" && i > 0 && w[i - 1] is "de" or "in")
            {
                var code = w[k] == "namiddag" ? "AF" : "MO";
                hit = new Hit(i, k + 1, $"T{code}", TimeKind.TimeRange) { PartOfDay = code };
                return true;
            }

            return false;
        }

        /// <summary>
        /// Days from the article's day to a part of a day named by the direction word at <paramref name="k"/>: "deze
        /// ochtend", "this evening", "diese Nacht" are today's; the night or evening just past is the day before's
        /// ("afgelopen nacht", "vorige avond", "in der vergangenen Nacht", "letzte Nacht", "last evening": "last night" has
        /// its own rule); the coming night or evening is today's ("komende nacht", "kommende Nacht"). A word that orders
        /// parts in a story ("de volgende ochtend", "die letzte Nacht vor der Wahl") names no day.
        /// </summary>
        private int? DaysToDirectedPart(int k, string part)
        {
            var before = k > 0 ? w[k - 1] : string.Empty;
            return w[k] switch
            {
                "deze" or "this" or "diese" or "dieser" or "diesen" => 0,
                "afgelopen" or "voorbije" or "vergangene" or "vergangenen" => -1,
                "vorige" or "last" when before is not ("de" or "the") && w[k + 1] != "night" => -1,
                "letzte" or "letzten" when before is not ("die" or "der" or "den" or "dem") || (before == "der" && k > 1 && w[k - 2] == "in") => -1,
                "komende" or "aankomende" or "kommende" or "kommenden" when part is "NI" or "EV" && before is not ("die" or "der" or "den" or "dem") => 0,
                _ => null,
            };
        }

        /// <summary>
        /// A length of time: "3 minuten", "twee uren", "2 nachten", "paar uur", "wat dagen", "de hele dag", "een ½ uur",
        /// "meer dan 4 dagen", "drie weekenden". Not an age ("29 jaar oud") and not an offset ("3 dagen geleden").
        /// </summary>
        private bool Duration(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            string? mod = null;
            if (k + 2 < N && w[k] is "meer" or "minder" or "langer" or "korter" or "more" or "less" or "mehr" or "weniger" && w[k + 1] is "dan" or "than" or "als")
            {
                (mod, k) = (w[k] is "meer" or "langer" or "more" or "mehr" ? "MORE_THAN" : "LESS_THAN", k + 2);
            }

            if (k + 2 < N && w[k] is "de" or "het" && w[k + 1] is "hele" or "gehele" or "volledige")
            {
                var unit0 = DurationUnit(k + 2);
                if (unit0 is null)
                {
                    return false;
                }

                hit = new Hit(i, k + 3, Period(1, unit0), TimeKind.Duration, mod);
                return true;
            }

            double count;
            var next = k + 1;
            if (MatchVague(k, out var vague, out var afterVague))
            {
                (count, next) = (vague.Min, afterVague);
            }
            else if (w[k] is "wat" or "enkele" or "paar" && k + 1 < N)
            {
                count = w[k] == "wat" ? 3 : 2;
            }
            else if (w[k] is "anderhalf" or "anderthalb" or "eineinhalb" or "½" || (w[k] is "andere" && k > 0 && w[k - 1] is "een"))
            {
                // "een andere dag" is one day; "op andere dagen" counts nothing.
                count = w[k] == "andere" ? 1 : w[k] == "½" ? 0.5 : 1.5;
            }
            else if (w[k] is "een" or "één" or "a" or "an" or "ein" or "eine" && k + 1 < N && w[k + 1] == "½")
            {
                (count, next) = (0.5, k + 2);
            }
            else if (Number(k, out var n))
            {
                count = n;
            }
            else if (tokens[k].Kind == TokenKind.Number && GluedUnitCount(w[k]) is { } glued)
            {
                hit = new Hit(i, k + 1, Period(glued.Count, glued.Unit), TimeKind.Duration, mod);
                return true;
            }
            else
            {
                return false;
            }

            // "two and a half hours", "twee en een half jaar": half a unit more before the unit.
            if (AndAHalf(next) is > 0 and var afterHalf)
            {
                (count, next) = (count + 0.5, afterHalf);
            }

            if (next >= N || DurationUnit(next) is not { } unit)
            {
                return false;
            }

            // "het Acht Uur Journaal": a capitalised unit inside a sentence is part of a name.
            if (char.IsUpper(text[tokens[next].Start]) && next > 0 && tokens[next - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[next - 1].Start]) && i > 0 && w[i - 1] is not ("." or "!" or "?"))
            {
                return false;
            }

            // "een jaar en een kwart"; "an hour and a half", "a year and a half": half a unit more after the unit.
            var end = next + 1;
            if (end + 2 < N && w[end] == "en" && w[end + 1] is "een" && w[end + 2] == "kwart" && unit == "year")
            {
                (count, end) = (count + 0.25, end + 3);
            }
            else if (count == Math.Floor(count) && AndAHalf(end) is > 0 and var afterUnitHalf)
            {
                (count, end) = (count + 0.5, afterUnitHalf);
            }

            var after = end < N ? w[end] : string.Empty;
            var before = i > 0 ? w[i - 1] : string.Empty;
            // An age, an offset or a date ("3 jaar oud", "3 dagen geleden", "over 3 weken") is not a duration.
            // "De zeven jaar daarvoor" (with its article) is a stretch of time, "zeven jaar daarvoor" a point before another.
            var offsetAfter = (lex.Ago.ContainsKey(after) || lex.LaterEarlier.ContainsKey(after)) && !(after == "daarvoor" && before is "de" or "het");
            if (after is "oud" or "old" or "alt" or "na" or "voor" or "vanaf" or "from" or "nach" || offsetAfter
                || before is "over" or "leeftijd" or "vor" || (unit == "year" && before is "ben" or "is" or "was" or "werd" or "wordt" or "zijn" or "waren")
                || (unit == "year" && IsAge(i, end)))
            {
                return false;
            }

            // "één" alone before "jaar" is too often "a year" of a date range; counts of one need a cue.
            if (count == 1 && w[k] is "een" or "a" or "ein" && mod is null)
            {
                return false;
            }

            hit = new Hit(i, end, Period(count, unit), TimeKind.Duration, mod);
            return true;
        }

        /// <summary>The token after "and a half" ("en een half", "und ein halb") at token k, or 0 when it does not follow.</summary>
        private int AndAHalf(int k)
            => k + 2 < N && w[k] is "and" or "en" or "und" && w[k + 1] is "a" or "een" or "ein" && w[k + 2] is "half" or "halve" or "halb" ? k + 3 : 0;

        /// <summary>
        /// An age in years further than the word after it: "67 jaar en drie maanden oud", and the Dutch idiom for an age
        /// range, "tussen de 18 en 35 jaar" (a length of time is "tussen twee en drie jaar", without the article).
        /// </summary>
        private bool IsAge(int start, int end)
        {
            for (var k = end; k < Math.Min(N, end + 4); k++)
            {
                if (w[k] is "oud" or "old" or "alt")
                {
                    return true;
                }

                if (!(w[k] is "en" or "and" or "und" || tokens[k].Kind == TokenKind.Number || Spelled(k) is not null || DurationUnit(k) is not null))
                {
                    break;
                }
            }

            return start >= 4 && w[start - 1] == "en" && tokens[start - 2].Kind == TokenKind.Number && w[start - 3] == "de" && w[start - 4] == "tussen";
        }

        private string? DurationUnit(int k)
        {
            if (k >= N)
            {
                return null;
            }

            if (lex.Units.TryGetValue(w[k], out var unit))
            {
                return unit;
            }

            return w[k] switch
            {
                "uur" or "uren" or "hour" or "hours" or "stunde" or "stunden" => "hour",
                "minuut" or "minuten" or "minute" or "minutes" or "min" => "minute",
                "seconde" or "seconden" or "second" or "seconds" or "sekunde" or "sekunden" => "second",
                "nacht" or "nachten" or "night" or "nights" or "nächte" => "night",
                "weekenden" or "weekends" => "weekend",
                "kwartier" => "quarterhour",
                _ => null,
            };
        }

        private static (double Count, string Unit)? GluedUnitCount(string token)
        {
            var digits = 0;
            while (digits < token.Length && char.IsAsciiDigit(token[digits]))
            {
                digits++;
            }

            if (digits == 0 || !Digits(token.AsSpan(0, digits), out var n))
            {
                return null;
            }

            return token[digits..] switch
            {
                "min" => (n, "minute"),
                "sec" or "s" => (n, "second"),
                _ => null,
            };
        }
    }
}
