using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Text;

namespace Chorus.Core.Stories.Comparison;

/// <summary>A place named after a locative preposition ("in Utrecht", "bei Lienz"): the slot a place conflict needs.</summary>
internal readonly record struct PlaceSlot(string EntityId, int Start, int End);

/// <summary>
/// What a count counts: its noun's <see cref="ConflictDetector.UnitKey"/>, stem and word concepts.
/// </summary>
internal sealed record CountedThing(string Lang, string UnitKey, string Stem, string[] Concepts)
{
    /// <summary>
    /// Whether two counted nouns name one thing. In one language: the same stem, or one a compound of the other
    /// ("vleeskalkoenen" are "kalkoenen"); not a shared beginning ("woningcorporaties" are no "woningen", "scholen" no
    /// "scholieren") and not synonyms by their dictionary senses ("huizen" and "woningen" in two sentences of DPG were two
    /// sets of homes). Across languages: a shared concept ("passagiers", "passengers", "Passagiere") or a shared
    /// beginning (cognates the dictionary lacks).
    /// </summary>
    public bool SameAs(CountedThing other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Lang == other.Lang)
        {
            var (shorter, longer) = Stem.Length <= other.Stem.Length ? (Stem, other.Stem) : (other.Stem, Stem);
            return shorter.Length >= ConceptLexicon.MinHead && longer.EndsWith(shorter, StringComparison.Ordinal);
        }

        return UnitKey == other.UnitKey || Concepts.AsSpan().IndexOfAny(other.Concepts) >= 0;
    }
}

/// <summary>
/// One sentence of one story article with what the comparer compares: content terms (stem roots, entity ids,
/// numbers with units, dates), and the quantities, times and places inside it.
/// </summary>
internal sealed class StorySentence
{
    public required int Index { get; init; }

    public required int ArticleIndex { get; init; }

    public required ComparedArticle Article { get; init; }

    public required TextSpan Span { get; init; }

    /// <summary>The sentence's position in its article.</summary>
    public required int Position { get; init; }

    /// <summary>Distinct term ids, ascending.</summary>
    public required int[] Terms { get; init; }

    /// <summary>
    /// <see cref="Terms"/> and the word concepts of the sentence (<see cref="ConceptLexicon"/>), ascending: what a
    /// sentence is compared on against a sentence in another language. The same array as Terms in a story of one language.
    /// </summary>
    public required int[] CrossTerms { get; init; }

    /// <summary>
    /// For each of <see cref="CrossTerms"/>, the share of its word it stands for: 1 for a name, figure, date, slot or
    /// root, 1/√k for one of a word's k dictionary concepts, so a word counts once in the sentence's length however many
    /// senses the dictionary gives it. Null in a story of one language.
    /// </summary>
    public double[]? CrossShares { get; init; }

    public required IReadOnlyList<QuantityMention> Quantities { get; init; }

    /// <summary>The role of each of <see cref="Quantities"/> (dead, injured…; none for measures and plain counts).</summary>
    public required IReadOnlyList<FigureRole> Roles { get; init; }

    /// <summary>
    /// What each of <see cref="Quantities"/> counts (<see cref="CountedThing"/>); null for measures, bare numbers, ranked
    /// sets ("de drie grootste steden") and nouns that count anything ("mensen", "people").
    /// </summary>
    public required IReadOnlyList<CountedThing?> Counted { get; init; }

    /// <summary>
    /// Whether each of <see cref="Quantities"/> is a projection (feared, expected, what a toll may rise to;
    /// <see cref="FigureModality"/>): no source's figure of a slot, and never set against a reported figure.
    /// </summary>
    public required IReadOnlyList<bool> Projected { get; init; }

    /// <summary>Whether <paramref name="figure"/>, one of <see cref="Quantities"/>, is a projection.</summary>
    public bool IsProjected(QuantityMention figure)
    {
        for (var i = 0; i < Quantities.Count; i++)
        {
            if (Quantities[i].Start == figure.Start && Quantities[i].End == figure.End)
            {
                return Projected[i];
            }
        }

        return false;
    }

    /// <summary>Whether the sentence gives its figures as an estimate (<see cref="FigureModality.IsEstimate"/>).</summary>
    public bool IsEstimate() => FigureModality.IsEstimate(Article.Text, Article.Analyzed.Tokens, Span.Start, Span.End);

    public required IReadOnlyList<TimeMention> Times { get; init; }

    public required IReadOnlyList<PlaceSlot> Places { get; init; }

    /// <summary>Entity ids mentioned in the sentence.</summary>
    public required IReadOnlyList<string> Entities { get; init; }

    /// <summary>The ids of the persons the sentence names.</summary>
    public required IReadOnlySet<string> Persons { get; init; }

