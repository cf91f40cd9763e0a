using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Ingest;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Text;
using Chorus.Core.Time;
using Xunit.Abstractions;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Stories;

public class StoryComparerTests(ITestOutputHelper output)
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static ComparedArticle Article(string id, string outlet, string text, string date, string? sourceGroup = null)
    {
        var analyzed = Analyzer.Analyze(new RawArticle { Ref = id, Text = text, Date = PartialDate.Parse(date).Value, Source = outlet });
        return ComparedArticle.WithProvisionalIds(id, sourceGroup ?? outlet, outlet, analyzed);
    }

    private static ComparedArticle Seed(string path, string id)
    {
        var article = SeedTextReader.Read(File.ReadAllText(path), path, null).Article;
        Assert.NotNull(article);
        return Article(id, id, article.Text, article.Date!.Value.ToString());
    }

    [Fact]
    public void Fixture_SharedUniqueAndConflicts_MeetTheirBars()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "eval", "comparison-stories.txt");
        var (stories, errors) = ComparisonFixture.Parse(path, File.ReadAllLines(path));
        Assert.Empty(errors);
        Assert.True(stories.Count >= 10, $"the fixture has {stories.Count} stories, the issue asks for at least 10");

        var scores = ComparisonEvaluation.Evaluate(stories, Analyzer, new StoryComparer());
        foreach (var mistake in scores.Mistakes)
        {
            output.WriteLine(mistake);
        }

        output.WriteLine($"shared P {scores.Shared.Precision:0.0} R {scores.Shared.Recall:0.0}; unique P {scores.Unique.Precision:0.0} R {scores.Unique.Recall:0.0}; conflicts P {scores.Conflicts.Precision:0.0} R {scores.Conflicts.Recall:0.0}");

        // Bars a little under the measured figures (docs/comparison.md), so a regression fails the build.
        Assert.True(scores.Shared.Precision >= 95 && scores.Shared.Recall >= 70, $"shared P {scores.Shared.Precision:0.0} R {scores.Shared.Recall:0.0}");
        Assert.True(scores.Unique.Precision >= 55 && scores.Unique.Recall >= 95, $"unique P {scores.Unique.Precision:0.0} R {scores.Unique.Recall:0.0}");
        Assert.True(scores.Conflicts.Precision >= 90 && scores.Conflicts.Recall >= 85, $"conflicts P {scores.Conflicts.Precision:0.0} R {scores.Conflicts.Recall:0.0}");
    }

    /// <summary>The planted failure classes (dead vs injured, vague amounts, "ruim N", background years): no false alarm on either half.</summary>
    [Theory]
    [InlineData("classes-dev.txt")]
    [InlineData("classes-test.txt")]
    public void FailureClasses_RaiseNoFalseAlarm(string file)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "eval", "comparison", file);
        var (stories, errors) = ComparisonFixture.Parse(path, File.ReadAllLines(path));
        Assert.Empty(errors);
        var scores = ComparisonEvaluation.Evaluate(stories, Analyzer, new StoryComparer());
        Assert.Equal(100, scores.Conflicts.Precision);
        Assert.True(scores.Conflicts.Recall >= 50, $"conflicts R {scores.Conflicts.Recall:0.0}");
    }

    // Three sources, two of which agree in other words ("Donnerstag", "Thursday") against the third ("woensdag"): the
    // found conflict holds all three mentions and two days, and scores as the planted one, labelled by its words.
    [Fact]
    public void APlantedConflict_MatchesAFoundOneWhoseAgreeingSourcesUseOtherWords()
    {
        string[] lines =
        [
            "=== story staking",
            "--- article c1 | Hessen Aktuell | 2026-03-05 | de",
            "[strike] Ein Warnstreik des Bodenpersonals hat am Donnerstag den Frankfurter Flughafen weitgehend lahmgelegt.",
            "[flights] Rund 1100 Flüge wurden gestrichen.",
            "--- article c2 | Luchtvaartnieuws | 2026-03-05 | nl",
            "[strike] Het grondpersoneel van de luchthaven van Frankfurt heeft woensdag het werk neergelegd, waardoor het vliegverkeer grotendeels stillag.",
            "[flights] Er werden zo'n 1.100 vluchten geschrapt.",
            "--- article c3 | Aviation Wire | 2026-03-05 | en",
            "[strike] A walkout by ground staff brought Frankfurt airport to a near standstill on Thursday.",
            "[flights] About 1,100 flights were cancelled.",
            "! date: woensdag | Donnerstag",
        ];
        Assert.Equal(new PrecisionRecall(1, 1, 1), ConflictScores(lines));
    }

    // A clock time written without its half of the day is found on the morning's hours ("om half vier": 03:30) and
    // matches a label on the afternoon's; a weekday with its part of the day ("maandagmiddag") matches the day's label.
    [Theory]
    [InlineData(
        "Een grote stroomstoring heeft dinsdag duizenden huishoudens in Zwolle getroffen. Netbeheerder Enexis meldt dat de stroom om half vier weer terug was.",
        "A major power cut hit thousands of households in Zwolle on Tuesday. Grid operator Enexis said power was restored at a quarter to five.",
        "! time: 15:30 | 16:45")]
    [InlineData(
        "Een juwelier in de binnenstad van Delft is maandagmiddag overvallen door twee gewapende mannen. De daders gingen er op een scooter vandoor.",
        "A jewellery shop in the centre of Delft was robbed by two armed men on Tuesday afternoon. The robbers fled on a scooter.",
        "! date: maandag | Tuesday")]
    public void APlantedConflict_MatchesTheSameReadingWrittenOtherwise(string dutch, string english, string label)
    {
        string[] lines =
        [
            "=== story s",
            "--- article a1 | Oost Nieuws | 2024-02-06 | nl",
            .. dutch.Split(". ").Select((t, i) => $"[f{i}] {t.TrimEnd('.')}."),
            "--- article a2 | Eastern Times | 2024-02-06 | en",
            .. english.Split(". ").Select((t, i) => $"[f{i}] {t.TrimEnd('.')}."),
            label,
        ];
        Assert.Equal(new PrecisionRecall(1, 1, 1), ConflictScores(lines));
    }

    // The conflict scores of a fixture written inline (the format of eval/comparison/*.txt).
    private static PrecisionRecall ConflictScores(string[] lines)
    {
        var (stories, errors) = ComparisonFixture.Parse("inline", lines);
        Assert.Empty(errors);
        return ComparisonEvaluation.Evaluate(stories, Analyzer, new StoryComparer()).Conflicts;
    }

    [Theory]
    [InlineData("2024-02-06", "2024-02-08", "120", "340", "", UpdateKind.Update)]
    [InlineData("2024-02-06", "2024-02-08", "340", "120", "", null)]
    [InlineData("2024-02-06", "2024-02-08", "340", "120", "; eerder werd gemeld dat het er meer waren", UpdateKind.Correction)]
    [InlineData("2024-02-06", "2024-02-06", "120", "340", "", null)]
    public void AFigureThatChangesBetweenReportDays_IsAnUpdateOrCorrection_NotAConflict(string day1, string day2, string first, string second, string cue, UpdateKind? expected)
    {
        var a = Article("a", "Wereldnieuws", $"Bij de aardbeving in het oosten van Turkije zijn {first} doden gevallen. Reddingswerkers zoeken verder.", day1);
        var b = Article("b", "Dagblad Oost", $"Bij de aardbeving in het oosten van Turkije zijn {second} doden gevallen{cue}. Hulp is onderweg.", day2);
        var comparison = new StoryComparer().Compare([a, b]);
        if (expected is { } kind)
        {
            var update = Assert.Single(comparison.Updates);
            Assert.Equal(kind, update.Kind);
            Assert.Equal(["a", "b"], update.Values.Select(v => v.ArticleId));
            Assert.Empty(comparison.Conflicts);
        }
        else
        {
            Assert.Empty(comparison.Updates);
            Assert.Single(comparison.Conflicts);
        }
    }

    // An estimate ("naar schatting", "wordt geschat op", "estimated", "geschätzt") is hedged as a projection is: the two
    // compare with each other ("expected to cost about 54 million" against "kost naar schatting 45 miljoen"). A
    // projection still says nothing against a report ("Analisten hadden 50 miljoen verwacht" / "bedroeg 45 miljoen").
    [Theory]
    [InlineData("nl", "Het herstel van de brug kost naar schatting 45 miljoen euro.", "en", "Repairs to the bridge are expected to cost about 54 million euros.", true)]
    [InlineData("nl", "De schade aan de brug wordt geschat op 2 miljoen euro.", "nl", "Verzekeraars verwachten een schade aan de brug van 3 miljoen euro.", true)]
    [InlineData("de", "Die Kosten für die Brücke werden auf 45 Millionen Euro geschätzt.", "en", "Repairs to the bridge are expected to cost about 54 million euros.", true)]
    [InlineData("nl", "Analisten hadden voor de brug een winst van 50 miljoen euro verwacht.", "nl", "De winst van de brug bedroeg 45 miljoen euro.", false)]
    [InlineData("nl", "Het herstel van de brug kost naar schatting 45 miljoen euro.", "en", "Repairs to the bridge are expected to cost about 46 million euros.", false)]
    public void AnEstimate_ComparesWithAProjection(string langA, string first, string langB, string second, bool conflict)
    {
        var a = Article("a", "De Stentor Vandaag", "De IJsselbrug bij Zwolle gaat dicht. " + first, "2025-05-06");
        var b = Article("b", "Dutch Transport Monitor", (langB switch { "en" => "The IJssel bridge near Zwolle will close. ", "de" => "Die IJsselbrücke bei Zwolle wird gesperrt. ", _ => "De IJsselbrug bij Zwolle gaat dicht. " }) + second, "2025-05-06");
        Assert.Equal((langA, langB), (a.Analyzed.Lang, b.Analyzed.Lang));
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // A part of a count ("van wie drie ernstig", "three of them seriously", "drei davon schwer") is no count of the whole:
    // it meets only the other source's part, and the wholes meet each other.
    [Theory]
    [InlineData("nl", "Twaalf mensen raakten gewond, van wie drie ernstig.", "en", "Twelve people were injured, three of them seriously.", null)]
    [InlineData("nl", "Twaalf mensen raakten gewond, van wie drie ernstig.", "de", "Zwölf Menschen wurden verletzt, drei davon schwer.", null)]
    [InlineData("en", "Twelve people were injured, three of them seriously.", "en", "Fourteen people were injured, three of them seriously.", "12|14")]
    [InlineData("nl", "Twaalf mensen raakten gewond, van wie drie ernstig.", "nl", "Twaalf mensen raakten gewond, van wie vijf ernstig.", "3|5")]
    [InlineData("en", "Twelve people were injured, three of whom were in a serious condition.", "nl", "Twaalf mensen raakten gewond, waarvan drie ernstig.", null)]
    [InlineData("en", "Eleven others were hurt, two of them seriously.", "nl", "Elf anderen raakten gewond, van wie twee ernstig.", null)]
    public void APartOfACount_MeetsOnlyTheOtherPart(string langA, string first, string langB, string second, string? conflict)
    {
        static string Lead(string lang) => lang switch
        {
            "de" => "Ein Reisebus ist am Montag bei Salzburg umgekippt. ",
            "en" => "A coach overturned near Salzburg on Monday. ",
            _ => "Een touringcar is maandag bij Salzburg gekanteld. ",
        };
        var a = Article("a", "Salzburger Abendblatt", Lead(langA) + first, "2025-07-22");
        var b = Article("b", "Brabants Nieuwsblad", Lead(langB) + second, "2025-07-22");
        var conflicts = new StoryComparer().Compare([a, b]).Conflicts;
        if (conflict is null)
        {
            Assert.Empty(conflicts);
        }
        else
        {
            var values = Assert.Single(conflicts).Values.Select(v => double.Parse(v.Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(conflict.Split('|').Select(double.Parse), values);
        }
    }

    // The missing are counted as they stand on the day of the report: fewer later means some were found, an update either
    // way; the dead only grow. Reports of one day that differ still conflict.
    [Theory]
    [InlineData("2025-06-16", "2025-06-18", "de", "Sieben Menschen werden noch vermisst.", "en", "Two people are still missing.", UpdateKind.Update)]
    [InlineData("2025-06-16", "2025-06-18", "nl", "Zeven mensen worden nog vermist.", "nl", "Er worden nog twaalf mensen vermist.", UpdateKind.Update)]
    [InlineData("2025-06-16", "2025-06-16", "nl", "Zeven mensen worden nog vermist.", "nl", "Er worden nog twee mensen vermist.", null)]
    [InlineData("2025-06-16", "2025-06-18", "nl", "Zeven mensen kwamen om het leven.", "nl", "Twee mensen kwamen om het leven.", null)]
    public void TheMissing_CountedOnALaterDay_AreAnUpdateEitherWay(string day1, string day2, string langA, string first, string langB, string second, UpdateKind? expected)
    {
        static string Lead(string lang) => lang switch
        {
            "de" => "Ein Erdrutsch hat am Sonntag das Dorf Gries im Sellraintal getroffen. ",
            "en" => "A landslide struck the village of Gries in the Sellrain valley on Sunday. ",
            _ => "Een aardverschuiving heeft zondag het dorp Gries in het Sellraintal getroffen. ",
        };
        var a = Article("a", "Tiroler Morgenblatt", Lead(langA) + first, day1);
        var b = Article("b", "Alpine Courier", Lead(langB) + second, day2);
        var comparison = new StoryComparer().Compare([a, b]);
        if (expected is { } kind)
        {
            Assert.Equal(kind, Assert.Single(comparison.Updates).Kind);
            Assert.Empty(comparison.Conflicts);
        }
        else
        {
            Assert.Empty(comparison.Updates);
            Assert.Single(comparison.Conflicts);
        }
    }

    [Theory]
    [InlineData("Bij het ongeluk in de Ardennen kwamen vier mensen om het leven.", "Bij het ongeluk in de Ardennen raakten 21 mensen gewond.", false)]
    [InlineData("Bij het ongeluk in de Ardennen kwamen vier mensen om het leven.", "Bij het ongeluk in de Ardennen vielen zes doden.", true)]
    [InlineData("Bij het ongeluk in de Ardennen raakten vier mensen gewond.", "Bij het ongeluk in de Ardennen raakten 21 mensen gewond.", true)]
    public void CountsOfDifferentRoles_NeverConflict(string first, string second, bool conflict)
    {
        var a = Article("a", "Zuidelijk Dagblad", "Een bus is maandag bij Bouillon van de weg geraakt. " + first, "2024-05-13");
        var b = Article("b", "Reisnieuws", "Een bus is maandag bij Bouillon van de weg geraakt. " + second, "2024-05-13");
        var comparison = new StoryComparer().Compare([a, b]);
        foreach (var claim in comparison.Claims)
        {
            output.WriteLine($"{claim.Sources}: {claim.Text}");
        }

        Assert.Equal(conflict, comparison.Conflicts.Count == 1);
    }

    // A source's one figure of a role meets another source's even where the sentences are worded too differently to
    // align; not when either source gives two figures of that role, nor from a background sentence dated a week or more back.
    [Theory]
    [InlineData("Volgens de brandweer kwamen zeker negen mensen om het leven.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-20", "number")]
    [InlineData("Volgens de brandweer kwamen zeker negen mensen om het leven.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-23", "update")]
    [InlineData("De politie hield ruim 20 betogers aan.", "Volgens de politie werden vijftien betogers gearresteerd.", "2024-05-20", "number")]
    [InlineData("De politie hield ruim 20 betogers aan.", "Volgens de politie werden 25 betogers gearresteerd.", "2024-05-20", null)]
    [InlineData("Volgens de brandweer kwamen negen mensen om het leven. Eerder meldde de krant zes doden.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-20", null)]
    // Days later too: which of a source's two tolls is the event's is not known (unlike a source's two leads).
    [InlineData("Volgens de brandweer kwamen negen mensen om het leven. Eerder meldde de krant zes doden.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-23", null)]
    [InlineData("Bij een vergelijkbaar ongeluk in 2015 kwamen negen mensen om het leven.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-20", null)]
    [InlineData("Bij een vergelijkbaar ongeluk vier jaar geleden kwamen negen mensen om het leven.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-20", null)]
    [InlineData("Bij een vergelijkbaar ongeluk een week geleden kwamen negen mensen om het leven.", "Het aantal doden van het ongeluk is opgelopen tot veertien.", "2024-05-20", null)]
    // A part "of them" is a share of a count before it, not the source's count of the role: it meets another source's
    // part ("one of them" against "two of them"), never a whole ("een van hen raakte gewond" against "twee gewonden").
    [InlineData("In de cabine zaten twee chauffeurs. Een van hen raakte ernstig gewond.", "Bij het ongeluk vielen twee gewonden.", "2024-05-20", null)]
    [InlineData("In de cabine zaten drie chauffeurs. Een van hen kwam om het leven.", "In de cabine zaten drie chauffeurs. Twee van hen kwamen om het leven.", "2024-05-20", "number")]
    public void OneFigureOfARolePerSource_MeetsTheOtherSources_WithoutAlignedSentences(string first, string second, string secondDay, string? expected)
    {
        var a = Article("a", "Zuiderkrant", "Een tankwagen is op de A2 bij Weert ontploft. " + first, "2024-05-20");
        var b = Article("b", "Limburgse Post", "Zware explosie op snelweg: een vrachtwagen met brandstof vloog in brand. " + second, secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        var found = comparison.Conflicts.Select(c => c.Kind).Concat(comparison.Updates.Select(_ => "update")).ToList();
        Assert.Equal(expected is null ? [] : [expected], found);
    }

    // A figure meets another source's figure of the same noun or sum, in sentences that do not align and articles that
    // count other things too, when the words around the two share two content words; not on one shared word, not when
    // the other article gives two such figures.
    [Theory]
    [InlineData("Hij verwees naar de honderdduizend betogers die zaterdag door Amsterdam liepen en de 40.000 mensen die een petitie tegen de snelweg ondertekenden.", "2024-09-12", "update")]
    [InlineData("Hij verwees naar de honderdduizend betogers die zaterdag door Amsterdam liepen en de 40.000 mensen die een petitie tegen de snelweg ondertekenden.", "2024-09-10", "number")]
    [InlineData("Hij verwees naar de honderdduizend betogers die zaterdag door Amsterdam liepen en de 40.000 mensen die een folder over de snelweg lazen.", "2024-09-12", null)]
    [InlineData("Hij verwees naar de 52.000 mensen die een petitie tegen de snelweg online ondertekenden en de 40.000 mensen die een petitie tegen de snelweg op papier ondertekenden.", "2024-09-12", null)]
    [InlineData("Wethouder Jansen, die liever over woningbouw praat, hoorde dat de minister voor extra onderzoek 12 miljoen euro uittrekt en noemde dat onvoldoende.", "2024-09-10", "number")]
    public void AFigure_MeetsAnotherSourcesFigure_OnTheWordsAroundIt(string second, string secondDay, string? expected)
    {
        var a = Article("a", "Gooi en Eemlander", "De gemeente telde dinsdag 3.000 mensen op de hoorzitting en 200 mensen bij het protest. "
            + "Al 25.000 mensen ondertekenden een petitie tegen de snelweg, waarover provincie, gemeente, Rijkswaterstaat en drie natuurorganisaties al lang overleggen zonder dat er een besluit over de route of de geluidsschermen ligt. "
            + "Het burgerinitiatief kost het rijk volgens ingewijden 30 miljoen euro aan extra onderzoek.", "2024-09-10");
        var b = Article("b", "Stadsblad", "Over de plannen bij Hilversum wordt al maanden gesproken; wethouder Jansen wil 80 woningen bouwen. " + second, secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        foreach (var claim in comparison.Claims)
        {
            output.WriteLine($"{claim.Sources}: {claim.Text}");
        }

        var found = comparison.Conflicts.Select(c => c.Kind).Concat(comparison.Updates.Select(_ => "update")).ToList();
        Assert.Equal(expected is null ? [] : [expected], found);
    }

    // Figures of a past both sources date alike ("vorig jaar") meet on the words and names around them like the event's
    // figures do; never a figure of the event, nor one of another past. A name counts whatever its words ("de Verenigde
    // Staten", "de VS"), also where the window around the figure cuts it.
    [Theory]
    [InlineData("Telers maken zich weinig zorgen: vorig jaar ging er slechts voor 75 miljoen euro aan tulpen naar de VS, terwijl de meeste bollen in Europa blijven.", "number")]
    [InlineData("Telers maken zich weinig zorgen: vorig jaar ging er slechts voor 78 miljoen euro aan tulpen naar de VS, terwijl de meeste bollen in Europa blijven.", null)]
    [InlineData("Telers maken zich weinig zorgen: dit jaar gaat er slechts voor 75 miljoen euro aan tulpen naar de VS, terwijl de meeste bollen in Europa blijven.", null)]
    [InlineData("Telers maken zich weinig zorgen: in 2019 ging er slechts voor 75 miljoen euro aan tulpen naar de VS, terwijl de meeste bollen in Europa blijven.", null)]
    [InlineData("Telers maken zich weinig zorgen: vorig jaar ging er slechts voor 75 miljoen euro aan rozen naar Canada, terwijl de meeste bollen in Europa blijven.", null)]
    public void FiguresOfOnePast_MeetOnTheWordsAndNamesAroundThem(string second, string? expected)
    {
        var a = Article("a", "Bollenkrant", "Washington dreigt met heffingen op Europese landbouwproducten. Volgens het Centraal Bureau voor de Statistiek, dat de cijfers dinsdag publiceerde, "
            + "voerde Nederland vorig jaar 78 miljoen euro aan tulpen uit naar de Verenigde Staten, een stijging van vier procent.", "2024-04-10");
        var b = Article("b", "Kwekersblad", "De Amerikaanse president wil Europese producten zwaarder belasten. " + second, "2024-04-10");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal(expected is null ? [] : [expected], Raised(comparison));
    }

    // A source's one count of a thing meets another source's count of that thing wherever their sentences stand, named
    // in either language or as a compound of it; not a synonym in one language, not a ranked set ("de drie grootste
    // steden"), not counts of two days, not an article that gives two counts of the thing.
    [Theory]
    [InlineData("en", "The Boeing 737 was carrying 164 passengers and six crew members.", "nl", "Aan boord waren 146 passagiers.", "2024-06-04", true)]
    [InlineData("nl", "Op het bedrijf worden 40.000 kalkoenen geruimd.", "nl", "De 55.000 vleeskalkoenen worden gedood.", "2024-06-04", true)]
    [InlineData("nl", "Op het bedrijf worden 40.000 kalkoenen geruimd.", "nl", "De 40.000 vleeskalkoenen worden gedood.", "2024-06-04", false)]
    [InlineData("nl", "In de wijk staan twee huizen voor jonge moeders.", "nl", "Het complex telt acht woningen.", "2024-06-04", false)]
    [InlineData("nl", "De burgemeester sprak in de drie grootste steden.", "nl", "Volgens de krant staan in de zes grootste steden lange files.", "2024-06-04", false)]
    [InlineData("nl", "Aan de verkiezing doen veertien partijen mee.", "nl", "De drie grotere partijen willen samen regeren.", "2024-06-04", false)]
    [InlineData("en", "Fourteen parties are taking part in the vote.", "en", "The three larger parties want to govern together.", "2024-06-04", false)]
    [InlineData("nl", "Op de zolder werden veertien bijzondere schilderijen gevonden.", "nl", "Volgens de politie gaat het om negen bijzondere schilderijen.", "2024-06-04", true)] // an adjective in "-ere" that compares nothing
    [InlineData("en", "The Boeing 737 had 164 passengers and six crew members.", "nl", "In het toestel zaten 146 passagiers.", "2024-06-06", false)]
    // Who was on board is one fact of the event, whichever day a source gives it.
    [InlineData("en", "The Boeing 737 was carrying 164 passengers and six crew members.", "nl", "Aan boord waren 146 passagiers.", "2024-06-06", true)]
    // Two counts in one article meet none unaligned; here "carrying 164 passengers" and "aan boord waren 146" align (two
    // sentences counting a thing share a slot across languages), and aligned sentences compare their counts.
    [InlineData("en", "The Boeing 737 was carrying 164 passengers. Earlier 150 passengers had boarded in Rome.", "nl", "Aan boord waren 146 passagiers.", "2024-06-04", true)]
    [InlineData("nl", "Het toestel vervoerde 164 passagiers. Eerder waren in Rome 150 passagiers ingestapt.", "nl", "Op de luchthaven wachtten 146 passagiers op een ander toestel.", "2024-06-04", false)]
    [InlineData("nl", "Bij de luchtvaartmaatschappij verdwijnen 650 banen.", "de", "Betroffen sind 560 Arbeitsplätze.", "2024-06-04", true)]
    public void OneCountOfAThingPerSource_MeetsTheOtherSources_WithoutAlignedSentences(string langA, string first, string langB, string second, string dayB, bool conflict)
    {
        static string Lead(string lang) => lang switch
        {
            "en" => "A plane made an emergency landing at Schiphol on Tuesday. ",
            "de" => "Ein Flugzeug musste am Dienstag in Schiphol notlanden. ",
            _ => "Een vliegtuig maakte dinsdag een noodlanding op Schiphol. ",
        };
        var a = Article("a", "Aviation Daily", Lead(langA) + first, "2024-06-04");
        var b = Article("b", "Luchtvaartnieuws", Lead(langB) + second, dayB);
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // Two sources agree and a third disagrees: one conflict listing the three sources' figures, whichever ways the pairs
    // were found (an aligned claim for two of them, the role of the event for the third).
    [Fact]
    public void TwoSourcesAgainstOne_AreOneConflictOfThreeValues()
    {
        var a = Article("a", "Zuid Express", "Een touringcar is zaterdag op de Brennerpas van de weg geraakt. Elf inzittenden raakten gewond.", "2024-07-06");
        var b = Article("b", "Südtiroler Zeitung", "Ein Reisebus ist am Samstag auf der Brennerautobahn von der Fahrbahn abgekommen. Dabei wurden 14 Insassen verletzt.", "2024-07-06");
        var c = Article("c", "Alpine Report", "A coach came off the road on the Brenner motorway on Saturday. Eleven people on board were hurt.", "2024-07-06");
        var conflict = Assert.Single(new StoryComparer().Compare([a, b, c]).Conflicts);
        Assert.Equal(["a", "b", "c"], conflict.Values.Select(v => v.ArticleId).Order(StringComparer.Ordinal));
        Assert.Equal(["11", "14"], conflict.Values.Select(v => v.Value.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal)); // "11 inzittenden", "11 people"
    }

    // A third source gives one side's very figure in words that meet that side's but not the other's: it joins the
    // conflict on the side it agrees with, so the reader sees who gives which figure. The same figure of another past
    // joins nothing.
    [Theory]
    [InlineData("Vorig jaar ging daarvan slechts 75 miljoen euro naar de VS", true)]
    [InlineData("In 2015 ging daarvan slechts 75 miljoen euro naar de VS", false)]
    public void ASourceGivingOneSidesFigure_JoinsTheConflictOnThatSide(string third, bool joins)
    {
        var a = Article("a", "Bollenkrant", "Washington dreigt met heffingen op Europese landbouwproducten. Volgens het Centraal Bureau voor de Statistiek "
            + "voerde Nederland vorig jaar 78 miljoen euro aan tulpen uit naar de Verenigde Staten, een stijging van vier procent.", "2024-04-10");
        var b = Article("b", "Kwekersblad", "De Amerikaanse president wil Europese producten zwaarder belasten. Telers maken zich weinig zorgen: vorig jaar ging er slechts voor 75 miljoen euro aan tulpen naar de VS.", "2024-04-10");
        var c = Article("c", "Tuinbouw Vandaag", "Nederland exporteert jaarlijks voor 7 miljard euro aan bloembollen, zegt een woordvoerder van de sector. '" + third + "; veruit de meeste export gaat naar landen om ons heen.'", "2024-04-10");
        var conflict = Assert.Single(new StoryComparer().Compare([a, b, c]).Conflicts);
        Assert.Equal(joins ? ["a", "b", "c"] : ["a", "b"], conflict.Values.Select(v => v.ArticleId).Order(StringComparer.Ordinal));
    }

    // Two sentences that each give a part and its whole in one unit (a cost and the budget it is a fraction of) report
    // the same two facts when the figures pair up by size and the sentences share a word: each pair is compared, the
    // days apart too. Not when one sentence gives sizes the other does not, nor when they share nothing.
    [Theory]
    [InlineData("Nederland vreest niet zozeer de kosten (geschat op 18-30 miljoen euro, een fractie van de 3,5 miljard euro die er per jaar naar WW-uitkeringen gaat).", "number")]
    [InlineData("Nederland vreest niet zozeer de kosten (geschat op 16 miljoen euro, een fractie van de 3,6 miljard euro die er per jaar naar WW-uitkeringen gaat).", null)]
    [InlineData("Nederland vreest niet zozeer de kosten (geschat op 18-30 miljoen euro, een fractie van de 350 miljoen euro die er per jaar naar WW-uitkeringen gaat).", null)]
    [InlineData("Nederland vreest niet zozeer de vertraging (geschat op 18-30 miljoen euro, een fractie van de 3,5 miljard euro die er per jaar naar WW-uitkeringen gaat).", null)]
    public void APartAndItsWhole_InTwoSources_AreComparedPairByPair(string second, string? expected)
    {
        var a = Article("a", "Staatscourant", "Het kabinet wil de noodrem trekken in Brussel. Bovendien zijn de geraamde extra kosten van 16 miljoen euro, op een totaal WW-budget van 3,6 miljard, niet van dien aard dat zo'n zwaar middel gerechtvaardigd is, meent de minister.", "2019-03-27");
        var b = Article("b", "Dagblad", "De Europese ministers sloten een akkoord over de export van WW-uitkeringen. " + second, "2019-03-28");
        var raised = Raised(new StoryComparer().Compare([a, b]));
        Assert.Equal(expected is null ? [] : [expected], raised.Where(r => r != "update").ToList());
    }

    // A source that gives a part of its count with the noun left out ("drie kinderen, van wie er twee…") gives the other
    // source's "twee kinderen" too: no conflict. Without the part, three against two is one.
    [Theory]
    [InlineData("Met haar eerste man Kees kreeg zij in Utrecht drie kinderen, van wie er twee jong zijn gestorven.", "Met haar eerste man Kees kreeg zij in Utrecht twee kinderen, die jong zijn gestorven.", false)]
    [InlineData("Mit ihrem ersten Mann Kees bekam sie in Utrecht drei Kinder, von denen zwei jung gestorben sind.", "Mit ihrem ersten Mann Kees bekam sie in Utrecht zwei Kinder, die jung gestorben sind.", false)]
    [InlineData("With her first husband Kees she had three children in Utrecht, two of whom died young.", "With her first husband Kees she had two children in Utrecht, who died young.", false)]
    [InlineData("Met haar eerste man Kees kreeg zij in Utrecht drie kinderen, die jong zijn gestorven.", "Met haar eerste man Kees kreeg zij in Utrecht twee kinderen, die jong zijn gestorven.", true)]
    public void APartGivenWithoutItsNoun_IsNoConflictWithAnotherSourcesCount(string first, string second, bool conflict)
    {
        var a = Article("a", "Zuiderkrant", first, "2024-05-20");
        var b = Article("b", "Limburgse Post", second, "2024-05-20");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Count > 0);
    }

    // 300 unrelated real articles taken as one story, dated over four weeks with each its own outlet: every figure,
    // age, clock time and count of a thing meets the others' through the per-source slots, and none of them is one
    // event's. A slot rule that raises a conflict here compares figures of different things (seats of two parties,
    // children of two families, the heights of two buildings all did, before their rules).
    [SharedDataFact("dpg2019/articles.jsonl")]
    public void UnrelatedRealArticles_TakenAsOneStory_RaiseNoConflict()
    {
        var articles = File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => e.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty)
            .Where(t => t.Length >= 500)
            .Take(300)
            .Select((t, i) => Article("b" + i, "Outlet " + i, t, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2019-03-{(i % 28) + 1:00}")))
            .ToList();
        var comparison = new StoryComparer().Compare(articles);
        foreach (var c in comparison.Conflicts)
        {
            output.WriteLine($"{c.Kind} {c.What}: {string.Join(" | ", c.Values.Select(v => v.ArticleId + ": " + v.Mention))}");
        }

        foreach (var u in comparison.Updates)
        {
            output.WriteLine($"{u.Kind} {u.Slot} {u.What}: {string.Join(" | ", u.Values.Select(v => v.ArticleId + ": " + v.Mention))}");
        }

        Assert.Empty(comparison.Conflicts);
        // A source's one count of a role (its dead) meets every other source's by design: in one story that is one
        // event's toll. Any other slot that develops here ties figures of different things.
        Assert.All(comparison.Updates, u => Assert.StartsWith("role:", u.Slot, StringComparison.Ordinal));
    }

    // Sentences whose figures disagree report one fact: they are one claim, marked disputed, never merged into a claim
    // that already holds a sentence of their article.
    [Fact]
    public void DisagreeingSentences_AreOneDisputedClaim()
    {
        var a = Article("a", "Maasbode", "Een gasexplosie heeft maandagavond een portiekflat in Rotterdam-Zuid zwaar beschadigd. Vier bewoners raakten gewond.", "2025-03-03");
        var b = Article("b", "Rijnmond Vandaag", "In een flat in Rotterdam is maandag een explosie geweest. Zes mensen moesten naar het ziekenhuis.", "2025-03-03");
        var comparison = new StoryComparer().Compare([a, b]);
        var conflict = Assert.Single(comparison.Conflicts);
        var claims = conflict.Values.Select(v => comparison.ClaimOf[(v.ArticleId, v.Sentence.Start)]).Distinct().ToList();
        var claim = Assert.Single(claims);
        Assert.True(claim.Shared);
        Assert.True(claim.Disputed);
        Assert.Equal(2, claim.Sentences.Count);
        Assert.All(comparison.Claims.Where(c => c != claim), c => Assert.False(c.Disputed));
    }

    // A source's one figure of a measure (an age, a sum, an area) meets another's when their sentences share a word or
    // a name; not when an article gives two ages, nor when the sentences share nothing.
    [Theory]
    [InlineData("De politie sprak met de 61-jarige chauffeur.", "Volgens de politie was de bestuurder een man van 66 jaar.", true)]
    [InlineData("De politie sprak met de 61-jarige chauffeur.", "Volgens de politie was de bestuurder een man van 61 jaar.", false)]
    [InlineData("De politie sprak met de 61-jarige chauffeur. Zijn 34-jarige bijrijder raakte gewond.", "Volgens de politie was de bestuurder een man van 66 jaar.", false)]
    [InlineData("De politie sprak met de 61-jarige chauffeur.", "Een man van 66 jaar zag het gebeuren vanaf zijn balkon.", false)]
    [InlineData("Het vuur verwoestte 3.000 hectare bos.", "In totaal ging 5.000 hectare bos in vlammen op.", true)]
    public void OneMeasurePerSource_MeetsTheOtherSources_WhenTheirSentencesShareAWord(string first, string second, bool conflict)
    {
        var a = Article("a", "Zuiderkrant", "Een bus is vrijdag bij Venlo van de weg geraakt. " + first, "2024-06-07");
        var b = Article("b", "Limburgse Post", "Bij Venlo is vrijdag een bus in de berm beland. " + second, "2024-06-07");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // A lead is a role only in its tight forms: its noun before "van"/"of"/"von" and the figure, the new value of its
    // change, or a verb of being ahead with "voor" closing the clause or before "op" (ahead of someone). Never a count that merely shares a sentence with
    // the word, nor a count closing another separable verb with "voor".
    [Theory]
    [InlineData("Imamoglu heeft in Istanbul een voorsprong van 25.000 stemmen.", "25.000 stemmen", FigureRole.Margin)]
    [InlineData("Yildirim erkent dat Imamoglu een voorsprong heeft van 25.000 stemmen.", "25.000 stemmen", FigureRole.Margin)]
    [InlineData("Het verschil tussen de twee kandidaten is teruggelopen tot 20.509 stemmen.", "20.509 stemmen", FigureRole.Margin)]
    [InlineData("De voorsprong is na de hertelling geslonken van 29.000 tot 15.702 stemmen.", "15.702 stemmen", FigureRole.Margin)]
    [InlineData("De voorsprong is na de hertelling geslonken van 29.000 tot 15.702 stemmen.", "29.000", FigureRole.None)]
    [InlineData("Imamoglu liep nog altijd 15.000 stemmen voor.", "15.000 stemmen", FigureRole.Margin)]
    [InlineData("Volgens de kiesraad stond Imamoglu ruim 25 duizend stemmen voor op zijn rivaal.", "ruim 25 duizend stemmen", FigureRole.Margin)]
    [InlineData("De minister stelde drie maatregelen voor op de vergadering.", "drie maatregelen", FigureRole.None)]
    [InlineData("The opposition candidate's lead of 3,000 votes held.", "3,000 votes", FigureRole.Margin)]
    [InlineData("His lead narrowed to 2,000 votes after the recount.", "2,000 votes", FigureRole.Margin)]
    [InlineData("Der Vorsprung schrumpfte auf 15.000 Stimmen.", "15.000 Stimmen", FigureRole.Margin)]
    [InlineData("Die Partei lag mit 15.000 Stimmen vorn.", "15.000 Stimmen", FigureRole.Margin)]
    [InlineData("De commissie stelde drie maatregelen voor.", "drie maatregelen", FigureRole.None)]
    [InlineData("Er werden 216.000 ongeldige stemmen meegeteld, zegt de partij met de voorsprong.", "216.000 ongeldige stemmen", FigureRole.None)]
    [InlineData("De partij kreeg 25.000 stemmen meer dan verwacht, een verschil dat opviel.", "25.000 stemmen", FigureRole.None)]
    [InlineData("In verschillende van de 30 gemeenten werd geteld.", "30 gemeenten", FigureRole.None)]
    public void ALead_IsARole_OnlyInItsTightForms(string sentence, string figure, FigureRole expected)
        => Assert.Equal(expected, RoleOfFigure(sentence, figure));

    // A gap seen from behind is a lead too: a deficit or gap noun before "van"/"of"/"von" or right after the count ("met
    // vijf punten achterstand"), or a verb of lying or standing with "achter"/"behind"/"hinter"/"zurück" after the count. Not a count that closes another verb with those words
    // ("lieten drie kinderen achter", "kehrten 200 Touristen zurück") or stands behind something.
    [Theory]
    [InlineData("Door de zege staat Ajax nog maar twee punten achter op PSV.", "twee punten", FigureRole.Margin)]
    [InlineData("Ajax kan het huidige gat van vijf punten terugbrengen naar twee.", "vijf punten", FigureRole.Margin)]
    [InlineData("Feyenoord heeft een achterstand van zes punten op de koploper.", "zes punten", FigureRole.Margin)]
    [InlineData("Liverpool are now two points behind Manchester City.", "two points", FigureRole.Margin)]
    [InlineData("Der BVB liegt nur noch drei Punkte hinter den Bayern.", "drei Punkte", FigureRole.Margin)]
    [InlineData("Schalke liegt vier Punkte zurück.", "vier Punkte", FigureRole.Margin)]
    [InlineData("Der Rückstand von fünf Punkten ist aufgeholt.", "fünf Punkten", FigureRole.Margin)]
    [InlineData("Ajax begon met vijf punten achterstand aan de topper.", "vijf punten", FigureRole.Margin)]
    [InlineData("Die Bayern haben vor dem Spiel fünf Punkte Vorsprung.", "fünf Punkte", FigureRole.Margin)]
    [InlineData("De kandidaat had uiteindelijk 15.000 stemmen verschil met zijn rivaal.", "15.000 stemmen", FigureRole.Margin)]
    [InlineData("De vluchtelingen lieten drie kinderen achter.", "drie kinderen", FigureRole.None)]
    [InlineData("Er kwamen drie kinderen, verschillend van leeftijd.", "drie kinderen", FigureRole.None)]
    [InlineData("Nach dem Urlaub kehrten 200 Touristen zurück.", "200 Touristen", FigureRole.None)]
    [InlineData("The storm left 200 families behind.", "200 families", FigureRole.None)]
    [InlineData("Er stonden drie agenten achter het hek.", "drie agenten", FigureRole.None)]
    [InlineData("There were 200 people behind the barrier.", "200 people", FigureRole.None)]
    public void AGapSeenFromBehind_IsALead(string sentence, string figure, FigureRole expected)
        => Assert.Equal(expected, RoleOfFigure(sentence, figure));

    // A standing after a match is reported the next day: a smaller gap later is a development, not a disagreement.
    [Theory]
    [InlineData("2019-04-01", "update")]
    [InlineData("2019-03-30", "number")]
    public void AGapInTheStandings_DevelopsBetweenReportDays(string secondDay, string expected)
    {
        var a = Article("a", "Dagblad", "Voor de topper in Amsterdam staat Ajax vijf punten achter op PSV in de eredivisie.", "2019-03-30");
        var b = Article("b", "Avondkrant", "Door de 3-1 zege in Amsterdam staat Ajax nog maar twee punten achter op PSV in de eredivisie.", secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal([expected], Raised(comparison));
        Assert.All(comparison.Updates.Select(u => u.What).Concat(comparison.Conflicts.Select(c => c.What)), w => Assert.StartsWith("lead in ", w, StringComparison.Ordinal));
    }

    // A later report often gives the lead as it stood before beside the new one ("de voorsprong van 25.000 stemmen is
    // geslonken tot 15.702"): that the later article repeats the earlier figure makes the step no less a development.
    [Theory]
    [InlineData("Ajax staat voor de topper in Amsterdam vijf punten achter op PSV.", "Ajax begon met vijf punten achterstand aan de topper in Amsterdam. Door de 3-1 staat Ajax nog maar twee punten achter op PSV.")]
    [InlineData("Bij de burgemeestersverkiezing in Istanbul heeft Imamoglu een voorsprong van 25.000 stemmen.", "In Istanbul is de voorsprong van 25.000 stemmen van Imamoglu na de hertelling geslonken tot 15.702 stemmen.")]
    [InlineData("Liverpool are five points behind Manchester City before the game at Anfield.", "Liverpool started the game at Anfield with a five-point deficit. After the 3-1 win Liverpool are two points behind City.")]
    public void ALaterReportGivingTheOldLeadToo_StillShowsTheStep(string first, string second)
    {
        var a = Article("a", "Dagblad", first, "2019-03-30");
        var b = Article("b", "Avondkrant", second, "2019-04-01");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal(["update"], Raised(comparison));
        Assert.Equal(2, comparison.Updates[0].Values.Select(v => v.Value).Distinct().Count());
    }

    /// <summary>The role of <paramref name="figure"/> where it first stands in <paramref name="sentence"/>.</summary>
    private static FigureRole RoleOfFigure(string sentence, string figure, string? unit = null)
    {
        var at = sentence.IndexOf(figure, StringComparison.Ordinal);
        return FigureRoles.RoleOf(sentence, 0, sentence.Length, at, at + figure.Length, unit);
    }

    /// <summary>What a comparison raised: each conflict's kind, and "update" for each development.</summary>
    private static List<string> Raised(StoryComparison comparison)
        => comparison.Conflicts.Select(c => c.Kind).Concat(comparison.Updates.Select(_ => "update")).ToList();

    // A lead reported later is a development whichever way it moved; reported the same day, two leads disagree; a lead
    // never meets a count of the thing it is counted in.
    [Theory]
    [InlineData("Na de hertelling in Istanbul liep Imamoglu nog altijd 15.000 stemmen voor, meldt het kiesbureau.", "2019-04-10", "update")]
    [InlineData("Na de hertelling in Istanbul liep Imamoglu nog altijd 15.000 stemmen voor, meldt het kiesbureau.", "2019-04-02", "number")]
    [InlineData("In de wijk Fatih kreeg de regeringspartij volgens het kiesbureau 15.000 stemmen meer dan Imamoglu.", "2019-04-02", null)]
    public void ALead_DevelopsEitherWay(string second, string secondDay, string? expected)
    {
        var a = Article("a", "Dagblad", "Bij de burgemeestersverkiezing in Istanbul heeft oppositiekandidaat Imamoglu een voorsprong van 25.000 stemmen, maar de regeringspartij eist een hertelling.", "2019-04-02");
        var b = Article("b", "Avondkrant", "De Turkse regeringspartij AKP blijft de uitslag in Istanbul aanvechten. " + second, secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal(expected is null ? [] : [expected], Raised(comparison));
        // Said as a lead, not as a number of votes.
        Assert.All(comparison.Updates.Select(u => u.What).Concat(comparison.Conflicts.Select(c => c.What)), w => Assert.StartsWith("lead in ", w, StringComparison.Ordinal));
    }

    // An article may give a lead twice (a claim and a recount's result): each of its leads develops from another day's,
    // shown with both; on the day itself neither is that article's one lead, so the claim is not set against it.
    [Theory]
    [InlineData("2019-04-09", new[] { "25.000 stemmen", "13.000 stemmen", "15.702 stemmen" })]
    [InlineData("2019-04-02", new string[0])]
    public void AnArticleWithTwoLeads_DevelopsFromAnotherDaysLead(string secondDay, string[] expected)
    {
        var a = Article("a", "Dagblad", "Bij de burgemeestersverkiezing in Istanbul heeft oppositiekandidaat Imamoglu een voorsprong van 25.000 stemmen, maar de regeringspartij eist een hertelling.", "2019-04-02");
        var b = Article("b", "Avondkrant", "President Erdogan zei dat niemand de zege kan claimen met een verschil van 13.000 stemmen. "
            + "Volgens onofficiele resultaten is de voorsprong van Imamoglu na de hertelling geslonken tot 15.702 stemmen.", secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.DoesNotContain(comparison.Conflicts, c => c.Values.Any(v => v.Mention == "13.000 stemmen"));
        Assert.Equal(expected, comparison.Updates.SelectMany(u => u.Values).Select(v => v.Mention).ToArray());
        Assert.All(comparison.Updates, u => Assert.StartsWith("lead in ", u.What, StringComparison.Ordinal));
    }

    // Taken to hospital or treated for smoke is injured; found alive is rescued, a role of its own; detained is arrested.
    [Theory]
    [InlineData("Drie mensen zijn met rookvergiftiging naar het ziekenhuis gebracht.", "Drie", FigureRole.Injured)]
    [InlineData("Vijf bewoners werden in het ziekenhuis behandeld.", "Vijf", FigureRole.Injured)]
    [InlineData("Two people were taken to hospital.", "Two", FigureRole.Injured)]
    [InlineData("Drei Menschen konnten lebend geborgen werden.", "Drei", FigureRole.Rescued)]
    [InlineData("Twee leden van de groep werden levend gevonden.", "Twee", FigureRole.Rescued)]
    [InlineData("Het ziekenhuis heeft 300 bedden.", "300", FigureRole.None)]
    [InlineData("Er was een levendige discussie met 200 deelnemers.", "200", FigureRole.None)]
    [InlineData("The hotel employs 200 hospitality workers.", "200", FigureRole.None)]
    [InlineData("Police detained 21 protesters.", "21", FigureRole.Arrested)]
    [InlineData("Aan boord waren 212 passagiers en zeven bemanningsleden.", "212", FigureRole.Aboard)]
    [InlineData("The coach was carrying 52 passengers.", "52", FigureRole.Aboard)]
    [InlineData("An Bord befanden sich 186 Passagiere.", "186", FigureRole.Aboard)]
    [InlineData("Van de 48 inzittenden raakten er 23 gewond.", "23", FigureRole.Injured)]
    [InlineData("18 Insassen wurden verletzt.", "18", FigureRole.Injured)]
    // Treated where they were found, by the ambulance crew: injured, as taken to hospital is. Not the crew themselves,
    // nor cases a court treats.
    [InlineData("Vijf reizigers werden ter plaatse behandeld.", "Vijf", FigureRole.Injured)]
    [InlineData("Zes inzittenden moesten door ambulancepersoneel worden nagekeken.", "Zes", FigureRole.Injured)]
    [InlineData("Twelve people were treated by paramedics.", "Twelve", FigureRole.Injured)]
    [InlineData("Twelve people were treated at the scene.", "Twelve", FigureRole.Injured)]
    [InlineData("Sieben Fahrgäste wurden vor Ort behandelt.", "Sieben", FigureRole.Injured)]
    [InlineData("Sieben Fahrgäste wurden vom Rettungsdienst versorgt.", "Sieben", FigureRole.Injured)]
    [InlineData("Ten paramedics were sent to the scene.", "Ten", FigureRole.None)]
    [InlineData("De rechtbank behandelde twaalf zaken.", "twaalf", FigureRole.None)]
    // Found or recovered dead is dead.
    [InlineData("Three of them were found dead.", "Three", FigureRole.Dead)]
    [InlineData("Zwei von ihnen konnten nur noch tot geborgen werden.", "Zwei", FigureRole.Dead)]
    [InlineData("Twee van hen werden dood aangetroffen.", "Twee", FigureRole.Dead)]
    public void HospitalAndRescueWords_NameTheRole(string sentence, string figure, FigureRole expected)
        => Assert.Equal(expected, RoleOfFigure(sentence, figure));

    // "Niemand raakte gewond" is a count of zero injured, which two injured contradict; the role word must follow the
    // negation closely, so "geen commentaar op het aantal doden" counts nothing.
    [Theory]
    [InlineData("Er raakte niemand gewond.", "Twee bemanningsleden raakten gewond.", "number")]
    [InlineData("Bij het ongeluk kwam niemand om het leven.", "Twee bemanningsleden kwamen om het leven.", "number")]
    [InlineData("Er vielen geen doden.", "Bij de brand vielen drie doden.", "number")]
    [InlineData("De politie gaf geen commentaar op het aantal doden.", "Bij de brand vielen drie doden.", null)]
    [InlineData("Er raakte niemand gewond.", "Bij de brand vielen drie doden.", null)]
    public void NoOneInARole_IsACountOfZero(string first, string second, string? expected)
    {
        var a = Article("a", "Friese Koerier", "Op een veerboot bij Harlingen is zaterdag brand uitgebroken. " + first, "2024-09-14");
        var b = Article("b", "Noordelijk Dagblad", "Brand op veerboot bij Harlingen. " + second, "2024-09-14");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal(expected is null ? [] : [expected], comparison.Conflicts.Select(c => c.Kind).ToList());
    }

    [Theory]
    [InlineData("Er raakte niemand gewond.", "niemand", FigureRole.Injured)]
    [InlineData("No one was hurt.", "No one", FigureRole.Injured)]
    [InlineData("Es gab keine Toten.", "keine", FigureRole.Dead)]
    [InlineData("Nobody was killed in the blast.", "Nobody", FigureRole.Dead)]
    [InlineData("Niemand wollte sagen, wie viele Menschen verletzt wurden.", null, FigureRole.None)]
    // The role word fronted and "niemand" closing the clause; "geen/keine/no" before the people counted; a German police
    // report's people with "nicht" before the role word.
    [InlineData("Gewond raakte niemand.", "niemand", FigureRole.Injured)]
    [InlineData("Verletzt wurde bei dem Unfall niemand.", "niemand", FigureRole.Injured)]
    [InlineData("Er raakten geen mensen gewond.", "geen", FigureRole.Injured)]
    [InlineData("No passengers were injured in the crash.", "No", FigureRole.Injured)]
    [InlineData("Es wurden keine Menschen getötet.", "keine", FigureRole.Dead)]
    [InlineData("Personen wurden nicht verletzt.", "Personen", FigureRole.Injured)]
    [InlineData("Menschen wurden bei dem Brand nicht verletzt.", "Menschen", FigureRole.Injured)]
    [InlineData("Er waren geen mensen in het pand, zei de brandweer over de gewonden.", null, FigureRole.None)]
    [InlineData("Viele Menschen wurden nicht verletzt, aber drei starben.", null, FigureRole.None)]
    [InlineData("Gewond raakte de bestuurder, zei niemand.", null, FigureRole.None)]
    public void Nones_FindTheRoleRightAfterTheNegation(string sentence, string? at, FigureRole role)
    {
        var nones = FigureRoles.Nones(sentence, Chorus.Core.Text.Tokenizer.Tokenize(sentence), 0, sentence.Length);
        Assert.Equal(at is null ? [] : [(sentence.IndexOf(at, StringComparison.Ordinal), sentence.IndexOf(at, StringComparison.Ordinal) + at.Length, role)], nones);
    }

    // What a figure measures or counts is a slot whatever its value: two sentences that give the pilot's age differently
    // align (and conflict), as do "30 minuten" and "een half uur", and two counts of the people who signed.
    [Theory]
    [InlineData("De 61-jarige piloot werd naar het ziekenhuis gebracht.", "De piloot, Jan Smit (67), is per helikopter naar het ziekenhuis gevlogen.", "number")]
    [InlineData("Rijkswaterstaat rekent op een extra reistijd van 30 minuten.", "Weggebruikers moeten rekening houden met een half uur extra reistijd.", null)]
    [InlineData("De petitie tegen het plan is inmiddels door vijf miljoen mensen ondertekend.", "Hij verwees naar de 8 miljoen mensen die een petitie tegen het plan ondertekenden.", "number")]
    public void Measures_AreASlot_ThatAlignsSentencesWhateverTheValue(string first, string second, string? conflict)
    {
        var a = Article("a", "Havenkrant", "Bij Lelystad is zaterdag een vliegtuigje neergestort en brand uitgebroken. De oorzaak is onbekend. " + first, "2024-04-20");
        var b = Article("b", "Dagblad Zuid", "Vliegtuigje neergestort bij Lelystad. Het toestel vloog in brand. " + second, "2024-04-20");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Contains(comparison.Claims, c => c.Shared && c.Sentences.Count == 2 && c.Text.Length > 0 && (c.Text == first || c.Text == second));
        Assert.Equal(conflict is null ? [] : [conflict], comparison.Conflicts.Select(c => c.Kind).ToList());
    }

    // A figure an order of magnitude away is about something else: it neither fills the slot (the whole budget beside the
    // cost of a measure) nor counts as the article "giving" the other source's figure. Ranges show as ranges.
    [Fact]
    public void AFigureOrdersOfMagnitudeAway_NeitherFillsTheSlot_NorHidesTheConflict()
    {
        var a = Article("a", "Volkskrant", "De EU wil de WW-regels voor arbeidsmigranten aanpassen. Nederland vreest niet zozeer de kosten (geschat op 18-30 miljoen euro, een fractie van de 3,5 miljard euro die per jaar naar WW-uitkeringen gaat).", "2019-03-28");
        var b = Article("b", "Trouw", "De EU wil de WW-regels voor arbeidsmigranten aanpassen. Het verlies voor de schatkist wordt op 10 à 16 miljoen euro geschat (op een geheel van 3,6 miljard aan WW-uitgaven).", "2019-03-28");
        // The budget itself is a second disagreement, of its own: 3,5 and 3,6 miljard are two figures at their written
        // precision (a judged DPG conflict), an order of magnitude away from the costs.
        var conflicts = new StoryComparer().Compare([a, b]).Conflicts;
        Assert.Equal(
            ["10000000–16000000 EUR | 18000000–30000000 EUR", "3500000000 EUR | 3600000000 EUR"],
            conflicts.Select(c => string.Join(" | ", c.Values.Select(v => v.Value).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    // A time is compared by what it resolves to, not by its words: "maandag" of two different weeks is nothing shared.
    [Theory]
    [InlineData("2019-04-02", true)]
    [InlineData("2019-04-09", false)]
    public void TimeWords_AreComparedByTheirValue(string secondDay, bool shared)
    {
        var a = Article("a", "Haarlems Dagblad", "De coalitievorming in Noord-Holland loopt vast. Alle fractievoorzitters kwamen maandag naar het provinciehuis.", "2019-04-02");
        var b = Article("b", "Noordhollands Nieuws", "De coalitievorming in Noord-Holland loopt vast. Maandag praatten de fractievoorzitters opnieuw.", secondDay);
        var claims = new StoryComparer().Compare([a, b]).Claims;
        Assert.Equal(shared, claims.Any(c => c.Shared && c.Text.Contains("fractievoorzitters", StringComparison.Ordinal)));
    }

    // Across languages a name and a typed slot suffice to align: the reports disagree on the day, and their words do not
    // translate one to one.
    [Fact]
    public void ADutchAndAnEnglishReport_OfOnePlaceOnTwoDays_AlignAndConflict()
    {
        var a = Article("a", "Havenkrant", "Havenarbeiders in Rotterdam leggen woensdag het werk neer. De werkgevers noemen de actie onverantwoord.", "2024-06-03");
        var b = Article("b", "Port Daily", "Dock workers in Rotterdam will walk out on Thursday. Talks are scheduled for next week.", "2024-06-03");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Contains(comparison.Claims, c => c.Shared && c.Text.Contains("Rotterdam", StringComparison.Ordinal));
        Assert.Contains(comparison.Conflicts, c => c.Kind is "date" or "weekday");
    }

    // A name one report's tagger found is the same entity where another report's text spells it but was not tagged
    // ("US group Helion is buying Dutch chipmaker Nexa Semiconductors"), written with its capitals; lower case it is a word.
    [Theory]
    [InlineData("US group Helion is buying Dutch chipmaker Nexa Semiconductors of Eindhoven.", true)]
    [InlineData("The group helion is buying a chipmaker.", false)]
    public void ANameTaggedInOneReport_IsThatEntityWhereAnotherSpellsIt(string english, bool named)
    {
        var nl = Article("a", "Financieel Dagblad Oost", "Het Amerikaanse Helion neemt de Eindhovense chipmaker Nexa Semiconductors over. Helion betaalt 3,2 miljard euro voor het bedrijf.", "2026-06-17");
        var en = Article("b", "Semiconductor Times", english, "2026-06-17");
        var tagged = nl.Analyzed.Entities.Select((m, i) => (Text: nl.Text[m.Start..m.End], Id: nl.EntityIds[i])).Where(m => m.Text is "Helion").ToList();
        Assert.True(tagged.Count > 0, string.Join(", ", nl.Analyzed.Entities.Select(m => nl.Text[m.Start..m.End])));
        Assert.DoesNotContain(en.Analyzed.Entities, m => en.Text[m.Start..m.End] == "Helion");
        var sentences = StorySentences.Build([nl, en], new Dictionary<string, int>(StringComparer.Ordinal));
        Assert.True(named == sentences.Single(s => s.ArticleIndex == 1).Entities.Contains(tagged[0].Id), string.Join(", ", tagged.Select(t => t.Id)) + " / " + string.Join(", ", sentences.Single(s => s.ArticleIndex == 1).Entities));
    }

    // A German town adjective is the town's name and -er ("Rotterdamer Zoo"): it names the place another report tagged;
    // one of too few letters to tell ("Ulmer") does not.
    [Theory]
    [InlineData("In Diergaarde Blijdorp in Rotterdam is een olifantje geboren.", "Rotterdam", "Im Rotterdamer Zoo Blijdorp ist ein Elefantenbaby zur Welt gekommen.", true)]
    [InlineData("In de dierentuin van Ulm is een olifantje geboren.", "Ulm", "Im Ulmer Zoo ist ein Elefantenbaby zur Welt gekommen.", false)]
    public void AGermanTownAdjective_NamesTheTownAnotherReportTagged(string dutch, string town, string german, bool named)
    {
        var nl = Article("a", "Dierenwereld", dutch + " Het jong woog 112 kilo.", "2026-03-19");
        var de = Article("b", "Zoo Zeitung", german + " Das Jungtier wog bei der Geburt 121 Kilogramm. Der Zoo lässt das Publikum einen Namen aussuchen.", "2026-03-19");
        Assert.Equal("de", de.Analyzed.Lang);
        var place = nl.Analyzed.Entities.Select((m, i) => (Text: nl.Text[m.Start..m.End], Id: nl.EntityIds[i])).Single(m => m.Text == town);
        var sentences = StorySentences.Build([nl, de], new Dictionary<string, int>(StringComparer.Ordinal));
        Assert.Equal(named, sentences.First(s => s.ArticleIndex == 1).Entities.Contains(place.Id));
    }

    // Two words in two languages align when they carry most of both sentences (twice the threshold); the same two words
    // among many others do not.
    [Theory]
    [InlineData("Lifeboats and a helicopter are searching for him.", true)]
    [InlineData("Lifeboats searched the harbour all night while divers inspected the damaged hull of the ferry.", false)]
    public void TwoWordsThatCarryBothSentences_AlignAcrossLanguages(string english, bool shared)
    {
        var a = Article("a", "Zeeuwse Courant", "Voor de kust van Vlissingen wordt sinds zondag een zeiler vermist. Reddingsboten en een helikopter zoeken naar de man. Zijn zeilboot werd leeg teruggevonden.", "2024-07-22");
        var b = Article("b", "Coastal News", "A sailor has been missing off the coast of Vlissingen since Sunday. " + english + " His yacht was found drifting with no one on board.", "2024-07-22");
        var claims = new StoryComparer().Compare([a, b]).Claims;
        Assert.Equal(shared, claims.Any(c => c.Shared && c.Text.Contains("Reddingsboten", StringComparison.Ordinal)));
    }

    // Three reports of one fact in three languages make one claim when each pairs with the third on enough terms,
    // though the German and the English sentence share only the place and the tree: the pair below the two-term bar
    // does not link on its own, and does not keep the German sentence out of the claim either.
    [Fact]
    public void ASentenceAlignedWithOneOfAClaim_JoinsIt_ThoughItSharesTwoWordsWithTheOther()
    {
        var nl = Article("a", "Kustkrant", "Een zware storm heeft maandag grote schade aangericht langs de Noordzeekust. In Den Helder kwam een fietser om het leven doordat een boom op hem viel. Honderden bomen gingen om.", "2026-10-27");
        var de = Article("b", "Nordsee Zeitung", "Ein schwerer Sturm hat am Montag an der Nordseeküste große Schäden angerichtet. In Den Helder wurde ein Radfahrer von einem umstürzenden Baum erschlagen. Auch in Ostfriesland fielen zahlreiche Fähren aus.", "2026-10-27");
        var en = Article("c", "North Sea Observer", "A severe storm caused widespread damage along the North Sea coast on Monday. A cyclist was killed in Den Helder when a tree fell on him. It was the strongest storm to hit the region since 2018.", "2026-10-27");
        var claims = new StoryComparer().Compare([nl, de, en]).Claims;
        var claim = Assert.Single(claims, c => c.Sentences.Any(r => r.ArticleId == "c" && en.Text.AsSpan(r.Start, r.End - r.Start).Contains("cyclist", StringComparison.Ordinal)));
        Assert.Equal(3, claim.Sentences.Count);
    }

    // A compound of a loan word and a Dutch head ("cyberaanval") meets the English report that writes the two apart.
    [Fact]
    public void ACompoundOfALoanWord_MeetsTheWordsWrittenApart()
    {
        var nl = Article("a", "Zorgvisie Vandaag", "Het Ziekenhuis Rivierenland in Tiel is getroffen door een cyberaanval. De hackers eisen twee miljoen dollar losgeld. Het ziekenhuis heeft aangifte gedaan bij de politie.", "2026-03-11");
        var en = Article("b", "Cyber Security Digest", "Rivierenland Hospital in Tiel, the Netherlands, has been hit by a cyber attack. The hackers are demanding a ransom of two million dollars. Thirty patients were transferred to other hospitals.", "2026-03-11");
        var claims = new StoryComparer().Compare([nl, en]).Claims;
        Assert.Contains(claims, c => c.Shared && c.Sentences.Count == 2 && c.Sentences.Any(r => nl.Text.AsSpan(r.Start, r.End - r.Start).Contains("cyberaanval", StringComparison.Ordinal)));
    }

    // English function words are no terms, as Dutch and German ones are not (Snowball's lists in all three languages).
    [Fact]
    public void EnglishFunctionWords_AreNoTerms()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        StorySentences.Build([Article("a", "Harbour Times", "The bridge had been closed after it was damaged, more than any other.", "2024-10-14")], vocabulary);
        Assert.Contains(StorySentences.Root("bridg"), vocabulary.Keys);
        Assert.DoesNotContain(vocabulary.Keys, k => k is "had" or "been" or "after" or "more" or "than" or "other" or "ani");
    }

    // Dutch closed-class words Snowball's stop list lacks ("we", "tussen", "volgens") and a figure's number word ("vijf"
    // beside its value "#5") are no terms of one language: two reports that each say "we" or "vijf" share nothing more.
    [Fact]
    public void DutchClosedClassWords_AndAFiguresNumberWord_AreNoTermsOfOneLanguage()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentence = StorySentences.Build([Article("a", "Eindhovens Dagblad", "Volgens de trainer hebben we tussen nu en mei nog vijf wedstrijden.", "2019-03-31")], vocabulary).Single();
        var names = vocabulary.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var terms = sentence.Terms.Select(t => names[t]).ToList();
        Assert.Contains("#5", terms);
        Assert.Contains(StorySentences.Root("wedstrijd"), terms);
        Assert.DoesNotContain(terms, t => t is "we" or "tuss" or "volgen" or "vijf");
    }

    // In a story of several languages, a word the lexicon lists crosses as its concepts; between two sentences of one
    // language it still weighs as itself (it weighed nothing when the weights counted the cross terms alone).
    [Fact]
    public void AListedWord_WeighsBetweenTwoSentencesOfOneLanguage_InAStoryOfSeveral()
    {
        var en1 = Article("a", "Iberia Wire", "Forest fires are raging in central Portugal.", "2026-08-19");
        var en2 = Article("b", "Europe Daily", "The fires in central Portugal are still not under control.", "2026-08-19");
        var nl = Article("c", "Wereldjournaal", "In het midden van Portugal woeden bosbranden.", "2026-08-19");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = StorySentences.Build([en1, en2, nl], vocabulary);
        var weights = ClaimAligner.TermWeights(sentences, vocabulary.Count);
        var fire = vocabulary[StorySentences.Root(LanguageStemmer.For("en").Stem("fires"))];
        Assert.Contains(fire, sentences[0].Terms);
        Assert.True(weights[fire] > 0);
    }

    // Across languages such a word still crosses as its concept, where a dictionary translation keeps few of two reports'
    // words: "binnen een uur" meets "innerhalb einer Stunde".
    [Fact]
    public void ADutchClosedClassWord_StillCrossesAsItsConcept()
    {
        var nl = Article("a", "Brabants Dagblad", "Uit de dierentuin van Hilvarenbeek zijn vier wolven ontsnapt. Twee van de dieren werden binnen een uur gevangen.", "2025-04-02");
        var de = Article("b", "Aachener Blatt", "Aus einem Zoo in Hilvarenbeek sind vier Wölfe entkommen. Zwei der Tiere wurden innerhalb einer Stunde eingefangen.", "2025-04-02");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = StorySentences.Build([nl, de], vocabulary);
        var names = vocabulary.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var dutch = sentences.Single(s => s.ArticleIndex == 0 && nl.Text[s.Span.Start..s.Span.End].Contains("binnen", StringComparison.Ordinal));
        var german = sentences.Single(s => s.ArticleIndex == 1 && de.Text[s.Span.Start..s.Span.End].Contains("innerhalb", StringComparison.Ordinal));
        var stem = LanguageStemmer.For("nl").Stem("binnen");
        var concepts = ConceptLexicon.Default.ConceptsOfWord("nl", "binnen", stem, out _).ToArray();
        Assert.NotEmpty(concepts);
        Assert.DoesNotContain(StorySentences.Root(stem), dutch.Terms.Select(t => names[t]));
        Assert.Contains(dutch.CrossTerms.Intersect(german.CrossTerms), t => concepts.Contains(names[t]));
    }

    // A figure in a unit that converts is matched on its value in the other unit, rounded as a source converting it
    // rounds: the reports align on it and do not conflict; a figure that differs after conversion still conflicts.
    [Theory]
    [InlineData("Op Vlieland werden zondag windstoten van 100 kilometer per uur gemeten.", "Gusts of 62 mph were recorded on Vlieland on Sunday.", false)]
    [InlineData("Op Vlieland werden zondag windstoten van 100 kilometer per uur gemeten.", "Gusts of 80 mph were recorded on Vlieland on Sunday.", true)]
    [InlineData("De file op de A2 bij Weert was 12 kilometer lang.", "De file op de A2 bij Weert was 12.000 meter lang.", false)]
    public void AFigureInAUnitThatConverts_MatchesItsValueInTheOther(string first, string second, bool conflict)
    {
        var a = Article("a", "Kustbode", first, "2024-12-02");
        var b = Article("b", second.StartsWith("Gusts", StringComparison.Ordinal) ? "North Sea News" : "Limburgs Dagblad", second, "2024-12-02");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Contains(comparison.Claims, c => c.Shared);
        Assert.Equal(conflict, comparison.Conflicts.Any());
    }

    [Theory]
    [InlineData(81.0, "mi/h", 130.0)]
    [InlineData(62.0, "mi/h", 100.0)]
    [InlineData(1.5, "h", 90.0)]
    [InlineData(0.3, "t", 300.0)]
    [InlineData(300.0, "g", 0.3)]
    [InlineData(12.0, "km", 12000.0)]
    [InlineData(130.0, "km/h", 130.0)]
    [InlineData(17.0, "passagiers", 17.0)]
    public void TermValues_AreConvertedAndRounded(double value, string unit, double expected)
        => Assert.Equal(expected, ConflictDetector.TermValue(new QuantityMention(0, 1, value, unit)));

    // Vague amounts meet by their order of magnitude: "dozens" starts at 24, "tientallen" and "Dutzende" are the words
    // each language uses for it.
    [Fact]
    public void VagueAmountsOfOneMagnitude_MeetAcrossLanguages()
    {
        var en = Article("en", "Harbour Times", "Tens of thousands of homes are still without power. Hundreds of trees fell. Thousands of people fled. Dozens of houses burned.", "2024-05-10");
        var de = Article("de", "Rheinbote", "Zehntausende Haushalte sind ohne Strom. Hunderte Bäume stürzten um. Tausende Menschen flohen. Dutzende Häuser brannten.", "2024-05-10");
        var nl = Article("nl", "Stadsblad", "Tienduizenden huishoudens zitten zonder stroom. Honderden bomen gingen tegen de vlakte. Duizenden mensen vluchtten. Tientallen huizen brandden.", "2024-05-10");
        var comparison = new StoryComparer().Compare([en, de, nl]);
        Assert.Contains(comparison.Claims, c => c.Sources == 3 && c.Sentences.Any(r => r.ArticleId == "nl" && nl.Text[r.Start..r.End].StartsWith("Tientallen", StringComparison.Ordinal)));
        Assert.Empty(comparison.Conflicts);
    }

    // Sitting in a vehicle, or a vehicle's occupants by their noun, is being on board, the weakest cue: the injured among
    // them stay injured, and sitting anywhere else is no role.
    [Theory]
    [InlineData("In de bus zaten 48 mensen.", "48", null, FigureRole.Aboard)]
    [InlineData("Im Reisebus saßen 48 Menschen.", "48", null, FigureRole.Aboard)]
    [InlineData("Some 48 people were sitting in the coach.", "48", null, FigureRole.Aboard)]
    [InlineData("De vijf inzittenden bleven ongedeerd.", "vijf", "inzittenden", FigureRole.Aboard)]
    [InlineData("Die 18 Insassen wurden verletzt.", "18", "insassen", FigureRole.Injured)]
    [InlineData("Drie mensen in de auto raakten gewond.", "Drie", null, FigureRole.Injured)]
    [InlineData("In de rechtszaal zaten 48 mensen.", "48", null, FigureRole.None)]
    [InlineData("Beim Umzug saßen 48 Menschen am Straßenrand.", "48", null, FigureRole.None)]
    public void SittingInAVehicle_IsBeingOnBoard(string sentence, string figure, string? unit, FigureRole expected)
    {
        var at = sentence.IndexOf(figure, StringComparison.Ordinal);
        Assert.Equal(expected, FigureRoles.RoleOf(sentence, 0, sentence.Length, at, at + figure.Length, unit));
    }

    // Separable verbs name a role by their finite verb when the particle closes the clause; a preposition of the same
    // spelling ("om 9 uur") does not.
    [Theory]
    [InlineData("De politie hield ruim 20 boeren aan.", "20", FigureRole.Arrested)]
    [InlineData("De agenten pakten gisteren drie jongens op.", "drie", FigureRole.Arrested)]
    [InlineData("Bij de brand kwamen vier bewoners om.", "vier", FigureRole.Dead)]
    [InlineData("Die Polizei nahm am Abend drei Männer fest.", "drei", FigureRole.Arrested)]
    [InlineData("Twee ministers komen om 9 uur aan.", "Twee", FigureRole.None)]
    [InlineData("De politie hield drie boeren aan de grens tegen.", "drie", FigureRole.None)]
    public void SeparableVerbs_NameTheRole_WhenTheirParticleClosesTheClause(string sentence, string figure, FigureRole expected)
    {
        var at = sentence.IndexOf(figure, StringComparison.Ordinal);
        Assert.Equal(expected, FigureRoles.RoleOf(sentence, 0, sentence.Length, at, at + figure.Length, null));
    }

    // Sentences reporting what two different persons said are two statements, whatever words they share.
    [Theory]
    [InlineData("Minister Van Dalen zei dinsdag de kritiek van Jansen op het stikstofplan niet te begrijpen.", "Kamerlid Jansen zei dinsdag de kritiek op het stikstofplan wel te begrijpen.", false)]
    [InlineData("Minister Van Dalen zei dinsdag de kritiek van Jansen op het stikstofplan niet te begrijpen.", "De kritiek van Jansen op het stikstofplan begrijpt minister Van Dalen dinsdag niet, zei hij.", true)]
    public void SentencesOfDifferentSpeakers_AreNoSharedClaim(string first, string second, bool shared)
    {
        var a = Article("a", "Haagse Post", "Het stikstofplan van het kabinet ligt onder vuur. " + first, "2024-06-11");
        var b = Article("b", "Binnenhof Nieuws", "Het stikstofplan van het kabinet ligt onder vuur. " + second, "2024-06-11");
        var claims = new StoryComparer().Compare([a, b]).Claims;
        Assert.Equal(shared, claims.Any(c => c.Shared && c.Text.Contains("begrij", StringComparison.Ordinal)));
    }

    // A part of the day carries a clock only as the start of its span: "'s nachts" and "in de vroege avond" are no clock times to compare.
    [Fact]
    public void PartsOfTheDay_AreNoClockTimes()
    {
        var a = Article("a", "Grensbode", "De explosie in het woonhuis in Keulen gebeurde zaterdag in de vroege avond.", "2024-11-02");
        var b = Article("b", "Rijnpost", "De explosie in het woonhuis in Keulen gebeurde zaterdag 's nachts.", "2024-11-02");
        Assert.DoesNotContain(new StoryComparer().Compare([a, b]).Conflicts, c => c.Kind == "time");
    }

    // Across languages a dictionary keeps few of two sentences' words, and sentences that disagree share no typed value:
    // the Dutch-German link (brandweer = Feuerwehr), the verb's infinitive (gealarmeerd, alarmiert) and the slot both
    // fill (a clock time) align them, so the disagreement is found.
    [Fact]
    public void ADutchAndAGermanSentence_ThatDisagreeOnTheHour_AreAlignedAndConflict()
    {
        var a = Article("a", "Oost Nieuws", "In Deventer is zaterdagochtend een grote brand uitgebroken in een loods. De brandweer werd om kwart over zeven gealarmeerd. Er raakte niemand gewond.", "2024-05-04");
        var b = Article("b", "Westfalen Blatt", "In Deventer ist am Samstagmorgen ein Großbrand in einer Lagerhalle ausgebrochen. Die Feuerwehr wurde um halb neun alarmiert. Die Ursache ist noch unklar.", "2024-05-04");
        var comparison = new StoryComparer().Compare([a, b]);
        var hour = a.Text.IndexOf("De brandweer", StringComparison.Ordinal);
        Assert.Contains(comparison.Claims, c => c.Sentences.Count == 2 && c.Sentences.Any(s => s.ArticleId == "a" && s.Start == hour));
        Assert.Contains(comparison.Conflicts, c => c.Kind == "time");
    }

    // The sets written in three languages, dev and held-out halves alike, as floors at their measured figures: shared
    // claims found, conflicts found, and at most one false of either (docs/comparison.md has the figures and how each half was
    // used). A regression in alignment across languages shows here first.
    [Theory]
    [InlineData("xl-planted-dev.txt", 43, 7)]
    [InlineData("xl-planted-dev2.txt", 40, 9)]
    [InlineData("xl-planted-dev3.txt", 28, 5)]
    [InlineData("xl-planted-dev4.txt", 37, 9)]
    [InlineData("xl-planted-dev5.txt", 30, 8)]
    [InlineData("xl-planted-dev6.txt", 30, 9)]
    [InlineData("xl-reported-dev.txt", 32, 6)]
    [InlineData("xl-planted-dev7.txt", 42, 8)]
    [InlineData("xl-conflicts-dev.txt", 12, 3)]
    [InlineData("xl-planted-test.txt", 46, 7)]
    // 35 and 7 until analyser 42: "120 km/h" is a speed (it was "120 km", and missed its conflict with "80 kilometer per
    // uur"); the German quake sentence reads "einer Stärke von 3,1" as a magnitude (it counted "gebebt").
    // 36 until analyser 50: "Minister Van Dalen, 54, called it…" is an age (the set's age sentences then align).
    [InlineData("xl-planted-test2.txt", 37, 9)]
    // 39 and 8 until analyser 57: "Die Produktion soll am 28. Juni eingestellt werden" was split after "28."; the day
    // of "woensdagavond om 22 uur" was not compared with "Thursday evening at 10pm".
    // 41 until the report words of the twenty-fifth session ("schließt sein Werk", "sluit zijn fabriek").
    [InlineData("xl-planted-test3.txt", 43, 10)]
    [InlineData("xl-planted-test4.txt", 40, 6)]
    [InlineData("xl-reported-test.txt", 35, 6)]
    [InlineData("xl-conflicts-test.txt", 16, 1)]
    // 48 and 8 at its first run (4286344): "up to" peaks, "anderen" and "lichtgewond" came after.
    [InlineData("xl-planted-test5.txt", 50, 9)]
    public void SetsInThreeLanguages_KeepTheirSharedClaimsAndConflicts(string file, int sharedFound, int conflictsFound)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "eval", "comparison", file);
        var (stories, errors) = ComparisonFixture.Parse(path, File.ReadAllLines(path));
        Assert.Empty(errors);
        var scores = ComparisonEvaluation.Evaluate(stories, Analyzer, new StoryComparer());
        foreach (var mistake in scores.Mistakes)
        {
            output.WriteLine(mistake);
        }

        Assert.True(scores.Shared.TruePositives >= sharedFound && scores.Shared.TruePositives + 1 >= scores.Shared.Predicted, $"shared {scores.Shared.TruePositives} of {scores.Shared.Gold}, {scores.Shared.Predicted} predicted");
        Assert.True(scores.Conflicts.TruePositives >= conflictsFound && scores.Conflicts.TruePositives + 1 >= scores.Conflicts.Predicted, $"conflicts {scores.Conflicts.TruePositives} of {scores.Conflicts.Predicted} predicted");
    }

    // One clock time per source, in sentences that share a word or (across languages) a concept, compared even unaligned.
    [Theory]
    [InlineData("De brand in de fabriekshal werd om tien over half twee 's nachts ontdekt.", "de", "Das Feuer in der Fabrikhalle wurde um Viertel nach zwei in der Nacht entdeckt.", true)]
    [InlineData("De brand in de fabriekshal werd om tien over half twee 's nachts ontdekt.", "de", "Das Feuer in der Fabrikhalle wurde um zwanzig vor zwei in der Nacht entdeckt.", false)]
    [InlineData("De brand werd om tien over half twee 's nachts ontdekt.", "nl", "Om kwart over twee opende het stadhuis zijn deuren.", false)]
    // Two sentences that each say when it happened, in other words ("gebeurde" / "ging mis", "ereignete sich",
    // "took place"), name one moment; a fire breaking out and a fire under control are two.
    [InlineData("Het gebeurde om tien over half twee 's nachts.", "nl", "Volgens de politie ging het rond kwart over drie 's nachts mis.", true)]
    [InlineData("Het gebeurde om tien over half twee 's nachts.", "de", "Nach Angaben der Polizei ereignete sich das Ganze gegen Viertel nach drei.", true)]
    [InlineData("De brand brak om tien over half twee 's nachts uit.", "nl", "Om kwart over drie was het vuur onder controle.", false)]
    [InlineData("De explosie vond om tien over half twee 's nachts plaats.", "nl", "Volgens de politie ging het rond kwart over drie 's nachts mis.", true)]
    public void OneClockTimePerSource_MeetsTheOtherSources_WhenTheirSentencesShareAWord(string first, string lang, string second, bool conflict)
    {
        var a = Article("a", "Limburgs Nieuws", "Een grote brand heeft zaterdag een fabriekshal in Aken verwoest. " + first, "2024-12-07");
        var b = Article("b", "Grenspost", (lang == "de" ? "Ein Großbrand hat am Samstag eine Fabrikhalle in Aachen zerstört. " : "Een grote brand heeft zaterdag een fabriekshal in Aken verwoest. ") + second, "2024-12-07");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "time"));
    }

    // A source that gives several clock times (when it began, when it was over) still dates the event once: its sentence
    // that says when it happened or began meets the other source's, however each words it. Starting to do something
    // ("begon met blussen", "began fighting") is no event beginning.
    [Theory]
    [InlineData("nl", "De storing begon om kwart over zes.", "Volgens de netbeheerder ging het om tien voor zes mis.", true)]
    [InlineData("nl", "De storing begon om kwart over zes.", "Volgens de netbeheerder ging het om tien over zes mis.", false)]
    [InlineData("nl", "De storing begon om kwart over zes.", "Om tien voor zes belde de eerste klant de netbeheerder.", false)]
    [InlineData("nl", "Het vuur brak om kwart over zes uit.", "Om kwart voor zeven begon de brandweer met blussen.", false)]
    [InlineData("nl", "Het vuur brak om kwart over zes uit.", "Het vuur ontstond volgens de brandweer om tien voor zes.", true)]
    [InlineData("en", "The outage began at a quarter past six.", "It happened at ten to six, the operator said.", true)]
    [InlineData("en", "The fire broke out at a quarter past six.", "Firefighters began to pump water at a quarter to seven.", false)]
    [InlineData("de", "Die Störung begann um Viertel nach sechs.", "Nach Angaben des Netzbetreibers passierte es um zehn vor sechs.", true)]
    // A failure or a collapse is the event: "viel … uit", "fiel … aus", "went out".
    [InlineData("nl", "De storing begon om kwart over zes.", "Om tien voor zes viel de stroom in de hele wijk uit.", true)]
    [InlineData("de", "Die Störung begann um Viertel nach sechs.", "Um zehn vor sechs fiel im ganzen Viertel der Strom aus.", true)]
    [InlineData("en", "The outage began at a quarter past six.", "The power went out at ten to six across the district.", true)]
    public void ASourceWithSeveralClockTimes_DatesTheEventByTheSentenceSayingWhenItHappened(string lang, string first, string second, bool conflict)
    {
        var (lead, later) = lang switch
        {
            "en" => ("Thousands of homes in Leeds were left without power on Thursday morning. ", " Power was back everywhere by nine o'clock."),
            "de" => ("Tausende Haushalte in Leeuwarden waren am Donnerstagmorgen ohne Strom. ", " Gegen neun Uhr war der Strom überall wieder da."),
            _ => ("Donderdagochtend zaten duizenden huishoudens in Leeuwarden zonder stroom. ", " Rond negen uur was de stroom overal hersteld."),
        };
        var a = Article("a", "Leeuwarder Bode", lead + first + later, "2024-11-21");
        var b = Article("b", "Noordelijk Dagblad", lead + second + later, "2024-11-21");
        Assert.Equal(lang, b.Analyzed.Lang);
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "time"));
    }

    // English keeps the particle beside its verb: "took place at …" says when it happened, as "happened at …" does.
    [Theory]
    [InlineData("The collapse took place at a quarter past three.", true)]
    [InlineData("The roof was cleared at a quarter past three.", false)]
    public void EnglishSentencesThatEachSayWhenItHappened_DateOneMoment(string second, bool conflict)
    {
        var a = Article("a", "Yorkshire Post", "A warehouse roof fell in at Leeds on Saturday. It happened at ten past two, police said.", "2024-12-07");
        var b = Article("b", "Northern Echo", "A warehouse roof fell in at Leeds on Saturday. " + second, "2024-12-07");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "time"));
    }

    // One night told three ways: "zaterdagnacht", "in de nacht van zaterdag op zondag", "in der Nacht zum Sonntag". The
    // second day of a bounded night is no day of its own that another source's night contradicts.
    [Fact]
    public void OneNight_ToldAsItsEveningOrBetweenTwoDays_IsNoDateConflict()
    {
        var a = Article("a", "Maasbode", "Een grote brand heeft zaterdagnacht een schuur in Venlo verwoest. De brandweer was urenlang bezig met blussen.", "2024-06-10");
        var b = Article("b", "Limburger Dagblad", "Een grote brand heeft in de nacht van zaterdag op zondag een schuur in Venlo verwoest. De brandweer was urenlang bezig met blussen.", "2024-06-10");
        var c = Article("c", "Rheinpost", "Ein Großfeuer hat in der Nacht zum Sonntag eine Scheune in Venlo zerstört. Die Feuerwehr war stundenlang mit Löscharbeiten beschäftigt.", "2024-06-10");
        Assert.DoesNotContain(new StoryComparer().Compare([a, b, c]).Conflicts, x => x.Kind is "date" or "weekday");
    }

    // A day given with its hour ("woensdagavond om 22 uur", "on Thursday evening at 10pm") is a date as well as a clock
    // time: two sources that agree on the hour and not on the day disagree on the date.
    [Theory]
    [InlineData("nl", "De staking begint woensdagavond om 22 uur, melden de bonden.", "nl", "De staking begint donderdagavond om 22 uur, melden de bonden.", true)]
    [InlineData("nl", "De staking begint woensdagavond om 22 uur, melden de bonden.", "nl", "De staking begint woensdag om 22.00 uur, melden de bonden.", false)]
    [InlineData("nl", "De staking begint woensdagavond om 22 uur, melden de bonden.", "en", "The strike starts on Thursday evening at 10pm, the unions said.", true)]
    [InlineData("nl", "De staking begint op 20 november om 22 uur, melden de bonden.", "de", "Der Streik beginnt am 21. November um 22 Uhr, teilten die Gewerkschaften mit.", true)]
    [InlineData("nl", "De staking begint op 20 november om 22 uur, melden de bonden.", "de", "Der Streik beginnt am 20. November um 22 Uhr, teilten die Gewerkschaften mit.", false)]
    public void ADayWithItsHour_ConflictsWithAnotherDay(string langA, string first, string langB, string second, bool conflict)
    {
        var a = Article("a", "Antwerpse Avondpost", "De Belgische spoorbonden leggen het werk neer. " + first, "2024-11-18");
        var lead = langB switch { "en" => "Belgian rail unions will walk out. ", "de" => "Die belgischen Bahngewerkschaften legen die Arbeit nieder. ", _ => "De Belgische spoorbonden leggen het werk neer. " };
        var b = Article("b", "Brussels Morning", lead + second, "2024-11-18");
        Assert.Equal((langA, langB), (a.Analyzed.Lang, b.Analyzed.Lang));
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind is "date" or "weekday"));
    }

    // Two sentences that say the same thing date one past fact: written out to the day, before the story began (one of
    // them more than a week before), they conflict when the days differ; a month against a day says nothing.
    [Theory]
    [InlineData("De aanval vond plaats op 3 maart, maar werd pas dagen later bekendgemaakt.", "The attack took place on 4 March but was only made public days later.", true)]
    [InlineData("De aanval vond plaats op 3 maart, maar werd pas dagen later bekendgemaakt.", "The attack took place on 3 March but was only made public days later.", false)]
    [InlineData("De aanval vond plaats in februari, maar werd pas weken later bekendgemaakt.", "The attack took place on 4 March but was only made public days later.", false)]
    public void TwoPastDatesOfOneFact_ConflictWhenWrittenToTheSamePrecision(string dutch, string english, bool conflict)
    {
        var a = Article("a", "Zorgvisie Vandaag", "Het Ziekenhuis Rivierenland in Tiel is getroffen door een cyberaanval. " + dutch, "2026-03-11");
        var b = Article("b", "Cyber Security Digest", "Rivierenland Hospital in Tiel, the Netherlands, has been hit by a cyber attack. " + english, "2026-03-11");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "date"));
    }

    // A date given as a bound ("nog voor 1 oktober", "na 1 oktober", "before 1 October", "vor dem 1. Oktober") holds every
    // day on its side: a source's day within the bound is no conflict, a day beyond it is.
    [Theory]
    [InlineData("nl", "Het kabinet neemt nog voor 1 oktober een besluit over de nieuwe pensioenwet, zei minister Jansen.", "Het kabinet neemt op 15 september een besluit over de nieuwe pensioenwet, zei minister Jansen.", false)]
    [InlineData("nl", "Het kabinet neemt na 1 oktober een besluit over de nieuwe pensioenwet, zei minister Jansen.", "Het kabinet neemt op 15 september een besluit over de nieuwe pensioenwet, zei minister Jansen.", true)]
    [InlineData("en", "The cabinet will decide on the new pension law before 1 October, minister Jansen said.", "The cabinet will decide on the new pension law on 15 September, minister Jansen said.", false)]
    [InlineData("de", "Die Stadt Köln entscheidet vor dem 1. Oktober über die Sperrung der Straße, teilte ein Sprecher mit.", "Die Stadt Köln entscheidet am 15. September über die Sperrung der Straße, teilte ein Sprecher mit.", false)]
    [InlineData("nl", "Het contract van de spits loopt tot 2029, meldt de club uit Eindhoven.", "Het contract van de spits loopt tot 2028, meldt de club uit Eindhoven.", true)]
    // A bound on a clock time bounds the hour, not the day: "kort na middernacht op 19 april" is 19 April.
    [InlineData("nl", "De bom bij het politiebureau in Tiel ontplofte op 19 april kort na middernacht, meldt de politie.", "De bom bij het politiebureau in Tiel ontplofte op 20 april kort na middernacht, meldt de politie.", true)]
    [InlineData("nl", "De bom bij het politiebureau in Tiel ontplofte op 19 april kort na middernacht, meldt de politie.", "De bom bij het politiebureau in Tiel ontplofte op 19 april om half een 's nachts, meldt de politie.", false)]
    public void ADateGivenAsABound_ConflictsOnlyBeyondIt(string lang, string first, string second, bool conflict)
    {
        var a = Article("a", "Haagse Bode", first, "2024-06-12");
        var b = Article("b", "Residentie Post", second, "2024-06-12");
        Assert.Equal(lang, a.Analyzed.Lang);
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "date"));
    }

    [Theory]
    [InlineData("Nederland", "Den Haag", false)]
    [InlineData("Engeland", "Londen", false)]
    [InlineData("Utrecht", "Amersfoort", true)]
    [InlineData("Duitsland", "België", true)]
    public void Places_Conflict_OnlyAtOneLevel(string first, string second, bool conflict)
    {
        var a = Article("a", "Middenland Nieuws", $"De politie heeft dinsdag in {first} een 59-jarige man aangehouden voor een reeks overvallen op juweliers.", "2024-02-08");
        var b = Article("b", "Eemlander Post", $"De politie heeft dinsdag in {second} een 59-jarige man aangehouden voor een reeks overvallen op juweliers.", "2024-02-08");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "place"));
    }

    [Theory]
    [InlineData("03.15", "04.30", true)]
    [InlineData("03.15", "03.25", false)]
    public void ClockTimes_Conflict_WhenMoreThanAQuarterApart(string first, string second, bool conflict)
    {
        var a = Article("a", "Grensbode", $"De explosie in het woonhuis in Keulen gebeurde zaterdag om {first} uur.", "2024-11-02");
        var b = Article("b", "Rijnpost", $"De explosie in het woonhuis in Keulen gebeurde zaterdag om {second} uur.", "2024-11-02");
        var conflicts = new StoryComparer().Compare([a, b]).Conflicts;
        Assert.Equal(conflict, conflicts.Any(c => c.Kind == "time"));
    }

    // A clock time in words with no part of the day may be the afternoon ("om kwart voor vijf" is 16.45 uur as well as
    // 04.45): it is compared in both readings and shown in the one nearer the other source's; a part of the day settles it.
    [Theory]
    [InlineData("om kwart voor vijf", "om 16.45 uur", null)]
    [InlineData("om kwart voor vijf", "om 04.45 uur", null)]
    [InlineData("om half vier", "om 16.45 uur", "15:30")]
    [InlineData("om kwart voor vijf 's ochtends", "om 16.45 uur", "04:45")]
    [InlineData("om half vier 's middags", "om 03.30 uur", "15:30")]
    public void AClockTimeInWordsWithoutAPartOfTheDay_IsReadInBothHalves(string first, string second, string? shown)
    {
        var a = Article("a", "Grensbode", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {first}.", "2024-11-02");
        var b = Article("b", "Rijnpost", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {second}.", "2024-11-02");
        var times = new StoryComparer().Compare([a, b]).Conflicts.Where(c => c.Kind == "time").ToList();
        if (shown is null)
        {
            Assert.Empty(times);
        }
        else
        {
            Assert.Equal(shown, Assert.Single(times).Values.Single(v => v.ArticleId == "a").Value);
        }
    }

    // Across languages two sentences that each count a thing share a slot, as two clock times do: the dictionary does not
    // link every noun ("kippen", "chickens"), and reports that disagree on the count share nothing else typed. A name and
    // a count alone align nothing: the count of a town's residents is no count of its culled hens.
    [Theory]
    [InlineData("Some 36,000 chickens are being culled at a poultry farm in Barneveld after an outbreak of bird flu.", true)]
    [InlineData("Barneveld has some 60,000 residents.", false)]
    public void CountsOfAThing_InTwoLanguages_ShareASlot(string english, bool conflict)
    {
        var a = Article("a", "Boerderij Vandaag", "Op een pluimveebedrijf in Barneveld worden 48.000 kippen geruimd vanwege vogelgriep. Het is de derde besmetting in de regio dit jaar.", "2024-11-12");
        var b = Article("b", "Farming Europe", english + " The Dutch government has ordered all poultry to be kept indoors.", "2024-11-12");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // Units of one dimension compare in one: kilos against tonnes, metres against kilometres.
    [Theory]
    [InlineData("800 kilo", "1,2 ton", true)]
    [InlineData("1200 kilo", "1,2 ton", false)]
    [InlineData("1,5 ton", "1500 kilo", false)]
    public void FiguresInUnitsOfOneDimension_CompareInOne(string first, string second, bool conflict)
    {
        var a = Article("a", "Gelderlander Oost", $"De politie heeft maandag in Doetinchem {first} illegaal vuurwerk in beslag genomen.", "2024-12-30");
        var b = Article("b", "Achterhoek Nu", $"In Doetinchem heeft de politie maandag {second} illegaal vuurwerk in beslag genomen.", "2024-12-30");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // Two aligned sentences whose other figures all meet: the one count left on each side is one slot, however each
    // language names what it counts ("zeven bouwvakkers" / "neun Bauarbeiter"). Not when either side has two counts left.
    [Theory]
    [InlineData("Beim Einsturz eines Parkhauses in Lüttich sind neun Bauarbeiter unter zwanzig Metern Schutt eingeschlossen.", true)]
    [InlineData("Beim Einsturz eines Parkhauses in Lüttich sind sieben Bauarbeiter unter zwanzig Metern Schutt eingeschlossen.", false)]
    [InlineData("Beim Einsturz eines Parkhauses in Lüttich sind neun Bauarbeiter und 40 Helfer unter zwanzig Metern Schutt.", false)]
    public void TheOneCountLeftOver_WhenAllOtherFiguresMeet_IsOneSlot(string second, bool conflict)
    {
        var a = Article("a", "Maaspost", "Bij de instorting van een parkeergarage in Luik zitten zeven bouwvakkers vast onder twintig meter puin.", "2024-10-08");
        var b = Article("b", "Aachener Blatt", second, "2024-10-08");
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal(conflict, comparison.Conflicts.Any(c => c.Kind == "number"));
    }

    // Two figures of one slot on each side: the ones that agree pair off, the two left meet ("een man van 24 en een man
    // van 31" / "24 und 35 Jahre alt"). Two left on a side that could each meet the other's are still none.
    [Theory]
    [InlineData("Die beiden Täter, 24 und 35 Jahre alt, flüchteten auf einem Roller.", true)]
    [InlineData("Die beiden Täter, 24 und 31 Jahre alt, flüchteten auf einem Roller.", false)]
    [InlineData("Die beiden Täter, 26 und 35 Jahre alt, flüchteten auf einem Roller.", false)]
    public void TwoFiguresOfOneSlotOnEachSide_PairOffByValue(string second, bool conflict)
    {
        var a = Article("a", "Limburgse Post", "Bij een overval op een juwelier in Venlo is maandag goud buitgemaakt. De twee daders, een man van 24 en een man van 31, vluchtten op een scooter.", "2024-10-08");
        var b = Article("b", "Niederrhein Blatt", "Bei einem Überfall auf einen Juwelier in Venlo wurde am Montag Gold erbeutet. " + second, "2024-10-08");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // A figure given as an earlier report ("Aanvankelijk werd gesproken van zes doden", "Six deaths were initially
    // reported") is one its source has left behind: no conflict with another source's figure.
    [Theory]
    [InlineData("Aanvankelijk werd gesproken van zes doden bij de brand in de fabriek.", false)]
    [InlineData("Volgens de brandweer vielen zes doden bij de brand in de fabriek.", true)]
    public void AFigureGivenAsAnEarlierReport_ConflictsWithNoOtherSource(string first, bool conflict)
    {
        var a = Article("a", "Twentse Koerier", "In een fabriek in Hengelo is maandag brand uitgebroken. " + first, "2024-10-07");
        var b = Article("b", "Oost Nieuws", "In een fabriek in Hengelo is maandag brand uitgebroken. Bij de brand in de fabriek vielen acht doden.", "2024-10-07");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // A figure that two sources give differently on one day and one gave the day before is one conflict, not also a
    // development from the first day's figure.
    [Fact]
    public void ADevelopmentWhoseFiguresStandInAConflict_IsShownOnceAsTheConflict()
    {
        var a = Article("a", "Bron Een", "Bij een aardbeving in het oosten van Turkije zijn maandag doden gevallen. De beving had een kracht van 6,1.", "2024-06-10");
        var b = Article("b", "Bron Twee", "Bij de aardbeving in het oosten van Turkije vielen tientallen doden. De beving had een kracht van 6,1.", "2024-06-11");
        var c = Article("c", "Quelle Drei", "Bei dem Erdbeben im Osten der Türkei gab es Dutzende Tote. Das Beben hatte eine Stärke von 6,4.", "2024-06-11");
        var comparison = new StoryComparer().Compare([a, b, c]);
        Assert.Single(comparison.Conflicts, k => k.Kind == "number");
        Assert.Empty(comparison.Updates);
    }

    // A length of time up to the report ("al 100 dagen in het ziekenhuis", "al tien jaar aan de macht") is a slot by the
    // words around it, and grows only as the days between the reports pass: more than that is a disagreement.
    [Theory]
    [InlineData("De premier is al tien jaar aan de macht in Hongarije.", "2024-04-09", "De premier, al dertien jaar aan de macht in Hongarije, wil winnen.", "2024-04-10", "number")]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "De oude man ligt inmiddels al 106 dagen in het ziekenhuis van Almelo.", "2024-04-04", "update")]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "De oude man ligt inmiddels al 130 dagen in het ziekenhuis van Almelo.", "2024-03-27", "number")]
    public void ALengthOfTimeUpToTheReport_GrowsOnlyWithTheDaysBetween(string first, string firstDay, string second, string secondDay, string expected)
    {
        var a = Article("a", "Dagblad Oost", "Nieuws uit de regio. " + first, firstDay);
        var b = Article("b", "Tubantia Zuid", "Nieuws uit de regio. " + second, secondDay);
        Assert.Equal([expected], Raised(new StoryComparer().Compare([a, b])));
    }

    // A length of time a later report gives as over or as it stands, without "al" ("de man die 105 dagen in het
    // ziekenhuis lag", "after 15 days in captivity"), meets the length an earlier report said was running up to its day:
    // it is at least that, and at most that plus the days between. Two lengths neither of which runs up to its report
    // stay apart (a year of one thing and a year of another are common in unrelated articles).
    [Theory]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "De oude man die 105 dagen in het ziekenhuis van Almelo lag, is blij.", "2024-04-04", "update")]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "De oude man die 80 dagen in het ziekenhuis van Almelo lag, is blij.", "2024-04-04", "number")]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "De oude man die 150 dagen in het ziekenhuis van Almelo lag, is blij.", "2024-04-04", "number")]
    [InlineData("Die Geiseln sind seit zwölf Tagen in der Gewalt der Entführer in Mali.", "2024-05-02", "Nach 15 Tagen in der Gewalt der Entführer in Mali sind die Geiseln frei.", "2024-05-05", "update")]
    [InlineData("The workers at the Leeds plant have already been on strike for 30 days.", "2024-06-01", "The strike at the Leeds plant ended after 20 days on strike.", "2024-06-05", "number")]
    public void ALengthOfTimeOverByALaterReport_MeetsTheLengthRunningAtAnEarlierOne(string first, string firstDay, string second, string secondDay, string expected)
    {
        var a = Article("a", "Dagblad Oost", "Nieuws uit de regio. " + first, firstDay);
        var b = Article("b", "Tubantia Zuid", "Nieuws uit de regio. " + second, secondDay);
        var comparison = new StoryComparer().Compare([a, b]);
        Assert.Equal([expected], Raised(comparison));
        Assert.All(comparison.Updates.Select(u => u.What).Concat(comparison.Conflicts.Select(c => c.What)), w => Assert.Equal("duration in days", w));
    }

    // A date of a past fact (built, founded, opened) lies before the story, so it never meets the event's dates; one
    // source's against another's of the same fact does meet, aligned or not.
    [Theory]
    [InlineData("De flat werd in 1972 gebouwd.", "Das Haus war 1974 errichtet worden.", true)]
    [InlineData("De flat werd in 1972 gebouwd.", "Das Haus war 1972 errichtet worden.", false)]
    [InlineData("De voetbalclub werd in 1912 opgericht.", "The club was founded in 1921.", true)]
    [InlineData("De school werd in 1972 gebouwd, de sporthal in 1980.", "Das Haus war 1975 errichtet worden.", false)]
    [InlineData("De flat werd in 1972 gebouwd.", "Das Haus wurde 1974 renoviert.", false)]
    public void TheDateOfAPastFact_MeetsAnotherSourcesDateOfIt(string first, string second, bool conflict)
    {
        var a = Article("a", "Waalse Koerier", "Bij een gasexplosie in een flatgebouw in Luik zijn woensdagavond vier mensen om het leven gekomen. " + first, "2025-03-06");
        var b = Article("b", "Rheinland Echo", "Bei einer Gasexplosion in einem Wohnhaus in Lüttich sind am Mittwochabend vier Menschen ums Leben gekommen. " + second, "2025-03-06");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "date"));
    }

    // A body of people counted after "of/van/von" ("a crew of 25", "een bemanning van 21") counts what its members are
    // counted as in another language ("22 Besatzungsmitglieder", "19 crew members").
    [Theory]
    [InlineData("Ein Containerschiff ist am Dienstagabend auf der Elbe bei Stade auf Grund gelaufen. Das Schiff hat 22 Besatzungsmitglieder.", "The vessel has a crew of 25.", true)]
    [InlineData("Een containerschip is dinsdagavond op de Elbe bij Stade vastgelopen. Het schip heeft een bemanning van 21.", "The vessel has a crew of 19.", true)]
    [InlineData("Een containerschip is dinsdagavond op de Elbe bij Stade vastgelopen. Het schip heeft een bemanning van 21.", "The vessel has a crew of 21.", false)]
    public void ABodyOfPeopleCountedAfterOf_MeetsACountOfItsMembers(string first, string second, bool conflict)
    {
        var a = Article("a", "Hafenblatt", first, "2025-12-03");
        var b = Article("b", "Maritime Daily", "A container ship ran aground on the river Elbe near Stade on Tuesday evening. " + second, "2025-12-03");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "number"));
    }

    // Two figures of one article with one value in two roles (two dead, two rescued) are two figures: each meets the
    // other source's figure of its own role, as two disagreements, not one of three values.
    [Fact]
    public void OneValueInTwoRolesOfOneArticle_MakesTwoDisagreements()
    {
        var a = Article("a", "Tiroler Bote", "Eine Lawine hat am Sonntag im Ötztal vier Skitourengeher verschüttet. Zwei von ihnen konnten nur noch tot geborgen werden. Zwei wurden lebend gerettet.", "2025-02-16");
        var b = Article("b", "Alpine Courier", "An avalanche buried four ski tourers in the Ötztal valley on Sunday. Three of them were found dead. One was rescued alive.", "2025-02-16");
        var conflicts = new StoryComparer().Compare([a, b]).Conflicts;
        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, c => Assert.Equal(2, c.Values.Count));
    }

    // An age grows by a year a year: a later report's older age is an update only when the years between allow it.
    [Theory]
    [InlineData(43, "2025-01-09", "number")]
    [InlineData(35, "2026-03-01", "update")]
    public void AnAgeReportedLater_GrowsOnlyWithTheYears(int age, string secondDay, string expected)
    {
        var a = Article("a", "Utrechts Avondblad", "Een intercity is bij Houten tegen een tractor gebotst. De 34-jarige bestuurder van de tractor werd aangehouden.", "2025-01-08");
        var b = Article("b", "Rail Safety Journal", $"An intercity train hit a tractor near Houten. The tractor driver, {age}, was arrested.", secondDay);
        Assert.Equal([expected], Raised(new StoryComparer().Compare([a, b])));
    }

    // A length that is over in an earlier report says nothing of one running up to a later report: the stay may have begun
    // again. And a length running up to a report does not grow by rounding: "al 100 dagen" then "al 98 dagen" agree.
    [Theory]
    [InlineData("De oude man die 105 dagen in het ziekenhuis van Almelo lag, is blij.", "2024-03-26", "Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-04-04")]
    [InlineData("Een oude man ligt al 100 dagen in het ziekenhuis van Almelo.", "2024-03-26", "Een oude man ligt al 98 dagen in het ziekenhuis van Almelo.", "2024-04-04")]
    public void ALengthOverBeforeOrShorterByRounding_RaisesNothing(string first, string firstDay, string second, string secondDay)
    {
        var a = Article("a", "Dagblad Oost", "Nieuws uit de regio. " + first, firstDay);
        var b = Article("b", "Tubantia Zuid", "Nieuws uit de regio. " + second, secondDay);
        Assert.Empty(Raised(new StoryComparer().Compare([a, b])));
    }

    // "Around" a clock time is rounded to the quarter (±7.5 minutes), an exact one stands for ±5: two approximate times a
    // quarter apart may be one moment, an approximate time a quarter from an exact one is another account. Until the
    // twenty-fourth session "om half vier" and "om 03.20 uur" here were no conflict (approximate times met within 20
    // minutes of anything, exact ones within 15).
    [Theory]
    [InlineData("omstreeks kwart over drie", "rond kwart voor vier", true)]
    [InlineData("omstreeks kwart over drie", "om half vier", true)]
    [InlineData("omstreeks kwart over drie", "rond half vier", false)]
    [InlineData("rond drie uur", "om 03.20 uur", true)]
    [InlineData("rond drie uur", "om 03.05 uur", false)]
    [InlineData("om 02.30 uur", "om 02.45 uur", true)]
    [InlineData("om 02.30 uur", "om 02.35 uur", false)]
    public void ApproximateClockTimes_AreRoundedToTheQuarter(string first, string second, bool conflict)
    {
        var a = Article("a", "Grensbode", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {first}.", "2024-11-02");
        var b = Article("b", "Rijnpost", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {second}.", "2024-11-02");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "time"));
    }

    // "Shortly after" a clock time is no earlier time and not much later; "just before" the other way round.
    [Theory]
    [InlineData("kort na half drie", "om 2.15 uur", true)]
    [InlineData("kort na half drie", "om 2.40 uur", false)]
    [InlineData("kort na half drie", "om kwart over drie", true)]
    [InlineData("vlak voor middernacht", "om 23.50 uur", false)]
    [InlineData("vlak voor middernacht", "om tien over twaalf 's nachts", true)]
    [InlineData("kort na half drie", "rond kwart over twee", true)]
    [InlineData("kort na half drie", "rond half drie", false)]
    public void ClockTimesShortlyAfterOrBefore_AreBoundsOnOneSide(string first, string second, bool conflict)
    {
        var a = Article("a", "Grensbode", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {first}.", "2024-11-02");
        var b = Article("b", "Rijnpost", $"De explosie in het woonhuis in Keulen gebeurde zaterdag {second}.", "2024-11-02");
        Assert.Equal(conflict, new StoryComparer().Compare([a, b]).Conflicts.Any(c => c.Kind == "time"));
    }

    // Sources that give several clock times: the alarm meets the alarm (its sentences align), the tower agrees with the
    // tower, and an hour whose sentence shares nothing with the other source's meets none.
    [Theory]
    [InlineData("Die Feuerwehr wurde um Viertel vor vier alarmiert.", "03:15", "03:45")]
    [InlineData("Um Viertel vor vier kamen die ersten Schaulustigen.", null, null)]
    public void SeveralClockTimesPerSource_MeetByTheirSentences(string germanAlarm, string? first, string? second)
    {
        var a = Article("a", "Friese Post", "In de nacht van zaterdag op zondag is de kerk van Hindeloopen uitgebrand. Om kwart over drie ging bij de brandweer het alarm af. De toren stortte om vijf uur in.", "2024-02-25");
        var b = Article("b", "Ostfriesen Kurier", "In der Nacht zum Sonntag ist die Kirche von Hindeloopen ausgebrannt. " + germanAlarm + " Um fünf Uhr stürzte der Turm ein.", "2024-02-25");
        var times = new StoryComparer().Compare([a, b]).Conflicts.Where(c => c.Kind == "time").ToList();
        Assert.Equal(first is null ? [] : [[first, second!]], times.Select(c => c.Values.Select(v => v.Value).Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public void Fixture_BadLines_AreReportedWithTheirLineNumbers()
    {
        var (stories, errors) = ComparisonFixture.Parse("f.txt",
        [
            "=== story s",
            "--- article a | Outlet | 2024-13-01 | nl",
            "[x] Een zin.",
            "! colour: rood | blauw",
            "zomaar tekst",
        ]);
        Assert.Single(stories);
        Assert.Contains(errors, e => e.StartsWith("f.txt:2:", StringComparison.Ordinal) && e.Contains("month 13", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("f.txt:4:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("f.txt:5:", StringComparison.Ordinal));
    }

    // Ids key stories and articles in the evaluation (a grouped run refers to "story/article"): a repeated one, or a copy
    // of an article the story does not hold, is an error with its line, not a crash later.
    [Fact]
    public void Fixture_RepeatedIdsAndUnknownOriginals_AreReportedWithTheirLineNumbers()
    {
        var (_, errors) = ComparisonFixture.Parse("f.txt",
        [
            "=== story s",
            "--- article a | Outlet | 2024-03-01 | nl",
            "[x] Een zin.",
            "--- article a | Ander | 2024-03-01 | nl",
            "[x] Een zin.",
            "--- article b | Derde | 2024-03-01 | nl | copy of z",
            "[x] Een zin.",
            "=== story s",
            "--- article a | Outlet | 2024-03-01 | nl",
            "[x] Een zin.",
        ]);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("f.txt:4:", StringComparison.Ordinal) && e.Contains("named twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("f.txt:6:", StringComparison.Ordinal) && e.Contains("copy of z", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("f.txt:8:", StringComparison.Ordinal) && e.Contains("story 's'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(12, null, false, 14, null, false, false)] // "12 doden" vs "14 doden"
    [InlineData(130, null, true, 130, null, false, true)] // "ongeveer 130 km" vs "130 kilometer"
    [InlineData(130, null, true, 127, null, false, true)] // approximation covers 2%
    [InlineData(130, null, false, 127, null, false, true)] // a round number may be rounded
    [InlineData(12, null, false, 10, null, false, false)] // but not by 20%
    [InlineData(23, "more", false, 23.4, null, false, true)] // "ruim 23 procent" vs "23,4 procent"
    [InlineData(300, null, false, 500, null, false, false)]
    [InlineData(90, null, false, 80, null, false, false)] // 90 vs 80 wagons
    [InlineData(680e6, null, false, 744e6, null, false, false)] // "680 miljoen" vs "744 miljoen": not round at their written precision
    [InlineData(2.5e6, null, false, 2.48e6, null, false, true)] // "2,5 miljoen" may stand for 2.480.000
    [InlineData(300, null, false, 250, null, false, false)]
    [InlineData(3.5e9, null, false, 3.6e9, null, false, false)] // "3,5 miljard" and "3,6 miljard": no one figure rounds to both (a judged DPG conflict)
    [InlineData(3.5e9, null, false, 3.54e9, null, false, true)]
    [InlineData(23.8e9, null, false, 3.5e9, null, false, true)] // five times apart or more: about different things (exports to the US, cheese exports)
    [InlineData(15e6, null, false, 5e6, null, false, false)] // three times apart: a disagreement (15 vs 5 million trees)
    // An approximation of a figure written to its last unit covers a few of those units, not 10% of the figure: "about 54
    // million" and "naar schatting 45 miljoen" disagree, "about 54 million" and "56 million" do not; round figures keep 10%.
    [InlineData(54e6, null, true, 45e6, null, true, false)]
    [InlineData(54e6, null, true, 56e6, null, false, true)]
    [InlineData(54e6, null, true, 58e6, null, false, false)]
    [InlineData(47, null, true, 52, null, false, false)]
    [InlineData(450, null, true, 480, null, true, true)] // "rund 450 Arbeitsplätze", "ongeveer 480 banen"
    [InlineData(140, null, true, 150, null, false, true)]
    [InlineData(2000, null, true, 2180, null, false, true)]
    public void Numbers_ConflictOnlyBeyondRoundingAndApproximation(double a, string? qualifier, bool approximate, double b, string? qualifierB, bool approximateB, bool consistent)
    {
        var qa = new QuantityMention(0, 1, a, "doden", Approximate: approximate, Qualifier: FigureQualifiers.Parse(qualifier));
        var qb = new QuantityMention(0, 1, b, "doden", Approximate: approximateB, Qualifier: FigureQualifiers.Parse(qualifierB));
        Assert.Equal(consistent, ConflictDetector.Consistent(qa, qb));
        Assert.Equal(consistent, ConflictDetector.Consistent(qb, qa));
    }

    [Fact]
    public void Seeds_SharedAndUniqueClaims_TimelineAndNoConflicts()
    {
        var a000 = Seed(TestPaths.Seed000, "000");
        var a002 = Seed(TestPaths.Seed002, "002");
        var comparison = new StoryComparer().Compare([a000, a002]);
        foreach (var claim in comparison.Claims.Where(c => c.Shared))
        {
            output.WriteLine("shared: " + string.Join(" || ", claim.Sentences.Select(s => (s.ArticleId == "000" ? a000 : a002).Text[s.Start..s.End])));
        }

        string SentenceText(SentenceRef s) => (s.ArticleId == "000" ? a000 : a002).Text[s.Start..s.End];
        bool SharedClaimSays(params string[] words) => comparison.Claims.Any(c => c.Shared && words.All(w => c.Sentences.Any(s => SentenceText(s).Contains(w, StringComparison.Ordinal))));
        bool UniqueClaimSays(string article, string words) => comparison.Claims.Any(c => !c.Shared && c.Articles.SequenceEqual([article]) && c.Text.Contains(words, StringComparison.Ordinal));

        Assert.True(SharedClaimSays("bepantserde trein", "Vladivostok", "op weg naar Rusland"), "the armoured train to the meeting in Vladivostok is reported by both");
        Assert.True(UniqueClaimSays("002", "90 treinwagons"));
        Assert.True(UniqueClaimSays("002", "60 kilometer per uur"));
        Assert.True(UniqueClaimSays("000", "onderzeeërs"));
        Assert.True(UniqueClaimSays("000", "Sjojgoe bracht in juli een bezoek"));

        var timeline = comparison.Timeline.ToDictionary(e => e.Value);
        Assert.True(timeline["2019-02"].Background);
        Assert.True(timeline["2019"].Background);
        Assert.True(timeline["2023-07"].Background);
        Assert.False(timeline["2023-09-10/2023-09-13"].Background);
        Assert.Equal(comparison.Timeline.OrderBy(e => e.Start).ThenByDescending(e => e.End), comparison.Timeline);

        Assert.Empty(comparison.Conflicts);
        Assert.InRange(comparison.Summary.Count, 3, 5);
    }

    [Fact]
    public void Timeline_PlacesABareWeekdayByTense_AndMergesSources()
    {
        var past = Article("p", "Krant A", "Een goederentrein is dinsdag bij Meppel ontspoord. Het spoor zal woensdag weer open gaan.", "2024-05-16");
        var other = Article("q", "Krant B", "Bij Meppel is dinsdag een trein ontspoord.", "2024-05-16");
        var timeline = new StoryComparer().Compare([past, other]).Timeline;
        var tuesday = Assert.Single(timeline, e => e.Value == "2024-05-14");
        Assert.True(tuesday.ResolvedByTense);
        Assert.Equal(2, tuesday.Sources);
        Assert.Contains(timeline, e => e.Value == "2024-05-22");
    }

    [Fact]
    public void Conflicts_NameBothValuesAndSentences_AndIgnoreACopyOfTheSameSource()
    {
        var a = Article("a", "Krant A", "Bij het ongeluk op de A12 bij Woerden zijn zaterdag 12 doden gevallen.", "2024-05-18");
        var b = Article("b", "Krant B", "Het ongeluk op de A12 bij Woerden heeft zaterdag aan 14 doden het leven gekost.", "2024-05-18");
        var copy = Article("c", "Krant C", "Bij het ongeluk op de A12 bij Woerden zijn zaterdag 14 doden gevallen.", "2024-05-18", sourceGroup: "Krant A");
        var conflict = Assert.Single(new StoryComparer().Compare([a, b]).Conflicts);
        Assert.Equal("number", conflict.Kind);
        Assert.Equal(["12 doden", "14 doden"], conflict.Values.Select(v => v.Mention).Order(StringComparer.Ordinal));
        Assert.All(conflict.Values, v => Assert.Contains(v.Mention, (v.ArticleId == "a" ? a : b).Text[v.Sentence.Start..v.Sentence.End], StringComparison.Ordinal));

        // One outlet giving both numbers (here through a copy) is not two sources disagreeing.
        Assert.Empty(new StoryComparer().Compare([a, copy]).Conflicts);
    }

    // A sentence that lists many figures (a table, a line of results, a mangled text) states no one fact whose figure
    // another source could contradict; pairing every figure of two such sentences took minutes for one fuzzed story.
    [Fact]
    public void ASentenceListingManyFigures_PairsNone_AndAComparisonCanBeCancelled()
    {
        string[] things = ["auto's", "bussen", "treinen", "fietsen", "huizen", "bomen", "koeien", "schapen", "boten", "tractoren", "caravans", "schuren", "kassen"];
        string Listing(int buses) => "Bij de storm in Woerden raakten zaterdag beschadigd: " + string.Join(", ", things.Select((t, i) => $"{(t == "bussen" ? buses : i + 20)} {t}")) + ".";
        var a = Article("a", "Krant A", Listing(5), "2024-05-18");
        var b = Article("b", "Krant B", Listing(9), "2024-05-18");
        Assert.DoesNotContain(new StoryComparer().Compare([a, b]).Conflicts, c => c.Kind == "number");

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new StoryComparer().Compare([a, b], cancelled.Token));
    }

    [Theory]
    [InlineData(100, null, "vague", 135, null, null, true)]   // "honderden" against 135: a vague quantity is an interval, not a claim
    [InlineData(5, "zetels", null, 55, "zetels", null, true)] // an order of magnitude apart: one party's seats and the council's
    [InlineData(99.95, "%", null, 99, "%", null, true)]       // 99 procent is 99,95 rounded down
    [InlineData(300, "bomen", null, 500, "bomen", null, false)]
    [InlineData(4, null, null, 5, null, null, false)]
    [InlineData(200, "mensen", "more", 190, "mensen", null, false)]  // "ruim 200" is at least 200: 190 contradicts it
    [InlineData(200, "mensen", "more", 230, "mensen", null, true)]
    [InlineData(200, "mensen", "less", 205, "mensen", null, false)]  // "bijna 200" is under 200
    [InlineData(200, "EUR", "max", 50, "EUR", null, true)]           // "tot wel 200 euro" says nothing of how low
    [InlineData(200, "EUR", "max", 230, "EUR", null, false)]
    [InlineData(200, "EUR", "less", 50, "EUR", null, false)]          // "bijna 200" is not said of 50
    [InlineData(200, "mensen", "approx", 190, "mensen", null, true)] // "ongeveer 200" allows 10% either way
    [InlineData(600, "brandweerlieden", "more", 800, "feuerwehrleute", "more", true)] // two lower bounds: both true of 900
    [InlineData(600, "mensen", "min", 800, "mensen", "more", true)]
    [InlineData(50, "EUR", "less", 80, "EUR", "max", true)]          // two upper bounds: both true of 40
    // "Up to" a measured peak (gusts, snow, waves, heat) says how high it went: two peaks disagree as two values do. "Up
    // to" a sum or a count is a bound ("boetes tot 500 euro"), and two bounds meet below the smaller.
    [InlineData(140, "km/h", "max", 120, "km/h", "max", false)]      // "gusts of up to 140 km/h", "Böen von bis zu 120 km/h"
    [InlineData(40, "cm", "max", 25, "cm", "max", false)]            // "tot 40 centimeter sneeuw", "up to 25 cm of snow"
    [InlineData(38, "°C", "max", 38, "°C", "max", true)]
    [InlineData(200, "EUR", "max", 500, "EUR", "max", true)]
    [InlineData(600, "mensen", "more", 800, "mensen", "less", true)] // "ruim 600" and "bijna 800" meet at 750
    [InlineData(600, "mensen", "less", 800, "mensen", "more", false)] // "bijna 600" and "ruim 800" never meet
    [InlineData(23, "age", null, 22, "age", null, false)]            // "de 23-jarige", "der 22-Jährige"
    [InlineData(82, "age", null, 80, "age", null, false)]            // an age is not rounded: 80 is not 82
    [InlineData(80, "age", "approx", 82, "age", null, true)]         // "rond de 80"
    [InlineData(23, null, null, 22, null, null, false)]              // two counts one apart: rounding intervals only touch
    [InlineData(0, null, null, 0, null, null, true)]
    [InlineData(130, "km/h", null, 81, "mi/h", null, true)]          // "130 kilometer per uur", "81 mph"
    [InlineData(130, "km/h", null, 60, "mi/h", null, false)]         // 97 km/h
    [InlineData(2, "km", null, 1.2, "mi", null, true)]               // 1.93 km
    [InlineData(300, "m", null, 1000, "ft", null, true)]             // 305 m
    [InlineData(1e9, "USD", null, 1.07e9, "USD", null, true)]        // "a $1 billion deal", "a $1.07 billion merger"
    [InlineData(3e6, null, null, 3.2e6, null, null, true)]           // "3 miljoen", "3,2 miljoen": rounded to the scale word
    [InlineData(1e9, "USD", null, 1.2e9, "USD", null, false)]        // more than the scale word's rounding
    [InlineData(744e6, "EUR", null, 680e6, "EUR", null, false)]      // three digits: within the last one
    [InlineData(5e6, null, null, 15e6, null, null, false)]           // 5 vs 15 million trees
    public void Consistent_SkipsWhatIsNoContradiction(double a, string? unitA, string? qualifierA, double b, string? unitB, string? qualifierB, bool expected)
        => Assert.Equal(expected, Chorus.Core.Stories.Comparison.ConflictDetector.Consistent(
            new Chorus.Core.Extraction.Quantities.QuantityMention(0, 1, a, unitA, Approximate: qualifierA is not null, Qualifier: Chorus.Core.Extraction.Quantities.FigureQualifiers.Parse(qualifierA)),
            new Chorus.Core.Extraction.Quantities.QuantityMention(0, 1, b, unitB, Approximate: qualifierB is not null, Qualifier: Chorus.Core.Extraction.Quantities.FigureQualifiers.Parse(qualifierB))));

    [Theory]
    [InlineData("2024-03-12", "2024-03-13", false)] // 12 dead on Tuesday, 20 on Wednesday: the toll grew, an update
    [InlineData("2024-03-13", "2024-03-12", true)]  // 20 dead on Tuesday, 12 on Wednesday: a smaller figure later contradicts
    [InlineData("2024-03-12", "2024-03-12", true)]  // the same day: a contradiction
    public void AFigureThatGrewOnALaterDay_IsAnUpdate_NotAConflict(string dayOfTwelve, string dayOfTwenty, bool conflict)
    {
        var comparison = new StoryComparer().Compare(
        [
            Article("a", "Havenkrant", "Bij de grote brand in de loods in de Waalhaven in Rotterdam zijn 12 doden gevallen, meldt de brandweer.", dayOfTwelve),
            Article("b", "Dagblad Zuid", "Bij de grote brand in de loods in de Waalhaven in Rotterdam zijn 20 doden gevallen, meldt de brandweer.", dayOfTwenty),
        ]);
        Assert.Equal(conflict, comparison.Conflicts.Any(c => c.Kind == "number"));
    }

    /// <summary>
    /// A story of many one-line headlines, two of which give the length of a relationship differently: every headline
    /// repeats the names, so the two align on little more than their figure. Aligned at the threshold of a two-article
    /// story (the rise corrects for long articles offering many candidate sentences, which a headline does not).
    /// </summary>
    [Theory]
    [InlineData(40)]
    [InlineData(120)]
    public void ManyHeadlineArticles_StillAlignTwoThatDifferInAFigure(int outlets)
    {
        string[] wordings =
        [
            "Tessa Veldhorst marries Joris Brandt in surprise beach ceremony",
            "Singer Tessa Veldhorst weds Joris Brandt in Mexico",
            "Tessa Veldhorst secretly marries entrepreneur Joris Brandt",
            "Tessa Veldhorst and Joris Brandt tie the knot",
            "Former dancer Tessa Veldhorst is married",
        ];
        var articles = Enumerable.Range(0, outlets - 2)
            .Select(i => Article($"h{i}", $"Outlet {i}", wordings[i % wordings.Length], "2025-03-11"))
            .Append(Article("seven", "Daily Courier", "Tessa Veldhorst marries boyfriend of seven months Joris Brandt", "2025-03-11"))
            .Append(Article("six", "Evening Post", "Singer Tessa Veldhorst marries tech boyfriend of six months Joris Brandt", "2025-03-11"))
            .ToList();

        var comparison = new StoryComparer().Compare(articles);

        var conflict = Assert.Single(comparison.Conflicts);
        Assert.Equal(["seven", "six"], conflict.Values.Select(v => v.ArticleId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(2, 2, 0.2)]
    [InlineData(128, 128, 0.2)]       // one-line articles: no rise
    [InlineData(8, 16, 0.25)]         // two sentences an article: half the rise
    [InlineData(8, 24, 0.3)]          // three or more: the whole rise, 0.05 per doubling
    [InlineData(8, 160, 0.3)]
    public void TheThresholdRisesWithArticles_OnlyForArticlesOfSeveralSentences(int articles, int sentences, double expected)
        => Assert.Equal(expected, new ClaimAligner(StoryComparer.DefaultThreshold).ThresholdFor(articles, sentences), 6);

    /// <summary>
    /// One source giving a figure differently in two of its reports revised it: shown as a development of that source
    /// (a revision; an update when it grew over the days between), never as sources disagreeing. Reports of one source
    /// about different things (each naming something the other does not) are neither.
    /// </summary>
    [Theory]
    [InlineData("Virtu's single trading loss in five years is 'incredible', experts say.", "2014-03-11", "Virtu's single trading loss in four years is 'incredible', experts say.", "2014-03-11", "Revision")]
    [InlineData("Bij de brand in de loods in de Waalhaven zijn twaalf doden gevallen.", "2024-03-12", "Bij de brand in de loods in de Waalhaven zijn twintig doden gevallen.", "2024-03-13", "Update")]
    [InlineData("Bij de brand in de loods in de Waalhaven zijn twintig doden gevallen.", "2024-03-12", "Bij de brand in de loods in de Waalhaven zijn twaalf doden gevallen.", "2024-03-13", "Revision")]
    [InlineData("In Utrecht zijn vorig jaar driehonderd nieuwe woningen opgeleverd.", "2024-08-30", "In Arnhem zijn vorig jaar vijfhonderd nieuwe woningen opgeleverd.", "2024-08-30", null)]
    public void OneSourceGivingAFigureTwoWays_RevisedIt(string first, string firstDay, string second, string secondDay, string? expected)
    {
        var comparison = new StoryComparer().Compare(
        [
            Article("a", "Havenkrant", first, firstDay),
            Article("b", "Havenkrant", second, secondDay),
        ]);

        Assert.Empty(comparison.Conflicts);
        Assert.Equal(expected, comparison.Updates.SingleOrDefault()?.Kind.ToString());
        if (expected is not null)
        {
            Assert.Equal(["a", "b"], comparison.Updates[0].Values.Select(v => v.ArticleId));
        }
    }

    /// <summary>
    /// A conflict of three sources, two of which agree within their rounding, has two sides: the two together against the
    /// third, not three figures that all disagree.
    /// </summary>
    [Fact]
    public void AConflictsValues_StandOnSides_OfWhatWasFoundToAgree()
    {
        var comparison = new StoryComparer().Compare(
        [
            Article("a", "Banana Times", "Chiquita and Fyffes agreed on a merger worth $1.07 billion on Monday.", "2014-03-10"),
            Article("b", "Fruit Post", "Chiquita and Fyffes agreed on a merger worth $1 billion on Monday.", "2014-03-10"),
            Article("c", "Market Wire", "Chiquita and Fyffes agreed on a merger worth $1.5 billion on Monday.", "2014-03-10"),
        ]);

        var conflict = Assert.Single(comparison.Conflicts);
        var side = conflict.Values.Select((v, i) => (v.ArticleId, Side: conflict.Sides[i])).ToDictionary(x => x.ArticleId, x => x.Side);
        Assert.Equal(side["a"], side["b"]);
        Assert.NotEqual(side["a"], side["c"]);
        Assert.Equal([0, 0, 1], conflict.Sides);
    }
}

