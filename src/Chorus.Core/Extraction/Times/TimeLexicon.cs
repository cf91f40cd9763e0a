namespace Chorus.Core.Extraction.Times;

/// <summary>The words of one language that time-expression rules are written against. Facts, not code.</summary>
public sealed class TimeLexicon
{
    public required string Lang { get; init; }

    /// <summary>Month names and abbreviations → month number.</summary>
    public required IReadOnlyDictionary<string, int> Months { get; init; }

    /// <summary>Weekday names → ISO day (Monday = 1); compounds with a part of the day are matched by prefix.</summary>
    public required IReadOnlyDictionary<string, int> Weekdays { get; init; }

    /// <summary>Words for a day relative to the article date → offset in days (vandaag 0, gisteren −1).</summary>
    public required IReadOnlyDictionary<string, int> RelativeDays { get; init; }

    /// <summary>Modifiers before week/month/year/weekday → direction (+1 next, −1 previous, 0 this).</summary>
    public required IReadOnlyDictionary<string, int> Directions { get; init; }

    /// <summary>Unit words → unit ("week", "month", "year", "day", "weekend").</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>Prepositions that make a bare month or a four-digit number a time expression.</summary>
    public required IReadOnlySet<string> Prepositions { get; init; }

    /// <summary>Part-of-month modifiers → TIMEX3 mod (begin → START, eind → END, medio → MID).</summary>
    public required IReadOnlyDictionary<string, string> PartModifiers { get; init; }

    public required IReadOnlyDictionary<string, string> Seasons { get; init; }

    /// <summary>Words joining the two ends of a range ("tot", "t/m", "en", "-").</summary>
    public required IReadOnlySet<string> RangeJoiners { get; init; }

    /// <summary>"ago" words (relative to the article date) and "later"/"earlier" words (relative to the previous expression).</summary>
    public required IReadOnlyDictionary<string, int> Ago { get; init; }

    public required IReadOnlyDictionary<string, int> LaterEarlier { get; init; }

    /// <summary>Vague counts: "een paar" → (2, 4).</summary>
    public required IReadOnlyDictionary<string, (int Min, int Max)> VagueCounts { get; init; }

    private (string[] Words, (int Min, int Max) Range)[]? _vaguePhrases;

    /// <summary>The vague counts split into words once, for matching against tokens.</summary>
    public IReadOnlyList<(string[] Words, (int Min, int Max) Range)> VaguePhrases
        => _vaguePhrases ??= VagueCounts.Select(kv => (kv.Key.Split(' '), kv.Value)).ToArray();

    /// <summary>Prepositions before an event noun ("sinds de coronacrisis"): kept as unresolved expressions.</summary>
    public required IReadOnlySet<string> EventPrepositions { get; init; }

    public required IReadOnlyList<string> EventNounParts { get; init; }

    public required IReadOnlyDictionary<string, int> NumberWords { get; init; }

    /// <summary>Verb forms that put a sentence in the past (simple past of frequent verbs and auxiliaries).</summary>
    public required IReadOnlySet<string> PastWords { get; init; }

    /// <summary>Auxiliaries of the future ("zal", "will", "wird").</summary>
    public required IReadOnlySet<string> FutureWords { get; init; }

    /// <summary>
    /// Present forms of verbs that look ahead ("verwacht", "expects", "rechnet mit"): a sentence in the present with one
    /// of them speaks of what is to come, unless it is a perfect ("heeft verwacht").
    /// </summary>
    public required IReadOnlySet<string> ExpectVerbs { get; init; }

    /// <summary>
    /// Verbs of saying in the past ("zei", "said", "sagte"): the tense of the report, not of what it reports ("The bridge
    /// reopens in September, the city said"), so they date only a time beside them and their own clause.
    /// </summary>
    public required IReadOnlySet<string> ReportingPast { get; init; }

