namespace Chorus.Core.Text;

/// <summary>
/// Word concepts shared by Dutch, English and German ("kerk" = "Kirche" = "church"), so that articles and sentences in
/// different languages can be compared on their content words, not only on names, days and figures. A concept is an
/// English word; a Dutch or German word maps to the concepts of its main sense's single-word translations (at most
/// three; for a Dutch word, the senses its German translations share come first), and Dutch and German words translated into each other share a link concept ("Feuerwehr" = "brandweer",
/// <see cref="LinkMark"/>). Derived from FreeDict by tools/derive-news-lexicon.py (GPL-2+/GPL-3+, see THIRD-PARTY-NOTICES.md),
/// after Chorus's own rows of the news senses the dictionaries list late or lack (Resources/news-lexicon-supplement.tsv).
/// A word with links but no English sense takes the main sense of the other language's words it translates.
/// Looked up by stem, with the stemmer the analyser uses for the article's language, so inflected forms find it.
/// </summary>
public sealed class ConceptLexicon
{
    /// <summary>The prefix of a concept term: '#' marks terms that read the same in every language.</summary>
    public const string Prefix = "#c:";

    /// <summary>Concepts kept per word: the main sense's first translations; later ones are rarer senses.</summary>
    public const int MaxConcepts = 3;

    /// <summary>English senses a word with none takes from the other language's words it translates (see <see cref="Load"/>).</summary>
    private const int BorrowedSenses = 2;

    /// <summary>Direct Dutch-German links kept per word, beside its English concepts.</summary>
    public const int MaxLinks = 3;

    /// <summary>
    /// Marks a concept that is a Dutch word rather than an English one ("=brandweer"): a direct link between a Dutch and a
    /// German word ("Feuerwehr"), for what the English concepts lose. English words never carry it.
    /// </summary>
    public const char LinkMark = '=';

    // Chorus's own news senses first (Resources/news-lexicon-supplement.tsv): a word's first concepts are kept.
    private static readonly Lazy<ConceptLexicon> s_default = new(() => Load(
        EmbeddedResources.ReadLines("news-lexicon-supplement.tsv").Concat(EmbeddedResources.ReadLines("news-lexicon.tsv.gz")),
        EmbeddedResources.ReadLines("nl-lemma-forms.tsv"),
        EmbeddedResources.ReadLines("irregular-verbs.tsv")));

    /// <summary>The shortest modifier a compound is split into ("zee" in "zeeschip", "wohn" in "Wohnhaus").</summary>
    public const int MinCompoundPart = 3;

    /// <summary>
    /// The shortest head. A three-letter head counts only after a long first part ("fabrieks|hal"): after a short one
    /// it mostly splits words that are no compounds ("kin|der" for "kinder", "gek|reg" for "gekregen").
    /// </summary>
    public const int MinHead = 3;

    private const int MinModifierBeforeShortestHead = 5;

    /// <summary>Compounds and inflected forms worked out, per language, kept up to this many stems (a watcher runs for weeks).</summary>
    private const int MaxDerived = 200_000;

    // Linking elements between a compound's parts, longest first ("fabrieks|hal", "Arbeits|markt", "Sonnen|schein").
    private static readonly string[] DutchLinks = ["en", "s", "e"];
    internal static readonly string[] GermanLinks = ["ens", "es", "en", "er", "s", "n", "e"];

    // What Snowball leaves of a verb's inflection on its stem: third person and participle endings ("ontdekt",
    // "gemeld", "zerstört" → "zerstort", "gemeldet"), taken off to find the infinitive's stem ("ontdek", "meld").
    private static readonly string[] DutchEndings = ["t", "d"];
    private static readonly string[] GermanEndings = ["et", "t"];

    // Derivational suffixes that are also words ("lijk" a corpse, "Heit"…): as the last part they make an adjective or
    // an abstract noun of the first ("duidelijk", "nachtelijk", "Nichteinhaltung"), not a kind of the suffix.
    private static readonly HashSet<string> DutchSuffixes = new(StringComparer.Ordinal)
    {
        "lijk", "elijk", "achtig", "zaam", "baar", "loos", "heid", "schap", "ling", "isch", "matig", "waardig",
    };

    private static readonly HashSet<string> GermanSuffixes = new(StringComparer.Ordinal)
    {
        "lich", "haft", "heit", "keit", "schaft", "ung", "ling", "isch", "mass", "wert", "weis", "weise",
    };

    // Verb particles and prefixes: a word that starts with one is a verb form or a derivation whose sense is not its
    // parts' ("aan|gelegd", "ver|boden", "uit|gezonden"), never a compound of two nouns.
    private static readonly HashSet<string> DutchParticles = new(StringComparer.Ordinal)
    {
        "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe", "tegen", "terug", "uit", "voor",
        "weg", "samen", "voort", "achter", "neer", "vast", "los", "be", "ge", "her", "ont", "er", "ver", "vrij", "schoon",
    };

