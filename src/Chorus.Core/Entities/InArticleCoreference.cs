using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Text;

namespace Chorus.Core.Entities;

/// <summary>One entity inside one article: its type, the name to show, and every surface form with its count.</summary>
public sealed record LocalEntity(EntityType Type, string Canonical, IReadOnlyDictionary<string, int> Surfaces);

/// <summary>
/// Groups an article's entity mentions into entities, in this order:
/// <list type="number">
/// <item>a role word before a name makes it a person ("minister van Defensie Sjojgoe": Defensie stays ORG, Sjojgoe is PER);</item>
/// <item>a type noun before a name types it, and every mention of the same name in the article ("grensstad Chasan" → LOC,
/// "staatspersbureau KCNA" → ORG; <see cref="TypeNouns"/>);</item>
/// <item>a capitalised word one edit away from a person named in the article is that person (the typo "Sjogjoe");</item>
/// <item>place adjectives become mentions of their place ("Noord-Koreaanse" → Noord-Korea, kind "adjective");</item>
/// <item>full names that <see cref="NameMatcher"/> calls the same are one entity; a single word joins the full name it is
/// the first or last part of ("Breuker" → Remco Breuker), and when several fit ("Kim": Kim Jong-un, Kim Jong-il)
/// the one mentioned most often, then the nearest before it.</item>
/// </list>
/// </summary>
public sealed class CoreferenceStage(PlaceAdjectives adjectives) : IAnalysisStage
{
    private const int MaxKeptPartKeys = 1 << 16;

    [ThreadStatic]
    private static Dictionary<ulong, int>? _byPart;

    // The article's distinct lower-case words, and those it writes in lower case: tables each thread fills again for
    // every article (cleared, they keep their room; a pair of new ones was a tenth of what the stage allocated).
    [ThreadStatic]
    private static HashSet<string>? t_lowerWords;
    [ThreadStatic]
    private static HashSet<string>? t_writtenLower;

    public string Name => "coreference";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens | AnalysisLayer.Entities;

    public AnalysisLayer Provides => AnalysisLayer.EntityGroups;

