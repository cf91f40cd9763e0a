using System.Globalization;
using Chorus.Core.Text;

namespace Chorus.Core.Extraction.Quantities;

/// <summary>
/// A number with what it counts or measures. <see cref="Value"/> is the number itself; a range ("tussen 24 en 65
/// jaar") or a vague amount ("duizenden") keeps <see cref="Value"/> = the lower bound and gives the bounds in
/// <see cref="Min"/>/<see cref="Max"/>; <see cref="Approximate"/> marks "ongeveer", "zo'n", "ruim" and vague words.
/// <see cref="Lower"/>/<see cref="Upper"/> are the interval the words state, with bounds ("ruim 200": 200 and up).
/// </summary>
public readonly record struct QuantityMention(int Start, int End, double Value, string? Unit, double? Min = null, double? Max = null, bool Approximate = false, FigureQualifier Qualifier = FigureQualifier.None)
{
    /// <summary>The least value the words allow; null when unbounded below ("bijna 200", "hooguit 5").</summary>
    public double? Lower => Qualifier is FigureQualifier.LessThan or FigureQualifier.AtMost ? null : Min ?? Value;

    /// <summary>The greatest value the words allow; null when unbounded above ("ruim 200", "minstens 5").</summary>
    public double? Upper => Qualifier is FigureQualifier.MoreThan or FigureQualifier.AtLeast ? null : Max ?? Value;

    /// <summary>Whether the bound itself is excluded: "ruim 200" and "bijna 200" are not 200.</summary>
    public bool BoundExcluded => Qualifier is FigureQualifier.MoreThan or FigureQualifier.LessThan;
}

