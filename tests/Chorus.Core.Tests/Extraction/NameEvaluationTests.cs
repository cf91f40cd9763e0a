using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Ingest;
using Xunit.Abstractions;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Extraction;

public class NameEvaluationTests(ITestOutputHelper output)
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    /// <summary>Issue 17's bars on hand-marked English and German news: the test half was written first and never tuned on.</summary>
    [Theory]
    [InlineData("en-de-dev.txt", 0.88, 0.95)]
    [InlineData("en-de-test.txt", 0.85, 0.90)]
    public void MarkedEnglishAndGermanNews_RecallAndTypeAccuracy(string file, double minRecall, double minTypeAccuracy)
    {
        var scores = Scores(file, articles: 20);
        foreach (var s in scores)
        {
            output.WriteLine($"{s.Lang}: recall {s.Recall:P1}, precision {s.Precision:P1}, type accuracy {s.TypeAccuracy:P1}");
            foreach (var miss in s.Misses)
            {
                output.WriteLine("  " + miss);
            }
        }

        var recall = (double)scores.Sum(s => s.Matched) / scores.Sum(s => s.Gold);
        var typed = (double)scores.Sum(s => s.TypedRight) / scores.Sum(s => s.Matched);
        Assert.True(recall >= minRecall, $"recall {recall:P1}");
        Assert.True(typed >= minTypeAccuracy, $"type accuracy {typed:P1}");
    }

    /// <summary>
    /// Real English headlines in Title Case (UCI news, CC0), marked by hand: the test half was marked before the Title Case
    /// rules were written and never tuned on. Before them: dev recall 7.4 / precision 13.2, test 24.6 / 34.7.
    /// </summary>
    [Theory]
    [InlineData("en-titlecase-dev.txt", 0.45, 0.65)]
    [InlineData("en-titlecase-test.txt", 0.50, 0.70)]
    public void TitleCaseHeadlines_RecallAndPrecision(string file, double minRecall, double minPrecision)
    {
        var score = Assert.Single(Scores(file, articles: 40));
        output.WriteLine($"recall {score.Recall:P1}, precision {score.Precision:P1}, type accuracy {score.TypeAccuracy:P1}");
        Assert.True(score.Recall >= minRecall, $"recall {score.Recall:P1}");
        Assert.True(score.Precision >= minPrecision, $"precision {score.Precision:P1}");
    }

    // In a Title Case headline a capital says nothing: a name ends where the words of the language begin, and a given
    // name takes the word after it whatever that is.
    [Theory]
    [InlineData("Neil Young Announces PonoMusic Launch", "Neil Young", "Neil Young Announces PonoMusic Launch")]
    [InlineData("Sheryl Sandberg Launches Campaign To Ban The Word 'Bossy'", "Sheryl Sandberg", "Sheryl Sandberg Launches Campaign To Ban The Word")]
    [InlineData("Jimmy Fallon Playing Water Wars Card Game With Lindsay Lohan", "Lindsay Lohan", "Jimmy Fallon Playing Water Wars Card Game With Lindsay Lohan")]
    [InlineData("George Clooney's Former Girlfriend Stacy Keibler Marries Jared Pobre", "Stacy Keibler", "George Clooney's Former Girlfriend Stacy Keibler Marries Jared Pobre")]
    [InlineData("First Dibs: Is Juan Pablo The Worst Bachelor Ever?", "Juan Pablo", "Juan Pablo The Worst")]
    public void TitleCaseHeadlines_NameOnlyTheirNames(string headline, string person, string run)
    {
        var names = Names("en", headline);
        Assert.Contains((person, "PER"), names);
        Assert.DoesNotContain(names, n => n.Name == run);
    }

    // Words of the language are no names in Title Case, even where the name lists hold one as a given name ("Rebel").
    [Theory]
    [InlineData("Libyan Govt Threatens to Destroy North Korean Oil Tanker in Rebel Territory", "Rebel Territory")]
    [InlineData("Urban Outfitters Sees Unusually Large Options Volume", "Sees Unusually Large Options Volume")]
    public void TitleCaseHeadlines_WordsAreNoNames(string headline, string notAName)
        => Assert.DoesNotContain(Names("en", headline), n => n.Name == notAName);

    // A listed name of several words is one name in Title Case, though each of its words is a word of the language.
    [Fact]
    public void TitleCaseHeadlines_KeepListedNamesOfSeveralWords()
        => Assert.Contains(Names("en", "United Nations Warns Of Famine As Aid Convoys Stall"), n => n.Name == "United Nations");

    // A headline-only item in Title Case still names what it names: the words the language lacks, listed places and
    // acronyms are title names, its other capitalised words are not (before, such a title named nothing at all).
    [Theory]
    [InlineData("Sheryl Sandberg Launches Campaign To Ban The Word 'Bossy'", "sandberg", "launches")]
    [InlineData("Oil Futures Fall as China Signals Demand Concerns", "china", "futures")]
    [InlineData("Congress, DOJ to Investigate Timing of GM Recall", "doj", "recall")]
    public void TitleCaseHeadlineOnlyItems_NameTheirNames(string headline, string named, string notNamed)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "h", Text = string.Empty, Title = headline, Lang = "en" });
        Assert.Contains(named, a.TitleNames);
        Assert.DoesNotContain(notNamed, a.TitleNames);
    }

    // Ordinary sentences that name many people are no Title Case; a weekday or a month is capitalised in any sentence.
    // An English possessive is no part of the name.
    [Theory]
    [InlineData("President Vladimir Putin spoke in Moscow on Tuesday.", "Vladimir Putin")]
    [InlineData("Angela Merkel, Emmanuel Macron and Joe Biden met in March.", "Emmanuel Macron")]
    [InlineData("Edward Snowden's lawyer spoke in Austin.", "Edward Snowden")]
    public void OrdinarySentences_KeepTheirNames(string text, string person)
        => Assert.Contains((person, "PER"), Names("en", text));

    private static IReadOnlyList<NameScores> Scores(string file, int articles)
    {
        var marked = NameEvaluation.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "eval", "names", file)));
        Assert.Equal(articles, marked.Count);
        return NameEvaluation.Evaluate(Analyzer, marked);
    }

    [Fact]
    public void Read_StripsTheMarks_AndKeepsTheSpans()
    {
        var article = Assert.Single(NameEvaluation.Read("# comment\n## en\nPresident [[Joe Biden|PER]] met [[NATO|ORG]] leaders.\n"));
        Assert.Equal("President Joe Biden met NATO leaders.", article.Text.Trim());
        Assert.Equal([(10, 19, "PER"), (24, 28, "ORG")], article.Names);
    }

    private static List<(string Name, string Type)> Names(string lang, string text)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "n", Text = text, Lang = lang });
        return [.. a.Entities.Where(e => e.Kind != MentionKind.Adjective).Select(e => (text[e.Start..e.End], e.Type.Code()))];
    }

    [Theory]
    [InlineData("de", "Der Energiekonzern RWE hat einen Rekordgewinn gemeldet.", "RWE", "ORG")]
    [InlineData("de", "Als Nachfolger ist Vincent Kompany vom FC Burnley im Gespräch.", "FC Burnley", "ORG")]
    [InlineData("de", "Beim Hochwasser in Niedersachsen ist ein Mann ums Leben gekommen.", "Niedersachsen", "LOC")]
    [InlineData("en", "Firefighters from Slovakia joined the effort.", "Slovakia", "LOC")]
    [InlineData("en", "Civil protection minister Vassilis Kikilias said the fire was large.", "Vassilis Kikilias", "PER")]
    [InlineData("en", "The Bank of England raised interest rates.", "Bank of England", "ORG")]
    [InlineData("en", "British Prime Minister Rishi Sunak met French President Emmanuel Macron in Paris.", "Emmanuel Macron", "PER")]
    [InlineData("en", "Australian Federal Police Commissioner Andrew Colvin said the threat was real.", "Andrew Colvin", "PER")]
    [InlineData("en", "Rutte told parliament in The Hague that he would stay.", "The Hague", "LOC")]
    [InlineData("de", "Der tschetschenische Machthaber Ramsan Kadyrow drohte erneut.", "Ramsan Kadyrow", "PER")]
    [InlineData("de", "Oppositionsführerin Swetlana Tichanowskaja sprach in Brüssel.", "Swetlana Tichanowskaja", "PER")]
    [InlineData("en", "Iran's Supreme Leader Ayatollah Ali Khamenei gave a speech.", "Ali Khamenei", "PER")]
    [InlineData("en", "Kadyrov is an ally of Putin.", "Putin", "PER")]
    [InlineData("de", "Kadyrow ist ein Verbündeter Putins.", "Putins", "PER")]
    [InlineData("en", "The talks with Shoigu lasted an hour.", "Shoigu", "PER")]
    public void EnglishAndGermanNames_FoundWithTheirType(string lang, string text, string name, string type)
        => Assert.Contains((name, type), Names(lang, text));

    [Theory]
    [InlineData("Die Lage in der Stadt ist ernst, sagte ein Sprecher. Das Interview führte die Polizei.")]
    [InlineData("Der Fall kommt vor das Gericht.")]
    [InlineData("Freitag beginnt die Konferenz.")]
    [InlineData("Es war der schlimmste Brand seit Jahrzehnten.")]
    public void GermanNounsAfterAnArticle_AreNoNames(string text)
        => Assert.Empty(Names("de", text));

    // A listed person's name in another spelling is a person ("Putin" for "Poetin"); a word of the language that folds
    // like one is not.
    [Theory]
    [InlineData("en", "Read the Summary of the report first.")]
    [InlineData("de", "Die Sitzung begann mit einer Schweigeminute.")]
    public void WordsThatFoldLikeAName_AreNoPersons(string lang, string text)
        => Assert.DoesNotContain(Names(lang, text), n => n.Type == "PER");

    // A German noun joins the capitalised run ("Jahr von Julian Nagelsmann"); the lists hold "Von" as a given name, but a
    // lower-case word opens no name, so the person after it is found.
    [Theory]
    [InlineData("Tuchel hatte die Mannschaft vor einem Jahr von Julian Nagelsmann übernommen.", "Julian Nagelsmann")]
    [InlineData("Das Amt ging im Jahr von Anna Schulz an einen Nachfolger.", "Anna Schulz")]
    public void APersonAfterANounAndAParticle_IsFound(string text, string person)
        => Assert.Contains((person, "PER"), Names("de", text));

    // German place names are built on a settlement word after a first part that is no word ("Augs|burg"); a common
    // compound has a word there ("Pflege|heim", "Kinder|heim", "Wohn|heim", "Haupt|stadt"), and an unknown noun
    // without such an ending is not taken for a place ("im Homeoffice", "aus Datenschutzgründen").
    [Theory]
    [InlineData("Die Frau aus Augsburg war mit ihrem Hund unterwegs.", "Augsburg", true)]
    [InlineData("Der Zug fuhr nach Ingolstadt weiter.", "Ingolstadt", true)]
    [InlineData("Die Frau lebt seit Jahren in Pflegeheim und Kinderheim.", "Pflegeheim", false)]
    [InlineData("Er wohnte damals im Wohnheim der Universität.", "Wohnheim", false)]
    [InlineData("Sie zog nach Hauptstadt und Umland.", "Hauptstadt", false)]
    [InlineData("Viele arbeiten jetzt im Homeoffice.", "Homeoffice", false)]
    [InlineData("Das Foto wurde aus Datenschutzgründen entfernt.", "Datenschutzgründen", false)]
    [InlineData("Er schrieb augsburg klein, und die Post kam aus Augsburg.", "Augsburg", false)]
    [InlineData("Eine Lawine hat am Sonntag im Ötztal vier Skitourengeher verschüttet.", "Ötztal", true)]
    [InlineData("Die Flut im Zillertal kostete viele Menschen das Leben.", "Zillertal", true)]
    [InlineData("Die Daten stehen im Portal der Behörde.", "Portal", false)]
    [InlineData("Er lag zwei Wochen im Hospital der Stadt.", "Hospital", false)]
    public void AGermanWordAfterAPrepositionOfPlace_IsAPlace_WhenBuiltAsPlaceNamesAre(string text, string word, bool place)
        => Assert.Equal(place, Names("de", text).Contains((word, "LOC")));

    // A country or city of the news opens a sentence as its subject; in English and German, whose entities come from
    // capitalised runs, it is a name there too. Dutch has its tagger, and "Indien" (German for India) is Dutch for "if".
    [Theory]
    [InlineData("de", "Frankreich will mehr Geld für die Armee ausgeben.", "Frankreich")]
    [InlineData("de", "Spanien und Portugal kämpfen gegen Waldbrände.", "Spanien")]
    [InlineData("de", "Deutschlands Kanzler reist nach Paris.", "Deutschlands")]
    [InlineData("en", "Egypt said the talks would resume on Monday.", "Egypt")]
    public void AListedNameOpeningASentence_IsAName(string lang, string text, string name)
        => Assert.Contains((name, "LOC"), Names(lang, text));

    [Fact]
    public void ADutchWordThatIsAListedNameElsewhere_OpensNoNameAtTheStartOfASentence()
    {
        const string text = "Indien het morgen regent, gaat de wedstrijd niet door.";
        var a = Analyzer.Analyze(new RawArticle { Ref = "n", Text = text, Lang = "nl" });
        Assert.DoesNotContain(a.Names, n => text[n.Start..n.End].StartsWith("Indien", StringComparison.Ordinal));
    }

    // German writes a part of a country as one word; Dutch and English write it apart ("Zuid-Spanje", "southern
    // Spain"). The German word is a place; a compound that is listed whole keeps its own name.
    [Theory]
    [InlineData("Nach heftigen Regenfällen sind in Südspanien mehrere Dörfer überflutet worden.", "Südspanien")]
    [InlineData("Die Armee rückte in Nordsyrien vor.", "Nordsyrien")]
    [InlineData("Die Lage in Ostjerusalem bleibt angespannt.", "Ostjerusalem")]
    [InlineData("Der Sturm zog über Nordkorea hinweg.", "Nordkorea")]
    public void AGermanCompoundOfACompassPointAndAPlace_IsAPlace(string text, string word)
        => Assert.Contains((word, "LOC"), Names("de", text));

    // German capitalises nouns, so a listed place as written joins a noun beside it in one capitalised run ("in Slowenien
    // Überschwemmungen"): the place is taken out when it is the run's only word the lists know; two listed names
    // ("Bayern München") are a name of their own, not two places.
    [Theory]
    [InlineData("Schwere Unwetter haben in Slowenien Überschwemmungen ausgelöst.", "Slowenien", true)]
    [InlineData("Ein Erdbeben hat in Kroatien Schäden angerichtet.", "Kroatien", true)]
    [InlineData("Am Samstag hat Bayern München das Spitzenspiel gewonnen.", "Bayern", false)]
    public void AListedGermanPlaceBesideANoun_IsThePlace(string text, string place, bool alone)
    {
        var names = Names("de", text);
        Assert.Equal(alone, names.Contains((place, "LOC")));
    }

    [Theory]
    [InlineData("Greece", "Griekenland")]
    [InlineData("Griechenland", "Griekenland")]
    [InlineData("Slowakei", "Slowakije")]
    [InlineData("Niedersachsen", "Nedersaksen")]
    [InlineData("Lower Saxony", "Nedersaksen")]
    public void IsoPlaceNames_ShareAKeyAcrossLanguages(string name, string dutch)
    {
        Assert.True(TranslatedNames.Default.IsPlace(dutch) || TranslatedNames.Default.KeyOf(dutch) is not null);
        Assert.Equal(TranslatedNames.Default.KeyOf(dutch), TranslatedNames.Default.KeyOf(name));
    }
}
