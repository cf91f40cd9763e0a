using System.Globalization;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Times;

/// <summary>A time expression: its span, its TIMEX3-style value (null when it cannot be resolved) and its kind.</summary>
public readonly record struct TimeMention(int Start, int End, string? Value, string Kind, string? Mod = null);

/// <summary>
/// Finds time expressions and resolves them against the article date, keeping the precision that is really
/// known: in an article dated 2023-09, "in juli" is 2023-07, "vandaag" is 2023-09 (not an invented day),
/// "dinsdag" is the interval from the first to the last Tuesday of September, and "een paar maanden later"
/// is resolved from the expression before it. Rules are tried longest first at each token; the words come
/// from a <see cref="TimeLexicon"/> per language. Immutable and thread-safe.
/// </summary>
public sealed class TimeExpressionExtractor
{
    public List<TimeMention> Extract(string text, IReadOnlyList<Token> tokens, PartialDate? articleDate, string lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        return Extract(text, tokens, tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray(), articleDate, lang);
    }

    /// <summary>As <see cref="Extract(string, IReadOnlyList{Token}, PartialDate?, string)"/>, with the tokens already lower-cased.</summary>
    public List<TimeMention> Extract(string text, IReadOnlyList<Token> tokens, string[] words, PartialDate? articleDate, string lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var lex = TimeLexicon.For(lang);

        var scan = new Scan(text, tokens, words, lex, articleDate);
        var mentions = new List<TimeMention>();
        var i2 = 0;
        while (i2 < tokens.Count)
        {
            if (scan.TryAt(i2, out var end, out var value, out var kind, out var mod))
            {
                mentions.Add(new TimeMention(tokens[i2].Start, tokens[end - 1].End, value, kind, mod));
                if (value is not null && kind is not ("time" or "event"))
                {
                    scan.Previous = value;
                }

                i2 = end;
            }
            else
            {
                i2++;
            }
        }

        return mentions;
    }

    /// <summary>The state of one scan over an article: tokens, lexicon, anchor and the last resolved value.</summary>
    private sealed class Scan(string text, IReadOnlyList<Token> tokens, string[] w, TimeLexicon lex, PartialDate? anchor)
    {
        public string? Previous { get; set; }

        private int N => w.Length;

        public bool TryAt(int i, out int end, out string? value, out string kind, out string? mod)
        {
            (end, value, kind, mod) = (i, null, "date", null);
            return DayRange(i, ref end, ref value, ref kind)
                || FullDate(i, ref end, ref value)
                || EnglishDate(i, ref end, ref value)
                || MonthYear(i, ref end, ref value, ref mod)
                || SeasonYear(i, ref end, ref value, ref kind)
                || Relative(i, ref end, ref value, ref kind)
                || Weekday(i, ref end, ref value, ref kind)
                || RelativeDay(i, ref end, ref value)
                || CountedOffset(i, ref end, ref value, ref kind)
                || BareMonth(i, ref end, ref value, ref mod)
                || Year(i, ref end, ref value, ref mod)
                || ClockTime(i, ref end, ref value, ref kind)
                || EventAnchor(i, ref end, ref kind);
        }

        // "van 10 tot 13 september (2023)", "10-13 september", "10 t/m 13 september"
        private bool DayRange(int i, ref int end, ref string? value, ref string kind)
        {
            var k = i;
            if (w[k] is "van" or "from" or "vom" && k + 1 < N)
            {
                k++;
            }

            if (!Day(k, out var d1))
            {
                return false;
            }

            var j = SkipJoiner(k + 1);
            // A score at the end of a text ("met 1-3.") has nothing after its dot.
            var m = SkipDot(j + 1);
            if (j == k + 1 || !Day(j, out var d2) || m >= N || !lex.Months.TryGetValue(w[m], out var month))
            {
                return false;
            }

            var (year, e) = OptionalYear(m + 1);
            year ??= InferYear(month);
            if (year is null || d2 < d1 || !Valid(year.Value, month, d2))
            {
                return false;
            }

            (end, value, kind) = (e, $"{Ymd(year.Value, month, d1)}/{Ymd(year.Value, month, d2)}", "interval");
            return true;
        }

