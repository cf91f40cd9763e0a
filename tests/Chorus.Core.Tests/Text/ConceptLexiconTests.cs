using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Text;

public class ConceptLexiconTests
{
    [Theory]
    [InlineData("nl", "kerken", "#c:church")]
    [InlineData("de", "Kirche", "#c:church")]
    [InlineData("en", "churches", "#c:church")]
    [InlineData("nl", "aardbeving", "#c:earthquak")]
    [InlineData("de", "Erdbeben", "#c:earthquak")]
    [InlineData("nl", "stakingen", "#c:strike")]
    [InlineData("de", "Streiks", "#c:strike")]
    [InlineData("nl", "vulkaan", "#c:volcano")]
    [InlineData("de", "Vulkan", "#c:volcano")]
    public void InflectedWords_FindTheirConcept(string lang, string word, string concept)
    {
        var stem = LanguageStemmer.For(lang).Stem(word);
        Assert.Contains(concept, ConceptLexicon.Default.ConceptsOf(lang, stem).ToArray());
    }

    // German words written with ß are in the lexicon (the derivation's letter range once began after it, at à, and
    // left out every one of them), inflected forms included: each meets its Dutch translation on a concept.
    [Theory]
    [InlineData("Straße", "straat")]
    [InlineData("Straßen", "straten")]
    [InlineData("groß", "groot")]
    [InlineData("Fußball", "voetbal")]
    [InlineData("beschließt", "besluit")]
    public void GermanWordsWithSharpS_MeetTheirDutchTranslation(string german, string dutch)
    {
        var lexicon = ConceptLexicon.Default;
        var of = lexicon.ConceptsOrPartsOf("de", LanguageStemmer.For("de").Stem(german)).ToArray();
        var dutchConcepts = lexicon.ConceptsOrPartsOf("nl", LanguageStemmer.For("nl").Stem(dutch)).ToArray();
        Assert.True(of.Intersect(dutchConcepts).Any(), $"{german}: [{string.Join(", ", of)}]; {dutch}: [{string.Join(", ", dutchConcepts)}]");
    }

    // The words of event reports meet their translations in all three languages, where the dictionaries give other senses
    // only ("schließt" folds and concludes there, "kostet" tastes, "Werk" is a work, "gered" is ready).
    [Theory]
    [InlineData("sluit", "schließt", "closes")]
    [InlineData("fabriek", "Werk", "factory")]
    [InlineData("gedood", "getötet", "killed")]
    [InlineData("gered", "gerettet", "rescued")]
    [InlineData("geëvacueerd", "evakuiert", "evacuated")]
    [InlineData("zoekt", "sucht", "search")]
    [InlineData("geschrapt", "gestrichen", "cut")]
    [InlineData("overvallen", "überfallen", "robbed")]
    [InlineData("bouwt", "baut", "builds")]
    [InlineData("kost", "kostet", "costs")]
    [InlineData("stopt", "eingestellt", "stops")]
    [InlineData("reorganisatie", "Umstrukturierung", "restructuring")]
    [InlineData("brandweer", "Feuerwehr", "firefighters")]
    [InlineData("veroordeeld", "verurteilt", "sentenced")]
    [InlineData("cel", "Haft", "prison")]
    [InlineData("gijzeling", "Geiselnahme", "hostage")]
    [InlineData("weg", "Straße", "road")]
    [InlineData("knal", "Knall", "bang")]
    [InlineData("noodlanding", "Notlandung", "emergency")]
    public void ReportWords_MeetTheirTranslationsInAllThreeLanguages(string dutch, string german, string english)
    {
        var lexicon = ConceptLexicon.Default;
        string[] Of(string lang, string word) => lexicon.ConceptsOrPartsOf(lang, LanguageStemmer.For(lang).Stem(word.ToLowerInvariant())).ToArray();
        var (nl, de, en) = (Of("nl", dutch), Of("de", german), Of("en", english));
        Assert.True(nl.Intersect(de).Any() && nl.Intersect(en).Any() && de.Intersect(en).Any(), $"nl [{string.Join(", ", nl)}] de [{string.Join(", ", de)}] en [{string.Join(", ", en)}]");
    }