    private static readonly HashSet<string> GermanParticles = new(StringComparer.Ordinal)
    {
        "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zuruck", "zusammen", "be", "ent", "er", "ge",
        "miss", "ver", "zer", "uber", "unter", "um", "durch", "weg", "her", "hin", "los", "fort", "weiter", "voran", "vorbei",
    };

    // Prefixes German verbs take, as written: inseparable ones keep the verb in one word and drop the participle's "ge"
    // ("erhalten", "bekommen"); separable ones stand before the participle's "ge" and, in a subordinate clause, before the past form
    // ("angekommen", "als er ankam").
    private static readonly string[] GermanInseparablePrefixes = ["be", "emp", "ent", "er", "miss", "ver", "zer", "über", "unter", "hinter", "wider"];

    private static readonly string[] GermanSeparablePrefixes =
    [
        "ab", "an", "auf", "aus", "bei", "durch", "ein", "fest", "fort", "her", "hin", "los", "mit", "nach", "statt", "teil", "um", "vor",
        "weg", "weiter", "wieder", "zu", "zurück", "zusammen",
    ];

    // Dutch verbs' prefixes, as for German: the inseparable ones among the particles above, and the separable rest with
    // three adverbs that stand before verbs but not before nouns as parts of a compound ("binnengekomen", "dichtgedaan",
    // "rondgereden"; "binnenstad" is a compound).
    private static readonly string[] DutchInseparablePrefixes = ["be", "er", "her", "ont", "ver"];

    // Adverbs and adjectives that stand before a verb as its separable part ("goed|keuren", "bekend|maken", "stil|leggen")
    // go with them: verbs, not compounds, so only the verb rules read them.
    private static readonly string[] DutchSeparablePrefixes =
    [
        .. DutchParticles.Where(p => p != "ge" && !DutchInseparablePrefixes.Contains(p)), "binnen", "dicht", "rond",
        "goed", "bekend", "plaats", "stil", "dood", "stop", "open", "kwijt", "thuis", "teweeg", "klaar", "mis", "lam", "vol",
    ];

    private readonly Table _dutch;
    private readonly Table _german;
    private readonly Dictionary<string, string[]> _english;

    private ConceptLexicon(Table dutch, Table german, Dictionary<string, string[]> english)
    {
        _dutch = dutch;
        _german = german;
        _english = english;
    }

    public static ConceptLexicon Default => s_default.Value;

    /// <summary>Stems in the lexicon per language, for reports.</summary>
    public (int Dutch, int German, int English) Size => (_dutch.Stems.Count, _german.Stems.Count, _english.Count);

    /// <summary>
    /// The concept terms (<see cref="Prefix"/> + English stem) of a stem in a language; empty for a stem the lexicon
    /// does not hold and for languages other than nl, en and de. The arrays are shared: do not change them.
    /// </summary>
    public ReadOnlySpan<string> ConceptsOf(string lang, string stem)
    {
        if (lang == "en")
        {
            return _english.TryGetValue(stem, out var english) ? english : [];
        }

        return TableOf(lang) is { } table && table.Stems.TryGetValue(stem, out var concepts) ? concepts : [];
    }

    /// <summary>
    /// <see cref="ConceptsOf"/>, and for a Dutch or German stem the lexicon lacks, the concepts of what it is made of:
    /// a form's lemma where no rule reaches it ("hield" → "houden", "kinderen" → "kind"; listed from the UD Dutch
    /// treebanks), an inflected verb's infinitive ("ontdekt" → "ontdekken"), else a compound's head and modifier ("fabriekshal" =
    /// "fabriek" + "hal", "Fabrikhalle" = "Fabrik" + "Halle": both factory + hall). Dutch and German write compounds
    /// as one word, so a dictionary of single words misses most of a news text's nouns (measured:
    /// `./chorus eval lexicon`, docs/comparison.md). Used where words are compared across languages.
    /// </summary>
    public ReadOnlySpan<string> ConceptsOrPartsOf(string lang, string stem) => ConceptsOrPartsOf(lang, stem, out _);

    /// <summary><see cref="ConceptsOrPartsOf(string, string)"/>; <paramref name="listed"/> tells whether the stem itself is listed.</summary>
    public ReadOnlySpan<string> ConceptsOrPartsOf(string lang, string stem, out bool listed)
    {
        var exact = ConceptsOf(lang, stem);
        listed = !exact.IsEmpty;
        if (listed || TableOf(lang) is not { } table || stem.Length < MinCompoundPart + 1)
        {
            return exact;
        }

        if (table.Derived.TryGetValue(stem, out var known))
        {
            return known;
        }

        var derived = (table.Lemmas.TryGetValue(stem, out var lemma) ? table.Stems[lemma] : null) ?? Inflected(table, stem) ?? Declined(table, stem) ?? PeopleOf(table, stem) ?? Compound(table, stem) ?? [];
        table.Derived.Add(stem, derived);

        return derived;
    }