        // "10 september 2023", "10 sept. 2023", German "10. September 2023", "1 mei"
        private bool FullDate(int i, ref int end, ref string? value)
        {
            if (!Day(i, out var day))
            {
                return false;
            }

            var m = SkipDot(i + 1);
            if (m >= N || !lex.Months.TryGetValue(w[m], out var month))
            {
                return false;
            }

            // "12 okt. 2023": the abbreviation's dot is skipped only when a year follows it.
            var (year, e) = OptionalYear(SkipDot(m + 1));
            if (year is null)
            {
                e = m + 1;
            }

            year ??= InferYear(month);
            if (!Valid(year ?? 2000, month, day))
            {
                return false;
            }

            (end, value) = (e, year is null ? $"XXXX-{month:D2}-{day:D2}" : Ymd(year.Value, month, day));
            return true;
        }

        // English "September 10, 2023", "July 4"
        private bool EnglishDate(int i, ref int end, ref string? value)
        {
            if (lex.Lang != "en" || !lex.Months.TryGetValue(w[i], out var month) || i + 1 >= N || !Day(i + 1, out var day) || IsAmbiguousMonth(i))
            {
                return false;
            }

            var k = i + 2 < N && w[i + 2] == "," ? i + 3 : i + 2;
            var (year, e) = OptionalYear(k);
            if (year is null)
            {
                e = i + 2;
            }

            year ??= InferYear(month);
            if (!Valid(year ?? 2000, month, day))
            {
                return false;
            }

            (end, value) = (e, year is null ? $"XXXX-{month:D2}-{day:D2}" : Ymd(year.Value, month, day));
            return true;
        }

        // "februari 2019", "eind augustus 2023", "begin 2019" is handled by Year
        private bool MonthYear(int i, ref int end, ref string? value, ref string? mod)
        {
            var k = i;
            string? m0 = null;
            if (lex.PartModifiers.TryGetValue(w[k], out var pm))
            {
                (m0, k) = (pm, k + 1);
            }

            if (k >= N || !lex.Months.TryGetValue(w[k], out var month) || k + 1 >= N || !IsYear(k + 1, out var year))
            {
                return false;
            }

            (end, value, mod) = (k + 2, $"{year:D4}-{month:D2}", m0);
            return true;
        }

        // "zomer 2021", "de zomer van 2021", "deze zomer", "vorige winter"
        private bool SeasonYear(int i, ref int end, ref string? value, ref string kind)
        {
            var k = i;
            var direction = (int?)null;
            if (lex.Directions.TryGetValue(w[k], out var dir))
            {
                (direction, k) = (dir, k + 1);
            }

            if (k >= N || !lex.Seasons.TryGetValue(w[k], out var season))
            {
                return false;
            }

            kind = "season";
            var y = k + 1 < N && w[k + 1] is "van" or "of" or "des" && k + 2 < N ? k + 2 : k + 1;
            if (y < N && IsYear(y, out var year))
            {
                (end, value) = (y + 1, $"{year:D4}-{season}");
                return true;
            }

            if (direction is null && !(i > 0 && w[i - 1] is "de" or "het" or "the" or "im" or "in" or "den"))
            {
                return false;
            }

            (end, value) = (k + 1, anchor is { } a ? $"{a.Year + (direction ?? 0):D4}-{season}" : null);
            return true;
        }

        // "komende week", "vorige maand", "vorig jaar", "dit jaar", "next week", "letzte Woche"
        private bool Relative(int i, ref int end, ref string? value, ref string kind)
        {
            if (!lex.Directions.TryGetValue(w[i], out var dir) || i + 1 >= N || !lex.Units.TryGetValue(w[i + 1], out var unit))
            {
                return false;
            }

            end = i + 2;
            value = Shift(unit, dir, out kind);
            return true;
        }