    public AnalysisLayer Refines => AnalysisLayer.Entities;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lowerWords = t_lowerWords ??= new HashSet<string>(StringComparer.Ordinal);
        var writtenLower = t_writtenLower ??= new HashSet<string>(StringComparer.Ordinal);
        try
        {
            Apply(document, lowerWords, writtenLower);
        }
        finally
        {
            // A book-length input's tables are not kept for the next article.
            lowerWords.Clear();
            writtenLower.Clear();
            if (document.LowerWords.Length > MaxKeptPartKeys)
            {
                (t_lowerWords, t_writtenLower) = (null, null);
            }
        }
    }

    private void Apply(AnalysisDocument document, HashSet<string> lowerWords, HashSet<string> writtenLower)
    {
        var text = document.Text;
        var stopwords = LanguageStemmer.For(document.Lang);
        lowerWords.UnionWith(document.LowerWords);
        // A surname that is also a function word ("Weil dankte…" after "Stephan Weil") stays a name.
        var surnames = document.Entities.Where(m => m.Type == EntityType.Person && text.AsSpan(m.Start, m.End - m.Start).Contains(' '))
            .Select(m => LastWord(text, m)).ToHashSet(StringComparer.Ordinal);
        // Names the article itself uses, for compounds built on them ("Brexitdeal" in an article about the Brexit).
        var articleNames = document.Entities.Where(m => m.End - m.Start >= 4 && !text.AsSpan(m.Start, m.End - m.Start).ContainsAny(' ', '-'))
            .Select(m => text[m.Start..m.End]).ToHashSet(StringComparer.Ordinal);
        // Words the article writes in lower case somewhere ("kerst", "jaar", "commissie"): the same word with a capital,
        // at a sentence start, in a subheading or a title, is that word again, not a person or a thing of that name.
        for (var i = 0; i < document.Tokens.Count; i++)
        {
            if (document.Tokens[i].Kind == TokenKind.Word && char.IsLower(text[document.Tokens[i].Start]))
            {
                writtenLower.Add(document.LowerWords[i]);
            }
        }

        var months = Extraction.Times.TimeLexicon.For(document.Lang).Months;
        // Each mention's words and their lower case are made once, for every test below.
        bool IsAName(EntityMention m)
        {
            var span = text.AsSpan(m.Start, m.End - m.Start);
            if (!EntityNames.IsNameForm(span))
            {
                return false;
            }

            // Pooled forms: the same names come back mention after mention.
            var (word, oneWord) = (WordPool.Of(span), !span.Contains(' '));
            var (lower, folded) = (WordPool.LowerOf(span), NameKey.Fold(word));
            // What is no name at all never becomes an entity: a letter ("B" of "Plan B" cut off), a compound cut off
            // before "en" ("Noord-" of "Noord- en Zuid-Holland"), a function word opening a sentence ("We", "Het").
            // ("We" is missing from the Snowball list: a word of two letters the article also writes in lower case counts.)
            // Folded too: a stress accent ("Eén", "Dát") leaves the word a function word.
            var functionWord = stopwords.IsStopword(lower) || stopwords.IsStopword(folded) || (word.Length <= 2 && lowerWords.Contains(lower));
            if (oneWord && functionWord && OpensSentence(document, m.Start) && !surnames.Contains(word))
            {
                return false;
            }

            // A month where a date is written ("in June", "12 May") is a time, not a name.
            if (oneWord && months.ContainsKey(lower) && IsDateMonth(document, m))
            {
                return false;
            }

            // A stress accent on a function word ("Eén daarvan", "Dát is het") is never a name, wherever it stands.
            if (!stopwords.IsStopword(lower) && stopwords.IsStopword(folded))
            {
                return false;
            }

            // A common word capitalised (see writtenLower) is no person and no thing, unless the name lists know it so.
            if (m.Type is EntityType.Person or EntityType.Misc && !span.ContainsAny(' ', '-') && writtenLower.Contains(lower) && !surnames.Contains(word)
                && (NameGazetteer.Dutch.Full([word], 0, 1) & NameGazetteer.TypeBit(m.Type)) == 0)
            {
                return false;
            }

            return !(!surnames.Contains(word) && IsCompoundOfName(word, m.Type, document.Lang, articleNames, lowerWords))
                && !(m.Type == EntityType.Person && OpensWithFunctionWord(text, m, stopwords));
        }

        // Element-wise steps rewrite the list in place: a new list per step was a tenth of what the stage allocated.
        var named = new List<EntityMention>(document.Entities.Count);
        foreach (var m in document.Entities)
        {
            if (IsAName(m))
            {
                named.Add(WithoutRole(text, document.Lang, WithoutAffiliation(text, m)));
            }
        }

        var mentions = TypeByApposition(document, SplitAfterRoles(document, named));
        mentions.AddRange(Typos(document, mentions, writtenLower));
        for (var i = 0; i < mentions.Count; i++)
        {
            mentions[i] = AsAdjective(text, mentions[i]);
        }

        mentions.AddRange(UntaggedAdjectives(document, mentions));
        for (var i = 0; i < mentions.Count; i++)
        {
            mentions[i] = CabinetsAreNoPersons(text, mentions[i]);
        }

        mentions = SurnamesArePersons(text, mentions);
        for (var i = 0; i < mentions.Count; i++)
        {
            mentions[i] = PlaceByItsHead(text, mentions[i]);
        }

        var acronyms = DefinedAcronyms(text, mentions);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var (grouped, groups) = Group(text, mentions, acronyms, document.Lang);
        // A book-length input's table is not kept for the next article.
        if (_byPart?.Count > MaxKeptPartKeys)
        {
            _byPart = null;
        }

        document.Entities = grouped;
        document.EntityGroups = groups;
    }

    // "In Turkije", "Met Rutte" tagged as a person: a name never opens with a function word other than a particle
    // of a surname ("De Jong", "Van Dijk", "Ten Hag").
    private static bool OpensWithFunctionWord(string text, EntityMention m, LanguageStemmer stopwords)
    {
        var space = text.IndexOf(' ', m.Start, m.End - m.Start);
        if (space < 0)
        {
            return false;
        }

        var first = text[m.Start..space].ToLowerInvariant();
        return stopwords.IsStopword(first) && !EntityNames.IsParticle(first);
    }

    // Dutch and German write a name and a noun as one word: "Koreakenner" is an expert on Korea, "Facebookaccount" an
    // account, "Brexitdebat" a debate, not a person or a thing of that name. A one-word mention is such a compound when
    // it splits into a known name (see Known below) and a common noun (IsCommonNounHead), unless the word as a whole is
    // a known name, its head forms names ("Abelprijs", "Dominicuskerk", "Julianaschool") or it is derived from a place
    // ("Brusselse"). A surname of a person the article names in full stays a name.
    /// <param name="articleNames">Single-word names the article tags ("Labour", "Brexit").</param>
    /// <param name="articleWords">Every word the article writes, in lower case ("brexit" where it is written so).</param>
    internal static bool IsCompoundOfName(string word, EntityType type, string lang, IReadOnlySet<string>? articleNames = null, IReadOnlySet<string>? articleWords = null)
    {
        if (lang is not ("nl" or "de"))
        {
            return false;
        }

        // What a compound may be built on: for a person or a thing, a name the lists know or the article tags, and for a
        // thing any word the article writes ("brexit"). Places and organisations are themselves often built on names
        // ("Rijksoverheid", "Rechtspraak"): for them only a name the article tags counts ("Labourleden" after "Labour").
        bool Known(string part) => articleNames?.Contains(part) == true || type switch
        {
            EntityType.Person => IsKnownName(part, type),
            EntityType.Misc => IsKnownName(part, type) || articleWords?.Contains(part.ToLowerInvariant()) == true,
            _ => false,
        };

        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0)
        {
            // "EU-landen", "Brexit-deadline", "Labour-kamerlid": a word, a hyphen and a lower-case noun is that noun;
            // "Noord-Korea", "Rees-Mogg" and "Jong-un" (a capital, or no noun after the hyphen) stay names. Only persons
            // and things: "EU-commissie" is an organisation.
            var (name, after) = (word[..hyphen], word[(hyphen + 1)..]);
            return type is EntityType.Person or EntityType.Misc && after.Length >= 4 && after.All(char.IsLower) && name.Length >= 2 && name.All(char.IsLetter)
                && IsCommonNounHead(after, lang, articleWords);
        }

        if (word.Length < 8 || !IsOneWordOfLetters(word)
            || NameGazetteer.Dutch.Full([word], 0, 1) != 0 || TranslatedNames.Default.KeyOf(word) is not null
            || EndsWithAny(word, DerivedFromPlace))
        {
            return false;
        }

        // The longest known name the word opens with ("Oostenrijkse" is Oostenrijk + "se", not Oost + "enrijkse";
        // "Middelburger" is Middelburg + "er"); what follows must be a word of five letters or more ("Amerikaanse" is
        // Amerika + "anse": no compound).
        var split = word.Length - 1;
        while (split >= 4 && !Known(word[..split]))
        {
            split--;
        }

        return split >= 4 && word.Length - split >= 5 && IsCommonNounHead(word[split..], lang, articleWords);
    }

    // Letters only, and no capital after the first (a camel-cased "McDonalds" is no compound). Loops, not queries: the
    // lambdas' closures were made on every call, most of which end here.
    private static bool IsOneWordOfLetters(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsLetter(word[i]) || (i > 0 && char.IsUpper(word[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithAny(string word, string[] endings)
    {
        foreach (var e in endings)
        {
            if (word.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A noun of the dictionary (Dutch or German; English for loans like "account"), or one the article writes on its
    // own ("deadline"), and not the head of a name ("-prijs", "-kerk").
    private static bool IsCommonNounHead(string head, string lang, IReadOnlySet<string>? articleWords)
    {
        var stemmer = LanguageStemmer.For(lang);
        return !stemmer.IsStopword(head) && !EndsWithAny(head, NameFormingHeads)
            && (articleWords?.Contains(head) == true
                || !ConceptLexicon.Default.ConceptsOf(lang, stemmer.Stem(head)).IsEmpty || !ConceptLexicon.Default.ConceptsOf("en", LanguageStemmer.For("en").Stem(head)).IsEmpty);
    }

    // A place name, organisation or thing the name lists or the names of the news know; for a person mention one that
    // is not only a person's name ("Facebook" in "Facebookaccount", not "Maria" in "Mariaschool").
    // Four letters only for names of the news ("Cuba", "Iran"): the name lists hold short words too ("Easy", "Life").
    private static bool IsKnownName(string name, EntityType type)
    {
        if (TranslatedNames.Default.KeyOf(name) is not null)
        {
            return true;
        }

        var listed = name.Length >= 5 ? NameGazetteer.Dutch.Full([name], 0, 1) : (byte)0;
        return type == EntityType.Person ? (listed & ~NameGazetteer.Per) != 0 : listed != 0;
    }

    // Endings of words derived from a place: adjectives ("Brusselse", "Angelsaksisch") and inhabitants ("Kongolezen",
    // "Egyptenaren", "Arabieren", "Tunesiërs"). They name their place, and the adjective step links them to it.
    private static readonly string[] DerivedFromPlace = ["se", "sche", "isch", "ees", "ezen", "aar", "aars", "aren", "aard", "aarden", "iër", "iërs", "ier", "ieren", "aan", "anen"];

    // Heads of proper names: streets, squares, buildings, waters, districts, prizes, orders and treaties (Dutch, German).
    private static readonly string[] NameFormingHeads =
    [
        "straat", "plein", "laan", "weg", "kade", "gracht", "singel", "dijk", "dam", "brug", "tunnel", "haven", "sluis", "markt",
        "buurt", "wijk", "park", "bos", "meer", "eiland", "polder", "kerk", "kathedraal", "school", "college", "gebouw",
        "toren", "paleis", "huis", "hof", "poort", "station", "stadion", "museum", "ziekenhuis", "kazerne", "fabriek",
        "prijs", "medaille", "orde", "trofee", "beker", "verdrag", "akkoord", "verklaring", "conferentie", "tribunaal",
        "delta", "terrein", "begraafplaats", "bekken", "havens",
        "straße", "strasse", "platz", "kirche", "schule", "brücke", "bahnhof", "preis", "vertrag", "abkommen",
    ];

    private static readonly HashSet<string> DatePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "since", "until", "till", "by", "from", "next", "last", "early", "late", "mid", "during", "before", "after",
        "im", "am", "seit", "bis", "ab", "anfang", "ende", "mitte", "sinds", "tot", "vanaf", "per", "begin", "eind", "half", "medio", "voor", "na",
    };

    // A month name where a date is written ("in June", "12 May", "May 12") is no person, whatever a name list says.
    private static bool IsDateMonth(AnalysisDocument document, EntityMention m)
    {
        var text = document.Text;
        var word = text[m.Start..m.End];
        if (word.Contains(' ', StringComparison.Ordinal) || !Extraction.Times.TimeLexicon.For(document.Lang).Months.ContainsKey(word.ToLowerInvariant()))
        {
            return false;
        }

        // Spans, not copies of the text before and after: this runs for every month-like mention of a long article.
        var before = text.AsSpan(0, m.Start).TrimEnd();
        var previous = before.Length == 0 ? string.Empty : before[(before.LastIndexOfAny(' ', '\n', '(') + 1)..].ToString();
        var after = text.AsSpan(m.End).TrimStart();
        return DatePrepositions.Contains(previous) || (previous.Length > 0 && char.IsDigit(previous[^1])) || (after.Length > 0 && char.IsDigit(after[0]));
    }

    // "Kremlinwoordvoerder Dmitri Peskov", "Koning Willem-Alexander", "Topman Ben van Beurden" tagged as one person:
    // the role word in front is not part of the name. German writes every noun with a capital, so any noun of the
    // dictionary before a name is a description of the person ("Mittelfeldspieler Thiago Ramalho", "Grünen-Politiker
    // Anton Hofreiter", "Rentner Klaus Weber"), unless it is a given name too ("Ernst", "Wolf").
    private static EntityMention WithoutRole(string text, string lang, EntityMention m)
    {
        if (m.Type != EntityType.Person)
        {
            return m;
        }

        var space = text.IndexOf(' ', m.Start, m.End - m.Start);
        if (space <= m.Start || space + 1 >= m.End || !char.IsUpper(text[space + 1]))
        {
            return m;
        }

        var first = text[m.Start..space];
        return RoleWords.IsRole(first) || (lang == "de" && IsGermanNoun(first))
            ? m with { Start = space + 1 }
            : m;
    }

    // A German common noun of the dictionary, or a compound whose last part is one ("Mittelfeld|spieler",
    // "Grünen-|Politiker"), that no name list gives as a given name.
    private static bool IsGermanNoun(string word)
    {
        var hyphen = word.LastIndexOf('-');
        var head = hyphen >= 0 && hyphen + 1 < word.Length ? word[(hyphen + 1)..] : word;
        if (head.Length < 4 || !char.IsUpper(head[0]) || NameGazetteer.Dutch.IsGivenName(word) || NameGazetteer.Dutch.IsGivenName(head))
        {
            return false;
        }

        var lower = head.ToLowerInvariant();
        if (ConceptLexicon.Default.HoldsWord("de", lower))
        {
            return true;
        }

        // A compound's last part of five letters or more ("-spieler", "-trainer"); shorter ones end names too ("-berg",
        // "-gang").
        for (var i = ConceptLexicon.MinCompoundPart; i <= lower.Length - MinGermanNounHead; i++)
        {
            if (ConceptLexicon.Default.HoldsWord("de", lower[i..]))
            {
                return true;
            }
        }

        return false;
    }

    private const int MinGermanNounHead = 5;

    // "Ruud Bosgraaf van Amnesty International", "Sandra Binken van BIJ12": a full name, then "van" and an
    // organisation (an acronym or an organisation word), is the person; the rest is where they work.
    private static EntityMention WithoutAffiliation(string text, EntityMention m)
    {
        if (m.Type != EntityType.Person)
        {
            return m;
        }

        var name = text[m.Start..m.End];
        var van = name.IndexOf(" van ", StringComparison.Ordinal);
        if (van < 0 || !name[..van].Contains(' ', StringComparison.Ordinal))
        {
            return m;
        }

        var rest = name[(van + 5)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var organisation = rest.Any(w => NameListEntityTyper.OrganisationWords.Contains(w) || (w.Length >= 2 && w.Count(char.IsUpper) >= 2 && w.All(char.IsLetterOrDigit)));
        return organisation ? m with { End = m.Start + van } : m;
    }

    // "Rutte III", "Balkenende IV": a surname and a Roman numeral name a cabinet, not the person; "Willem III" and
    // "Lodewijk XIV", a given name and a numeral, stay a king.
    private static EntityMention CabinetsAreNoPersons(string text, EntityMention m)
    {
        if (m.Type != EntityType.Person)
        {
            return m;
        }

        var parts = text[m.Start..m.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && EntityNames.IsRomanNumeral(parts[1]) && PersonGender.OfName(parts[0]) == Gender.Unknown
            && !NameGazetteer.Dutch.IsGivenName(parts[0])
            ? m with { Type = EntityType.Misc, Method = MentionMethod.Cabinet }
            : m;
    }

    // "Dekker zei…" after "Sander Dekker", where the tagger made the lone surname a place or a thing: a single word that
    // is the surname of a person the article names in full is that person ("Vlaanderen" after "Chantal Vlaanderen"),
    // unless ISO lists it as a country, state, province or region ("Utrecht", "Washington"): those are named as places
    // far more often than a person of that name is named by surname alone.
    private static List<EntityMention> SurnamesArePersons(string text, List<EntityMention> mentions)
    {
        var surnames = mentions.Where(m => m.Type == EntityType.Person && text.AsSpan(m.Start, m.End - m.Start).Contains(' '))
            .Select(m => LastWord(text, m))
            .Where(w => w.Length > 2 && char.IsUpper(w[0]))
            .ToHashSet(StringComparer.Ordinal);
        if (surnames.Count == 0)
        {
            return mentions;
        }

        return mentions.Select(m =>
        {
            var surface = text[m.Start..m.End];
            return m.Type != EntityType.Person && m.Kind == MentionKind.Name && surnames.Contains(surface) && !TranslatedNames.Default.IsPlace(surface)
                ? m with { Type = EntityType.Person, Method = MentionMethod.Surname }
                : m;
        }).ToList();
    }

    // Dutch place names say what they are in their last part: a bridge, harbour, dam, dike, square or street
    // ("Erasmusbrug", "Waalhaven", "Afsluitdijk", "Museumplein", "Kalverstraat") is a place, whatever thing the
    // tagger took it for. Organisations are left alone: a football club is named after its town ("Volendam").
    private static readonly string[] PlaceNameEndings = ["brug", "haven", "dam", "dijk", "plein", "straat", "gracht", "kade", "laan", "weg", "singel", "markt", "tunnel", "sluis"];

    // The mention's last word; a one-word mention is itself (never the text before it: that copy made long articles quadratic).
    private static string LastWord(string text, EntityMention m)
        => text[Math.Max(m.Start, text.LastIndexOf(' ', m.End - 1, m.End - m.Start) + 1)..m.End];

    private static EntityMention PlaceByItsHead(string text, EntityMention m)
    {
        if (m.Type != EntityType.Misc || m.Kind != MentionKind.Name)
        {
            return m;
        }

        var last = LastWord(text, m).ToLowerInvariant();
        return PlaceNameEndings.Any(e => last.Length > e.Length + 2 && last.EndsWith(e, StringComparison.Ordinal)) ? m with { Type = EntityType.Location, Method = MentionMethod.PlaceName } : m;
    }

    // "de Noord-Atlantische Verdragsorganisatie (NAVO)": an acronym in brackets right after a name is that name, here
    // and wherever the article uses it; the acronym takes the name's type.
    private static Dictionary<string, string> DefinedAcronyms(string text, List<EntityMention> mentions)
    {
        var acronyms = new Dictionary<string, string>(StringComparer.Ordinal);
        // Made when an article defines an acronym at all (few do): the first mention starting at each offset.
        Dictionary<int, int>? byStart = null;
        // Mentions added below are acronyms, never names of several words: only those there at the start are visited.
        var count = mentions.Count;
        for (var at = 0; at < count; at++)
        {
            var m = mentions[at];
            if (!text.AsSpan(m.Start, m.End - m.Start).ContainsAny(' ', '-'))
            {
                continue;
            }

            var k = m.End;
            while (k < text.Length && text[k] == ' ')
            {
                k++;
            }

            if (k >= text.Length || text[k] != '(')
            {
                continue;
            }

            var close = text.IndexOf(')', k);
            var inner = close > k ? text[(k + 1)..close] : string.Empty;
            if (inner.Length is < 2 or > 8 || !inner.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&') || inner.Count(char.IsUpper) < 2)
            {
                continue;
            }

            acronyms.TryAdd(inner, text[m.Start..m.End]);
            if (byStart is null)
            {
                byStart = [];
                for (var i = 0; i < count; i++)
                {
                    byStart.TryAdd(mentions[i].Start, i);
                }
            }

            if (byStart.TryGetValue(k + 1, out var tagged))
            {
                mentions[tagged] = mentions[tagged] with { Type = m.Type };
            }
            else
            {
                mentions.Add(new EntityMention(k + 1, close, m.Type, MentionMethod.Acronym));
            }
        }

        if (acronyms.Count > 0)
        {
            // Later uses of the acronym take the name's type too.
            var typeOf = mentions.Where(m => acronyms.ContainsValue(text[m.Start..m.End])).GroupBy(m => text[m.Start..m.End]).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
            for (var i = 0; i < mentions.Count; i++)
            {
                if (acronyms.TryGetValue(text[mentions[i].Start..mentions[i].End], out var full) && typeOf.TryGetValue(full, out var type))
                {
                    mentions[i] = mentions[i] with { Type = type };
                }
            }
        }

        return acronyms;
    }

    // True when nothing but punctuation (a quote, a dash) stands between the sentence's start and this offset.
    private static bool OpensSentence(AnalysisDocument document, int offset)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else if (sentences[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                foreach (var c in document.Text.AsSpan(sentences[mid].Start, offset - sentences[mid].Start))
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    // "minister van Defensie Sjojgoe" tagged as one ORG: the last word is the person the role belongs to, unless it
    // ends the portfolio itself ("minister van Buitenlandse Zaken").
    private static List<EntityMention> SplitAfterRoles(AnalysisDocument document, List<EntityMention> mentions)
    {
        var text = document.Text;
        var result = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            var lastSpace = text.LastIndexOf(' ', m.End - 1, m.End - m.Start);
            if (m.Type != EntityType.Person && lastSpace > m.Start && HasRoleBefore(text, m.Start) && char.IsUpper(text[lastSpace + 1])
                && !RoleWords.Portfolios.Contains(text[(lastSpace + 1)..m.End]))
            {
                result.Add(m with { End = lastSpace });
                result.Add(new EntityMention(lastSpace + 1, m.End, EntityType.Person, MentionMethod.Role));
            }
            else
            {
                result.Add(m);
            }
        }

        return result;
    }

    // "de Russische grensstad Chasan": the noun before a one-word name says what it is, here and wherever the name recurs.
    private static List<EntityMention> TypeByApposition(AnalysisDocument document, List<EntityMention> mentions)
    {
        var text = document.Text;
        var typed = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (text.AsSpan(m.Start, m.End - m.Start).Contains(' ') || m.Start < 2)
            {
                continue;
            }

            var end = m.Start - 1;
            var start = end;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            if (text[end] == ' ' && start < end && (char.IsLower(text[start]) || document.Lang == "de") && TypeNouns.TypeOf(text[start..end].ToLowerInvariant()) is { } type)
            {
                typed[text[m.Start..m.End]] = type;
            }
        }

        return typed.Count == 0
            ? mentions
            : mentions.Select(m => typed.TryGetValue(text[m.Start..m.End], out var type) && m.Type != type ? m with { Type = type, Method = MentionMethod.Apposition } : m).ToList();
    }

    private static bool HasRoleBefore(string text, int start)
    {
        var from = Math.Max(0, start - 30);
        var before = text[from..start];
        var words = before.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.TakeLast(3).Any(w => RoleWords.Set.Contains(w.ToLowerInvariant()));
    }

    // A capitalised word one edit from a person's name in the same article, and never written in lower case there.
    private static IEnumerable<EntityMention> Typos(AnalysisDocument document, List<EntityMention> mentions, HashSet<string> writtenLower)
    {
        var text = document.Text;
        var personParts = mentions.Where(m => m.Type == EntityType.Person)
            .SelectMany(m => text[m.Start..m.End].Split(' '))
            .Where(p => p.Length >= 5)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (Surface: p, Key: TransliterationKey.OfPart(p)))
            .ToList();
        if (personParts.Count == 0)
        {
            yield break;
        }

        // One-edit neighbours are found through an index of each key with one letter left out (symmetric deletion):
        // two keys one edit apart share a key or a one-letter deletion, so each word costs its length, not the
        // number of names in the article.
        // Most deletions belong to one key: it is kept inline, and a list is made only for a deletion a second key shares.
        var surfaces = personParts.Select(p => p.Surface).ToHashSet(StringComparer.Ordinal);
        var byDeletion = new KeysByDeletion();
        foreach (var (_, partKey) in personParts)
        {
            if (partKey.Length >= 5)
            {
                byDeletion.Add(partKey);
            }
        }

        var covered = Covered(document, mentions);
        // Looked up as spans: a string is made only for a word that is then keyed.
        var surfaceSpans = surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < document.Tokens.Count; i++)
        {
            var t = document.Tokens[i];
            if (t.Kind != TokenKind.Word || t.Length < 5 || !char.IsUpper(text[t.Start]) || covered[i])
            {
                continue;
            }

            // A word the article writes in lower case elsewhere is that word ("Zeker" opening a sentence), not a name.
            var span = text.AsSpan(t.Start, t.Length);
            if (writtenLower.Contains(document.LowerWords[i]) || surfaceSpans.Contains(span))
            {
                continue;
            }

            var key = TransliterationKey.OfPart(WordPool.Of(span));
            if (key.Length >= 5 && byDeletion.OneEditFromAny(key))
            {
                yield return new EntityMention(t.Start, t.End, EntityType.Person, MentionMethod.Typo);
            }
        }
    }

    /// <summary>Part keys by the hash of each one-letter deletion (and of the key itself): the first key of a hash inline, the rest listed.</summary>
    private sealed class KeysByDeletion
    {
        private readonly Dictionary<ulong, string> _first = [];
        private Dictionary<ulong, List<string>>? _more;

        public void Add(string key)
        {
            for (var skip = -1; skip < key.Length; skip++)
            {
                var variant = HashWithout(key, skip);
                if (!_first.TryAdd(variant, key))
                {
                    _more ??= [];
                    if (!_more.TryGetValue(variant, out var keys))
                    {
                        _more[variant] = keys = [];
                    }

                    keys.Add(key);
                }
            }
        }

        /// <summary>Whether a key indexed is one edit from <paramref name="key"/>.</summary>
        public bool OneEditFromAny(string key)
        {
            for (var skip = -1; skip < key.Length; skip++)
            {
                var variant = HashWithout(key, skip);
                if (!_first.TryGetValue(variant, out var first))
                {
                    continue;
                }

                if (EditDistance.Between(first, key) == 1)
                {
                    return true;
                }

                if (_more?.TryGetValue(variant, out var keys) == true)
                {
                    foreach (var k in keys)
                    {
                        if (EditDistance.Between(k, key) == 1)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The 64-bit hash of <paramref name="key"/> with the character at <paramref name="skip"/> left out (-1: none), so
    /// the one-letter deletions of a key are indexed without a string each. Every candidate found through them is
    /// checked by the full rule, so a collision can only add a candidate that rule then turns down.
    /// </summary>
    private static ulong HashWithout(string key, int skip)
    {
        var h = 14695981039346656037UL;
        for (var i = 0; i < key.Length; i++)
        {
            if (i != skip)
            {
                h = (h ^ key[i]) * 1099511628211UL;
            }
        }

        return h;
    }

    private EntityMention AsAdjective(string text, EntityMention m)
        => m.Type is EntityType.Misc or EntityType.Location && adjectives.PlaceOf(text[m.Start..m.End]) is not null ? m with { Type = EntityType.Location, Kind = MentionKind.Adjective } : m;

    // Adjectives the tagger did not mark (English and German, or Dutch without a model): "North Korean", "russische".
    private IEnumerable<EntityMention> UntaggedAdjectives(AnalysisDocument document, List<EntityMention> mentions)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var covered = Covered(document, mentions);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || covered[i] || !(char.IsUpper(text[tokens[i].Start]) || document.Lang == "de"))
            {
                continue;
            }

            if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Start - tokens[i].End == 1 && char.IsUpper(text[tokens[i + 1].Start])
                && adjectives.PlaceOf(text[tokens[i].Start..tokens[i + 1].End]) is not null)
            {
                yield return new EntityMention(tokens[i].Start, tokens[i + 1].End, EntityType.Location, MentionMethod.AdjectiveList, MentionKind.Adjective);
                i++;
            }
            else if (adjectives.PlaceOf(text[tokens[i].Start..tokens[i].End]) is not null)
            {
                yield return new EntityMention(tokens[i].Start, tokens[i].End, EntityType.Location, MentionMethod.AdjectiveList, MentionKind.Adjective);
            }
        }
    }

    /// <summary>For each token, whether an entity mention already covers it (mentions are few and sorted by start).</summary>
    private static bool[] Covered(AnalysisDocument document, List<EntityMention> mentions)
    {
        var covered = new bool[document.Tokens.Count];
        var sorted = mentions.OrderBy(m => m.Start).ToList();
        var k = 0;
        for (var i = 0; i < covered.Length; i++)
        {
            var t = document.Tokens[i];
            while (k < sorted.Count && sorted[k].End <= t.Start)
            {
                k++;
            }

            covered[i] = k < sorted.Count && sorted[k].Start <= t.Start && t.End <= sorted[k].End;
        }

        return covered;
    }

    /// <summary>
    /// The surname in a Dutch or German genitive written without an apostrophe ("Mays", "Ruttes", "Merkels"): one word
    /// of a person ending in -s, or null. Whether it is one is decided by a full name in the article ending in that surname.
    /// </summary>
    private static string? GenitiveSurname(string name, EntityType type, HashSet<string> surnames)
        => type is EntityType.Person or EntityType.Misc or EntityType.Organisation && name.Length >= 4 && name[^1] == 's' && !name.Contains(' ', StringComparison.Ordinal) && !name.Contains('-', StringComparison.Ordinal)
            && surnames.Contains(name[..^1])
            ? name[..^1]
            : null;

    private static bool EndsWithWord(string fullName, string word)
        => fullName.Length > word.Length && fullName.EndsWith(word, StringComparison.Ordinal) && fullName[^(word.Length + 1)] == ' ';

    private (List<EntityMention> Mentions, List<LocalEntity> Groups) Group(string text, List<EntityMention> mentions, Dictionary<string, string> acronyms, string? lang)
    {
        // Work grows with distinct names, not with mentions: a group keeps its distinct names, a name is matched once
        // (the same surface in one article is the same entity), and part keys are computed once per name. A long
        // article repeats its names; comparing every mention with every earlier one was quadratic in its length.
        // A group's distinct names are few (one to three): a list, in the order met, is cheaper than a set.
        var groups = new List<(EntityType Type, List<int> Members, List<string> Names, List<string> FullNames)>();
        var groupOf = new int[mentions.Count];
        Array.Fill(groupOf, -1);
        var names = new string[mentions.Count];
        var renamed = new bool[mentions.Count];
        var full = new bool[mentions.Count];
        var parts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] PartsOf(string name) => parts.TryGetValue(name, out var p) ? p : parts[name] = TransliterationKey.Parts(name);
        for (var i = 0; i < mentions.Count; i++)
        {
            var surface = text[mentions[i].Start..mentions[i].End];
            // An adjective stands for its place; a German inflected place name for the name ("Niederlanden" → "Niederlande").
            names[i] = mentions[i].Kind == MentionKind.Adjective ? adjectives.PlaceOf(surface)! : lang == "de" ? TranslatedNames.Default.GermanUninflected(surface) ?? surface : surface;
            renamed[i] = !ReferenceEquals(names[i], surface);
            full[i] = names[i].Contains(' ', StringComparison.Ordinal) || (names[i].Contains('-', StringComparison.Ordinal) && mentions[i].Type == EntityType.Person);
            // "De Jonge", "Van Dissel": a surname with its particles and no given name is a short form, as "Jonge" would be.
            full[i] &= !(mentions[i].Type == EntityType.Person && NameMatcher.IsParticleSurname(PartsOf(names[i])));
        }

        // A mention's own words: its name, unless it stands for another form (an adjective for its place).
        string Surface(int i) => renamed[i] ? text[mentions[i].Start..mentions[i].End] : names[i];
        string NameOf(int i) => names[i];

        // Groups by what any matching name must share with them: a part key, or a part key one edit away (through
        // its one-letter deletions), or the exact name (acronyms). Candidates are then checked by the full rule.
        // Most keys belong to one group: its number is kept inline, and a list is made only for a key that gets a
        // second group (a list per key and deletion was most of what the stage allocated).
        // The part-key table is kept per thread and emptied for each article: grown afresh, its resizes were half of
        // what the stage allocated (a key per part and one-letter deletion of every distinct name).
        var byPart = _byPart ??= [];
        byPart.Clear();
        var byPartMore = new Dictionary<ulong, List<int>>();
        var candidates = new HashSet<int>();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var acronymsOf = acronyms.GroupBy(a => a.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.Key).ToList(), StringComparer.Ordinal);

        static void Index<TKey>(Dictionary<TKey, List<int>> index, TKey key, int g)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != g)
            {
                list.Add(g);
            }
        }

        void Join(int i, int g)
        {
            groupOf[i] = g;
            var group = groups[g];
            group.Members.Add(i);
            if (!group.Names.Contains(names[i]))
            {
                group.Names.Add(names[i]);
                if (full[i])
                {
                    group.FullNames.Add(names[i]);
                }

                Index(byName, names[i], g);
                foreach (var part in PartsOf(names[i]))
                {
                    for (var skip = -1; skip < part.Length; skip++)
                    {
                        var key = HashWithout(part, skip);
                        ref var first = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byPart, key, out var exists);
                        if (!exists)
                        {
                            first = g;
                        }
                        else if (first != g)
                        {
                            Index(byPartMore, key, g);
                        }
                    }
                }
            }
        }

        int NewGroup(EntityType type)
        {
            groups.Add((type, [], [], []));
            return groups.Count - 1;
        }

        int SameAs(string name, EntityType type, bool byAcronym)
        {
            var key = PartsOf(name);
            var expansion = byAcronym ? acronyms.GetValueOrDefault(name) : null;
            // Reused: SameAs never runs inside itself.
            candidates.Clear();
            foreach (var part in key)
            {
                for (var skip = -1; skip < part.Length; skip++)
                {
                    var hash = HashWithout(part, skip);
                    if (byPart.TryGetValue(hash, out var firstGroup))
                    {
                        candidates.Add(firstGroup);
                        if (byPartMore.TryGetValue(hash, out var list))
                        {
                            candidates.UnionWith(list);
                        }
                    }
                }
            }

            if (byAcronym)
            {
                if (expansion is not null && byName.TryGetValue(expansion, out var expanded))
                {
                    candidates.UnionWith(expanded);
                }

                foreach (var acronym in acronymsOf.GetValueOrDefault(name) ?? [])
                {
                    if (byName.TryGetValue(acronym, out var list))
                    {
                        candidates.UnionWith(list);
                    }
                }
            }

            // The first group (in the order groups were made) that the full rule accepts, as a scan of all would find.
            var first = -1;
            foreach (var g in candidates)
            {
                var gr = groups[g];
                if ((first < 0 || g < first) && gr.Type == type
                    && gr.Names.Any(n => NameMatcher.SameParts(PartsOf(n), key) || (byAcronym && (n == expansion || acronyms.GetValueOrDefault(n) == name))))
                {
                    first = g;
                }
            }

            return first;
        }

        // The last words of the persons named in full: a genitive of one of them is a short form of that person.
        // So is a genitive of a person named by surname alone ("Baudet … Baudets partij").
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Type == EntityType.Person && mentions[i].Kind != MentionKind.Adjective)
            {
                surnames.Add(full[i] && names[i].LastIndexOf(' ') is var space and > 0 ? names[i][(space + 1)..] : names[i]);
            }
        }

        // Full names and adjectives' places first, so that short forms have something to attach to.
        var placed = new Dictionary<(string Name, EntityType Type), int>();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (!(full[i] || mentions[i].Kind == MentionKind.Adjective || mentions[i].Type is EntityType.Location or EntityType.Organisation or EntityType.Misc)
                || (!full[i] && GenitiveSurname(names[i], mentions[i].Type, surnames) is not null))
            {
                continue;
            }

            var name = NameOf(i);
            if (!placed.TryGetValue((name, mentions[i].Type), out var g))
            {
                g = SameAs(name, mentions[i].Type, byAcronym: true);
                if (g < 0)
                {
                    g = NewGroup(mentions[i].Type);
                }

                placed[(name, mentions[i].Type)] = g;
            }

            Join(i, g);
        }

        // Short forms: the full names they fit are fixed by now (every full name was placed above).
        // Genitives go last, so that the surname they are of has its group whichever comes first in the text.
        var fittingOf = new Dictionary<(string Name, EntityType Type), List<int>>();
        var fallback = new Dictionary<(string Name, EntityType Type), int>();
        var order = Enumerable.Range(0, mentions.Count).OrderBy(i => GenitiveSurname(names[i], mentions[i].Type, surnames) is null ? 0 : 1).ToList();
        foreach (var i in order)
        {
            if (groupOf[i] >= 0)
            {
                continue;
            }

            var name = NameOf(i);
            var type = mentions[i].Type;
            if (!fittingOf.TryGetValue((name, type), out var fitting))
            {
                fitting = Enumerable.Range(0, groups.Count)
                    .Where(g => groups[g].Type == type && groups[g].FullNames.Any(n => NameMatcher.MatchesShortForm(name, n)))
                    .ToList();
                if (fitting.Count == 0 && GenitiveSurname(name, type, surnames) is { } surname)
                {
                    fitting = Enumerable.Range(0, groups.Count)
                        .Where(g => groups[g].Type == EntityType.Person && groups[g].Names.Any(n => n == surname || EndsWithWord(n, surname)))
                        .ToList();
                }

                fittingOf[(name, type)] = fitting;
            }

            int chosen;
            if (fitting.Count > 0)
            {
                if (type != EntityType.Person && groups[fitting[0]].Type == EntityType.Person)
                {
                    // A genitive the tagger took for another kind of name ("Ruttes woordvoerder") is the person's.
                    mentions[i] = mentions[i] with { Type = EntityType.Person };
                }

                var at = mentions[i].Start;
                chosen = fitting.Count == 1
                    ? fitting[0]
                    : fitting
                        .OrderByDescending(g => groups[g].Members.Count)
                        .ThenByDescending(g => groups[g].Members.Where(j => mentions[j].Start < at).Select(j => mentions[j].Start).DefaultIfEmpty(-1).Max())
                        .First();
            }
            else if (!fallback.TryGetValue((name, type), out chosen))
            {
                chosen = SameAs(name, type, byAcronym: false);
                if (chosen < 0)
                {
                    chosen = NewGroup(type);
                }

                fallback[(name, type)] = chosen;
            }

            Join(i, chosen);
        }

        // Each entity's surfaces (in the order first met) and the name it is shown under: among its names that are no
        // typo or adjective, a full name (not the surname of another) first, then the most frequent, then the first
        // in ordinal order. Counted in tables reused across the groups, without a query per group.
        var locals = new List<LocalEntity>(groups.Count);
        var shown = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var surfaces = new Dictionary<string, int>(StringComparer.Ordinal);
            shown.Clear();
            counts.Clear();
            foreach (var j in g.Members)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(surfaces, Surface(j), out _)++;
                if (mentions[j].Kind != MentionKind.Adjective && mentions[j].Method != MentionMethod.Typo)
                {
                    shown.Add(NameOf(j));
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, NameOf(j), out _)++;
                }
            }

            var canonical = shown.Count == 0 ? NameOf(g.Members[0]) : Canonical(counts, shown, g.Type);
            locals.Add(new LocalEntity(g.Type, canonical, surfaces));
        }

        var grouped = new List<EntityMention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            grouped.Add(mentions[i] with { Group = groupOf[i] });
        }

        return (grouped, locals);
    }

    /// <summary>The name an entity is shown under (see <see cref="Group"/>), from its names' counts; <paramref name="names"/> lists every name, repeated as often as met.</summary>
    private static string Canonical(Dictionary<string, int> counts, List<string> names, EntityType type)
    {
        string? best = null;
        var (bestFull, bestCount) = (false, 0);
        foreach (var (name, count) in counts)
        {
            var full = (name.Contains(' ', StringComparison.Ordinal) || name.Contains('-', StringComparison.Ordinal))
                && !(type == EntityType.Person && EntityNames.IsSurnameOfAnother(name, names));
            if (best is null || (full && !bestFull) || (full == bestFull && (count > bestCount || (count == bestCount && string.CompareOrdinal(name, best) < 0))))
            {
                (best, bestFull, bestCount) = (name, full, count);
            }
        }

        return best!;
    }
}
