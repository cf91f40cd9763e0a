using Chorus.Core.Entities;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>
/// A named-entity mention: its span, its type (PER, LOC, ORG, MISC), how it was found, its kind (the name, or an
/// adjective for a place: "Noord-Koreaanse" → Noord-Korea) and the in-article entity it belongs to (an index into
/// <see cref="AnalysisDocument.EntityGroups"/>, -1 before coreference).
/// </summary>
public readonly record struct EntityMention(int Start, int End, EntityType Type, MentionMethod Method, MentionKind Kind = MentionKind.Name, int Group = -1);

/// <summary>
/// Named entities. Dutch articles are tagged by the trained tagger over the whole article (its second pass
/// needs the document); other languages, or Dutch when no model is installed, use
/// <see cref="NameListEntityTyper"/> over the capitalised names found by <see cref="NameStage"/>.
/// </summary>
public sealed class EntityStage(NerTagger? tagger, NameListEntityTyper fallback) : IAnalysisStage
{
    public string Name => "entities";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens | AnalysisLayer.Names;

    public AnalysisLayer Provides => AnalysisLayer.Entities;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (tagger is not null && document.Lang == "nl" && document.Tokens.Count > 0)
        {
            Tag(document, tagger);
        }
        else
        {
            document.Entities = fallback.Type(document.Text, document.Names, document.Lang);
        }
    }

    private static void Tag(AnalysisDocument document, NerTagger tagger)
    {
        var text = document.Text;
        var sentences = new List<IReadOnlyList<string>>(document.Sentences.Count);
        var firsts = document.SentenceFirstToken;
        for (var s = 0; s < firsts.Count; s++)
        {
            var end = s + 1 < firsts.Count ? firsts[s + 1] : document.Tokens.Count;
            var words = new string[end - firsts[s]];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = Text.WordPool.Of(document.Tokens[firsts[s] + i].Of(text));
            }

            sentences.Add(words);
        }

        var tags = tagger.Tag(sentences);
        var mentions = new List<EntityMention>();
        var chunks = new List<(int Start, int End, int Type)>();
        for (var s = 0; s < tags.Length; s++)
        {
            chunks.Clear();
            NerTags.Chunks(tags[s], chunks);
            foreach (var (start, end, type) in chunks)
            {
                var first = document.Tokens[firsts[s] + start];
                var last = document.Tokens[firsts[s] + end - 1];
                mentions.Add(new EntityMention(first.Start, last.End, (EntityType)(type - 1), MentionMethod.Tagger));
            }
        }

        AddLowerCasedListNames(document, mentions, NameGazetteer.Dutch);
        AddSentenceInitialPlaces(document, mentions, NameGazetteer.Dutch);
        document.Entities = mentions.OrderBy(m => m.Start).ToList();
    }

    /// <summary>
    /// A capital opening a sentence ("Washington stelt dat…") is where the tagger is least sure, since every
    /// sentence starts with a capital, and news often opens with a capital city or country standing for its
    /// government. A first word the tagger left untagged becomes a place when it is a country or city of the news
    /// (<see cref="TranslatedNames"/>; the Alpino place list alone also holds "Lang", "Heel" and "Velen"), the name
    /// lists know it as a place and not as an organisation, the article names no person of that name, never writes
    /// it in lower case, and a lower-case word follows, as a verb would.
    /// </summary>
    private static void AddSentenceInitialPlaces(AnalysisDocument document, List<EntityMention> mentions, NameGazetteer gazetteer)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var stemmer = Text.LanguageStemmer.For("nl");
        foreach (var first in document.SentenceFirstToken)
        {
            if (first + 1 >= tokens.Count || tokens[first].Kind != TokenKind.Word || tokens[first].Length < 4
                || !char.IsUpper(text[tokens[first].Start]) || tokens[first + 1].Kind != TokenKind.Word || !char.IsLower(text[tokens[first + 1].Start]))
            {
                continue;
            }

            var (start, end) = (tokens[first].Start, tokens[first].End);
            var word = text[start..end];
            var lower = word.ToLowerInvariant();
            var listed = gazetteer.Full([word], 0, 1);
            if ((listed & NameGazetteer.Loc) == 0 || (listed & (NameGazetteer.Org | NameGazetteer.Misc)) != 0 || TranslatedNames.Default.KeyOf(word) is null
                || mentions.Any(m => m.Start < end && start < m.End) || stemmer.IsStopword(lower) || ContainsLowerCase(text, lower))
            {
                continue;
            }

            // Also a surname (Washington, Bergen): a place only when the article names no person of that name.
            if ((listed & NameGazetteer.Per) != 0
                && mentions.Any(m => m.Type == EntityType.Person && text.AsSpan(m.Start, m.End - m.Start).EndsWith(" " + word, StringComparison.Ordinal)))
            {
                continue;
            }

            mentions.Add(new EntityMention(start, end, EntityType.Location, MentionMethod.NameLists));
        }
    }

    internal static bool ContainsLowerCase(string text, string lower)
    {
        for (var at = text.IndexOf(lower, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lower, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + lower.Length == text.Length || !char.IsLetter(text[at + lower.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writers often lower-case the second word of a well-known name ("het Witte huis", "de Tweede kamer"), which
    /// the tagger, trained on edited text, misses or tags by its first word alone. A capitalised word followed by
    /// one or two lower-case words that, capitalised, are exactly one list entry of a single type becomes that
    /// entity, replacing what the tagger found inside it.
    /// </summary>
    private static void AddLowerCasedListNames(AnalysisDocument document, List<EntityMention> mentions, NameGazetteer gazetteer)
    {
        var stemmer = Text.LanguageStemmer.For("nl");
        var text = document.Text;
        var tokens = document.Tokens;
        var words = new string[3];
        Span<char> lower = stackalloc char[16];
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !char.IsUpper(text[tokens[i].Start]))
            {
                continue;
            }

            // "De politie", "Het leven": an article or pronoun opening a sentence is no name, whatever the lists hold.
            var first = tokens[i].Of(text);
            if (first.Length <= lower.Length && first.ToLowerInvariant(lower) is var n && stemmer.IsStopword(lower[..n]))
            {
                continue;
            }

            words[0] = first.ToString();
            for (var length = 3; length >= 2; length--)
            {
                if (i + length > tokens.Count || !AllLowerWords(text, tokens, i + 1, i + length))
                {
                    continue;
                }

                for (var k = 1; k < length; k++)
                {
                    var w = tokens[i + k].Of(text);
                    words[k] = string.Concat(w[..1].ToString().ToUpperInvariant(), w[1..]);
                }

                var type = gazetteer.Full(words, 0, length) switch
                {
                    NameGazetteer.Org => EntityType.Organisation,
                    NameGazetteer.Loc => EntityType.Location,
                    NameGazetteer.Per => EntityType.Person,
                    NameGazetteer.Misc => EntityType.Misc,
                    _ => (EntityType?)null,
                };
                if (type is not null)
                {
                    var (start, end) = (tokens[i].Start, tokens[i + length - 1].End);
                    mentions.RemoveAll(m => m.Start < end && start < m.End);
                    mentions.Add(new EntityMention(start, end, type.Value, MentionMethod.NameLists));
                    break;
                }
            }
        }
    }

    private static bool AllLowerWords(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !char.IsLower(text[tokens[k].Start]) || tokens[k].Start != tokens[k - 1].End + 1)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The fallback entity typer for languages without a trained model (English, German, …): each capitalised
/// name is typed by the name lists (an exact list entry decides; several types are resolved in the order
/// ORG, PER, LOC when the name's words say so), then by cues in the name itself: organisation words (Inc,
/// GmbH, University, Ministerium, Party…), a known given name followed by another word (a person), an
/// acronym (an organisation). Names with no evidence are left untyped rather than guessed.
/// </summary>
public sealed class NameListEntityTyper(NameGazetteer gazetteer)
{
    internal static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Ltd", "Corp", "Corporation", "Company", "Co", "Group", "Holding", "Holdings", "Bank", "GmbH", "AG", "SE", "NV", "BV",
        "University", "Universität", "Universiteit", "College", "Institute", "Institut", "Instituut", "Ministry", "Ministerium", "Ministerie",
        "Party", "Partei", "Partij", "Council", "Rat", "Raad", "Association", "Verband", "Vereniging", "Agency", "Agentur", "Commission",
        "Kommission", "Federation", "Union", "Unie", "Times", "News", "Post", "Airlines", "Motors", "Foundation", "Stiftung", "Stichting",
        "Army", "Armee", "Police", "Polizei", "Court", "Gericht", "Parliament", "Parlament", "Senate", "Congress", "FC", "Club",
        "Organization", "Organisation", "Organisatie", "Laboratory", "Laboratorium", "Trust", "Fund", "Fonds", "Hilfswerk", "Film", "Media",
        "Energy", "Airways", "Railways", "Bahn", "Verein", "Presents",
    };

    public List<EntityMention> Type(string text, IReadOnlyList<NameMention> names) => Type(text, names, "en");

    // German articles and contractions: a capitalised word after one is a noun ("die Lage", "vor dem Gericht"), not a
    // name, unless it is a place ISO or the news lists know ("in der Schweiz", "die Ukraine").
    private static readonly HashSet<string> GermanArticles = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines", "kein", "keine", "im", "am", "vom", "zum", "zur", "beim", "ins",
        "seine", "seinen", "seinem", "seiner", "ihre", "ihren", "ihrem", "ihrer", "diese", "dieser", "diesem", "diesen", "jede", "jeder", "jedem",
    };

    /// <param name="text">The article text.</param>
    /// <param name="names">Its capitalised name runs.</param>
    /// <param name="lang">The article's language: German capitalises every noun, so its runs need more evidence.</param>
    public List<EntityMention> Type(string text, IReadOnlyList<NameMention> names, string lang)
    {
        ArgumentNullException.ThrowIfNull(names);
        var stop = LanguageStemmer.For(lang);
        var result = new List<EntityMention>();
        var untyped = new List<NameMention>();
        foreach (var name in names)
        {
            var span = text[name.Start..name.End];
            var words = Tokenizer.Tokenize(span).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();

            // "Der Energiekonzern RWE", "The Bank of England": a determiner opening a run is not part of the name,
            // unless the whole run is a known name ("The Hague", "Den Haag").
            var skip = 0;
            var known = TranslatedNames.Default.KeyOf(string.Join(' ', words.Select(w => span[w.Start..w.End]))) is not null;
            while (!known && skip < words.Count - 1 && stop.IsStopword(span[words[skip].Start..words[skip].End].ToLowerInvariant()))
            {
                skip++;
            }

            words = words.Skip(skip).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var start = name.Start + words[0].Start;
            var tokens = words.Select(t => span[t.Start..t.End]).ToArray();
            if (tokens.Length == 1 && TypeOf(tokens) is null && IsPlaceByPreposition(text, start, tokens[0], lang))
            {
                result.Add(new EntityMention(start, name.End, EntityType.Location, MentionMethod.Preposition));
                continue;
            }

            // "in den Niederlanden", "in Südspanien": a listed place inflected, or a part of one. German capitalises
            // nouns, so the run may hold nouns beside it ("Deutschlands Autobauer", "Küste Spaniens"): the place is
            // taken out of a run whose other words are no names the lists know.
            if (lang == "de" && !known && InflectedPlaces(words, tokens, name.Start) is { Count: > 0 } places)
            {
                result.AddRange(places);
                continue;
            }

            if (tokens.Length == 1 && lang == "de" && !IsAcronym(tokens[0]) && !TranslatedNames.Default.IsPlace(tokens[0]) && TranslatedNames.Default.KeyOf(tokens[0]) is null
                && PreviousWord(text, start) is { } previous && (GermanArticles.Contains(previous.ToLowerInvariant()) || IsGermanNounAfterAdjective(previous, tokens[0])))
            {
                continue;
            }

            // "minister Vassilis Kikilias", "Amtskollegen Qin Gang": a role word just before the run makes it a person.
            if (PreviousWord(text, start) is { } role && RoleWords.IsRole(role) && LooksLikePersonName(tokens))
            {
                result.Add(new EntityMention(start, name.End, EntityType.Person, MentionMethod.Role));
                continue;
            }

            // "Vincent Kompany vom FC Burnley", "Renyu Hu of NASA": a person, then where they work or come from.
            var particle = tokens.Length > 3 ? Array.FindIndex(tokens, 2, t => t is "von" or "vom" or "of" or "van" or "aus") : -1;
            if (particle > 0 && particle < tokens.Length - 1
                && (TypeOf(tokens[..particle]) == EntityType.Person || (LooksLikePersonName(tokens[..particle]) && tokens[(particle + 1)..].Any(t => OrganisationWords.Contains(t) || IsAcronym(t.Replace("'s", string.Empty, StringComparison.Ordinal))))))
            {
                result.Add(new EntityMention(start, name.Start + words[particle - 1].End, EntityType.Person, MentionMethod.NameLists));
                if (TypeOf(tokens[(particle + 1)..]) is { } restType)
                {
                    result.Add(new EntityMention(name.Start + words[particle + 1].Start, name.End, restType, MentionMethod.NameLists));
                }

                continue;
            }

            // "Stadt Korvik", "Produktionsfirma Constantin Film": German nouns are capitalised, so the type noun joins
            // the name; the rest is the name, of the type its own words say or else the noun's.
            if (words.Count > 1 && char.IsUpper(tokens[1][0]) && gazetteer.Full(tokens, 0, tokens.Length) == 0 && Entities.TypeNouns.TypeOf(tokens[0].ToLowerInvariant()) is { } byNoun)
            {
                result.Add(new EntityMention(name.Start + words[1].Start, name.End, TypeOf(tokens[1..]) ?? byNoun, MentionMethod.Apposition));
                continue;
            }

            // "Friday", "Montag", "planned for November", "im Oktober": a weekday or a month written out, alone, is no name,
            // whatever a list holds; a month people bear as a name ("May", "April", "June", "August") or short for one
            // ("Jan") may be.
            if (tokens.Length == 1 && IsCalendarWord(tokens[0].ToLowerInvariant(), Extraction.Times.TimeLexicon.For(lang)))
            {
                continue;
            }

            // "French President Emmanuel Macron", "Australian Federal Police Commissioner Andrew Colvin": the person after
            // the last role word inside the run, before the run or a part of it is typed by a cue it only seems to have
            // ("French" is also a surname, "Police" an organisation word).
            var afterRole = -1;
            for (var k = tokens.Length - 1; k >= 2 && afterRole < 0; k--)
            {
                if (RoleWords.IsRole(tokens[k - 1]) && !RoleWords.IsRole(tokens[k]) && LooksLikePersonName(tokens[k..]))
                {
                    afterRole = k;
                }
            }

            if (afterRole > 0)
            {
                result.Add(new EntityMention(name.Start + words[afterRole].Start, name.End, EntityType.Person, MentionMethod.Role));
                continue;
            }

            if (TypeOf(tokens) is { } type)
            {
                result.Add(new EntityMention(start, name.End, type, MentionMethod.NameLists));
                continue;
            }

            // "an ally of Putin", "Verbündeter Putins": a listed person's name in another language's spelling (the lists
            // are Dutch: "Poetin"), alone, as news writes a well-known name.
            if (tokens.Length == 1 && PersonByTransliteration(text, start, tokens[0], lang))
            {
                result.Add(new EntityMention(start, name.End, EntityType.Person, MentionMethod.NameLists));
                continue;
            }

            // "Russian President Vladimir Putin": leading adjectives and titles are capitalised too; try the run without them.
            // After a role word ("Außenministerin Annalena Baerbock", "Coach Pep Guardiola") the rest is a person.
            for (var k = 1; k < words.Count; k++)
            {
                if (RoleWords.IsRole(tokens[k - 1]) && !RoleWords.IsRole(tokens[k]) && LooksLikePersonName(tokens[k..]))
                {
                    result.Add(new EntityMention(name.Start + words[k].Start, name.End, EntityType.Person, MentionMethod.Role));
                    break;
                }

                if (!RoleWords.Set.Contains(tokens[k].ToLowerInvariant()) && TypeOf(tokens[k..]) is { } inner)
                {
                    result.Add(new EntityMention(name.Start + words[k].Start, name.End, inner, MentionMethod.NameLists));
                    break;
                }

                // "Verbündeter Putins": a German noun before the name joins its capitalised run.
                if (lang == "de" && k == words.Count - 1 && PersonByTransliteration(text, name.Start + words[k].Start, tokens[k], lang))
                {
                    result.Add(new EntityMention(name.Start + words[k].Start, name.End, EntityType.Person, MentionMethod.NameLists));
                    break;
                }
            }

            if (result.Any(m => m.Start >= name.Start && m.End <= name.End))
            {
                continue;
            }

            untyped.Add(new NameMention(start, name.End, name.Key));
        }

        // A lone word that repeats part of a person named in the article is that person ("Kim" after "Kim Jong Un",
        // "Baerbock" after "Annalena Baerbock"), typed otherwise or not at all.
        var personParts = result.Where(m => m.Type == EntityType.Person).Select(m => text[m.Start..m.End]).Where(n => n.Contains(' ', StringComparison.Ordinal))
            .SelectMany(n => new[] { n.Split(' ')[0], n.Split(' ')[^1] }).ToHashSet(StringComparer.Ordinal);
        result.AddRange(untyped.Where(n => personParts.Contains(text[n.Start..n.End])).Select(n => new EntityMention(n.Start, n.End, EntityType.Person, MentionMethod.ShortForm)));
        return result.Select(m => m.Type != EntityType.Person && personParts.Contains(text[m.Start..m.End]) ? m with { Type = EntityType.Person } : m).OrderBy(m => m.Start).ToList();
    }

    /// <summary>
    /// "der schlimmste Brand", "ein großer Bauer": a German dictionary word after an inflected adjective is a noun, even
    /// where the name lists hold it as a place or surname ("Brand", "Bauer"). The adjective is a lower-case word ending
    /// as adjectives do before a noun (-e, -en, -er, -es, -em) and no function word; the news places stay names
    /// (checked before: "das geteilte Berlin").
    /// </summary>
    private static bool IsGermanNounAfterAdjective(string previous, string word)
    {
        if (previous.Length < 4 || !char.IsLower(previous[0]) || !(previous.EndsWith('e') || previous.EndsWith("en", StringComparison.Ordinal)
            || previous.EndsWith("er", StringComparison.Ordinal) || previous.EndsWith("es", StringComparison.Ordinal) || previous.EndsWith("em", StringComparison.Ordinal)))
        {
            return false;
        }

        var stemmer = LanguageStemmer.For("de");
        return !stemmer.IsStopword(previous) && ConceptLexicon.Default.HoldsWord("de", word.ToLowerInvariant());
    }

    private static bool IsCalendarWord(string lower, Extraction.Times.TimeLexicon lexicon)
        => lexicon.Weekdays.ContainsKey(lower)
            || (lower.Length >= 4 && lexicon.Months.ContainsKey(lower) && lower is not ("april" or "june" or "august" or "sept"));

    // German prepositions of place ("in Augsburg", "aus Heidelberg", "nach Ingolstadt", "im Allgäu").
    private static readonly HashSet<string> GermanPlacePrepositions = new(StringComparer.Ordinal) { "in", "im", "aus", "nach" };

    /// <summary>
    /// German only: "aus Augsburg", "nach Ingolstadt", "im Allgäu". German capitalises every noun, so a capitalised word
    /// after a preposition of place is a place only when it is built as German place names are: a settlement word at
    /// the end (castle, hill, village, town, field, ford…) after a first part that is no German word ("Augs|burg",
    /// "Heidel|berg", "Ingol|stadt"), where a common compound has a word there ("Pflege|heim", "Vor|feld",
    /// "Haupt|stadt"); never written in lower case in the article; letters with one capital. Any word the dictionary
    /// lacks after the preposition would be too loose: 7 of 60 German noun phrases of a probe are such words
    /// (loanwords and compounds FreeDict lacks: "im Homeoffice", "aus Datenschutzgründen", "in Untersuchungshaft"), and
    /// on Mozilla Readability's real English pages such a word after "in" was a place in 14 of 40 ("in JavaScript",
    /// "in Thunderbird"). A person the article names with the word wins later ("in Weil" after "Stephan Weil").
    /// </summary>
    private static bool IsPlaceByPreposition(string text, int start, string word, string lang)
    {
        if (lang != "de" || word.Length < 6 || !char.IsUpper(word[0]) || !word.Skip(1).All(char.IsLower)
            || PreviousWord(text, start) is not { } previous || !GermanPlacePrepositions.Contains(previous.ToLowerInvariant()))
        {
            return false;
        }

        var lower = word.ToLowerInvariant();
        var ending = Array.Find(SettlementEndings, e => lower.Length >= e.Length + 3 && lower.EndsWith(e, StringComparison.Ordinal));
        if (ending is null || EntityStage.ContainsLowerCase(text, lower))
        {
            return false;
        }

        // A valley ("im Ötztal", "im Zillertal") ends as some common words do ("Portal", "Kapital", "Hospital"), which
        // the dictionary holds whole.
        if (ending == "tal" && ConceptLexicon.Default.HoldsWord(lang, lower))
        {
            return false;
        }

        // The first part is a word as written, without a linking element ("Alters|heim", "Kinder|heim"), a verb's stem
        // ("Wohn|heim") or a compound itself ("Asylbewerber|heim"). Looked up as written, since by stem "Augs" would be
        // "Aug(e)s"; the whole name is not looked up, as the dictionary holds cities too ("Düsseldorf").
        var stemmer = LanguageStemmer.For(lang);
        var lexicon = ConceptLexicon.Default;
        var modifier = lower[..^ending.Length];
        return !(stemmer.IsStopword(modifier) || lexicon.HoldsWord(lang, modifier) || lexicon.HoldsWord(lang, modifier + "e") || lexicon.HoldsWord(lang, modifier + "en")
            || ConceptLexicon.GermanLinks.Any(l => modifier.Length >= l.Length + 3 && modifier.EndsWith(l, StringComparison.Ordinal) && lexicon.HoldsWord(lang, modifier[..^l.Length]))
            || lexicon.Compound(lang, stemmer.Stem(modifier)) is not null);
    }

    // The last parts of German place names: castle, hill, village, town, houses, home, field, ford, brook, enclosure,
    // the "-ingen" of a clan's settlement, harbour, bridge, churches, district, valley.
    private static readonly string[] SettlementEndings =
        ["burg", "berg", "dorf", "stadt", "hausen", "heim", "feld", "furt", "bach", "hagen", "ingen", "leben", "stedt", "hafen", "brück", "brücken", "kirchen", "gau", "gäu", "tal"];

    /// <summary>
    /// The listed places a German run names inflected or as a part ("Niederlanden", "Spaniens", "Südspanien"), each as
    /// a mention of its own word; none when another word of the run is a name the lists know or an acronym, so a run
    /// with a person or an organisation in it is left to the rules below. (The other words are nouns: "Autobauer".)
    /// </summary>
    private List<EntityMention>? InflectedPlaces(List<Token> words, string[] tokens, int runStart)
    {
        List<EntityMention>? places = null;
        // A listed place as written beside a noun ("in Slowenien Überschwemmungen ausgelöst"): the place, when it is the
        // run's only word the lists know. Two such ("Bayern München") are a name of their own.
        var asWritten = -1;
        for (var k = 0; k < tokens.Length; k++)
        {
            if ((TranslatedNames.Default.GermanUninflected(tokens[k]) ?? TranslatedNames.Default.GermanCompassPlace(tokens[k])) is { } listed)
            {
                (places ??= []).Add(new EntityMention(runStart + words[k].Start, runStart + words[k].End, TypeOf([listed]) ?? EntityType.Location, MentionMethod.NameLists));
            }
            else if (gazetteer.Full(tokens, k, 1) != 0 || TranslatedNames.Default.KeyOf(tokens[k]) is not null || IsAcronym(tokens[k]))
            {
                if (asWritten >= 0 || tokens.Length == 1 || !TranslatedNames.Default.IsPlace(tokens[k]))
                {
                    return null;
                }

                asWritten = k;
            }
        }

        if (asWritten >= 0)
        {
            (places ??= []).Add(new EntityMention(runStart + words[asWritten].Start, runStart + words[asWritten].End, EntityType.Location, MentionMethod.NameLists));
        }

        return places;
    }

    // Capitalised words without an organisation word: what follows a role word when it is a person.
    private static bool LooksLikePersonName(string[] tokens)
        => tokens.Length is >= 1 and <= 4 && tokens.All(t => t.Length > 1 && char.IsUpper(t[0])) && !tokens.Any(OrganisationWords.Contains)
            && !(tokens.Length == 1 && tokens[0].All(char.IsUpper));

    private static string? PreviousWord(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        var end = k + 1;
        while (k >= 0 && (char.IsLetter(text[k]) || text[k] == '-'))
        {
            k--;
        }

        return end > k + 1 ? text[(k + 1)..end] : null;
    }

    private EntityType? TypeOf(string[] tokens)
    {
        if (RoleWords.Set.Contains(tokens[0].ToLowerInvariant()))
        {
            return null;
        }

        var hasOrgWord = tokens.Any(OrganisationWords.Contains);

        // Countries and regions by ISO 3166 and the news lists, in Dutch, English and German: "Greece", "Niedersachsen".
        var joined = string.Join(' ', tokens);
        if (TranslatedNames.Default.IsPlace(joined) || (TranslatedNames.Default.KeyOf(joined) is not null && !hasOrgWord && !IsAcronym(joined)))
        {
            return EntityType.Location;
        }

        if (TranslatedNames.Default.KeyOf(joined) is not null)
        {
            return EntityType.Organisation;
        }

        // "Gericht", "Polizei" alone are nouns, not organisations.
        if (tokens.Length == 1 && hasOrgWord && !IsAcronym(tokens[0]))
        {
            return null;
        }

        // The lists hold given names in any case ("Von"); a lower-case word ("von Julian Nagelsmann") opens no name.
        var startsWithGivenName = tokens.Length > 1 && char.IsUpper(tokens[0][0]) && (gazetteer.IsGivenName(tokens[0]) || PersonGender.OfName(tokens[0]) != Gender.Unknown);
        var listed = gazetteer.Full(tokens, 0, tokens.Length);
        if (listed != 0)
        {
            if ((listed & NameGazetteer.Org) != 0 && (hasOrgWord || listed == NameGazetteer.Org))
            {
                return EntityType.Organisation;
            }

            if ((listed & NameGazetteer.Per) != 0 && (startsWithGivenName || (listed & NameGazetteer.Loc) == 0))
            {
                return EntityType.Person;
            }

            if ((listed & NameGazetteer.Loc) != 0)
            {
                return EntityType.Location;
            }

            // "Supreme Court" listed as MISC: an organisation word in the name says more.
            return (listed & NameGazetteer.Org) != 0 || hasOrgWord ? EntityType.Organisation : EntityType.Misc;
        }

        if (hasOrgWord)
        {
            return EntityType.Organisation;
        }

        if (startsWithGivenName)
        {
            return EntityType.Person;
        }

        if (tokens.Length == 1 && IsAcronym(tokens[0]))
        {
            return EntityType.Organisation;
        }

        return null;
    }

    private bool PersonByTransliteration(string text, int start, string token, string lang)
    {
        // German writes the genitive with a bare "s": "Putins".
        if (!char.IsUpper(token[0]) || !IsLowerWord(token.AsSpan(1)))
        {
            return false;
        }

        var bare = token;
        if (!gazetteer.IsPersonByTransliteration(token))
        {
            if (token.Length <= 5 || token[^1] != 's' || !gazetteer.IsPersonByTransliteration(bare = token[..^1]))
            {
                return false;
            }
        }

        // German and Dutch capitalise nouns, so a dictionary word is that word ("Sitzung"); English capitalises words
        // where a sentence, a line or a heading opens and in titles ("Boss Level", "[84] Judges", "Shout-Outs" on real
        // pages), so a name is one after a lower-case word of running text ("an ally of Putin"). (The dictionary is no
        // help in English: it lists "put in" as "putin".)
        if (lang == "en")
        {
            // Across a comma too ("Bardsley, Dianne;" in a list of authors), which PreviousWord stops at: measured on
            // the Readability pages, PreviousWord alone lost three right names and none of the wrong ones.
            var k = start - 1;
            while (k >= 0 && text[k] is ' ' or '\t' or ',')
            {
                k--;
            }

            return k >= 0 && char.IsLower(text[k]);
        }

        var lower = bare.ToLowerInvariant();
        return !Text.ConceptLexicon.Default.HoldsWord("de", lower) && !Text.ConceptLexicon.Default.HoldsWord("nl", lower);
    }

    private static bool IsLowerWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAcronym(string token) => token.Length is >= 2 and <= 6 && token.All(c => char.IsUpper(c) || char.IsDigit(c));
}
