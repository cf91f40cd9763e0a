using System.Globalization;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Times;

/// <summary>A time expression: its span, its TIMEX3-style value (null when it cannot be resolved) and its kind.</summary>
/// <param name="Value">The TIMEX3-style value as written to JSON; code computes on <see cref="Days"/>, <see cref="Clock"/> and <see cref="Kind"/>.</param>
/// <param name="PinnedBy">Set on a story's timeline only: the day-dated article of the story that pinned a day word
/// of an article dated by month ("dinsdag" in a September article → the Tuesday of the wire copy's week).</param>
public readonly record struct TimeMention(int Start, int End, string? Value, TimeKind Kind, string? Mod = null, string? PinnedBy = null)
{
    /// <summary>The calendar days a resolved calendar expression covers; null for clock times, durations, sets, events and unresolved values.</summary>
    public TimexRange? Days { get; init; }

    /// <summary>The clock time an expression names (the start of a span), when it names one.</summary>
    public TimeOnly? Clock { get; init; }

    /// <summary>Builds a mention with its typed values read once from the value the extractor wrote.</summary>
    public static TimeMention Create(int start, int end, string? value, TimeKind kind, string? mod = null, string? pinnedBy = null)
    {
        TimexRange? days = kind.IsCalendar() && TimexRange.TryParse(value, out var r) ? r : null;
        TimeOnly? clock = kind.IsClock() && TimexReading.Read(value) is { StartTime: { } t } ? t : null;
        return new TimeMention(start, end, value, kind, mod, pinnedBy) { Days = days, Clock = clock };
    }
}