/// <summary>
/// Finds quantities in Dutch, English and German: digits in the language's number format (Dutch "1.000,5",
/// English "1,000.5"), number words including Dutch and German compounds ("vijfentwintig", "tweehonderd",
/// "fünfundzwanzig"), scale words (miljoen, billion), vague amounts (honderden, thousands), ranges, money,
/// percentages and units, or else the counted noun that follows. Spans already taken by time expressions
/// are skipped. Immutable and thread-safe.
/// </summary>
public sealed class QuantityExtractor
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["kilometer"] = "km", ["km"] = "km", ["kilometers"] = "km", ["kilometres"] = "km", ["kilometre"] = "km",
        ["meter"] = "m", ["m"] = "m", ["meters"] = "m", ["metres"] = "m", ["metre"] = "m",
        ["centimeter"] = "cm", ["cm"] = "cm", ["millimeter"] = "mm", ["mm"] = "mm",
        ["kilo"] = "kg", ["kilogram"] = "kg", ["kg"] = "kg", ["kilo's"] = "kg", ["kilograms"] = "kg",
        ["gram"] = "g", ["ton"] = "t", ["tonnes"] = "t", ["tons"] = "t", ["tonnen"] = "t",
        ["liter"] = "l", ["liters"] = "l", ["litres"] = "l",
        ["procent"] = "%", ["percent"] = "%", ["prozent"] = "%", ["%"] = "%", ["procentpunt"] = "percentage point", ["procentpunten"] = "percentage point",
        ["euro"] = "EUR", ["euro's"] = "EUR", ["euros"] = "EUR", ["eur"] = "EUR", ["€"] = "EUR", ["dollar"] = "USD", ["dollars"] = "USD", ["$"] = "USD", ["usd"] = "USD",
        ["pond"] = "GBP", ["pounds"] = "GBP", ["£"] = "GBP",
        ["graden"] = "°", ["degrees"] = "°", ["grad"] = "°", ["°"] = "°", ["°c"] = "°C", ["°f"] = "°F",
        ["uur"] = "h", ["uren"] = "h", ["u"] = "h", ["hours"] = "h", ["hour"] = "h", ["stunden"] = "h", ["stunde"] = "h",
        ["minuten"] = "min", ["minuut"] = "min", ["minutes"] = "min", ["minute"] = "min",
        ["seconden"] = "s", ["seconds"] = "s", ["sekunden"] = "s",
        ["jaar"] = "year", ["jaren"] = "year", ["years"] = "year", ["year"] = "year", ["jahre"] = "year", ["jahren"] = "year",
        ["maanden"] = "month", ["months"] = "month", ["monate"] = "month", ["weken"] = "week", ["weeks"] = "week", ["wochen"] = "week",
        ["dagen"] = "day", ["days"] = "day", ["tage"] = "day", ["tagen"] = "day",
        // The singulars a fraction or "one" takes: "anderhalve maand", "een halve dag", "één week", "6,5 maand".
        ["maand"] = "month", ["dag"] = "day", ["week"] = "week", ["seconde"] = "s",
        ["hectare"] = "ha", ["ha"] = "ha", ["vierkante"] = "m2",

        // The English and German forms of the same units (plurals, German case endings), so a figure in one language
        // meets its unit in another: "2,000 hectares", "1.200 hectare", "1.500 Hektar".
        ["hectares"] = "ha", ["hektar"] = "ha", ["centimeters"] = "cm", ["centimetres"] = "cm", ["centimetre"] = "cm", ["zentimeter"] = "cm",
        ["zentimetern"] = "cm", ["millimeters"] = "mm", ["millimetres"] = "mm", ["millimetre"] = "mm", ["millimetern"] = "mm", ["metern"] = "m",
        ["kilometern"] = "km", ["grams"] = "g", ["gramm"] = "g", ["kilos"] = "kg", ["kilogramm"] = "kg", ["tonne"] = "t", ["litre"] = "l",
        ["litern"] = "l", ["meilen"] = "mi", ["mph"] = "mi/h",
        ["voet"] = "ft", ["feet"] = "ft", ["foot"] = "ft", ["mijl"] = "mi", ["mijlen"] = "mi", ["miles"] = "mi", ["mile"] = "mi", ["inch"] = "in", ["cent"] = "ct",
        ["ons"] = "ons", ["bit"] = "bit", ["bits"] = "bit", ["byte"] = "byte", ["bytes"] = "byte", ["eurocent"] = "ct",

        // Dutch coins by name, still said of euro amounts: "een tientje" is ten euros, "een kwartje" 25 cents.
        ["kwartje"] = "kwartje", ["kwartjes"] = "kwartje", ["dubbeltje"] = "dubbeltje", ["dubbeltjes"] = "dubbeltje", ["stuiver"] = "stuiver",
        ["stuivers"] = "stuiver", ["tientje"] = "tientje", ["tientjes"] = "tientje", ["rijksdaalder"] = "rijksdaalder", ["rijksdaalders"] = "rijksdaalder",
    };

    // The codes the units above stand for ("km", "EUR", "year"): a figure with one of them measures; any other unit is a
    // counted noun.
    private static readonly HashSet<string> UnitCodes = new(Units.Values, StringComparer.Ordinal);

    // The periods a rate is given over, in the singular a rate uses ("per jaar", "a year", "pro Jahr", "im Jahr").
    private static readonly Dictionary<string, string> RatePeriods = new(StringComparer.Ordinal)
    {
        ["jaar"] = "year", ["year"] = "year", ["jahr"] = "year", ["maand"] = "month", ["month"] = "month", ["monat"] = "month",
        ["week"] = "week", ["woche"] = "week", ["dag"] = "day", ["day"] = "day", ["tag"] = "day", ["uur"] = "h", ["hour"] = "h", ["stunde"] = "h",
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    {
        ["duizend"] = 1e3, ["thousand"] = 1e3, ["tausend"] = 1e3,
        // English writes "three hundred" in two words (Dutch and German in one: "driehonderd", "dreihundert").
        ["hundred"] = 100,
        ["miljoen"] = 1e6, ["mln"] = 1e6, ["million"] = 1e6, ["millions"] = 1e6, ["millionen"] = 1e6, ["mio"] = 1e6, ["m"] = 1e6,
        ["miljard"] = 1e9, ["mld"] = 1e9, ["billion"] = 1e9, ["milliarde"] = 1e9, ["milliarden"] = 1e9, ["mrd"] = 1e9, ["bn"] = 1e9,
        // Wire copy abbreviates: "$19 bln loss", "USD one mn deal", "$1.2 trln".
        ["bln"] = 1e9, ["mn"] = 1e6, ["tn"] = 1e12, ["trln"] = 1e12,
        ["biljoen"] = 1e12, ["trillion"] = 1e12,
        ["dozijn"] = 12, ["dozijnen"] = 12, ["dozen"] = 12, ["dutzend"] = 12, ["gros"] = 144,
        ["k"] = 1e3,
    };

    // Vague amounts: the word and the range it stands for.
    private static readonly Dictionary<string, (double Min, double Max)> Vague = new(StringComparer.Ordinal)
    {
        ["tientallen"] = (20, 99), ["honderden"] = (200, 999), ["duizenden"] = (2000, 9999), ["tienduizenden"] = (20_000, 99_999),
        ["honderdduizenden"] = (200_000, 999_999), ["miljoenen"] = (2e6, 9.99e6), ["miljarden"] = (2e9, 9.99e9),
        ["dozens"] = (24, 99), ["hundreds"] = (200, 999), ["thousands"] = (2000, 9999), ["millions"] = (2e6, 9.99e6), ["billions"] = (2e9, 9.99e9),
        ["dutzende"] = (24, 99), ["hunderte"] = (200, 999), ["tausende"] = (2000, 9999), ["zehntausende"] = (20_000, 99_999),
        ["hunderttausende"] = (200_000, 999_999), ["millionen"] = (2e6, 9.99e6),
        // German dative forms: "mit Dutzenden Verletzten", "von Tausenden Menschen".
        ["dutzenden"] = (24, 99), ["hunderten"] = (200, 999), ["tausenden"] = (2000, 9999), ["zehntausenden"] = (20_000, 99_999),
        ["hunderttausenden"] = (200_000, 999_999),
    };

    // English writes a vague multiple of a scale as three words: "tens of thousands", "hundreds of millions".
    private static readonly Dictionary<string, double> EnglishVagueMultiples = new(StringComparer.Ordinal) { ["tens"] = 10, ["hundreds"] = 100 };

    private static readonly Dictionary<string, FigureQualifier> Qualifiers = new(StringComparer.Ordinal)
    {
        ["ongeveer"] = FigureQualifier.Approximately, ["circa"] = FigureQualifier.Approximately, ["ca"] = FigureQualifier.Approximately, ["zo'n"] = FigureQualifier.Approximately, ["zowat"] = FigureQualifier.Approximately, ["rond"] = FigureQualifier.Approximately, ["ruwweg"] = FigureQualifier.Approximately,
        ["bijna"] = FigureQualifier.LessThan, ["ruim"] = FigureQualifier.MoreThan, ["meer"] = FigureQualifier.MoreThan, ["minder"] = FigureQualifier.LessThan, ["minstens"] = FigureQualifier.AtLeast, ["maximaal"] = FigureQualifier.AtMost, ["hooguit"] = FigureQualifier.AtMost, ["tenminste"] = FigureQualifier.AtLeast,
        ["about"] = FigureQualifier.Approximately, ["around"] = FigureQualifier.Approximately, ["approximately"] = FigureQualifier.Approximately, ["roughly"] = FigureQualifier.Approximately, ["some"] = FigureQualifier.Approximately, ["nearly"] = FigureQualifier.LessThan, ["almost"] = FigureQualifier.LessThan,
        ["over"] = FigureQualifier.MoreThan, ["more"] = FigureQualifier.MoreThan, ["less"] = FigureQualifier.LessThan, ["fewer"] = FigureQualifier.LessThan, ["least"] = FigureQualifier.AtLeast, ["up"] = FigureQualifier.AtMost,
        // "Oil falls below $108", "children under 5", "shares closed above $50", "ends near $101". Not Dutch "onder" or
        // German "unter", which before a number are as often "among" ("onder de 300 slachtoffers").
        ["below"] = FigureQualifier.LessThan, ["under"] = FigureQualifier.LessThan, ["above"] = FigureQualifier.MoreThan, ["near"] = FigureQualifier.Approximately,
        ["etwa"] = FigureQualifier.Approximately, ["rund"] = FigureQualifier.Approximately, ["zirka"] = FigureQualifier.Approximately, ["schätzungsweise"] = FigureQualifier.Approximately, ["ungefähr"] = FigureQualifier.Approximately, ["fast"] = FigureQualifier.LessThan, ["knapp"] = FigureQualifier.LessThan, ["mehr"] = FigureQualifier.MoreThan, ["über"] = FigureQualifier.MoreThan, ["weniger"] = FigureQualifier.LessThan, ["mindestens"] = FigureQualifier.AtLeast,
    };

    // Finite auxiliaries, copulas, modals and the commonest verbs, present and past, that follow a subject: never what a
    // number counts.
    private static readonly HashSet<string> FiniteAuxiliaries = new(StringComparer.Ordinal)
    {
        "is", "zijn", "was", "waren", "werd", "werden", "wordt", "worden", "heeft", "hebben", "had", "hadden", "zal", "zullen", "kunnen", "konden", "moeten", "moesten",
        "kan", "kon", "mag", "mogen", "mocht", "mochten", "moet", "moest", "wil", "willen", "wilde", "wilden", "zou", "zouden", "hoeft", "hoeven",
        "gaat", "gaan", "ging", "gingen", "komt", "komen", "kwam", "kwamen", "blijft", "blijven", "bleef", "bleven", "krijgt", "krijgen", "kreeg", "kregen",
        "staat", "staan", "stond", "stonden", "doet", "doen", "deed", "deden",
        "are", "were", "have", "has", "had", "will", "would", "could", "did", "can", "may", "must", "should", "might",
        "ist", "sind", "war", "waren", "wurde", "wurden", "wird", "werden", "hat", "haben", "hatte", "hatten",
    };

    // Dutch forms the treebanks tag only as a verb or an adverb ("Vijf blijken onschuldig", "Drie daarvan liggen"): never
    // what a number counts (Resources/nl-not-counted.txt, derived by tools/derive-not-counted.py; CC BY-SA 4.0).
    private static readonly HashSet<string> DutchVerbsAndAdverbs = new(
        EmbeddedResources.ReadEntries("nl-not-counted.txt"), StringComparer.Ordinal);

    /// <summary>Whether a Dutch word is one the treebanks tag only as a verb or an adverb (so never a noun a number counts).</summary>
    internal static bool IsDutchVerbOrAdverb(string word) => DutchVerbsAndAdverbs.Contains(word);

    // Words after a number that are not what it counts ("de twee elkaar", "beide zich").
    private static readonly HashSet<string> NotCounted = new(StringComparer.Ordinal)
    {
        "elkaar", "zich", "zichzelf", "ons", "jullie", "hen", "hun", "andere", "keer", "maal", "each", "other", "themselves", "einander", "sich", "mal",
        "plus", "minus", "min", "times", "gedeeld", "verder",
        // A rate's word is no noun: "36 miljoen per jaar" counts nothing named ("per" had been its noun).
        "per", "pro",
    };

    // "Other" before a noun is the noun's adjective: "drie andere mannen", "three other men", "drei andere Männer".
    private static readonly HashSet<string> OtherWords = new(StringComparer.Ordinal) { "andere", "other", "weitere" };

    /// <summary>The unit of a person's age ("34-jarige", "61-year-old", "aged 67", "Jan de Vries (67)"): a slot of its own, never a length of time.</summary>
    public const string AgeUnit = "age";

    // Nouns for a person that an age in "van N jaar" / "von N Jahren" describes.
    private static readonly HashSet<string> PersonNouns = new(StringComparer.Ordinal)
    {
        "man", "vrouw", "jongen", "meisje", "kind", "jongeman", "persoon", "baby", "peuter", "tiener", "bestuurder", "automobilist", "fietser", "voetganger",
        "verdachte", "slachtoffer", "dader", "bewoner", "inwoner", "passagier", "patiënt", "agent", "militair", "student", "leerling", "piloot", "chauffeur",
        "mann", "frau", "junge", "mädchen", "jugendlicher", "fahrer", "person", "verdächtiger", "verdächtige", "opfer", "täter", "bewohner", "patient",
        "woman", "boy", "girl", "child", "teenager", "driver", "cyclist", "pedestrian", "suspect", "victim", "resident", "passenger",
        "officer", "soldier", "pilot",
        // Children and others a report names by what they are to someone ("de dochter (3) van", "een kleuter (4)", "haar
        // zoon van 9"); not parents: "moeder van drie kinderen", "vader van twee" count their children.
        "dochter", "zoon", "dochtertje", "zoontje", "broer", "zus", "kleuter", "jongetje", "puber", "scholier", "motorrijder", "scooterrijder",
        "wandelaar", "tochter", "sohn", "daughter", "son",
    };

    // Pronouns that stand for a person, as the subject of "… is 47 jaar oud", and the youngest and the eldest of them.
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal)
    {
        "hij", "ze", "zij", "he", "she", "er", "sie", "jongste", "oudste", "youngest", "oldest", "eldest", "jüngste", "älteste",
    };

    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal) { "is", "was", "ist", "war" };

    // Endings of nouns of an agent in Dutch and German ("gijzelnemer", "Geiselnehmer", "journalist", "ambassadeur").
    private static readonly string[] AgentEndings = ["nemer", "nehmer", "ist", "eur", "aar", "ling"];

    // Prepositions that join a complement to a noun ("het dodental van de aardbeving", "the toll from the quake", "die Zahl
    // der Toten im Osten").
    private static readonly HashSet<string> ComplementPrepositions = new(StringComparer.Ordinal) { "van", "in", "bij", "uit", "of", "from", "im", "von", "aus", "bei" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "de", "het", "een", "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine" };

    // Bodies of people a number after "of/van/von" counts: "a crew of 19", "een ploeg van 12", "eine Gruppe von 40".
    private static readonly HashSet<string> Bodies = new(StringComparer.Ordinal)
    {
        "crew", "team", "group", "staff", "bemanning", "groep", "ploeg", "besatzung", "gruppe", "mannschaft",
    };

    // English plural nouns without an "s" that an adjective may stand before ("four injured people").
    private static readonly HashSet<string> EnglishPluralsWithoutS = new(StringComparer.Ordinal) { "people", "men", "women", "children", "police", "cattle", "sheep", "fish", "staff", "crew" };

    private static readonly string[] AgeEndings = ["jarige", "jarigen", "jarig", "jährige", "jähriger", "jährigen", "jährigem", "jähriges", "-year-old", "-years-old"];

    // The number of an age compound ("vierentwintigjarige" 24, "zwölfjährige" 12, "twelve-year-old" 12), if it is one.
    private static double? AgeCompound(string word, string lang)
    {
        foreach (var ending in AgeEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal)
                && ParseWords(word[..^ending.Length].TrimEnd('-'), lang) is { } n && n == Math.Floor(n) && n is >= 1 and <= 120)
            {
                return n;
            }
        }

        return null;
    }

    // Endings of Dutch adjectives ("voorwaardelijk", "nodig", "medisch", "haalbaar", "werkloos", "langzaam"); a plural noun
    // never ends so, and an adjective before a plural inflects (-e), so such a form after a number is no counted noun.
    private static readonly string[] DutchAdjectiveEndings = ["lijk", "ig", "isch", "baar", "loos", "zaam"];

    private static bool IsUninflectedDutchAdjective(string word)
    {
        if (word.Length < 5)
        {
            return false;
        }

        foreach (var ending in DutchAdjectiveEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAgentNoun(string word)
    {
        if (word.Length <= 6)
        {
            return false;
        }

        foreach (var ending in AgentEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Dictionary<string, int> DutchUnits = Words(("nul", 0), ("een", 1), ("één", 1), ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7), ("acht", 8), ("negen", 9));
    private static readonly Dictionary<string, int> DutchTeens = Words(("tien", 10), ("elf", 11), ("twaalf", 12), ("dertien", 13), ("veertien", 14), ("vijftien", 15), ("zestien", 16), ("zeventien", 17), ("achttien", 18), ("negentien", 19));
    private static readonly Dictionary<string, int> DutchTens = Words(("twintig", 20), ("dertig", 30), ("veertig", 40), ("vijftig", 50), ("zestig", 60), ("zeventig", 70), ("tachtig", 80), ("negentig", 90));
    private static readonly Dictionary<string, int> EnglishSmall = Words(("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90));
    private static readonly Dictionary<string, int> GermanUnits = Words(("ein", 1), ("eins", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9));
    private static readonly Dictionary<string, int> GermanTeens = Words(("zehn", 10), ("elf", 11), ("zwölf", 12), ("dreizehn", 13), ("vierzehn", 14), ("fünfzehn", 15), ("sechzehn", 16), ("siebzehn", 17), ("achtzehn", 18), ("neunzehn", 19));
    private static readonly Dictionary<string, int> GermanTens = Words(("zwanzig", 20), ("dreißig", 30), ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70), ("achtzig", 80), ("neunzig", 90));

    public List<QuantityMention> Extract(string text, IReadOnlyList<Token> tokens, string lang, IReadOnlyList<TextSpan> skip)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return Extract(text, tokens, tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray(), lang, skip);
    }

    /// <summary>As <see cref="Extract(string, IReadOnlyList{Token}, string, IReadOnlyList{TextSpan})"/>, with the tokens already lower-cased.</summary>
    public List<QuantityMention> Extract(string text, IReadOnlyList<Token> tokens, string[] w, string lang, IReadOnlyList<TextSpan> skip)
        => Extract(text, tokens, w, lang, skip, keepBareNumbers: false);

    /// <summary>
    /// As above; with <paramref name="keepBareNumbers"/> a number that counts nothing is kept too (unit null), which is how
    /// the number reader itself is measured. Analysis leaves them out: a bare number is a score, a house number or a year.
    /// </summary>
    public List<QuantityMention> Extract(string text, IReadOnlyList<Token> tokens, string[] w, string lang, IReadOnlyList<TextSpan> skip, bool keepBareNumbers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(skip);
        skip = IsSorted(skip) ? skip : skip.OrderBy(s => s.Start).ToList();
        var stop = LanguageStemmer.For(lang);
        var result = new List<QuantityMention>();
        var i = 0;
        string? gluedUnit = null;
        while (i < tokens.Count)
        {
            gluedUnit = null;
            if (!MayStartNumber(i) || Covered(tokens[i], skip) || !TryNumber(i, out var value, out var next, out var vague))
            {
                i++;
                continue;
            }

            var start = i;
            if (vague is null)
            {
                (value, next) = ExtendNumber(i, value, next);
                (value, next) = Exponent(i, value, next);

                // ",08": a decimal written without its leading zero, in Dutch and German (".08" in English).
                if (tokens[i].Kind == TokenKind.Number && i > 0 && w[i - 1] == (lang == "en" ? "." : ",") && tokens[i - 1].End == tokens[i].Start
                    && (i == 1 || tokens[i - 2].End < tokens[i - 1].Start) && AllDigits(w[i]))
                {
                    (value, start) = (double.Parse("0." + w[i], CultureInfo.InvariantCulture), i - 1);
                }

                // "een op de twintig", "three in ten", "drei von zehn": a proportion.
                if (next + 2 < tokens.Count && w[next] == "op" && w[next + 1] == "de" && TryNumber(next + 2, out var whole, out var afterWhole, out _) && whole > value)
                {
                    (value, next) = (value / whole, afterWhole);
                }
                // Not "3 in 10 minutes": a whole that measures something is no whole of a proportion.
                else if (next + 1 < tokens.Count && (w[next], lang) is ("in", "en") or ("von", "de") && TryNumber(next + 1, out var whole2, out var afterWhole2, out _)
                    && whole2 > value && whole2 <= 1000 && !(afterWhole2 < tokens.Count && Units.ContainsKey(w[afterWhole2])))
                {
                    (value, next) = (value / whole2, afterWhole2);
                }
            }

            // A minus sign before the number, not between two numbers: "-5 graden", "- 20 graden" (not "10-13").
            var signed = (i > 0 && w[i - 1] is "-" or "−" && (i == 1 || tokens[i - 2].Kind is not TokenKind.Number) && tokens[i].Kind == TokenKind.Number
                && (i == 1 || tokens[i - 1].Start > tokens[i - 2].End || tokens[i - 2].Kind == TokenKind.Punctuation))
                || (i > 0 && w[i - 1] is "min" or "minus");
            if (signed)
            {
                (value, start) = (-value, i - 1);
            }

            FigureQualifier? qualifier = null;
            // A currency sign may stand between a qualifier and its number: "more than $300", "below US$108", "ruim € 2
            // miljoen" (the qualifier was missed behind the sign).
            var sign = start > 0 && Units.TryGetValue(w[start - 1], out var before) && IsCurrency(before) ? before : null;
            var signAt = sign is null ? -1 : start - 1;

            // Qualifiers before the number: "ongeveer 130", "meer dan 90", "zo'n 60", "more than"
            var q = (signAt >= 0 ? signAt : start) - 1;
            if (signAt > 0 && q >= 0 && tokens[q].End == tokens[signAt].Start && w[q] is "us" or "a" or "c" or "nz" or "hk" or "s")
            {
                q--; // "US$108", "A$5 million": the country's letters are part of the sign
            }

            if (q >= 0 && w[q] is "dan" or "than" or "als" && q >= 1 && Qualifiers.TryGetValue(w[q - 1], out var qq))
            {
                (qualifier, start) = (qq, q - 1);
            }
            else if (q >= 0 && Qualifiers.TryGetValue(w[q], out var q1) && w[q] is not ("meer" or "more" or "mehr" or "over"))
            {
                (qualifier, start) = (q1, q);
            }
            else if (q >= 1 && (w[q - 1], w[q]) is ("up", "to") or ("bis", "zu") or ("tot", "wel") or ("tot", "zelfs") or ("tot", "maximaal")
                && !(q >= 2 && tokens[q - 2].Kind == TokenKind.Number))
            {
                // "up to 200", "bis zu 200", "tot wel 200 euro per ton": an upper bound (not the end of a range, "5000 tot
                // wel 11.000"). A bare "tot" is not: "veroordeeld tot zes jaar", "gegroeid tot 13,5 procent".
                (qualifier, start) = (FigureQualifier.AtMost, q - 1);
            }

            string? unit = null;
            // Currency before the number: "€ 2,5 miljoen", "$3 billion"
            if (signAt >= 0)
            {
                (unit, start) = (sign, Math.Min(start, signAt));
            }

            // "een paar honderd", "een paar duizend": a few hundred is a vague amount, like "honderden".
            if (vague is null && value is 100 or 1000 && tokens[i].Kind == TokenKind.Word && start > 1 && w[start - 1] == "paar" && w[start - 2] == "een")
            {
                (value, vague, start) = (2 * value, (2 * value, (10 * value) - 1), start - 2);
            }

            double? min = null, max = null;
            if (vague is { } v)
            {
                (min, max, qualifier) = (v.Min, v.Max, qualifier ?? FigureQualifier.Vague);
            }

            // Ranges: "24 tot 65", "10-13", "4 à 5 dollar", "tussen de 24 en 65", and a choice of two read as the range it
            // spans: "70 of 80 kilometer per uur", "two or three people", "zwei oder drei Tage" (Dutch "of" is "or";
            // English "of" is not: "5 of 10").
            if (next + 1 < tokens.Count && (w[next] is "tot" or "-" or "–" or "to" or "bis" or "à" or "a" or "en" or "and" or "und"
                    || (w[next], lang) is ("of", "nl") or ("or", "en") or ("oder", "de"))
                && (w[next] is not ("en" or "and" or "und") || (start > 1 && w[start - 1] is "de" or "tussen" or "between" or "zwischen") || (start > 0 && w[start - 1] is "tussen" or "between" or "zwischen"))
                && TryNumber(next + 1, out var high, out var afterHigh, out _) && high > value)
            {
                (min, max, next) = (value, high, afterHigh);
                if (start >= 2 && w[start - 1] == "de" && w[start - 2] is "tussen")
                {
                    start -= 2;
                }
                else if (start >= 1 && w[start - 1] is "tussen" or "between" or "zwischen")
                {
                    start -= 1;
                }
            }

            // Scale words after the number: "2,5 miljoen", "3 billion"
            var scaled = false;
            if (next < tokens.Count && Scales.TryGetValue(w[next], out var scale) && !(w[next] == "m" && unit is null))
            {
                value *= scale;
                min *= scale;
                max *= scale;
                next++;
                scaled = true;
                // "3 miljoen en een half", "vijf miljard en driekwart"
                if (next + 2 < tokens.Count && w[next] is "en" or "and" or "und" && w[next + 1] is "een" or "a" or "ein" or "eine" && PartWord(w[next + 2]) is { } part)
                {
                    // "een miljard en een half miljoen": the half belongs to the scale after it, if one follows.
                    var partOf = next + 3 < tokens.Count && Scales.TryGetValue(w[next + 3], out var s2) ? s2 : scale;
                    value += partOf * part;
                    next += partOf == scale ? 3 : 4;
                }
                else if (next + 1 < tokens.Count && w[next] is "en" && w[next + 1] is "driekwart")
                {
                    (value, next) = (value + (0.75 * scale), next + 2);
                }
                else if (next + 1 < tokens.Count && w[next] is "en" && Fraction(next + 1, out var sf, out var afterSf) && sf < 1)
                {
                    (value, next) = (value + (scale * sf), afterSf);
                }
                else if (vague is null)
                {
                    // "zeventien miljoen drieënvijftigduizend negenhonderdtachtig", "vijf miljard tweehonderd miljoen"
                    (value, next) = ExtendNumber(next - 1, value, next);
                }
            }

            if (unit is null && gluedUnit is not null)
            {
                unit = gluedUnit;
            }

            // A unit joined by a hyphen: "10-liter", "776-voet", "6-jarige" (an age).
            if (unit is null && next + 1 < tokens.Count && w[next] == "-" && tokens[next].Start == tokens[next - 1].End && tokens[next + 1].Start == tokens[next].End)
            {
                if (Units.TryGetValue(w[next + 1], out var hu))
                {
                    (unit, next) = (hu, next + 2);
                }
                // Uninflected "-jarig" before a thing is its years ("het 25-jarig jubileum", "een 10-jarig contract"); before a
                // child it is an age ("een 8-jarig meisje").
                else if (w[next + 1] == "jarig" && next + 2 < tokens.Count && tokens[next + 2].Kind == TokenKind.Word && !stop.IsStopword(w[next + 2])
                    && !PersonNouns.Contains(w[next + 2]) && !IsAgentNoun(w[next + 2]) && !IsCapitalisedWord(next + 2))
                {
                    (unit, next) = ("year", next + 2);
                }
                else if (w[next + 1] is "jarige" or "jarig" or "jährige" or "jähriger" or "year-old")
                {
                    (unit, next) = (AgeUnit, next + 2);
                    if (next < tokens.Count && w[next] is "leeftijd")
                    {
                        next++;
                    }
                }
            }

            // An age: "the pilot, aged 67", "she turned 64", and a person's age in brackets after the name ("Jan de Vries (67)"), a noun
            // for a person ("een man (64)", "de dochter (3) van") or "I" in a column ("mij (80)").
            if (unit is null && IsPlainAge(value, vague, min)
                && ((start > 0 && w[start - 1] is "aged" or "turned" or "turns") || (next < tokens.Count && w[next] == ")" && BracketOpensAfterAPerson(start - 1))))
            {
                unit = AgeUnit;
            }

            // Two ages in one bracket after a couple or two names ("een echtpaar uit Houten (66 en 62)"): the first takes
            // its unit from the second.
            if (unit is null && IsPlainAge(value, vague, min) && start > 1 && w[start - 1] == "(" && next + 2 < tokens.Count && w[next] is "en" or "and" or "und"
                && tokens[next + 1].Kind == TokenKind.Number && w[next + 2] == ")" && double.TryParse(w[next + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
                && IsPlainAge(second, null, null))
            {
                unit = AgeUnit;
            }

            // The first of two ages in one apposition takes its unit from the second's words: "Die beiden Täter, 24 und 35
            // Jahre alt," ("aged 19 and 22" is above).
            if (unit is null && IsPlainAge(value, vague, min) && start > 0 && w[start - 1] == "," && YearsOldAfterAnd(next))
            {
                unit = AgeUnit;
            }

            // A body of people counted after "of/van/von" with nothing named after the number: "a crew of 19", "een
            // bemanning van 21", "eine Besatzung von 21" ("een groep van 40 boeren" counts the farmers, below).
            if (unit is null && vague is null && !scaled && start > 1 && w[start - 1] is "van" or "of" or "von" && Bodies.Contains(w[start - 2])
                && (next == tokens.Count || tokens[next].Kind != TokenKind.Word || stop.IsStopword(w[next]) || IsFiniteVerb(next)
                    || (lang == "en" && w[next].EndsWith("ed", StringComparison.Ordinal))))
            {
                unit = w[start - 2];
            }

            // An age without its unit: after a person and "van/of/von" ("een vrouw van 71", "a woman of 71", "ein Junge von
            // zwölf"; with a unit it is the unit's: "een kind van 3 maanden"), or set off by commas after a person's name
            // ("John Smith, 45, of Leeds", "Netanyahu, 69, won").
            if (unit is null && IsPlainAge(value, vague, min) && !scaled && start > 1 && !(next < tokens.Count && Units.ContainsKey(w[next]))
                && ((w[start - 1] is "van" or "of" or "von" && PersonNouns.Contains(w[start - 2])) || NameBeforeCommas(start, next) || PersonNounBeforeCommas(start, next)))
            {
                unit = AgeUnit;
            }

            // English joins a vague amount to what it counts with "of": "hundreds of trees", "tens of thousands of homes",
            // "millions of euros".
            var ofAt = -1;
            if (unit is null && vague is not null && lang == "en" && next + 1 < tokens.Count && w[next] == "of" && tokens[next + 1].Kind == TokenKind.Word)
            {
                (ofAt, next) = (next, next + 1);
            }

            // Unit or counted noun after it
            if (unit is null && next < tokens.Count)
            {
                // "3.2 per cent": British English writes the share in two words.
                if (next + 1 < tokens.Count && w[next] == "per" && w[next + 1] == "cent")
                {
                    (unit, next) = ("%", next + 2);
                }
                // "km/u", "km/h" ("h" is an hour only after the slash: alone it is too often something else).
                else if (next + 2 < tokens.Count && Units.TryGetValue(w[next], out var u1) && w[next + 1] is "per" or "/" or "pro" && PerUnit(next + 1) is { } u2)
                {
                    (unit, next) = ($"{u1}/{u2}", next + 3);
                }
                else if (next + 2 < tokens.Count && Units.TryGetValue(w[next], out var r1) && w[next + 1] is "per" or "pro" or "a" or "an" or "each" or "im" or "am" && RatePeriods.TryGetValue(w[next + 2], out var period)
                    && (w[next + 1] is not ("im" or "am") || lang == "de"))
                {
                    // A rate over a period however it is said: "300 miljoen euro per jaar", "450 million euros a year",
                    // "300 Millionen Euro im Jahr", "20 euro per dag".
                    (unit, next) = ($"{r1}/{period}", next + 3);
                }
                else if (Units.TryGetValue(w[next], out var u))
                {
                    (unit, next) = (u, next + 1);
                    // Cents after the currency word: "5 euro 50", "3 euro en 50 cent", "vijf euro vijftig".
                    if (IsCurrency(u) && next < tokens.Count)
                    {
                        var c = next < tokens.Count && w[next] is "en" or "and" ? next + 1 : next;
                        if (c < tokens.Count && TryNumber(c, out var cents, out var afterCents, out var vc) && vc is null && cents is > 0 and < 100 && cents == Math.Floor(cents)
                            && (c == next || (afterCents < tokens.Count && w[afterCents] is "cent" or "cents")))
                        {
                            value += cents / 100;
                            next = afterCents < tokens.Count && w[afterCents] is "cent" or "cents" ? afterCents + 1 : afterCents;
                        }
                    }
                    if (u == "m2" && next < tokens.Count && w[next] is "meter")
                    {
                        next++;
                    }
                    else if (u == "l" && PerSquareMetre(next) is > 0 and var afterArea)
                    {
                        // "120 Liter (Regen) pro Quadratmeter": a litre on a square metre stands a millimetre deep, so
                        // this is rain in millimetres, the measure the other languages give it in.
                        (unit, next) = ("mm", afterArea);
                    }
                }
                // An auxiliary, a modal or one of the commonest verbs after a number is what its subject does, not what it
                // counts ("Van Radio 538 kregen de vindsters", "waar 50 mag", "De drie moeten naar het CBR"): the number
                // counts nothing named. A change verb after it leaves the figure to its subject ("auf 41 gestiegen", below).
                else if (CountedNoun(next, stop, PartitiveBefore(start)) is { } noun && !(vague is not null ? IsFiniteVerb(noun) : FiniteAuxiliaries.Contains(w[noun])) && !ChangeVerbs.Contains(w[noun])
                    && !(lang == "nl" && DutchVerbsAndAdverbs.Contains(w[noun])))
                {
                    (unit, next) = (w[noun], noun + 1);
                }
            }

            // "of" that led to nothing counted is not the figure's ("thousands of the"): it ends where it did.
            if (ofAt >= 0 && unit is null)
            {
                next = ofAt;
            }

            // An earthquake's magnitude: "een kracht van 6,2", "Stärke 6,2", "magnitude 6.2", "6,2 op de schaal van Richter".
            if (unit is null && (MagnitudeBefore(start) || (next + 3 < tokens.Count && w[next] is "op" or "on" or "auf" && w[next + 3] is "richter" or "richterschaal")))
            {
                unit = "magnitude";
                if (next + 3 < tokens.Count && w[next] is "op" or "on" or "auf" && w[next + 3] is "richter" or "richterschaal")
                {
                    next += 4;
                }
            }

            // "Het dodental is opgelopen tot 30", "Het aantal besmettingen steeg naar 120": the figure counts the subject.
            // A part is a share of the subject, not a count of it ("het aantal dikke personen gestegen tot een kwart").
            if (unit is null && value >= 1 && (ChangedTo(start) ?? ChangedToBefore(start, next)) is { } subject)
            {
                (unit, qualifier) = (subject, qualifier ?? FigureQualifier.ChangedTo);
            }

            // The second of two ages in one apposition: "aged 19 and 22", "Die beiden Täter, 24 und 35 Jahre alt,".
            if (unit is null or "year" && IsPlainAge(value, vague, min) && start > 2 && w[start - 1] is "en" or "und" or "and"
                && (tokens[start - 2].Kind == TokenKind.Number || ParseWords(w[start - 2], lang) is not null)
                && (w[start - 3] == "aged" || (unit == "year" && w[start - 3] == "," && next < tokens.Count && w[next] is "oud" or "alt" or "old")))
            {
                next += unit == "year" ? 1 : 0;
                unit = AgeUnit;
            }

            // Years "old" before the person they are of: "einen 31 Jahre alten Mann", "een 31 jaar oude man" (not "een 100
            // jaar oude boom").
            if (unit == "year" && IsPlainAge(value, vague, min) && next + 1 < tokens.Count && w[next] is "oude" or "old" or "alte" or "alten" or "alter" or "altes" or "altem"
                && (PersonNouns.Contains(w[next + 1]) || IsAgentNoun(w[next + 1])))
            {
                (unit, next) = (AgeUnit, next + 1);
            }

            // "een man van 38 jaar", "eine Frau von 40 Jahren": a person's years are an age, not a length of time.
            if (unit == "year" && start > 1 && w[start - 1] is "van" or "von" && PersonNouns.Contains(w[start - 2]))
            {
                unit = AgeUnit;
            }

            // The words of an age before it: "op 86-jarige leeftijd" is above; "at the age of 88", "op de leeftijd van 86",
            // "im Alter von 88 Jahren".
            if (unit is null or "year" && IsPlainAge(value, vague, min) && start > 1
                && ((w[start - 1] == "of" && w[start - 2] == "age") || (w[start - 1] is "van" or "von" && w[start - 2] is "leeftijd" or "alter")))
            {
                unit = AgeUnit;
            }

            // Years "oud" of a person, the subject of the clause: "De gijzelnemer is 44 jaar oud", "Der Geiselnehmer ist nach
            // Polizeiangaben 47 Jahre alt", "He was 88 years old", and years that end the clause after a copula: "de jongste
            // was 8 jaar". A thing's years are not ("de brug is 38 jaar oud"), nor a stretch of time ("hij zat 8 jaar vast").
            if (unit == "year" && IsPlainAge(value, vague, min) && PersonSubject(start))
            {
                if (next < tokens.Count && w[next] is "oud" or "old" or "alt")
                {
                    (unit, next) = (AgeUnit, next + 1);
                }
                else if (start > 0 && Copulas.Contains(w[start - 1]) && (next == tokens.Count || tokens[next].Kind != TokenKind.Word))
                {
                    unit = AgeUnit;
                }
            }

            // Years someone turned are an age: "Ik ben onlangs 64 jaar geworden", "als je 95 jaar wordt,", "Sie ist 90 Jahre
            // alt geworden" ("she turned 64" is above). "Wordt" is only "turns" where it ends the clause: before
            // a participle it is the passive's ("dat moet elke drie jaar worden vernieuwd", "nog twee jaar wordt behandeld").
            if (unit == "year" && IsPlainAge(value, vague, min) && next < tokens.Count)
            {
                var turned = next + 1 < tokens.Count && w[next] is "oud" or "alt" ? next + 1 : next;
                if (w[turned] is "geworden" || (w[turned] is "wordt" or "worden" or "wird" && (turned + 1 == tokens.Count || tokens[turned + 1].Kind != TokenKind.Word)))
                {
                    unit = AgeUnit;
                }
            }

            // Years set off by commas after a name are an age: "De Graaf, 44 jaar, noemde…", "Smith, 44 years old, said…".
            // (Years "oud" alone are not: "de brug is 38 jaar oud" is a thing's.)
            if (unit == "year" && IsPlainAge(value, vague, min)
                && start > 1 && w[start - 1] == "," && IsCapitalisedWord(start - 2))
            {
                var after = next < tokens.Count && w[next] is "oud" or "old" or "alt" ? next + 1 : next;
                if (after < tokens.Count && w[after] is "," or ")")
                {
                    (unit, next) = (AgeUnit, after);
                }
            }

            // A scaled figure that counts nothing, after a sum of money in the same sentence, is money of that currency
            // too: "extra kosten van 16 miljoen euro, op een totaal WW-budget van 3,6 miljard", "$16 million of a $3.6
            // billion budget" is written out, but the Dutch and German habit drops the second currency word.
            if (unit is null && scaled && vague is null && CurrencyBefore(start) is { } earlierCurrency)
            {
                unit = earlierCurrency;
            }

            // A bare number that ends a clause coordinated with a measure just before it takes that measure's unit: the
            // second unit word is left out ("Ik mag 25 km per uur rijden, en auto's 50.", "25 km/u voor brommers en 50
            // voor auto's", "4 procent in Brabant, 6 in Limburg" is not: only the clause's last word).
            if (unit is null && vague is null && min is null && !scaled && GappedMeasure(start, next) is { } gapped)
            {
                unit = gapped;
            }

            // A bare number that opens the next clause as its subject counts what the count before it in its sentence counts
            // (gapping): "Drie mensen kwamen om, twaalf raakten gewond", "Three people died and twelve were injured".
            if (unit is null && vague is null && min is null && !scaled && next < tokens.Count && start > 0
                && w[start - 1] is "," or "en" or "and" or "und" or ";" && !LooksLikeAYear(w[start]) && IsFiniteVerb(next)
                // Not a part of the count before: "zwei von ihnen schwer", "zwei davon", "twee van hen".
                && !TakesAPart(next)
                // Not the last of a list of numbers ("Kruisstraat 63 en 81 mogen", "kinderen van vier en vijf heeft").
                && !(start > 1 && (tokens[start - 2].Kind == TokenKind.Number || ParseWords(w[start - 2], lang) is not null))
                && CountedBefore(start) is { } gappedCount)
            {
                unit = gappedCount;
            }

            // Likewise a bare number that opens the next sentence with its verb, or as a part "of them": "Een lawine bedolf
            // vier toerskiërs. Twee werden levend gered.", "Four ski tourers were buried. Three of them were found dead.",
            // "Zwei von ihnen…", "Drie van hen…". (Within a sentence such a part is a part of the count just given: "vijf
            // gewonden, twee van hen ernstig".)
            if (unit is null && vague is null && min is null && !scaled && next < tokens.Count && start > 0
                && w[start - 1] is "." or "!" or "?" && !LooksLikeAYear(w[start])
                && ((IsFiniteVerb(next) && !TakesAPart(next)) || OfThem(next))
                && CountedBefore(start, fromTheSentenceBefore: true) is { } countedBefore)
            {
                unit = countedBefore;
            }

            // A bare number without anything it counts (a score, a house number, a year) is not a quantity,
            // unless it is vague, a range or scaled ("7 miljard"). A range written with a bare hyphen and nothing it
            // counts is a score, a page or a day and month ("5-7 6-3", "Pagina 6-7", "(AD 2-4)"), not a quantity.
            var bareHyphenRange = min is not null && vague is null && next - start == 3 && w[start + 1] is "-" or "–" && tokens[start + 1].Start == tokens[start].End;
            if (unit is null && !keepBareNumbers && ((vague is null && min is null && !scaled) || (bareHyphenRange && !scaled)))
            {
                i = next;
                continue;
            }

            if (PartOfAName(start, unit))
            {
                i = next;
                continue;
            }

            result.Add(new QuantityMention(tokens[start].Start, tokens[next - 1].End, value, unit, min, max, qualifier is not null, qualifier ?? FigureQualifier.None));
            i = next;
        }

        return result;

        // The token after "per/pro square metre" at token k, with the rain named between ("Liter Regen pro Quadratmeter",
        // "litres of rain per square metre"), or 0 when it does not follow.
        int PerSquareMetre(int k)
        {
            if (k + 1 < tokens.Count && w[k] == "of" && w[k + 1] is "rain" or "water")
            {
                k += 2;
            }
            else if (k < tokens.Count && w[k] is "regen" or "niederschlag" or "water" or "wasser" or "rain" or "neerslag")
            {
                k++;
            }

            if (k + 1 >= tokens.Count || w[k] is not ("per" or "pro" or "/" or "a"))
            {
                return 0;
            }

            return w[k + 1] is "quadratmeter" or "m²" or "m2" or "qm" ? k + 2
                : k + 2 < tokens.Count && (w[k + 1], w[k + 2]) is ("vierkante", "meter") or ("square", "metre" or "meter") ? k + 3
                : 0;
        }

        // The unit after "per", "/" or "pro" at token k; "h" is an hour only after the slash ("km/h").
        string? PerUnit(int k)
            => Units.TryGetValue(w[k + 1], out var u) ? u : w[k] == "/" && w[k + 1] == "h" ? "h" : null;

        // What the last count before token k in its sentence (within fifteen tokens) counts, when it counts a noun: not a
        // sum, a measure, a share or an age. With fromTheSentenceBefore, token k opens a sentence (k - 1 ends the one
        // before) and the count is the last of that sentence.
        string? CountedBefore(int k, bool fromTheSentenceBefore = false)
        {
            if (result.Count == 0 || result[^1].Unit is not { } counted || IsGappableMeasure(counted) || counted is "%" or AgeUnit || Units.ContainsKey(counted)
                || (k - 15 > 0 && tokens[k - 15].Start > result[^1].End))
            {
                return null;
            }

            for (var t = fromTheSentenceBefore ? k - 2 : k - 1; t >= 0 && tokens[t].Start >= result[^1].End; t--)
            {
                if (w[t] is "." or "!" or "?")
                {
                    return null;
                }
            }

            return counted;
        }

        // A word after a bare number that makes it a part of a count, not a count of its own ("zwei von ihnen", "twee
        // daarvan", "darunter").
        bool TakesAPart(int k) => w[k] is "von" or "van" or "of" or "davon" or "daarvan" or "darunter" or "hiervan";

        // "of them", "van hen", "von ihnen", "daarvan", "davon" at token k.
        bool OfThem(int k)
            => w[k] is "daarvan" or "davon" || (k + 1 < tokens.Count && w[k] is "of" or "van" or "von" && w[k + 1] is "them" or "hen" or "ihnen");

        // The currency of the last sum of money before token k in its sentence (within twenty tokens), if any.
        string? CurrencyBefore(int k)
        {
            if (result.Count == 0 || !IsCurrency(result[^1].Unit) || (k - 20 > 0 && tokens[k - 20].Start > result[^1].End))
            {
                return null;
            }

            for (var t = k - 1; t >= 0 && tokens[t].Start >= result[^1].End; t--)
            {
                if (w[t] is "." or "!" or "?" or ";")
                {
                    return null;
                }
            }

            return result[^1].Unit;
        }

        // The unit of the measure a bare number at token k (ending before token after) repeats by gapping: the last
        // figure before it in its sentence has a unit of measure (a speed, a sum, a length; not a count, a share or a
        // duration, whose gapped figures are too often of something else), at most six tokens lie between them with a
        // coordinator ("en", "of", "and", "or", "und", "oder") or a comma among them, no preposition comes right before
        // the number ("een boete van 50"), and the number ends its clause or is followed by "voor"/"for"/"für".
        string? GappedMeasure(int k, int after)
        {
            if (result.Count == 0 || result[^1].Unit is not { } measure || !IsGappableMeasure(measure) || k == 0
                || GapPrepositions.Contains(w[k - 1]) || NumberingNouns.Contains(w[k - 1]) || (after == k + 1 && LooksLikeAYear(w[k])))
            {
                return null;
            }

            var closes = after >= tokens.Count || w[after] is "." or "," or ";" or ":" or "!" or "?" or ")" or "en" or "and" or "und"
                || (after + 1 < tokens.Count && w[after] is "voor" or "for" or "für" && tokens[after + 1].Kind == TokenKind.Word);
            if (!closes)
            {
                return null;
            }

            var (between, coordinated) = (0, false);
            for (var t = k - 1; t >= 0 && tokens[t].Start >= result[^1].End; t--)
            {
                if (w[t] is "." or "!" or "?" or ";" || ++between > 6)
                {
                    return null;
                }

                coordinated |= w[t] is "," or "en" or "of" or "and" or "or" or "und" or "oder";
            }

            return coordinated ? measure : null;
        }

        bool MagnitudeBefore(int k)
            => (k >= 2 && w[k - 1] is "van" or "of" or "von" && w[k - 2] is "kracht" or "sterkte" or "magnitude" or "stärke")
                || (k >= 1 && w[k - 1] is "magnitude" or "stärke" or "kracht");

        // Whether the clause a figure stands in opens with a person: a person noun or pronoun among its first three words.
        bool PersonSubject(int k)
        {
            var from = k;
            while (from > 0 && w[from - 1] is not ("." or "," or ";" or ":" or "!" or "?" or "\"" or "„" or "“"))
            {
                from--;
            }

            for (var j = from; j < Math.Min(k, from + 3); j++)
            {
                // German "er" is "he"; Dutch "er" is "there" ("er waren…").
                if (PersonNouns.Contains(w[j]) || (PersonPronouns.Contains(w[j]) && (w[j] != "er" || lang == "de")) || IsAgentNoun(w[j]))
                {
                    return true;
                }
            }

            return false;
        }

        // The subject a changed figure counts: the noun before the auxiliary of "opgelopen tot", "gestegen naar", "steeg tot".
        string? ChangedTo(int k)
        {
            if (k < 3 || w[k - 1] is not ("tot" or "naar" or "to" or "auf"))
            {
                return null;
            }

            // "stieg inzwischen auf 41": an adverb of time may stand between the verb and its preposition.
            var verb = k - 2;
            while (verb > 0 && verb > k - 4 && ChangeAdverbs.Contains(w[verb]))
            {
                verb--;
            }

            if (!ChangeVerbs.Contains(w[verb]))
            {
                return null;
            }

            // "is opgelopen", "zijn gestegen", "heeft ... bereikt": the noun before the auxiliary; "steeg": the noun before
            // the verb; adverbs of time on the way ("is inmiddels opgelopen", "al was opgelopen", "has now risen").
            var before = verb - 1;
            for (var n = 0; n < 3 && before >= 0 && (FiniteAuxiliaries.Contains(w[before]) || ChangeAdverbs.Contains(w[before])); n++)
            {
                before--;
            }

            return before >= 0 && tokens[before].Kind == TokenKind.Word && !stop.IsStopword(w[before]) && w[before].Length > 2 ? w[SubjectHead(before)] : null;
        }

        // The head of the subject that ends at token k, not the last noun of its complements: "Het dodental van de
        // aardbeving in het oosten van Turkije" is "dodental", "The death toll from the earthquake in eastern Turkey" is
        // "toll". Back over content words, articles and prepositions only (a verb or punctuation ends the subject), the
        // first content word followed by a preposition.
        int SubjectHead(int k)
        {
            var head = k;
            for (var j = k - 1; j > 0 && j >= k - 10 && tokens[j].Kind == TokenKind.Word && !FiniteAuxiliaries.Contains(w[j]) && !ChangeVerbs.Contains(w[j]); j--)
            {
                if (ComplementPrepositions.Contains(w[j]))
                {
                    if (tokens[j - 1].Kind == TokenKind.Word && !stop.IsStopword(w[j - 1]) && w[j - 1].Length > 2)
                    {
                        head = j - 1;
                    }
                }
                else if (stop.IsStopword(w[j]) && !Determiners.Contains(w[j]))
                {
                    break;
                }
            }

            return head;
        }

        // A number in digits that is part of a name: right after a capitalised word inside a sentence, and before no plural,
        // adjective or unit ("de Boeing 737 Max", "het circus dat Formule 1 heet", "de Sea Watch 3 overweegt", "Artikel 50
        // wanneer", "aan de Rijnstraat 8."); not "in Pakistan 1000 burgerslachtoffers", "NS 79 nieuwe treinen", "Heijn 40
        // cent". German capitalises every noun, so not there.
        bool PartOfAName(int k, string? unit)
        {
            if (lang == "de" || tokens[k].Kind != TokenKind.Number || k < 2 || !IsCapitalisedWord(k - 1) || tokens[k - 2].Kind != TokenKind.Word
                || (unit is not null && UnitCodes.Contains(unit)) || w[k].Contains(',', StringComparison.Ordinal) || w[k].Contains('.', StringComparison.Ordinal))
            {
                return false;
            }

            var after = k + 1;
            if (after >= tokens.Count || tokens[after].Kind != TokenKind.Word)
            {
                return after >= tokens.Count || w[after] is "." or "," or ";" or ")";
            }

            return IsCapitalisedWord(after)
                || !(LooksPlural(after) || w[after].EndsWith('e') || Units.ContainsKey(w[after]) || Scales.ContainsKey(w[after]) || OtherWords.Contains(w[after]));
        }

        // "Die Zahl der Toten ist inzwischen auf 41 gestiegen", "dat het dodental tot 30 is opgelopen": the change verb
        // after the figure (a German perfect, a Dutch subordinate clause); the subject is the first word before the
        // preposition that is no function word, auxiliary or adverb of time (in German: the first capitalised one).
        string? ChangedToBefore(int k, int after)
        {
            if (k < 2 || after >= tokens.Count || w[k - 1] is not ("tot" or "naar" or "to" or "auf"))
            {
                return null;
            }

            if (w[after] is "is" or "zijn" or "ist" or "sind" && after + 1 < tokens.Count)
            {
                after++;
            }

            if (!ChangeVerbs.Contains(w[after]))
            {
                return null;
            }

            for (var j = k - 2; j >= 0 && j >= k - 5; j--)
            {
                // Punctuation ends the clause: the subject is not found.
                if (tokens[j].Kind != TokenKind.Word)
                {
                    return null;
                }

                if (stop.IsStopword(w[j]) || FiniteAuxiliaries.Contains(w[j]) || ChangeAdverbs.Contains(w[j]) || (lang == "de" && !char.IsUpper(text[tokens[j].Start])))
                {
                    continue;
                }

                return w[j].Length > 2 ? w[j] : null;
            }

            return null;
        }

        // Parts a number is written in: "tweeduizend tweehonderd" (2200), "12 000" (12000), "2 1/4", "3/4",
        // "drie en een kwart", "vijf en een half".
        // "1,1^23", "2,5^-1", "-1,1^--23" (a double minus cancels) and "12,32e+14": a power or an exponent after the number.
        (double Value, int Next) Exponent(int k, double value, int next)
        {
            var tenPower = w[k].Length > 1 && w[k][^1] is 'e' or 'E';
            if (next >= tokens.Count || !(tenPower || w[next] == "^") || tokens[next].Start != tokens[next - 1].End)
            {
                return (value, next);
            }

            var j = tenPower ? next : next + 1;
            var negative = false;
            while (j < tokens.Count && w[j] is "+" or "-" or "--" or "−" && tokens[j].Start == tokens[j - 1].End)
            {
                negative ^= w[j] is "-" or "−";
                j++;
            }

            if (j >= tokens.Count || tokens[j].Kind != TokenKind.Number || !AllDigits(w[j]) || tokens[j].Start != tokens[j - 1].End || w[j].Length > 3)
            {
                return (value, next);
            }

            var exponent = int.Parse(w[j], CultureInfo.InvariantCulture) * (negative ? -1 : 1);
            var result = tenPower ? value * Math.Pow(10, exponent) : Math.Pow(value, exponent);
            return double.IsFinite(result) ? (result, j + 1) : (value, next);
        }

        (double Value, int Next) ExtendNumber(int k, double value, int next)
        {
            // Digit groups separated by spaces, in Dutch and German: "12 000", "1 250 000".
            if (tokens[k].Kind == TokenKind.Number && lang != "en" && w[k].Length <= 3 && AllDigits(w[k]))
            {
                var j = next;
                var grouped = value;
                while (j < tokens.Count && tokens[j].Kind == TokenKind.Number && w[j].Length >= 3 && AllDigits(w[j].AsSpan(0, 3)) && tokens[j].Start == tokens[j - 1].End + 1
                    && (w[j].Length == 3 || (w[j][3] == ',' && ParseDigits(w[j], lang, out _))))
                {
                    // the last group may carry the decimals: "1 234 567,89"
                    _ = ParseDigits(w[j], lang, out var group);
                    grouped = (grouped * 1000) + group;
                    j++;
                    if (w[j - 1].Length > 3)
                    {
                        break;
                    }
                }

                if (j > next)
                {
                    return (grouped, j);
                }
            }

            // A fraction "3/4", or a whole number and a fraction "2 1/4".
            if (tokens[k].Kind == TokenKind.Number && Fraction(next - 1, out var f, out var afterFraction) && next - 1 == k)
            {
                return (f, afterFraction);
            }

            if (tokens[k].Kind == TokenKind.Number && next < tokens.Count && Fraction(next, out var f2, out var after2) && f2 < 1 && AllDigits(w[k]))
            {
                return (value + f2, after2);
            }

            // Spelled numbers in parts: each part smaller than the largest power of a thousand the sum so far ends in;
            // a part may be joined by "en" ("tweeduizend en zestien") or carry its own scale ("vijf miljard tweehonderd miljoen").
            while (tokens[next - 1].Kind == TokenKind.Word && next < tokens.Count)
            {
                var at = w[next] is "en" or "and" or "und" && next + 1 < tokens.Count ? next + 1 : next;
                var denominator = at + 1 < tokens.Count ? Denominator(w[at + 1]) : null;
                if (ParseWords(w[at], lang) is not { } part || part < 1 || (w[at] is "een" or "één" or "one" or "ein" && denominator is null))
                {
                    break;
                }

                // English hundreds are a part of their own: "three hundred and fifty", "two thousand five hundred".
                var power = value % 1e12 == 0 ? 1e12 : value % 1e9 == 0 ? 1e9 : value % 1e6 == 0 ? 1e6 : value % 1e3 == 0 ? 1e3 : lang == "en" && value % 100 == 0 ? 100 : 0;
                // "drieëntwintig en drie vijfde" (23 3/5), "zes miljoen en twee derde" (6 2/3 million)
                if (denominator is { } den && at > next && part < den)
                {
                    (value, next) = (value + ((power == 0 ? 1 : power) * part / den), at + 2);
                    break;
                }

                var after = at + 1;
                if (after < tokens.Count && Scales.TryGetValue(w[after], out var partScale) && (partScale >= 1e3 || w[after] == "hundred"))
                {
                    (part, after) = (part * partScale, after + 1);
                }

                if (power == 0 || part >= power)
                {
                    break;
                }

                (value, next) = (value + part, after);
            }

            // A fraction in words after the number: "twee derde", "drie kwart", "vijf achtste(n)", "twintig drie vijfde" (20 3/5).
            if (tokens[next - 1].Kind == TokenKind.Word && WordFraction(k, value, next, out var fractionValue, out var afterWords))
            {
                return (fractionValue, afterWords);
            }

            // "1 op de 5", "een op de twintig", "1 uit drie": a ratio.
            if (value is >= 1 and <= 10 && next + 1 < tokens.Count && w[next] is "op" or "uit" or "in")
            {
                var m = w[next + 1] is "de" or "het" && next + 2 < tokens.Count ? next + 2 : next + 1;
                var denominatorValue = tokens[m].Kind == TokenKind.Number && ParseDigits(w[m], lang, out var dv) ? dv : ParseWords(w[m], lang) ?? 0;
                if (denominatorValue > value && denominatorValue == Math.Floor(denominatorValue) && (w[next] != "in" || m > next + 1))
                {
                    return (value / denominatorValue, m + 1);
                }
            }

            // "drie en een kwart", "vijf en een half"
            if (next + 2 < tokens.Count && w[next] is "en" or "and" or "und" && w[next + 1] is "een" or "a" or "ein" or "eine" && PartWord(w[next + 2]) is { } fractionPart)
            {
                return (value + fractionPart, next + 3);
            }

            return (value, next);
        }

        // "twee derde" (2/3), "drie kwart", "vijf achtsten", "twintig drie vijfde" (20 + 3/5), "honderd driekwart".
        bool WordFraction(int k, double value, int next, out double result, out int after)
        {
            (result, after) = (value, next);
            if (next >= tokens.Count)
            {
                return false;
            }

            if (Denominator(w[next]) is { } d && value >= 1 && value < 100)
            {
                (result, after) = (value / d, next + 1);
                return true;
            }

            // a whole number, then a fraction: "twintig drie vijfde", "honderd driekwart"
            if (w[next] is "driekwart")
            {
                (result, after) = (value + 0.75, next + 1);
                return true;
            }

            if (next + 1 < tokens.Count && ParseWords(w[next], lang) is { } numerator && numerator < 10 && Denominator(w[next + 1]) is { } d2 && numerator < d2)
            {
                (result, after) = (value + (numerator / d2), next + 2);
                return true;
            }

            return false;
        }

        bool Fraction(int k, out double fraction, out int after)
        {
            (fraction, after) = (0, k);
            if (k + 2 < tokens.Count && tokens[k].Kind == TokenKind.Number && w[k + 1] == "/" && tokens[k + 2].Kind == TokenKind.Number
                && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End
                && int.TryParse(w[k], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && int.TryParse(w[k + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0
                && !(k + 3 < tokens.Count && w[k + 3] == "/" && tokens[k + 3].Start == tokens[k + 2].End)
                && !(k > 0 && w[k - 1] == "/" && tokens[k - 1].End == tokens[k].Start))
            {
                // "3/4" alone is a fraction only when it is below one; "22/04" is a date the time stage reads.
                if (a >= b && (k == 0 || tokens[k - 1].Kind != TokenKind.Number))
                {
                    return false;
                }

                (fraction, after) = ((double)a / b, k + 3);
                return true;
            }

            return false;
        }

        // Cheap test before the parsers: only digits and words can be numbers.
        bool MayStartNumber(int k) => tokens[k].Kind is TokenKind.Number or TokenKind.Word || VulgarFraction(w[k]) is not null;

        bool TryNumber(int k, out double value, out int next, out (double Min, double Max)? vagueRange)
        {
            (value, next, vagueRange) = (0, k + 1, null);
            if (k >= tokens.Count)
            {
                return false;
            }

            if (VulgarFraction(w[k]) is { } vulgar)
            {
                value = vulgar;
                return true;
            }

            // "Een van hen kwam om", "One of them died", "Einer von ihnen kam ums Leben": the number one as a pronoun,
            // a part of the count before as "twee van hen" is (the article "een" never stands before "van hen").
            if (w[k] is "een" or "één" or "eén" or "one" or "ein" or "einer" or "eine" or "eines" or "eins" && k + 1 < tokens.Count && OfThem(k + 1))
            {
                value = 1;
                return true;
            }

            if (tokens[k].Kind == TokenKind.Number)
            {
                // Ordinals ("27ste", "2e") are not numbers; a unit glued to the number is ("75ml", "1,65m", "100t").
                if (ParseDigits(w[k], lang, out value))
                {
                    return true;
                }

                return GluedUnit(w[k], lang, out value, out gluedUnit, char.IsUpper(text[tokens[k].End - 1]));
            }

            // "anderhalf", "tweeënhalf", "twaalfenhalve"
            if (HalfWords(w[k], lang) is { } half)
            {
                value = half;
                return true;
            }

            if (lang == "en" && k + 2 < tokens.Count && EnglishVagueMultiples.TryGetValue(w[k], out var multiple) && w[k + 1] == "of"
                && w[k + 2] is "thousands" or "millions" or "billions")
            {
                var of = w[k + 2] switch { "thousands" => 1e3, "millions" => 1e6, _ => 1e9 };
                (value, next, vagueRange) = (2 * multiple * of, k + 3, (2 * multiple * of, (10 * multiple * of) - 1));
                return true;
            }

            if (Vague.TryGetValue(w[k], out var range))
            {
                (value, vagueRange) = (range.Min, range);
                return true;
            }

            if (w[k] is "driekwart")
            {
                value = 0.75;
                return true;
            }

            // "een half brood", "een half miljoen", "een halve", "eine halbe Milliarde": a half (not "een kwart", which
            // Denominator reads as 1/4).
            if (w[k] is "een" or "één" or "eine" or "ein" && k + 1 < tokens.Count && PartWord(w[k + 1]) is 0.5)
            {
                (value, next) = (0.5, k + 2);
                return true;
            }

            // English puts the part before its whole: "half a billion", "a quarter of a million", "one and a half million".
            if (lang == "en" && k + 2 < tokens.Count)
            {
                if (w[k] == "half" && w[k + 1] == "a" && Scales.ContainsKey(w[k + 2]))
                {
                    (value, next) = (0.5, k + 2);
                    return true;
                }

                if (k + 4 < tokens.Count && w[k] == "a" && PartWord(w[k + 1]) is { } part && w[k + 2] == "of" && w[k + 3] == "a" && Scales.ContainsKey(w[k + 4]))
                {
                    (value, next) = (part, k + 4);
                    return true;
                }

                if (k + 3 < tokens.Count && w[k + 1] == "and" && w[k + 2] == "a" && w[k + 3] == "half" && ParseWords(w[k], lang) is { } whole)
                {
                    (value, next) = (whole + 0.5, k + 4);
                    return true;
                }
            }

            if (ParseWords(w[k], lang) is { } n)
            {
                // "een" is also the article "a": only a number before a scale word ("een miljoen"), a fraction ("een derde")
                // or a unit of measure that is not a length of time ("een kilometer", "een ha", "een cent"), or in a
                // proportion ("een op de twintig").
                if (w[k] is "een" or "ein" or "one" && !(w[k] == "one" && OneCounts(k)) && !(k + 1 < tokens.Count && (Scales.ContainsKey(w[k + 1]) || Denominator(w[k + 1]) is not null || MeasureUnit(w[k + 1])))
                    && !(k + 3 < tokens.Count && w[k + 1] == "op" && w[k + 2] == "de" && (tokens[k + 3].Kind == TokenKind.Number || ParseWords(w[k + 3], lang) is not null)))
                {
                    return false;
                }

                value = n;
                return true;
            }

            // "twaalfjarige", "zwölfjähriger", "twelve-year-old": an age written as one word with its number, said of a
            // person ("een vierjarige opleiding" is a course's length).
            if (AgeCompound(w[k], lang) is { } age
                && (k + 1 == tokens.Count || tokens[k + 1].Kind != TokenKind.Word || PersonNouns.Contains(w[k + 1]) || IsAgentNoun(w[k + 1])
                    || IsFiniteVerb(k + 1) || stop.IsStopword(w[k + 1])
                    // Before a name ("de tienjarige Nour"); German capitalises every noun, so not there.
                    || (lang != "de" && IsCapitalisedWord(k + 1))))
            {
                (value, gluedUnit) = (age, AgeUnit);
                return true;
            }

            return false;
        }

        // Whether the bracket a plain age closes opens right after a person: a name ("Jan de Vries (67)"), a noun for a person
        // ("een man (64)"), "mij" in a column ("mij (80)"); with the bracket's own words before the age when they are one
        // word and a comma ("Aad de Mos (voetbal, 72)") or the other of two ages ("een echtpaar uit Houten (66 en 62)").
        // k is the token before the age.
        bool BracketOpensAfterAPerson(int k)
        {
            if (k > 2 && w[k] is "," && tokens[k - 1].Kind == TokenKind.Word && w[k - 2] == "(")
            {
                k -= 2;
            }
            else if (k > 2 && w[k] is "en" or "and" or "und" && tokens[k - 1].Kind == TokenKind.Number && w[k - 2] == "(")
            {
                k -= 2;
            }

            return k > 0 && w[k] == "(" && (IsCapitalisedWord(k - 1) || PersonNouns.Contains(w[k - 1]) || IsAgentNoun(w[k - 1]) || w[k - 1] is "ik" or "mij" or "echtpaar" or "stel");
        }

        // "John Smith, 45," / "the driver, John Smith, 58.": a number alone set off after a name of two words (a first
        // name, a title or a particle before a capitalised word), not after a place or a date ("In Leeds, 45 people").
        bool NameBeforeCommas(int k, int after)
            => k > 2 && after < tokens.Count && w[after] is "," or "." or ";" && w[k - 1] == "," && tokens[k].Kind == TokenKind.Number
                && IsCapitalisedWord(k - 2) && !IsCalendarWord(k - 2)
                && (IsCapitalisedWord(k - 3) || w[k - 3] is "van" or "de" or "der" or "den" or "von" or "premier" or "minister" or "president")
                && !IsCalendarWord(k - 3);

        // "The tractor driver, 43, was arrested", "the victim, 71.": a number alone set off after a person noun.
        bool PersonNounBeforeCommas(int k, int after)
            => k > 1 && after < tokens.Count && w[after] is "," or "." or ";" && w[k - 1] == "," && tokens[k].Kind == TokenKind.Number
                && PersonNouns.Contains(w[k - 2]);

        bool IsCalendarWord(int k)
            => Extraction.Times.TimeLexicon.For(lang) is var lexicon && (lexicon.Months.ContainsKey(w[k]) || lexicon.Weekdays.ContainsKey(w[k]));

        // "und 35 Jahre alt" at token k: a second plain age, in years, "old".
        bool YearsOldAfterAnd(int k)
            => k + 1 < tokens.Count && w[k] is "en" or "und" or "and" && TryNumber(k + 1, out var second, out var afterSecond, out var secondVague)
                && IsPlainAge(second, secondVague, null) && afterSecond + 1 < tokens.Count && Units.TryGetValue(w[afterSecond], out var years) && years == "year"
                && w[afterSecond + 1] is "oud" or "alt" or "old";

        bool IsCapitalisedWord(int k) => tokens[k].Kind == TokenKind.Word && char.IsUpper(text[tokens[k].Start]);

        // A whole number a person's age can be, stated plainly (no range, no vague amount).
        static bool IsPlainAge(double value, (double Min, double Max)? vague, double? min) => vague is null && min is null && value == Math.Floor(value) && value is >= 1 and <= 120;

        // English "one" is no article: "one worker was killed", "one person died" count one; "one of the", "no one", "one
        // day", "the one" do not.
        bool OneCounts(int k)
            => k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Word
                && w[k + 1] is not ("of" or "another" or "more" or "by" or "or" or "and" or "thing" or "way" or "side" or "hand" or "point" or "time" or "day" or "night" or "morning" or "evening" or "week" or "month" or "year" or "in" or "to" or "for" or "who" or "that" or "which")
                && !(k > 0 && w[k - 1] is "no" or "the" or "any" or "every" or "each" or "this" or "that" or "which" or "someone" or "anyone" or "at" or "as");

        // "tientallen raakten gewond", "dozens were injured", "Dutzende wurden verletzt": a vague amount standing alone
        // as the subject, followed by its verb, counts no "raakten". A verb is a simple past or auxiliary the time
        // lexicon lists, an auxiliary, or in German a word in lower case not followed by a noun (German nouns are
        // capitalised).
        bool IsFiniteVerb(int j)
        {
            var word = w[j];
            var pasts = Extraction.Times.TimeLexicon.For(lang).PastWords;
            // Dutch plural pasts end in -n after a listed singular ("meldde" → "meldden").
            return pasts.Contains(word) || FiniteAuxiliaries.Contains(word) || (lang == "de" && char.IsLower(text[tokens[j].Start]))
                || (lang == "nl" && word.Length > 5 && word.EndsWith('n') && pasts.Contains(word[..^1]));
        }

        // The noun after "ADJ en/and/und ADJ" at token j (see CountedNoun).
        int? CoordinatedAdjectivesBefore(int j, LanguageStemmer stemmer)
        {
            var noun = j + 3;
            if (noun >= tokens.Count || w[j + 1] is not ("en" or "and" or "und") || tokens[j].Kind != TokenKind.Word
                || tokens[j + 2].Kind != TokenKind.Word || tokens[noun].Kind != TokenKind.Word
                || stemmer.IsStopword(w[j]) || stemmer.IsStopword(w[j + 2]) || ParseWords(w[j + 2], lang) is not null
                || stemmer.IsStopword(w[noun]) || NotCounted.Contains(w[noun]) || Units.ContainsKey(w[noun]) || w[noun].Length < 3)
            {
                return null;
            }

            var inflected = lang switch
            {
                "nl" => w[j].EndsWith('e') && w[j + 2].EndsWith('e'),
                "de" => w[j].EndsWith('e') && w[j + 2].EndsWith('e') && char.IsLower(text[tokens[j].Start]) && char.IsLower(text[tokens[j + 2].Start])
                    && char.IsUpper(text[tokens[noun].Start]),
                "en" => !w[j].EndsWith('s') && !w[j + 2].EndsWith('s') && (w[noun].EndsWith('s') || EnglishPluralsWithoutS.Contains(w[noun])),
                _ => false,
            };
            return inflected ? noun : null;
        }

        // A Dutch plural's ending: "specialisten", "auto's", "regio's".
        bool LooksPlural(int k) => w[k].EndsWith("en", StringComparison.Ordinal) || w[k].EndsWith('s');

        // "van wie (er) drie", "waarvan (er) drie", "onder wie drie" before token k: a part of a count just given, whose
        // describing word is what tells the part apart ("van wie drie ernstig": the seriously injured).
        bool PartitiveBefore(int k)
        {
            if (k > 1 && w[k - 1] == "er")
            {
                k--;
            }

            return k > 1 && (w[k - 1] == "waarvan" || (w[k - 1] == "wie" && w[k - 2] is "van" or "onder"));
        }

        int? CountedNoun(int k, LanguageStemmer stemmer, bool afterPartitive)
        {
            // The counted noun may follow one or two adjectives: "90 gepantserde wagons", "drie nieuwe scholen", "148 jonge
            // Twentse ouders".
            for (var j = k; j < Math.Min(k + 3, tokens.Count); j++)
            {
                // Two coordinated adjectives before the noun: "240 vertrekkende en landende vluchten", "300 kleine und
                // mittlere Betriebe", "300 Dutch and Belgian soldiers". Dutch and German adjectives there inflect (-e),
                // English ones do not take the plural's -s the noun has; "300 mannen en vrouwen" and "30 cars and trucks"
                // count their first noun.
                if (j == k && CoordinatedAdjectivesBefore(j, stemmer) is { } noun)
                {
                    return noun;
                }

                // German writes "others" small when they stand alone, before no noun: "Fünf weitere werden vermisst",
                // "zwölf andere wurden verletzt" count the others.
                if (j == k && lang == "de" && w[j] is "weitere" or "andere" && !(j + 1 < tokens.Count && IsCapitalisedWord(j + 1)))
                {
                    return j;
                }

                if (j == k && OtherWords.Contains(w[j]) && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && !stemmer.IsStopword(w[j + 1]))
                {
                    continue;
                }

                if (tokens[j].Kind != TokenKind.Word || stemmer.IsStopword(w[j]) || Scales.ContainsKey(w[j]) || NotCounted.Contains(w[j]))
                {
                    return null;
                }

                // A Dutch adjective or adverb that does not inflect here is never the plural a number counts: it describes
                // the words after it ("7500 medisch specialisten", "25.000 volledig elektrische auto's"), or the number
                // counts nothing named ("1409 vorig jaar", "er vijftigduizend nodig heeft", "die twee mogelijk kwijt": what it
                // describes must look like a plural, or an adjective before one). A part after "van wie" or "waarvan" keeps
                // it: it names the part ("van wie drie ernstig", "waarvan dertien voorwaardelijk"), and the comparer meets
                // parts by it.
                if (lang == "nl" && !afterPartitive && IsUninflectedDutchAdjective(w[j]))
                {
                    if (j < k + 2 && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && !stemmer.IsStopword(w[j + 1])
                        && !Units.ContainsKey(w[j + 1]) && !RatePeriods.ContainsKey(w[j + 1]) && !NotCounted.Contains(w[j + 1])
                        && (LooksPlural(j + 1) || IsUninflectedDutchAdjective(w[j + 1])
                            || (w[j + 1].EndsWith('e') && j + 2 < tokens.Count && tokens[j + 2].Kind == TokenKind.Word && LooksPlural(j + 2))))
                    {
                        continue;
                    }

                    return null;
                }

                // An inflected adjective (-e) before another content word: "drie nieuwe scholen", "90 gepantserde wagons".
                // German capitalises its nouns: "vierzehn Bergleute ums Leben" counts the miners, "drei neue Schulen"
                // the schools.
                // English adjectives do not inflect: a word before a plural noun is its adjective ("three new schools",
                // "200 extra officers"); nor do Dutch "extra" and "gratis" ("5 miljoen extra bomen").
                var beforeNoun = j < k + 2 && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word
                    && !stemmer.IsStopword(w[j + 1]) && !NotCounted.Contains(w[j + 1]) && w[j + 1].Length > 2;
                var isAdjective = beforeNoun && lang is "nl" or "de" && (w[j].EndsWith('e') || w[j] is "extra" or "gratis")
                    && !(lang == "de" && (char.IsUpper(text[tokens[j].Start]) || !char.IsUpper(text[tokens[j + 1].Start])));
                isAdjective |= beforeNoun && lang == "en" && !w[j].EndsWith('s') && (w[j + 1].EndsWith('s') || EnglishPluralsWithoutS.Contains(w[j + 1]))
                    && !Units.ContainsKey(w[j + 1]);
                if (!isAdjective)
                {
                    // German writes its nouns with a capital: a word in lower case here is a verb or an adverb ("Rund 40 protestierten").
                    return lang == "de" && char.IsLower(text[tokens[j].Start]) ? null : j;
                }
            }

            return null;
        }
    }

    private static bool IsSorted(IReadOnlyList<TextSpan> spans)
    {
        for (var i = 1; i < spans.Count; i++)
        {
            if (spans[i].Start < spans[i - 1].End)
            {
                return false;
            }
        }

        return true;
    }

    // Spans come sorted by start and do not overlap (time expressions): a binary search finds the one span that can
    // hold the token, so a long article's numbers do not each scan all its dates.
    private static bool Covered(Token t, IReadOnlyList<TextSpan> skip)
    {
        var (lo, hi) = (0, skip.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = skip[mid];
            if (s.End <= t.Start)
            {
                lo = mid + 1;
            }
            else if (s.Start >= t.End)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Digits in the article's convention: Dutch/German use "." for thousands and "," for decimals, English the reverse.</summary>
    public static bool ParseDigits(string token, string lang, out double value)
    {
        value = 0;

        // Scientific notation, "1e10", "127,32e13", and the mantissa of one whose exponent follows ("12,32e" + "+14").
        var e = token.IndexOfAny(['e', 'E']);
        // (At most three exponent digits: "1e99999999999" is no number, and must not overflow the parse.)
        if (e > 0 && char.IsDigit(token[e - 1]) && (e == token.Length - 1 || (token.Length - e - 1 <= 3 && AllDigits(token.AsSpan(e + 1)))) && ParseDigits(token[..e], lang, out var mantissa))
        {
            value = e == token.Length - 1 ? mantissa : mantissa * Math.Pow(10, int.Parse(token.AsSpan(e + 1), CultureInfo.InvariantCulture));
            return !double.IsInfinity(value);
        }

        // "10k": thousands.
        if (token.Length > 1 && token[^1] is 'k' or 'K' && ParseDigits(token[..^1], lang, out var thousands1))
        {
            value = thousands1 * 1000;
            return true;
        }

        if (token.Any(char.IsLetter))
        {
            return false;
        }

        var (thousands, decimalSep) = lang == "en" ? (',', '.') : ('.', ',');
        var s = token;
        // "3.5" in Dutch text is a decimal written the English way when the group after the dot is not 3 digits.
        var groups = s.Split(thousands);
        var groupedThousands = groups.Length > 1 && groups.Skip(1).All(g => g.Length == 3 || (g.Contains(decimalSep, StringComparison.Ordinal) && g.IndexOf(decimalSep, StringComparison.Ordinal) == 3));
        if (!groupedThousands && s.Contains(thousands, StringComparison.Ordinal) && !s.Contains(decimalSep, StringComparison.Ordinal))
        {
            s = s.Replace(thousands, '.');
        }
        else
        {
            s = s.Replace(thousands.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalSep, '.');
        }

        return double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether a lower-cased word inside a figure writes its value (digits, a number word, a scale word such as "miljoen"),
    /// as opposed to what it counts or measures.
    /// </summary>
    public static bool WritesValue(ReadOnlySpan<char> word, string lang)
    {
        // Digits are the value however they are grouped ("1.100", "3,5"); only a word is looked up (as a string).
        if (word.ContainsAnyInRange('0', '9'))
        {
            return true;
        }

        var text = word.ToString();
        return Scales.ContainsKey(text) || ParseWords(text, lang) is not null;
    }

    /// <summary>A number written in words, including Dutch and German compounds; null when the word is not a number.</summary>
    public static double? ParseWords(string word, string lang)
    {
        ArgumentNullException.ThrowIfNull(word);
        return lang switch
        {
            "en" => English(word),
            "de" => Compound(word, GermanUnits, GermanTeens, GermanTens, "und", "hundert", "tausend"),
            _ => Compound(word, DutchUnits, DutchTeens, DutchTens, "en", "honderd", "duizend"),
        };
    }

    /// <summary>An ordinal written in words: Dutch "eerste", "derde", "vierentwintigste", English "first", "twenty-first", German "dritte".</summary>
    public static int? ParseOrdinal(string word, string lang)
    {
        ArgumentNullException.ThrowIfNull(word);
        switch (lang)
        {
            case "en":
                return word switch
                {
                    "first" => 1, "second" => 2, "third" => 3, "fifth" => 5, "eighth" => 8, "ninth" => 9, "twelfth" => 12,
                    _ when word.EndsWith("ieth", StringComparison.Ordinal) && English(word[..^4] + "y") is { } t => (int)t,
                    _ when word.EndsWith("th", StringComparison.Ordinal) && English(word[..^2]) is { } n => (int)n,
                    _ when word.LastIndexOf('-') is var dash && dash > 0 && English(word[..dash]) is { } tens && ParseOrdinal(word[(dash + 1)..], "en") is { } unit && unit < 10 => (int)tens + unit,
                    _ => null,
                };
            case "de":
                // "erste", "dritte", "siebte", "zwanzigste", with any case ending
                var stem = word.TrimEnd('n', 'r', 's', 'm');
                if (!stem.EndsWith('e'))
                {
                    return null;
                }

                stem = stem[..^1];
                return stem switch
                {
                    "erst" => 1, "dritt" => 3, "siebt" => 7, "acht" => 8,
                    _ when stem.EndsWith("st", StringComparison.Ordinal) && ParseWords(stem[..^2], "de") is { } s1 => (int)s1,
                    _ when stem.EndsWith('t') && ParseWords(stem[..^1], "de") is { } s2 => (int)s2,
                    _ => null,
                };
            default:
                if (word is "eerste")
                {
                    return 1;
                }

                if (word is "derde")
                {
                    return 3;
                }

                // "achtste", "twintigste", "eenentwintigste", "honderdste"; "tweede", "vierde", "tiende"
                if (word.EndsWith("ste", StringComparison.Ordinal) && ParseWords(word[..^3], "nl") is { } a)
                {
                    return (int)a;
                }

                return word.EndsWith("de", StringComparison.Ordinal) && ParseWords(word[..^2], "nl") is { } b ? (int)b : null;
        }
    }

    private static double? English(string word)
    {
        if (EnglishSmall.TryGetValue(word, out var n))
        {
            return n;
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && EnglishSmall.TryGetValue(word[..dash], out var tens) && tens >= 20 && EnglishSmall.TryGetValue(word[(dash + 1)..], out var unit) && unit < 10)
        {
            return tens + unit;
        }

        return word switch
        {
            "hundred" => 100,
            "dozen" => 12,
            _ => null,
        };
    }

    // Dutch "vijfentwintig", "tweehonderdvijftig", "drieduizend", "tienduizend"; German "fünfundzwanzig", "zweihundert".
    private static double? Compound(string word, Dictionary<string, int> units, Dictionary<string, int> teens, Dictionary<string, int> tens, string and, string hundred, string thousand)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var th = word.IndexOf(thousand, StringComparison.Ordinal);
        if (th >= 0)
        {
            var left = th == 0 ? 1 : Compound(word[..th], units, teens, tens, and, hundred, thousand);
            var rest = TrimAnd(word[(th + thousand.Length)..], and);
            var right = rest.Length == 0 ? 0 : Compound(rest, units, teens, tens, and, hundred, thousand);
            return left is null || right is null ? null : (left * 1000) + right;
        }

        var hu = word.IndexOf(hundred, StringComparison.Ordinal);
        if (hu >= 0)
        {
            var left = hu == 0 ? 1 : Below100(word[..hu], units, teens, tens, and);
            var rest = TrimAnd(word[(hu + hundred.Length)..], and);
            var right = rest.Length == 0 ? 0 : Below100(rest, units, teens, tens, and);
            return left is null || right is null ? null : (left * 100) + right;
        }

        return Below100(word, units, teens, tens, and);
    }

    private static bool IsCurrency(string? unit) => unit is "EUR" or "USD" or "GBP";

    // Units whose figure a gapped bare number repeats: sums, speeds and other rates, lengths, weights, areas, volumes,
    // temperatures. Not counts, shares, durations, ages or magnitudes.
    private static bool IsGappableMeasure(string unit)
        => IsCurrency(unit) || unit.Contains('/', StringComparison.Ordinal)
            || unit is "km" or "m" or "cm" or "mm" or "mi" or "ft" or "kg" or "g" or "t" or "ha" or "m2" or "km2" or "m3" or "l" or "°" or "°C" or "°F";

    // Nouns a bare number after them names or numbers ("nummer 12", "pagina 4", "het jaar 2019", "lijn 50"), not a measure.
    private static readonly HashSet<string> NumberingNouns = new(StringComparer.Ordinal)
    {
        "nummer", "nr", "pagina", "blz", "hoofdstuk", "artikel", "jaar", "seizoen", "editie", "lijn", "bus", "tram", "afrit", "kamer", "zaal", "huisnummer",
        "number", "no", "page", "chapter", "article", "year", "season", "line", "route", "exit", "room",
        "seite", "kapitel", "jahr", "saison", "linie", "ausfahrt", "zimmer",
    };

    // A bare year ("in 2019", "tot 2025"): four digits from 1900 to 2100.
    private static bool LooksLikeAYear(string word)
        => word.Length == 4 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;

    // Prepositions that make a bare number after them something of its own ("een boete van 50", "op 50", "in 50").
    private static readonly HashSet<string> GapPrepositions = new(StringComparer.Ordinal)
    {
        "van", "op", "in", "om", "tot", "naar", "met", "sinds", "na", "voor", "bij", "uit", "over", "rond",
        "of", "on", "at", "to", "with", "since", "after", "before", "by", "from", "around", "about",
        "von", "auf", "im", "um", "bis", "nach", "mit", "seit", "vor", "bei", "aus", "über",
    };

    private static bool MeasureUnit(string word)
        => Units.TryGetValue(word, out var unit) && unit is not ("year" or "month" or "week" or "day" or "h" or "min" or "s" or "%" or "°") || word is "cent";

    /// <summary>A fraction's denominator in words: "derde" 3, "kwart" 4, "vijfde" 5, "achtsten" 8, "honderdste" 100; "tweede" is not one.</summary>
    private static double? Denominator(string word)
    {
        if (word is "kwart" or "kwarten")
        {
            return 4;
        }

        var singular = word.EndsWith("sten", StringComparison.Ordinal) || word.EndsWith("den", StringComparison.Ordinal) ? word[..^1] : word;
        return singular is not ("eerste" or "tweede") && ParseOrdinal(singular, "nl") is { } d && d >= 3 ? d : null;
    }

    // "honderdenzes", "tweeduizendentwintig": Dutch may join a hundred or thousand to the rest with "en".
    private static string TrimAnd(string rest, string and)
        => rest.Length > and.Length && rest.StartsWith(and, StringComparison.Ordinal) ? rest[and.Length..]
            : and == "en" && rest.StartsWith("ën", StringComparison.Ordinal) ? rest[2..] : rest;

    // Verbs of a figure changing to a new value (the value follows "tot"/"naar").
    private static readonly HashSet<string> ChangeVerbs = new(StringComparer.Ordinal)
    {
        "opgelopen", "gestegen", "gedaald", "gezakt", "toegenomen", "afgenomen", "geklommen", "steeg", "stegen", "daalde", "daalden", "liep", "liepen",
        "risen", "fallen", "rose", "fell", "climbed", "increased", "decreased", "gestiegen", "gesunken", "stieg", "sank",
    };

    // Adverbs of time between a subject and its changed figure: "het dodental is inmiddels tot 30 opgelopen".
    private static readonly HashSet<string> ChangeAdverbs = new(StringComparer.Ordinal)
    {
        "inmiddels", "intussen", "ondertussen", "nu", "al", "zelfs", "verder", "inzwischen", "mittlerweile", "bereits", "nun", "weiter",
        "now", "already", "since", "meanwhile", "further",
    };

    /// <summary>"half", "kwart" and their kin as the part of a whole they name.</summary>
    private static double? PartWord(string word) => word switch
    {
        "half" or "halve" or "halb" or "halbe" => 0.5,
        "kwart" or "quarter" or "viertel" => 0.25,
        _ => null,
    };

    private static readonly string[] HalfSuffixes = ["enhalf", "ënhalf", "enhalve", "ënhalve", "einhalb"];

    // "½", "⅙", "¾": one character for a fraction.
    private static double? VulgarFraction(string word)
        => word.Length == 1 && char.GetUnicodeCategory(word[0]) == UnicodeCategory.OtherNumber && char.GetNumericValue(word[0]) is > 0 and < 1 and var f ? f : null;

    private static bool AllDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');

    /// <summary>"anderhalf" (1.5), "tweeënhalf" (2.5), "twaalfenhalve" (12.5), "anderthalb", "one and a half" is not a word.</summary>
    private static double? HalfWords(string word, string lang)
    {
        if (word is "anderhalf" or "anderhalve" or "anderthalb" or "eineinhalb")
        {
            return 1.5;
        }

        // This runs for every word of a text: only words ending like a half are looked at further.
        if (word.Length < 7 || word[^1] is not ('f' or 'e' or 'b'))
        {
            return null;
        }

        foreach (var suffix in HalfSuffixes)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal) && ParseWords(word[..^suffix.Length], lang) is { } whole)
            {
                return whole + 0.5;
            }
        }

        return null;
    }

    /// <summary>A unit or scale glued to digits: "75ml", "1,65m", "0,8rad", "100t", "10k" (10 000), "1,2b" (1.2 billion).</summary>
    private static bool GluedUnit(string token, string lang, out double value, out string? unit, bool capitalSuffix = false)
    {
        (value, unit) = (0, null);
        var split = 0;
        while (split < token.Length && (char.IsAsciiDigit(token[split]) || token[split] is '.' or ','))
        {
            split++;
        }

        if (split == 0 || split == token.Length || !ParseDigits(token[..split], lang, out var number))
        {
            return false;
        }

        var suffix = token[split..];
        // English news writes millions glued: "£5m", "$3bn".
        if (lang == "en" && suffix is "m")
        {
            value = number * 1e6;
            return true;
        }

        if (suffix is "k" or "K")
        {
            value = number * 1e3;
            return true;
        }

        if (suffix is "b" or "bn" or "bln" or "mld" or "mrd" or "mln" or "mn" or "mio")
        {
            value = number * (suffix is "mln" or "mn" or "mio" ? 1e6 : 1e9);
            return true;
        }

        // English weather reports glue the scale in capitals: "30C", "minus 12C", "86F" ("5c" is five cents).
        if (lang == "en" && capitalSuffix && suffix is "c" or "f")
        {
            (value, unit) = (number, suffix == "c" ? "°C" : "°F");
            return true;
        }

        if (Units.TryGetValue(suffix.ToLowerInvariant(), out var u) || GluedOnlyUnits.TryGetValue(suffix.ToLowerInvariant(), out u))
        {
            (value, unit) = (number, u);
            return true;
        }

        return false;
    }

    // Unit abbreviations that are only read glued to a number ("100t", "0,8rad"), never as words.
    private static readonly Dictionary<string, string> GluedOnlyUnits = new(StringComparer.Ordinal)
    {
        ["ml"] = "ml", ["cl"] = "cl", ["dl"] = "dl", ["l"] = "l", ["t"] = "t", ["g"] = "g", ["mg"] = "mg", ["rad"] = "rad", ["gb"] = "GB", ["mb"] = "MB", ["kb"] = "kB",
        ["tb"] = "TB", ["kw"] = "kW", ["mw"] = "MW", ["gw"] = "GW", ["kwh"] = "kWh", ["v"] = "V", ["w"] = "W", ["nm"] = "nm", ["km2"] = "km2", ["m2"] = "m2", ["m3"] = "m3",
    };

    private static double? Below100(string word, Dictionary<string, int> units, Dictionary<string, int> teens, Dictionary<string, int> tens, string and)
    {
        if (units.TryGetValue(word, out var u))
        {
            return u;
        }

        if (teens.TryGetValue(word, out var t))
        {
            return t;
        }

        if (tens.TryGetValue(word, out var tt))
        {
            return tt;
        }

        foreach (var (tensWord, tensValue) in tens)
        {
            if (word.EndsWith(tensWord, StringComparison.Ordinal) && word.Length > tensWord.Length + and.Length)
            {
                var head = word[..^tensWord.Length];
                // "tweeëntwintig": after a vowel, Dutch writes the joining "en" as "ën".
                var joiner = head.EndsWith(and, StringComparison.Ordinal) ? and.Length
                    : and == "en" && head.EndsWith("ën", StringComparison.Ordinal) ? 2 : 0;
                if (joiner == 0)
                {
                    continue;
                }

                var unitWord = head[..^joiner];
                if (units.TryGetValue(unitWord, out var unitValue))
                {
                    return tensValue + unitValue;
                }
            }
        }

        return null;
    }

    private static Dictionary<string, int> Words(params (string Word, int Value)[] pairs) => pairs.ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
}