    /// <summary>Headings and fragments: no sentence-final punctuation.</summary>
    public required bool IsFragment { get; init; }

    /// <summary>
    /// The person the sentence reports as speaking ("Loggen zei…", "…, aldus Loggen", "volgens Baudet…"), if any: two
    /// sentences of different speakers report two statements, however many words they share.
    /// </summary>
    public string? Speaker { get; init; }

    public string Text => Article.Text[Span.Start..Span.End];

    public SentenceRef Ref => new(Article.Id, Span.Start, Span.End);
}

/// <summary>Splits a story's articles into <see cref="StorySentence"/>s over one shared term vocabulary.</summary>
internal static class StorySentences
{
    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.Ordinal)
    {
        "in", "te", "bij", "nabij", "naar", "uit", "vanuit", "rond", "at", "near", "to", "from", "bei", "nach", "aus", "im", "am",
    };

    // English function words as Snowball lists them (english_stop.txt, shipped inside Lucene.NET's analysers, BSD licence):
    // the analyser's English stop set holds only 33 words, so "were", "had", "than", "its", "after" stood as terms of an
    // English sentence, while Snowball's Dutch and German lists keep their counterparts out. An English sentence had a
    // longer vector than its translation, and two English sentences met on "were" and "had".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishFunctionWords = SnowballWords("english_stop.txt");

    // Dutch closed-class words Snowball's Dutch stop list (the analyser's) lacks: "we", "wij", "hen", "tussen", "volgens",
    // "moeten" (nl-function-words.txt, from the UD Dutch dev treebanks). On judged pairs of real DPG stories, "we bovenaan
    // staan" met "we woensdag bovenaan", and "tussen" was one of three shared terms of several false pairs.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DutchFunctionWords =
        EmbeddedResources.ReadEntries("nl-function-words.txt").ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SnowballWords(string file)
    {
        var assembly = typeof(Lucene.Net.Analysis.Snowball.SnowballFilter).Assembly;
        using var stream = assembly.GetManifestResourceStream("Lucene.Net.Analysis.Common.Analysis.Snowball." + file)
            ?? throw new InvalidOperationException($"Lucene.NET's {file} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Lucene.NET reads Snowball's format itself (words between blanks, '|' starts a comment); the set is copied
        // once so a token is looked up as a span, without a string per token.
        foreach (var word in Lucene.Net.Analysis.Util.WordlistLoader.GetSnowballWordSet(reader, Lucene.Net.Util.LuceneVersion.LUCENE_48))
        {
            words.Add(word);
        }

        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static List<StorySentence> Build(IReadOnlyList<ComparedArticle> articles, Dictionary<string, int> vocabulary)
    {
        var sentences = new List<StorySentence>();
        // Sentences in different languages also meet on their words translated to shared concepts ("brand" = "Feuer" =
        // "fire"); sentences in one language are compared on their words alone, which say more than dictionary senses.
        var lexicon = articles.Select(a => a.Lang).Distinct(StringComparer.Ordinal).Skip(1).Any() ? ConceptLexicon.Default : null;
        // Each sentence's sets are copied out as sorted arrays, so one pair of sets and one list serve every sentence.
        var terms = new HashSet<int>();
        // Names, figures and dates read the same in every language; a word the lexicon holds crosses as its
        // concepts, any other word as its root (cognates: "passagiers", "Passagieren").
        var cross = new HashSet<int>();
        var shares = new Dictionary<int, double>();
        var covered = new List<TextSpan>();
        var propagated = new List<TextSpan>();
        Span<char> cognateKey = stackalloc char[CognateKey.Length + 1];
        Span<char> lowered = stackalloc char[MaxLoweredWord];
        var storyNames = StoryNames.Of(articles);
        void AddBoth(int term)
        {
            terms.Add(term);
            cross.Add(term);
        }

        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var analyzed = article.Analyzed;
            var text = article.Text;
            var tokenIndex = 0;
            for (var s = 0; s < analyzed.Sentences.Count; s++)
            {
                var span = analyzed.Sentences[s];
                terms.Clear();
                cross.Clear();
                shares.Clear();
                covered.Clear();
                var entities = new List<string>();
                var persons = new HashSet<string>(StringComparer.Ordinal);
                string? speaker = null;
                var places = new List<PlaceSlot>();

                // A resolved time is compared by its value ("@2019-04-01"), not by its words: "maandag" in two sentences
                // about two different Mondays is nothing shared.
                // On DPG this took "maandag", "vandaag", "vorig jaar" out of 47 predicted pairs and put 31 in; read, 46 % of
                // those taken out and 64 % of those put in state one fact (docs/comparison.md).
                var times = analyzed.Times.Where(t => t.Start >= span.Start && t.End <= span.End).ToList();
                foreach (var t in times)
                {
                    if (t.Value is not null)
                    {
                        covered.Add(new TextSpan(t.Start, t.End));
                    }
                }
                for (var e = 0; e < analyzed.Entities.Count; e++)
                {
                    var mention = analyzed.Entities[e];
                    if (mention.Start < span.Start || mention.End > span.End)
                    {
                        continue;
                    }

                    var id = e < article.EntityIds.Count ? article.EntityIds[e] : mention.Type.Code() + ":" + text[mention.Start..mention.End];
                    entities.Add(id);
                    if (mention.Type == EntityType.Person)
                    {
                        persons.Add(id);
                        if (speaker is null && SpeaksAt(text, span, mention.Start, mention.End))
                        {
                            speaker = id;
                        }
                    }

                    covered.Add(new TextSpan(mention.Start, mention.End));
                    AddBoth(Intern(vocabulary, "e:" + id));
                    if (mention.Type == EntityType.Location && mention.Kind == MentionKind.Name && PrecededByLocative(text, analyzed.Tokens, mention.Start))
                    {
                        places.Add(new PlaceSlot(id, mention.Start, mention.End));
                    }
                }

                // The sentence's figures, read before its words: a figure's number words are no words of one language
                // (see WritesAFiguresValue).
                var quantities = analyzed.Quantities.Where(q => q.Start >= span.Start && q.End <= span.End && !IsRankedSet(article.Lang, text, q, analyzed.Tokens)).ToList();

                // A name the tagger found in a report in another language but missed here ("US group Helion is buying
                // Dutch chipmaker Nexa Semiconductors") is that entity here too, so the two sentences meet on it across
                // languages. Only there: within one language the name's words already meet the other report's words,
                // and on DPG 2019 letting them meet the tagged name as well paired sentences that shared two names and
                // nothing else ("Fastned wil…", "Fastned gaat…"; six of twelve new pairs false, docs/comparison.md).
                propagated.Clear();
                for (var k = tokenIndex; lexicon is not null && k < analyzed.Tokens.Count && analyzed.Tokens[k].Start < span.End; k++)
                {
                    if (analyzed.Tokens[k].Start < span.Start || IsCovered(covered, analyzed.Tokens[k].Start)
                        || storyNames.Match(text, analyzed.Tokens, k, span.End, article.Lang) is not var (words, names))
                    {
                        continue;
                    }

                    propagated.Add(new TextSpan(analyzed.Tokens[k].Start, analyzed.Tokens[k + words - 1].End));
                    k += words - 1;
                    foreach (var (id, _) in names)
                    {
                        if (!entities.Contains(id))
                        {
                            entities.Add(id);
                            cross.Add(Intern(vocabulary, "e:" + id));
                        }
                    }
                }

                var firstToken = tokenIndex;
                while (tokenIndex < analyzed.Tokens.Count && analyzed.Tokens[tokenIndex].Start < span.End)
                {
                    var token = analyzed.Tokens[tokenIndex];
                    if (token.Start >= span.Start && analyzed.Stems[tokenIndex] is { } stem && !IsCovered(covered, token.Start)
                        && !(article.Lang == "en" && EnglishFunctionWords.Contains(text.AsSpan(token.Start, token.End - token.Start))))
                    {
                        // A Dutch closed-class word or a figure's number word is no term within one language; across
                        // languages it still crosses as its concept ("binnen een uur", "innerhalb einer Stunde"), where a
                        // dictionary translation keeps few enough of two reports' words.
                        var oneLanguageTerm = !(article.Lang == "nl" && DutchFunctionWords.Contains(text.AsSpan(token.Start, token.End - token.Start)))
                            && !WritesAFiguresValue(quantities, text, token, article.Lang, lowered);
                        if (!oneLanguageTerm && lexicon is null)
                        {
                            tokenIndex++;
                            continue;
                        }

                        var root = Intern(vocabulary, RootOf(stem));
                        if (oneLanguageTerm)
                        {
                            terms.Add(root);
                        }

                        if (propagated.Count > 0 && IsCovered(propagated, token.Start))
                        {
                            tokenIndex++;
                            continue;
                        }

                        var listed = false;
                        var wordConcepts = lexicon is null ? [] : lexicon.ConceptsOfWord(article.Lang, LowerWord(text, token, lowered), stem, out listed);
                        // A word read through its parts or its lemma keeps its root too: cognates meet on it
                        // ("bracht", "brachte") where only one language's form finds its lemma.
                        // A Dutch or German word the lexicon lacks also crosses as its cognate key, which meets the
                        // other language's cognate ("gijzelnemer", "Geiselnehmer"); a weak signal, for unlisted words only.
                        var cognate = -1;
                        if (!listed)
                        {
                            cross.Add(root);
                            // English keys on the word itself: its stem drops endings the Dutch and German stems keep
                            // ("helicopt", "helikopter").
                            var keyed = article.Lang == "en" ? text.AsSpan(token.Start, token.End - token.Start) : stem.AsSpan();
                            if (lexicon is not null && article.Lang is "nl" or "de" or "en" && CognateKey.Write(keyed, cognateKey) is > 0 and var length)
                            {
                                cognate = Intern(vocabulary, cognateKey[..length]);
                                cross.Add(cognate);
                            }
                        }

                        // A compound of a loan word and a known head ("cyberaanval", "Onlinehändler") crosses as its head's
                        // concepts and the loan word, as the other language's report writes them apart ("cyber attack").
                        var loanWord = -1;
                        if (!listed && wordConcepts.IsEmpty && lexicon?.LoanCompound(article.Lang, stem) is var (modifier, head))
                        {
                            wordConcepts = head;
                            loanWord = Intern(vocabulary, RootOf(LanguageStemmer.For("en").Stem(modifier)));
                            cross.Add(loanWord);
                        }

                        var share = 1 / Math.Sqrt(Math.Max(1, wordConcepts.Length + (listed ? 0 : 1) + (cognate >= 0 ? 1 : 0) + (loanWord >= 0 ? 1 : 0)));
                        if (loanWord >= 0)
                        {
                            shares[loanWord] = Math.Max(shares.GetValueOrDefault(loanWord), share);
                        }

                        if (cognate >= 0)
                        {
                            shares[cognate] = Math.Max(shares.GetValueOrDefault(cognate), share);
                        }

                        foreach (var concept in wordConcepts)
                        {
                            var id = Intern(vocabulary, concept);
                            cross.Add(id);
                            shares[id] = Math.Max(shares.GetValueOrDefault(id), share);
                        }

                        if (!listed && lexicon is not null)
                        {
                            shares[root] = Math.Max(shares.GetValueOrDefault(root), share);
                        }
                    }

                    tokenIndex++;
                }

                // A Dutch or German main clause puts a separable verb's particle last ("De overtredingen vonden tussen 2021
                // en 2023 plaats", "Das Feuer brach in einem Wohnwagen aus"): the verb crosses as the whole verb too
                // (plaatsvinden: occur; ausbrechen: break out), which its two halves alone never meet.
                if (lexicon is not null && article.Lang is "nl" or "de" && SeparatedVerb(lexicon, article.Lang, text, analyzed, firstToken, tokenIndex, span) is { Length: > 0 } whole)
                {
                    var share = 1 / Math.Sqrt(whole.Length);
                    foreach (var concept in whole)
                    {
                        var id = Intern(vocabulary, concept);
                        cross.Add(id);
                        shares[id] = Math.Max(shares.GetValueOrDefault(id), share);
                    }
                }

                // "De drie grootste steden", "the six largest cities": a ranked set the sentence names, not a count it
                // reports; two such sets of different sizes contradict nothing.
                var nones = FigureRoles.Nones(text, analyzed.Tokens, span.Start, span.End);
                var roles = new FigureRole[quantities.Count + nones.Count];
                var counted = new CountedThing?[quantities.Count + nones.Count];
                var projected = new bool[quantities.Count + nones.Count];
                bool? sitsInAVehicle = null;
                var spans = quantities.ConvertAll(q => (q.Start, q.End));
                for (var q = 0; q < quantities.Count; q++)
                {
                    var quantity = quantities[q];
                    AddBoth(Intern(vocabulary, quantity.Qualifier == FigureQualifier.Vague
                        ? VagueTerm(quantity)
                        : "#" + ConflictDetector.TermValue(quantity).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

                    // What a figure measures or counts is a slot whatever its value ("61-year-old" and "aged 67", "30
                    // minuten" and "een half uur", "vijf miljoen mensen" and "5,75 miljoen mensen"): two sentences giving
                    // an age, a sum or a count of one noun share it, as two counts of the dead share their role, so
                    // reports that disagree on the value still meet. (A term for the value with its counted noun was tried
                    // and dropped: on DPG it aligned background figures, "drie maanden", "één zetel", docs/comparison.md.)
                    if (quantity.Unit is { } unit)
                    {
                        AddBoth(Intern(vocabulary, "%u|" + ConflictDetector.UnitKey(unit)));
                    }

                    // Two sentences that each count the dead (or the injured, the missing…) report one fact, however
                    // they word it: "zeker negen mensen kwamen om" and "het aantal doden steeg naar veertien".
                    roles[q] = ConflictDetector.IsCount(quantity) ? FigureRoles.RoleOf(text, span.Start, span.End, quantity.Start, quantity.End, quantity.Unit, ref sitsInAVehicle, spans) : FigureRole.None;
                    if (roles[q] != FigureRole.None)
                    {
                        AddBoth(Intern(vocabulary, "%" + roles[q]));
                    }

                    counted[q] = CountedThingOf(article.Lang, quantity, analyzed);
                    projected[q] = FigureModality.IsProjected(text, analyzed.Tokens, span.Start, span.End, quantity);
                }

                // "Niemand raakte gewond": a count of zero in its role, compared as any other count of that role.
                foreach (var (noneStart, noneEnd, role) in nones)
                {
                    roles[quantities.Count] = role;
                    quantities.Add(new QuantityMention(noneStart, noneEnd, 0, null));
                    AddBoth(Intern(vocabulary, "#0"));
                    AddBoth(Intern(vocabulary, "%" + role));
                }

                foreach (var t in times.Where(t => t.Value is not null))
                {
                    AddBoth(Intern(vocabulary, "@" + t.Value));

                    // A day with its hour or part ("2024-07-10TAF", "Wednesday afternoon") is that day too: it meets
                    // "woensdagmiddag" (the day alone) and "woensdag om 15.00".
                    if (t.Value!.IndexOf('T', StringComparison.Ordinal) is 10 && t.Value.Length > 11)
                    {
                        AddBoth(Intern(vocabulary, "@" + t.Value[..10]));
                    }
                }

                // Across languages, two sentences that each give the hour of something ("om kwart over zeven", "um halb
                // neun") or its day ("woensdag", "on Thursday") state a fact of one kind, as two counts of the dead do:
                // they share a slot term. Reports that disagree on the value share nothing else typed, and a dictionary
                // translation keeps too few of their words for the three shared terms a pair in two languages needs.
                if (lexicon is not null)
                {
                    if (times.Any(t => t.Clock is not null))
                    {
                        cross.Add(Intern(vocabulary, "%clock"));
                    }

                    if (times.Any(t => t.Days is { } d && d.Start == d.End))
                    {
                        cross.Add(Intern(vocabulary, "%day"));
                    }

                    // Likewise a count of a thing ("48.000 kippen", "36,000 chickens") whose noun the dictionary may not
                    // link: two sentences that each count something state a fact of one kind.
                    if (counted.Any(c => c is not null))
                    {
                        cross.Add(Intern(vocabulary, CountSlot));
                    }
                }

                var ids = terms.ToArray();
                Array.Sort(ids);
                int[] crossIds;
                double[]? crossShares = null;
                if (lexicon is null)
                {
                    crossIds = ids;
                }
                else
                {
                    crossIds = [.. cross];
                    Array.Sort(crossIds);
                    crossShares = new double[crossIds.Length];
                    for (var c = 0; c < crossIds.Length; c++)
                    {
                        crossShares[c] = shares.TryGetValue(crossIds[c], out var sh) ? sh : 1;
                    }
                }
                var last = text[span.Start..span.End].TrimEnd('"', '”', '’', '\'', ')', '»', '“').LastOrDefault();
                sentences.Add(new StorySentence
                {
                    Index = sentences.Count,
                    ArticleIndex = a,
                    Article = article,
                    Span = span,
                    Position = s,
                    Terms = ids,
                    CrossTerms = crossIds,
                    CrossShares = crossShares,
                    Quantities = quantities,
                    Roles = roles,
                    Counted = counted,
                    Projected = projected,
                    Times = times,
                    Places = places,
                    Entities = entities,
                    Persons = persons,
                    IsFragment = last is not ('.' or '!' or '?' or ':' or ';'),
                    Speaker = speaker,
                });
            }
        }

        return sentences;
    }

    // Verbs of saying, in the forms that stand beside their subject in news ("Loggen zei", "zei Loggen", "said Smith",
    // "sagte Scholz"), and the words that attribute a statement ("aldus Loggen", "volgens Baudet", "according to", "laut").
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "zei", "zegt", "zeiden", "zeggen", "stelt", "stelde", "vindt", "vond", "meent", "meende", "verklaarde", "verklaart",
        "benadrukte", "benadrukt", "reageerde", "reageert", "schreef", "schrijft", "twitterde", "erkende", "erkent", "ontkende",
        "ontkent", "waarschuwde", "waarschuwt", "liet", "laat", "aldus", "volgens",
        "said", "says", "told", "stated", "added", "argued", "warned", "wrote", "tweeted", "denied", "insisted", "according",
        "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "warnte", "schrieb", "laut",
    };

    /// <summary>
    /// Whether the person mentioned at [<paramref name="start"/>, <paramref name="end"/>) is reported as speaking: a verb
    /// of saying as the word right after the name ("Loggen zei") or right before it ("zei Loggen", "aldus Loggen",
    /// "volgens Baudet").
    /// </summary>
    private static bool SpeaksAt(string text, TextSpan sentence, int start, int end)
    {
        var after = end;
        while (after < sentence.End && !char.IsLetter(text[after]) && text[after] is ' ' or ',')
        {
            after++;
        }

        var afterEnd = after;
        while (afterEnd < sentence.End && char.IsLetter(text[afterEnd]))
        {
            afterEnd++;
        }

        if (afterEnd > after && !text.AsSpan(end, after - end).Contains(',') && SpeechVerbs.Contains(text[after..afterEnd]))
        {
            return true;
        }

        var before = start;
        while (before > sentence.Start && text[before - 1] == ' ')
        {
            before--;
        }

        var beforeStart = before;
        while (beforeStart > sentence.Start && char.IsLetter(text[beforeStart - 1]))
        {
            beforeStart--;
        }

        return before > beforeStart && SpeechVerbs.Contains(text[beforeStart..before]);
    }

    // Nouns that count whatever the sentence is about (in any case: "personen" is German "Personen" too): two articles'
    // "mensen" are no one slot.
    private static readonly HashSet<string> GenericCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "mensen", "man", "personen", "persoon", "keer", "maal", "stuks", "stuk", "anderen", "people", "persons", "person", "men", "times",
        "others", "Menschen", "Mal", "Stück", "andere", "weitere",
    };

    // Nouns that count what belongs to someone the sentence names (children, seats, votes, members, points, goals): "drie
    // kinderen" and "vijf kinderen", "38 zetels" and "twaalf zetels" are as often two owners' as one disagreement, even
    // said in the same words ("zetels in de Eerste Kamer": the coalition's 38, a party's seven of ten).
    private static readonly HashSet<string> OwnedCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "kinderen", "kind", "zonen", "dochters", "kleinkinderen", "zetels", "zetel", "stemmen", "leden", "punten", "doelpunten", "goals",
        "children", "child", "sons", "daughters", "grandchildren", "seats", "votes", "members", "points",
        "Kinder", "Söhne", "Töchter", "Enkel", "Sitze", "Mandate", "Stimmen", "Mitglieder", "Punkte", "Tore",
    };

    /// <summary>Whether a counted noun counts what belongs to someone (children, seats, votes…; see <see cref="OwnedCounted"/>).</summary>
    internal static bool IsOwnedCount(string unit) => OwnedCounted.Contains(unit);

    /// <summary>What a count counts (<see cref="StorySentence.Counted"/>), read from its counted noun, its last token.</summary>
    private static CountedThing? CountedThingOf(string lang, QuantityMention quantity, AnalyzedArticle analyzed)
    {
        if (quantity.Unit is not { } unit || !ConflictDetector.IsCount(quantity) || GenericCounted.Contains(unit) || OwnedCounted.Contains(unit))
        {
            return null;
        }

        var tokens = analyzed.Tokens;
        var lo = FirstToken(tokens, quantity.End, byEnd: true);
        if (lo >= tokens.Count || tokens[lo].End != quantity.End)
        {
            return null;
        }

        // A count that ends on its number counts a noun written elsewhere: a body of people counted after "of/van/von"
        // ("a crew of 25", "een bemanning van 21"), a number that repeats the noun of the count before ("drie doden,
        // twaalf raakten gewond", "Twee werden levend gered"). What it counts is its unit, not the number word.
        var endsOnNumber = tokens[lo].Kind == TokenKind.Number
            || QuantityExtractor.ParseWords(analyzed.Raw.Text[tokens[lo].Start..tokens[lo].End].ToLowerInvariant(), lang) is not null;
        var stem = endsOnNumber ? LanguageStemmer.For(lang).Stem(unit) : analyzed.Stems[lo];
        if (stem is null)
        {
            return null;
        }

        Span<char> lowered = stackalloc char[MaxLoweredWord];
        var word = endsOnNumber ? LowerWord(unit, lowered) : LowerWord(analyzed.Raw.Text, tokens[lo], lowered);
        return new CountedThing(lang, ConflictDetector.UnitKey(unit), stem, ConceptLexicon.Default.ConceptsOfWord(lang, word, stem, out _).ToArray());
    }

    /// <summary>
    /// Whether a figure names a ranked or compared set: a superlative or a comparative between the number and its noun
    /// ("de drie grootste steden", "drie grotere partijen", "three other parties"), a part picked out of the things
    /// counted, not their count: "veertien partijen" and "drie grotere partijen" contradict nothing.
    /// </summary>
    private static bool IsRankedSet(string lang, string text, QuantityMention quantity, IReadOnlyList<Token> tokens)
    {
        if (quantity.Unit is null)
        {
            return false;
        }

        foreach (var token in TokensIn(tokens, quantity.Start, quantity.End))
        {
            // The first token is (part of) the number, the last the noun: a superlative stands between them.
            if (token.Start > quantity.Start && token.End < quantity.End && (IsSuperlative(lang, token.Of(text)) || IsComparative(token.Of(text))))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Token> TokensIn(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (var i = FirstToken(tokens, start, byEnd: false); i < tokens.Count && tokens[i].End <= end; i++)
        {
            yield return tokens[i];
        }
    }

    /// <summary>The index of the first token that starts (or, by end, ends) at or after <paramref name="offset"/>; the count when none does.</summary>
    internal static int FirstToken(IReadOnlyList<Token> tokens, int offset, bool byEnd)
    {
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if ((byEnd ? tokens[mid].End : tokens[mid].Start) < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    // Adjectives ending like a superlative that are none ("twee vaste medewerkers").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotSuperlatives =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "vaste", "juiste", "gepaste", "woeste", "geteste", "interest", "honest", "modest" }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Comparatives and set-picking words before a noun, listed: by ending alone, "-ere"/"-eren" would take adjectives
    // whose stem ends in "-er" ("bijzondere", "donkere", "schweren", "inneren") and English "-er" nouns used as modifiers
    // ("water"). Words of the language, written for Chorus.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Comparatives =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            // Dutch
            "andere", "grotere", "kleinere", "oudere", "jongere", "hogere", "lagere", "eerdere", "latere", "zwaardere",
            "lichtere", "betere", "slechtere", "nieuwere", "rijkere", "armere", "bredere", "langere", "kortere", "duurdere",
            "goedkopere", "sterkere", "zwakkere",
            // German ("andere" as in Dutch)
            "anderen", "größere", "größeren", "kleinere", "kleineren", "ältere", "älteren", "jüngere", "jüngeren",
            "höhere", "höheren", "niedrigere", "niedrigeren", "weitere", "weiteren", "frühere", "früheren", "spätere",
            "späteren", "schwerere", "schwereren", "leichtere", "leichteren", "bessere", "besseren", "schlechtere",
            "schlechteren", "neuere", "neueren", "längere", "längeren", "kürzere", "kürzeren", "teurere", "teureren",
            "stärkere", "stärkeren", "schwächere", "schwächeren",
            // English
            "other", "larger", "bigger", "smaller", "older", "younger", "higher", "lower", "more", "fewer", "former", "further",
            "earlier", "later", "heavier", "lighter", "better", "worse", "newer", "longer", "shorter", "stronger", "weaker",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A comparative (or "other") before a noun: "grotere", "anderen", "larger".</summary>
    private static bool IsComparative(ReadOnlySpan<char> word) => Comparatives.Contains(word);

    /// <summary>A superlative by its ending: Dutch "grootste", German "größten", English "largest", "biggest".</summary>
    private static bool IsSuperlative(string lang, ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || NotSuperlatives.Contains(word))
        {
            return false;
        }

        return lang switch
        {
            "nl" => word.EndsWith("ste", StringComparison.OrdinalIgnoreCase),
            "de" => word.EndsWith("sten", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ste", StringComparison.OrdinalIgnoreCase),
            "en" => word.EndsWith("est", StringComparison.OrdinalIgnoreCase) || word.Equals("most", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The longest word looked up by its written form (<see cref="LowerWord"/>); longer ones go by stem.</summary>
    internal const int MaxLoweredWord = 48;

    /// <summary>A token's word in lower case, written into <paramref name="buffer"/>; empty when longer than the buffer.</summary>
    internal static ReadOnlySpan<char> LowerWord(string text, Token token, Span<char> buffer)
        => LowerWord(text.AsSpan(token.Start, token.End - token.Start), buffer);

    private static ReadOnlySpan<char> LowerWord(ReadOnlySpan<char> word, Span<char> buffer)
        => word.Length > buffer.Length ? [] : buffer[..word.ToLowerInvariant(buffer)];

    /// <summary>
    /// A coarser key than the stem, so that derivations and participles meet: a leading "ge"/"be" is dropped
    /// ("gepantserd", "bepantserde" and "bepantsering" all become "pantser") and long stems are cut to seven letters.
    /// </summary>
    internal static string Root(string stem) => RootOf(stem).ToString();

    /// <summary><see cref="Root"/> without a new string: a part of the stem.</summary>
    private static ReadOnlySpan<char> RootOf(string stem)
    {
        var s = stem.AsSpan();
        if (s.Length >= 7 && (s.StartsWith("ge", StringComparison.Ordinal) || s.StartsWith("be", StringComparison.Ordinal)))
        {
            s = s[2..];
        }

        return s.Length > 7 ? s[..7] : s;
    }

    /// <summary>
    /// A vague amount's term: its order of magnitude ("#~10" for "tientallen", "dozens", "Dutzende"; "#~100" for
    /// "honderden"), so the words each language uses for it meet although their ranges start apart (20 and 24).
    /// </summary>
    private static string VagueTerm(QuantityMention q)
        => "#~" + Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, q.Min ?? q.Value)))).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a term is a typed value: a figure ("#12"), a date ("@2024-03-12") or a counted role ("%Dead"); not a word concept ("#c:fire").</summary>
    internal static bool IsTypedValue(string term)
        => term.Length > 1 && (term[0] is '@' or '%' || (term[0] == '#' && !term.StartsWith(ConceptLexicon.Prefix, StringComparison.Ordinal)));

    /// <summary>The slot term of a sentence in a story in two languages that counts some thing ("48.000 kippen").</summary>
    internal const string CountSlot = "%count";

    // A term read as a part of a string: looked up without a new string, one made only the first time it is met.
    private static int Intern(Dictionary<string, int> vocabulary, ReadOnlySpan<char> term)
    {
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(term, out var id))
        {
            id = vocabulary.Count;
            lookup[term] = id;
        }

        return id;
    }

    private static int Intern(Dictionary<string, int> vocabulary, string term)
    {
        if (!vocabulary.TryGetValue(term, out var id))
        {
            id = vocabulary.Count;
            vocabulary[term] = id;
        }

        return id;
    }

    /// <summary>
    /// The concepts of the separable verb whose particle ends the sentence (tokens <paramref name="from"/> to before
    /// <paramref name="to"/>), joined with the first word before it that makes a verb the lexicon holds; empty for none.
    /// </summary>
    private static string[] SeparatedVerb(ConceptLexicon lexicon, string lang, string text, AnalyzedArticle analyzed, int from, int to, TextSpan span)
    {
        var last = to - 1;
        while (last >= from && analyzed.Tokens[last].Kind != TokenKind.Word)
        {
            last--;
        }

        if (last <= from || analyzed.Tokens[last].Start < span.Start)
        {
            return [];
        }

        var particle = text.AsSpan(analyzed.Tokens[last].Start, analyzed.Tokens[last].End - analyzed.Tokens[last].Start);
        if (!ConceptLexicon.IsSeparableParticle(lang, particle))
        {
            return [];
        }

        // German stems are written without umlauts ("zuruckkehr"): the particle joins them so.
        var particleText = particle.ToString().ToLowerInvariant().Replace('ü', 'u').Replace('ö', 'o').Replace('ä', 'a');
        for (var k = from; k < last; k++)
        {
            if (analyzed.Tokens[k].Start >= span.Start && analyzed.Tokens[k].Kind == TokenKind.Word && analyzed.Stems[k] is { } stem
                && lexicon.SeparatedVerb(lang, stem, particleText) is { Length: > 0 } concepts)
            {
                return concepts;
            }
        }

        return [];
    }

    /// <summary>
    /// Whether a word token lies in one of the sentence's figures and writes its value ("vijf", "miljoen"). "Vijf
    /// wedstrijden" and "5 wedstrijden" state one figure, whose term is its value ("#5"); the number word as a word besides
    /// would count one figure as two shared terms ("vijf punten" met "nog vijf wedstrijden" on "vijf" and "#5").
    /// </summary>
    private static bool WritesAFiguresValue(List<QuantityMention> quantities, string text, Token token, string lang, Span<char> lowered)
    {
        foreach (var q in quantities)
        {
            if (token.Start >= q.Start && token.End <= q.End)
            {
                return token.Kind == TokenKind.Word && QuantityExtractor.WritesValue(LowerWord(text, token, lowered), lang);
            }
        }

        return false;
    }

    private static bool IsCovered(List<TextSpan> covered, int offset)
    {
        foreach (var c in covered)
        {
            if (offset >= c.Start && offset < c.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrecededByLocative(string text, IReadOnlyList<Token> tokens, int start)
    {
        // The token that starts the mention, then one token back.
        var lo = FirstToken(tokens, start, byEnd: false);
        return lo > 0 && LocativePrepositions.Contains(tokens[lo - 1].Of(text).ToString().ToLowerInvariant());
    }
}