    // A Dutch strong verb's past forms and participles read as its infinitive, also behind a separable or an
    // inseparable prefix ("aangehouden" as "aanhouden", "omgekomen" as "omkomen", "ontving" as "ontvangen").
    [Theory]
    [InlineData("gevlogen", "vliegen")]
    [InlineData("geschoten", "schieten")]
    [InlineData("gemeten", "meten")]
    [InlineData("aangehouden", "aanhouden")]
    [InlineData("omgekomen", "omkomen")]
    [InlineData("uitgevallen", "uitvallen")]
    [InlineData("opgeslagen", "opslaan")]
    [InlineData("ontving", "ontvangen")]
    public void DutchStrongVerbForms_ReadAsTheirInfinitive(string form, string infinitive)
    {
        var stemmer = LanguageStemmer.For("nl");
        var expected = ConceptLexicon.Default.ConceptsOf("nl", stemmer.Stem(infinitive)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ConceptLexicon.Default.ConceptsOrPartsOf("nl", stemmer.Stem(form)).ToArray());
    }

    // A weak verb's participle behind its separable particle reads as the infinitive: the particle stands before the
    // participle's "ge" ("goed|ge|keurd" is "goedkeuren", "auf|ge|taut" is "auftauen"), so no suffix rule reaches it.
    [Theory]
    [InlineData("nl", "goedgekeurd", "goedkeuren")]
    [InlineData("nl", "opgericht", "oprichten")]
    [InlineData("nl", "stilgelegd", "stilleggen")]
    [InlineData("nl", "bekendgemaakt", "bekendmaken")]
    [InlineData("nl", "opgesteld", "opstellen")]
    [InlineData("de", "angedockt", "andocken")]
    [InlineData("de", "festgeklemmt", "festklemmen")]
    [InlineData("de", "aufgetaut", "auftauen")]
    [InlineData("de", "eingeengt", "einengen")]
    public void WeakParticiplesBehindAParticle_ReadAsTheirInfinitive(string lang, string form, string infinitive)
    {
        var stemmer = LanguageStemmer.For(lang);
        var expected = ConceptLexicon.Default.ConceptsOf(lang, stemmer.Stem(infinitive)).ToArray();
        Assert.NotEmpty(expected);
        Assert.True(ConceptLexicon.Default.ConceptsOf(lang, stemmer.Stem(form)).IsEmpty, "the row must test a form the lexicon does not list");
        Assert.Equal(expected, ConceptLexicon.Default.ConceptsOrPartsOf(lang, stemmer.Stem(form)).ToArray());
    }