        // "dinsdag", "komende dinsdag", "vrijdagochtend", "on Tuesday", "am Dienstag"
        private bool Weekday(int i, ref int end, ref string? value, ref string kind)
        {
            var k = i;
            var dir = 0;
            var hasDirection = false;
            if (lex.Directions.TryGetValue(w[k], out var d) && k + 1 < N)
            {
                (dir, hasDirection, k) = (d, true, k + 1);
            }

            var weekday = WeekdayOf(w[k]);
            if (weekday == 0)
            {
                return false;
            }

            end = k + 1;
            kind = "weekday";
            value = ResolveWeekday(weekday, hasDirection ? dir : null);
            return true;
        }

        // "vandaag", "gisteren", "morgen", "today", "heute"
        private bool RelativeDay(int i, ref int end, ref string? value)
        {
            if (!lex.RelativeDays.TryGetValue(w[i], out var offset))
            {
                return false;
            }

            // "morgen" after "'s" or "deze" is the morning, not tomorrow.
            if (w[i] == "morgen" && i > 0 && w[i - 1] is "'s" or "s" or "deze" or "die" or "elke" or "in" or "am" or "heute")
            {
                return false;
            }

            end = i + 1;
            value = anchor is { } a ? (offset == 0 ? a.ToString() : ShiftDays(a, offset)) : null;
            return true;
        }

        // "drie dagen geleden", "een paar maanden later", "two weeks ago", "vor drei Tagen"
        private bool CountedOffset(int i, ref int end, ref string? value, ref string kind)
        {
            var k = i;
            var germanVor = lex.Lang == "de" && w[k] == "vor";
            // "over drie weken", "in two weeks", "in drei Wochen": ahead of the article date.
            var ahead = w[k] == "over" || (w[k] == "in" && lex.Lang is "en" or "de");
            if (germanVor || ahead)
            {
                k++;
            }

            if (k >= N)
            {
                return false;
            }

            int min, max, next;
            if (MatchVague(k, out var vague, out var afterVague))
            {
                (min, max, next) = (vague.Min, vague.Max, afterVague);
            }
            else if (Number(k, out var n))
            {
                (min, max, next) = (n, n, k + 1);
            }
            else
            {
                return false;
            }

            if (next >= N || !lex.Units.TryGetValue(w[next], out var unit) || unit == "weekend")
            {
                return false;
            }

            var relation = next + 1 < N ? w[next + 1] : string.Empty;
            kind = "offset";
            if (ahead)
            {
                end = next + 1;
                value = anchor is { } a0 ? OffsetFrom(a0.ToString(), unit, min, max) : null;
                return true;
            }

            if (germanVor || lex.Ago.ContainsKey(relation))
            {
                end = germanVor ? next + 1 : next + 2;
                value = anchor is { } a ? OffsetFrom(a.ToString(), unit, -max, -min) : null;
                return true;
            }

            if (lex.LaterEarlier.TryGetValue(relation, out var sign))
            {
                end = next + 2;
                value = Previous is { } p ? OffsetFrom(p, unit, sign > 0 ? min : -max, sign > 0 ? max : -min) : null;
                return true;
            }

            return false;
        }

        // "in juli", "sinds maart", "eind augustus", "im Juli"
        private bool BareMonth(int i, ref int end, ref string? value, ref string? mod)
        {
            if (!lex.Months.TryGetValue(w[i], out var month) || IsAmbiguousMonth(i))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            if (!lex.Prepositions.Contains(before) && !lex.PartModifiers.ContainsKey(before))
            {
                return false;
            }

            mod = lex.PartModifiers.GetValueOrDefault(before);
            var year = InferYear(month);
            (end, value) = (i + 1, year is null ? $"XXXX-{month:D2}" : $"{year:D4}-{month:D2}");
            return true;
        }

