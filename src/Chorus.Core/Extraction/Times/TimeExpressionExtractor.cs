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
        var hits = new List<Hit>();
        var i2 = 0;
        while (i2 < tokens.Count)
        {
            if (scan.MayStart(i2) && (scan.TryRange(i2, out var hit) || scan.TryAtom(i2, out hit)))
            {
                hits.Add(hit);
                if (hit.Value is not null && hit.Kind is not ("time" or "event" or "duration" or "set" or "timerange"))
                {
                    scan.ContextChanged();
                    scan.Previous = hit.Value;
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

        var composed = scan.Compose(hits);
        var mentions = new List<TimeMention>(composed.Count);
        foreach (var h in composed)
        {
            mentions.Add(new TimeMention(tokens[h.Start].Start, tokens[h.End - 1].End, h.Value, h.Kind, h.Mod));
        }

        return mentions;
    }

    /// <summary>
    /// One expression found by a rule, over tokens [Start, End), with what composition needs as typed values: the
    /// single day it names, its clock time(s), the weekday it names, the Monday of the week it names, its explicit year.
    /// </summary>
    private readonly record struct Hit(int Start, int End, string? Value, string Kind, string? Mod = null)
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
    }

    /// <summary>The state of one scan over an article: tokens, lexicon, anchor and the last resolved value.</summary>
    private sealed class Scan(string text, IReadOnlyList<Token> tokens, string[] w, TimeLexicon lex, PartialDate? anchor)
    {
        public string? Previous { get; set; }

        private int N => w.Length;

        public int? PreviousYear { get; set; }

        private sbyte[]? _tense;

        // Per-token caches: a range tries an atom at every token before the scan does, and several rules read the same
        // spelled number; each is computed once per token (and atoms again only after the context they read changed).
        // Number words of the few tokens that are asked about (a word before a time word), read once each.
        private Dictionary<int, (double? Spelled, int? Ordinal)>? _numberWords;

        // The last few atoms tried: a range tries the atom at its start (and at its far end) just before the scan does.
        private readonly (int Index, int Version, bool Ok, Hit Hit)[] _atoms = new (int, int, bool, Hit)[4];
        private int _nextAtom;
        private int _version = 1;

        public void ContextChanged() => _version++;

        /// <summary>
        /// Whether any rule can start at token <paramref name="i"/>: a number, a word some rule starts with (collected from the
        /// lexicon in <see cref="TimeLexicon.StartWords"/>), a weekday compound, or a number or ordinal in words. Most words
        /// of a text are none of these, and skipping them keeps the thirty-odd rules off the hot path.
        /// </summary>
        public bool MayStart(int i)
        {
            if (tokens[i].Kind == TokenKind.Number || lex.StartWords.Contains(w[i]))
            {
                return true;
            }

            if (tokens[i].Kind != TokenKind.Word)
            {
                return w[i] is "'" or "‘" or "’" or "½" or "~";
            }

            var word = w[i];
            // "q1", "h2-2019"
            if (word.Length >= 2 && word[0] is 'q' or 'h' && char.IsAsciiDigit(word[1]))
            {
                return true;
            }

            // "nov-feb"
            if (word.IndexOf('-', StringComparison.Ordinal) is var dash && dash > 0 && lex.Months.ContainsKey(word[..dash]))
            {
                return true;
            }

            // A number or ordinal in words starts an expression only before a time word ("vierentwintig januari",
            // "zeven uur", "drie maanden", "tweede van augustus"); most words are not read as numbers at all.
            var next = i + 1 < N ? w[i + 1] : string.Empty;
            var beforeTimeWord = lex.Months.ContainsKey(next) || lex.Units.ContainsKey(next) || ClockOrDurationWord(next) || DurationUnit(i + 1) is not null
                || (next is "van" or "of" && i + 2 < N && lex.Months.ContainsKey(w[i + 2])) || (next is "en" && i + 2 < N && w[i + 2] is "een") || lex.Directions.ContainsKey(next);
            return WeekdayOf(word) != 0 || HalfWordHoliday(word) || (beforeTimeWord && (Spelled(i) is not null || OrdinalWord(i) is not null));
        }

        private static bool ClockOrDurationWord(string word) => word is "uur" or "uren" or "minuten" or "minuut" or "seconden" or "seconde" or "nachten" or "nacht"
            or "kwartier" or "o'clock" or "hours" or "hour" or "minutes" or "seconds" or "nights" or "stunden" or "stunde" or "sekunden" or "uhr";

        private bool HalfWordHoliday(string word) => lex.HolidayFirstWords.Contains(word);

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
            var (end, value, kind, mod) = (i, (string?)null, "date", (string?)null);
            if (NumericDate(i, out hit) || OrdinalDate(i, out hit) || Quarter(i, out hit) || Decade(i, out hit) || WeekOf(i, out hit) || SetExpression(i, out hit)
                || Holiday(i, out hit) || DirectedMonth(i, out hit) || MonthSpan(i, out hit) || DayAfterOrBefore(i, out hit) || PartOfPeriod(i, out hit) || CountedFrom(i, out hit) || DirectedSpan(i, out hit) || ClockWords(i, out hit) || PartOfDayHit(i, out hit) || Duration(i, out hit))
            {
                return true;
            }

            var ok = DayRange(i, ref end, ref value, ref kind)
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
            hit = ok ? Typed(new Hit(i, end, value, kind, mod)) : default;
            return ok;
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
            year ??= InferYear(month, Tense(i));
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

            // "12 okt. 2023": the abbreviation's dot is skipped only when a year follows it; so is a comma ("12 januari, 2016").
            var afterMonth = m + 1 < N && w[m + 1] == "," ? m + 2 : m + 2 < N && w[m + 1] is "in" or "van" && IsYear(m + 2, out _) ? m + 2 : SkipDot(m + 1);
            var (year, e) = OptionalYear(afterMonth);
            if (year is null)
            {
                e = m + 1;
            }

            year ??= InferYear(month, Tense(i));
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

            year ??= InferYear(month, Tense(i));
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
            // "volgende vrijdag" is Friday of next week, "vorige woensdag" Wednesday of last week;
            // "komende"/"aanstaande"/"afgelopen" are the nearest one ahead or behind.
            var ofWeek = hasDirection && w[i] is "volgende" or "vorige" or "volgend" or "vorig" or "nächsten" or "nächste" or "letzten" or "vorigen";
            if (ofWeek && anchor is { Precision: DatePrecision.Day } a)
            {
                var day = Monday(a.Start).AddDays((7 * dir) + weekday - 1);
                (kind, value) = ("date", Iso(day));
                return true;
            }

            value = ResolveWeekday(weekday, hasDirection ? dir : null);
            if (hasDirection && anchor is { Precision: DatePrecision.Day })
            {
                // "komende maandag" names its day: a date, not a weekday left to the sentence.
                kind = "date";
            }
            else if (!hasDirection && anchor is { Precision: DatePrecision.Day } a2)
            {
                // The sentence's tense decides: "Maandag zei de minister" is the last Monday; a present tense in news
                // announces ("De Kamer stemt dinsdag"): the coming one.
                var day = PinWeekday(weekday, a2.Start, Tense(i) < 0 ? -1 : 1);
                (kind, value) = ("weekday", Iso(day));
            }

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

        // "in juli", "sinds maart", "eind augustus", "im Juli"
        private bool BareMonth(int i, ref int end, ref string? value, ref string? mod)
        {
            if (!lex.Months.TryGetValue(w[i], out var month) || IsAmbiguousMonth(i))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            var after = i + 1 < N ? w[i + 1] : string.Empty;
            var yearAfter = i + 2 < N && lex.Units.TryGetValue(w[i + 2], out var unitAfter) && unitAfter == "year" && (lex.Directions.ContainsKey(after) || after is "van" or "of");
            if (!lex.Prepositions.Contains(before) && !lex.PartModifiers.ContainsKey(before) && !yearAfter)
            {
                return false;
            }

            mod = lex.PartModifiers.GetValueOrDefault(before);
            var year = InferYear(month, Tense(i));
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
            if (!IsYear(i, out var year))
            {
                return false;
            }

            var before = i > 0 ? w[i - 1] : string.Empty;
            var after = i + 1 < N ? w[i + 1] : string.Empty;
            var temporal = lex.Prepositions.Contains(before) || lex.PartModifiers.ContainsKey(before) || before is "jaar" or "year" or "jahr" or "het" or "anno"
                || (before is "en" or "of" or "and" or "or" or "und" or "oder" && i >= 2 && IsYear(i - 2, out _) && i >= 3 && (lex.Prepositions.Contains(w[i - 3]) || IsYear(i - 3, out _)));
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
            var time = second == 0 ? $"T{hour:D2}:{minute:D2}" : $"T{hour:D2}:{minute:D2}:{second:D2}";
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

        // --- typed hits, ranges and composition ---

        /// <summary>Fills the typed fields of a hit found by a rule that writes only its TIMEX value.</summary>
        private Hit Typed(Hit h)
        {
            if (h.Kind is "weekday" or "date" && h.End - h.Start <= 2 && WeekdayOf(w[h.End - 1]) is var wd && wd != 0)
            {
                h = h with { Weekday = wd };
            }

            if (h.Kind == "time" && h.Value is { } tv && tv.IndexOf('T', StringComparison.Ordinal) is var t && t >= 0
                && TimeOnly.TryParseExact(tv[(t + 1)..], ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                h = h with { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12 };
                if (PartAfter(h.End) is { } after)
                {
                    h = ApplyPart(h, after.Part) with { End = after.End };
                }
            }

            if (h.Value is null || h.Kind is "time" or "event" || !TimexRange.TryParse(h.Value, out var r))
            {
                return h;
            }

            // "morgenavond", "vannacht": the day and its part.
            if (h.Kind == "date" && r.Days == 1 && h.End - h.Start == 1 && lex.RelativeDays.ContainsKey(w[h.Start]) && PartOfDayOf(h) is { } part)
            {
                return h with { Value = $"{Iso(r.Start)}T{part}", Day = r.Start, PartOfDay = part };
            }

            if (h.Kind == "week")
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

            var years = (a.Year is not null && b.Year is not null && a.End - a.Start == 1 && b.End - b.Start == 1 && IsYear(a.Start, out _) && IsYear(b.Start, out _))
                || (a.BareMonthEnd && b.BareMonthEnd) || (b.RangeOnly && b.Day is not null && tokens[a.Start].Kind == TokenKind.Number && a.Day is not null);
            if (!prefixed && a.RangeOnly && b.RangeOnly && !years)
            {
                return false;
            }

            // A year alone at one end needs a year at the other ("van 2014 tot 2018"), not "2014 tot 3 mei".
            if ((a.RangeOnly && a.Year is not null && a.Clock is null && !years) || (b.RangeOnly && b.Year is not null && b.Clock is null && !years && !prefixed))
            {
                return false;
            }

            if (clocky)
            {
                if (a.Clock is null || b.Clock is null)
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

                hit = new Hit(i, end, $"T{Clock(c1)}/T{Clock(c2)}", "timerange") { Clock = c1, ClockEnd = c2 };
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
                if (b.Value != "PRESENT_REF" && b.Year is null && to.AddYears(1) >= from)
                {
                    // "mei tot maart": the end is in the next year.
                    (toStart, to) = (toStart.AddYears(1), to.AddYears(1));
                }
                else if (a.Year is null && from.AddYears(-1) <= to)
                {
                    // "van maart tot op heden" in November: this year's March; in February: last year's.
                    (from, fromEnd) = (from.AddYears(-1), fromEnd.AddYears(-1));
                }
                else
                {
                    return false;
                }
            }

            // Each end keeps its own precision: "2014/2018", "2018-03/2018-05", "2018-10-01/2018-11-07".
            var value = PointOf(from, fromEnd) is { } p1 && PointOf(toStart, to) is { } p2 ? $"{p1}/{p2}" : $"{Iso(from)}/{Iso(to)}";
            hit = new Hit(i, b.End, value, "interval") { Year = b.Year ?? a.Year };
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

            if (h.Value is null || h.Kind is "duration" or "set" or "event" or "time" or "timerange" || !TimexRange.TryParse(h.Value, out var r))
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
                hit = new Hit(k, k + 1, "PRESENT_REF", "date") { RangeOnly = true };
                return true;
            }

            if (TryAtom(k, out hit) && hit.Kind is not ("event" or "duration" or "set"))
            {
                return true;
            }

            // "mei tot maart": a month without a preposition is a range end when the other end is one too.
            if (lex.Months.TryGetValue(w[k], out var month) && !IsAmbiguousMonth(k) && anchor is { } a)
            {
                var y = InferYear(month, Tense(k)) ?? a.Year;
                hit = new Hit(k, k + 1, $"{y:D4}-{month:D2}", "date") { RangeOnly = true, BareMonthEnd = true };
                return true;
            }

            // "tussen 1-10 en 7-11": a numeric date at the far end of a range needs no cue of its own.
            if (tokens[k].Kind == TokenKind.Number && k > 0 && w[k - 1] is "en" or "tot" or "-" or "t/m" && NumericDateAt(k) is { Day: > 0 } nd)
            {
                var ny = nd.Year ?? InferYear(nd.Month, Tense(k));
                if (ny is { } yy && Valid(yy, nd.Month, nd.Day))
                {
                    hit = DayHit(k, nd.End, new DateOnly(yy, nd.Month, nd.Day)) with { RangeOnly = true };
                    return true;
                }
            }

            // "2014-2018", "2014 tot en met 2018": a year without a preposition is a range end when the other end is one too.
            if (IsYear(k, out var year))
            {
                hit = new Hit(k, k + 1, year.ToString("D4", CultureInfo.InvariantCulture), "date") { Year = year, RangeOnly = true };
                return true;
            }

            if (BareHour(k, out var clock, out var end))
            {
                hit = new Hit(k, end, null, "time") { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12, RangeOnly = true };
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

            if (lex.RelativeDays.ContainsKey(w[k]) || WeekdayOf(w[k]) != 0 || (w[k] is "deze" or "this" && k + 1 < N && PartWord(w[k + 1]) is not null))
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

            if (k + 2 < N && w[k] is "in" && w[k + 1] is "de" or "the" && PartWord(w[k + 2]) is { } p3)
            {
                return (p3, k + 3);
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
            "ochtends" or "morgens" or "ochtend" or "morgen" or "morning" or "vroege" => "MO",
            "middags" or "middag" or "namiddag" or "afternoon" => "AF",
            "avonds" or "avond" or "evening" => "EV",
            "nachts" or "nacht" or "night" => "NI",
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

                if (result.Count > 0 && Gap(result[^1].End, h.Start) is true && Join(result[^1], h) is { } joined)
                {
                    result[^1] = joined;
                    // A third part: "volgende week woensdag om 10 uur".
                    while (result.Count > 1 && Gap(result[^2].End, result[^1].Start) is true && Join(result[^2], result[^1]) is { } again)
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
        private bool? Gap(int from, int to)
        {
            if (to < from || to - from > 3)
            {
                return false;
            }

            for (var k = from; k < to; k++)
            {
                if (w[k] is not ("," or "om" or "op" or "(" or ")" or "-" or "rond" or "omstreeks" or "tegen" or "de" or "van" or "at" or "on" or "um" or "am" or "the" or "of"
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
            if (a.Weekday > 0 && a.Clock is null && b.Day is { } bd && b.Kind is "date" && b.Weekday == 0 && (bd.DayOfWeek == (DayOfWeek)(a.Weekday % 7) || b.Value?.StartsWith("XXXX", StringComparison.Ordinal) is false))
            {
                return b with { Start = a.Start };
            }

            if (b.Kind == "weekday" && a.Day is not null && a.Kind == "date" && b.End - a.End <= 3 && a.End < N && w[a.End] == "(")
            {
                return a with { End = b.End };
            }

            // week + weekday, weekday + week: that weekday of that week.
            if (a.WeekMonday is { } m1 && b.Kind == "weekday" && b.Weekday > 0)
            {
                return DayHit(a.Start, b.End, m1.AddDays(b.Weekday - 1));
            }

            if (b.WeekMonday is { } m2 && a.Kind == "weekday" && a.Weekday > 0)
            {
                return DayHit(a.Start, b.End, m2.AddDays(a.Weekday - 1));
            }

            // day + clock, clock + day
            var (day, clock) = a.Clock is null ? (a, b) : (b, a);
            if (clock.Clock is { } c && clock.Kind is "time" or "timerange" && DayOf(day) is { } d)
            {
                if (PartOfDayOf(day) is { } part)
                {
                    clock = ApplyPart(clock, part);
                    c = clock.Clock!.Value;
                }

                var value = clock.ClockEnd is { } ce && ce != c ? $"{Iso(d)}T{Clock(c)}/{Iso(d)}T{Clock(ce)}" : $"{Iso(d)}T{Clock(c)}";
                return new Hit(a.Start, b.End, value, clock.ClockEnd is { } e2 && e2 != c ? "interval" : "datetime", clock.Mod ?? day.Mod) { Day = d, Clock = c, ClockEnd = clock.ClockEnd };
            }

            // day + part of the day: "morgen 's avonds", "dinsdag in de middag"
            if (b.PartOfDay is { } p && b.Clock is null && b.Day is null && DayOf(a) is { } d2)
            {
                return new Hit(a.Start, b.End, $"{Iso(d2)}T{p}", "datetime") { Day = d2, PartOfDay = p };
            }

            // part of the day + clock: "'s middags om 7 uur"
            if (a.PartOfDay is not null && a.Clock is null && a.Day is null && b.Clock is not null && b.Kind is "time" or "timerange")
            {
                var shifted = ApplyPart(b, a.PartOfDay!);
                return shifted with { Start = a.Start };
            }

            return null;
        }

        private string? PartOfDayOf(Hit day)
        {
            if (day.PartOfDay is { } p)
            {
                return p;
            }

            // "vanavond", "morgenochtend", "dinsdagavond": the part is in the word.
            var word = w[day.End - 1];
            foreach (var (suffix, code) in PartSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length)
                {
                    return code;
                }
            }

            return null;
        }

        private static readonly (string Suffix, string Code)[] PartSuffixes = [("avond", "EV"), ("middag", "AF"), ("ochtend", "MO"), ("nacht", "NI"), ("abend", "EV"), ("night", "NI"), ("evening", "EV"), ("morning", "MO")];

        private DateOnly? DayOf(Hit h)
        {
            if (h.Day is { } d)
            {
                return d;
            }

            // A weekday the tense could not pin: in a day-dated article, the sentence decides.
            return h.Kind == "weekday" && h.Weekday > 0 && anchor is { Precision: DatePrecision.Day } a ? PinWeekday(h.Weekday, a.Start, Tense(h.Start)) : null;
        }

        private static Hit DayHit(int start, int end, DateOnly d) => new(start, end, Iso(d), "date") { Day = d };

        private static DateOnly PinWeekday(int weekday, DateOnly d, int tense)
        {
            var ahead = (weekday - IsoDay(d) + 7) % 7;
            if (ahead == 0)
            {
                return d;
            }

            return tense < 0 ? d.AddDays(ahead - 7) : d.AddDays(ahead);
        }

        // --- tense ---

        /// <summary>The tense of the sentence around token <paramref name="i"/>: −1 past, +1 future, 0 present or unknown.</summary>
        public int Tense(int i)
        {
            // "tot 1 juni", "vanaf maart": a boundary, whose tense is that of a state ("is gesloten"), not of an event.
            if (i > 0 && w[i - 1] is "tot" or "vanaf" or "until" or "bis" or "ab" or "t/m")
            {
                return 0;
            }

            _tense ??= ComputeTense();
            return i < _tense.Length ? _tense[i] : 0;
        }

        private sbyte[] ComputeTense()
        {
            var result = new sbyte[N];
            var start = 0;
            for (var k = 0; k <= N; k++)
            {
                if (k < N && w[k] is not ("." or "!" or "?" or ";"))
                {
                    continue;
                }

                var tense = 0;
                var perfectAux = false;
                var participle = false;
                for (var j = start; j < k; j++)
                {
                    var word = w[j];
                    if (lex.PastWords.Contains(word) || WeakPast(word))
                    {
                        tense = -1;
                        break;
                    }

                    if (lex.FutureWords.Contains(word))
                    {
                        tense = 1;
                    }

                    perfectAux |= lex.PerfectAuxiliaries.Contains(word) || lex.Lang == "en";
                    participle = participle || IsParticiple(word);
                }

                if (tense == 0 && perfectAux && participle)
                {
                    tense = -1;
                }

                for (var j = start; j < k; j++)
                {
                    result[j] = (sbyte)tense;
                }

                if (k < N)
                {
                    result[k] = (sbyte)tense;
                }

                start = k + 1;
            }

            return result;
        }

        // "gehouden", "gearresteerd", "gesloten", "angekündigt", "announced": a past participle.
        // Dutch weak verbs in the simple past whose ending no adjective shares: "stortte", "meldde", "werkte", "reageerde".
        private bool WeakPast(string word) => lex.Lang == "nl" && word.Length > 5
            && (word.EndsWith("tte", StringComparison.Ordinal) || word.EndsWith("dde", StringComparison.Ordinal) || word.EndsWith("tten", StringComparison.Ordinal)
                || word.EndsWith("dden", StringComparison.Ordinal) || word.EndsWith("kte", StringComparison.Ordinal) || word.EndsWith("kten", StringComparison.Ordinal)
                || word.EndsWith("eerde", StringComparison.Ordinal) || word.EndsWith("eerden", StringComparison.Ordinal));

        // "ontspoord", "opgepakt", "verklaard", "abgesagt": with a separable particle or an unstressed prefix instead of "ge".
        private bool IsParticiple(string word) => lex.Lang switch
        {
            "en" => word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal),
            _ => word.Length > 5 && ((word[^1] is 'd' or 't' && (word.StartsWith("ge", StringComparison.Ordinal) || HasPrefix(word, ParticiplePrefixes)))
                || (word.EndsWith("en", StringComparison.Ordinal) && word.StartsWith("ge", StringComparison.Ordinal) && !word.EndsWith("ingen", StringComparison.Ordinal))),
        };

        private static readonly string[] ParticiplePrefixes = ["opge", "aange", "afge", "uitge", "inge", "meege", "terugge", "doorge", "omge", "vastge", "toege", "wegge", "ont", "ver", "her", "be", "abge", "ange", "aufge", "ausge", "eingeg", "zuge"];

        private static bool HasPrefix(string word, string[] prefixes)
        {
            foreach (var p in prefixes)
            {
                if (word.StartsWith(p, StringComparison.Ordinal) && word.Length > p.Length + 3)
                {
                    return true;
                }
            }

            return false;
        }

        // --- atoms the specification cases showed missing ---

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

            if (day == 0)
            {
                hit = new Hit(i, end, $"{year:D4}-{month:D2}", "date") { Year = year };
                return true;
            }

            var directed = i > 0 && lex.Directions.TryGetValue(w[i - 1], out var dir) && dir != 0 ? dir : 0;
            var y = year ?? InferYear(month, directed != 0 ? directed : Tense(i));
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
            hit = y is null ? new Hit(start, end, $"XXXX-{month:D2}-{day:D2}", "date") : DayHit(start, end, new DateOnly(y.Value, month, day)) with { Year = year };
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
                return im is >= 1 and <= 12 && id is >= 1 and <= 31 ? (id, im, iy) : null;
            }

            if (!Digits(p0, out var d) || p0.Length > 2)
            {
                // "dec/2018", "jan-2019"
                return n == 2 && MonthWord(p0) is { } mm && Digits(p1, out var yy) && p1.Length == 4 ? (0, mm, yy) : null;
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
            if (weekday == 0 && lex.Months.TryGetValue(w[i], out var m0) && !IsAmbiguousMonth(i) && i + 2 < N && w[i + 1] is "de" && DayWord(i + 2, out var d0, out _))
            {
                var (yr, e0) = YearAfter(i + 3);
                var y0 = yr ?? InferYear(m0, Tense(i));
                if (Valid(y0 ?? 2000, m0, d0))
                {
                    hit = y0 is null ? new Hit(i, e0, $"XXXX-{m0:D2}-{d0:D2}", "date") : DayHit(i, e0, new DateOnly(y0.Value, m0, d0)) with { Year = yr };
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

            if (m < N && w[m] == "van" && m + 1 < N && lex.Months.ContainsKey(w[m + 1]))
            {
                m++;
            }

            m = SkipDot(m);
            if (m < N && lex.Months.TryGetValue(w[m], out var month) && (ordinal || tokens[k].Kind == TokenKind.Word || weekday != 0))
            {
                var (year, e) = YearAfter(m + 1);
                var y = year ?? InferYear(month, Tense(i));
                if (!Valid(y ?? 2000, month, day))
                {
                    return false;
                }

                hit = y is null ? new Hit(i, e, $"XXXX-{month:D2}-{day:D2}", "date") : DayHit(i, e, new DateOnly(y.Value, month, day)) with { Year = year };
                return true;
            }

            // A day of the month alone: only a written ordinal in digits ("de 15e") or after a weekday ("maandag 21").
            var alone = (weekday != 0 && (ordinal || tokens[k].Kind == TokenKind.Number)) || (ordinal && tokens[k].Kind == TokenKind.Number && k > i && w[k - 1] == "de");
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

        // Words that may follow "de 15e" when it is a date: a verb particle, a preposition, a time word.
        private bool IsTimeWordOrVerbish(int k) => w[k] is "terug" or "om" or "van" or "rond" or "tussen" or "gebeuren" or "af" or "weg" or "uit" or "komen" || lex.Months.ContainsKey(w[k]) || ClockCue(k) || HourWords(k, out _, out _);

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

            if (k + 2 >= N || !lex.PartModifiers.TryGetValue(w[k], out var mod) && w[k] is not "start" || w[k + 1] is not ("van" or "of" or "des"))
            {
                return false;
            }

            mod ??= "START";
            var t = k + 2;
            if (IsYear(t, out var year))
            {
                hit = new Hit(i, t + 1, year.ToString("D4", CultureInfo.InvariantCulture), "date", mod) { Year = year };
                return true;
            }

            if (lex.Months.TryGetValue(w[t], out var month))
            {
                var (y, e) = t + 1 < N && IsYear(t + 1, out var my) ? ((int?)my, t + 2) : (InferYear(month, Tense(i)), t + 1);
                hit = new Hit(i, e, y is null ? $"XXXX-{month:D2}" : $"{y:D4}-{month:D2}", "date", mod);
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

            var y2 = year ?? InferYear(m2, Tense(i));
            if (y2 is null)
            {
                return false;
            }

            var y1 = m1 <= m2 ? y2.Value : y2.Value - 1;
            hit = new Hit(i, end, $"{y1:D4}-{m1:D2}/{y2:D4}-{m2:D2}", "interval") { Year = year };
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

            var shifted = unit switch
            {
                "day" => day.AddDays(sign * n),
                "week" => day.AddDays(sign * 7 * n),
                "month" => day.AddMonths(sign * n),
                "year" => day.AddYears(sign * n),
                _ => (DateOnly?)null,
            };
            if (shifted is not { } d)
            {
                return false;
            }

            hit = DayHit(i, from.End, d);
            return true;
        }

        private bool TryAtomPlain(int k, out Hit hit)
        {
            var (end, value, kind, mod) = (k, (string?)null, "date", (string?)null);
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
            DateOnly Move(DateOnly d, int by) => unit switch
            {
                "day" => d.AddDays(by),
                "week" => d.AddDays(7 * by),
                "month" => d.AddMonths(by),
                _ => d.AddYears(by),
            };
            var (from, to) = ahead ? (day.AddDays(1), Move(day, n)) : (Move(day, -n), day.AddDays(-1));
            hit = new Hit(start, k + 1, $"{Iso(from)}/{Iso(to)}", "interval");
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
            hit = new Hit(i, i + 2, $"{year:D4}-{month:D2}", "date") { Year = year };
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
                if (word.Length > 3 && Digits(word.AsSpan(3), out var y0) && word.Length == 7)
                {
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
            else if (lex.Directions.TryGetValue(word, out var dir) && i + 1 < N && w[i + 1] is "kwartaal" or "quarter" or "quartal" && anchor is { Precision: >= DatePrecision.Month } a)
            {
                var first = new DateOnly(a.Year, ((a.Month - 1) / 3 * 3) + 1, 1).AddMonths(3 * dir);
                hit = new Hit(i, i + 2, $"{Iso(first)}/{Iso(first.AddMonths(3).AddDays(-1))}", "interval");
                return true;
            }
            else if (word is "voorafgaande" or "voorgaande" && i + 1 < N && w[i + 1] == "kwartaal" && anchor is { Precision: >= DatePrecision.Month } b)
            {
                var first = new DateOnly(b.Year, ((b.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
                hit = new Hit(i, i + 2, $"{Iso(first)}/{Iso(first.AddMonths(3).AddDays(-1))}", "interval");
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

            year ??= anchor?.Year;
            if (year is null)
            {
                return false;
            }

            var months = q is { } qq ? 3 : 6;
            var start = new DateOnly(year.Value, q is { } q1 ? ((q1 - 1) * 3) + 1 : ((half!.Value - 1) * 6) + 1, 1);
            hit = new Hit(i, end, $"{Iso(start)}/{Iso(start.AddMonths(months).AddDays(-1))}", "interval") { Year = year };
            return true;
        }

        /// <summary>"de jaren '90", "jaren 1990", "de jaren negentig", "21e eeuw".</summary>
        private bool Decade(int i, out Hit hit)
        {
            hit = default;
            var k = i;
            if (w[k] is "de" or "the" && k + 1 < N)
            {
                k++;
            }

            if (w[k] is "jaren" or "years" && k + 1 < N)
            {
                var j = k + 1;
                if (w[j] is "'" or "’" && j + 1 < N)
                {
                    j++;
                }

                int decade;
                if (Digits(w[j].AsSpan(), out var d) && w[j].Length is 2 or 4 && d % 10 == 0)
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

                hit = new Hit(i, j + 1, $"{decade:D4}-01-01/{decade + 9:D4}-12-31", "interval");
                return true;
            }

            if (DayWord(k, out var c, out var ordinal) && ordinal && k + 1 < N && w[k + 1] is "eeuw" or "century" or "jahrhundert")
            {
                var start = ((c - 1) * 100) + 1;
                hit = new Hit(i, k + 2, $"{start:D4}-01-01/{start + 99:D4}-12-31", "interval");
                return true;
            }

            return false;
        }

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
                hit = new Hit(i, k + 2, $"{a0.Year:D4}-W{wn:D2}", "week") { WeekMonday = monday };
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
                var y = k + 4 < N && IsYear(k + 4, out var yy) ? yy : InferYear(month, Tense(i));
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
            hit = new Hit(i, end, $"{Iso(mondayOf)}/{Iso(mondayOf.AddDays(6))}", "week") { WeekMonday = mondayOf };
            return true;
        }

        /// <summary>"wekelijks", "elke maandag", "elke drie weken", "eenmaal per week", "elk weekend", "om de week vrijdag".</summary>
        private bool SetExpression(int i, out Hit hit)
        {
            hit = default;
            var word = w[i];
            if (lex.Recurring.TryGetValue(word, out var every))
            {
                hit = new Hit(i, i + 1, every, "set");
                return true;
            }

            var k = i;
            if (word is "om" && k + 2 < N && w[k + 1] == "de" && w[k + 2] == "week")
            {
                k += 3;
                if (k < N && WeekdayOf(w[k]) is var wd && wd != 0)
                {
                    hit = new Hit(i, k + 1, $"XXXX-WXX-{wd}", "set");
                    return true;
                }

                hit = new Hit(i, k, "P2W", "set");
                return true;
            }

            if ((word is "eenmaal" or "eens" or "once" or "einmal" || (word is "één" or "een" && k + 1 < N && w[k + 1] == "keer")) && k + 2 < N)
            {
                var j = w[k + 1] == "keer" ? k + 2 : k + 1;
                if (j + 1 < N && w[j] is "per" or "a" or "pro" && lex.Units.TryGetValue(w[j + 1], out var u1))
                {
                    hit = new Hit(i, j + 2, Period(1, u1), "set");
                    return true;
                }

                return false;
            }

            if (!lex.Every.Contains(word) || k + 1 >= N)
            {
                // "weekenden" alone: every weekend.
                if (word is "weekenden" or "weekends" && !(i > 0 && (Number(i - 1, out _) || lex.VagueCounts.ContainsKey(w[i - 1]))))
                {
                    hit = new Hit(i, i + 1, "XXXX-WXX-WE", "set");
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
                hit = new Hit(i, k + 1, $"XXXX-WXX-{weekday}", "set");
                return true;
            }

            if (w[k] is "weekend" or "weekenden" or "wochenende")
            {
                hit = new Hit(i, k + 1, "XXXX-WXX-WE", "set");
                return true;
            }

            if (w[k] is "weekdag" or "werkdag" or "weekday" or "werktag")
            {
                hit = new Hit(i, k + 1, "P1D", "set");
                return true;
            }

            if (lex.Units.TryGetValue(w[k], out var unit) || (w[k] is "uur" or "hour" or "stunde" && (unit = "hour") is not null))
            {
                hit = new Hit(i, k + 1, Period(count, unit), "set");
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

            if (anchor is not { } a && year is null)
            {
                hit = new Hit(i, end, null, "date");
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
                    _ => Tense(i) < 0 && thisYear > now.End ? On(now.Year - 1) : thisYear,
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
            if (w[k] is "om" or "rond" or "omstreeks" or "tegen" or "at" or "around" or "um" or "gegen" && k + 1 < N)
            {
                mod = w[k] is "rond" or "omstreeks" or "around" or "gegen" ? "APPROX" : null;
                k++;
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
            else if (k > i && w[i] is "om" or "rond" or "omstreeks" or "tegen" && Number(k, out var h) && h is >= 0 and <= 24 && (tokens[k].Kind != TokenKind.Number || w[k].Length <= 2))
            {
                // "om 9", "rond 13.00" is ClockTime's; a bare "om 9" only before the sentence ends or a time word.
                var next = k + 1 < N ? w[k + 1] : ".";
                if (next is not ("." or "," or "uur" or "'" or "‘" or "'s" or "in" or "terug" or "?" or "!") && PartAfter(k + 1) is null && !(k + 1 < N && lex.RelativeDays.ContainsKey(next)))
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

            hit = new Hit(i, end, null, "time", mod) { Clock = clock, TwelveHour = clock.Hour is >= 1 and <= 12 };
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

        /// <summary>"zeven uur", "half acht", "kwart voor drie", "kwart over 3", "10 voor half negen", "vijf over half twee".</summary>
        private bool HourWords(int k, out TimeOnly clock, out int end)
        {
            (clock, end) = (default, k);
            var minutes = 0;
            var j = k;
            if (j + 2 < N && (w[j] == "kwart" || (Number(j, out var mm) && mm is > 0 and < 30)) && w[j + 1] is "voor" or "over")
            {
                minutes = (w[j] == "kwart" ? 15 : Number(j, out var m2) ? m2 : 0) * (w[j + 1] == "voor" ? -1 : 1);
                j += 2;
            }

            var half = false;
            if (j + 1 < N && w[j] == "half" && lex.Lang == "nl")
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

            // "twee uur" is a clock time or a length of time: a clock time only after "om", "rond", "tot"…, beside a part of
            // the day or after a day ("woensdag 4 uur"). Otherwise Duration reads it ("De storing duurde twee uur").
            if (!half && minutes == 0 && !(PartAfter(j + 2) is not null || PartBefore(k) || DayBefore(k)
                || (k > 0 && w[k - 1] is "om" or "rond" or "omstreeks" or "tegen" or "vanaf" or "tot" or "na" or "voor" or "at" or "um" or "gegen" or "around" or "until" or "bis")))
            {
                return false;
            }

            var total = (((half ? hour - 1 : hour) * 60) + (half ? 30 : 0) + minutes + (24 * 60)) % (24 * 60);
            clock = new TimeOnly(total / 60, total % 60);
            end = hasUur ? j + 2 : j + 1;
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

        // "4u", "20.15u", "3uur", "8h"
        private static TimeOnly? GluedHour(string token)
        {
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
                hit = new Hit(i, part.End, $"T{part.Part}", "timerange", later ? "END" : null) { PartOfDay = part.Part };
                return true;
            }

            if (w[k] is "deze" or "this" && k + 1 < N && PartWord(w[k + 1]) is { } p && anchor is { Precision: DatePrecision.Day } a)
            {
                hit = new Hit(i, k + 2, $"{a}T{p}", "datetime", later ? "END" : null) { Day = a.Start, PartOfDay = p };
                return true;
            }

            if (w[k] is "namiddag" or "voormiddag" && i > 0 && w[i - 1] is "de" or "in")
            {
                var code = w[k] == "namiddag" ? "AF" : "MO";
                hit = new Hit(i, k + 1, $"T{code}", "timerange") { PartOfDay = code };
                return true;
            }

            return false;
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

                hit = new Hit(i, k + 3, Period(1, unit0), "duration", mod);
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
            else if (w[k] is "andere" or "anderhalf" or "½")
            {
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
                hit = new Hit(i, k + 1, Period(glued.Count, glued.Unit), "duration", mod);
                return true;
            }
            else
            {
                return false;
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

            // "een jaar en een kwart"
            var end = next + 1;
            if (end + 2 < N && w[end] == "en" && w[end + 1] is "een" && w[end + 2] == "kwart" && unit == "year")
            {
                (count, end) = (count + 0.25, end + 3);
            }

            var after = end < N ? w[end] : string.Empty;
            var before = i > 0 ? w[i - 1] : string.Empty;
            // An age, an offset or a date ("3 jaar oud", "3 dagen geleden", "over 3 weken") is not a duration.
            if (after is "oud" or "old" or "alt" or "geleden" or "ago" or "later" or "eerder" or "daarna" or "na" or "voor" or "vanaf" or "from" or "nach"
                || before is "over" or "leeftijd" or "vor" || (unit == "year" && before is "ben" or "is" or "was" or "werd" or "wordt" or "zijn" or "waren"))
            {
                return false;
            }

            // "één" alone before "jaar" is too often "a year" of a date range; counts of one need a cue.
            if (count == 1 && w[k] is "een" or "a" or "ein" && mod is null)
            {
                return false;
            }

            hit = new Hit(i, end, Period(count, unit), "duration", mod);
            return true;
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

            // vrijdagochtend, dinsdagavond, Dienstagabend: the part of the day is cut off only when the word ends in one
            // (this runs for most words of a text, so nothing is allocated otherwise).
            foreach (var suffix in DayPartSuffixes)
            {
                if (word.Length > suffix.Length + 4 && word.EndsWith(suffix, StringComparison.Ordinal) && lex.Weekdays.TryGetValue(word[..^suffix.Length], out var day))
                {
                    return day;
                }
            }

            return 0;
        }

        private static readonly string[] DayPartSuffixes = ["ochtend", "middag", "avond", "nacht", "morgen", "abend", "nachmittag", "vormittag", "mittag", "night", "morning"];

        private int? InferYear(int month) => InferYear(month, 0);

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

        /// <summary>"over twee weken", "drie maanden geleden" from a day-dated article: that day, not the week or month.</summary>
        private static string? ExactDay(PartialDate a, string unit, int min, int max, int sign)
        {
            if (a.Precision != DatePrecision.Day || min != max)
            {
                return null;
            }

            var n = sign * min;
            return unit switch
            {
                "day" => Iso(a.Start.AddDays(n)),
                "week" => Iso(a.Start.AddDays(7 * n)),
                "month" => Iso(a.Start.AddMonths(n)),
                "year" => Iso(a.Start.AddYears(n)),
                _ => null,
            };
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