    /// <summary>
    /// <see cref="ConceptsOrPartsOf(string, string, out bool)"/> for a word as written (lower case) and its stem: a Dutch
    /// form the UD treebanks read as a lemma ("bomen" → "boom", "gaat" → "gaan") has that lemma's senses, not every
    /// sense of the headwords that share its stem ("bom", "gat").
    /// </summary>
    public ReadOnlySpan<string> ConceptsOfWord(string lang, ReadOnlySpan<char> word, string stem, out bool listed)
    {
        if (TableOf(lang) is { } table && table.Senses.Count > 0 && table.SenseLookup.TryGetValue(word, out var senses))
        {
            listed = true;
            return senses;
        }

        // A Dutch plural of people in "-lieden" is the plural of a "-man" ("brandweerlieden", "zakenlieden"); its stem is
        // that of a song ("-lied"), so it is read from the word as written, where the stem's own reading finds nothing.
        const string People = "lieden";
        if (lang == "nl" && word.Length >= MinCompoundPart + People.Length && word.EndsWith(People, StringComparison.Ordinal)
            && ConceptsOf(lang, stem).IsEmpty)
        {
            var singular = LanguageStemmer.For("nl").Stem(string.Concat(word[..^People.Length], "man"));
            if (ConceptsOrPartsOf(lang, singular, out _) is { IsEmpty: false } man)
            {
                listed = false;
                return man;
            }
        }

        return ConceptsOrPartsOf(lang, stem, out listed);
    }

    /// <summary>The shortest first part of a compound read by <see cref="LoanCompound"/>, and its shortest head.</summary>
    public const int MinLoanModifier = 4;

    public const int MinLoanHead = 5;

    /// <summary>
    /// A Dutch or German compound whose first part the lexicon does not know but whose head it does ("cyber|aanval",
    /// "online|händler", "herindelings|verkiezing"): the first part as written, mostly a word of English that the other
    /// language's report writes apart ("cyber attack"), and the head's concepts. Null for a stem that is listed or that
    /// <see cref="ConceptsOrPartsOf(string, string)"/> reads, whose first part is a verb particle, or that splits no such
    /// way.
    /// </summary>
    public (string Modifier, string[] Head)? LoanCompound(string lang, string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (TableOf(lang) is not { } table || stem.Length < MinLoanModifier + MinLoanHead || !ConceptsOrPartsOf(lang, stem).IsEmpty)
        {
            return null;
        }

        // The longest head first: "herindelings|verkiezing", not "herindelingsverkie|zing".
        for (var split = MinLoanModifier; split <= stem.Length - MinLoanHead; split++)
        {
            if (table.SuffixLookup.Contains(stem.AsSpan(split)) || !table.TryHead(stem.AsSpan(split), out var head) || head.Length == 0)
            {
                continue;
            }

            var modifier = stem.AsSpan(0, split);
            if (table.ParticleLookup.Contains(modifier))
            {
                return null; // "onder|zoeking", "tegen|stander": a verb's particle, as in SplitOf
            }

            foreach (var link in table.Links)
            {
                if (modifier.Length - link.Length >= MinLoanModifier && modifier.EndsWith(link, StringComparison.Ordinal))
                {
                    modifier = modifier[..^link.Length];
                    break;
                }
            }

            return (modifier.ToString(), head);
        }

        return null;
    }

    /// <summary>
    /// Whether the lexicon holds <paramref name="word"/> (lower case) as written, not by stem: "pflege" and "alter" are
    /// words, "augs" (whose stem "aug" is Auge's) and "heidel" are not. For Dutch and German.
    /// </summary>
    public bool HoldsWord(string lang, string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return TableOf(lang) is { } table && table.WordLookup.TryGetValue(StemSpelling(lang, word), out _);
    }

    /// <summary>
    /// The concepts of a stem read as a compound of words the lexicon holds, never looking the whole stem up (so an
    /// evaluation can hide a listed compound and see what its parts give); null when it splits into no known parts.
    /// The longest known head wins: a compound is a kind of its last part.
    /// </summary>
    public string[]? Compound(string lang, string stem) => TableOf(lang) is { } table ? Compound(table, stem) : null;