    /// <summary>
    /// Verbs of saying in the present ("zegt", "meldt", "sagt"): news reports what was said in the present, so a weekday
    /// beside one is the day of saying, already past ("Een woordvoerder zegt dinsdag …", "zo meldt Het Parool donderdag").
    /// </summary>
    public IReadOnlySet<string> ReportingPresent { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Past forms and participles of verbs of intending (promising, deciding, planning, threatening, hoping, agreeing):
    /// what they govern through an infinitive with "te", "to" or "zu" is still to come when they are said ("beloofde in
    /// april het rapport te publiceren", "promised to publish it in April").
    /// </summary>
    public IReadOnlySet<string> IntentionVerbs { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Auxiliaries of the perfect: with a past participle in the sentence, it is about the past.</summary>
    public required IReadOnlySet<string> PerfectAuxiliaries { get; init; }

    /// <summary>One-word recurrences → TIMEX set value ("wekelijks" → P1W).</summary>
    public required IReadOnlyDictionary<string, string> Recurring { get; init; }

    /// <summary>"elke", "iedere", "every", "jeden": a recurrence of what follows.</summary>
    public required IReadOnlySet<string> Every { get; init; }

    /// <summary>Holidays: their words, and either a fixed month/day or an offset in days from Easter Sunday.</summary>
    public required IReadOnlyList<(string[] Words, (int Month, int Day)? Fixed, int? FromEaster)> Holidays { get; init; }

    /// <summary>
    /// Words that make "in" + a length of time a stretch looked back over, not a day ahead: "the first loss in five
    /// years", "its one trading loss in four years", "no rain in forty days", "zum ersten Mal in fünf Jahren" (with the
    /// superlatives, see <c>Scan.LooksBack</c>). Empty where "in" never counts ahead (Dutch counts ahead with "over").
    /// </summary>
    public IReadOnlySet<string> LookBackCues { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Modal verbs that point ahead, as a future auxiliary does ("should double in five years", "sollen in fünf Jahren sinken").</summary>
    public IReadOnlySet<string> AheadModals { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Finite present forms of verbs (auxiliaries, modals, copulas and, for Dutch, the forms of the UD treebanks): a
    /// clause with one and no past form speaks of now or later, though another clause of its sentence is past.
    /// </summary>
    public IReadOnlySet<string> PresentForms { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Subordinators and relative words that open a clause ("dat", "omdat", "die"; "that", "because"), and "maar"/"but";
    /// not "en"/"and", which joins the parts of a clause as often ("met 2600 planten en zestig stekken aangetroffen").
    /// </summary>
    public IReadOnlySet<string> ClauseOpeners { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Words ending like a superlative that are none ("interest", "Kosten" is capitalised and so never read).</summary>
    public IReadOnlySet<string> NotSuperlatives { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    private HashSet<string>? _headWords;
    private HashSet<string>? _openerWords;

    /// <summary>
    /// Words that are time words by themselves (months, weekdays, units, parts of the day, holidays…): a rule may start at
    /// one, and an opener starts an expression only when one of these (or a number) follows it closely.
    /// </summary>
    public IReadOnlySet<string> HeadWords => _headWords ??= BuildHeadWords();

    /// <summary>
    /// Function words some rules start with ("de", "van", "om", "over", "komende", "meer dan"…). They are among the most
    /// frequent words of any text, so they count as a start only before a head word or a number.
    /// </summary>
    public IReadOnlySet<string> OpenerWords => _openerWords ??= BuildOpenerWords();

    private HashSet<string>? _afterNumberWords;

    /// <summary>Words after which a number in words is a time expression's start: months, units, clock words, directions.</summary>
    public IReadOnlySet<string> AfterNumberWords => _afterNumberWords ??= new HashSet<string>(
        Months.Keys.Concat(Units.Keys).Concat(Directions.Keys).Concat(
        [
            "uur", "uren", "hour", "hours", "stunde", "stunden", "minuut", "minuten", "minute", "minutes", "min", "seconde", "seconden", "second", "seconds",
            "sekunde", "sekunden", "nacht", "nachten", "night", "nights", "nächte", "weekenden", "weekends", "kwartier", "uhr", "o'clock",
            // "het derde kwartaal", "the third quarter", "im dritten Quartal"
            "kwartaal", "quarter", "quartal",
            // "de eerste helft van 2024", "the first half of the year", "im zweiten Halbjahr"
            "helft", "half", "hälfte", "halfjaar", "jaarhelft", "halbjahr", "halbjahres", "halbjahrs",
        ]), StringComparer.Ordinal);

    private HashSet<string> BuildHeadWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(Months.Keys);
        words.UnionWith(Weekdays.Keys);
        words.UnionWith(RelativeDays.Keys);
        words.UnionWith(Units.Keys);
        words.UnionWith(Seasons.Keys);
        words.UnionWith(Recurring.Keys);
        words.UnionWith(HolidayFirstWords);
        words.UnionWith(NumberWords.Keys.Where(n => NumberWords[n] > 1));
        words.UnionWith(
        [
            "uur", "uren", "minuut", "minuten", "seconde", "seconden", "nacht", "nachten", "kwartier", "hour", "hours", "minute", "minutes", "second",
            "seconds", "night", "nights", "stunde", "stunden", "sekunden", "uhr", "o'clock", "weekenden", "weekends", "middaguur", "noon", "mittag",
            "middernacht", "midnight", "mitternacht", "ochtends", "morgens", "ochtend", "middags", "middag", "namiddag", "voormiddag", "avonds", "avond",
            "nachts", "morning", "afternoon", "evening", "pm", "p.m", "abends", "nachmittags", "vormittags", "nu", "heden", "now", "jetzt", "jaren", "years",
            "eeuw", "kwartaal", "quarter", "quartal", "½", "anderhalf", "anderthalb", "eineinhalb", "weekdag", "werkdag", "weekday", "werktag", "abend", "nachmittag", "vormittag",
            "morgenstunden", "abendstunden", "nachtstunden", "helft", "hälfte", "halfjaar", "jaarhelft", "halbjahr", "halbjahres", "halbjahrs",
        ]);
        return words;
    }

    /// <summary>
    /// Adverbs that make "after" or "before" a clock time a bound close to it: "kort/vlak/net/even na", "kurz/knapp
    /// nach", "shortly/just/soon/right after" (and "voor", "vor", "before"), in every language's text alike.
    /// </summary>
    public static IReadOnlySet<string> ClockBoundAdverbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "kort", "vlak", "net", "even", "kurz", "knapp", "shortly", "just", "soon", "right",
    };

    private HashSet<string> BuildOpenerWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(Directions.Keys);
        words.UnionWith(Prepositions);
        words.UnionWith(PartModifiers.Keys);
        words.UnionWith(Every);
        words.UnionWith(VaguePhrases.Select(v => v.Words[0]));
        words.UnionWith(NumberWords.Keys.Where(n => NumberWords[n] <= 1));
        words.UnionWith(ClockBoundAdverbs);
        words.UnionWith(
        [
            "van", "vanaf", "tussen", "from", "between", "vom", "von", "zwischen", "om", "rond", "omstreeks", "tegen", "at", "around", "um", "gegen",
            "het", "kwart", "half", "later", "vroeg", "'s", "s", "in", "am", "a.m", "deze", "this", "meer", "minder", "langer", "korter", "more", "less",
            "mehr", "weniger", "de", "der", "the", "wat", "enkele", "paar", "andere", "een", "één", "a", "an", "ein", "eine", "week", "laatste", "last",
            "letzte", "eenmaal", "eens", "once", "einmal", "voorgaande", "voorafgaande", "komende", "afgelopen", "voorbije", "aankomende", "next", "past",
            "kommenden", "letzten", "vergangenen", "over", "vor", "early", "late", "mid", "dat", "dezelfde", "diezelfde", "datzelfde", "that", "same",
            "jenem", "jenes", "demselben", "die", "selben", "eerder", "earlier", "später", "früher", "'", "‘", "’", "~",
        ]);
        words.ExceptWith(HeadWords);
        return words;
    }

    private HashSet<string>? _holidayFirstWords;

    /// <summary>The first words of the holidays, to rule out most tokens with one lookup.</summary>
    public IReadOnlySet<string> HolidayFirstWords => _holidayFirstWords ??= new HashSet<string>(Holidays.Select(h => h.Words[0]), StringComparer.Ordinal);

    public static TimeLexicon Dutch { get; } = new()
    {
        Lang = "nl",
        Months = Map(("januari", 1), ("jan", 1), ("februari", 2), ("feb", 2), ("febr", 2), ("maart", 3), ("mrt", 3), ("april", 4), ("apr", 4),
            ("mei", 5), ("juni", 6), ("jun", 6), ("juli", 7), ("jul", 7), ("augustus", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9),
            ("oktober", 10), ("okt", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12)),
        Weekdays = Map(("maandag", 1), ("dinsdag", 2), ("woensdag", 3), ("donderdag", 4), ("vrijdag", 5), ("zaterdag", 6), ("zondag", 7)),
        RelativeDays = Map(("vandaag", 0), ("gisteren", -1), ("morgen", 1), ("eergisteren", -2), ("overmorgen", 2), ("vanochtend", 0), ("vanmorgen", 0),
            ("vanmiddag", 0), ("vanavond", 0), ("vannacht", 0), ("gisteravond", -1), ("gistermiddag", -1), ("gisterochtend", -1), ("gistermorgen", -1),
            ("gisterenavond", -1), ("gisterenmiddag", -1), ("gisterenochtend", -1), ("gisterenmorgen", -1), ("gisternacht", -1), ("gisterennacht", -1),
            ("morgenochtend", 1), ("morgenavond", 1), ("morgenmiddag", 1), ("heden", 0)),
        Directions = Map(("komende", 1), ("komend", 1), ("volgende", 1), ("aanstaande", 1), ("aanstaand", 1), ("volgend", 1), ("vorige", -1), ("vorig", -1), ("afgelopen", -1),
            ("verleden", -1), ("deze", 0), ("dit", 0)),
        Units = Map(("week", "week"), ("weken", "week"), ("maand", "month"), ("maanden", "month"), ("jaar", "year"), ("jaren", "year"),
            ("dag", "day"), ("dagen", "day"), ("weekend", "weekend"), ("eeuw", "century"), ("kalenderjaar", "year"), ("werkweek", "week")),
        Prepositions = Set("in", "sinds", "tot", "vanaf", "voor", "na", "rond", "eind", "begin", "medio", "half", "midden", "per", "tijdens", "uit", "van", "t/m", "tot en met", "sedert", "op"),
        PartModifiers = Map(("begin", "START"), ("eind", "END"), ("einde", "END"), ("medio", "MID"), ("half", "MID"), ("midden", "MID"), ("halverwege", "MID")),
        Seasons = Map(("lente", "SP"), ("voorjaar", "SP"), ("zomer", "SU"), ("herfst", "FA"), ("najaar", "FA"), ("winter", "WI")),
        RangeJoiners = Set("tot", "t/m", "-", "–", "en", "tot en met"),
        Ago = Map(("geleden", -1)),
        LaterEarlier = Map(("later", 1), ("eerder", -1), ("daarna", 1), ("daarvoor", -1)),
        VagueCounts = Map2(("een paar", (2, 4)), ("enkele", (2, 5)), ("een aantal", (2, 6)), ("paar", (2, 4)), ("meerdere", (2, 6))),
        EventPrepositions = Set("sinds", "tijdens", "na", "voor", "vóór", "sedert"),
        EventNounParts = ["crisis", "pandemie", "oorlog", "verkiezing", "revolutie", "aanslag", "ramp", "top", "epidemie", "lockdown", "staatsgreep", "invasie", "brexit"],
        NumberWords = Map(("een", 1), ("één", 1), ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7), ("acht", 8), ("negen", 9),
            ("tien", 10), ("elf", 11), ("twaalf", 12), ("twintig", 20), ("dertig", 30), ("honderd", 100)),
        PastWords = Set("was", "waren", "werd", "werden", "had", "hadden", "zei", "zeiden", "ging", "gingen", "kwam", "kwamen", "vertrok", "vertrokken",
            "gebeurde", "stond", "stonden", "vond", "vonden", "bleek", "bleken", "kreeg", "kregen", "liet", "lieten", "deed", "deden", "overleed", "stierf",
            "viel", "vielen", "brak", "sloot", "sloten", "begon", "begonnen", "won", "wonnen", "verloor", "verloren", "trad", "zag", "zagen", "nam", "namen",
            "gaf", "gaven", "hield", "hielden", "maakte", "maakten", "meldde", "meldden", "verklaarde", "kondigde", "raasde", "ontstond", "volgde", "volgden",
            "stortte", "schreef", "sprak", "vroeg", "leek", "moest", "moesten", "kon", "konden", "wilde", "wilden", "dronk", "vertelde", "werkte", "woonde",
            "opende", "besloot", "besloten", "vloog", "reed", "liep", "zat", "lag", "droeg", "bracht", "dacht", "kocht", "zocht", "speelde", "noemde",
            "ving", "vingen", "hing", "hingen", "bood", "zweeg", "sliep", "riep", "riepen", "gold", "golden")
            .Concat(EmbeddedResources.ReadEntries("nl-past-forms.txt"))
            .ToHashSet(StringComparer.Ordinal),
        FutureWords = Set("zal", "zullen", "zult", "zouden"),
        ExpectVerbs = Set("verwacht", "verwachten", "rekent", "rekenen", "voorspelt", "voorspellen", "voorziet", "voorzien"),
        ReportingPast = Set("zei", "zeiden", "meldde", "meldden", "verklaarde", "verklaarden", "vertelde", "vertelden", "schreef", "schreven",
            "liet", "lieten", "stelde", "stelden", "benadrukte", "benadrukten", "waarschuwde", "waarschuwden", "antwoordde", "antwoordden",
            "bevestigde", "bevestigden", "kondigde", "kondigden", "maakte", "maakten", "twitterde", "twitterden"),
        // Third person singular only: "bericht" is also a noun, "melden" also "zich melden" (to turn up).
        ReportingPresent = Set("zegt", "meldt", "schrijft", "verklaart", "vertelt", "bevestigt", "waarschuwt", "onthult"),
        IntentionVerbs = Set("beloofde", "beloofden", "beloofd", "besloot", "besloten", "dreigde", "dreigden", "gedreigd", "plande", "planden",
            "gepland", "hoopte", "hoopten", "gehoopt", "kondigde", "kondigden", "aangekondigd", "zegde", "zegden", "toegezegd", "afgesproken",
            "overwoog", "overwogen", "plan", "voorgesteld", "beoogde", "beoogden", "beoogd"),
        PerfectAuxiliaries = Set("heeft", "hebben", "is", "zijn", "hebt", "ben"),
        ClauseOpeners = Set("dat", "omdat", "doordat", "zodat", "voordat", "nadat", "als", "wanneer", "toen", "terwijl", "hoewel", "aangezien", "want",
            "maar", "waarin", "waarbij", "waarop", "waardoor", "waarmee", "die"),
        // A plural present is its infinitive, which the derived list leaves out; the modals and auxiliaries are listed here,
        // and "zou", which with an infinitive speaks of what is still to come ("zou op 1 juli ingaan").
        PresentForms = Set("zou", "wil", "wilt", "willen", "kunnen", "moeten", "mogen", "gaan", "komen", "worden", "blijven", "staan", "liggen", "hebben")
            .Concat(EmbeddedResources.ReadEntries("nl-present-forms.txt"))
            .ToHashSet(StringComparer.Ordinal),
        Recurring = Map(("dagelijks", "P1D"), ("wekelijks", "P1W"), ("tweewekelijks", "P2W"), ("maandelijks", "P1M"), ("jaarlijks", "P1Y"),
            ("halfjaarlijks", "P0.5Y"), ("driemaandelijks", "P3M")),
        Every = Set("elke", "elk", "iedere", "ieder", "alle"),
        Holidays =
        [
            (["nieuwjaarsdag"], (1, 1), null), (["nieuwjaar"], (1, 1), null), (["valentijnsdag"], (2, 14), null), (["koningsdag"], (4, 27), null),
            (["bevrijdingsdag"], (5, 5), null), (["dag", "van", "de", "arbeid"], (5, 1), null), (["sinterklaas"], (12, 5), null), (["pakjesavond"], (12, 5), null),
            (["kerstmis"], (12, 25), null), (["kerst"], (12, 25), null), (["eerste", "kerstdag"], (12, 25), null), (["tweede", "kerstdag"], (12, 26), null),
            (["oudejaarsdag"], (12, 31), null), (["oudjaarsavond"], (12, 31), null), (["oudejaarsavond"], (12, 31), null), (["dodenherdenking"], (5, 4), null),
            (["pasen"], null, 0), (["eerste", "paasdag"], null, 0), (["tweede", "paasdag"], null, 1), (["goede", "vrijdag"], null, -2),
            (["hemelvaartsdag"], null, 39), (["hemelvaart"], null, 39), (["pinksteren"], null, 49), (["tweede", "pinksterdag"], null, 50),
            (["halloween"], (10, 31), null), (["juneteenth"], (6, 19), null),
        ],
    };

    public static TimeLexicon English { get; } = new()
    {
        Lang = "en",
        Months = Map(("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4), ("may", 5),
            ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10),
            ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12)),
        Weekdays = Map(("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7)),
        RelativeDays = Map(("today", 0), ("yesterday", -1), ("tomorrow", 1), ("tonight", 0)),
        Directions = Map(("next", 1), ("coming", 1), ("last", -1), ("past", -1), ("previous", -1), ("this", 0)),
        Units = Map(("week", "week"), ("weeks", "week"), ("month", "month"), ("months", "month"), ("year", "year"), ("years", "year"),
            ("day", "day"), ("days", "day"), ("weekend", "weekend")),
        Prepositions = Set("in", "since", "until", "till", "from", "before", "after", "by", "during", "early", "late", "mid", "on", "of", "through"),
        PartModifiers = Map(("early", "START"), ("late", "END"), ("mid", "MID"), ("end", "END"), ("beginning", "START")),
        Seasons = Map(("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI")),
        RangeJoiners = Set("to", "-", "–", "and", "through", "until"),
        Ago = Map(("ago", -1)),
        LaterEarlier = Map(("later", 1), ("earlier", -1)),
        VagueCounts = Map2(("a few", (2, 4)), ("several", (2, 6)), ("a couple of", (2, 3)), ("few", (2, 4))),
        EventPrepositions = Set("since", "during", "after", "before"),
        EventNounParts = ["crisis", "pandemic", "war", "election", "revolution", "attack", "disaster", "summit", "lockdown", "coup", "invasion", "brexit"],
        NumberWords = Map(("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
            ("eleven", 11), ("twelve", 12), ("twenty", 20), ("thirty", 30), ("a", 1), ("an", 1)),
        PastWords = Set("was", "were", "had", "did", "said", "went", "came", "told", "took", "gave", "made", "found", "won", "lost", "died", "began", "fell",
            "met", "left", "saw", "got", "held", "kept", "knew", "thought", "brought", "bought", "sold", "paid", "led", "ran", "wrote", "spoke", "broke",
            "chose", "drove", "flew", "grew", "hit", "put", "set", "struck", "stood", "won", "became", "sent", "spent", "built", "felt", "heard", "meant"),
        FutureWords = Set("will", "shall"),
        ExpectVerbs = Set("expects", "expect", "anticipates", "anticipate", "predicts", "predict", "forecasts"),
        ReportingPast = Set("said", "told", "added", "stated", "wrote", "announced", "reported", "confirmed", "warned", "explained", "noted",
            "tweeted", "insisted", "claimed"),
        IntentionVerbs = Set("promised", "pledged", "vowed", "decided", "planned", "plans", "threatened", "hoped", "agreed", "intended",
            "aimed", "proposed", "undertook", "resolved"),
        PerfectAuxiliaries = Set("has", "have"),
        ClauseOpeners = Set("that", "because", "when", "while", "although", "after", "before", "if", "but", "which", "who"),
        PresentForms = Set("is", "are", "am", "can", "must", "does", "do", "has", "have", "goes", "comes", "remains", "stays", "needs", "wants", "plans", "hopes"),
        AheadModals = Set("should", "would", "could", "must", "may", "might", "can", "to"),
        LookBackCues = Set("first", "only", "one", "single", "once", "no", "never", "record", "most", "least", "best", "worst"),
        NotSuperlatives = Set("interest", "forest", "request", "protest", "contest", "harvest", "suggest", "arrest", "manifest", "modest",
            "honest", "digest", "invest", "attest", "conquest", "inquest", "southwest", "northwest", "midwest", "unrest", "behest", "detest",
            "budapest", "bucharest", "everest"),
        Recurring = Map(("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("yearly", "P1Y"), ("annually", "P1Y"), ("biweekly", "P2W")),
        Every = Set("every", "each"),
        Holidays =
        [
            (["new", "year's", "day"], (1, 1), null), (["christmas"], (12, 25), null), (["christmas", "day"], (12, 25), null), (["easter"], null, 0),
            (["good", "friday"], null, -2), (["halloween"], (10, 31), null), (["valentine's", "day"], (2, 14), null), (["juneteenth"], (6, 19), null),
        ],
    };

    public static TimeLexicon German { get; } = new()
    {
        Lang = "de",
        Months = Map(("januar", 1), ("jänner", 1), ("jan", 1), ("februar", 2), ("feb", 2), ("märz", 3), ("april", 4), ("apr", 4), ("mai", 5), ("juni", 6),
            ("juli", 7), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("oktober", 10), ("okt", 10), ("november", 11), ("nov", 11),
            ("dezember", 12), ("dez", 12)),
        Weekdays = Map(("montag", 1), ("dienstag", 2), ("mittwoch", 3), ("donnerstag", 4), ("freitag", 5), ("samstag", 6), ("sonnabend", 6), ("sonntag", 7)),
        RelativeDays = Map(("heute", 0), ("gestern", -1), ("morgen", 1), ("vorgestern", -2), ("übermorgen", 2)),
        Directions = Map(("nächste", 1), ("nächsten", 1), ("kommende", 1), ("kommenden", 1), ("letzte", -1), ("letzten", -1), ("vergangene", -1),
            ("vergangenen", -1), ("vergangenes", -1), ("vorige", -1), ("vorigen", -1), ("letztes", -1), ("nächstes", 1), ("kommendes", 1),
            // genitive and dative of a feminine noun: "Anfang nächster Woche", "Ende letzter Woche"
            ("nächster", 1), ("kommender", 1), ("letzter", -1), ("vergangener", -1), ("voriger", -1),
            ("diese", 0), ("diesen", 0), ("dieses", 0), ("diesem", 0)),
        Units = Map(("woche", "week"), ("wochen", "week"), ("monat", "month"), ("monate", "month"), ("monaten", "month"), ("jahr", "year"),
            ("jahre", "year"), ("jahren", "year"), ("monats", "month"), ("jahres", "year"), ("tag", "day"), ("tage", "day"), ("tagen", "day"), ("wochenende", "weekend")),
        Prepositions = Set("im", "in", "seit", "bis", "ab", "vor", "nach", "anfang", "ende", "mitte", "um", "während", "am"),
        PartModifiers = Map(("anfang", "START"), ("ende", "END"), ("mitte", "MID")),
        Seasons = Map(("frühling", "SP"), ("frühjahr", "SP"), ("sommer", "SU"), ("herbst", "FA"), ("winter", "WI")),
        RangeJoiners = Set("bis", "-", "–", "und"),
        Ago = Map(("zuvor", -1)),
        LaterEarlier = Map(("später", 1), ("früher", -1), ("danach", 1)),
        VagueCounts = Map2(("ein paar", (2, 4)), ("einige", (2, 5)), ("mehrere", (2, 6)), ("wenige", (2, 4))),
        EventPrepositions = Set("seit", "während", "nach", "vor"),
        EventNounParts = ["krise", "pandemie", "krieg", "wahl", "revolution", "anschlag", "katastrophe", "gipfel", "lockdown", "putsch", "invasion", "brexit"],
        NumberWords = Map(("ein", 1), ("einem", 1), ("einer", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7),
            ("acht", 8), ("neun", 9), ("zehn", 10), ("elf", 11), ("zwölf", 12), ("zwanzig", 20), ("dreißig", 30)),
        PastWords = Set("war", "waren", "wurde", "wurden", "hatte", "hatten", "sagte", "sagten", "ging", "gingen", "kam", "kamen", "gab", "starb", "fiel",
            "begann", "gewann", "verlor", "stand", "fand", "nahm", "teilte", "erklärte", "kündigte",
            // The simple past of strong and mixed verbs news reports events with (singular and plural; a prefix before
            // one is found by rule: "ver|ließ", "be|schloss", "er|hielt").
            "brach", "brachen", "floh", "flohen", "zog", "zogen", "sank", "sanken", "sprach", "sprachen", "traf", "trafen", "fuhr", "fuhren",
            "flog", "flogen", "lief", "liefen", "rief", "riefen", "schlug", "schlugen", "stieß", "stießen", "schoss", "schossen", "starben", "fielen",
            "hielt", "hielten", "ließ", "ließen", "lag", "lagen", "saß", "saßen", "stieg", "stiegen", "sah", "sahen", "wies", "wiesen", "schloss",
            "schlossen", "schied", "schieden", "bat", "baten", "bot", "boten", "blieb", "blieben", "brachte", "brachten", "dachte", "dachten", "wusste",
            "wussten", "nannte", "nannten", "kannte", "kannten", "rannte", "brannte", "brannten", "sandte", "wandte", "trat", "traten", "tat", "taten",
            "wuchs", "warf", "warfen", "half", "halfen", "gaben", "nahmen", "standen", "fanden", "begannen", "gewannen", "verloren", "schrieb", "schrieben",
            "las", "lasen", "riet", "fing", "fingen", "hing", "hingen", "zwang", "sang", "sprang", "gelang", "gelangen", "verschwand", "schien", "schienen",
            "stahl", "stahlen", "befahl", "empfahl", "goss", "floss", "litt", "litten", "stritt", "griff", "griffen", "biss", "riss", "rissen", "wich",
            "schwieg", "geschah", "geschahen", "stürzte", "stürzten", "musste", "mussten", "konnte", "konnten", "wollte", "wollten", "sollte", "sollten", "durfte", "durften"),
        FutureWords = Set("wird", "werden"),
        ExpectVerbs = Set("erwartet", "erwarten", "rechnet", "rechnen", "prognostiziert", "prognostizieren"),
        ReportingPast = Set("sagte", "sagten", "teilte", "teilten", "erklärte", "erklärten", "berichtete", "berichteten", "meldete", "meldeten",
            "schrieb", "schrieben", "betonte", "betonten", "kündigte", "kündigten", "warnte", "warnten", "bestätigte", "bestätigten"),
        ReportingPresent = Set("sagt", "berichtet", "meldet", "erklärt", "schreibt"),
        IntentionVerbs = Set("versprach", "versprachen", "versprochen", "beschloss", "beschlossen", "drohte", "drohten", "gedroht", "plante",
            "planten", "geplant", "hoffte", "hofften", "gehofft", "kündigte", "kündigten", "angekündigt", "vereinbarte", "vereinbarten",
            "vereinbart", "beabsichtigte", "beabsichtigten", "beabsichtigt", "zugesagt"),
        PerfectAuxiliaries = Set("hat", "haben", "ist", "sind"),
        ClauseOpeners = Set("dass", "weil", "wenn", "als", "nachdem", "bevor", "während", "obwohl", "aber", "denn"),
        PresentForms = Set("ist", "sind", "kann", "können", "muss", "müssen", "will", "wollen", "soll", "sollen", "darf", "dürfen", "geht", "gehen",
            "kommt", "kommen", "bleibt", "bleiben", "steht", "stehen", "liegt", "liegen", "findet", "finden", "hat", "haben"),
        AheadModals = Set("soll", "sollen", "sollte", "sollten", "will", "wollen", "muss", "müssen", "kann", "können", "könnte", "könnten", "dürfte", "dürften"),
        LookBackCues = Set("erste", "ersten", "erstes", "erstmals", "einzige", "einzigen", "einziges", "kein", "keine", "keinen", "nie", "rekord"),
        Recurring = Map(("täglich", "P1D"), ("wöchentlich", "P1W"), ("monatlich", "P1M"), ("jährlich", "P1Y")),
        Every = Set("jeden", "jede", "jedes", "alle"),
        Holidays =
        [
            (["neujahr"], (1, 1), null), (["weihnachten"], (12, 25), null), (["heiligabend"], (12, 24), null), (["silvester"], (12, 31), null),
            (["ostern"], null, 0), (["ostermontag"], null, 1), (["karfreitag"], null, -2), (["pfingsten"], null, 49), (["himmelfahrt"], null, 39),
        ],
    };

    public static TimeLexicon For(string lang) => lang switch
    {
        "en" => English,
        "de" => German,
        _ => Dutch,
    };

    private static Dictionary<string, T> Map<T>(params (string Key, T Value)[] pairs)
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            d[k] = v;
        }

        return d;
    }

    private static Dictionary<string, (int, int)> Map2(params (string Key, (int, int) Value)[] pairs) => Map(pairs);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
