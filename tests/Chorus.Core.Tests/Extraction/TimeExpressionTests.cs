using Chorus.Core.Extraction.Times;
using Chorus.Core.Text;
using Chorus.Core.Time;
using CsCheck;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Extraction;

public class TimeExpressionTests(ITestOutputHelper output)
{
    private static readonly TimeExpressionExtractor Extractor = new();

    private static List<(int, int, string)> Run(MarkedCase c)
    {
        PartialDate? anchor = c.Context == "-" ? null : PartialDate.Parse(c.Context).Value;
        return Extractor.Extract(c.Text, Tokenizer.Tokenize(c.Text), anchor, c.Lang).Select(t => (t.Start, t.End, t.Value ?? "null")).ToList();
    }

    [Theory]
    [InlineData("Ajax kwam nog terug, maar PSV won met 1-3.")]
    [InlineData("Het werd 10-13 .")]
    [InlineData("van 10 tot 13")]
    [InlineData("10 t/m 13")]
    public void TextEndingInsideARange_IsNoRange_AndDoesNotThrow(string text)
        => Assert.DoesNotContain(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-02-04").Value, "nl"), t => t.Kind == TimeKind.Interval);

    [Theory]
    [InlineData("nl", 0.95, 0.95, 0.95)]
    [InlineData("en", 0.9, 0.9, 0.9)]
    [InlineData("de", 0.9, 0.9, 0.9)]
    public void Fixture_IsExtractedAndResolved(string lang, double minPrecision, double minRecall, double minAccuracy)
    {
        var cases = FixtureTable.Read("times.tsv").Where(c => c.Lang == lang);
        FixtureTable.AssertScores(output, $"time expressions ({lang})", cases.Select(c => (c, Run(c))), (minPrecision, minRecall, minAccuracy));
    }

    [Fact]
    public void Fixture_HasAtLeast150DutchExpressions()
        => Assert.True(FixtureTable.Read("times.tsv").Where(c => c.Lang == "nl").Sum(c => c.Expected.Count) >= 150);

    [Fact]
    public void Seeds_BarValues()
    {
        var seed000 = Chorus.Core.Ingest.SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), "000", null).Article!;
        var seed002 = Chorus.Core.Ingest.SeedTextReader.Read(File.ReadAllText(TestPaths.Seed002), "002", null).Article!;
        var t000 = Extractor.Extract(seed000.Text, Tokenizer.Tokenize(seed000.Text), seed000.Date, "nl").ToDictionary(t => seed000.Text[t.Start..t.End], t => t.Value);
        var t002 = Extractor.Extract(seed002.Text, Tokenizer.Tokenize(seed002.Text), seed002.Date, "nl").ToDictionary(t => seed002.Text[t.Start..t.End], t => t.Value);
        Assert.Equal("2023-07", t000["juli"]);
        Assert.Equal("2019", t000["2019"]);
        Assert.Equal("2023-09", t000["vandaag"]);
        Assert.Equal("2023-09-05/2023-09-26", t000["dinsdag"]);
        Assert.Equal("2019-02", t002["februari 2019"]);
        Assert.Equal("2023-09-10/2023-09-13", t002["van 10 tot 13 september"]);
        Assert.Null(t002["sinds de coronacrisis"]);
        Assert.Equal("2019-04/2019-06", t002["een paar maanden later"]);
    }

    // Frequent function words open time expressions only before a time word or a number; sentences of them alone have none.
    [Theory]
    [InlineData("De man van het huis zei dat de buren over de zaak in de krant hadden gelezen.")]
    [InlineData("Het boeit me niet dat we woensdag eerste kunnen zijn.", "woensdag")]
    [InlineData("Kinderen konden op andere dagen vakantie opnemen.")]
    [InlineData("Sinds de coronacrisis is alles anders.", "Sinds de coronacrisis")]
    public void FunctionWords_AloneStartNothing(string text, params string[] expected)
        => Assert.Equal(expected, Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-11-20").Value, "nl").Select(t => text[t.Start..t.End]));

    // Minutes before or after an hour make a clock time in German and English only after a clock cue: a range of numbers,
    // a share or a count with "to", "vor" or "past" stays what it is.
    [Theory]
    [InlineData("en", "Sentences range from five to ten years.")]
    [InlineData("en", "A quarter to a third of voters stayed home.")]
    [InlineData("en", "Ten past winners were invited.")]
    [InlineData("de", "Zehn vor Ort gebliebene Helfer wurden geehrt.")]
    [InlineData("de", "Das Urteil kam fünf nach zwölf Jahren Verfahren.")]
    [InlineData("en", "Police said at least ten to twelve people were hurt.")]
    public void MinutesAndHours_WithoutAClockCue_AreNoClockTime(string lang, string text)
        => Assert.DoesNotContain(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-03-14").Value, lang), t => t.Clock is not null);

    // German writes the year of a past fact bare, between its auxiliary and its participle ("Das Haus wurde 1974
    // errichtet", "Der Verein war 1921 gegründet worden"); a capitalised noun after the number is what it counts.
    [Theory]
    [InlineData("Das Haus wurde 1974 errichtet.", "1974")]
    [InlineData("Der Verein war 1921 gegründet worden.", "1921")]
    [InlineData("Die Brücke ist 1998 eröffnet worden.", "1998")]
    [InlineData("Das Stadion hat 1974 Plätze.")]
    [InlineData("Die Stadt hatte 1850 Einwohner mehr.")]
    public void AGermanBareYear_BetweenAuxiliaryAndParticiple_IsAYear(string text, params string[] expected)
        => Assert.Equal(expected, Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-03-06").Value, "de").Select(t => t.Value));

    // "In" and a length of time after a superlative, a first, an only or a none is a stretch looked back over, not a day
    // ahead: "Transit Has Hit Its Highest Point In 50 Years" was a day in 2074. Ahead it stays with a future word between.
    [Theory]
    [InlineData("en", "American Use Of Public Transit Has Hit Its Highest Point In 50 Years", "P50Y")]
    [InlineData("en", "It was the first trading loss in five years for the firm.", "P5Y")]
    [InlineData("en", "Virtu's one trading loss in five years 'incredible', experts say", "P5Y")]
    [InlineData("en", "The region saw no rain in 40 days.", "P40D")]
    [InlineData("en", "The best plan should halve emissions in ten years.", "2034-06-12")]
    [InlineData("de", "Zum ersten Mal in fünf Jahren schrieb die Firma Verluste.", "P5Y")]
    [InlineData("de", "Es ist der höchste Stand in 50 Jahren.", "P50Y")]
    [InlineData("en", "The company will double its output in five years.", "2029-06-12")]
    [InlineData("en", "He said the first plant will open in two years.", "2026-06-12")]
    [InlineData("en", "The forest will be replanted in ten years.", "2034-06-12")]
    [InlineData("de", "Die Firma will in fünf Jahren die Kosten halbieren.", "2029-06-12")]
    [InlineData("de", "Die höchsten Kosten sollen in fünf Jahren sinken.", "2029-06-12")]
    public void InALengthOfTime_AfterASuperlativeOrAFirst_LooksBack(string lang, string text, string expected)
        => Assert.Equal(expected, Assert.Single(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-06-12").Value, lang)).Value);

    // A length of time and a half, in words: "an hour and a half", "two and a half years", "twee en een half jaar",
    // "anderthalb Stunden" (Dutch "anderhalf" had it already): half a unit more, not the whole unit alone.
    [Theory]
    [InlineData("en", "Drivers lost up to an hour and a half.", "PT1.5H")]
    [InlineData("en", "The talks lasted two and a half hours.", "PT2.5H")]
    [InlineData("en", "He spent a year and a half in prison.", "P1.5Y")]
    [InlineData("nl", "De werkzaamheden duren twee en een half jaar.", "P2.5Y")]
    [InlineData("nl", "Automobilisten verloren tot anderhalf uur.", "PT1.5H")]
    [InlineData("de", "Autofahrer verloren bis zu anderthalb Stunden.", "PT1.5H")]
    [InlineData("de", "Die Sitzung dauerte eineinhalb Stunden.", "PT1.5H")]
    public void ALengthOfTimeAndAHalf_IsHalfAUnitMore(string lang, string text, string expected)
        => Assert.Contains(expected, Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-06-12").Value, lang).Select(t => t.Value));

    // A season named from the article date: the last one that has ended, the next one to begin, and a winter that
    // began the December before.
    [Theory]
    [InlineData("nl", "Afgelopen zomer was het uitzonderlijk droog.", "2025-10-15", "2025-SU")]
    [InlineData("nl", "Afgelopen zomer was het uitzonderlijk droog.", "2025-07-15", "2024-SU")]
    [InlineData("nl", "Vorige winter viel er nauwelijks sneeuw.", "2025-03-12", "2024-WI")]
    [InlineData("nl", "Komende zomer gaat de brug dicht.", "2025-03-12", "2025-SU")]
    [InlineData("nl", "Komende zomer gaat de brug dicht.", "2025-10-15", "2026-SU")]
    [InlineData("nl", "Deze winter is het zacht.", "2025-02-10", "2024-WI")]
    [InlineData("en", "Last summer was the hottest on record.", "2025-10-15", "2025-SU")]
    [InlineData("de", "Im vergangenen Sommer war es sehr trocken.", "2025-10-15", "2025-SU")]
    [InlineData("de", "Im nächsten Frühjahr beginnt der Umbau.", "2025-10-15", "2026-SP")]
    public void ASeasonNamedFromTheArticleDate_IsTheNearestOneThatWay(string lang, string text, string anchor, string expected)
        => Assert.Equal(expected, Assert.Single(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, lang)).Value);

    // A half of a year needs the year it divides, or a word that says so ("halfjaar", "Halbjahr"); a half alone is a match's.
    [Theory]
    [InlineData("nl", "De omzet steeg in de eerste helft van 2024.", "2025-03-12", "2024-01-01/2024-06-30")]
    [InlineData("nl", "In de tweede helft van het jaar zal een nieuwe wet volgen.", "2025-03-12", "2025-07-01/2025-12-31")]
    [InlineData("nl", "Het eerste halfjaar was zwak.", "2025-10-15", "2025-01-01/2025-06-30")]
    [InlineData("en", "Sales fell in the second half of last year.", "2025-03-12", "2024-07-01/2024-12-31")]
    [InlineData("en", "Exports grew in the first half of 2024.", "2025-03-12", "2024-01-01/2024-06-30")]
    [InlineData("de", "Im ersten Halbjahr stieg der Umsatz.", "2025-10-15", "2025-01-01/2025-06-30")]
    [InlineData("de", "In der zweiten Hälfte des Jahres 2023 sank der Absatz.", "2025-03-12", "2023-07-01/2023-12-31")]
    [InlineData("de", "Die Zahlen der ersten Hälfte 2024 waren gut.", "2025-03-12", "2024-01-01/2024-06-30")]
    public void AHalfOfAYear_IsItsSixMonths(string lang, string text, string anchor, string expected)
        => Assert.Equal(expected, Assert.Single(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, lang)).Value);

    [Theory]
    [InlineData("nl", "In de eerste helft scoorde Ajax twee keer.")]
    [InlineData("en", "He scored twice in the first half.")]
    [InlineData("de", "In der ersten Hälfte fielen keine Tore.")]
    [InlineData("nl", "Het eerste half uur gebeurde er weinig.")]
    public void AHalfWithoutItsYear_IsNoTime(string lang, string text)
        => Assert.DoesNotContain(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-03-12").Value, lang), t => t.Kind == TimeKind.Interval);

    // An age is no length of time, also when its "oud" comes later or it is the Dutch idiom for a range of ages.
    [Theory]
    [InlineData("nl", "Ik moet doorwerken tot ik 67 jaar en drie maanden oud ben.")]
    [InlineData("nl", "Een kwart van de Britten tussen de 18 en 35 jaar koopt bewust.")]
    [InlineData("en", "He will work until he is 67 years and three months old.")]
    public void AnAge_IsNoDuration(string lang, string text)
        => Assert.DoesNotContain(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-03").Value, lang), t => t.Kind == TimeKind.Duration && t.Value is "P67Y" or "P35Y");

    [Fact]
    public void ALengthOfTimeInARange_StaysADuration()
    {
        const string text = "De verdachte kreeg tussen twee en drie jaar cel.";
        Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-03").Value, "nl"), t => t.Kind == TimeKind.Duration);
    }

    // A holiday with the year named in words after it.
    [Theory]
    [InlineData("nl", "Daarna werd Anna K. vlak voor kerst vorig jaar opgepakt.", "2018-12-25")]
    [InlineData("nl", "Het plan stamt van kerst vorig jaar.", "2018-12-25")]
    [InlineData("nl", "Met Pasen van volgend jaar gaat het museum weer open.", "2020-04-12")]
    [InlineData("en", "The plan dates from Christmas Day last year.", "2018-12-25")]
    public void AHoliday_WithItsYearInWords_IsThatYears(string lang, string text, string expected)
        => Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-03").Value, lang), t => t.Value == expected);

    // Some expression ending in the given words is found with this value, in a text of the anchor date.
    private static void AssertValueOf(string lang, string text, string anchor, string expression, string expected)
    {
        var found = Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, lang);
        Assert.Contains(found, t => text[t.Start..t.End].EndsWith(expression, StringComparison.Ordinal) && t.Value == expected);
    }

    // A month named without its year is read in its own clause's tense: a past form elsewhere in the sentence, or a
    // word that only looks like one (an adjective after a possessive, a plural noun after an article or a number), must not
    // move a coming month a year back. Anchor 2019-03-25 (a Monday).
    [Theory]
    [InlineData("nl", "De vakbonden denken dat ze in mei meer leden op de been krijgen, omdat vorige week bleek hoe groot de onvrede is.", "mei", "2019-05")]
    [InlineData("nl", "Het eerste punt is al bekend: de Britten moeten meedoen aan de verkiezingen in mei.", "mei", "2019-05")]
    [InlineData("nl", "De premier wil dat haar veelbesproken plan op 12 april door de Kamer komt.", "12 april", "2019-04-12")]
    [InlineData("nl", "In juni stemt de raad over het plan dat de supermarkten op zondag open mogen.", "juni", "2019-06")]
    [InlineData("nl", "Voor die overval komen in mei twee verdachten voor de rechter.", "mei", "2019-05")]
    [InlineData("nl", "Het werk is al begonnen, maar de bouw zal tot in oktober duren.", "oktober", "2019-10")]
    [InlineData("nl", "De regel zou eigenlijk op 1 juli ingaan, maar de minister heeft het uitgesteld.", "1 juli", "2019-07-01")]
    [InlineData("nl", "De gemeente besloot de tunnel per 1 juni af te sluiten.", "1 juni", "2019-06-01")]
    [InlineData("nl", "De organisator heeft de eerste voorstelling gepland op 9 juni.", "9 juni", "2019-06-09")]
    [InlineData("nl", "De bouw is vorig jaar begonnen; de brug is naar verwachting in mei afgerond.", "mei", "2019-05")]
    [InlineData("nl", "Het werk begon vorige week, maar zal in juni zijn afgerond.", "juni", "2019-06")]
    [InlineData("en", "The unions said last week that they expect more members to join the march in May.", "May", "2019-05")]
    // A Dutch separable verb written as one word in its clause is a present form too.
    [InlineData("nl", "Hij heeft vorige week een partij opgericht die meedoet aan de verkiezingen in mei.", "mei", "2019-05")]
    [InlineData("nl", "Vorige week werd duidelijk dat de eerste trein in augustus aankomt.", "augustus", "2019-08")]
    [InlineData("nl", "De bond meldde vorige week dat de omzet in augustus daalde.", "augustus", "2018-08")]
    // "die" after a preposition is a demonstrative, which opens no clause; a participle between an article and its noun
    // is an adjective, which makes no perfect.
    [InlineData("nl", "Niet alleen omdat de Statenleden pas in mei de Kamer kiezen en de coalitie tot die tijd een meerderheid heeft, ook omdat Rutte wel wat gewend is.", "mei", "2019-05")]
    [InlineData("nl", "De nieuw gekozen Statenleden kiezen in mei de Kamer en de coalitie heeft een meerderheid, zo bleek gisteren.", "mei", "2019-05")]
    [InlineData("nl", "De minister heeft de wet in mei gewijzigd en de Kamer ingelicht.", "mei", "2018-05")]
    // The rest of a list of dates after a comma goes on in the tense of the clause that began it.
    [InlineData("nl", "De organisator, eerder betrokken bij de eerste editie, heeft de voorstelling gepland op 9 juni, 14 augustus en 9 november.", "14 augustus", "2019-08-14")]
    [InlineData("nl", "De raad kwam bijeen op 3 maart, 14 augustus en 9 november.", "14 augustus", "2018-08-14")]
    // Guards: a clause with a past form of its own, or none at all, keeps the past.
    [InlineData("nl", "In oktober werd de dictator gevangengenomen en kwam er een einde aan zijn regime.", "oktober", "2018-10")]
    [InlineData("nl", "Op 14 juli, midden in de nacht, kreeg hij ruzie met een plaatsgenoot.", "14 juli", "2018-07-14")]
    [InlineData("nl", "Toen het stuk in september verscheen, was er niets aan de hand.", "september", "2018-09")]
    [InlineData("nl", "De Kamer nam de wet op 26 juni aan, na tien jaar debat.", "26 juni", "2018-06-26")]
    public void AMonthWithoutItsYear_IsReadInItsOwnClausesTense(string lang, string text, string expression, string expected)
        => AssertValueOf(lang, text, "2019-03-25", expression, expected);

    // No perfect where a Dutch word only looks like a participle: an adjective of state with "zijn" ("bevoegd is", "is
    // uitgesloten"), or a present form with "be-" and "-t" ("begint", "bestaat") beside a possessive "zijn". With "hebben"
    // the same word makes one ("heeft bekend": has confessed). Anchor 2019-03-30, a Saturday.
    [Theory]
    [InlineData("nl", "Een brexitdatum na eind juni is wat haar betreft uitgesloten.", "juni", "2019-06")]
    [InlineData("nl", "In mei kijkt de rechter of hij bevoegd is.", "mei", "2019-05")]
    [InlineData("nl", "Maandag begint Paauw aan zijn nieuwe baan in Amsterdam.", "Maandag", "2019-04-01")]
    [InlineData("nl", "In juni bestaat de club honderd jaar en zijn alle leden uitgenodigd.", "juni", "2018-06")]
    [InlineData("nl", "De verdachte heeft in mei bekend.", "mei", "2018-05")]
    [InlineData("nl", "De minister heeft het feest in juni verboden.", "juni", "2018-06")]
    public void AWordThatOnlyLooksLikeAParticiple_MakesNoPerfect(string lang, string text, string expression, string expected)
        => AssertValueOf(lang, text, "2019-03-30", expression, expected);

    // An ordinal word after "month de" that counts the noun after it is no day of that month ("de Eerste Kamer", "de
    // eerste major"); one that ends the date, or a digit ordinal, is. Anchor 2019-03-25.
    [Theory]
    [InlineData("nl", "De Statenleden kiezen pas in mei de Eerste Kamer.", "2019-05-01", "2019-05")]
    [InlineData("nl", "Daarna volgt begin april de eerste major voor de vrouwen.", "2019-04-01", "2019-04")]
    [InlineData("nl", "De deadline is november de 15e.", "none", "2018-11-15")]
    [InlineData("nl", "Ik kom terug op januari de eerste.", "none", "2019-01-01")]
    public void AnOrdinalCountingTheNounAfterIt_IsNoDayOfTheMonth(string lang, string text, string notExpected, string expected)
    {
        var found = Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-03-25").Value, lang);
        Assert.Contains(found, t => t.Value == expected);
        Assert.DoesNotContain(found, t => t.Value == notExpected);
    }

    // A month in what a verb of intending governs through an infinitive was still to come when it was said: read
    // without a direction (the nearest such month), not as past. Anchor 2019-03-25.
    [Theory]
    [InlineData("nl", "Gisteren beloofde de minister voor half april het rapport openbaar te maken.", "april", "2019-04")]
    [InlineData("nl", "Follow This heeft besloten de resolutie voor de vergadering in mei terug te trekken.", "mei", "2019-05")]
    [InlineData("nl", "De bond dreigde in augustus opnieuw het werk neer te leggen.", "augustus", "2019-08")]
    [InlineData("nl", "De minister was van plan in juni een wet in te dienen.", "juni", "2019-06")]
    [InlineData("en", "The minister promised to publish the report in August.", "August", "2019-08")]
    [InlineData("de", "Der Minister versprach, im August einen Bericht vorzulegen.", "August", "2019-08")]
    [InlineData("de", "Die Gewerkschaft drohte, im August wieder zu streiken.", "August", "2019-08")]
    // Guards: the verb dates itself, or a verb that intends nothing, or a past clause of its own after the plan.
    [InlineData("nl", "In augustus besloot de raad de school te sluiten.", "augustus", "2018-08")]
    [InlineData("nl", "Hij probeerde in augustus te vluchten.", "augustus", "2018-08")]
    [InlineData("en", "In August the council decided to close the school.", "August", "2018-08")]
    [InlineData("nl", "De raad besloot de school te sluiten, die in augustus was afgebrand.", "augustus", "2018-08")]
    public void AMonthAVerbOfIntendingGoverns_IsNotReadAsPast(string lang, string text, string expression, string expected)
        => AssertValueOf(lang, text, "2019-03-25", expression, expected);

    // A weekday beside a day and month without a year names the year in which they fall together, within a year of the
    // article; one that fits no day within the year is taken for a slip. Anchor 2019-03-27 (a Wednesday).
    [Theory]
    [InlineData("nl", "De laatste editie op zaterdag 9 november moest de kers op de taart worden.", "2019-11-09")]
    [InlineData("nl", "Op zondag 22 september, vorig jaar nog uitgesteld, rijden de oldtimers weer.", "2019-09-22")]
    [InlineData("de", "Das Finale fand am Samstag, 9. November statt.", "2019-11-09")]
    [InlineData("en", "The final was held on Saturday, November 9.", "2019-11-09")]
    [InlineData("nl", "Op dinsdag 26 maart stemde de Kamer.", "2019-03-26")]
    [InlineData("nl", "Op dinsdag 21 maart stemde de Kamer.", "2019-03-21")]
    public void AWeekdayBesideADayAndMonth_ChoosesTheirYear(string lang, string text, string expected)
        => Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-03-27").Value, lang), t => t.Value == expected);

    // A bare weekday: after "van" it names the day of something reported; beside a verb of saying in the present it is
    // the day of saying; a direction word is shared by a list of weekdays. Anchor 2019-03-27 (a Wednesday).
    [Theory]
    [InlineData("nl", "De stemming van dinsdag leidt tot uiteenlopende reacties.", "dinsdag", "2019-03-26")]
    [InlineData("nl", "In de krant van maandag worden zeven vragen beantwoord.", "maandag", "2019-03-25")]
    [InlineData("nl", "Het aantal vergunningen wordt beperkt, zo meldt de krant maandag.", "maandag", "2019-03-25")]
    [InlineData("nl", "Een woordvoerder zegt dinsdag dat de minister niet ingaat op de zaak.", "dinsdag", "2019-03-26")]
    [InlineData("nl", "Zo'n verbod gold zaterdag in tien steden.", "zaterdag", "2019-03-23")]
    [InlineData("nl", "Organisator Brons van de concerten afgelopen maandag en dinsdag wil nog niet vooruitlopen.", "dinsdag", "2019-03-26")]
    [InlineData("nl", "De winkel is komende vrijdag, zaterdag en zondag gesloten.", "zondag", "2019-03-31")]
    [InlineData("en", "The organiser of the shows last Monday and Tuesday is pleased.", "Tuesday", "2019-03-26")]
    // Guards: "van" opening a span, a plan said to be for the day, a sentence about what is to come.
    [InlineData("nl", "De weg is dicht van maandag 20.00 uur tot dinsdag 05.30 uur.", "maandag 20.00 uur", "2019-04-01T20:00")]
    [InlineData("nl", "Een derde van de leraren zegt vrijdag naar het Malieveld te gaan.", "vrijdag", "2019-03-29")]
    [InlineData("nl", "De stemming van zaterdag zal beslissend zijn.", "zaterdag", "2019-03-30")]
    public void ABareWeekday_IsReadByWhatStandsAroundIt(string lang, string text, string expression, string expected)
        => AssertValueOf(lang, text, "2019-03-27", expression, expected);

    // A weekday written with a capital right after a given name is a surname; after a heading run into the text it is a day.
    [Theory]
    [InlineData("Dat klopt, zegt woordvoerder Jolanda Zondag van de corporatie.", false)]
    [InlineData("Vervuiling Zaterdag stond er een artikel over zonnepanelen in de krant.", true)]
    public void ACapitalisedWeekdayAfterAGivenName_IsASurname(string text, bool isDay)
        => Assert.Equal(isDay, Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-02").Value, "nl").Any(t => t.Kind == TimeKind.Weekday));

    // A strong participle spelt like its infinitive ("verlaten") is one only last in its clause after a perfect
    // auxiliary: not after a modal, nor a plural noun after a preposition. Anchor 2019-04-02 (a Tuesday).
    [Theory]
    [InlineData("De inwoners moeten maandag de stad verlaten.", "2019-04-08")]
    [InlineData("Het kabinet heeft maandag geld voor bedrijven.", "2019-04-08")]
    public void AnInfinitiveOrAPluralNoun_IsNoStrongParticiple(string text, string expected)
        => Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-02").Value, "nl"), t => t.Value == expected);

    // Dutch strong participles in "-aan" ("gegaan", "gedaan", "opgegaan") and ones spelt like their infinitive ("verlaten")
    // make a perfect: the weekday is the last one.
    [Theory]
    [InlineData("Een auto is zaterdagavond in vlammen opgegaan.", "2019-03-30")]
    [InlineData("Tienduizenden mensen hebben zaterdag meegedaan aan de mars.", "2019-03-30")]
    [InlineData("Wat heeft de politie het goed gedaan maandag!", "2019-04-01")]
    [InlineData("Zo'n drieduizend mensen hebben maandag het laatste bolwerk verlaten.", "2019-04-01")]
    public void APerfectWithAStrongParticiple_PutsAWeekdayInThePast(string text, string expected)
        => Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2019-04-02").Value, "nl"), t => t.Value == expected);

    // German decades in words, with "Jahre" apart or glued on, after an article that opens nothing.
    [Theory]
    [InlineData("Die Schule wurde in den fünfziger Jahren gebaut.", "1950-01-01/1959-12-31")]
    [InlineData("In den achtziger Jahren wuchs die Stadt.", "1980-01-01/1989-12-31")]
    [InlineData("Die Siedlung entstand in den Neunzigerjahren.", "1990-01-01/1999-12-31")]
    [InlineData("Der Film spielt in den Zwanzigerjahren.", "1920-01-01/1929-12-31")]
    public void AGermanDecadeInWords_IsItsTenYears(string text, string expected)
        => Assert.Equal(expected, Assert.Single(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-06-18").Value, "de")).Value);

    // A present sentence with a verb that looks ahead speaks of what is to come: a quarter not yet begun is this year's.
    [Theory]
    [InlineData("de", "Die Firma rechnet im dritten Quartal mit einem Gewinn.", "2025-07-01/2025-09-30")]
    [InlineData("nl", "ING verwacht in het derde kwartaal herstel.", "2025-07-01/2025-09-30")]
    [InlineData("en", "The company expects a profit in the third quarter.", "2025-07-01/2025-09-30")]
    [InlineData("nl", "De winst in het derde kwartaal bedraagt drie miljoen.", "2024-07-01/2024-09-30")]
    [InlineData("nl", "De bank heeft in het derde kwartaal een verlies verwacht.", "2024-07-01/2024-09-30")]
    public void AVerbThatLooksAhead_MakesAPresentSentenceFuture(string lang, string text, string expected)
        => Assert.Equal(expected, Assert.Single(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-06-18").Value, lang)).Value);

    // "a.m." keeps its full stop: the day after it is the clock time's day, unless a new sentence begins there.
    [Theory]
    [InlineData("At about 3 a.m. on Sunday, the fire broke out.", "2025-03-09T03:00")]
    [InlineData("At around 11 p.m. on Saturday, police were called.", "2025-03-08T23:00")]
    public void AClockTimeInAM_OrPM_TakesTheDayAfterIt(string text, string expected)
        => Assert.Contains(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-03-12").Value, "en"), t => t.Value == expected);

    [Fact]
    public void AClockTimeInAM_EndingASentence_KeepsItsOwnDay()
    {
        const string text = "The fire broke out at 3 a.m. On Sunday, police closed the road.";
        Assert.DoesNotContain(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2025-03-12").Value, "en"), t => t.Value == "2025-03-09T03:00");
    }

    // Consumers compute on the typed values; they must say what the written value says.
    [Theory]
    [InlineData("Op dinsdag 12 september 2023 om 06.30 uur ging het mis.", "2023-09-20")]
    [InlineData("Van 10 tot 13 september was hij in Rusland, vorige week in juli.", "2023-09-20")]
    [InlineData("Dinsdag komt de minister, om 15.00 uur, elke week, twee weken lang.", "2023-09")]
    [InlineData("Rond drie uur 's nachts, in de zomer van 2019, volgende week.", "2023-09-20")]
    public void TypedValues_AgreeWithTheWrittenValue(string text, string anchor)
    {
        foreach (var t in Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, "nl"))
        {
            var hasDays = TimexRange.TryParse(t.Value, out var range);
            Assert.Equal(t.Kind.IsCalendar() && hasDays ? range : null, t.Days);
            Assert.Equal(t.Kind.IsClock() ? TimexReading.Read(t.Value)?.StartTime : null, t.Clock);
            Assert.True(TimeKinds.TryParse(t.Kind.Name(), out var back) && back == t.Kind);
            if (t.Kind is TimeKind.Date or TimeKind.Interval && t.Value is not null)
            {
                Assert.NotNull(t.Days);
            }
        }
    }

    private const string Filler = "De gemeente wil dat de buurt er rustiger wordt en praat daarover met bewoners, ondernemers en de politie. "
        + "Volgens de wethouder is er geld voor extra toezicht, nieuwe verlichting en een plek waar jongeren kunnen sporten. "
        + "De bewoners zijn tevreden, maar willen eerst zien dat het werkt, zeggen ze in een brief aan de raad van de stad. ";

    // A clock time written in words names no half of the day; the reader takes it from the part of the day the article
    // named last. Digits, a day named since without a part, and a morning keep the clock as written.
    [Theory]
    [InlineData("de", "In Hamburg ist am Sonntagabend der Strom ausgefallen. Der Ausfall begann gegen halb neun.", "halb neun", "20:30")]
    [InlineData("nl", "De wandelaar is vrijdagavond gevonden. Een helikopter zag hem rond kwart over acht.", "kwart over acht", "20:15")]
    [InlineData("en", "The protest began on Sunday evening. Police arrived at a quarter to ten.", "a quarter to ten", "21:45")]
    [InlineData("nl", "Om 20.30 uur brak de brand uit. Rond half tien was het vuur onder controle.", "half tien", "21:30")]
    [InlineData("nl", "Zaterdagmiddag, even na half twee, klonk het signaal.", "half twee", "13:30")]
    [InlineData("nl", "Vrijdagnacht ging het mis. De ontploffing was om tien over half drie.", "tien over half drie", "02:40")]
    [InlineData("nl", "De brand woedde zondagavond. Om 8.30 uur kwam de burgemeester kijken.", "8.30 uur", "08:30")]
    [InlineData("nl", "De brand woedde zondagavond. Maandag om negen uur kwam de burgemeester.", "negen uur", "09:00")]
    [InlineData("nl", "De brand woedde zondagavond. Maandagochtend bleef het rustig. Om negen uur kwam de burgemeester.", "negen uur", "09:00")]
    [InlineData("nl", "De trein vertrok om half negen.", "half negen", "08:30")]
    [InlineData("nl", "Het feest begon zaterdagavond. " + Filler + Filler + Filler + "De winkel gaat om half negen open.", "half negen", "08:30")]
    public void AClockTimeInWords_IsReadInThePartOfTheDayNamedLast(string lang, string text, string clock, string expected)
    {
        var at = text.IndexOf(clock, StringComparison.Ordinal);
        var mention = Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-02-11").Value, lang)
            .Single(t => t.Clock is not null && t.Start <= at && t.End >= at + clock.Length - 1);
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mention.Clock);
    }

    // "Shortly after" and "just before" a clock time bound it on one side: TIMEX mod AFTER or BEFORE, in three languages.
    [Theory]
    [InlineData("nl", "Kort na half drie 's nachts ging bij de brandweer de melding binnen.", "half drie", "02:30", "AFTER")]
    [InlineData("nl", "Zaterdagmiddag, even na half twee, klonk het signaal.", "half twee", "13:30", "AFTER")]
    [InlineData("nl", "Vlak voor middernacht sloeg de bliksem in de toren.", "middernacht", "00:00", "BEFORE")]
    [InlineData("nl", "De brandweer kreeg de melding om 2.15 uur.", "2.15 uur", "02:15", null)]
    [InlineData("de", "Kurz nach 3 Uhr wurde die Feuerwehr alarmiert.", "3 Uhr", "03:00", "AFTER")]
    [InlineData("de", "Der Zug hielt kurz vor acht Uhr in Köln.", "acht Uhr", "08:00", "BEFORE")]
    [InlineData("en", "The plane landed shortly after eleven o'clock.", "eleven o'clock", "11:00", "AFTER")]
    [InlineData("en", "Police arrived just before half past nine.", "half past nine", "09:30", "BEFORE")]
    public void ShortlyAfterOrBefore_BoundsAClockTime(string lang, string text, string clock, string expected, string? mod)
    {
        var at = text.IndexOf(clock, StringComparison.Ordinal);
        var mention = Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse("2024-02-10").Value, lang)
            .Single(t => t.Clock is not null && t.Start <= at && t.End >= at + clock.Length - 1);
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mention.Clock);
        Assert.Equal(mod, mention.Mod);
    }

    // Counts and years no calendar holds are text, not dates: they must not stop an ingest.
    [Theory]
    [InlineData("Het bestand 0000-10-09 is oud.")]
    [InlineData("De brug gaat over 99999999 jaar open.")]
    [InlineData("In de komende 999999999 jaren gebeurt niets.")]
    [InlineData("Het is 99999999 dagen na vandaag.")]
    [InlineData("De cijfers over q1-0000 vielen tegen.")]
    [InlineData("Het was 05-aug-0000.")]
    [InlineData("Dat was 2147483647 weken geleden, en 2147483647 maanden later.")]
    [InlineData("Van 1-5-9999 tot 1-3-9999 en van mei tot maart.")]
    public void CountsAndYearsOutsideTheCalendar_NeverThrow(string text)
    {
        foreach (var anchor in new[] { "2024-11-20", "2024-11", "9999-12-31", "0001-01-01" })
        {
            var mentions = Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, "nl");
            Assert.All(mentions, t => Assert.True(t.Start >= 0 && t.End <= text.Length));
        }
    }

    // An anchor in the calendar's first or last year cannot be counted from (CsCheck seed dc7d_gdajw12 threw there).
    [Theory]
    [InlineData("9999-12-28", "Volgende week en vorig jaar en morgen komt hij.")]
    [InlineData("9999", "Over een jaar, volgende maand.")]
    [InlineData("0001-01-01", "Vorige week en gisteren, vorig jaar.")]
    public void AnAnchorAtTheCalendarsEdge_IsNoDateToCountFrom(string anchor, string text)
        => Assert.All(Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.Parse(anchor).Value, "nl"), t => Assert.Null(t.Days));

    [Fact]
    public void RandomNumbersAndTimeWords_AtAnyAnchor_NeverThrow()
    {
        string[] vocabulary =
        [
            "over", "geleden", "later", "jaar", "jaren", "maanden", "weken", "dagen", "na", "voor", "vandaag", "van", "tot", "tussen", "en", "mei", "maart",
            "q1-2019", "de", "15e", "komende", "afgelopen", "vorige", "volgende", "dinsdag", "-", "/", "'s", "avonds", "om", "uur", "half", "acht", "elke",
            "week", "1-1-2015", "pasen", "'90", "eeuw", "21e", "nu", "dat", ".",
        ];
        var words = Gen.OneOf(Gen.Int[0, int.MaxValue].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Int[0, vocabulary.Length - 1].Select(i => vocabulary[i]));
        var text = words.Array[1, 12].Select(ws => string.Join(' ', ws));
        var anchor = Gen.Int[1, 9999].SelectMany(y => Gen.Int[1, 12].SelectMany(m => Gen.Int[1, 28].SelectMany(d => Gen.Int[0, 2].Select(p =>
            p == 0 ? PartialDate.OfYear(y) : p == 1 ? PartialDate.OfMonth(y, m) : PartialDate.OfDay(new DateOnly(y, m, d))))));
        Gen.Select(text, anchor).Sample((t, a) => Assert.All(Extractor.Extract(t, Tokenizer.Tokenize(t), a, "nl"), m => Assert.True(m.End <= t.Length)), iter: 3000);
    }

    [Fact]
    public void RandomText_NeverThrows_AndSpansStayInside()
    {
        Gen.String[Gen.OneOf(Gen.Char["0123456789 -/:.tjulimeidnsagvorkw"], Gen.Char), 0, 120].Sample(text =>
        {
            foreach (var t in Extractor.Extract(text, Tokenizer.Tokenize(text), PartialDate.OfMonth(2023, 9), "nl"))
            {
                Assert.True(t.Start >= 0 && t.End <= text.Length && t.End > t.Start);
            }
        }, iter: 2000);
    }
}