    /// <summary>
    /// The head of <paramref name="stem"/> read as a compound of words the lexicon holds ("kabelstoring" → "storing",
    /// "onderwijsstaking" → "staking"), as <see cref="Compound(string, string)"/> splits it; null for a listed word, a
    /// word that splits into no known parts, and a language without a table.
    /// </summary>
    public string? CompoundHead(string lang, string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (TableOf(lang) is not { } table || stem.Length < MinCompoundPart + MinHead || table.StemLookup.ContainsKey(stem))
        {
            return null;
        }

        return SplitOf(table, stem) is var (split, _) ? stem[split..] : null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsLink(string term) => term.Length > Prefix.Length && term[Prefix.Length] == LinkMark;

    private Table? TableOf(string lang) => lang switch { "nl" => _dutch, "de" => _german, _ => null };

    private static string[]? Inflected(Table table, ReadOnlySpan<char> stem)
    {
        foreach (var ending in table.Endings)
        {
            if (!stem.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var bare = stem[..^ending.Length];
            if (bare.Length >= MinCompoundPart + 1 && Verb(table, bare) is { } concepts)
            {
                return concepts;
            }

            // A participle: "gemeldet", "gebeurd".
            if (bare.Length >= MinCompoundPart + 3 && bare.StartsWith("ge", StringComparison.Ordinal) && Verb(table, bare[2..]) is { } participle)
            {
                return participle;
            }

            if (SeparableParticiple(table, bare) is { } separable)
            {
                return separable;
            }
        }

        // A participle whose verb's stem ends in its ending already: "gemeld", "gebaad", "opgericht".
        return (stem.Length >= MinCompoundPart + 3 && stem.StartsWith("ge", StringComparison.Ordinal) ? Verb(table, stem[2..]) : null)
            ?? SeparableParticiple(table, stem);
    }

    /// <summary>
    /// A Dutch noun's plural or an adjective's inflected form, whose stem Snowball leaves apart from its lemma's: an -s
    /// after a vowel ("organisaties", "boetes"), a vowel written once in an open syllable ("sociale" → sociaal, "culturele"
    /// → cultureel), a final v or z voiced before an ending ("conservatieve" → conservatief, "huizen" → huis). Rules of
    /// Dutch spelling; each form is stemmed as the lexicon's words are and looked up.
    /// </summary>
    private static string[]? Declined(Table table, string stem)
    {
        if (!table.Dutch || stem.Length < MinCompoundPart + 2)
        {
            return null;
        }

        var stemmer = LanguageStemmer.For("nl");
        string[]? Find(string form) => table.Stems.TryGetValue(form, out var c) ? c : table.Stems.TryGetValue(stemmer.Stem(form), out c) ? c : null;

        if (stem[^1] == 's' && IsVowel(stem[^2]) && Find(stem[..^1]) is { } plural)
        {
            return plural;
        }

        var (last, vowel, before) = (stem[^1], stem[^2], stem[^3]);
        // Not after a vowel that makes one sound with it ("ui", "ou", "ei", "eu", "oe"): "soci|aal" but "fout", "kleur".
        if (!IsVowel(last) && vowel is 'a' or 'e' or 'o' or 'u' && (!IsVowel(before) || (before == 'i' && vowel is 'a' or 'o'))
            && Find(string.Concat(stem.AsSpan(0, stem.Length - 1), vowel.ToString(), last is 'v' ? "f" : last is 'z' ? "s" : last.ToString())) is { } open)
        {
            return open;
        }

        return last is 'v' or 'z' ? Find(string.Concat(stem.AsSpan(0, stem.Length - 1), last is 'v' ? "f" : "s")) : null;
    }

    /// <summary>
    /// A German plural of people in "-leute" whose singular ends in "-mann": "Bergleute" are Bergmänner (miners),
    /// "Fachleute" Fachmänner. A rule of German; the singular is looked up, whole or as a compound. (Dutch "-lieden"
    /// shares its stem with the songs of "-lied", so <see cref="ConceptsOfWord"/> reads it from the written word.)
    /// </summary>
    private static string[]? PeopleOf(Table table, string stem)
    {
        const string Plural = "leut";
        if (table.Dutch || stem.Length < MinCompoundPart + Plural.Length || !stem.EndsWith(Plural, StringComparison.Ordinal))
        {
            return null;
        }

        var man = string.Concat(stem.AsSpan(0, stem.Length - Plural.Length), "mann");
        return table.Stems.TryGetValue(man, out var concepts) ? concepts : Compound(table, man);
    }

    /// <summary>Whether a word (as written, any case) is a separable verb particle of the language ("uit", "plaats", "aus").</summary>
    public static bool IsSeparableParticle(string lang, ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16 || word.ToLowerInvariant(lower) < 0)
        {
            return false;
        }

        foreach (var particle in lang == "nl" ? DutchSeparablePrefixes : lang == "de" ? GermanSeparablePrefixes : [])
        {
            if (lower.SequenceEqual(particle))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The concepts of the separable verb a finite form (its stem, <paramref name="verbStem"/>) makes with a particle
    /// that stands apart at the clause's end ("vond … plaats" → plaatsvinden, "brach … aus" → ausbrechen); empty when the
    /// two make no verb the lexicon holds.
    /// </summary>
    public string[] SeparatedVerb(string lang, string verbStem, string particle)
    {
        ArgumentNullException.ThrowIfNull(verbStem);
        ArgumentNullException.ThrowIfNull(particle);
        if (TableOf(lang) is not { } table || verbStem.Length < 2)
        {
            return [];
        }

        // The verb's own stem, its lemma's (an irregular past: "nam" → "neem", "brach" → "brech"), or it less a person
        // or past ending as any inflected verb is read ("neem|t", "legd" → "leg").
        var joined = particle + verbStem;
        return Verb(table, joined)
            ?? ((table.VerbForms.TryGetValue(verbStem, out var lemma) || table.Lemmas.TryGetValue(verbStem, out lemma))
                && table.VerbLookup.TryGetValue(particle + lemma, out var irregular) ? irregular : null)
            ?? Inflected(table, joined)
            ?? [];
    }

    /// <summary>
    /// The concepts of a separable verb whose participle, less its ending, is <paramref name="bare"/>: the particle, the
    /// participle's "ge", the verb's stem ("goed|ge|keur" → "goedkeuren", "auf|ge|stell" → "aufstellen").
    /// </summary>
    private static string[]? SeparableParticiple(Table table, ReadOnlySpan<char> bare)
    {
        if (bare.Length > 40)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[bare.Length];
        foreach (var particle in table.Dutch ? DutchSeparablePrefixes : GermanSeparablePrefixes)
        {
            var verb = bare.Length - particle.Length - 2;
            if (verb < MinCompoundPart || !bare.StartsWith(particle, StringComparison.Ordinal) || !bare[particle.Length..].StartsWith("ge", StringComparison.Ordinal))
            {
                continue;
            }

            particle.CopyTo(buffer);
            bare[(particle.Length + 2)..].CopyTo(buffer[particle.Length..]);
            if (Verb(table, buffer[..(bare.Length - 2)]) is { } concepts)
            {
                return concepts;
            }
        }

        return null;
    }

    /// <summary>
    /// The concepts of a verb whose infinitive stems to <paramref name="bare"/>, allowing for Dutch spelling: a
    /// consonant doubled before the infinitive's ending ("stel|de" → "stellen"), s and f voiced before it ("kies|t" →
    /// "kiezen", "hoef|t" → "hoeven"). Only verbs: "stel" alone is a noun (a couple) and "reis" a journey.
    /// </summary>
    private static string[]? Verb(Table table, ReadOnlySpan<char> bare)
    {
        if (table.VerbLookup.TryGetValue(bare, out var concepts))
        {
            return concepts;
        }

        if (!table.Dutch || bare.Length > 30)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[bare.Length + 1];
        bare.CopyTo(buffer);
        buffer[bare.Length] = bare[^1];
        if (table.VerbLookup.TryGetValue(buffer, out concepts))
        {
            return concepts;
        }

        if (bare[^1] is 's' or 'f')
        {
            buffer[bare.Length - 1] = bare[^1] == 's' ? 'z' : 'v';
            if (table.VerbLookup.TryGetValue(buffer[..bare.Length], out concepts))
            {
                return concepts;
            }
        }

        // A long vowel is written double before a final consonant and single before the infinitive's ending:
        // "alarmeer|d" → "alarmeren", "maak|t" → "maken".
        if (bare.Length >= 4 && bare[^2] == bare[^3] && bare[^2] is 'a' or 'e' or 'o' or 'u' && !IsVowel(bare[^1]))
        {
            bare[..^2].CopyTo(buffer);
            buffer[bare.Length - 2] = bare[^1];
            if (table.VerbLookup.TryGetValue(buffer[..(bare.Length - 1)], out concepts))
            {
                return concepts;
            }
        }

        return null;
    }

    private static string[]? Compound(Table table, ReadOnlySpan<char> stem)
    {
        if (SplitOf(table, stem) is not var (split, modifier))
        {
            return null;
        }

        table.TryHead(stem[split..], out var head);
        return [.. head, .. modifier.Where(c => !head.Contains(c))];
    }

    /// <summary>Where a compound's head starts (the longest head the lexicon holds after a known first word) and the first word's concepts; null for none.</summary>
    private static (int Split, string[] Modifier)? SplitOf(Table table, ReadOnlySpan<char> stem)
    {
        for (var split = MinCompoundPart; split <= stem.Length - MinHead; split++)
        {
            if ((stem.Length - split == MinHead && split < MinModifierBeforeShortestHead)
                || !table.TryHead(stem[split..], out _) || table.SuffixLookup.Contains(stem[split..]))
            {
                continue;
            }

            if (table.ParticleLookup.Contains(stem[..split]))
            {
                return null; // "aan|gelegd", "ver|boden": a verb's particle, not a compound's first word
            }

            if (Modifier(table, stem[..split]) is { } modifier)
            {
                return (split, modifier);
            }
        }

        return null;
    }

    /// <summary>A compound's first part: a word or stem the lexicon holds, with or without its linking element.</summary>
    private static string[]? Modifier(Table table, ReadOnlySpan<char> part)
    {
        if (table.ParticleLookup.Contains(part))
        {
            return null;
        }

        if (table.StemLookup.TryGetValue(part, out var concepts) || table.WordLookup.TryGetValue(part, out concepts))
        {
            return concepts;
        }

        foreach (var link in table.Links)
        {
            if (part.Length - link.Length >= MinCompoundPart && part.EndsWith(link, StringComparison.Ordinal)
                && (table.StemLookup.TryGetValue(part[..^link.Length], out concepts) || table.WordLookup.TryGetValue(part[..^link.Length], out concepts)))
            {
                return concepts;
            }
        }

        return null;
    }

    /// <summary>Reads rows "lang TAB word TAB concept,concept" ('#' starts a comment); malformed rows are skipped.</summary>
    /// <param name="dutchLemmas">Rows "form TAB lemma" of Dutch forms no suffix rule reaches ("hield" houden, "schepen" schip).</param>
    /// <param name="irregularVerbs">Rows "lang TAB infinitive TAB form,form" of English, German and Dutch irregular past forms ("began", "begann", "begon").</param>
    internal static ConceptLexicon Load(IEnumerable<string> lines, IEnumerable<string>? dutchLemmas = null, IEnumerable<string>? irregularVerbs = null)
    {
        var english = LanguageStemmer.For("en");
        var dutchStemmer = LanguageStemmer.For("nl");
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var dutch = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var german = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var englishWords = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var dutchWords = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var germanWords = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var dutchVerbs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var germanVerbs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var taken = new List<string>();
        // The treebank's forms and lemmas, and each one's own terms where it is a headword: a stem can be two words'
        // ("gaan" and "gans", "boom" and "bom"), and a form of one of them reads as that one's senses only (see FormSenses).
        var formRows = (dutchLemmas ?? []).Select(row => (Row: row, Tab: row.IndexOf('\t', StringComparison.Ordinal)))
            .Where(r => r.Row.Length > 0 && r.Row[0] != '#' && r.Tab > 0)
            .Select(r => (Form: r.Row[..r.Tab], Lemma: r.Row[(r.Tab + 1)..])).ToList();
        var formWords = formRows.SelectMany(r => new[] { r.Form, r.Lemma }).ToHashSet(StringComparer.Ordinal);
        var ownTerms = new Dictionary<string, (string Stem, HashSet<string> Terms)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (line.Length == 0 || line[0] == '#' || parts.Length != 3 || parts[0] is not ("nl" or "de"))
            {
                continue;
            }

            var stem = LanguageStemmer.For(parts[0]).Stem(parts[1]);
            var table = parts[0] == "nl" ? dutch : german;
            if (!table.TryGetValue(stem, out var list))
            {
                list = [];
                table[stem] = list;
            }

            // The same list under the written word, for compounds whose first part is a word, not a stem ("fabrieks|hal").
            (parts[0] == "nl" ? dutchWords : germanWords).TryAdd(StemSpelling(parts[0], parts[1]), list);
            if (parts[1].EndsWith('n'))
            {
                (parts[0] == "nl" ? dutchVerbs : germanVerbs).TryAdd(stem, list);
            }

            // Each row keeps its own first senses and links, also where an earlier row of another word has the same stem
            // ("Lauf", "Läufer").
            taken.Clear();
            foreach (var concept in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var link = concept[0] == LinkMark;
                if (taken.Count(t => IsLink(t) == link) == (link ? MaxLinks : MaxConcepts))
                {
                    continue;
                }

                // An English concept by its English stem; a Dutch-German link by the Dutch word's stem.
                var key = link ? LinkMark + dutchStemmer.Stem(concept.AsSpan(1)) : english.Stem(concept);
                if (!interned.TryGetValue(key, out var term))
                {
                    term = Prefix + key;
                    interned[key] = term;
                    if (!link)
                    {
                        englishWords[key] = [term];
                    }
                }

                if (!taken.Contains(term))
                {
                    taken.Add(term);
                }

                if (!list.Contains(term))
                {
                    list.Add(term);
                }

                if (parts[0] == "nl" && formWords.Contains(parts[1]))
                {
                    if (!ownTerms.TryGetValue(parts[1], out var own))
                    {
                        ownTerms[parts[1]] = own = (stem, new HashSet<string>(StringComparer.Ordinal));
                    }

                    own.Terms.Add(term);
                }
            }
        }

        var lemmaStems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (formWord, lemmaWord) in formRows)
        {
            // Kept by stem, and only where the stems differ: "kinderen" (kinder) → kind; "huizen" stems as "huis" does.
            var (form, lemma) = (dutchStemmer.Stem(formWord), dutchStemmer.Stem(lemmaWord));
            if (form != lemma && dutch.ContainsKey(lemma) && !dutch.ContainsKey(form))
            {
                lemmaStems[form] = lemma;
            }
        }

        // Every irregular form's infinitive, listed words too ("nam", "brach" are also words of their own), for a verb
        // whose particle stands apart, where the form is known to be the verb.
        var (dutchVerbForms, germanVerbForms) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        var germanLemmaStems = IrregularForms(irregularVerbs, german, englishWords, english, lemmaStems, dutch, dutchVerbForms, germanVerbForms);

        // A word FreeDict translates only into the other language ("dijk" → "Deich", "brandweer" → "Feuerwehr") takes the English
        // sense of the words of that language whose main translation it is ("Deich": dike): without it, it meets no
        // English word at all. Both sides are read before either is filled in, so a sense is never passed on twice.
        var toDutch = MainSensesByLink(german);
        var toGerman = MainSensesByLink(dutch);
        // What the headwords of each treebank lemma's stem gave, before any sense is borrowed.
        var given = ownTerms.Values.Select(o => o.Stem).Distinct(StringComparer.Ordinal).ToDictionary(stem => stem, stem => dutch[stem].ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        BorrowSenses(dutch, toDutch);
        BorrowSenses(german, toGerman);
        var formSenses = FormSenses(formRows, ownTerms, given, dutch);

        return new ConceptLexicon(
            new Table(Freeze(dutch), Freeze(dutchWords), Freeze(dutchVerbs), DutchLinks, DutchEndings, DutchParticles, DutchSuffixes) { Lemmas = lemmaStems, VerbForms = dutchVerbForms, Senses = formSenses },
            new Table(Freeze(german), Freeze(germanWords), Freeze(germanVerbs), GermanLinks, GermanEndings, GermanParticles, GermanSuffixes) { Lemmas = germanLemmaStems, VerbForms = germanVerbForms },
            Freeze(englishWords));

        // An irregular past form reads as its infinitive where the dictionary does not list the form itself: English
        // "began" takes begin's concept (English words are their own concepts), German "begann" is looked up as
        // "beginnen" and Dutch "gestegen" as "stijgen", also behind a prefix the verb takes ("bekam", "erhielt",
        // "angekommen", "kam an" as "kam"; "ontving", "aangehouden", "omgekomen"). Dutch forms go beside the
        // treebank's (<paramref name="dutchLemmas"/>), which win where both have a form.
        static Dictionary<string, string> IrregularForms(
            IEnumerable<string>? rows, Dictionary<string, List<string>> german, Dictionary<string, List<string>> englishWords, LanguageStemmer englishStemmer,
            Dictionary<string, string> dutchLemmas, Dictionary<string, List<string>> dutch, Dictionary<string, string> dutchForms, Dictionary<string, string> germanForms)
        {
            var germanStemmer = LanguageStemmer.For("de");
            var dutchStemmer = LanguageStemmer.For("nl");
            var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string form, string infinitive, bool isDutch)
            {
                var (stemmer, table, into) = isDutch ? (dutchStemmer, dutch, dutchLemmas) : (germanStemmer, german, lemmas);
                var (f, l) = (stemmer.Stem(form), stemmer.Stem(infinitive));
                if (f != l && table.ContainsKey(l))
                {
                    (isDutch ? dutchForms : germanForms).TryAdd(f, l);
                    if (!table.ContainsKey(f))
                    {
                        into.TryAdd(f, l);
                    }
                }
            }

            foreach (var row in rows ?? [])
            {
                var parts = row.Split('\t');
                if (row.Length == 0 || row[0] == '#' || parts.Length != 3)
                {
                    continue;
                }

                foreach (var form in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (parts[0] == "en")
                    {
                        var (f, l) = (englishStemmer.Stem(form), englishStemmer.Stem(parts[1]));
                        if (f != l && englishWords.TryGetValue(l, out var concepts))
                        {
                            englishWords.TryAdd(f, concepts);
                        }

                        continue;
                    }

                    var isDutch = parts[0] == "nl";
                    Add(form, parts[1], isDutch);
                    foreach (var prefix in isDutch ? DutchInseparablePrefixes : GermanInseparablePrefixes)
                    {
                        // An inseparable prefix takes the participle without its "ge": "erhalten", "bekommen", "ontvangen".
                        Add(prefix + (form.StartsWith("ge", StringComparison.Ordinal) ? form[2..] : form), prefix + parts[1], isDutch);
                    }

                    foreach (var prefix in isDutch ? DutchSeparablePrefixes : GermanSeparablePrefixes)
                    {
                        Add(prefix + form, prefix + parts[1], isDutch);
                    }
                }
            }

            return lemmas;
        }

        // The senses of the treebank's Dutch forms: their lemma's, which are the lemma's stem's concepts less those only
        // the stem's other headwords gave ("bomen" are the trees of "boom", not the bombs of "bom"; "gaat" goes, it is
        // not the hole of "gat"; "weken" are weeks before the verb "weken", to soak), then the form's own where it is a
        // headword too ("verloren": lose, then lost). Senses borrowed from German stay.
        static Dictionary<string, string[]> FormSenses(
            List<(string Form, string Lemma)> formRows, Dictionary<string, (string Stem, HashSet<string> Terms)> ownTerms,
            Dictionary<string, HashSet<string>> given, Dictionary<string, List<string>> dutch)
        {
            var senses = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (formWord, lemmaWord) in formRows)
            {
                if (!ownTerms.TryGetValue(lemmaWord, out var lemma))
                {
                    continue;
                }

                var byHeadwords = given[lemma.Stem];
                IEnumerable<string> found = dutch[lemma.Stem].Where(t => lemma.Terms.Contains(t) || !byHeadwords.Contains(t));
                if (ownTerms.TryGetValue(formWord, out var form))
                {
                    found = found.Union(dutch[form.Stem].Where(t => form.Terms.Contains(t) && !IsLink(t)), StringComparer.Ordinal);
                }

                senses[formWord] = [.. found];
            }

            return senses;
        }

        static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> table)
            => table.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        // For each link, the English main senses of the words whose main link it is, most frequent first.
        static Dictionary<string, string[]> MainSensesByLink(Dictionary<string, List<string>> table)
        {
            var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var list in table.Values)
            {
                var link = list.Find(IsLink);
                var sense = list.Find(t => !IsLink(t));
                if (link is not null && sense is not null)
                {
                    var senses = counts.TryGetValue(link, out var found) ? found : counts[link] = new(StringComparer.Ordinal);
                    senses[sense] = senses.GetValueOrDefault(sense) + 1;
                }
            }