        // "in 2019", "sinds 2019", "begin 2019"; a four-digit number only counts after a time preposition
        private bool Year(int i, ref int end, ref string? value, ref string? mod)
        {
            if (!IsYear(i, out var year))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            var after = i + 1 < N ? w[i + 1] : string.Empty;
            var temporal = lex.Prepositions.Contains(before) || lex.PartModifiers.ContainsKey(before) || before is "jaar" or "year" or "jahr" or "het" or "anno";
            if (!temporal || (lex.Units.ContainsKey(after) && after is not "jaar" and not "year"))
            {
                return false;
            }

            mod = lex.PartModifiers.GetValueOrDefault(before);
            (end, value) = (i + 1, year.ToString("D4", CultureInfo.InvariantCulture));
            return true;
        }

        // "om 06.30 uur", "18:00", "6 uur"
        private bool ClockTime(int i, ref int end, ref string? value, ref string kind)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                return false;
            }

            var token = w[i];
            int hour, minute = 0;
            var next = i + 1;
            // "23:15" is tokenised as "23" ":" "15".
            if (i + 2 < N && w[i + 1] == ":" && w[i + 2].Length == 2 && tokens[i + 2].Kind == TokenKind.Number && tokens[i + 1].Start == tokens[i].End)
            {
                token = w[i] + ":" + w[i + 2];
                next = i + 3;
            }