    // A main clause's finite verb with its particle at the end reads as the whole verb ("nam … over" is overnemen,
    // "nahm … fest" festnehmen), also through an irregular past; a noun before the particle makes none.
    [Theory]
    [InlineData("nl", "nam", "over", "overnemen")]
    [InlineData("nl", "legden", "neer", "neerleggen")]
    [InlineData("nl", "neemt", "op", "opnemen")]
    [InlineData("de", "nahm", "fest", "festnehmen")]
    [InlineData("de", "brach", "aus", "ausbrechen")]
    [InlineData("de", "kehrte", "zuruck", "zurückkehren")] // the particle as German stems write it, without its umlaut
    [InlineData("nl", "huizen", "uit", null)]
    public void AFiniteVerbAndItsParticleApart_ReadAsTheWholeVerb(string lang, string verb, string particle, string? infinitive)
    {
        var stemmer = LanguageStemmer.For(lang);
        var found = ConceptLexicon.Default.SeparatedVerb(lang, stemmer.Stem(verb), particle);
        if (infinitive is null)
        {
            Assert.Empty(found);
            return;
        }

        var expected = ConceptLexicon.Default.ConceptsOf(lang, stemmer.Stem(infinitive)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
    }

    // A Dutch word's senses that its German translations share come first: FreeDict's first sense of "winnen" is to dig
    // up and of "bus" a hub, while "gewinnen" and "Bus" agree on win and bus.
    [Theory]
    [InlineData("winnen", "#c:win")]
    [InlineData("bus", "#c:bus")]
    public void SensesTheGermanDictionaryConfirms_ComeFirst(string dutch, string concept)
        => Assert.Contains(concept, ConceptLexicon.Default.ConceptsOf("nl", LanguageStemmer.For("nl").Stem(dutch)).ToArray());

    // An irregular past form reads as its infinitive, in English and German, also behind a German verb prefix.
    [Theory]
    [InlineData("en", "began", "begin")]
    [InlineData("en", "brought", "bring")]
    [InlineData("de", "begann", "beginnen")]
    [InlineData("de", "starb", "sterben")]
    [InlineData("de", "unterschrieb", "unterschreiben")]
    [InlineData("de", "vorgeschlagen", "vorschlagen")]
    [InlineData("de", "erhielt", "erhalten")]
    [InlineData("de", "angekommen", "ankommen")]
    public void IrregularPastForms_ReadAsTheirInfinitive(string lang, string form, string infinitive)
    {
        var stemmer = LanguageStemmer.For(lang);
        var expected = ConceptLexicon.Default.ConceptsOf(lang, stemmer.Stem(infinitive)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ConceptLexicon.Default.ConceptsOrPartsOf(lang, stemmer.Stem(form)).ToArray());
    }

    // A compound whose head is a form no rule reaches reads that head through its lemma ("school|kinderen": kind;
    // "griep|gevallen": vallen, the stem Snowball gives the plural of "geval" too), so it meets "Schulkinder" and
    // "Grippefälle".
    [Theory]
    [InlineData("schoolkinderen", "kinderen", "school")]
    [InlineData("griepgevallen", "gevallen", "griep")]
    public void ACompoundsHeadInAnIrregularForm_ReadsThroughItsLemma(string word, string head, string modifier)
    {
        var nl = LanguageStemmer.For("nl");
        var concepts = ConceptLexicon.Default.ConceptsOrPartsOf("nl", nl.Stem(word)).ToArray();
        Assert.Contains(ConceptLexicon.Default.ConceptsOrPartsOf("nl", nl.Stem(head)).ToArray()[0], concepts);
        Assert.Contains(ConceptLexicon.Default.ConceptsOf("nl", nl.Stem(modifier)).ToArray()[0], concepts);
    }

    // A compound's head, for same-language grouping: the reports of one event name it in compounds of their own.
    [Theory]
    [InlineData("nl", "kabelstoring", "storing")]
    [InlineData("nl", "onderwijsstaking", "staking")]
    [InlineData("de", "bahnstreik", "streik")]
    [InlineData("nl", "storing", null)] // a word the lexicon holds is no compound
    [InlineData("nl", "aangelegd", null)] // a verb's particle is no compound's first word
    [InlineData("en", "railstrike", null)] // English writes its compounds apart
    public void CompoundHead_IsTheLastKnownPart(string lang, string word, string? head)
        => Assert.Equal(head, ConceptLexicon.Default.CompoundHead(lang, word));

    // Chorus's own news senses come before the dictionaries' (which know "baan" as a path and an orbit): counts of jobs,
    // crew, the injured and voters meet across languages.
    [Theory]
    [InlineData("nl", "banen", "de", "Arbeitsplätze", "en", "jobs")]
    [InlineData("nl", "bemanningsleden", "de", "Besatzungsmitglieder", "en", "crew")]
    [InlineData("nl", "gewonden", "de", "Verletzte", "en", "injured")]
    [InlineData("nl", "kiezers", "de", "Wähler", "en", "voters")]
    [InlineData("nl", "medewerkers", "de", "Mitarbeiter", "en", "staff")]
    [InlineData("nl", "opkomst", "de", "Wahlbeteiligung", "en", "turnout")]
    [InlineData("nl", "opkomst", "de", "Stimmbeteiligung", "en", "turnout")]
    [InlineData("nl", "jaar", "de", "Jahr", "en", "year")]
    [InlineData("nl", "overtredingen", "de", "Verstöße", "en", "violations")]
    [InlineData("nl", "witwassen", "de", "Geldwäsche", "en", "laundering")]
    [InlineData("nl", "fraude", "de", "Betrug", "en", "fraud")]
    [InlineData("nl", "dagen", "de", "Tage", "en", "days")]
    [InlineData("nl", "weken", "de", "Wochen", "en", "weeks")]
    [InlineData("nl", "maanden", "de", "Monate", "en", "months")]
    public void NewsSenses_MeetAcrossLanguages(string lang1, string word1, string lang2, string word2, string lang3, string word3)
    {
        string[] Concepts(string lang, string word) => ConceptLexicon.Default.ConceptsOrPartsOf(lang, LanguageStemmer.For(lang).Stem(word)).ToArray();
        var (a, b, c) = (Concepts(lang1, word1), Concepts(lang2, word2), Concepts(lang3, word3));
        Assert.Contains(a, b.Contains);
        Assert.Contains(a, c.Contains);
    }

    [Theory]
    [InlineData("fr", "eglis")]
    [InlineData("nl", "xyzzyq")]
    [InlineData("en", "the")]
    public void WordsOutsideTheLexicon_HaveNoConcepts(string lang, string stem)
        => Assert.True(ConceptLexicon.Default.ConceptsOf(lang, stem).IsEmpty);

    [Fact]
    public void EveryWord_HasAtMostThreeConcepts_AndTheListIsCompact()
    {
        var rows = new[] { "# comment", "nl\tbrand\tfire,blaze,conflagration,flame", "de\tfeuer\tfire", "bad row", "fr\tfeu\tfire" };
        var lexicon = ConceptLexicon.Load(rows);
        Assert.Equal(3, lexicon.ConceptsOf("nl", LanguageStemmer.For("nl").Stem("brand")).Length);
        Assert.Equal((1, 1, 3), lexicon.Size);
        var (dutch, german, english) = ConceptLexicon.Default.Size;
        Assert.InRange(dutch, 10_000, 40_000);
        Assert.InRange(german, 10_000, 40_000);
        Assert.InRange(english, 3_000, 30_000);
    }

    // A small lexicon whose rows are facts of the test, so the rules are checked apart from FreeDict's senses.
    private static readonly ConceptLexicon Small = ConceptLexicon.Load(
    [
        "nl\tfabriek\tfactory", "nl\thal\thall", "nl\tbrand\tfire", "nl\tontdekken\tdiscover", "nl\tmelden\treport",
        "nl\tstellen\tplace", "nl\tstel\tcouple", "nl\tkiezen\tchoose", "nl\tkies\tdelicate", "nl\tleggen\tlay",
        "nl\tzaak\taffair", "nl\talarmeren\talarm", "nl\tduiden\tinterpret", "nl\tlijken\tseem", "nl\tspoor\trailway", "nl\tstaking\tstrike",
        "de\tfabrik\tfactory", "de\thalle\thall", "de\tbrand\tfire", "de\tgroß\tbig", "de\tzerstören\truin",
        "de\tmelden\treport", "de\twohnen\tdwell", "de\thaus\thouse", "de\tarbeit\twork", "de\tmarkt\tmarket",
        "de\thalten\thold", "de\tung\tnothing",
    ]);

    [Theory]
    [InlineData("nl", "fabriekshal", "hall factori")] // linking s
    [InlineData("de", "Fabrikhalle", "hall factori")]
    [InlineData("de", "Großbrand", "fire big")] // ß as the stem spells it
    [InlineData("de", "Wohnhaus", "hous dwell")] // a verb's stem as the first part
    [InlineData("de", "Arbeitsmarkt", "market work")]
    [InlineData("nl", "spoorbrand", "fire railway")]
    [InlineData("nl", "ontdekt", "discov")] // third person: the infinitive's stem
    [InlineData("nl", "gemeld", "report")] // participle
    [InlineData("de", "gemeldet", "report")]
    [InlineData("de", "zerstört", "ruin")]
    [InlineData("nl", "stelde", "place")] // a doubled consonant before the infinitive's ending, not the noun "stel"
    [InlineData("nl", "kiest", "choos")] // s voiced to z, not the adjective "kies"
    [InlineData("nl", "gealarmeerd", "alarm")] // a long vowel single before the infinitive's ending: alarmeren
    public void WordsTheLexiconLacks_AreReadByTheirParts(string lang, string word, string concepts)
    {
        var stem = LanguageStemmer.For(lang).Stem(word);
        Assert.True(Small.ConceptsOf(lang, stem).IsEmpty, "the row must test a word the lexicon does not list");
        var expected = concepts.Split(' ').Select(c => ConceptLexicon.Prefix + c).ToArray();
        Assert.Equal(expected, Small.ConceptsOrPartsOf(lang, stem).ToArray());
    }

    [Theory]
    [InlineData("nl", "aangelegd")] // a verb's particle, not a compound: "aan|gelegd"
    [InlineData("nl", "duidelijk")] // a derivational suffix as head: "duid|elijk"
    [InlineData("de", "Haltung")] // "-ung" is no word of its own
    [InlineData("nl", "reisde")] // "reis" is a noun, and no verb "reizen" is listed
    [InlineData("nl", "zaakhal")] // a three-letter head after a short first part: "kin|der" is this shape
    public void FormsThatAreNoCompounds_GetNoConcepts(string lang, string word)
    {
        var stem = LanguageStemmer.For(lang).Stem(word);
        Assert.Empty(Small.ConceptsOrPartsOf(lang, stem).ToArray());
    }

    [Fact]
    public void CompoundsAcrossLanguages_ShareConcepts_InTheShippedLexicon()
    {
        var lexicon = ConceptLexicon.Default;
        var dutch = lexicon.ConceptsOrPartsOf("nl", LanguageStemmer.For("nl").Stem("fabriekshal")).ToArray();
        var german = lexicon.ConceptsOrPartsOf("de", LanguageStemmer.For("de").Stem("Fabrikhalle")).ToArray();
        Assert.Contains("#c:factori", dutch);
        Assert.Contains("#c:factori", german);
        Assert.Contains("#c:hall", dutch.Intersect(german));
    }

    [Theory]
    [InlineData("Feuerwehr", "brandweer")] // English says it in two words: only the direct link joins them
    [InlineData("zerstören", "verwoesten")] // the two English lists translate them differently (ruin, damage)
    [InlineData("Hafen", "haven")]
    public void DutchAndGermanWords_TranslatedIntoEachOther_ShareALink(string german, string dutch)
    {
        var lexicon = ConceptLexicon.Default;
        var de = lexicon.ConceptsOf("de", LanguageStemmer.For("de").Stem(german)).ToArray();
        var nl = lexicon.ConceptsOf("nl", LanguageStemmer.For("nl").Stem(dutch)).ToArray();
        Assert.Contains(de.Intersect(nl), c => c.StartsWith(ConceptLexicon.Prefix + ConceptLexicon.LinkMark, StringComparison.Ordinal));
    }

    [Fact]
    public void Links_AreKeptBesideTheEnglishConcepts_ByTheDutchStem()
    {
        var lexicon = ConceptLexicon.Load(["de\tfeuerwehr\tfire,brigade,blaze,flame,=brandweer,=brandweren,=spuitgasten,=pompiers", "nl\tbrandweer\t=brandweer"]);
        var de = lexicon.ConceptsOf("de", LanguageStemmer.For("de").Stem("Feuerwehr")).ToArray();
        Assert.Equal(3, de.Count(c => !c.StartsWith(ConceptLexicon.Prefix + ConceptLexicon.LinkMark, StringComparison.Ordinal)));
        Assert.Equal(ConceptLexicon.MaxLinks, de.Count(c => c.StartsWith(ConceptLexicon.Prefix + ConceptLexicon.LinkMark, StringComparison.Ordinal)));
        // "brandweren" (plural) stems as "brandweer" does: one link, not two.
        Assert.Equal(de.Length, de.Distinct().Count());
        // The Dutch word shares the link, and takes the German word's main sense (it has none of its own).
        Assert.Equal([ConceptLexicon.Prefix + "fire", ConceptLexicon.Prefix + "=brandwer"], lexicon.ConceptsOf("nl", LanguageStemmer.For("nl").Stem("brandweer")).ToArray());
        // A link is no English word: English text never meets it.
        Assert.True(lexicon.ConceptsOf("en", "=brandweer").IsEmpty);
    }

    // Two words of one stem ("Lauf", "Läufer" → "lauf") each keep their main senses and links: the first row listed
    // does not use up the stem's share, so "lopers" still meets "Läufer" on their link.
    [Fact]
    public void WordsOfOneStem_EachKeepTheirMainSenses()
    {
        var lexicon = ConceptLexicon.Load(["de\tlauf\trun,route,course,=loop,=gang,=baan", "de\tläufer\trunner,carpet,bishop,=loper"]);
        var de = lexicon.ConceptsOf("de", LanguageStemmer.For("de").Stem("Läufer")).ToArray();
        Assert.Equal(LanguageStemmer.For("de").Stem("Lauf"), LanguageStemmer.For("de").Stem("Läufer"));
        Assert.Contains(ConceptLexicon.Prefix + "runner", de);
        Assert.Contains(ConceptLexicon.Prefix + "=loper", de);
        Assert.Contains(ConceptLexicon.Prefix + "run", de);
    }

    // A word translated only into the other language takes the main English sense of the words whose main translation it
    // is, the most frequent first; a word with English senses of its own keeps them alone, and a word whose partners
    // have no sense either stays as it was.
    [Fact]
    public void AWordTranslatedOnlyIntoTheOtherLanguage_BorrowsItsMainEnglishSense()
    {
        var lexicon = ConceptLexicon.Load([
            "nl\tdijk\t=dijk",
            "de\tdeich\tdike,=dijk,=waterkering",
            "de\tdamm\tdam,=dijk",
            "de\tuferdamm\tdike,=dijk",
            "nl\tbus\thub,nave,=bus",
            "de\tbus\tbus,=bus",
            "de\tfeuerwehr\t=brandweer",
            "nl\tbrandweer\t=brandweer",
        ]);
        string[] Of(string lang, string word) => lexicon.ConceptsOf(lang, LanguageStemmer.For(lang).Stem(word)).ToArray();
        Assert.Equal(["dike", "dam", "=dijk"], Of("nl", "dijk").Select(c => c[ConceptLexicon.Prefix.Length..]));
        Assert.Equal(["hub", "nave", "=bus"], Of("nl", "bus").Select(c => c[ConceptLexicon.Prefix.Length..]));
        Assert.Equal(["=brandwer"], Of("de", "Feuerwehr").Select(c => c[ConceptLexicon.Prefix.Length..]));
    }

    [Theory]
    [InlineData("hield", "hold")] // an irregular past: no ending to take off
    [InlineData("kinderen", "child")] // an irregular plural
    [InlineData("huizen", "hous")] // a regular plural stems as its noun does: read as listed, the table is not needed
    public void FormsNoRuleReaches_AreReadAsTheirLemma(string word, string concept)
    {
        var lexicon = ConceptLexicon.Load(["nl\thouden\thold", "nl\tkind\tchild", "nl\thuis\thouse"], ["# comment", "hield\thouden", "kinderen\tkind", "huizen\thuis", "kreeg\tkrijgen"]);
        var stem = LanguageStemmer.For("nl").Stem(word);
        Assert.Equal([ConceptLexicon.Prefix + concept], lexicon.ConceptsOrPartsOf("nl", stem).ToArray());
        // "kreeg": its lemma is not in the lexicon, so the row is dropped rather than pointing nowhere.
        Assert.Empty(lexicon.ConceptsOrPartsOf("nl", LanguageStemmer.For("nl").Stem("kreeg")).ToArray());
    }

    // A compound of a word the lexicon does not know and a head it does reads as the loan word and the head's concepts;
    // listed words, words the lexicon reads otherwise and words without such a head give nothing.
    [Theory]
    [InlineData("nl", "cyberaanval", "cyber", "#c:attack")]
    [InlineData("de", "Cyberangriff", "cyber", "#c:attack")]
    [InlineData("nl", "herindelingsverkiezing", "herindeling", "#c:elect")]
    [InlineData("nl", "aanval", null, null)]
    [InlineData("nl", "treinramp", null, null)]
    [InlineData("nl", "Vechtstreek", null, null)]
    public void ACompoundOfAnUnknownWordAndAKnownHead_ReadsAsTheWordAndTheHead(string lang, string word, string? modifier, string? concept)
    {
        var found = ConceptLexicon.Default.LoanCompound(lang, LanguageStemmer.For(lang).Stem(word));
        Assert.Equal(modifier, found?.Modifier);
        if (concept is not null)
        {
            Assert.Contains(concept, found!.Value.Head);
        }
    }

    // Plurals and inflected adjectives whose Snowball stem differs from their lemma's find the lemma's concepts: an -s
    // after a vowel, a vowel written once in an open syllable, a v or z before the ending.
    [Theory]
    [InlineData("organisaties", "#c:organ")]
    [InlineData("sociale", "#c:social")]
    [InlineData("conservatieve", "#c:conserv")]
    [InlineData("boetes", "#c:fine")]
    public void ADutchPluralOrInflectedAdjective_FindsItsLemmasConcepts(string word, string concept)
    {
        var stem = LanguageStemmer.For("nl").Stem(word);
        Assert.Empty(ConceptLexicon.Default.ConceptsOf("nl", stem).ToArray());
        Assert.Contains(concept, ConceptLexicon.Default.ConceptsOrPartsOf("nl", stem).ToArray());
    }

    // A plural of people in "-leute" / "-lieden" is the plural of a "-mann" / "-man": it reads as the singular, whole
    // or as a compound. A Dutch song in "-lied", whose stem the plural shares, stays a song.
    [Theory]
    [InlineData("de", "Bergleute", "#c:miner")]
    [InlineData("de", "Seeleute", "#c:sailor")]
    [InlineData("de", "Fachleute", "#c:expert")]
    [InlineData("nl", "zakenlieden", "#c:businessman")]
    public void APluralOfPeople_ReadsAsItsSingularInMann(string lang, string word, string concept)
    {
        var lower = word.ToLowerInvariant();
        var stem = LanguageStemmer.For(lang).Stem(lower);
        Assert.Empty(ConceptLexicon.Default.ConceptsOf(lang, stem).ToArray());
        Assert.Contains(concept, ConceptLexicon.Default.ConceptsOfWord(lang, lower, stem, out _).ToArray());
    }

    [Theory]
    [InlineData("kerstlied", "kerstman")]
    public void ADutchSongInLied_IsNotReadAsAMan(string song, string man)
    {
        var stem = LanguageStemmer.For("nl").Stem(song);
        var manSenses = ConceptLexicon.Default.ConceptsOrPartsOf("nl", LanguageStemmer.For("nl").Stem(man)).ToArray();
        var songSenses = ConceptLexicon.Default.ConceptsOfWord("nl", song, stem, out _).ToArray();
        Assert.NotEmpty(manSenses);
        Assert.DoesNotContain(songSenses, manSenses.Contains);
    }

    // A form the UD treebanks read as another word's ("gaat" of "gaan", "bomen" of "boom") has that lemma's senses, not
    // those of the headword its stem happens to share ("gat", a hole; "bom", a bomb), and keeps its own where it is a
    // headword too ("verloren": lose and lost).
    [Theory]
    [InlineData("gaat", "#c:travel", "#c:apertur")]
    [InlineData("bomen", "#c:tree", "#c:bomb")]
    [InlineData("mannen", "#c:husband", "#c:moon")]
    [InlineData("verloren", "#c:lose", null)]
    [InlineData("verloren", "#c:lost", null)]
    public void ATreebankForm_ReadsAsItsLemmaNotAsTheHeadwordItsStemShares(string word, string sense, string? stemOnly)
    {
        var stem = LanguageStemmer.For("nl").Stem(word);
        var senses = ConceptLexicon.Default.ConceptsOfWord("nl", word, stem, out var listed).ToArray();
        Assert.True(listed);
        Assert.Contains(sense, senses);
        if (stemOnly is not null)
        {
            Assert.Contains(stemOnly, ConceptLexicon.Default.ConceptsOrPartsOf("nl", stem).ToArray());
            Assert.DoesNotContain(stemOnly, senses);
        }
    }

    // The comparer reads a counted noun as written too: "40 bomen" counts trees, which meet "40 Bäume", not bombs.
    [Fact]
    public void ACountedTreebankForm_CountsItsLemmasThing()
    {
        var analyzed = ArticleAnalyzer.CreateDefault().Analyze(new RawArticle
        {
            Ref = "nl", Text = "In het park van Zwolle werden dinsdag 40 bomen gekapt. De gemeente wil ze vervangen.", Date = PartialDate.Parse("2024-06-04").Value, Source = "nl",
        });
        var sentences = StorySentences.Build([ComparedArticle.WithProvisionalIds("nl", "nl", "nl", analyzed)], new Dictionary<string, int>(StringComparer.Ordinal));
        var counted = Assert.Single(sentences.SelectMany(s => s.Counted), c => c is not null)!;
        Assert.Contains("#c:tree", counted.Concepts);
        Assert.DoesNotContain("#c:bomb", counted.Concepts);
    }

    // A word the treebank does not list goes by its stem, as before.
    [Theory]
    [InlineData("nl", "politie")]
    [InlineData("de", "Bergmann")]
    public void AWordNoTreebankListsAsAForm_ReadsByItsStem(string lang, string word)
    {
        var stem = LanguageStemmer.For(lang).Stem(word.ToLowerInvariant());
        Assert.Equal(
            ConceptLexicon.Default.ConceptsOrPartsOf(lang, stem).ToArray(),
            ConceptLexicon.Default.ConceptsOfWord(lang, word.ToLowerInvariant(), stem, out _).ToArray());
    }

    // The most frequent words of DPG's Dutch articles that FreeDict gives no concept, and the German words whose news
    // sense it lacks, meet their English word (Resources/news-lexicon-supplement.tsv).
    [Theory]
    [InlineData("nl", "woordvoerder", "#c:spokesman")]
    [InlineData("de", "Sprecher", "#c:spokesman")]
    [InlineData("nl", "gegevens", "#c:data")]
    [InlineData("nl", "peilingen", "#c:poll")]
    [InlineData("de", "Umfrage", "#c:poll")]
    [InlineData("nl", "wetgeving", "#c:legisl")]
    [InlineData("de", "Gesetzgebung", "#c:legisl")]
    // Frequent words whose FreeDict senses miss the one news uses.
    [InlineData("nl", "aanslag", "#c:attack")]
    [InlineData("nl", "tijd", "#c:time")]
    [InlineData("de", "Zeit", "#c:time")]
    [InlineData("nl", "krijgen", "#c:receiv")]
    [InlineData("nl", "leeftijd", "#c:age")]
    [InlineData("de", "Alter", "#c:age")]
    [InlineData("nl", "man", "#c:man")]
    [InlineData("nl", "ingesloten", "#c:trap")]
    [InlineData("de", "eingeschlossen", "#c:trap")]
    [InlineData("nl", "verkeer", "#c:traffic")]
    [InlineData("nl", "vakbond", "#c:union")]
    [InlineData("de", "Gewerkschaft", "#c:union")]
    [InlineData("nl", "vrijheid", "#c:freedom")]
    [InlineData("de", "festgenommen", "#c:arrest")]
    [InlineData("nl", "opgepakt", "#c:arrest")]
    public void AFrequentNewsWordFreeDictLacks_FindsItsConcept(string lang, string word, string concept)
    {
        Assert.Contains(concept, ConceptLexicon.Default.ConceptsOrPartsOf(lang, LanguageStemmer.For(lang).Stem(word)).ToArray());
    }
}
