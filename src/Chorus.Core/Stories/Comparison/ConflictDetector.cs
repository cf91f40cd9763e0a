using System.Globalization;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Time;

namespace Chorus.Core.Stories.Comparison;

/// <summary>One side of a conflict: the value one article gives, where, and in which sentence.</summary>
public sealed record ConflictValue(string ArticleId, string Value, string Mention, int Start, int End, SentenceRef Sentence);

/// <summary>Sources that make the same claim with a different number, date, weekday, clock time or place.</summary>
public sealed record Conflict(string Kind, string What, IReadOnlyList<ConflictValue> Values)
{
    /// <summary>
    /// For each value, its side: the values of one side agree (the same figure, or within rounding or bounds: "$1
    /// billion" and "$1.07 billion" against "$526 million") and none was found to disagree with another. Sides are
    /// numbered from 0 in the order of the values, which are listed side by side. Empty: every value a side of its own.
    /// </summary>
    public IReadOnlyList<int> Sides { get; init; } = [];

    /// <summary>The side of the value at <paramref name="i"/>.</summary>
    public int SideOf(int i) => Sides.Count == Values.Count ? Sides[i] : i;

    /// <summary>Whether the values at <paramref name="i"/> and <paramref name="j"/> are on two sides.</summary>
    public bool Opposed(int i, int j) => SideOf(i) != SideOf(j);
}

/// <summary>How a figure came to change between reports.</summary>
public enum UpdateKind : byte
{
    /// <summary>A later report gives a larger figure: a death toll that grew, a damage estimate that rose.</summary>
    Update,

    /// <summary>A later report says it corrects an earlier figure.</summary>
    Correction,

    /// <summary>
    /// One source gives a figure differently in two of its reports (or two copies of one report) with no growth over
    /// the days between to explain it: a changed headline ("one trading loss in five years", then "in four years"), a
    /// wire copy updated in the day. A source does not disagree with itself; it revised.
    /// </summary>
    Revision,
}

/// <summary>A figure that developed between report days: the values in the order they were reported.</summary>
public sealed record FigureUpdate(UpdateKind Kind, string What, IReadOnlyList<ConflictValue> Values)
{
    /// <summary>The slot the figures fill: "role:Dead" for a role of the event, else the unit or counted thing and how it was met.</summary>
    public string Slot { get; init; } = string.Empty;
}

/// <summary>
/// Finds conflicts between aligned sentences of different sources. Two values conflict only when
/// <list type="bullet">
/// <item>they fill the same slot: the only number with that unit or counted noun in each sentence, the only
/// date in each, the only place after a locative preposition in each;</item>
/// <item>they cannot both be true: numbers outside each other's rounding and approximation ("ongeveer 130" and
/// "127" agree, "12" and "14" do not), dates that do not overlap ("in september" contains "12 september"),
/// different weekdays;</item>
/// <item>neither article also gives the other's value somewhere, which would mean the sentences talk about two
/// different things.</item>
/// </list>
/// Places are only compared between articles in one language, because names of places are not yet linked across
/// languages and "Oostenrijk" against "Österreich" is no conflict.
/// <para>Besides aligned pairs, a source's one figure of a role of the event and its one clock time of the day meet
/// the other sources' wherever their sentences stand (<see cref="RoleFigurePairs"/>, <see cref="ClockPairs"/>):
/// sentences worded too differently to align still report one slot.</para>
/// </summary>
internal static class ConflictDetector
{
    private static readonly HashSet<string> MeasureUnits = new(StringComparer.Ordinal)
    {
        "km", "m", "cm", "mm", "kg", "g", "t", "l", "%", "percentage point", "EUR", "USD", "GBP", "°", "h", "min", "s", "year", "month", "week", "day", "ha", "m2", "km/h", "mi", "ft", "in", "mi/h", Extraction.Quantities.QuantityExtractor.AgeUnit,
    };