            var sep = token.IndexOfAny(['.', ':']);
            if (sep > 0 && token.Length - sep == 3 && int.TryParse(token[..sep], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                && int.TryParse(token[(sep + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute))
            {
                // "06.30" alone is a decimal; it is a time with "uur"/"u", a colon, or "om" before it.
                var cue = (next < N && w[next] is "uur" or "u" or "uhr" or "h") || token[sep] == ':' || (i > 0 && w[i - 1] is "om" or "at" or "um");
                if (!cue)
                {
                    return false;
                }
            }
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && next < N && w[next] is "uur" or "uhr" or "o'clock" && i > 0 && w[i - 1] is "om" or "at" or "um" or "tegen" or "rond")
            {
                minute = 0;
            }
            else
            {
                return false;
            }

            if (hour > 24 || minute > 59)
            {
                return false;
            }

            end = next < N && w[next] is "uur" or "u" or "uhr" or "h" or "o'clock" ? next + 1 : next;
            kind = "time";
            var time = $"T{hour:D2}:{minute:D2}";
            value = anchor is { Precision: DatePrecision.Day } a ? a.ToString() + time : "XXXX-XX-XX" + time;
            return true;
        }

        // "sinds de coronacrisis", "voor de pandemie": an event, not a date; kept with a null value
        private bool EventAnchor(int i, ref int end, ref string kind)
        {
            if (!lex.EventPrepositions.Contains(w[i]) || i + 2 >= N || w[i + 1] is not ("de" or "het" or "the" or "der" or "dem" or "den"))
            {
                return false;
            }

            var noun = w[i + 2];
            if (!lex.EventNounParts.Any(p => noun.Contains(p, StringComparison.Ordinal)))
            {
                return false;
            }

            (end, kind) = (i + 3, "event");
            return true;
        }

        // --- helpers ---

        private bool Day(int i, out int day)
        {
            day = 0;
            return i < N && tokens[i].Kind == TokenKind.Number && w[i].Length <= 2
                && int.TryParse(w[i], NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
        }

        private bool IsYear(int i, out int year)
        {
            year = 0;
            return i < N && tokens[i].Kind == TokenKind.Number && w[i].Length == 4
                && int.TryParse(w[i], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1800 and <= 2099;
        }

        private bool Number(int i, out int n)
        {
            if (tokens[i].Kind == TokenKind.Number && int.TryParse(w[i], NumberStyles.None, CultureInfo.InvariantCulture, out n))
            {
                return true;
            }

            return lex.NumberWords.TryGetValue(w[i], out n);
        }

        private bool MatchVague(int i, out (int Min, int Max) count, out int next)
        {
            foreach (var (parts, range) in lex.VaguePhrases)
            {
                var all = i + parts.Length <= N;
                for (var k = 0; all && k < parts.Length; k++)
                {
                    all = w[i + k] == parts[k];
                }

                if (all)
                {
                    (count, next) = (range, i + parts.Length);
                    return true;
                }
            }

            (count, next) = ((0, 0), i);
            return false;
        }

        private (int? Year, int End) OptionalYear(int i) => IsYear(i, out var y) ? (y, i + 1) : (null, i);

        private int SkipDot(int i) => i < N && w[i] == "." ? i + 1 : i;

        private int SkipJoiner(int i)
        {
            if (i + 2 < N && w[i] == "tot" && w[i + 1] == "en" && w[i + 2] == "met")
            {
                return i + 3;
            }

            if (i + 2 < N && w[i] == "t" && w[i + 1] == "/" && w[i + 2] == "m")
            {
                return i + 3;
            }

            return i < N && lex.RangeJoiners.Contains(w[i]) ? i + 1 : i;
        }

        // "mei" and "may" are also words ("May" as a verb in English, "Mai"); a capital or a number nearby decides.
        private bool IsAmbiguousMonth(int i)
            => w[i] is "may" or "mar" or "jan" or "dec" or "sep" or "aug" or "nov" or "mai" && !char.IsUpper(text[tokens[i].Start]);

        private int WeekdayOf(string word)
        {
            if (lex.Weekdays.TryGetValue(word, out var d))
            {
                return d;
            }

            // vrijdagochtend, dinsdagavond, Dienstagabend
            foreach (var (name, day) in lex.Weekdays)
            {
                if (word.Length > name.Length && word.StartsWith(name, StringComparison.Ordinal)
                    && word[name.Length..] is "ochtend" or "middag" or "avond" or "nacht" or "morgen" or "abend" or "nachmittag" or "vormittag" or "mittag" or "night" or "morning")
                {
                    return day;
                }
            }

            return 0;
        }

        /// <summary>The year of a month named without one: the anchor's year, moved to the nearest occurrence.</summary>
        private int? InferYear(int month)
        {
            if (anchor is not { } a)
            {
                return null;
            }

            if (a.Precision == DatePrecision.Year)
            {
                return a.Year;
            }

            var diff = month - a.Month;
            return diff > 6 ? a.Year - 1 : diff < -6 ? a.Year + 1 : a.Year;
        }

        private string? ResolveWeekday(int weekday, int? direction)
        {
            if (anchor is not { } a)
            {
                return null;
            }

            if (a.Precision == DatePrecision.Day)
            {
                var d = a.Start;
                var delta = (weekday - (int)IsoDay(d) + 7) % 7;
                if (direction is > 0)
                {
                    return Iso(d.AddDays(delta == 0 ? 7 : delta));
                }

                if (direction is < 0)
                {
                    var back = ((int)IsoDay(d) - weekday + 7) % 7;
                    return Iso(d.AddDays(-(back == 0 ? 7 : back)));
                }

                if (delta == 0)
                {
                    return Iso(d);
                }

                // Without "komende"/"afgelopen" the day is the last or the next one: say both, invent neither.
                return $"{Iso(d.AddDays(delta - 7))}/{Iso(d.AddDays(delta))}";
            }

            // A month or year: the first and last such weekday in the period it could fall in.
            var start = a.Start.AddDays(direction is < 0 ? -7 : 0);
            var end = a.End.AddDays(direction is > 0 ? 7 : 0);
            var first = start.AddDays((weekday - (int)IsoDay(start) + 7) % 7);
            var last = end.AddDays(-(((int)IsoDay(end) - weekday + 7) % 7));
            return $"{Iso(first)}/{Iso(last)}";
        }

        private string? Shift(string unit, int direction, out string kind)
        {
            kind = "date";
            if (anchor is not { } a)
            {
                return null;
            }

            switch (unit)
            {
                case "year":
                    return (a.Year + direction).ToString("D4", CultureInfo.InvariantCulture);
                case "month" when a.Precision >= DatePrecision.Month:
                    var m = new DateOnly(a.Year, a.Month, 1).AddMonths(direction);
                    return $"{m.Year:D4}-{m.Month:D2}";
                case "week":
                    kind = "week";
                    if (a.Precision == DatePrecision.Day)
                    {
                        return IsoWeek(a.Start.AddDays(7 * direction));
                    }

                    // Still a week, but which one the coarse anchor cannot say: every week it could be.
                    var from = Monday(a.Start).AddDays(7 * direction);
                    var to = Monday(a.End).AddDays((7 * direction) + 6);
                    return $"{Iso(from)}/{Iso(to)}";
                case "weekend" when a.Precision == DatePrecision.Day:
                    var saturday = Monday(a.Start).AddDays(5 + (7 * direction));
                    kind = "interval";
                    return $"{Iso(saturday)}/{Iso(saturday.AddDays(1))}";
                case "day":
                    return ShiftDays(a, direction);
                default:
                    return null;
            }
        }

        private static string ShiftDays(PartialDate a, int days)
            => a.Precision == DatePrecision.Day ? Iso(a.Start.AddDays(days)) : $"{Iso(a.Start.AddDays(days))}/{Iso(a.End.AddDays(days))}";

        /// <summary>A value moved by [min, max] units; a point when min = max and the unit is as fine as the value.</summary>
        private static string? OffsetFrom(string value, string unit, int min, int max)
        {
            var from = value.Contains('/', StringComparison.Ordinal) ? value[..value.IndexOf('/', StringComparison.Ordinal)] : value;
            var to = value.Contains('/', StringComparison.Ordinal) ? value[(value.IndexOf('/', StringComparison.Ordinal) + 1)..] : value;
            var p1 = PartialDate.Parse(from);
            var p2 = PartialDate.Parse(to);
            if (!p1.Success || !p2.Success)
            {
                return null;
            }

            string Move(PartialDate p, int k) => unit switch
            {
                "year" => (p.Year + k).ToString("D4", CultureInfo.InvariantCulture),
                "month" when p.Precision >= DatePrecision.Month => Ym(new DateOnly(p.Year, p.Month, 1).AddMonths(k)),
                "month" => (p.Year + (k / 12)).ToString("D4", CultureInfo.InvariantCulture),
                "week" when p.Precision == DatePrecision.Day => IsoWeek(p.Start.AddDays(7 * k)),
                "day" when p.Precision == DatePrecision.Day => Iso(p.Start.AddDays(k)),
                _ => k < 0 ? Iso(p.Start.AddDays(k * UnitDays(unit))) : Iso(p.End.AddDays(k * UnitDays(unit))),
            };

            var a = Move(p1.Value, min);
            var b = Move(p2.Value, max);
            return a == b ? a : $"{a}/{b}";
        }

        private static int UnitDays(string unit) => unit switch
        {
            "week" => 7,
            "month" => 30,
            "year" => 365,
            _ => 1,
        };

        private static bool Valid(int year, int month, int day) => day <= DateTime.DaysInMonth(year, month);

        private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

        private static DateOnly Monday(DateOnly d) => d.AddDays(1 - IsoDay(d));

        private static string IsoWeek(DateOnly d)
        {
            var t = d.ToDateTime(TimeOnly.MinValue);
            return $"{ISOWeek.GetYear(t):D4}-W{ISOWeek.GetWeekOfYear(t):D2}";
        }

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Ym(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        private static string Ymd(int y, int m, int d) => $"{y:D4}-{m:D2}-{d:D2}";
    }
}