/// <summary>
/// Finds time expressions and resolves them against the article date, keeping the precision that is really
/// known: in an article dated 2023-09, "in juli" is 2023-07, "vandaag" is 2023-09 (not an invented day),
/// "dinsdag" is the interval from the first to the last Tuesday of September, and "een paar maanden later"
/// is resolved from the expression before it. Rules are tried longest first at each token; the words come
/// from a <see cref="TimeLexicon"/> per language. Immutable and thread-safe.
/// </summary>
public sealed partial class TimeExpressionExtractor
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

        // A date in the calendar's first or last year cannot be counted from: "volgende week" of a date in 9999 is no
        // date, and shifting it threw (found by the random-anchor property). Such an article is read as undated.
        if (articleDate is { } d && (d.Start.Year <= 1 || d.End.Year >= DateOnly.MaxValue.Year))
        {
            articleDate = null;
        }

        var scan = new Scan(text, tokens, words, lex, articleDate);
        var hits = new List<Hit>();
        var i2 = 0;
        while (i2 < tokens.Count)
        {
            if (scan.MayStart(i2) && (scan.TryRange(i2, out var hit) || scan.TryAtom(i2, out hit)))
            {
                hits.Add(hit);
                if (hit.Value is not null && hit.Kind is not (TimeKind.Time or TimeKind.Event or TimeKind.Duration or TimeKind.Set or TimeKind.TimeRange))
                {
                    scan.ContextChanged();
                    scan.Previous = hit.Value;
                    scan.PreviousKind = hit.Kind;
                    scan.PreviousEnd = hit.End;
                    if (hit.Year is { } y)
                    {
                        scan.PreviousYear = y;
                    }
                }

                i2 = hit.End;
            }
            else
            {
                i2++;
            }
        }

        var composed = scan.MarkDateBounds(scan.ResolveClockOffsets(scan.InheritPartsOfDay(scan.Compose(hits))));
        var mentions = new List<TimeMention>(composed.Count);
        foreach (var h in composed)
        {
            mentions.Add(TimeMention.Create(tokens[h.Start].Start, tokens[h.End - 1].End, h.Value, h.Kind, h.Mod));
        }

        return mentions;
    }

    /// <summary>
    /// One expression found by a rule, over tokens [Start, End), with what composition needs as typed values: the
    /// single day it names, its clock time(s), the weekday it names, the Monday of the week it names, its explicit year.
    /// </summary>
    private readonly record struct Hit(int Start, int End, string? Value, TimeKind Kind, string? Mod = null)
    {
        public DateOnly? Day { get; init; }

        public TimeOnly? Clock { get; init; }

        public TimeOnly? ClockEnd { get; init; }

        /// <summary>An hour of 1–12 written without a part of the day: 8:00 may be 20:00.</summary>
        public bool TwelveHour { get; init; }

        public int Weekday { get; init; }

        public DateOnly? WeekMonday { get; init; }

        /// <summary>A part of the day ("'s avonds"): its TIMEX code and whether clock hours in it are afternoon hours.</summary>
        public string? PartOfDay { get; init; }

        public int? Year { get; init; }

        /// <summary>A value only a range may use ("nu", a bare hour).</summary>
        public bool RangeOnly { get; init; }

        /// <summary>A month named without a preposition, which only a range of two such months makes an expression.</summary>
        public bool BareMonthEnd { get; init; }

        /// <summary>A night named by the morning it ends in ("de nacht van zaterdag op zondag" is Sunday's night).</summary>
        public bool MorningNamed { get; init; }

        /// <summary>Minutes by which "twintig minuten later" moves the clock time named before it.</summary>
        public int? ClockOffsetMinutes { get; init; }
    }

    /// <summary>The state of one scan over an article: tokens, lexicon, anchor and the last resolved value.</summary>
    private sealed partial class Scan(string text, IReadOnlyList<Token> tokens, string[] w, TimeLexicon lex, PartialDate? anchor)
    {
        public string? Previous { get; set; }

        public TimeKind PreviousKind { get; set; }

        /// <summary>The token after the last expression that set <see cref="Previous"/>.</summary>
        public int PreviousEnd { get; set; }

        // Tokens within which "die dag", "that evening" still point at the day named last: a few sentences.
        private const int ThatDayReach = 80;

        /// <summary>
        /// The single day the text named last, within <see cref="ThatDayReach"/> tokens before <paramref name="i"/>, when it
        /// named one (not a day counted back, "twee maanden geleden").
        /// </summary>
        private DateOnly? DayNamedLast(int i)
            => i - PreviousEnd <= ThatDayReach && Previous is { } previous && PreviousKind is TimeKind.Date or TimeKind.Weekday or TimeKind.DateTime
                && TimexRange.TryParse(previous, out var range) && range.Days == 1 ? range.Start : null;

        private int N => w.Length;

        public int? PreviousYear { get; set; }

        private sbyte[]? _tense;
        private sbyte[]? _clauseTense;
        private List<(int Start, int End)>? _pastSentences;

        // Number words of the few tokens that are asked about (a word before a time word), read once each.
        private Dictionary<int, (double? Spelled, int? Ordinal)>? _numberWords;

        // The last few atoms tried: a range tries the atom at its start (and at its far end) just before the scan does;
        // an entry is stale once the context it read (the previous expression) has changed.
        private readonly (int Index, int Version, bool Ok, Hit Hit)[] _atoms = new (int, int, bool, Hit)[4];
        private int _nextAtom;
        private int _version = 1;

        public void ContextChanged() => _version++;

        /// <summary>
        /// Whether any rule can start at token <paramref name="i"/>: a head (a number, a time word of the lexicon's
        /// <see cref="TimeLexicon.HeadWords"/>, a weekday compound, a number word before a time word), or an opener
        /// (<see cref="TimeLexicon.OpenerWords"/>: "de", "van", "om", "komende"…) with a head among the next four tokens ("tussen het midden van maart"), or
        /// an event preposition before an article ("sinds de coronacrisis"). Most tokens are none of these, and skipping them
        /// keeps the thirty-odd rules off the hot path.
        /// </summary>
        public bool MayStart(int i)
        {
            if (IsHead(i))
            {
                return true;
            }

            if (lex.EventPrepositions.Contains(w[i]) && i + 1 < N && w[i + 1] is "de" or "het" or "the" or "der" or "dem" or "den")
            {
                return true;
            }

            if (!lex.OpenerWords.Contains(w[i]))
            {
                return false;
            }

            for (var k = i + 1; k < Math.Min(N, i + 5); k++)
            {
                if (IsHead(k))
                {
                    return true;
                }
            }

            return false;
        }

        // Whether each token is a head, computed once: an opener looks up to four tokens ahead, which the scan reaches next.
        private byte[]? _heads;

        private bool IsHead(int i)
        {
            _heads ??= new byte[N];
            if (_heads[i] == 0)
            {
                _heads[i] = ComputeIsHead(i) ? (byte)2 : (byte)1;
            }

            return _heads[i] == 2;
        }

        private bool ComputeIsHead(int i)
        {
            if (tokens[i].Kind == TokenKind.Number || lex.HeadWords.Contains(w[i]))
            {
                return true;
            }

            if (tokens[i].Kind != TokenKind.Word)
            {
                return false;
            }

            var word = w[i];
            // "q1", "h2-2019"
            if (word.Length >= 2 && word[0] is 'q' or 'h' && char.IsAsciiDigit(word[1]))
            {
                return true;
            }

            // "nov-feb"; "mid-October", "early-2024"
            if (word.IndexOf('-', StringComparison.Ordinal) is var dash && dash > 0 && (lex.Months.ContainsKey(word[..dash]) || (lex.Lang == "en" && lex.PartModifiers.ContainsKey(word[..dash]))))
            {
                return true;
            }

            if (WeekdayOf(word) != 0 || GenitiveWeekday(i) != 0)
            {
                return true;
            }

            // "in den achtziger Jahren": the article before it opens nothing in German, so the decade word is the head.
            if (lex.Lang == "de" && IsGermanDecadeWord(word))
            {
                return true;
            }

            // A number or ordinal in words is a head only before a time word ("vierentwintig januari", "zeven uur",
            // "drie maanden", "tweede van augustus"); most words are not read as numbers at all.
            var next = i + 1 < N ? w[i + 1] : string.Empty;
            var beforeTimeWord = lex.AfterNumberWords.Contains(next)
                || (next is "van" or "of" && i + 2 < N && lex.Months.ContainsKey(w[i + 2])) || (next is "en" && i + 2 < N && w[i + 2] is "een");
            return beforeTimeWord && (Spelled(i) is not null || OrdinalWord(i) is not null);
        }

        private double? Spelled(int k) => NumberWord(k).Spelled;

        private int? OrdinalWord(int k) => NumberWord(k).Ordinal;

        private (double? Spelled, int? Ordinal) NumberWord(int k)
        {
            _numberWords ??= [];
            if (!_numberWords.TryGetValue(k, out var read))
            {
                read = tokens[k].Kind == TokenKind.Word
                    ? (Quantities.QuantityExtractor.ParseWords(w[k], lex.Lang), Quantities.QuantityExtractor.ParseOrdinal(w[k], lex.Lang))
                    : (null, null);
                _numberWords[k] = read;
            }

            return read;
        }

        /// <summary>An atomic expression at token <paramref name="i"/>: the first rule that matches, longest rules first.</summary>
        public bool TryAtom(int i, out Hit hit)
        {
            foreach (var cached in _atoms)
            {
                if (cached.Index == i && cached.Version == _version)
                {
                    hit = cached.Hit;
                    return cached.Ok;
                }
            }

            var ok = TryAtomUncached(i, out hit);
            _atoms[_nextAtom] = (i, _version, ok, hit);
            _nextAtom = (_nextAtom + 1) % _atoms.Length;
            return ok;
        }

        private bool TryAtomUncached(int i, out Hit hit)
        {
            var (end, value, kind, mod) = (i, (string?)null, TimeKind.Date, (string?)null);
            if (NumericDate(i, out hit) || OrdinalDate(i, out hit) || Quarter(i, out hit) || Decade(i, out hit) || WeekOf(i, out hit) || SetExpression(i, out hit)
                || Holiday(i, out hit) || DirectedMonth(i, out hit) || MonthSpan(i, out hit) || DayAfterOrBefore(i, out hit) || PartOfPeriod(i, out hit) || CountedFrom(i, out hit) || DirectedSpan(i, out hit) || ClockWords(i, out hit) || PartOfDayHit(i, out hit) || ClockOffsetHit(i, out hit) || Duration(i, out hit))
            {
                return true;
            }

            var ok = DayRange(i, ref end, ref value, ref kind)
                || FullDate(i, ref end, ref value)
                || EnglishDate(i, ref end, ref value, ref kind)
                || MonthYear(i, ref end, ref value, ref mod)
                || SeasonYear(i, ref end, ref value, ref kind)
                || LastNight(i, ref end, ref value)
                || Relative(i, ref end, ref value, ref kind)
                || Weekday(i, ref end, ref value, ref kind)
                || RelativeDay(i, ref end, ref value)
                || CountedOffset(i, ref end, ref value, ref kind)
                || BareMonth(i, ref end, ref value, ref mod)
                || Year(i, ref end, ref value, ref mod)
                || ClockTime(i, ref end, ref value, ref kind)
                || EventAnchor(i, ref end, ref kind);
            // "eind volgende week", "Begin vorig jaar", "late last year", "Mitte nächsten Jahres": a period with its part
            // before it, as a month or a year takes it ("eind juni", "begin 2019").
            if (ok && mod is null && IsPeriod(value, kind))
            {
                mod = PeriodPartBefore(i);
            }

            hit = ok ? Typed(new Hit(i, end, value, kind, mod)) : default;
            return ok;
        }

        /// <summary>A year, a month, a week or a season: what a part ("begin", "eind", "medio") divides.</summary>
        private static bool IsPeriod(string? value, TimeKind kind)
            => value is not null && (kind is TimeKind.Week or TimeKind.Season || (kind == TimeKind.Date && value.Length is 4 or 7));

        /// <summary>The part a modifier just before token <paramref name="i"/> names ("eind", "early", "Mitte"), unless the Dutch word is a verb ("ik begin").</summary>
        private string? PeriodPartBefore(int i)
            => i > 0 && lex.PartModifiers.TryGetValue(w[i - 1], out var part) && !(i > 1 && w[i - 2] == "ik") ? part : null;

        // "van 10 tot 13 september (2023)", "10-13 september", "10 t/m 13 september"
        private bool DayRange(int i, ref int end, ref string? value, ref TimeKind kind)
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

            // German writes a day as an ordinal with a dot: "vom 3. bis 5. Dezember".
            var afterDay = lex.Lang == "de" ? SkipDot(k + 1) : k + 1;
            var j = SkipJoiner(afterDay);
            // A score at the end of a text ("met 1-3.") has nothing after its dot.
            var m = SkipDot(j + 1);
            if (j == afterDay || !Day(j, out var d2) || m >= N || !lex.Months.TryGetValue(w[m], out var month))
            {
                return false;
            }

            var (year, e) = OptionalYear(m + 1);
            year ??= InferYear(month, MonthTense(i));
            if (year is null || d2 < d1 || !Valid(year.Value, month, d2))
            {
                return false;
            }

            (end, value, kind) = (e, $"{Ymd(year.Value, month, d1)}/{Ymd(year.Value, month, d2)}", TimeKind.Interval);
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

            // "12 okt. 2023": the abbreviation's dot is skipped only when a year follows it; so is a comma ("12 januari, 2016").
            var afterMonth = m + 1 < N && w[m + 1] == "," ? m + 2 : m + 2 < N && w[m + 1] is "in" or "van" && IsYear(m + 2, out _) ? m + 2 : SkipDot(m + 1);
            var (year, e) = OptionalYear(afterMonth);
            if (year is null)
            {
                e = m + 1;
                year = InferYear(month, MonthTense(i)) is { } inferred ? YearWithWeekday(WeekdayBefore(i), month, day, inferred) : null;
            }

            if (!Valid(year ?? 2000, month, day))
            {
                return false;
            }

            (end, value) = (e, year is null ? $"XXXX-{month:D2}-{day:D2}" : Ymd(year.Value, month, day));
            return true;
        }

        // English "September 10, 2023", "July 4"
        private bool EnglishDate(int i, ref int end, ref string? value, ref TimeKind kind)
        {
            // "December 5", "December 5th" (a day in digits, with or without its ordinal ending); "Nov. 3", "Sept. 12":
            // AP style abbreviates the month with a dot.
            if (lex.Lang != "en" || !lex.Months.TryGetValue(w[i], out var month) || i + 1 >= N || IsAmbiguousMonth(i))
            {
                return false;
            }

            var d = w[i + 1] == "." && w[i].Length <= 4 && tokens[i + 1].Start == tokens[i].End && i + 2 < N ? i + 2 : i + 1;
            if (!(Day(d, out var day) || (tokens[d].Kind == TokenKind.Number && DayWord(d, out day, out var ordinal) && ordinal)))
            {
                return false;
            }

            // "November 19-20", "Dec. 3-4": a range of days in one month.
            var lastDay = day;
            var afterDay = d + 1;
            if (afterDay + 1 < N && w[afterDay] is "-" or "–" && Day(afterDay + 1, out var day2) && day2 > day)
            {
                (lastDay, afterDay) = (day2, afterDay + 2);
            }

            var k = afterDay < N && w[afterDay] == "," ? afterDay + 1 : afterDay;
            var (year, e) = OptionalYear(k);
            if (year is null)
            {
                e = afterDay;
                year = InferYear(month, MonthTense(i)) is { } inferred ? YearWithWeekday(WeekdayBefore(i), month, day, inferred) : null;
            }

            if (!Valid(year ?? 2000, month, day) || !Valid(year ?? 2000, month, lastDay))
            {
                return false;
            }

            end = e;
            if (lastDay != day)
            {
                kind = TimeKind.Interval;
                value = year is null ? null : $"{Ymd(year.Value, month, day)}/{Ymd(year.Value, month, lastDay)}";
                return value is not null;
            }

            value = year is null ? $"XXXX-{month:D2}-{day:D2}" : Ymd(year.Value, month, day);
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

            // "2017 april": the year first.
            if (m0 is null && IsYear(k, out var y0) && k + 1 < N && lex.Months.TryGetValue(w[k + 1], out var m1) && !IsAmbiguousMonth(k + 1) && !(k + 2 < N && IsYear(k + 2, out _)))
            {
                (end, value) = (k + 2, $"{y0:D4}-{m1:D2}");
                return true;
            }

            if (k >= N || !lex.Months.TryGetValue(w[k], out var month) || k + 1 >= N || !IsYear(k + 1, out var year))
            {
                return false;
            }

            (end, value, mod) = (k + 2, $"{year:D4}-{month:D2}", m0);
            return true;
        }

        // "zomer 2021", "de zomer van 2021", "deze zomer", "vorige winter"
        private bool SeasonYear(int i, ref int end, ref string? value, ref TimeKind kind)
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

            kind = TimeKind.Season;
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

            (end, value) = (k + 1, anchor is { } a ? $"{SeasonYearOf(a, season, direction):D4}-{season}" : null);
            return true;
        }

        /// <summary>
        /// The year of a season named from the article date, meteorological seasons as TIMEX reads them (spring from March,
        /// winter from December into the next year): "afgelopen zomer" written in October is this year's summer, in July
        /// last year's; "komende zomer" in March is this year's; "deze winter" in February began the December before.
        /// A coarse article date counts from its first day.
        /// </summary>
        private static int SeasonYearOf(PartialDate anchor, string season, int? direction)
        {
            var firstMonth = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            var from = anchor.Start;
            var year = from.Year;
            switch (direction)
            {
                case < 0:
                    // The last one that has ended.
                    while (year > 1 && new DateOnly(year, firstMonth, 1).AddMonths(3) > from)
                    {
                        year--;
                    }

                    return year;
                case > 0:
                    // The next one to begin.
                    return new DateOnly(year, firstMonth, 1) > from ? year : year + 1;
                default:
                    return firstMonth == 12 && from.Month <= 2 ? year - 1 : year;
            }
        }

        // "komende week", "vorige maand", "vorig jaar", "dit jaar", "next week", "letzte Woche"
        private bool Relative(int i, ref int end, ref string? value, ref TimeKind kind)
        {
            // "later op de dag", "eerder op de dag", "earlier in the day", "später am Tag": the day named last, else the article's.
            if (w[i] is "later" or "eerder" or "earlier" or "später" or "früher" && i + 3 < N
                && ((w[i + 1] is "op" or "in" && w[i + 2] is "de" or "the" && w[i + 3] is "dag" or "day") || (w[i + 1] == "am" && w[i + 2] == "tag"))
                && (DayNamedLast(i) ?? (anchor is { Precision: DatePrecision.Day } own ? own.Start : null)) is { } sameDay)
            {
                end = w[i + 1] == "am" ? i + 3 : i + 4;
                (value, kind) = (Iso(sameDay), TimeKind.Date);
                return true;
            }

            // "later die dag", "dezelfde dag", "that evening", "am selben Tag", "an jenem Abend": the day named last, with
            // the part of the day it names. Not "die dag en nacht" (a relative clause), nor without a day named before (a
            // day counted back, "twee maanden geleden", names none a text goes on about).
            // Only nouns of a part of the day: "dat morgen" and "die morgen" are "that tomorrow", "who tomorrow".
            if (w[i] is "die" or "dezelfde" or "diezelfde" or "that" or "same" or "selben" or "jenem" or "demselben" && i + 1 < N
                && (lex.Units.TryGetValue(w[i + 1], out var dayUnit) && dayUnit == "day" ? ""
                    : w[i + 1] is "ochtend" or "middag" or "namiddag" or "avond" or "nacht" or "morning" or "afternoon" or "evening" or "night" or "abend" or "nachmittag" or "vormittag" ? PartWord(w[i + 1]) : null) is { } dayPart
                && !(i + 2 < N && w[i + 2] is "en" or "na" or "op" or "in" or "and" or "after" or "und")
                && DayNamedLast(i) is { } named)
            {
                end = i + 2;
                (value, kind) = dayPart.Length == 0 ? (Iso(named), TimeKind.Date) : ($"{Iso(named)}T{dayPart}", TimeKind.DateTime);
                return true;
            }

            // "dat jaar", "dezelfde week", "dat weekend": the period of the story so far (the last explicit year, else the article's).
            if (w[i] is "dat" or "dezelfde" or "diezelfde" or "datzelfde" or "that" or "same" or "jenem" or "jenes" or "demselben" && i + 1 < N && lex.Units.TryGetValue(w[i + 1], out var sameUnit) && sameUnit is not ("day" or "century"))
            {
                end = i + 2;
                value = sameUnit == "year" && PreviousYear is { } py ? py.ToString("D4", CultureInfo.InvariantCulture) : Shift(sameUnit, 0, out kind);
                return true;
            }

            if (!lex.Directions.TryGetValue(w[i], out var dir) || i + 1 >= N || !lex.Units.TryGetValue(w[i + 1], out var unit))
            {
                return false;
            }

            end = i + 2;
            // "komend weekend", "aanstaand weekend", "kommendes Wochenende": the nearest weekend ahead, as "komende zaterdag"
            // is the nearest Saturday; on a Saturday or Sunday that is next week's.
            if (unit == "weekend" && dir > 0 && w[i] is "komend" or "komende" or "aankomend" or "aankomende" or "aanstaand" or "aanstaande" or "kommendes" or "kommende" or "kommenden"
                && anchor is { Precision: DatePrecision.Day } a)
            {
                dir = IsoDay(a.Start) >= 6 ? 1 : 0;
            }

            value = Shift(unit, dir, out kind);
            return true;
        }

        // "dinsdag", "komende dinsdag", "vrijdagochtend", "on Tuesday", "am Dienstag"
        private bool Weekday(int i, ref int end, ref string? value, ref TimeKind kind)
        {
            var k = i;
            var dir = 0;
            var hasDirection = false;
            if (lex.Directions.TryGetValue(w[k], out var d) && k + 1 < N)
            {
                (dir, hasDirection, k) = (d, true, k + 1);
            }

            var weekday = WeekdayOf(w[k]);
            if ((weekday == 0 && (weekday = GenitiveWeekday(k)) == 0) || InAName(k))
            {
                return false;
            }

            end = k + 1;
            kind = TimeKind.Weekday;
            var directionAt = hasDirection ? i : SharedDirection(i);
            if (!hasDirection && directionAt >= 0)
            {
                (dir, hasDirection) = (lex.Directions[w[directionAt]], true);
            }

            // "volgende vrijdag" is Friday of next week, "vorige woensdag" Wednesday of last week;
            // "komende"/"aanstaande"/"afgelopen" are the nearest one ahead or behind.
            var ofWeek = hasDirection && w[directionAt] is "volgende" or "vorige" or "volgend" or "vorig" or "nächsten" or "nächste" or "letzten" or "vorigen";
            if (ofWeek && anchor is { Precision: DatePrecision.Day } a)
            {
                var day = Monday(a.Start).AddDays((7 * dir) + weekday - 1);
                (kind, value) = (TimeKind.Date, Iso(day));
                return true;
            }

            if (!hasDirection && anchor is { Precision: DatePrecision.Day } a2)
            {
                // The sentence's tense decides: "Maandag zei de minister" is the last Monday; a present tense in news
                // announces ("De Kamer stemt dinsdag"): the coming one (but see WeekdayTense).
                value = Iso(PinWeekday(weekday, a2.Start, WeekdayTense(i) < 0 ? -1 : 1));
                return true;
            }

            value = ResolveWeekday(weekday, hasDirection ? dir : null);
            if (hasDirection && anchor is { Precision: DatePrecision.Day })
            {
                // "komende maandag" names its day: a date, not a weekday left to the sentence.
                kind = TimeKind.Date;
            }

            return true;
        }

        /// <summary>
        /// A Dutch weekday written with a capital right after a given name is a surname ("woordvoerder Jolanda Zondag"). Not
        /// after any capitalised word: letters pages run a heading into the next sentence ("Vervuiling Zaterdag stond er …").
        /// </summary>
        private bool InAName(int k)
            => lex.Lang == "nl" && k > 0 && char.IsUpper(text[tokens[k].Start]) && tokens[k - 1].Kind == TokenKind.Word
                && Chorus.Core.Entities.PersonGender.OfName(text[tokens[k - 1].Start..tokens[k - 1].End]) != Chorus.Core.Entities.Gender.Unknown;

        /// <summary>
        /// The direction word a list of weekdays shares ("afgelopen vrijdag en zaterdag", "komende maandag, dinsdag of
        /// woensdag"): its position before the weekday at <paramref name="i"/>, or −1.
        /// </summary>
        private int SharedDirection(int i)
        {
            var j = i - 1;
            if (j < 1 || w[j] is not ("en" or "of" or "and" or "or" or "und" or "oder" or ","))
            {
                return -1;
            }

            var weekdays = 0;
            for (j--; j >= 0 && (WeekdayOf(w[j]) != 0 || w[j] == ","); j--)
            {
                weekdays += w[j] == "," ? 0 : 1;
            }

            return weekdays > 0 && j >= 0 && lex.Directions.ContainsKey(w[j]) ? j : -1;
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

        // "last night": English names yesterday's night by a direction word (its part is added when the hit is typed).
        private bool LastNight(int i, ref int end, ref string? value)
        {
            if (lex.Lang != "en" || w[i] != "last" || i + 1 >= N || w[i + 1] != "night")
            {
                return false;
            }

            end = i + 2;
            value = anchor is { } a ? ShiftDays(a, -1) : null;
            return true;
        }

        // "drie dagen geleden", "een paar maanden later", "two weeks ago", "vor drei Tagen"
        private bool CountedOffset(int i, ref int end, ref string? value, ref TimeKind kind)
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
            kind = TimeKind.Offset;
            if (ahead && w[i] == "in" && LooksBack(i))
            {
                return false;
            }

            if (ahead)
            {
                end = next + 1;
                value = anchor is { } a0 ? ExactDay(a0, unit, min, max, 1) ?? OffsetFrom(a0.ToString(), unit, min, max) : null;
                return true;
            }

            if (germanVor || lex.Ago.ContainsKey(relation))
            {
                end = germanVor ? next + 1 : next + 2;
                value = anchor is { } a ? ExactDay(a, unit, min, max, -1) ?? OffsetFrom(a.ToString(), unit, -max, -min) : null;
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

        /// <summary>
        /// Whether "in" at <paramref name="i"/> opens a stretch looked back over rather than a day ahead: a superlative, a
        /// first, an only or a none earlier in its clause ("the highest level in 57 years", "its first loss in five years",
        /// "one trading loss in four years", "der höchste Stand in 50 Jahren", "zum ersten Mal in fünf Jahren"). Read
        /// ahead, "Transit Has Hit Its Highest Point In 50 Years" was a day fifty years after the article.
        /// </summary>
        private bool LooksBack(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - 8; k--)
            {
                var word = w[k];
                if (word is "." or ";" or ":" or "," or "!" or "?" || lex.FutureWords.Contains(word) || lex.AheadModals.Contains(word))
                {
                    return false;
                }

                if (lex.LookBackCues.Contains(word) || Superlative(k))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An English superlative ("highest", "deadliest") or a German one in lower case ("höchsten", "größte").</summary>
        private bool Superlative(int k)
        {
            var word = w[k];
            return lex.Lang switch
            {
                "en" => word.Length >= 6 && word.EndsWith("est", StringComparison.Ordinal) && !lex.NotSuperlatives.Contains(word),
                "de" => word.Length >= 6 && char.IsLower(tokens[k].Of(text)[0])
                    && (word.EndsWith("ste", StringComparison.Ordinal) || word.EndsWith("sten", StringComparison.Ordinal) || word.EndsWith("stes", StringComparison.Ordinal)),
                _ => false,
            };
        }

        /// <summary>
        /// A count of minutes or hours later or earlier ("twintig minuten later", "een half uur eerder", "two hours later",
        /// "eine halbe Stunde später"): it keeps its signed minutes, and <see cref="ResolveClockOffsets"/> moves the clock
        /// time named just before by them. Minutes from now ("over vijf minuten", "een uur geleden") are left alone: an
        /// article has a day, not a clock time to count from.
        /// </summary>
        private bool ClockOffsetHit(int i, out Hit hit)
        {
            hit = default;
            if (ClockCount(i) is not { } count || count.End >= N || !lex.LaterEarlier.TryGetValue(w[count.End], out var sign))
            {
                return false;
            }

            hit = new Hit(i, count.End + 1, null, TimeKind.Offset) { ClockOffsetMinutes = sign * count.Minutes };
            return true;
        }

        /// <summary>
        /// Minutes in a count of minutes or hours at <paramref name="k"/> ("twintig minuten", "twee uur", "een half uur",
        /// "half an hour", "eine halbe Stunde", "anderhalf uur", "een kwartier") and the token after its unit.
        /// </summary>
        private (int Minutes, int End)? ClockCount(int k)
        {
            if (k + 2 < N && w[k] is "een" or "a" or "eine" && w[k + 1] is "half" or "halve" or "halbe" && w[k + 2] is "uur" or "stunde")
            {
                return (30, k + 3);
            }

            if (k + 2 < N && w[k] is "half" && w[k + 1] is "an" && w[k + 2] is "hour")
            {
                return (30, k + 3);
            }

            if (k + 1 < N && w[k] is "anderhalf" && w[k + 1] is "uur")
            {
                return (90, k + 2);
            }

            if (k + 1 >= N || !Number(k, out var n) || n is <= 0 or > 48 * 60)
            {
                return null;
            }

            return w[k + 1] switch
            {
                "uur" or "uren" or "hour" or "hours" or "stunde" or "stunden" when n <= 48 => (n * 60, k + 2),
                "minuut" or "minuten" or "minute" or "minutes" => (n, k + 2),
                "kwartier" when n <= 8 => (n * 15, k + 2),
                _ => null,
            };
        }

        /// <summary>
        /// Marks a date after a word that bounds it as a bound: BEFORE after "vóór", "uiterlijk", "before", "vor (dem)",
        /// "spätestens"; AFTER after "na", "after", "nach (dem)". An end or a start point is no bound: "tot 2029", "until
        /// 2028", "bis 2030", "sinds 2016", "seit Montag" name one day, and two sources naming two disagree. Dutch "voor"
        /// is "for" as often as "before" ("het budget voor 2025", "gepland voor 23 april"): it bounds only after an adverb
        /// that reads it as "before" ("nog voor de zomer", "al voor 8 april"); opening a sentence it is mostly "for" ("Voor
        /// dit jaar wordt…", "Voor juni staan er…": DPG 2019). Clock times carry
        /// their own bounds (<see cref="TimeLexicon.ClockBoundAdverbs"/>).
        /// </summary>
        public List<Hit> MarkDateBounds(List<Hit> hits)
        {
            for (var h = 0; h < hits.Count; h++)
            {
                var hit = hits[h];
                if (hit.Mod is not null || hit.Value is null || hit.Kind is not (TimeKind.Date or TimeKind.Interval or TimeKind.Season or TimeKind.Week or TimeKind.Weekday) || hit.Start == 0)
                {
                    continue;
                }

                // "voor de zomer", "vor dem 1. Oktober", "nach dem 3. März": an article between the bound and the day.
                var b = hit.Start - 1;
                if (w[b] is "de" or "het" or "the" or "zum" or "dem" or "den" or "der" && b > 0)
                {
                    b--;
                }

                var bound = w[b] switch
                {
                    "vóór" or "uiterlijk" or "before" or "vor" or "spätestens" => "BEFORE",
                    "na" or "after" or "nach" => "AFTER",
                    "voor" when b > 0 && w[b - 1] is "nog" or "al" or "ruim" or "kort" or "vlak" or "net" or "ver" or "lang" or "pas" or "uiterlijk" => "BEFORE",
                    _ => null,
                };

                if (bound is not null)
                {
                    hits[h] = hit with { Mod = bound };
                }
            }

            return hits;
        }

        /// <summary>How far (in tokens) a clock time reaches to be moved by "twintig minuten later": about two sentences.</summary>
        private const int ClockOffsetReach = 40;

        /// <summary>
        /// Moves the clock time named last before each "twintig minuten later" (within <see cref="ClockOffsetReach"/> tokens)
        /// by its minutes, once every other value is final: "Om 06.30 uur … Twintig minuten later" is 06:50 of that day.
        /// Without such a clock time the offset stays unresolved.
        /// </summary>
        public List<Hit> ResolveClockOffsets(List<Hit> hits)
        {
            for (var h = 0; h < hits.Count; h++)
            {
                if (hits[h].ClockOffsetMinutes is not { } minutes)
                {
                    continue;
                }

                for (var b = h - 1; b >= 0 && hits[h].Start - hits[b].End <= ClockOffsetReach; b--)
                {
                    if (hits[b].Value is { Length: 16 } v && v[10] == 'T'
                        && DateTime.TryParseExact(v, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
                    {
                        hits[h] = hits[h] with { Value = clock.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), Kind = TimeKind.DateTime };
                        break;
                    }
                }
            }

            return hits;
        }

        // "in juli", "sinds maart", "eind augustus", "im Juli"
        private bool BareMonth(int i, ref int end, ref string? value, ref string? mod)
        {
            // "mid-October", "early-March", "mid-2024": English joins the modifier with a hyphen.
            if (lex.Lang == "en" && w[i].IndexOf('-', StringComparison.Ordinal) is var dash && dash > 0 && lex.PartModifiers.TryGetValue(w[i][..dash], out var joined))
            {
                var rest = w[i][(dash + 1)..];
                if (lex.Months.TryGetValue(rest, out var m))
                {
                    (end, mod) = (i + 1, joined);
                    var y = InferYear(m, MonthTense(i));
                    value = y is null ? $"XXXX-{m:D2}" : $"{y:D4}-{m:D2}";
                    return true;
                }

                if (rest.Length == 4 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && yy is >= 1000 and <= 2999)
                {
                    (end, mod, value) = (i + 1, joined, rest);
                    return true;
                }

                return false;
            }

            if (!lex.Months.TryGetValue(w[i], out var month) || IsAmbiguousMonth(i))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            var after = i + 1 < N ? w[i + 1] : string.Empty;
            var yearAfter = i + 2 < N && lex.Units.TryGetValue(w[i + 2], out var unitAfter) && unitAfter == "year" && (lex.Directions.ContainsKey(after) || after is "van" or "of");
            // "planned for November", "für Juli geplant": a month after "for" is a date (not taken as a year's preposition,
            // where "for 2000 people" is no year).
            if (!lex.Prepositions.Contains(before) && !lex.PartModifiers.ContainsKey(before) && !yearAfter && before is not ("for" or "für"))
            {
                return false;
            }

            mod = PeriodPartBefore(i);
            var year = InferYear(month, MonthTense(i));
            end = i + 1;
            // "juni vorig jaar", "mei van dat jaar", "maart volgend jaar": the year comes from the words after.
            if (end + 1 < N && lex.Directions.TryGetValue(w[end], out var dir) && lex.Units.TryGetValue(w[end + 1], out var u) && u == "year" && anchor is { } a)
            {
                (year, end) = (a.Year + dir, end + 2);
            }
            else if (end + 2 < N && w[end] is "van" or "of" or "des" && w[end + 1] is "dat" or "dit" or "that" or "jenes" or "dieses" && lex.Units.TryGetValue(w[end + 2], out var u2) && u2 == "year")
            {
                year = w[end + 1] is "dit" or "dieses" ? anchor?.Year : PreviousYear ?? year;
                end += 3;
            }
            else if (end + 1 < N && w[end] is "van" or "in" && IsYear(end + 1, out var explicitYear))
            {
                (year, end) = (explicitYear, end + 2);
            }

            value = year is null ? $"XXXX-{month:D2}" : $"{year:D4}-{month:D2}";
            return true;
        }

        // "in 2019", "sinds 2019", "begin 2019"; a four-digit number only counts after a time preposition
        private bool Year(int i, ref int end, ref string? value, ref string? mod)
        {
            if (!IsYear(i, out var year) && !FarYear(i, out year))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            var after = i + 1 < N ? w[i + 1] : string.Empty;
            var temporal = lex.Prepositions.Contains(before) || lex.PartModifiers.ContainsKey(before) || before is "jaar" or "year" or "jahr" or "het" or "anno"
                || (before is "en" or "of" or "and" or "or" or "und" or "oder" && i >= 2 && IsYear(i - 2, out _) && i >= 3 && (lex.Prepositions.Contains(w[i - 3]) || IsYear(i - 3, out _)))
                || GermanYearBeforeParticiple(i);
            if (!temporal || (lex.Units.ContainsKey(after) && after is not "jaar" and not "year"))
            {
                return false;
            }

            mod = PeriodPartBefore(i);
            (end, value) = (i + 1, year.ToString("D4", CultureInfo.InvariantCulture));
            return true;
        }

        // German writes the year of a past fact bare between a finite verb and the participle ("Das Haus wurde 1974
        // errichtet", "war 1921 gegründet worden", "ist 1998 eröffnet worden"): the word after the number in lower case is
        // no noun it counts (German capitalises nouns). The verbs are the lexicon's auxiliaries and simple pasts.
        private bool GermanYearBeforeParticiple(int i)
            => lex.Lang == "de" && IsYear(i, out _) && i > 0 && i + 1 < N && tokens[i + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[i + 1].Start])
                && (lex.PerfectAuxiliaries.Contains(w[i - 1]) || lex.PastWords.Contains(w[i - 1]) || lex.FutureWords.Contains(w[i - 1]));

        /// <summary>
        /// A year outside <see cref="IsYear"/>'s range (1000–1799, 2100–2999): only after a word that makes a number a
        /// year ("in 2100", "sinds 1648", "anno 1500", "im Jahr 1500", "by 2150", "bis 2100") and before nothing it could
        /// count: the end of a clause, or a word that is no noun (a function word, a Dutch verb or adverb, a German word in
        /// lower case). "In 1500 huizen", "tot 1500 euro" and "steeg tot 1500." stay counts.
        /// </summary>
        private bool FarYear(int i, out int year)
        {
            year = 0;
            if (i == 0 || tokens[i].Kind != TokenKind.Number || w[i].Length != 4
                || !int.TryParse(w[i], NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1000 or > 2999)
            {
                return false;
            }

            var before = w[i - 1];
            // Only words the year rule (Year) takes as temporal: "omstreeks" and "tegen" are none there.
            var clauseEndCounts = before is "in" or "sinds" or "anno" or "since" or "seit" or "im" or "jaar" or "year" or "jahr";
            var wordOnly = before is "by" or "bis" or "until";
            if (!clauseEndCounts && !wordOnly)
            {
                return false;
            }

            // "By 2150, the sea…" opens its sentence: a count after "by" ends one ("won by 1500.").
            var opens = i == 1 || w[i - 2] is "." or "!" or "?";
            if (i + 1 >= N || w[i + 1] is "," or "." or ";" or ":" or "!" or "?" or ")")
            {
                return clauseEndCounts || (opens && i + 1 < N && w[i + 1] == ",");
            }

            var next = w[i + 1];
            return tokens[i + 1].Kind == TokenKind.Word && (FarYearFollowers.Contains(next)
                || (lex.Lang == "nl" && Quantities.QuantityExtractor.IsDutchVerbOrAdverb(next))
                || (lex.Lang == "de" && char.IsLower(text[tokens[i + 1].Start]))
                // "werd in 1648 gesloten.": a participle that ends the clause (a noun such as "gebouwen" could look like one).
                || (clauseEndCounts && IsParticiple(next) && (i + 2 >= N || w[i + 2] is "." or "," or ";" or "!" or "?")));
        }

        // Function words after a year that no number counts ("in 1320 by a count", "in 2100 de zeespiegel").
        private static readonly HashSet<string> FarYearFollowers = new(StringComparer.Ordinal)
        {
            "de", "het", "een", "en", "of", "is", "was", "werd", "wordt", "zal", "zou", "moet", "zijn", "waren", "er", "al", "nog", "ook", "pas", "door",
            "the", "a", "an", "and", "or", "is", "was", "were", "will", "would", "by", "it", "there", "he", "she", "they", "we", "when",
        };

        // "om 06.30 uur", "18:00", "6 uur"
        private bool ClockTime(int i, ref int end, ref string? value, ref TimeKind kind)
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

            var second = 0;
            // "19:56:30": seconds after the minutes.
            if (next + 1 < N && token.Contains(':', StringComparison.Ordinal) && w[next] == ":" && tokens[next].Start == tokens[next - 1].End && w[next + 1].Length == 2
                && int.TryParse(w[next + 1], NumberStyles.None, CultureInfo.InvariantCulture, out second) && second < 60)
            {
                next += 2;
            }

            var sep = token.IndexOfAny(['.', ':']);
            if (sep > 0 && token.Length - sep == 3 && int.TryParse(token[..sep], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                && int.TryParse(token[(sep + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute))
            {
                // "06.30" could be a decimal in English; it is a time with "uur"/"u", a colon, a time preposition before it, or,
                // in Dutch and German (decimal comma), when nothing it could measure follows.
                var nextWord = next < N ? w[next] : ".";
                var measured = next < N && tokens[next].Kind == TokenKind.Word && nextWord is not ("uur" or "u" or "uhr" or "h" or "in" or "op" or "de" or "en" or "of" or "zou" or "moet" or "vandaag" or "morgen" or "gisteren" or "vanavond" or "vanochtend" or "vanmiddag" or "s" or "tot" or "heute" or "am" or "und" or "bis");
                var cue = nextWord is "uur" or "u" or "uhr" or "h" || token[sep] == ':' || (i > 0 && w[i - 1] is "om" or "at" or "um" or "rond" or "omstreeks" or "tegen" or "vanaf" or "na" or "tot" or "naar" or "gegen" or "ab")
                    || (lex.Lang != "en" && !measured && token[sep] == '.');
                if (!cue)
                {
                    return false;
                }
            }
            // A whole hour: "om 3 uur" needs its preposition ("drie uur" is also a duration), but German "Uhr" and English
            // "o'clock" name a time of day wherever they stand ("kurz nach 3 Uhr", "bis 18 Uhr").
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && next < N && w[next] is "uur" or "uhr" or "o'clock"
                && ((i > 0 && w[i - 1] is "om" or "at" or "um" or "tegen" or "rond") || w[next] is "uhr" or "o'clock"))
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
            kind = TimeKind.Time;
            var time = second == 0 ? $"T{hour:D2}:{minute:D2}" : $"T{hour:D2}:{minute:D2}:{second:D2}";
            value = anchor is { Precision: DatePrecision.Day } a ? a.ToString() + time : "XXXX-XX-XX" + time;
            return true;
        }

        // "sinds de coronacrisis", "voor de pandemie": an event, not a date; kept with a null value
        private bool EventAnchor(int i, ref int end, ref TimeKind kind)
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

            (end, kind) = (i + 3, TimeKind.Event);
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

        /// <summary>
        /// A German weekday in the genitive after "des" ("am Abend des Montags", "in den frühen Morgenstunden des
        /// Samstags"); "sonntags" alone is "on Sundays", a recurrence, and stays none.
        /// </summary>
        private int GenitiveWeekday(int k)
            => lex.Lang == "de" && k > 0 && w[k - 1] is "des" && w[k].Length > 6 && w[k][^1] == 's' && lex.Weekdays.TryGetValue(w[k][..^1], out var d) ? d : 0;

        private int WeekdayOf(string word)
        {
            // The shortest weekday ("monday", "montag") has six letters, the shortest compound ("montagabend") eleven:
            // this runs for most words of a text, so the lengths rule most of them out before any lookup.
            if (word.Length < 6)
            {
                return 0;
            }

            if (lex.Weekdays.TryGetValue(word, out var d))
            {
                return d;
            }

            // "Tuesday's attack"
            if (lex.Lang == "en" && word.Length >= 8 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) && lex.Weekdays.TryGetValue(word[..^2], out var possessed))
            {
                return possessed;
            }

            if (word.Length < 11)
            {
                return 0;
            }

            // vrijdagochtend, dinsdagavond, Dienstagabend: the part of the day is cut off only when the word ends in one.
            foreach (var (suffix, _) in DayPartSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && lex.Weekdays.TryGetValue(word[..^suffix.Length], out var day))
                {
                    return day;
                }
            }

            return 0;
        }

        // Parts of the day written into a word ("dinsdagavond", "vanochtend", "morgenmiddag") and their TIMEX codes.
        private static readonly (string Suffix, string Code)[] DayPartSuffixes =
            [("ochtend", "MO"), ("morgen", "MO"), ("middag", "AF"), ("avond", "EV"), ("nacht", "NI"), ("abend", "EV"), ("nachmittag", "AF"),
             ("vormittag", "MO"), ("mittag", "AF"), ("night", "NI"), ("evening", "EV"), ("morning", "MO")];

        /// <summary>
        /// The year of a month named without one. In a past-tense sentence it is the latest such month up to the
        /// article date ("In maart werd …" written in November: this March); in a future-tense sentence the next
        /// one from it; otherwise the nearest occurrence.
        /// </summary>
        private int? InferYear(int month, int tense)
        {
            if (anchor is not { } a)
            {
                return null;
            }

            if (a.Precision == DatePrecision.Year)
            {
                return a.Year;
            }

            if (tense < 0)
            {
                return month <= a.Month ? a.Year : a.Year - 1;
            }

            if (tense > 0)
            {
                return month >= a.Month ? a.Year : a.Year + 1;
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

                // Without a direction the sentence's tense decides (see Weekday).
                return Iso(PinWeekday(weekday, d, 1));
            }

            // A month or year: the first and last such weekday in the period it could fall in.
            var start = a.Start.AddDays(direction is < 0 ? -7 : 0);
            var end = a.End.AddDays(direction is > 0 ? 7 : 0);
            var first = start.AddDays((weekday - (int)IsoDay(start) + 7) % 7);
            var last = end.AddDays(-(((int)IsoDay(end) - weekday + 7) % 7));
            return $"{Iso(first)}/{Iso(last)}";
        }

        private string? Shift(string unit, int direction, out TimeKind kind)
        {
            kind = TimeKind.Date;
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
                    kind = TimeKind.Week;
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
                    kind = TimeKind.Interval;
                    return $"{Iso(saturday)}/{Iso(saturday.AddDays(1))}";
                case "day":
                    return ShiftDays(a, direction);
                default:
                    return null;
            }
        }

        /// <summary>"over twee weken", "drie maanden geleden" from a day-dated article: that day, not the week or month.</summary>
        private static string? ExactDay(PartialDate a, string unit, int min, int max, int sign)
            => a.Precision == DatePrecision.Day && min == max && AddUnits(a.Start, unit, (long)sign * min) is { } d ? Iso(d) : null;

        /// <summary>
        /// A day moved by <paramref name="n"/> days, weeks, months or years; null when the unit is none of these or the result
        /// leaves the calendar ("over 99999999 jaar" is text, not a date, and must not stop the ingest).
        /// </summary>
        private static DateOnly? AddUnits(DateOnly d, string unit, long n)
        {
            switch (unit)
            {
                case "day" or "week":
                    var day = d.DayNumber + (n * (unit == "week" ? 7 : 1));
                    return Math.Abs(n) <= 4_000_000 && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)day) : null;
                case "month":
                    var month = (d.Year * 12L) + d.Month - 1 + n;
                    return Math.Abs(n) <= 120_000 && month / 12 is >= 1 and <= 9999 ? d.AddMonths((int)n) : null;
                case "year":
                    return d.Year + n is >= 1 and <= 9999 ? d.AddYears((int)n) : null;
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

            string? Move(PartialDate p, int k) => unit switch
            {
                "year" => AddUnits(p.Start, "year", k) is { } y ? y.Year.ToString("D4", CultureInfo.InvariantCulture) : null,
                "month" when p.Precision >= DatePrecision.Month => AddUnits(p.Start, "month", k) is { } m ? Ym(m) : null,
                "month" => AddUnits(p.Start, "year", k / 12) is { } y2 ? y2.Year.ToString("D4", CultureInfo.InvariantCulture) : null,
                "week" when p.Precision == DatePrecision.Day => AddUnits(p.Start, "week", k) is { } wk ? IsoWeek(wk) : null,
                "day" when p.Precision == DatePrecision.Day => AddUnits(p.Start, "day", k) is { } dd ? Iso(dd) : null,
                _ => AddUnits(k < 0 ? p.Start : p.End, "day", (long)k * UnitDays(unit)) is { } far ? Iso(far) : null,
            };

            if (Move(p1.Value, min) is not { } a || Move(p2.Value, max) is not { } b)
            {
                return null;
            }

            return a == b ? a : $"{a}/{b}";
        }

        private static int UnitDays(string unit) => unit switch
        {
            "week" => 7,
            "month" => 30,
            "year" => 365,
            _ => 1,
        };

        // A day the calendar has; years outside 1–9999 (typed in a text, or an article date at the edge) are none.
        private static bool Valid(int year, int month, int day)
            => year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

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