    /// <param name="projected">The story's projections (article, start offset): no figure an article gives, for <see cref="Mentions"/>.</param>
    public static (List<Conflict> Conflicts, List<FigureUpdate> Updates) Detect(IReadOnlyList<StorySentence> sentences, IReadOnlyList<SentenceLink> links, int[] claimRoot, IReadOnlySet<(string ArticleId, int Start)> projected, CancellationToken cancellationToken = default)
    {
        var updates = new Dictionary<(int Claim, string Slot), (UpdateKind Kind, string What, SortedDictionary<(DateOnly, string, int), ConflictValue> Values)>();
        void AddUpdate(int claim, string slot, UpdateKind kind, string what, (DateOnly Day, ConflictValue Value) earlier, (DateOnly Day, ConflictValue Value) later)
        {
            if (!updates.TryGetValue((claim, slot), out var entry))
            {
                updates[(claim, slot)] = entry = (kind, what, new SortedDictionary<(DateOnly, string, int), ConflictValue>());
            }
            else if (kind == UpdateKind.Correction)
            {
                updates[(claim, slot)] = entry = (kind, what, entry.Values);
            }

            // Keyed by figure, not by article: an article that gives two steps of a development (a lead claimed and a
            // recount's lead) shows both.
            entry.Values.TryAdd((earlier.Day, earlier.Value.ArticleId, earlier.Value.Start), earlier.Value);
            entry.Values.TryAdd((later.Day, later.Value.ArticleId, later.Value.Start), later.Value);
        }

        // Projections (what a source fears or expects) are no figure an article gives: "mogelijk meer dan duizend doden"
        // does not make 700 dead a figure that article already holds.
        bool Mentions(ComparedArticle article, QuantityMention q) => ConflictDetector.Mentions(article, q, projected);

        var storyStart = sentences.Select(s => s.Article.Date).OfType<PartialDate>().Select(d => d.Start).DefaultIfEmpty(DateOnly.MaxValue).Min();
        var found = new Dictionary<(int Claim, string Kind, string Slot), (string What, Dictionary<string, ConflictValue> Values)>();

        // The pairs of figures found to disagree (each way) and each conflicting figure by its key: a conflict's sides
        // (see Conflict.Sides).
        var disagreeing = new HashSet<(string, string)>();
        var figures = new Dictionary<string, QuantityMention>(StringComparer.Ordinal);
        var magnitudes = new Dictionary<(int Claim, string Kind, string Slot), double>();
        void Add(int claim, string kind, string slot, string what, ConflictValue a, ConflictValue b, double magnitude = double.NaN)
        {
            // Two pairs of figures of one slot an order of magnitude apart are two disagreements, not one of four values:
            // in one pair of sentences, a cost of 10–16 against 18–30 miljoen and a budget of 3,5 against 3,6 miljard.
            var key = (claim, kind, slot);
            for (var n = 2; magnitude > 0 && magnitudes.TryGetValue(key, out var held) && held > 0
                && Math.Max(held, magnitude) / Math.Min(held, magnitude) >= OrdersApartRatio; n++)
            {
                key = (claim, kind, slot + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!found.TryGetValue(key, out var entry))
            {
                found[key] = entry = (what, new Dictionary<string, ConflictValue>(StringComparer.Ordinal));
                if (magnitude > 0)
                {
                    magnitudes[key] = magnitude;
                }
            }

            var values = entry.Values;

            values.TryAdd(a.ArticleId + "\n" + a.Value, a);
            values.TryAdd(b.ArticleId + "\n" + b.Value, b);
            disagreeing.Add((a.ArticleId + "\n" + a.Value, b.ArticleId + "\n" + b.Value));
            disagreeing.Add((b.ArticleId + "\n" + b.Value, a.ArticleId + "\n" + a.Value));
        }

        // Pairs of one slot whose figures are the very same ("75 miljoen euro" twice): a source that joins a conflict's side.
        var agreements = new List<(ConflictValue A, ConflictValue B)>();

        // Two figures of one slot that cannot both be true: an update when the later source gives a larger figure or says it
        // corrects the earlier one, else a conflict, unless either article also gives the other's figure somewhere.
        void JudgeFigures(int claim, StorySentence a, StorySentence b, QuantityMention qa, QuantityMention qb, string slot)
        {
            // What someone fears or expects is no report: it contradicts no source's figure, and updates none. An
            // estimate is hedged as a projection is: the two compare.
            if (a.IsProjected(qa) != b.IsProjected(qb) && !a.IsEstimate() && !b.IsEstimate())
            {
                return;
            }

            // Reported on different days: which came first (null on one day).
            var aFirst = a.Article.Date is { } dayA && b.Article.Date is { } dayB && dayA.Start == dayA.End && dayB.Start == dayB.End && dayA != dayB
                ? dayA.Start < dayB.Start
                : (bool?)null;

            // A figure a sentence gives as an earlier report ("Eerder meldde de krant zes doden", "Initially six deaths were
            // reported") is one its own source has left behind: it meets no other source's figure, unless the sentence is
            // the later report saying it corrects it.
            if ((CitesAnEarlierReport(a) && !(aFirst == false && Corrects(a))) || (CitesAnEarlierReport(b) && !(aFirst == true && Corrects(b))))
            {
                return;
            }

            // A length of time that ran up to the earlier report and is longer in the later one grew with the days
            // between, however close the two are when rounded ("al 100 dagen", nine days later "105 dagen"): an update.
            var grewWithTime = aFirst is { } order && GrewWithTheDays(order ? (a, qa, b, qb) : (b, qb, a, qa));
            if (!grewWithTime && Consistent(qa, qb, slot.StartsWith("role:", StringComparison.Ordinal)))
            {
                if (Number(qa) == Number(qb))
                {
                    agreements.Add((Value(a, qa.Start, qa.End, Number(qa)), Value(b, qb.Start, qb.End, Number(qb))));
                }

                return;
            }

            var (va, vb) = (Value(a, qa.Start, qa.End, Number(qa)), Value(b, qb.Start, qb.End, Number(qb)));
            var what = SlotWhat(slot, qa, qb);
            // Reported on different days: a figure the later source says it corrects is a correction (that source may
            // well repeat the old figure), a larger figure later is an update (a death toll that grew); a smaller one
            // later still contradicts.
            if (aFirst is { } first)
            {
                var (early, late, qEarly, qLate) = first ? (a, b, qa, qb) : (b, a, qb, qa);
                var (vEarly, vLate) = first ? (va, vb) : (vb, va);
                // A lead moves either way as counting goes on (a recount shrank one from 25.000 to 15.702 votes); so do
                // the missing, counted as they stand on the day (fewer later: some were found).
                var kind = Corrects(late) ? UpdateKind.Correction
                    : (Normalised(qLate) > Normalised(qEarly) && GrewNoFasterThanTime(qEarly, qLate, late.Article.Date!.Value.Start.DayNumber - early.Article.Date!.Value.Start.DayNumber))
                        || slot == MarginSlot || slot == MissingSlot ? UpdateKind.Update : (UpdateKind?)null;
                // A later report of a lead often gives the old one beside it ("de voorsprong van 25.000 stemmen is
                // geslonken tot 15.702"): only the earlier article giving the later lead makes the step doubtful.
                var apart = slot == MarginSlot ? !Mentions(early.Article, qLate) : !Mentions(b.Article, qa) && !Mentions(a.Article, qb);
                if (kind is { } k && (k == UpdateKind.Correction || grewWithTime || apart))
                {
                    AddUpdate(claim, slot, k, what, (early.Article.Date!.Value.Start, vEarly), (late.Article.Date!.Value.Start, vLate));
                    return;
                }
            }

            if (!Mentions(b.Article, qa) && !Mentions(a.Article, qb))
            {
                Add(claim, "number", slot, what, va, vb, Math.Abs(Normalised(qa)));
                figures.TryAdd(a.Article.Id + "\n" + va.Value, qa);
                figures.TryAdd(b.Article.Id + "\n" + vb.Value, qb);
            }
        }

        // Two reports of one source (or copies of one report) that give one slot's figure differently: the later one,
        // when days tell, is where the source has got to; a larger figure later is an update as between sources.
        void JudgeRevision(int claim, StorySentence a, StorySentence b, QuantityMention qa, QuantityMention qb, string slot)
        {
            // Two items of one source about different things name different things: each a name the other lacks ("…12 Month
            // Membership At Target And Save $30", "…At Best Buy And Save $15"). A revised report names what it named.
            if (a.Entities.Except(b.Entities).Any() && b.Entities.Except(a.Entities).Any())
            {
                return;
            }

            if (a.IsProjected(qa) != b.IsProjected(qb) || CitesAnEarlierReport(a) || CitesAnEarlierReport(b)
                || a.Article.Date is not { } dayA || b.Article.Date is not { } dayB
                || Consistent(qa, qb, slot.StartsWith("role:", StringComparison.Ordinal)) || Mentions(b.Article, qa) || Mentions(a.Article, qb))
            {
                return;
            }

            // Reported on one day, the order of the two is unknown: they are shown in the story's order.
            var aFirst = dayA.Start != dayB.Start ? dayA.Start < dayB.Start : a.ArticleIndex < b.ArticleIndex;
            var (early, late, qEarly, qLate, dayEarly, dayLate) = aFirst ? (a, b, qa, qb, dayA.Start, dayB.Start) : (b, a, qb, qa, dayB.Start, dayA.Start);
            var days = dayLate.DayNumber - dayEarly.DayNumber;
            var kind = Corrects(late) ? UpdateKind.Correction
                : days > 0 && Normalised(qLate) > Normalised(qEarly) && GrewNoFasterThanTime(qEarly, qLate, days) ? UpdateKind.Update
                : UpdateKind.Revision;
            var what = SlotWhat(slot, qa, qb);
            AddUpdate(claim, slot, kind, what, (dayEarly, Value(early, qEarly.Start, qEarly.End, Number(qEarly))), (dayLate, Value(late, qLate.Start, qLate.End, Number(qLate))));
        }

        // Each linked sentence's past, worked out once: a sentence has many links.
        var pasts = new Dictionary<int, HashSet<TimexRange>?>();
        HashSet<TimexRange>? PastOf(StorySentence s)
        {
            if (!pasts.TryGetValue(s.Index, out var past))
            {
                pasts[s.Index] = past = BackgroundDays(s);
            }

            return past;
        }

        var seen = 0;
        foreach (var link in links)
        {
            if ((++seen & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (a, b) = (sentences[link.A], sentences[link.B]);
            // Links run both ways; the values are keyed by article, so a pair seen twice is stored once.
            if (a.Article.SourceGroup == b.Article.SourceGroup)
            {
                if (SamePast(PastOf(a), PastOf(b)))
                {
                    foreach (var (qa, qb, slot) in QuantityPairs(a, b))
                    {
                        JudgeRevision(claimRoot[a.Index], a, b, qa, qb, slot);
                    }
                }

                continue;
            }

            var claim = claimRoot[a.Index];
            // Figures of two different pasts ("in 2015", "vorig jaar") are of two moments, however alike their sentences.
            if (SamePast(PastOf(a), PastOf(b)))
            {
                foreach (var (qa, qb, slot) in QuantityPairs(a, b))
                {
                    JudgeFigures(claim, a, b, qa, qb, slot);
                }
            }

            if (ClockPair(a, b) is var (ca, cb) && SameDay(a, b) && !Close(ca, cb) && !MentionsClock(b.Article, ca) && !MentionsClock(a.Article, cb))
            {
                Add(claim, "time", "time", "time of day", Value(a, ca.Time.Start, ca.Time.End, ClockText(ca, cb)), Value(b, cb.Time.Start, cb.Time.End, ClockText(cb, ca)));
            }

            if (DatePair(a, b) is var (ta, tb, weekday) && Comparable(a, ta, b, tb, storyStart))
            {
                if (weekday
                    ? WeekdayOf(ta) != WeekdayOf(tb) && !a.Article.Analyzed.Times.Any(t => t.Kind == TimeKind.Weekday && WeekdayOf(t) == WeekdayOf(tb)) && !b.Article.Analyzed.Times.Any(t => t.Kind == TimeKind.Weekday && WeekdayOf(t) == WeekdayOf(ta))
                    : !Bounded(ta).Overlaps(Bounded(tb)) && !MentionsDate(b.Article, Range(ta)) && !MentionsDate(a.Article, Range(tb)))
                {
                    Add(claim, weekday ? "weekday" : "date", "date", weekday ? "day of the week" : "date", Value(a, ta.Start, ta.End, ta.Value!), Value(b, tb.Start, tb.End, tb.Value!));
                }
            }

            if (a.Article.Lang == b.Article.Lang && a.Places.Count == 1 && b.Places.Count == 1)
            {
                var (pa, pb) = (a.Places[0], b.Places[0]);
                // A country and a place in one ("in Nederland" and "in Den Haag", "Engeland" and "Londen") can both be
                // true: only places of one level contradict each other.
                var (na, nb) = (a.Article.Text[pa.Start..pa.End], b.Article.Text[pb.Start..pb.End]);
                if (pa.EntityId != pb.EntityId && Entities.TranslatedNames.Default.IsCountry(na) == Entities.TranslatedNames.Default.IsCountry(nb)
                    && !b.Article.EntityIds.Contains(pa.EntityId) && !a.Article.EntityIds.Contains(pb.EntityId))
                {
                    Add(claim, "place", "place", "place", Value(a, pa.Start, pa.End, na), Value(b, pb.Start, pb.End, nb));
                }
            }
        }

        // Figures of one slot in sentences that did not align, judged as aligned ones are unless the pair is already
        // among the conflicts or updates of an aligned claim. The claim key of each kind is its own negative number.
        void JudgeUnaligned(int claim, string slot, StorySentence a, QuantityMention qa, StorySentence b, QuantityMention qb)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Reported(a.Article.Id + "\n" + Number(qa), b.Article.Id + "\n" + Number(qb)))
            {
                JudgeFigures(claim, a, b, qa, qb, slot);
            }
        }

        // A source's one figure for a role of the event (its dead, injured, missing, evacuated, arrested, rescued) meets
        // another source's, whichever sentences give them: sentences worded too differently to align ("zeker negen mensen
        // kwamen om" and "het aantal doden steeg naar veertien") still report one slot.
        foreach (var (role, a, qa, b, qb) in RoleFigurePairs(sentences))
        {
            JudgeUnaligned(-1 - (int)role, "role:" + role, a, qa, b, qb);
        }

        // Likewise a source's one count of a thing (its passengers, patients, chickens…) meets another source's count of
        // the same thing, named in either language: "164 passengers" and "146 passagiers".
        foreach (var (slot, a, qa, b, qb) in CountedFigurePairs(sentences))
        {
            JudgeUnaligned(-100, "count:" + slot, a, qa, b, qb);
        }

        // Likewise a source's one figure of a measure (an age, a sum, an area…), when their sentences share a word or a name.
        foreach (var (unit, a, qa, b, qb) in MeasurePairs(sentences))
        {
            JudgeUnaligned(-101, unit, a, qa, b, qb);
        }

        // Likewise a figure whose own words it shares with another source's figure of the same unit or noun, wherever
        // either sentence stands and whatever else either article counts: "vijf miljoen mensen" who signed "een petitie
        // tegen de brexit" and "de 5,75 miljoen mensen die een petitie tegen de Brexit ondertekenden".
        foreach (var (unit, a, qa, b, qb) in ContextFigurePairs(sentences, cancellationToken))
        {
            JudgeUnaligned(-102, "context:" + unit, a, qa, b, qb);
        }

        // Likewise the figures of two sentences that each give a part and its whole in one unit ("extra kosten van 16
        // miljoen euro, op een totaal WW-budget van 3,6 miljard" and "de kosten (geschat op 18-30 miljoen euro, een fractie
        // van de 3,5 miljard euro …)"), paired by size.
        foreach (var (unit, a, qa, b, qb) in ParallelFigurePairs(sentences, PastOf))
        {
            JudgeUnaligned(-103, "parallel:" + unit, a, qa, b, qb);
        }

        // Likewise a source's one clock time of the day against another's, when their sentences share a word or a name
        // (in two languages, a word concept): "De brand werd om tien over half twee ontdekt" and "Das Feuer wurde um
        // Viertel nach zwei entdeckt".
        foreach (var (a, ca, b, cb) in ClockPairs(sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (va, vb) = (a.Article.Id + "\n" + ClockText(ca, cb), b.Article.Id + "\n" + ClockText(cb, ca));
            if (!Reported(va, vb))
            {
                Add(-1, "time", "time", "time of day", Value(a, ca.Time.Start, ca.Time.End, ClockText(ca, cb)), Value(b, cb.Time.Start, cb.Time.End, ClockText(cb, ca)));
            }
        }

        // A source's one year (or day) of a past fact, when something was built, founded or opened ("De flat werd in
        // 1972 gebouwd", "Das Haus war 1974 errichtet worden"), against another source's of the same kind: a background
        // date that is no event date, but a date of one fact all the same.
        foreach (var (fact, a, ta, b, tb) in PastFactDatePairs(sentences, storyStart))
        {
            var (va, vb) = (a.Article.Id + "\n" + ta.Value, b.Article.Id + "\n" + tb.Value);
            if (!Reported(va, vb) && !Bounded(ta).Overlaps(Bounded(tb)) && !MentionsDate(b.Article, Range(ta)) && !MentionsDate(a.Article, Range(tb)))
            {
                Add(-104, "date", "past:" + fact, "date", Value(a, ta.Start, ta.End, ta.Value!), Value(b, tb.Start, tb.End, tb.Value!));
            }
        }

        // Whether a pair of sources' figures is already among the conflicts or updates of an aligned claim.
        bool Reported(string a, string b)
            => found.Values.Any(f => f.Values.ContainsKey(a) && f.Values.ContainsKey(b))
            || updates.Values.Any(u => u.Values.Values.Any(v => v.ArticleId + "\n" + v.Value == a) && u.Values.Values.Any(v => v.ArticleId + "\n" + v.Value == b));

        var conflicts = MergeSharingAFigure(found)
            .Where(f => f.Values.Values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(f => Sided(f.Kind, f.What, f.Kind == "number" ? WithAgreeingSources(f.Values.Values.ToList(), agreements) : f.Values.Values.ToList(), disagreeing, figures))
            .ToList();
        var developments = MergeDevelopments(updates.Select(u => (u.Key.Slot, u.Value.Kind, u.Value.What, u.Value.Values)))
            .OrderBy(u => u.Values.Keys.First())
            .Select(u => new FigureUpdate(u.Kind, u.What, u.Values.Values.ToList()) { Slot = u.Slot })
            // A development whose figures all stand in one conflict is that conflict seen over two days ("6,1" on
            // Monday, "6,4" and "6,1" on Tuesday): shown once, as the conflict. A correction says more and stays.
            .Where(d => d.Kind == UpdateKind.Correction || !conflicts.Exists(c => d.Values.All(v => c.Values.Any(cv => cv.ArticleId == v.ArticleId && cv.Start == v.Start))))
            .ToList();
        return (conflicts, developments);
    }

    /// <summary>What a pair of figures of one slot is shown as: a lead says what it is ("lead in stemmen", not "number of stemmen", which reads as a count of votes).</summary>
    private static string SlotWhat(string slot, QuantityMention a, QuantityMention b)
        => slot == MarginSlot ? "lead in " + (a.Unit ?? b.Unit ?? "number") : What(a, b);

    /// <summary>
    /// A conflict with its values on sides: a value joins the side of one giving the very same figure, or of one it was
    /// found to agree with (within rounding or bounds) while disagreeing with none there; else it is a side of its own.
    /// Values are then listed side by side. A conflict merged from several pairs ("$526 million" against "$1.07B", and
    /// against "$1 billion") had read as three figures that all disagree, though two of them agree within their rounding.
    /// Two figures of one conflict whose sentences were never compared agree when their values do (one slot, so the
    /// rounding and bounds of <see cref="Consistent"/> decide); dates, times and places only by the very same value.
    /// </summary>
    private static Conflict Sided(string kind, string what, List<ConflictValue> values, HashSet<(string, string)> disagreeing, Dictionary<string, QuantityMention> figures)
    {
        static string Key(ConflictValue v) => v.ArticleId + "\n" + v.Value;
        // Every figure of a number conflict was added as one side of a pair (so is in figures), or joined it as the very
        // same figure as one that was.
        bool Agree(ConflictValue m, ConflictValue v) => m.Value == v.Value
            || (figures.TryGetValue(Key(m), out var qm) && figures.TryGetValue(Key(v), out var qv) && Consistent(qm, qv));
        var sides = new List<List<ConflictValue>>();
        foreach (var value in values)
        {
            var side = sides.FindIndex(members => members.Exists(m => Agree(m, value)) && !members.Exists(m => disagreeing.Contains((Key(m), Key(value)))));

            if (side < 0)
            {
                sides.Add([]);
                side = sides.Count - 1;
            }

            sides[side].Add(value);
        }

        return new Conflict(kind, what, sides.SelectMany(m => m).ToList())
        {
            Sides = sides.SelectMany((members, side) => members.Select(_ => side)).ToList(),
        };
    }

    /// <summary>
    /// A conflict's values and those of every other source that gives one of them, the very same figure of one slot
    /// (found the ways conflicting figures are: aligned, one role or thing per source, or the words around them): "78
    /// miljoen euro" against "75 miljoen euro" of one source, and a third source's "75 miljoen euro" that meets only the
    /// second's words. Followed on from each joined value; an article already in the conflict joins no more.
    /// </summary>
    private static List<ConflictValue> WithAgreeingSources(List<ConflictValue> values, List<(ConflictValue A, ConflictValue B)> agreements)
    {
        static string Key(ConflictValue v) => v.ArticleId + "\n" + v.Value;
        var held = values.Select(Key).ToHashSet(StringComparer.Ordinal);
        var articles = values.Select(v => v.ArticleId).ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (a, b) in agreements)
            {
                var joining = held.Contains(Key(a)) ? b : held.Contains(Key(b)) ? a : null;
                if (joining is not null && articles.Add(joining.ArticleId))
                {
                    held.Add(Key(joining));
                    values.Add(joining);
                    grew = true;
                }
            }
        }

        return values;
    }

    /// <summary>
    /// One development per figure: entries that hold the same figure of one article (a lead's step found once through
    /// the words around it, once through the article's leads) are one development of all their values, a correction if
    /// either is. Entries keep the order they were found in; the first one's slot and description stay.
    /// </summary>
    private static List<(string Slot, UpdateKind Kind, string What, SortedDictionary<(DateOnly, string, int), ConflictValue> Values)> MergeDevelopments(
        IEnumerable<(string Slot, UpdateKind Kind, string What, SortedDictionary<(DateOnly, string, int), ConflictValue> Values)> entries)
    {
        var merged = new List<(string Slot, UpdateKind Kind, string What, SortedDictionary<(DateOnly, string, int), ConflictValue> Values)>();
        foreach (var entry in entries)
        {
            var into = -1;
            for (var i = 0; i < merged.Count; i++)
            {
                // Before the first match the entry joins an earlier one; after it, each later match joins that one.
                var (held, joining) = into < 0 ? (merged[i], entry.Values) : (merged[into], merged[i].Values);
                if (!merged[i].Values.Keys.Any((into < 0 ? entry.Values : merged[into].Values).ContainsKey))
                {
                    continue;
                }

                var kind = held.Kind == UpdateKind.Correction || (into < 0 ? entry.Kind : merged[i].Kind) == UpdateKind.Correction ? UpdateKind.Correction : held.Kind;
                foreach (var (k, v) in joining)
                {
                    held.Values.TryAdd(k, v);
                }

                if (into < 0)
                {
                    into = i;
                    merged[i] = held with { Kind = kind };
                }
                else
                {
                    // This entry joins two earlier ones: they are one development too.
                    merged[into] = held with { Kind = kind };
                    merged.RemoveAt(i--);
                }
            }

            if (into < 0)
            {
                merged.Add((entry.Slot, entry.Kind, entry.What, new SortedDictionary<(DateOnly, string, int), ConflictValue>(entry.Values)));
            }
        }

        return merged;
    }

    /// <summary>
    /// One disagreement per figure: entries of one kind that hold the same figure of one article (found once through an
    /// aligned claim, once through a slot: "Elf" and "Eleven" against "14") are one conflict of all their values, not two
    /// that each list one side twice. Entries keep the order they were found in; the first one's description stays.
    /// </summary>
    private static List<(string Kind, string What, Dictionary<string, ConflictValue> Values, HashSet<string> Roles)> MergeSharingAFigure(
        Dictionary<(int Claim, string Kind, string Slot), (string What, Dictionary<string, ConflictValue> Values)> found)
    {
        // Each merged entry keeps the roles of its slots: figures are keyed by article and value, so one article's two
        // figures of one value in two roles ("zwei tot geborgen", "zwei lebend gerettet") would otherwise read as one.
        var merged = new List<(string Kind, string What, Dictionary<string, ConflictValue> Values, HashSet<string> Roles)>();
        foreach (var (key, entry) in found)
        {
            var values = new Dictionary<string, ConflictValue>(entry.Values, StringComparer.Ordinal);
            var role = key.Slot.StartsWith("role:", StringComparison.Ordinal) ? key.Slot.Split('#')[0] : null;
            var into = -1;
            for (var i = 0; i < merged.Count; i++)
            {
                if (merged[i].Kind != key.Kind || !merged[i].Values.Keys.Any(values.ContainsKey)
                    || (role is not null && merged[i].Roles.Count > 0 && !merged[i].Roles.Contains(role)))
                {
                    continue;
                }

                if (into < 0)
                {
                    into = i;
                    foreach (var (k, v) in values)
                    {
                        merged[i].Values.TryAdd(k, v);
                    }

                    if (role is not null)
                    {
                        merged[i].Roles.Add(role);
                    }
                }
                else
                {
                    // This entry joins two earlier ones: they are one disagreement too.
                    foreach (var (k, v) in merged[i].Values)
                    {
                        merged[into].Values.TryAdd(k, v);
                    }

                    merged[into].Roles.UnionWith(merged[i].Roles);
                    merged.RemoveAt(i--);
                }
            }

            if (into < 0)
            {
                merged.Add((key.Kind, entry.What, values, role is null ? [] : [role]));
            }
        }

        return merged;
    }

    /// <summary>
    /// Pairs of articles of different sources that each give one figure for a role of the event: every count of that
    /// role in the article has one value, outside background sentences (those dated a week or more before the article:
    /// "in 2015 kwamen er twaalf om"); and, from an article that gives several leads, each of them with another day's
    /// lead, as a step of its development.
    /// </summary>
    private static IEnumerable<(FigureRole Role, StorySentence A, QuantityMention QA, StorySentence B, QuantityMention QB)> RoleFigurePairs(IReadOnlyList<StorySentence> sentences)
    {
        var several = FiguresOfRoles(sentences);
        var ones = several.Where(f => f.Value.Count == 1).ToList();
        for (var x = 0; x < ones.Count; x++)
        {
            for (var y = x + 1; y < ones.Count; y++)
            {
                var (a, b) = (ones[x], ones[y]);
                // A part "of them" ("Een van hen raakte ernstig gewond", "Einer von ihnen kam ums Leben") is a share of a
                // count given before, not the source's count of the role: it meets another source's part, never a whole.
                if (a.Key.Role == b.Key.Role && a.Value[0].Sentence.Article.SourceGroup != b.Value[0].Sentence.Article.SourceGroup
                    && IsPartOfThem(a.Value[0].Sentence, a.Value[0].Figure) == IsPartOfThem(b.Value[0].Sentence, b.Value[0].Figure))
                {
                    yield return (a.Key.Role, a.Value[0].Sentence, a.Value[0].Figure, b.Value[0].Sentence, b.Value[0].Figure);
                }
            }
        }

        // A lead moves while counting goes on, and an article may give it twice (a claim of 13.000 votes and a recount's
        // 15.702): such an article has no one lead to set against another source's on its day, but each of its leads is
        // a step from, or to, another day's. Leads only: an article's several counts of another role are more often
        // counts of other things the role rule took in ("drie getroffen landen" beside "215 doden"; tried on DPG, it
        // made one false development and no true one).
        foreach (var ((article, role), list) in several)
        {
            if (list.Count < 2 || role != FigureRole.Margin)
            {
                continue;
            }

            foreach (var ((other, otherRole), theirs) in several)
            {
                if (otherRole != role || other == article || (theirs.Count >= 2 && other < article))
                {
                    continue;
                }

                foreach (var (s, q) in list)
                {
                    foreach (var (t, r) in theirs)
                    {
                        // Two days each: a development runs from one day to another, and a month says neither.
                        if (s.Article.SourceGroup != t.Article.SourceGroup && !SameDay(s, t)
                            && s.Article.Date is { } ds && ds.Start == ds.End && t.Article.Date is { } dt && dt.Start == dt.End)
                        {
                            yield return (role, s, q, t, r);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Each article's distinct counts of each role outside background sentences, in text order.</summary>
    private static SortedDictionary<(int Article, FigureRole Role), List<(StorySentence Sentence, QuantityMention Figure)>> FiguresOfRoles(IReadOnlyList<StorySentence> sentences)
    {
        var figures = new SortedDictionary<(int Article, FigureRole Role), List<(StorySentence Sentence, QuantityMention Figure)>>();
        foreach (var s in sentences)
        {
            if (s.Quantities.Count > MaxFiguresPerSentence || Background(s))
            {
                continue;
            }

            for (var i = 0; i < s.Quantities.Count; i++)
            {
                if (s.Roles[i] == FigureRole.None || !IsCount(s.Quantities[i]) || s.Projected[i])
                {
                    continue;
                }

                if (!figures.TryGetValue((s.ArticleIndex, s.Roles[i]), out var list))
                {
                    figures[(s.ArticleIndex, s.Roles[i])] = list = [];
                }

                if (!list.Exists(l => SameFigure(l.Figure, s.Quantities[i])))
                {
                    list.Add((s, s.Quantities[i]));
                }
            }
        }

        return figures;
    }

    // What follows a figure that is a part of a count just given: "twee van hen", "one of them", "einer von ihnen", "drie daarvan".
    private static readonly string[] OfThemCues = ["van hen", "van hun", "of them", "von ihnen", "daarvan", "davon"];

    private static bool IsPartOfThem(StorySentence sentence, QuantityMention q)
    {
        var text = sentence.Article.Analyzed.Raw.Text.AsSpan();
        var after = q.End < text.Length ? text[q.End..].TrimStart() : [];
        foreach (var cue in OfThemCues)
        {
            if (after.StartsWith(cue, StringComparison.OrdinalIgnoreCase) && (after.Length == cue.Length || !char.IsLetter(after[cue.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string MarginSlot = "role:" + FigureRole.Margin;

    private static readonly string MissingSlot = "role:" + FigureRole.Missing;

    /// <summary>
    /// Whether figures of these roles can fill one slot: one role, or a role against none ("55.000 kalkoenen gedood",
    /// "40.000 kalkoenen geruimd"), but never a lead against anything else: a lead of 15.000 votes is no count of votes.
    /// </summary>
    private static bool RolesMeet(FigureRole a, FigureRole b)
        => a == b || (a != FigureRole.Margin && b != FigureRole.Margin && (a == FigureRole.None || b == FigureRole.None));

    /// <summary>Whether an article gives one figure twice (one value, one qualifier): still its one figure of a slot.</summary>
    private static bool SameFigure(QuantityMention a, QuantityMention b) => Normalised(a) == Normalised(b) && a.Qualifier == b.Qualifier;

    /// <summary>
    /// Pairs of articles of different sources, dated the same day, that each give one figure for one counted thing
    /// (<see cref="CountedThing.SameAs"/>), outside background sentences and sentences that list figures; neither
    /// article gives another figure that could be of that thing.
    /// </summary>
    private static IEnumerable<(string Slot, StorySentence A, QuantityMention QA, StorySentence B, QuantityMention QB)> CountedFigurePairs(IReadOnlyList<StorySentence> sentences)
    {
        // Per article, its counts of things: figures whose keys meet are one thing, and an article whose figures of one
        // thing differ gives no one figure for it.
        var perArticle = new Dictionary<int, List<(CountedThing Thing, FigureRole Role, StorySentence Sentence, QuantityMention Figure, bool One)>>();
        foreach (var s in sentences)
        {
            if (s.Quantities.Count > MaxFiguresPerSentence || Background(s))
            {
                continue;
            }

            for (var i = 0; i < s.Quantities.Count; i++)
            {
                if (s.Counted[i] is not { } thing || s.Projected[i])
                {
                    continue;
                }

                if (!perArticle.TryGetValue(s.ArticleIndex, out var things))
                {
                    perArticle[s.ArticleIndex] = things = [];
                }

                var q = s.Quantities[i];
                var same = things.FindIndex(t => t.Thing.SameAs(thing));
                if (same < 0)
                {
                    things.Add((thing, s.Roles[i], s, q, true));
                }
                else
                {
                    var held = things[same];
                    things[same] = held with { One = held.One && SameFigure(held.Figure, q) };
                }
            }
        }

        var articles = perArticle.OrderBy(p => p.Key).ToList();
        for (var x = 0; x < articles.Count; x++)
        {
            for (var y = x + 1; y < articles.Count; y++)
            {
                foreach (var a in articles[x].Value)
                {
                    // Counts of a thing given on different days are often of different moments or parts of a developing
                    // story ("dertien zetels" in the Senate, "negen zetels" in the provinces a week later).
                    if (!a.One || !SameDay(a.Sentence, articles[y].Value[0].Sentence))
                    {
                        continue;
                    }

                    // One thing in two roles is two slots ("twaalf passagiers gewond", "drie passagiers vermist"); a role
                    // against none is one ("55.000 kalkoenen gedood", "40.000 kalkoenen geruimd").
                    var matches = articles[y].Value.Where(b => a.Thing.SameAs(b.Thing)).ToList();
                    if (matches is [{ One: true } b] && articles[x].Value.Count(o => o.Thing.SameAs(b.Thing)) == 1
                        && RolesMeet(a.Role, b.Role)
                        && a.Sentence.Article.SourceGroup != b.Sentence.Article.SourceGroup && !OrdersApart(a.Figure, b.Figure))
                    {
                        yield return (a.Thing.UnitKey, a.Sentence, a.Figure, b.Sentence, b.Figure);
                    }
                }
            }
        }
    }

    // Measures whose one figure in an article names its slot: an age, a sum of money, an area, a magnitude, and any rate
    // ("km/h", "EUR/year"). Not shares and durations (an article gives many, of many things), nor lengths and weights:
    // over 300 unrelated DPG articles taken as one story, "47 meter" met "205 meter" of another building.
    private static readonly HashSet<string> SlotMeasures = new(StringComparer.Ordinal)
    {
        Extraction.Quantities.QuantityExtractor.AgeUnit, "EUR", "USD", "GBP", "ha", "magnitude",
    };

    /// <summary>
    /// Pairs of articles of different sources, dated the same day, that each give one figure of a measure (every
    /// figure of that unit in the article the same; see <see cref="SlotMeasures"/>) in sentences sharing a word, a name
    /// or a concept outside their figures and times: "De politie sprak met de 61-jarige chauffeur" and "Volgens de politie
    /// was de bestuurder een man van 66 jaar". An article that gives two ages (a suspect's and a victim's) gives none here.
    /// </summary>
    private static IEnumerable<(string Unit, StorySentence A, QuantityMention QA, StorySentence B, QuantityMention QB)> MeasurePairs(IReadOnlyList<StorySentence> sentences)
    {
        var measures = new Dictionary<(int Article, string Unit), (StorySentence Sentence, QuantityMention Figure, bool One)>();
        foreach (var s in sentences)
        {
            if (s.Quantities.Count > MaxFiguresPerSentence || Background(s))
            {
                continue;
            }

            for (var i = 0; i < s.Quantities.Count; i++)
            {
                var q = s.Quantities[i];
                if (q.Unit is { } unit && !s.Projected[i] && (SlotMeasures.Contains(unit) || unit.Contains('/', StringComparison.Ordinal)))
                {
                    measures[(s.ArticleIndex, unit)] = measures.TryGetValue((s.ArticleIndex, unit), out var held)
                        ? held with { One = held.One && SameFigure(held.Figure, q) }
                        : (s, q, true);
                }
            }
        }

        var ones = measures.Where(m => m.Value.One).OrderBy(m => m.Key.Article).ThenBy(m => m.Key.Unit, StringComparer.Ordinal).ToList();
        var keys = new Dictionary<(int Sentence, bool Cross), HashSet<string>>();
        for (var x = 0; x < ones.Count; x++)
        {
            for (var y = x + 1; y < ones.Count; y++)
            {
                var (a, b) = (ones[x].Value, ones[y].Value);
                if (ones[x].Key.Unit == ones[y].Key.Unit && a.Sentence.Article.SourceGroup != b.Sentence.Article.SourceGroup && SameDay(a.Sentence, b.Sentence)
                    && !OrdersApart(a.Figure, b.Figure) && ShareAWord(a.Sentence, b.Sentence, keys))
                {
                    yield return (ones[x].Key.Unit, a.Sentence, a.Figure, b.Sentence, b.Figure);
                }
            }
        }
    }

    /// <summary>
    /// Pairs of articles of different sources, dated the same day, that each give one clock time (times within a
    /// quarter of an hour count as one) in sentences sharing a word, a name or a concept, and that disagree.
    /// </summary>
    private static IEnumerable<(StorySentence A, ClockReading CA, StorySentence B, ClockReading CB)> ClockPairs(IReadOnlyList<StorySentence> sentences)
    {
        var ones = OneClockPerArticle(sentences, static _ => true);
        // Each clock sentence's words, read once: a story of hundreds of sources would otherwise read them per pair.
        var keys = new Dictionary<(int Sentence, bool Cross), HashSet<string>>();
        var paired = new HashSet<(int, int)>();
        for (var x = 0; x < ones.Count; x++)
        {
            for (var y = x + 1; y < ones.Count; y++)
            {
                var (a, b) = (ones[x], ones[y]);
                if (Disagree(a.Sentence, a.Clock, b.Sentence, b.Clock)
                    && (ShareAWord(a.Sentence, b.Sentence, keys) || (SaysWhenItHappened(a.Sentence) && SaysWhenItHappened(b.Sentence))))
                {
                    paired.Add((a.Sentence.ArticleIndex, b.Sentence.ArticleIndex));
                    yield return (a.Sentence, a.Clock, b.Sentence, b.Clock);
                }
            }
        }

        // A source that gives several clock times (when it began, when it was over) still dates the event once, in the
        // sentence that says when it happened or began ("De storing begon om kwart over zes", "ging het om tien voor zes
        // mis"): one such time per source meets another source's, whatever else either reports the hour of.
        var events = EventClocks(sentences);
        for (var x = 0; x < events.Count; x++)
        {
            for (var y = x + 1; y < events.Count; y++)
            {
                var (a, b) = (events[x], events[y]);
                if (!paired.Contains((a.Sentence.ArticleIndex, b.Sentence.ArticleIndex)) && Disagree(a.Sentence, a.Clock, b.Sentence, b.Clock))
                {
                    yield return (a.Sentence, a.Clock, b.Sentence, b.Clock);
                }
            }
        }

        static bool Disagree(StorySentence a, ClockReading ca, StorySentence b, ClockReading cb)
            => a.Article.SourceGroup != b.Article.SourceGroup && SameDay(a, b) && !Close(ca, cb)
                && !MentionsClock(b.Article, ca) && !MentionsClock(a.Article, cb);
    }

    /// <summary>
    /// Each article's one clock time in sentences that say when something happened or began (see ClockPairs).
    /// </summary>
    private static List<(StorySentence Sentence, ClockReading Clock)> EventClocks(IReadOnlyList<StorySentence> sentences)
        => OneClockPerArticle(sentences, static s => SaysWhenItHappened(s) || SaysWhenItBegan(s));

    /// <summary>
    /// Each article's one clock time in the sentences <paramref name="counts"/> takes (background sentences aside; times
    /// within a quarter of an hour count as one), in article order: an article with two that differ has none.
    /// </summary>
    private static List<(StorySentence Sentence, ClockReading Clock)> OneClockPerArticle(IReadOnlyList<StorySentence> sentences, Func<StorySentence, bool> counts)
    {
        var clocks = new SortedDictionary<int, (StorySentence Sentence, ClockReading Clock, bool One)>();
        foreach (var s in sentences)
        {
            if (Background(s) || !s.Times.Any(IsClockTime) || !counts(s))
            {
                continue;
            }

            foreach (var t in s.Times.Where(IsClockTime))
            {
                var reading = ClockReading.Of(s.Article, t);
                clocks[s.ArticleIndex] = clocks.TryGetValue(s.ArticleIndex, out var held)
                    ? held with { One = held.One && Close(held.Clock, reading) }
                    : (s, reading, true);
            }
        }

        return clocks.Values.Where(c => c.One).Select(c => (c.Sentence, c.Clock)).ToList();
    }

    // Measures whose figures the words around them tie to one slot: the slot measures (sums, areas, magnitudes) but ages: an age is a
    // person's, and over 300 unrelated DPG articles four ages of different people met as one "update". Not rates: a
    // speed is a vehicle's, and the words around two speeds are the same whoever drives ("Ik mag 25 km per uur
    // rijden" on a moped and "auto's die gerust 80 kilometer per uur rijden", aligned sentences of a DPG story).
    private static readonly HashSet<string> ContextMeasures = SlotMeasures.Where(u => u != Extraction.Quantities.QuantityExtractor.AgeUnit).Concat(["year", "month", "week", "day"]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Tokens on either side of a figure that say what it is a figure of.</summary>
    private const int FigureContextTokens = 8;

    /// <summary>Content words a figure's context must share with another's to name one slot.</summary>
    private const int SharedFigureContext = 2;

    /// <summary>
    /// Pairs of figures of articles of different sources, of one counted noun (any noun: "mensen" too, not what belongs
    /// to someone: seats, children) or measure (<see cref="ContextMeasures"/>) and no two different roles, whose own
    /// words (<see cref="FigureContextTokens"/> on either side, within the sentence, figures and times left out) share
    /// <see cref="SharedFigureContext"/> content words or concepts: what a figure is of is said around it. A figure that
    /// meets two figures of different values of the other article this way meets none.
    /// </summary>
    private static IEnumerable<(string Unit, StorySentence A, QuantityMention QA, StorySentence B, QuantityMention QB)> ContextFigurePairs(IReadOnlyList<StorySentence> sentences, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, List<(StorySentence Sentence, int Index)>>(StringComparer.Ordinal);
        var running = new HashSet<(int Sentence, int Index)>();
        // A length of time ("tien jaar", "105 dagen") meets another only when one runs up to its report ("al tien jaar
        // aan de macht", "seit 100 Tagen") and the other is of that report's day or a later one: the later one may be
        // over ("de man die 105 dagen in het ziekenhuis lag") and is then at least the running length, and at most that
        // plus the days between. Two lengths neither of which runs up to its day are of anything: an article gives many
        // years and days of many things.
        bool LengthsMeet(StorySentence a, int ia, StorySentence b, int ib)
        {
            if (a.Quantities[ia].Unit is not { } unit || !DaysIn.ContainsKey(unit))
            {
                return true;
            }

            var (ra, rb) = (running.Contains((a.Index, ia)), running.Contains((b.Index, ib)));
            return (ra && rb)
                || (ra && ReportedNoEarlier(b.Article, a.Article))
                || (rb && ReportedNoEarlier(a.Article, b.Article));
        }

        // A background sentence's figures are of the past it is dated to ("vorig jaar voerde Nederland 78 miljoen euro aan
        // kaas uit"): they meet only figures of that same past, never the event's.
        var pasts = new Dictionary<int, HashSet<TimexRange>>();
        foreach (var s in sentences)
        {
            if (s.Quantities.Count > MaxFiguresPerSentence)
            {
                continue;
            }

            if (BackgroundDays(s) is { } past)
            {
                pasts[s.Index] = past;
            }

            for (var i = 0; i < s.Quantities.Count; i++)
            {
                // Counts of anything but what belongs to someone; the measures of ContextMeasures (sums, areas,
                // magnitudes), not shares or lengths, of which an article gives many of many things; a length of time,
                // which meets only where one of the two runs up to its report (see LengthsMeet).
                var q = s.Quantities[i];
                if (q.Unit is { } named && (IsCount(q) ? !StorySentences.IsOwnedCount(named) : ContextMeasures.Contains(named))
                    && UnitKey(named) is { Length: > 0 } unit)
                {
                    if (DaysIn.ContainsKey(named) && RunsUpToTheReport(s, q))
                    {
                        running.Add((s.Index, i));
                    }

                    if (!figures.TryGetValue(unit, out var list))
                    {
                        figures[unit] = list = [];
                    }

                    list.Add((s, i));
                }
            }
        }

        var contexts = new Dictionary<(int Sentence, int Figure, bool Cross), HashSet<string>>();
        HashSet<string> Context(StorySentence s, int figure, bool cross)
        {
            if (!contexts.TryGetValue((s.Index, figure, cross), out var keys))
            {
                contexts[(s.Index, figure, cross)] = keys = FigureContext(s, s.Quantities[figure], cross);
            }

            return keys;
        }

        bool Meet(StorySentence a, int ia, StorySentence b, int ib)
        {
            var cross = a.Article.Lang != b.Article.Lang;
            var (ca, cb) = (Context(a, ia, cross), Context(b, ib, cross));
            var shared = 0;
            foreach (var key in ca)
            {
                if (cb.Contains(key) && ++shared >= SharedFigureContext)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var (unit, list) in figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            for (var x = 0; x < list.Count; x++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var y = x + 1; y < list.Count; y++)
                {
                    var ((a, ia), (b, ib)) = (list[x], list[y]);
                    var (qa, qb) = (a.Quantities[ia], b.Quantities[ib]);
                    var (ra, rb) = (a.Roles[ia], b.Roles[ib]);
                    if (a.Article.SourceGroup == b.Article.SourceGroup || !RolesMeet(ra, rb)
                        || !SamePast(pasts.GetValueOrDefault(a.Index), pasts.GetValueOrDefault(b.Index))
                        || OrdersApart(qa, qb) || !LengthsMeet(a, ia, b, ib) || !Meet(a, ia, b, ib))
                    {
                        continue;
                    }

                    // Another figure of either article that meets the other one's as well, with another value: which of
                    // the two is the same fact is unknown.
                    bool Rival((StorySentence S, int I) other, StorySentence own, QuantityMention figure, StorySentence them, int theirs)
                        => other.S.ArticleIndex == own.ArticleIndex && !SameFigure(other.S.Quantities[other.I], figure)
                            && LengthsMeet(other.S, other.I, them, theirs) && Meet(other.S, other.I, them, theirs);
                    if (list.Any(o => Rival(o, a, qa, b, ib)) || list.Any(o => Rival(o, b, qb, a, ia)))
                    {
                        continue;
                    }

                    yield return (unit, a, qa, b, qb);
                }
            }
        }
    }

    /// <summary>Most apart two figures paired by size in <see cref="ParallelFigurePairs"/> may be.</summary>
    private const double ParallelRatio = 3;

    /// <summary>
    /// Pairs of figures of two sentences of different sources that each give two or more figures of one measure of
    /// <see cref="ContextMeasures"/> (a sum, an area), each an order of magnitude from the next, as many in both, that
    /// pair up by size (the smallest with the smallest…, each pair under <see cref="ParallelRatio"/> apart), in sentences
    /// that share a word or a name and date alike (both of the event, or of one past). A part and its whole said twice:
    /// what each figure is of is the sentence's structure, which the words around one figure alone do not tell.
    /// </summary>
    private static IEnumerable<(string Unit, StorySentence A, QuantityMention QA, StorySentence B, QuantityMention QB)> ParallelFigurePairs(IReadOnlyList<StorySentence> sentences, Func<StorySentence, HashSet<TimexRange>?> pastOf)
    {
        var sets = new List<(StorySentence Sentence, string Unit, List<QuantityMention> Figures)>();
        foreach (var s in sentences)
        {
            if (s.Quantities.Count < 2 || s.Quantities.Count > MaxFiguresPerSentence)
            {
                continue;
            }

            foreach (var group in s.Quantities.Where(q => q.Unit is { } u && ContextMeasures.Contains(u) && q.Qualifier != FigureQualifier.Vague).GroupBy(q => UnitKey(q.Unit), StringComparer.Ordinal))
            {
                var figures = group.OrderBy(q => Math.Abs(Normalised(q))).ToList();
                var apart = figures.Count >= 2;
                for (var i = 1; i < figures.Count && apart; i++)
                {
                    apart = OrdersApart(figures[i - 1], figures[i]);
                }

                if (apart)
                {
                    sets.Add((s, group.Key, figures));
                }
            }
        }

        var keys = new Dictionary<(int Sentence, bool Cross), HashSet<string>>();
        for (var x = 0; x < sets.Count; x++)
        {
            for (var y = x + 1; y < sets.Count; y++)
            {
                var ((a, unit, fa), (b, unitB, fb)) = (sets[x], sets[y]);
                if (unit != unitB || fa.Count != fb.Count || a.Article.SourceGroup == b.Article.SourceGroup
                    || !SamePast(pastOf(a), pastOf(b)))
                {
                    continue;
                }

                var paired = true;
                for (var i = 0; i < fa.Count && paired; i++)
                {
                    var (va, vb) = (Math.Abs(Normalised(fa[i])), Math.Abs(Normalised(fb[i])));
                    paired = va > 0 && vb > 0 && Math.Max(va, vb) / Math.Min(va, vb) < ParallelRatio;
                }

                if (!paired || !ShareAWord(a, b, keys))
                {
                    continue;
                }

                for (var i = 0; i < fa.Count; i++)
                {
                    yield return (unit, a, fa[i], b, fb[i]);
                }
            }
        }
    }

    /// <summary>The days of a background sentence's past, every calendar range it names that ends a week or more before its article; null for a sentence of the event.</summary>
    private static HashSet<TimexRange>? BackgroundDays(StorySentence s)
    {
        HashSet<TimexRange>? past = null;
        if (s.Article.Date is { } date)
        {
            foreach (var t in s.Times)
            {
                if (t.Kind.IsCalendar() && t.Days is { } r && r.End <= date.Start.AddDays(-7))
                {
                    (past ??= []).Add(r);
                }
            }
        }

        return past;
    }

    /// <summary>Both of the event, or both of one past (a day range both sentences name).</summary>
    private static bool SamePast(HashSet<TimexRange>? a, HashSet<TimexRange>? b)
        => a is null ? b is null : b is not null && a.Overlaps(b);

    /// <summary>The content keys (word roots; across languages, word concepts) of the words around a figure, and the names among them, figures and times left out.</summary>
    private static HashSet<string> FigureContext(StorySentence s, QuantityMention figure, bool cross)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var analyzed = s.Article.Analyzed;
        var tokens = analyzed.Tokens;
        // The figure's first token, by binary search over the article's tokens (in text order).
        var (lo, hi) = (0, tokens.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = tokens[mid].End <= figure.Start ? (mid + 1, hi) : (lo, mid);
        }

        var at = lo;
        var end = at;
        while (end < tokens.Count && tokens[end].Start < figure.End)
        {
            end++;
        }

        var (from, to) = (Math.Max(0, at - FigureContextTokens), Math.Min(tokens.Count, end + FigureContextTokens));
        // The names around a figure say what it is of as much as its words: "naar de Verenigde Staten" and "naar de VS"
        // are one name, whatever their words (one entity id, in any language). A name the window cuts counts whole, and
        // once: its words are not counted beside it ("Nederlandse" and "Nederland" would otherwise be two shared keys).
        var (spanStart, spanEnd) = to > from ? (Math.Max(s.Span.Start, tokens[from].Start), Math.Min(s.Span.End, tokens[to - 1].End)) : (0, -1);
        List<(int Start, int End)>? names = null;
        for (var e = 0; e < analyzed.Entities.Count && e < s.Article.EntityIds.Count; e++)
        {
            var mention = analyzed.Entities[e];
            if (mention.End > spanStart && mention.Start < spanEnd && mention.Start >= s.Span.Start && mention.End <= s.Span.End)
            {
                keys.Add("e:" + s.Article.EntityIds[e]);
                (names ??= []).Add((mention.Start, mention.End));
            }
        }

        AddContentKeys(keys, s, from, to, cross, names);
        return keys;
    }

    /// <summary>
    /// Whether two sentences share a word or a name outside their time expressions and figures (in two languages, a word
    /// concept): the words of a clock time ("kwart over twee") say nothing about what happened then.
    /// </summary>
    private static bool ShareAWord(StorySentence a, StorySentence b, Dictionary<(int Sentence, bool Cross), HashSet<string>> keys)
    {
        var cross = a.Article.Lang != b.Article.Lang;
        HashSet<string> Of(StorySentence s)
        {
            if (!keys.TryGetValue((s.Index, cross), out var k))
            {
                keys[(s.Index, cross)] = k = ContentKeys(s, cross);
            }

            return k;
        }

        return Of(a).Overlaps(Of(b));
    }

    private static HashSet<string> ContentKeys(StorySentence s, bool cross)
    {
        var keys = new HashSet<string>(s.Entities.Select(e => "e:" + e), StringComparer.Ordinal);
        AddContentKeys(keys, s, 0, s.Article.Analyzed.Tokens.Count, cross);
        return keys;
    }

    /// <summary>
    /// Adds the content keys of the tokens <paramref name="from"/> (inclusive) to <paramref name="to"/> that lie in the
    /// sentence: word roots, or across languages the word's concepts (a word the lexicon lacks as its root); tokens inside <paramref name="skip"/> left out.
    /// </summary>
    private static void AddContentKeys(HashSet<string> keys, StorySentence s, int from, int to, bool cross, List<(int Start, int End)>? skip = null)
    {
        var analyzed = s.Article.Analyzed;
        Span<char> lowered = stackalloc char[StorySentences.MaxLoweredWord];
        for (var i = from; i < to && analyzed.Tokens[i].Start < s.Span.End; i++)
        {
            var start = analyzed.Tokens[i].Start;
            // The words of a time or a figure ("om kwart over twee", "26-jarige", "47 meter") say nothing about what
            // the sentence reports: two ages share "jarige" whatever they are the ages of.
            if (start < s.Span.Start || analyzed.Stems[i] is not { } stem || s.Times.Any(t => start >= t.Start && start < t.End)
                || s.Quantities.Any(q => start >= q.Start && start < q.End) || skip?.Exists(n => start >= n.Start && start < n.End) == true)
            {
                continue;
            }

            var listed = false;
            var concepts = cross ? Text.ConceptLexicon.Default.ConceptsOfWord(s.Article.Lang, StorySentences.LowerWord(s.Article.Text, analyzed.Tokens[i], lowered), stem, out listed) : [];
            if (!listed)
            {
                keys.Add(StorySentences.Root(stem));
            }

            foreach (var concept in concepts)
            {
                keys.Add(concept);
            }
        }
    }

    /// <summary>
    /// A sentence dated a week or more before its article: background, not the event's figures. Dated by any calendar
    /// expression, an offset too: "vier jaar geleden" is as far back as "in 2015".
    /// </summary>
    private static bool Background(StorySentence s) => BackgroundDays(s) is not null;

    // Words with which a source says it corrects an earlier figure.
    private static readonly string[] CorrectionCues =
    [
        "gecorrigeerd", "correctie", "rectificatie", "eerder werd gemeld", "eerder meldden", "eerder was gemeld", "niet juist",
        "corrected", "correction", "earlier reported", "previously reported", "korrigiert", "korrektur", "zuvor hatte", "zuvor war",
    ];

    // Words with which a sentence cites an earlier report of a figure, its own source's or another's.
    private static readonly string[] EarlierReportCues =
    [
        "eerder meldde", "eerder meldden", "eerder werd gemeld", "eerder was gemeld", "eerder was sprake", "eerder werd gesproken", "aanvankelijk werd",
        "aanvankelijk was", "earlier reported", "previously reported", "had earlier", "initially reported", "were initially", "was initially",
        "zuvor war", "zuvor hatte", "zunächst war", "zunächst hatte", "anfangs war",
    ];

    private static bool CitesAnEarlierReport(StorySentence s) => ContainsAny(s.Text, EarlierReportCues);

    private static bool Corrects(StorySentence s) => ContainsAny(s.Text, CorrectionCues);

    private static bool ContainsAny(string text, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (text.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one clock time of each sentence, when each has exactly one.</summary>
    private static (ClockReading A, ClockReading B)? ClockPair(StorySentence a, StorySentence b)
    {
        var ca = a.Times.Where(IsClockTime).ToList();
        var cb = b.Times.Where(IsClockTime).ToList();
        return ca.Count == 1 && cb.Count == 1 ? (ClockReading.Of(a.Article, ca[0]), ClockReading.Of(b.Article, cb[0])) : null;
    }

    /// <summary>A clock time as compared: the mention, and whether the half of the day it lies in is left open (<see cref="HalfDayOpen"/>).</summary>
    private readonly record struct ClockReading(TimeMention Time, bool Open)
    {
        public static ClockReading Of(ComparedArticle article, TimeMention t) => new(t, HalfDayOpen(article.Text, t));
    }

    // Words that put a clock time in the morning (or the night before it): read so, it is no longer open.
    private static readonly string[] MorningWords = ["ochtend", "morgen", "nacht", "vroeg", "morning", "night", "a.m", "früh", "vormittag"];

    /// <summary>
    /// Whether a clock time leaves open which half of the day it is in: written in words, with no part of the day, and
    /// before noon as read ("om half vier", "at a quarter to five", "um halb vier"). The extractor reads such a time as the
    /// morning, yet news writes the afternoon the same way, so it is compared in both readings. A time in digits is the
    /// 24-hour clock of Dutch and German news ("om 15.30 uur"); one with a part of the day ("'s middags", "p.m.",
    /// "abends"), or given one from its context, has its half of the day (the afternoon shows in its value). A time read
    /// in the morning from its context counts as open too: the context is not in its words.
    /// </summary>
    private static bool HalfDayOpen(string text, TimeMention t)
    {
        if (t.Clock is not { Hour: >= 1 and <= 11 } || t.End > text.Length)
        {
            return false;
        }

        var words = text.AsSpan(t.Start, t.End - t.Start);
        if (words.IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        foreach (var cue in MorningWords)
        {
            if (words.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Both articles are dated to the same day. Clock times are compared only then: "om 15.00 uur" on two days is two moments.</summary>
    private static bool SameDay(StorySentence a, StorySentence b)
        => a.Article.Date is { } da && b.Article.Date is { } db && da.Start == da.End && da == db;

    /// <summary>
    /// Whether two clock times can be one moment: each stands for the minutes around it (<see cref="ClockSpan"/>), and
    /// they are one when their spans meet. An exact time is ±5 minutes, an approximate one ±7.5 (writers round it to the
    /// quarter): "om 02.30" and "om 02.45", "om 7.45 uur" and "rond half acht" are two accounts, "rond drie uur" and
    /// "omstreeks kwart over drie" may be one. A bound ("kort na half drie") reaches half an hour to its open side.
    /// </summary>
    private static bool Close(ClockReading ra, ClockReading rb)
    {
        var offset = Offset(ra, rb);
        var (aFrom, aTo) = ClockSpan(ra.Time);
        var (bFrom, bTo) = ClockSpan(rb.Time);
        return Math.Max(aFrom, offset + bFrom) <= Math.Min(aTo, offset + bTo);
    }

    /// <summary>
    /// Minutes around a clock time that it stands for: an exact time ±5, an approximate one ±7.5, "shortly after" the
    /// next half hour, "shortly before" the last.
    /// </summary>
    private static (double From, double To) ClockSpan(TimeMention t) => t.Mod switch
    {
        "AFTER" => (-2.5, BoundClockMinutes),
        "BEFORE" => (-BoundClockMinutes, 2.5),
        "APPROX" => (-7.5, 7.5),
        _ => (-5, 5),
    };

    /// <summary>How far "shortly after" or "shortly before" a clock time reaches.</summary>
    private const int BoundClockMinutes = 30;

    // Verbs that say an event happened, whatever it was ("Het ongeluk gebeurde om 7.45 uur", "ging het rond half acht
    // mis", "ereignete sich gegen 8 Uhr", "took place at 7.30"): two sentences that each date the happening by the clock
    // name one moment, though they share no word. A phase of an event ("brak uit", "onder controle") is not one.
    private static readonly HashSet<string> HappenedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "gebeurde", "gebeurd", "gebeurt", "plaatsvond", "plaatsgevonden", "voltrok", "voltrokken",
        "happened", "occurred", "occured",
        "ereignete", "ereignet", "geschah", "geschehen", "passierte", "passiert",
        // A failure or collapse is the event itself: "De brug stortte in", "the bridge collapsed", "Der Strom fiel aus".
        "collapsed", "failed",
    };

    // Verbs with a particle: "ging … mis", "vond … plaats" (closing the clause), "took place", "went wrong"; a failure or
    // collapse: "viel … uit", "stortte … in", "fiel … aus", "stürzte … ein", "went out".
    private static readonly (string[] Verbs, string Particle)[] HappenedParticleVerbs =
    [
        (["ging", "gaat", "liep", "loopt"], "mis"),
        (["vond", "vindt"], "plaats"),
        (["took", "takes"], "place"),
        (["went", "goes"], "wrong"),
        (["viel", "vielen", "valt"], "uit"),
        (["stortte", "stortten", "stort"], "in"),
        (["fiel", "fielen", "fällt"], "aus"),
        (["stürzte", "stürzten", "stürzt"], "ein"),
        (["went", "goes"], "out"),
    ];

    private static bool SaysWhenItHappened(StorySentence s)
    {
        var tokens = s.Article.Analyzed.Tokens;
        var text = s.Article.Text;
        var happened = HappenedWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = StorySentences.FirstToken(tokens, s.Span.Start, byEnd: false); i < tokens.Count && tokens[i].Start < s.Span.End; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            if (happened.Contains(word))
            {
                return true;
            }

            if (HasParticle(text, tokens, i, s.Span.End, HappenedParticleVerbs))
            {
                return true;
            }
        }

        return false;
    }

    // Verbs of an event beginning: "De storing begon", "The outage began", "Das Feuer brach aus". Not starting to do
    // something: "begon met blussen", "began to pump", "begann mit den Löscharbeiten".
    private static readonly HashSet<string> BeganWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "begon", "begonnen", "begint", "ontstond", "ontstaan", "ontstaat",
        "began", "begun", "begins", "started", "starts", "erupted",
        "begann", "beginnt", "entstand", "entstanden",
    };

    private static readonly (string[] Verbs, string Particle)[] BeganParticleVerbs =
    [
        (["brak", "breekt", "braken"], "uit"),
        (["broke", "breaks"], "out"),
        (["brach", "bricht"], "aus"),
    ];

    // What follows a verb of beginning when someone starts doing something: "begon de brandweer met blussen", "began
    // to pump", "began fighting", "begann mit den Löscharbeiten".
    private static readonly HashSet<string> StartedDoing = new(StringComparer.OrdinalIgnoreCase) { "met", "mit", "with" };

    private static bool SaysWhenItBegan(StorySentence s)
    {
        var tokens = s.Article.Analyzed.Tokens;
        var text = s.Article.Text;
        var began = BeganWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var doing = StartedDoing.GetAlternateLookup<ReadOnlySpan<char>>();
        var verb = -1;
        for (var i = StorySentences.FirstToken(tokens, s.Span.Start, byEnd: false); i < tokens.Count && tokens[i].Start < s.Span.End; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            if (verb < 0)
            {
                verb = began.Contains(word) || HasParticle(text, tokens, i, s.Span.End, BeganParticleVerbs) ? i : -1;
            }
            else if (doing.Contains(word)
                || (i == verb + 1 && (word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return verb >= 0;
    }

    private static bool HasParticle(string text, IReadOnlyList<Chorus.Core.Text.Token> tokens, int i, int sentenceEnd, (string[] Verbs, string Particle)[] particleVerbs)
    {
        var word = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
        foreach (var (verbs, particle) in particleVerbs)
        {
            foreach (var verb in verbs)
            {
                // English keeps the particle next to its verb ("broke out at 7.30"), Dutch and German send it to the clause's end.
                if (word.Equals(verb, StringComparison.OrdinalIgnoreCase)
                    && ((i + 1 < tokens.Count && text.AsSpan(tokens[i + 1].Start, tokens[i + 1].End - tokens[i + 1].Start).Equals(particle, StringComparison.OrdinalIgnoreCase))
                        || FigureRoles.ClosesWith(text.AsSpan(tokens[i].End, sentenceEnd - tokens[i].End), particle)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MentionsClock(ComparedArticle article, ClockReading t)
        => article.Analyzed.Times.Any(o => o.Clock is not null && Close(ClockReading.Of(article, o), t));

    /// <summary>
    /// Minutes from a's clock to b's, the short way round midnight, in the readings nearest each other: a time whose half
    /// of the day is open is also read twelve hours on.
    /// </summary>
    private static double Offset(ClockReading a, ClockReading b)
    {
        static double Short(double minutes) => minutes > 12 * 60 ? minutes - (24 * 60) : minutes < -12 * 60 ? minutes + (24 * 60) : minutes;
        var offset = Short((b.Time.Clock!.Value - a.Time.Clock!.Value).TotalMinutes);
        if (a.Open != b.Open)
        {
            var other = Short(offset + (a.Open ? -12 * 60 : 12 * 60));
            offset = Math.Abs(other) < Math.Abs(offset) ? other : offset;
        }

        return offset;
    }

    /// <summary>
    /// A time written to the hour or minute ("om 15.00 uur", "half acht"), not a part of the day ("'s nachts", "in de
    /// vroege avond"), which carries a clock only as the start of its span.
    /// </summary>
    private static bool IsClockTime(TimeMention t)
        => t.Clock is not null && t.Value is { } v && v.IndexOf('T', StringComparison.Ordinal) is var at && at >= 0 && at + 1 < v.Length && char.IsAsciiDigit(v[at + 1]);

    /// <summary>The clock time as shown beside <paramref name="other"/>: an open time in the reading nearer the other's ("om half vier" beside 16.45 uur is 15:30, not 03:30).</summary>
    private static string ClockText(ClockReading t, ClockReading other)
    {
        var clock = t.Time.Clock!.Value;
        if (t.Open && !other.Open && Math.Abs(Offset(t with { Open = false }, other)) > Math.Abs(Offset(t, other)))
        {
            clock = clock.AddHours(12);
        }

        return clock.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    // A sentence with more figures than this lists them (a table, a line of results, a mangled text): which figure of the
    // other sentence each one would meet cannot be told, and pairing them all made one story of such sentences take minutes.
    private const int MaxFiguresPerSentence = 12;

    /// <summary>Quantities that fill the same slot in both sentences: the same unit or counted noun, or each sentence's only count.</summary>
    private static IEnumerable<(QuantityMention A, QuantityMention B, string Slot)> QuantityPairs(StorySentence a, StorySentence b)
    {
        // Two figures fill one slot when they have the same role (dead, injured, missing…: "vier doden", "vier mensen
        // kwamen om", "vier Tote"), or the same unit or counted noun and no two different roles ("ruim 20 boeren" and
        // "15 boeren aangehouden"). Counts of two roles never meet. A figure that could fill a slot with two figures
        // of the other sentence fills none: which one it meets is unknown.
        if (a.Quantities.Count > MaxFiguresPerSentence || b.Quantities.Count > MaxFiguresPerSentence)
        {
            yield break;
        }

        // A part "of them" meets another part, never a whole, in aligned sentences too ("Een van hen raakte gewond" / "Bij
        // het ongeluk vielen twee gewonden"), as in RoleFigurePairs.
        var aSlots = a.Quantities.Select((q, i) => (Q: q, Role: a.Roles[i], Unit: UnitKey(q.Unit), Part: IsPartOfThem(a, q))).ToList();
        var bSlots = b.Quantities.Select((q, i) => (Q: q, Role: b.Roles[i], Unit: UnitKey(q.Unit), Part: IsPartOfThem(b, q))).ToList();
        var matches = new List<(int A, int B, string Slot)>();
        var perA = new int[aSlots.Count];
        var perB = new int[bSlots.Count];
        for (var i = 0; i < aSlots.Count; i++)
        {
            for (var j = 0; j < bSlots.Count; j++)
            {
                var (x, y) = (aSlots[i], bSlots[j]);

                // Figures five times apart or more (eight for counts of one role) are not about one thing (the 16 million a
                // measure costs and the 3.6 billion of the whole budget): they fill no slot together, so each meets the
                // figure it can be about.
                if (OrdersApart(x.Q, y.Q, x.Role != FigureRole.None && x.Role == y.Role))
                {
                    continue;
                }

                if (x.Part != y.Part)
                {
                    continue;
                }

                var slot = x.Role != FigureRole.None && x.Role == y.Role ? "role:" + x.Role
                    : x.Unit.Length > 0 && x.Unit == y.Unit && (x.Role == FigureRole.None || y.Role == FigureRole.None) && RolesMeet(x.Role, y.Role) ? x.Unit
                    : null;
                if (slot is not null)
                {
                    matches.Add((i, j, slot));
                    perA[i]++;
                    perB[j]++;
                }
            }
        }

        foreach (var m in matches)
        {
            if (perA[m.A] == 1 && perB[m.B] == 1)
            {
                yield return (aSlots[m.A].Q, bSlots[m.B].Q, m.Slot);
            }
        }

        // Two figures of one slot on each side ("een man van 24 en een man van 31" / "24 und 35 Jahre alt"): the figures
        // that agree with exactly one of the other side's pair off first, and a figure left with one partner meets it.
        if (matches.Exists(m => perA[m.A] > 1 || perB[m.B] > 1))
        {
            var settledA = new bool[aSlots.Count];
            var settledB = new bool[bSlots.Count];
            foreach (var m in matches)
            {
                if ((perA[m.A] > 1 || perB[m.B] > 1) && Agree(aSlots[m.A].Q, bSlots[m.B].Q)
                    && matches.Count(o => o.A == m.A && Agree(aSlots[o.A].Q, bSlots[o.B].Q)) == 1
                    && matches.Count(o => o.B == m.B && Agree(aSlots[o.A].Q, bSlots[o.B].Q)) == 1)
                {
                    (settledA[m.A], settledB[m.B]) = (true, true);
                }
            }

            var open = matches.Where(m => (perA[m.A] > 1 || perB[m.B] > 1) && !settledA[m.A] && !settledB[m.B]).ToList();
            foreach (var m in open)
            {
                if (open.Count(o => o.A == m.A) == 1 && open.Count(o => o.B == m.B) == 1)
                {
                    yield return (aSlots[m.A].Q, bSlots[m.B].Q, m.Slot);
                }
            }
        }

        // "Vier niederländische Bergsteiger" and "vijf Nederlandse bergbeklimmers": one counted thing each, named
        // differently; also when every other figure of both sentences met one of the other's ("elf mijnwerkers … op
        // achthonderd meter" and "vierzehn Bergleute in achthundert Metern"): the count left over on each side is one slot.
        if (LeftOver(aSlots, perA) is { } leftA && LeftOver(bSlots, perB) is { } leftB && IsCount(leftA.Q) && IsCount(leftB.Q) && leftA.Role == leftB.Role
            && leftA.Part == leftB.Part)
        {
            yield return (leftA.Q, leftB.Q, "count");
        }

        // The one figure of a sentence no match took, when all its others were taken.
        static (QuantityMention Q, FigureRole Role, string Unit, bool Part)? LeftOver(List<(QuantityMention Q, FigureRole Role, string Unit, bool Part)> slots, int[] taken)
        {
            var left = -1;
            for (var i = 0; i < slots.Count; i++)
            {
                if (taken[i] == 0)
                {
                    if (left >= 0)
                    {
                        return null;
                    }

                    left = i;
                }
            }

            return left >= 0 ? slots[left] : null;
        }
    }

    /// <summary>
    /// Figures this far apart are about different things, not a disagreement. Sources that disagree on one amount do so
    /// within a factor of about three (the real DPG disagreements: 18–30 vs 10–16 million, 5 vs 15 million trees, 680 vs
    /// 744 million); at 8 the one false conflict over DPG's multi-source stories was Dutch exports to the US against cheese
    /// exports (23,8 vs 3,5 miljard, 6.8×). Set to 5 on that reading; the dev sets were unchanged from 3 to 8. Counts of
    /// one role (the dead, the injured) name their slot themselves and keep 8: four injured against 21 is a disagreement.
    /// Test halves run after: DPG figure pairs false alarms 1 → 0, the rest unchanged.
    /// </summary>
    private const double OrdersApartRatio = 5;

    private const double RoleOrdersApartRatio = 8;

    private static bool OrdersApart(QuantityMention a, QuantityMention b, bool sameRole = false)
    {
        var (ra, rb) = (Math.Abs(Normalised(a)), Math.Abs(Normalised(b)));
        return ra > 0 && rb > 0 && Math.Max(ra, rb) / Math.Min(ra, rb) >= (sameRole ? RoleOrdersApartRatio : OrdersApartRatio) && a.Qualifier != FigureQualifier.Vague && b.Qualifier != FigureQualifier.Vague;
    }

    internal static bool IsCount(QuantityMention q) => q.Unit is null || !IsMeasure(q.Unit);

    /// <summary>Whether a unit is a measure ("km", "EUR", "%") or a rate ("km/h", "EUR/year"), not a counted noun.</summary>
    internal static bool IsMeasure(string unit) => MeasureUnits.Contains(unit) || unit.Contains('/', StringComparison.Ordinal);

    /// <summary>Measures by their unit; counted nouns by their first five letters, so "boom" meets "bomen" no better than a stemmer would, but "treinwagons" keeps its own slot.</summary>
    internal static string UnitKey(string? unit)
        => unit is null ? string.Empty
            : IsMeasure(unit) ? (Conversions.TryGetValue(unit, out var conversion) ? conversion.Base : unit)
            : unit.ToLowerInvariant() is var u && u.Length > 5 ? u[..5] : unit.ToLowerInvariant();

    /// <summary>
    /// Whether two dates can be compared at all. Not when one lies well before the story began and the other does not
    /// (a background year: "na de verkiezingen van 2011" against "vandaag"), and not when the articles are of different
    /// days unless both dates are written out with a number: "vandaag", "gisteren", "in mei" or "de komende dagen" in
    /// articles of different days name different moments of a developing story, or depend on a resolution that may be
    /// wrong. Two dates before the story's first day, one of them well before, in sentences that say the same thing,
    /// date one past fact: they compare when both are written out to the same precision ("De aanval vond plaats op 3
    /// maart" in an article of 11 March, "The attack took place on 4 March"; "in 2019" against "in 2020", not against
    /// "in maart 2019").
    /// </summary>
    private static bool Comparable(StorySentence a, TimeMention ta, StorySentence b, TimeMention tb, DateOnly storyStart)
    {
        var (ra, rb) = (Range(ta), Range(tb));
        static bool Written(StorySentence s, TimeMention t) => s.Article.Text.AsSpan(t.Start, t.End - t.Start).IndexOfAnyInRange('0', '9') >= 0;
        if (storyStart != DateOnly.MaxValue && (ra.End < storyStart.AddDays(-7) || rb.End < storyStart.AddDays(-7)))
        {
            return ra.End < storyStart && rb.End < storyStart && Written(a, ta) && Written(b, tb) && Precision(ra) == Precision(rb);
        }

        return SameDay(a, b) || (Written(a, ta) && Written(b, tb));
    }

    /// <summary>A range's precision: 0 a day, 1 up to a month, 2 longer (a year, a season, a decade).</summary>
    private static int Precision(TimexRange range) => range.Days == 1 ? 0 : range.Days <= 31 ? 1 : 2;

    /// <summary>
    /// Whether two numbers can both be true, allowing for stated approximation, ranges and rounding, or are not about
    /// one thing at all: five times apart or more (5 zetels of one party and 55 of the council, 20.509 votes of a
    /// margin and 8,5 miljoen cast), or a vague quantity ("honderden") against any number.
    /// </summary>
    /// <param name="sameRole">Both count one role (the dead, the injured…): see <see cref="RoleOrdersApartRatio"/>.</param>
    internal static bool Consistent(QuantityMention a, QuantityMention b, bool sameRole = false)
    {
        if (a.Qualifier == FigureQualifier.Vague || b.Qualifier == FigureQualifier.Vague)
        {
            return true;
        }

        return OrdersApart(a, b, sameRole) || Agree(a, b);
    }

    /// <summary>Whether two figures of one thing agree within their rounding, ranges, bounds and stated approximation.</summary>
    private static bool Agree(QuantityMention a, QuantityMention b)
    {
        // 99 procent for 99,95: a whole number that is the other's rounding down or to the nearest.
        var (x, y) = (Normalised(a), Normalised(b));
        if ((x == Math.Floor(x) && (Math.Floor(y) == x || Math.Round(y) == x)) || (y == Math.Floor(y) && (Math.Floor(x) == y || Math.Round(x) == y)))
        {
            return true;
        }

        // "Up to" a measured peak ("gusts of up to 140 km/h", "bis zu 40 Zentimeter Schnee") says how high it went, not a
        // bound: against another peak or a plain figure of it, it is a value (see PeakUnits).
        if ((IsPeak(a) || IsPeak(b)) && a.Qualifier is FigureQualifier.None or FigureQualifier.AtMost && b.Qualifier is FigureQualifier.None or FigureQualifier.AtMost)
        {
            return x == y || Math.Abs(x - y) <= Slack(x) + Slack(y);
        }

        // Two bounds on one side ("meer dan 600 brandweerlieden", "über 800 Feuerwehrleute") are both true of any
        // figure past the larger: neither says how far past its own the count goes.
        if (OneSided(a) && OneSided(b) && FromBelow(a.Qualifier) == FromBelow(b.Qualifier))
        {
            return true;
        }

        // Each figure is an interval: its range or one-sided bound ("ruim 200" is 200 and up, "bijna 200" under it),
        // widened by 10% either way when it is stated as approximate ("ongeveer 200") and by 5% when it is a round
        // number that may stand for a precise one (130 for 127, 2,5 miljoen for 2.480.000). Two figures can both be
        // true when their intervals overlap: a smaller figure than "ruim 200" contradicts it, however close. Intervals
        // that only touch do not: "23" is what rounds to it, 22.5 up to 23.5 with one end open, so 22 and 23 are two
        // counts (they met at 22.5 before).
        var (aLo, aHi) = Widened(a);
        var (bLo, bHi) = Widened(b);
        return x == y || (aLo < bHi && bLo < aHi);
    }

    // Measures of weather and the ground that news gives as the peak reached: speeds, lengths and depths, temperatures,
    // magnitudes. Sums and counts "up to" a figure are bounds ("boetes tot 500 euro", "up to 300 jobs").
    private static readonly HashSet<string> PeakUnits = new(StringComparer.Ordinal) { "km/h", "mi/h", "m/s", "km", "m", "cm", "mm", "mi", "ft", "°", "°C", "°F", "magnitude" };

    private static bool IsPeak(QuantityMention q) => q.Qualifier == FigureQualifier.AtMost && q.Unit is { } unit && PeakUnits.Contains(unit);

    /// <summary>Whether a one-sided qualifier bounds the figure from below ("ruim", "minstens") rather than from above.</summary>
    private static bool FromBelow(FigureQualifier qualifier) => qualifier is FigureQualifier.MoreThan or FigureQualifier.AtLeast;

    private static (double Lo, double Hi) Widened(QuantityMention q)
    {
        var value = Normalised(q);
        var (lo, hi) = Bounds(q, value);
        if (OneSided(q))
        {
            return (lo, hi);
        }

        // An approximation covers 10% either way, but a figure written to its last unit ("about 54 million", "ongeveer
        // 47") only a few of those units: whoever rounds no further has the figure to about that precision.
        if (q.Approximate)
        {
            return (lo - ApproximationSlack(lo), hi + ApproximationSlack(hi));
        }

        // A figure stands for any value that rounds to it at its written precision, and a round one for a little more
        // (130 for 127, 2,5 miljoen for 2.480.000), but never more than 5 %: "744 miljoen" is 743,5–744,5 miljoen and not
        // the 680 miljoen another source gave (the 5 % once given to every figure ending in 0 let "744 miljoen", whose
        // digits end in zeros only because of "miljoen", swallow it). An age is never a round number for another:
        // "the 80-year-old artist" is 80, not 82.
        if (q.Unit == Extraction.Quantities.QuantityExtractor.AgeUnit)
        {
            return (lo - 0.5, hi + 0.5);
        }

        return (lo - Slack(lo), hi + Slack(hi));
    }

    /// <summary>Units of the last written digit an approximation covers at most (and never over 10%).</summary>
    private const double ApproximateUnits = 3;

    private static double ApproximationSlack(double v)
    {
        var a = Math.Abs(v);
        return Math.Min(ApproximateUnits * RoundingUnit(a), 0.10 * a);
    }

    private static double Slack(double v)
    {
        var a = Math.Abs(v);
        var unit = RoundingUnit(a);
        // A figure of millions or more given to one digit ("a $1 billion deal", "3 miljoen bezoekers") is the writer
        // rounding to the scale word: it stands for a figure up to 10 % off ("$1.07 billion"), where "744 miljoen" stays
        // within its last digit.
        return Math.Min(unit / 2, (a >= 1e6 && a / unit < 10 ? RoundedToItsScale : 0.05) * a);
    }

    /// <summary>How far a one-digit figure of millions or more may lie from the figure it rounds.</summary>
    private const double RoundedToItsScale = 0.10;

    /// <summary>The unit of the last significant digit: 100 000 for 2 500 000, 1 000 000 for 744 000 000, 10 for 130, 1 for 127, 0.01 for 99,95.</summary>
    private static double RoundingUnit(double a)
    {
        if (a == 0 || double.IsInfinity(a) || double.IsNaN(a))
        {
            return 0;
        }

        if (a != Math.Floor(a))
        {
            var s = a.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
            var dot = s.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? 1 : Math.Pow(10, -(s.Length - dot - 1));
        }

        var unit = 1.0;
        while (unit < 1e15 && a % (unit * 10) == 0)
        {
            unit *= 10;
        }

        return unit;
    }

    private static bool OneSided(QuantityMention q) => q.Qualifier.IsOneSided();

    // Units of one dimension compare in one: hours as minutes, tonnes and grams as kilograms, kilometres, centimetres and
    // millimetres as metres ("800 kilo vuurwerk" and "1,2 Tonnen Feuerwerk" fill one slot); miles, feet and inches as
    // metres and miles an hour as kilometres an hour, as British and American sources give them ("gusts of 81 mph" are
    // "windstoten van 130 kilometer per uur").
    private static readonly Dictionary<string, (string Base, double Factor)> Conversions = new(StringComparer.Ordinal)
    {
        ["h"] = ("min", 60), ["t"] = ("kg", 1000), ["g"] = ("kg", 0.001), ["km"] = ("m", 1000), ["cm"] = ("m", 0.01), ["mm"] = ("m", 0.001),
        ["mi"] = ("m", 1609.344), ["ft"] = ("m", 0.3048), ["in"] = ("m", 0.0254), ["mi/h"] = ("km/h", 1.609344),
    };

    private static double Factor(string? unit) => unit is not null && Conversions.TryGetValue(unit, out var c) ? c.Factor : 1;

    /// <summary>
    /// The value a figure is matched on in its sentence's terms: a figure in a unit that converts to another (hours,
    /// tonnes, kilometres, miles, mph) as its value in that unit to two significant digits, as a source converting a
    /// figure rounds it ("81 mph" is 130 km/h, "62 mph" 100 km/h, "1,5 uur" 90 minutes); any other figure as written.
    /// </summary>
    internal static double TermValue(QuantityMention q)
    {
        if (q.Unit is not { } unit || !Conversions.ContainsKey(unit) || q.Value == 0)
        {
            return q.Value;
        }

        // Divided or multiplied by an exact power of ten, so 0.3 stays 0.3 (not 3 × 0.1).
        var value = Normalised(q);
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value))) - 1;
        var scale = Math.Pow(10, Math.Abs(exponent));
        return exponent >= 0 ? Math.Round(value / scale) * scale : Math.Round(value * scale) / scale;
    }

    private static double Normalised(QuantityMention q) => q.Value * Factor(q.Unit);

    // Days in a unit of time that a stretch up to now can grow by ("al 100 dagen in het ziekenhuis").
    private static readonly Dictionary<string, double> DaysIn = new(StringComparer.Ordinal) { ["day"] = 1, ["week"] = 7, ["month"] = 30.4, ["year"] = 365.25 };

    // Words before a length of time that make it run up to the report: "al tien jaar", "seit zehn Jahren", "schon zehn
    // Jahre", "already ten years".
    private static readonly HashSet<string> UpToNowWords = new(StringComparer.OrdinalIgnoreCase) { "al", "seit", "schon", "bereits", "already" };

    private static bool GrewWithTheDays((StorySentence Early, QuantityMention QEarly, StorySentence Late, QuantityMention QLate) pair)
    {
        var (early, qEarly, late, qLate) = pair;
        return qEarly.Unit is { } unit && DaysIn.ContainsKey(unit) && qLate.Unit == unit && RunsUpToTheReport(early, qEarly)
            && qLate.Qualifier == FigureQualifier.None && qEarly.Qualifier == FigureQualifier.None && !qLate.Approximate
            && qLate.Value > qEarly.Value && GrewNoFasterThanTime(qEarly, qLate, late.Article.Date!.Value.Start.DayNumber - early.Article.Date!.Value.Start.DayNumber);
    }

    // Whether the article was reported on the other's day or later (both dated to one day).
    private static bool ReportedNoEarlier(ComparedArticle article, ComparedArticle other)
        => article.Date is { } day && other.Date is { } otherDay && day.Start == day.End && otherDay.Start == otherDay.End && day.Start >= otherDay.Start;

    private static bool RunsUpToTheReport(StorySentence s, QuantityMention q)
    {
        var tokens = s.Article.Analyzed.Tokens;
        var k = StorySentences.FirstToken(tokens, q.Start, byEnd: false);
        return k > 0 && tokens[k - 1].Start >= s.Span.Start && UpToNowWords.Contains(s.Article.Text[tokens[k - 1].Start..tokens[k - 1].End]);
    }

    /// <summary>
    /// A length of time that runs up to the report ("al 100 dagen", "al tien jaar aan de macht"), and a person's age (a
    /// year a year), grow only as the days between the reports pass, give or take one of its units: "100 dagen" then
    /// "105 dagen" nine days later is a development, "tien jaar" then "dertien jaar" a day later a disagreement, and so
    /// is a driver of 34 who is 43 the next day. Any other figure may grow freely.
    /// </summary>
    private static bool GrewNoFasterThanTime(QuantityMention early, QuantityMention late, int daysBetween)
        => early.Unit is not { } unit
            || (unit == Extraction.Quantities.QuantityExtractor.AgeUnit ? (late.Value - early.Value - 1) * DaysIn["year"] <= daysBetween
                : !DaysIn.TryGetValue(unit, out var days) || (late.Value - early.Value - 1) * days <= daysBetween);

    private static (double Lo, double Hi) Bounds(QuantityMention q, double value)
    {
        var scale = Factor(q.Unit);
        // An open side is taken as reaching a quarter beyond the bound: "ruim 200" is not said of 1.000, nor "bijna 200"
        // of 50. A stated maximum ("hooguit", "tot wel", "up to") says nothing of how low it goes: "een heffing tot wel
        // 200 euro per ton" and another party's 50 euro per ton can both be true.
        var lo = q.Lower is { } l ? l * scale : q.Qualifier == FigureQualifier.AtMost ? 0 : (q.Upper ?? value) * scale * 0.8;
        var hi = q.Upper is { } u ? u * scale : (q.Lower ?? value) * scale * 1.25;
        return (lo, hi);
    }

    /// <summary>
    /// Whether the article gives a figure that agrees with <paramref name="q"/> (it reports both sources' figures). Only an
    /// agreeing figure counts: not a vague one, nor one five times away or more (the 3,5 miljard of a whole budget does
    /// not "give" the 16 miljoen a measure costs), which <see cref="Consistent"/> lets pass as not comparable.
    /// </summary>
    private static bool Mentions(ComparedArticle article, QuantityMention q, IReadOnlySet<(string ArticleId, int Start)> projected)
        => article.Analyzed.Quantities.Any(o => UnitKey(o.Unit) == UnitKey(q.Unit) && o.Qualifier != FigureQualifier.Vague && q.Qualifier != FigureQualifier.Vague
            && !OrdersApart(o, q) && Agree(o, q) && !projected.Contains((article.Id, o.Start)))
        || GivesAsPart(article, q);

    // Words that take a part of a count just given, its noun left out: "drie kinderen, van wie er twee…", "fünf
    // Verletzte, davon zwei…"; and the English order, the part before the cue: "twelve injured, three of whom…".
    private static readonly string[] PartitiveCuesBefore = ["van wie er", "van wie", "waarvan er", "waarvan", "onder wie", "von denen", "davon", "darunter"];

    private static readonly string[] PartitiveCuesAfter = ["of whom", "of which", "of them"];

    /// <summary>
    /// Whether the article gives <paramref name="q"/>'s value as a part of a count of the same thing, with the noun left
    /// out: "Met R. kreeg ze drie kinderen, van wie er twee zijn gestorven" gives two children too, so another source's
    /// "twee kinderen" is that part, not a contradiction of the three. Read from the words, since a bare number word is
    /// no figure of the analysis ("twee" there is none, "twee jong" one of "jong").
    /// </summary>
    private static bool GivesAsPart(ComparedArticle article, QuantityMention q)
    {
        var text = article.Analyzed.Raw.Text;
        var lang = article.Analyzed.Lang;
        foreach (var whole in article.Analyzed.Quantities)
        {
            if (UnitKey(whole.Unit) != UnitKey(q.Unit) || whole.Unit is null)
            {
                continue;
            }

            // The rest of the whole's sentence, at most a clause's length.
            var end = whole.End;
            while (end < text.Length && end - whole.End < 80 && text[end] is not ('.' or '!' or '?'))
            {
                end++;
            }

            var rest = text.AsSpan(whole.End, end - whole.End);
            foreach (var cue in PartitiveCuesBefore)
            {
                var at = rest.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && PartValue(rest[(at + cue.Length)..], lang, first: true) is { } part && part == Normalised(q))
                {
                    return true;
                }
            }

            foreach (var cue in PartitiveCuesAfter)
            {
                var at = rest.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (at > 0 && PartValue(rest[..at], lang, first: false) is { } part && part == Normalised(q))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The number written as the first (or last) word of <paramref name="words"/>, in digits or in words; null for none.</summary>
    private static double? PartValue(ReadOnlySpan<char> words, string lang, bool first)
    {
        words = words.Trim(" ,;:");
        if (words.IsEmpty)
        {
            return null;
        }

        var word = first
            ? (words.IndexOfAny(' ', ',') is var e and >= 0 ? words[..e] : words)
            : (words.LastIndexOfAny(' ', ',') is var s and >= 0 ? words[(s + 1)..] : words);
        return double.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : Extraction.Quantities.QuantityExtractor.ParseWords(word.ToString().ToLowerInvariant(), lang);
    }

    private static bool MentionsDate(ComparedArticle article, TimexRange range)
        => article.Analyzed.Times.Any(t => t.Kind != TimeKind.Weekday && t.Days is { } r && r.Overlaps(range) && r.Days <= range.Days * 31);

    /// <summary>The one dated expression of each sentence, when each has exactly one; weekdays are compared as weekdays.</summary>
    private static (TimeMention A, TimeMention B, bool Weekday)? DatePair(StorySentence a, StorySentence b)
    {
        var da = a.Times.Where(IsDated).ToList();
        var db = b.Times.Where(IsDated).ToList();
        if (da.Count != 1 || db.Count != 1)
        {
            return null;
        }

        var (ta, tb) = (da[0], db[0]);
        if (ta.Kind == TimeKind.Weekday && tb.Kind == TimeKind.Weekday)
        {
            return (ta, tb, true);
        }

        // A weekday against a date, or a vague weekday ("dinsdag" in an article dated only by month), is no evidence.
        return ta.Kind == TimeKind.Weekday || tb.Kind == TimeKind.Weekday ? null : (ta, tb, false);
    }

    // Verbs of a past fact whose date sources state ("gebouwd in 1972", "founded in 1921", "1974 eröffnet"), by the fact;
    // whole words, lower case. Born and died are left out: a story names many people.
    private static readonly (string Fact, string[] Words)[] PastFacts =
    [
        ("built", ["gebouwd", "bouwde", "neergezet", "built", "constructed", "gebaut", "erbaut", "errichtet"]),
        ("founded", ["opgericht", "founded", "established", "gegründet"]),
        ("opened", ["geopend", "opende", "ingewijd", "opened", "inaugurated", "eröffnet", "eingeweiht"]),
    ];

    // The past fact a sentence dates, if it names exactly one.
    private static string? PastFactOf(StorySentence s)
    {
        string? found = null;
        var (text, tokens) = (s.Article.Text, s.Article.Analyzed.Tokens);
        for (var k = StorySentences.FirstToken(tokens, s.Span.Start, byEnd: false); k < tokens.Count && tokens[k].End <= s.Span.End; k++)
        {
            if (tokens[k].Kind != Text.TokenKind.Word)
            {
                continue;
            }

            var word = text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
            foreach (var (fact, words) in PastFacts)
            {
                foreach (var w in words)
                {
                    if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                    {
                        if (found is not null && found != fact)
                        {
                            return null;
                        }

                        found = fact;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Pairs of sources that each date one past fact of a kind (built, founded, opened) once, in a sentence with one date
    /// of a year or finer that lies before the story (a week or more), outside sentences that list several: the year a
    /// building went up in one source against the other's.
    /// </summary>
    private static IEnumerable<(string Fact, StorySentence A, TimeMention TA, StorySentence B, TimeMention TB)> PastFactDatePairs(IReadOnlyList<StorySentence> sentences, DateOnly storyStart)
    {
        if (storyStart == DateOnly.MaxValue)
        {
            yield break;
        }

        var dated = new Dictionary<(int Article, string Fact), List<(StorySentence Sentence, TimeMention Time)>>();
        foreach (var s in sentences)
        {
            var times = s.Times.Where(IsDated).ToList();
            if (times.Count != 1 || times[0].Kind == TimeKind.Weekday || Range(times[0]).End >= storyStart.AddDays(-7) || PastFactOf(s) is not { } fact)
            {
                continue;
            }

            if (!dated.TryGetValue((s.ArticleIndex, fact), out var list))
            {
                dated[(s.ArticleIndex, fact)] = list = [];
            }

            if (!list.Exists(l => l.Time.Value == times[0].Value))
            {
                list.Add((s, times[0]));
            }
        }

        var ones = dated.Where(d => d.Value.Count == 1).OrderBy(d => d.Key).ToList();
        for (var x = 0; x < ones.Count; x++)
        {
            for (var y = x + 1; y < ones.Count; y++)
            {
                var ((a, ta), (b, tb)) = (ones[x].Value[0], ones[y].Value[0]);
                if (ones[x].Key.Fact == ones[y].Key.Fact && a.Article.SourceGroup != b.Article.SourceGroup)
                {
                    yield return (ones[x].Key.Fact, a, ta, b, tb);
                }
            }
        }
    }

    // A day with its hour ("woensdagavond om 22 uur") is dated by its day as well: its hour is compared as a clock time.
    private static bool IsDated(TimeMention t) => t.Kind is TimeKind.Date or TimeKind.Interval or TimeKind.Weekday or TimeKind.DateTime && t.Days is not null;

    private static TimexRange Range(TimeMention t) => t.Days ?? default;

    /// <summary>
    /// The days a date allows: a bound ("nog voor 1 oktober", "after Monday") every day on its side, so a source's day within
    /// it agrees and one beyond it conflicts.
    /// </summary>
    /// <remarks>
    /// A bound on a clock time ("kort na middernacht op 19 april", "shortly after midnight on 20 April") bounds the hour,
    /// not the day: the day stays the one named.
    /// </remarks>
    private static TimexRange Bounded(TimeMention t) => HasClock(t) ? Range(t) : t.Mod switch
    {
        "BEFORE" => Range(t) with { Start = DateOnly.MinValue },
        "AFTER" => Range(t) with { End = DateOnly.MaxValue },
        _ => Range(t),
    };

    private static bool HasClock(TimeMention t) => t.Value is { Length: > 11 } v && v[10] == 'T' && char.IsAsciiDigit(v[11]);

    /// <summary>The weekday a weekday mention names: its value is that day, or an interval that starts and ends on it.</summary>
    private static DayOfWeek? WeekdayOf(TimeMention t) => t.Kind == TimeKind.Weekday && t.Days is { } r ? r.Start.DayOfWeek : null;

    private static ConflictValue Value(StorySentence s, int start, int end, string value)
        => new(s.Article.Id, value, s.Article.Text[start..end], start, end, s.Ref);

    /// <summary>
    /// The resolved value as a reader compares it: a range as "18000000–30000000", a bound with its side ("&gt;30000" for
    /// "ruim 30.000", "≤5" for "hooguit vijf"), an approximation as "~400000", then the unit.
    /// </summary>
    private static string Number(QuantityMention q)
    {
        static string N(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var value = q.Min is { } min && q.Max is { } max && max > min ? N(min) + "–" + N(max) : N(q.Value);
        var side = q.Qualifier switch
        {
            FigureQualifier.MoreThan => ">",
            FigureQualifier.AtLeast => "≥",
            FigureQualifier.LessThan => "<",
            FigureQualifier.AtMost => "≤",
            FigureQualifier.Approximately => "~",
            _ => string.Empty,
        };
        return side + value + (q.Unit is null ? string.Empty : " " + q.Unit);
    }

    // A length of time reads as one ("duration in days"), not as an amount of a unit.
    private static string What(QuantityMention a, QuantityMention b)
        => a.Unit is { } unit && (IsMeasure(unit) || UnitKey(unit) == UnitKey(b.Unit))
            ? (unit == Extraction.Quantities.QuantityExtractor.AgeUnit ? "age" : DaysIn.ContainsKey(unit) ? "duration in " + unit + "s" : IsMeasure(unit) ? "amount in " + unit : "number of " + unit)
            : "number";
}