            return counts.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(BorrowedSenses).Select(e => e.Key).ToArray(),
                StringComparer.Ordinal);
        }

        static void BorrowSenses(Dictionary<string, List<string>> table, Dictionary<string, string[]> sensesByLink)
        {
            foreach (var list in table.Values)
            {
                if (!list.Exists(t => !IsLink(t)) && list.Find(IsLink) is { } link && sensesByLink.TryGetValue(link, out var senses))
                {
                    list.InsertRange(0, senses);
                }
            }
        }
    }

    /// <summary>
    /// The form a word takes inside a German stem: Snowball's German2 writes ß as ss and drops the umlauts' dots
    /// ("Großbrand" → "grossbrand", "Fährhafen" → "fahrhaf"), so a modifier is looked up in that spelling.
    /// </summary>
    private static string StemSpelling(string lang, string word)
        => lang != "de" ? word : word.Replace("ß", "ss", StringComparison.Ordinal).Replace('ä', 'a').Replace('ö', 'o').Replace('ü', 'u');

    /// <summary>One language's words: concepts by stem and by written word, and the compounds and forms worked out.</summary>
    private sealed class Table(Dictionary<string, string[]> stems, Dictionary<string, string[]> words, Dictionary<string, string[]> verbs, string[] links, string[] endings, HashSet<string> particles, HashSet<string> suffixes)
    {
        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup { get; } = suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Dutch { get; } = ReferenceEquals(particles, DutchParticles);

        public Dictionary<string, string[]> Stems { get; } = stems;

        /// <summary>Dutch forms the treebanks list (lower case) and their lemma's senses: see <c>FormSenses</c> in Load.</summary>
        public Dictionary<string, string[]> Senses
        {
            get => _senses;
            init => (_senses, SenseLookup) = (value, value.GetAlternateLookup<ReadOnlySpan<char>>());
        }

        private readonly Dictionary<string, string[]> _senses = [];

        public Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> SenseLookup { get; private init; } = new Dictionary<string, string[]>().GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>Irregular verb forms' stems and their infinitive's stem, also where the form is a listed word.</summary>
        public Dictionary<string, string> VerbForms { get; init; } = [];

        /// <summary>Stems of forms whose lemma no rule reaches, to their lemma's stem (Dutch from the UD treebanks; German irregular verbs).</summary>
        public Dictionary<string, string> Lemmas
        {
            get => _lemmas;
            init => (_lemmas, LemmaLookup) = (value, value.GetAlternateLookup<ReadOnlySpan<char>>());
        }

        private readonly Dictionary<string, string> _lemmas = [];

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LemmaLookup { get; private init; } = new Dictionary<string, string>().GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>
        /// The concepts of a compound's head: a stem the lexicon holds, or a form of one no rule reaches ("school|kinderen",
        /// "griep|gevallen").
        /// </summary>
        public bool TryHead(ReadOnlySpan<char> head, out string[] concepts)
        {
            if (StemLookup.TryGetValue(head, out concepts!))
            {
                return true;
            }

            if (LemmaLookup.TryGetValue(head, out var lemma) && Stems.TryGetValue(lemma, out concepts!))
            {
                return true;
            }

            concepts = [];
            return false;
        }

        /// <summary>Infinitives ("-en", "-n") by stem.</summary>
        public Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> VerbLookup { get; } = verbs.GetAlternateLookup<ReadOnlySpan<char>>();

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup { get; } = particles.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> StemLookup { get; } = stems.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; } = words.GetAlternateLookup<ReadOnlySpan<char>>();

        public string[] Links { get; } = links;

        public string[] Endings { get; } = endings;

        public BoundedCache<string[]> Derived { get; } = new(MaxDerived);
    }
}
