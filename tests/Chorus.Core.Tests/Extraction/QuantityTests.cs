using System.Globalization;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Text;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Extraction;

public class QuantityTests(ITestOutputHelper output)
{
    private static readonly QuantityExtractor Extractor = new();

    /// <summary>The figures of one text in <paramref name="lang"/>, tokenised and lower-cased as the analyser does.</summary>
    private static List<QuantityMention> Extract(string lang, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return Extractor.Extract(text, tokens, tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray(), lang, []);
    }

    private static string Format(QuantityMention q)
        => (q.Min is { } min && q.Max is { } max
            ? $"{min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}"
            : q.Value.ToString(CultureInfo.InvariantCulture)) + " " + (q.Unit ?? "-");

    [Theory]
    [InlineData("nl", 0.95, 0.95, 0.9)]
    [InlineData("en", 0.9, 0.9, 0.9)]
    [InlineData("de", 0.9, 0.9, 0.9)]
    public void Fixture_IsExtractedWithValueAndUnit(string lang, double minPrecision, double minRecall, double minAccuracy)
    {
        var cases = FixtureTable.Read("quantities.tsv").Where(c => c.Lang == lang);
        FixtureTable.AssertScores(
            output,
            $"quantities ({lang})",
            cases.Select(c => (c, Extractor.Extract(c.Text, Tokenizer.Tokenize(c.Text), c.Lang, []).Select(q => (q.Start, q.End, Format(q))).ToList())),
            (minPrecision, minRecall, minAccuracy));
    }

    [Fact]
    public void Fixture_HasAtLeast60DutchQuantities()
        => Assert.True(FixtureTable.Read("quantities.tsv").Where(c => c.Lang == "nl").Sum(c => c.Expected.Count) >= 60);

    [Theory]
    [InlineData("vijfentwintig", "nl", 25)]
    [InlineData("tweeëntwintig", "nl", 22)]
    [InlineData("driehonderdzestig", "nl", 360)]
    [InlineData("tienduizend", "nl", 10000)]
    [InlineData("fünfundzwanzig", "de", 25)]
    [InlineData("zweihundert", "de", 200)]
    [InlineData("forty-two", "en", 42)]
    public void NumberWords_AreParsed(string word, string lang, double value)
        => Assert.Equal(value, QuantityExtractor.ParseWords(word, lang));

    [Theory]
    [InlineData("1.000", "nl", 1000)]
    [InlineData("0,25", "nl", 0.25)]
    [InlineData("1.234.567,8", "nl", 1234567.8)]
    [InlineData("3.5", "nl", 3.5)]
    [InlineData("1,000", "en", 1000)]
    [InlineData("2.5", "en", 2.5)]
    public void Digits_FollowTheLanguagesConvention(string token, string lang, double value)
    {
        Assert.True(QuantityExtractor.ParseDigits(token, lang, out var parsed));
        Assert.Equal(value, parsed, 6);
    }

    // Bounds are typed: the interval the words state, open on the side they leave open.
    // A choice of two figures is the range it spans, in each language's word for "or"; English "of" joins nothing ("5 of 10").
    [Theory]
    [InlineData("nl", "Er zijn auto's die gerust 70 of 80 kilometer per uur rijden.", "70..80 km/h")]
    [InlineData("nl", "Het gaat om drie of vier patiënten per maand.", "3..4 patiënten")]
    [InlineData("en", "Two or three people were hurt.", "2..3 people")]
    [InlineData("de", "Zwei oder drei Menschen wurden verletzt.", "2..3 menschen")]
    [InlineData("en", "Five of ten people agreed.", null)]
    [InlineData("nl", "Hij won met 3 of meer stemmen.", null)]
    public void AChoiceOfTwo_IsTheRangeItSpans(string lang, string text, string? expected)
    {
        var found = Extractor.Extract(text, Tokenizer.Tokenize(text), lang, []).Select(Format).ToList();
        output.WriteLine(string.Join(" | ", found));
        if (expected is null)
        {
            Assert.DoesNotContain(found, f => f.Contains("..", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(expected, found);
        }
    }

    // The counted thing: a German noun is capitalised, so it is never read as an adjective before the next word; English
    // writes "three hundred" in two words.
    [Theory]
    [InlineData("de", "Bei dem Unglück kamen vierzehn Bergleute ums Leben.", 14.0, "bergleute")]
    [InlineData("de", "Die Stadt baut drei neue Schulen.", 3.0, "schulen")]
    [InlineData("en", "More than three hundred people were evacuated.", 300.0, "people")]
    [InlineData("de", "Die Erde hat mit einer Stärke von 3,1 gebebt.", 3.1, "magnitude")]
    [InlineData("en", "Two thousand five hundred fans came.", 2500.0, "fans")]
    [InlineData("en", "Three hundred and fifty workers lost their jobs.", 350.0, "workers")]
    [InlineData("en", "The damage amounts to half a billion euros.", 5e8, "EUR")]
    [InlineData("en", "Italy's UniCredit posts record $19 bln loss after writedowns.", 19e9, "USD")]
    [InlineData("en", "Lohan to sign USD one mn deal with HarperCollins.", 1e6, "USD")]
    [InlineData("en", "Trading firm Virtu plans to raise up to $100 mln in IPO.", 1e8, "USD")]
    [InlineData("en", "The fund holds $2.5bln in bonds.", 2.5e9, "USD")]
    [InlineData("en", "A quarter of a million visitors came.", 250000.0, "visitors")]
    [InlineData("en", "About one and a half million people were affected.", 1500000.0, "people")]
    [InlineData("de", "Der Schaden beträgt eine halbe Milliarde Euro.", 5e8, "EUR")]
    [InlineData("en", "One worker was killed in the collapse.", 1.0, "worker")]
    [InlineData("en", "The pilot, aged 67, was flown to hospital.", 67.0, "age")]
    [InlineData("nl", "Piloot Jan de Vries (67) werd naar het ziekenhuis gebracht.", 67.0, "age")]
    [InlineData("nl", "Een 34-jarige man is neergestoken.", 34.0, "age")]
    [InlineData("nl", "Een man van 38 jaar is neergestoken.", 38.0, "age")]
    [InlineData("nl", "De brug is 38 jaar oud.", 38.0, "year")]
    [InlineData("de", "Das Stadion ist 100 Jahre alt.", 100.0, "year")]
    [InlineData("nl", "Hij zat 8 jaar vast.", 8.0, "year")]
    [InlineData("nl", "Het contract is 5 jaar.", 5.0, "year")]
    [InlineData("de", "Der Geiselnehmer ist nach Polizeiangaben 47 Jahre alt.", 47.0, "age")]
    [InlineData("en", "The victim was 23 years old.", 23.0, "age")]
    [InlineData("nl", "Het ging om een vader en zijn drie kinderen, de jongste was 8 jaar.", 8.0, "age")]
    [InlineData("en", "Dutch conductor Willem van Houten has died at the age of 88.", 88.0, "age")]
    [InlineData("nl", "Hij overleed op de leeftijd van 91 jaar.", 91.0, "age")]
    [InlineData("de", "Er starb im Alter von 91 Jahren.", 91.0, "age")]
    [InlineData("en", "The 61-year-old pilot was taken to hospital.", 61.0, "age")]
    [InlineData("nl", "Wethouder De Graaf, 44 jaar, noemde het plan een doorbraak.", 44.0, "age")]
    [InlineData("en", "The driver, Tom Smith, 44 years old, was arrested.", 44.0, "age")]
    [InlineData("de", "Der Fahrer, Klaus Weber, 52 Jahre alt, wurde festgenommen.", 52.0, "age")]
    [InlineData("nl", "Sinds de fusie met Ajax, 12 jaar geleden, groeide de club.", 12.0, "year")]
    [InlineData("nl", "Het bedrijf wil 300 miljoen euro per jaar besparen.", 3e8, "EUR/year")]
    [InlineData("en", "The company aims to save 450 million euros a year.", 4.5e8, "EUR/year")]
    [InlineData("de", "Der Konzern will 300 Millionen Euro im Jahr sparen.", 3e8, "EUR/year")]
    [InlineData("nl", "Hij werkt veertig uur per week.", 40.0, "h/week")]
    [InlineData("en", "Tickets cost 20 euros a piece.", 20.0, "EUR")]
    // A second sum in one sentence without its currency word: the first one's.
    [InlineData("nl", "De extra kosten van 16 miljoen euro, op een totaal WW-budget van 3,6 miljard, zijn klein.", 3.6e9, "EUR")]
    [InlineData("nl", "Het verlies wordt op 10 à 16 miljoen euro geschat (op een geheel van 3,6 miljard aan WW-uitgaven).", 3.6e9, "EUR")]
    [InlineData("de", "Die Kosten von 16 Millionen Euro sind gering bei einem Budget von 3,6 Milliarden.", 3.6e9, "EUR")]
    [InlineData("en", "It costs $16 million, out of a budget of 3.6 billion.", 3.6e9, "USD")]
    // Not across a sentence, nor a figure that counts something.
    [InlineData("nl", "Het kost 16 miljoen euro. Wereldwijd zijn het er 3,6 miljard.", 3.6e9, null)]
    [InlineData("nl", "Het kost 16 miljoen euro voor 3,6 miljoen inwoners.", 3.6e6, "inwoners")]
    // English and German forms of the units ("hectares", "Hektar", "Kilometern"): one unit in every language.
    [InlineData("en", "The blaze has destroyed 2,000 hectares of forest.", 2000.0, "ha")]
    [InlineData("de", "Das Feuer hat 1.500 Hektar Wald zerstört.", 1500.0, "ha")]
    [InlineData("de", "Der Stau reichte über eine Länge von 12 Kilometern.", 12.0, "km")]
    [InlineData("en", "The river rose by 80 centimetres overnight.", 80.0, "cm")]
    [InlineData("de", "In der Nacht fielen 40 Millimeter Regen.", 40.0, "mm")]
    // Rain in litres per square metre, as German reports give it, is millimetres of rain (a litre on a square metre
    // stands a millimetre deep): one measure in every language.
    [InlineData("de", "Innerhalb von 24 Stunden fielen 120 Liter Regen pro Quadratmeter.", 120.0, "mm")]
    [InlineData("de", "Es fielen bis zu 95 Liter pro Quadratmeter.", 95.0, "mm")]
    [InlineData("nl", "Er viel plaatselijk 60 liter regen per vierkante meter.", 60.0, "mm")]
    [InlineData("en", "Up to 150 litres of rain per square metre fell in a day.", 150.0, "mm")]
    [InlineData("de", "Der Tank fasst 120 Liter.", 120.0, "l")]
    [InlineData("en", "Gusts of up to 81 mph were recorded.", 81.0, "mi/h")]
    [InlineData("en", "The train was travelling at 130 km/h.", 130.0, "km/h")]
    [InlineData("en", "Inflation rose to 3.2 per cent in May.", 3.2, "%")]
    [InlineData("de", "Der Zug fuhr mit 130 km/h durch den Bahnhof.", 130.0, "km/h")]
    [InlineData("en", "Temperatures fell to minus 12C overnight.", -12.0, "°C")]
    [InlineData("en", "It was 30C in Madrid on Sunday.", 30.0, "°C")]
    // A proportion "N in M" (English) and "N von M" (German), as Dutch "N op de M".
    [InlineData("en", "Three in ten Britons exercise every week.", 0.3, "britons")]
    [InlineData("de", "Drei von zehn Deutschen treiben Sport.", 0.3, "deutschen")]
    [InlineData("en", "He scored 3 in 10 minutes before half time.", 10.0, "min")]
    [InlineData("en", "Gusts of up to 81 miles per hour were recorded.", 81.0, "mi/h")]
    // The change verb after the figure (a German perfect, a Dutch subordinate clause): the figure counts the subject, as
    // when the verb comes first ("Het dodental is opgelopen tot 30").
    [InlineData("de", "Die Zahl der Toten ist inzwischen auf 41 gestiegen.", 41.0, "toten")]
    [InlineData("nl", "De GGD meldt dat het dodental inmiddels tot 30 is opgelopen.", 30.0, "dodental")]
    // Adverbs of time and auxiliaries between the subject and the change verb, or between the verb and its preposition
    // (DPG 2019: "nadat de teller met doden al was opgelopen tot 468").
    [InlineData("nl", "Er zijn cholera-gevallen gemeld, nadat de teller met doden al was opgelopen tot 468.", 468.0, "doden")]
    [InlineData("nl", "Het dodental is inmiddels opgelopen tot 30.", 30.0, "dodental")]
    [InlineData("en", "The death toll has now risen to 30.", 30.0, "toll")]
    [InlineData("de", "Die Zahl der Toten stieg inzwischen auf 41.", 41.0, "toten")]
    // The subject's head, not the last noun of its complements: "Het dodental van de aardbeving in het oosten van
    // Turkije", "The death toll from the earthquake in eastern Turkey".
    [InlineData("nl", "Het dodental van de aardbeving in het oosten van Turkije is opgelopen tot 31.", 31.0, "dodental")]
    [InlineData("en", "The death toll from the earthquake in eastern Turkey has risen to 31.", 31.0, "toll")]
    [InlineData("de", "Die Zahl der Toten im Osten der Türkei stieg auf 31.", 31.0, "toten")]
    [InlineData("nl", "In Turkije is het dodental opgelopen tot 31.", 31.0, "dodental")]
    // Two adjectives before the counted noun (DPG 2019: "148 jonge Twentse ouders", "Veertien grote Nederlandse bedrijven").
    [InlineData("nl", "Sinds 2012 woonden 148 jonge Twentse ouders in het huis.", 148.0, "ouders")]
    [InlineData("nl", "Veertien grote Nederlandse bedrijven tekenden de brief.", 14.0, "bedrijven")]
    // English adjectives do not inflect: a word before a plural noun is the noun's adjective ("three new schools"); Dutch
    // "extra" and "gratis" never inflect either.
    [InlineData("en", "The city will build three new schools.", 3.0, "schools")]
    [InlineData("en", "Two large fires broke out overnight.", 2.0, "fires")]
    [InlineData("en", "Police deployed 200 extra officers.", 200.0, "officers")]
    [InlineData("en", "Four injured people were taken away.", 4.0, "people")]
    [InlineData("nl", "Staatsbosbeheer plant 5 miljoen extra bomen.", 5e6, "bomen")]
    [InlineData("nl", "De gemeente zet 40 extra handhavers in.", 40.0, "handhavers")]
    // A body of people counted after "of/van/von": "a crew of 19", "een bemanning van 21", "eine Besatzung von 21".
    [InlineData("en", "The vessel was carrying a crew of 19.", 19.0, "crew")]
    [InlineData("nl", "Het schip had een bemanning van 21.", 21.0, "bemanning")]
    [InlineData("de", "Das Schiff hatte eine Besatzung von 21.", 21.0, "besatzung")]
    [InlineData("en", "A team of 12 searched the dunes.", 12.0, "team")]
    [InlineData("nl", "Een groep van 40 boeren blokkeerde de weg.", 40.0, "boeren")]
    // "Andere", "other", "andere" before a noun are its adjective; "anderen" alone is who is counted ("Twaalf anderen
    // raakten gewond", as "Twelve others were injured").
    [InlineData("nl", "Drie andere mannen werden opgepakt.", 3.0, "mannen")]
    [InlineData("en", "Three other men were arrested.", 3.0, "men")]
    [InlineData("de", "Drei andere Männer wurden festgenommen.", 3.0, "männer")]
    [InlineData("nl", "Twaalf anderen raakten gewond.", 12.0, "anderen")]
    [InlineData("en", "Twelve others were injured.", 12.0, "others")]
    // Two coordinated adjectives before the noun: "240 vertrekkende en landende vluchten", "300 kleine und mittlere
    // Betriebe", "300 Dutch and Belgian soldiers"; not two nouns ("300 mannen en vrouwen", "cars and trucks").
    [InlineData("nl", "In totaal gingen 240 vertrekkende en landende vluchten niet door.", 240.0, "vluchten")]
    [InlineData("nl", "Er sloten 300 kleine en middelgrote bedrijven.", 300.0, "bedrijven")]
    [InlineData("de", "Es schlossen 300 kleine und mittlere Betriebe.", 300.0, "betriebe")]
    [InlineData("en", "Some 300 Dutch and Belgian soldiers took part.", 300.0, "soldiers")]
    [InlineData("en", "About 40 small and medium firms closed.", 40.0, "firms")]
    [InlineData("nl", "Er liepen 300 mannen en vrouwen mee.", 300.0, "mannen")]
    [InlineData("en", "Police towed 30 cars and trucks away.", 30.0, "cars")]
    [InlineData("nl", "Het hof bestaat uit één gematigde en drie conservatieve rechters.", 3.0, "rechters")]
    [InlineData("nl", "Ze krijgen één foutje en je krijgt een boete.", 1.0, "foutje")]
    // German "weitere" and "andere" standing alone are who is counted, written small ("Fünf weitere werden vermisst").
    [InlineData("de", "Fünf weitere werden noch vermisst.", 5.0, "weitere")]
    [InlineData("de", "Zwölf andere wurden leicht verletzt.", 12.0, "andere")]
    // Years that are no age: a passive's "wordt", an anniversary or a term written "-jarig" before a thing; a child's is.
    [InlineData("nl", "Het certificaat moet elke drie jaar worden vernieuwd.", 3.0, "year")]
    [InlineData("nl", "De patiënt moet nog twee jaar wordt behandeld, vindt de rechter.", 2.0, "year")]
    [InlineData("nl", "De club viert zijn 25-jarig jubileum.", 25.0, "year")]
    [InlineData("nl", "Hij tekende een 4-jarig contract.", 4.0, "year")]
    [InlineData("nl", "Een 8-jarig meisje werd gered.", 8.0, "age")]
    // The singular a fraction or "one" takes is the unit too.
    [InlineData("nl", "Het duurde anderhalve maand.", 1.5, "month")]
    [InlineData("nl", "De operatie kostte een halve dag.", 0.5, "day")]
    [InlineData("nl", "Ze was één week ziek.", 1.0, "week")]
    public void TheCountedThing_AndNumbersInWords(string lang, string text, double value, string? unit)
    {
        Assert.Contains(Extract(lang, text), q => q.Value == value && q.Unit == unit);
    }

    // German writes every noun with a capital: a word in lower case after a number that is no adjective before a noun is
    // a verb or an adverb, never what the number counts ("Rund 40 protestierten", "500 kamen").
    [Theory]
    [InlineData("Rund 40 protestierten vor dem Rathaus.", 40.0)]
    [InlineData("Insgesamt 500 kamen zur Demonstration.", 500.0)]
    [InlineData("Von den Passagieren überlebten nur 12 nicht.", 12.0)]
    public void AGermanWordInLowerCase_IsNotCounted(string text, double value)
    {
        var found = Extract("de", text);
        Assert.DoesNotContain(found, q => q.Value == value && q.Unit is { } u && u.Length > 0 && char.IsLetter(u[0]) && text.Contains(" " + u, StringComparison.Ordinal));
    }

    // A bare number that opens the next clause as its subject counts what the count before it counts (gapping): "Drie
    // mensen kwamen om, twaalf raakten gewond", "Three people died and twelve were injured", "Drei Menschen starben,
    // zwölf wurden verletzt". Not a number after a preposition, nor one after a measure.
    [Theory]
    [InlineData("nl", "Drie mensen kwamen om, twaalf raakten gewond.", 12.0, "mensen")]
    [InlineData("en", "Police said 3 people died and 12 were injured.", 12.0, "people")]
    [InlineData("en", "Three people died and twelve were injured.", 12.0, "people")]
    [InlineData("de", "Drei Menschen starben, zwölf wurden verletzt.", 12.0, "menschen")]
    [InlineData("nl", "Er kwamen 40 reizigers aan in Utrecht en 12 vertrokken naar Zwolle.", 12.0, "reizigers")]
    // The next sentence too, when it opens with the bare number and its verb: "Vier toerskiërs raakten bedolven. Twee
    // werden levend gered."
    [InlineData("nl", "Een lawine bedolf vier toerskiërs. Twee werden levend gered.", 2.0, "toerskiërs")]
    [InlineData("en", "An avalanche buried four ski tourers on Sunday. One was rescued alive.", 1.0, "tourers")]
    [InlineData("de", "Eine Lawine hat vier Skitourengeher verschüttet. Zwei wurden lebend gerettet.", 2.0, "skitourengeher")]
    // Or a part of that count, "of them": "Three of them were found dead", "Zwei von ihnen", "Drie van hen".
    [InlineData("en", "An avalanche buried four ski tourers on Sunday. Three of them were found dead.", 3.0, "tourers")]
    [InlineData("de", "Eine Lawine hat vier Skitourengeher verschüttet. Zwei von ihnen konnten nur tot geborgen werden.", 2.0, "skitourengeher")]
    [InlineData("nl", "Bij de brand raakten twaalf bewoners gewond. Drie van hen zijn er ernstig aan toe.", 3.0, "bewoners")]
    [InlineData("en", "An avalanche buried four ski tourers on Sunday. Three of them were found dead. One was rescued alive.", 1.0, "tourers")]
    // The number one "of them" is a pronoun no article stands for: "Einer von ihnen", "One of them", "Een van hen".
    [InlineData("de", "Im Wallis sind drei Skifahrer von einer Lawine erfasst worden. Einer von ihnen kam ums Leben.", 1.0, "skifahrer")]
    [InlineData("en", "Three skiers were caught by an avalanche in Valais. One of them died.", 1.0, "skiers")]
    [InlineData("nl", "Drie skiërs werden door een lawine meegesleurd. Een van hen kwam om het leven.", 1.0, "skiërs")]
    [InlineData("nl", "Drie skiërs werden door een lawine meegesleurd. Eén van hen kwam om het leven.", 1.0, "skiërs")]
    public void ABareNumberOpeningTheNextClause_CountsWhatTheCountBeforeCounts(string lang, string text, double value, string unit)
    {
        Assert.Contains(Extract(lang, text), q => q.Value == value && q.Unit == unit);
    }

    // A person's age written without its unit: after a person noun and "van/of/von" ("een vrouw van 71", "a woman of
    // 71", "ein Junge von zwölf"), set off by commas after a person's name ("John Smith, 45, of Leeds"), or as a word
    // compound ("twaalfjarige", "zwölfjähriger", "twelve-year-old"). Never what the number counts ("raakte gewond").
    [Theory]
    [InlineData("nl", "Het slachtoffer, een vrouw van 71, overleed ter plaatse.", 71.0)]
    [InlineData("nl", "Een jongen van twaalf raakte zwaargewond.", 12.0)]
    [InlineData("nl", "Een meisje van 8 werd uit het water gered.", 8.0)]
    [InlineData("en", "The victim, a woman of 71, died at the scene.", 71.0)]
    [InlineData("en", "John Smith, 45, of Leeds, was charged with murder.", 45.0)]
    [InlineData("en", "Prime Minister Benjamin Netanyahu, 69, has led the country since 2009.", 69.0)]
    [InlineData("de", "Thomas Müller, 45, sagte der Zeitung, er sei erleichtert.", 45.0)]
    [InlineData("en", "Police arrested the driver, Tom Baker, 58.", 58.0)]
    [InlineData("de", "Ein zwölfjähriger Junge wurde schwer verletzt.", 12.0)]
    [InlineData("de", "Der Zwölfjährige wurde ins Krankenhaus gebracht.", 12.0)]
    [InlineData("nl", "Een twaalfjarige jongen raakte gewond.", 12.0)]
    [InlineData("nl", "De vierentwintigjarige bestuurder is aangehouden.", 24.0)]
    [InlineData("en", "A twelve-year-old boy was injured.", 12.0)]
    // Set off by commas after a person noun too: "The tractor driver, 43, was arrested", "the victim, 71, died".
    [InlineData("en", "The tractor driver, 43, was arrested.", 43.0)]
    [InlineData("en", "Police said the victim, 71, died at the scene.", 71.0)]
    [InlineData("de", "Der Fahrer, 43, wurde festgenommen.", 43.0)]
    // In brackets after a noun for a person, a child's noun or "mij" in a column, not only after a name.
    [InlineData("nl", "De politie hield een vrouw (47) en haar zoon aan.", 47.0)]
    [InlineData("nl", "Een fietser (19) werd geschept door een busje.", 19.0)]
    [InlineData("nl", "Gisteren raakte een kleuter (3) gewond bij een val.", 3.0)]
    [InlineData("nl", "Voor mij (72) is dat geen probleem meer.", 72.0)]
    [InlineData("nl", "Zijn zoontje van vijf zat achterin.", 5.0)]
    // Two ages in one bracket, a bracket's word and comma before the age, a word compound before a name, years someone turned.
    [InlineData("nl", "Een echtpaar uit Zeist (71 en 69) kwam om het leven.", 71.0)]
    [InlineData("nl", "Een echtpaar uit Zeist (71 en 69) kwam om het leven.", 69.0)]
    [InlineData("nl", "Jarig: Ruud Gullit (voetbal, 57) en Ellen van Dijk (wielrennen, 37).", 57.0)]
    [InlineData("nl", "Jarig: Ruud Gullit (voetbal, 57) en Ellen van Dijk (wielrennen, 37).", 37.0)]
    [InlineData("nl", "Ook de twaalfjarige Sanne deed mee.", 12.0)]
    [InlineData("en", "The ten-year-old Anna was found safe.", 10.0)]
    [InlineData("nl", "Mijn moeder is vorige week 90 jaar geworden.", 90.0)]
    [InlineData("nl", "Wie 95 jaar wordt, heeft veel meegemaakt.", 95.0)]
    [InlineData("de", "Sie ist am Sonntag 90 Jahre alt geworden.", 90.0)]
    [InlineData("en", "She turned 64 last week.", 64.0)]
    public void AnAgeWithoutItsUnit_IsAnAge(string lang, string text, double value)
        => Assert.Equal([QuantityExtractor.AgeUnit], UnitsOf(lang, text, value));

    // Years "old" as an attribute before the person: "einen 31 Jahre alten Mann", "een 31 jaar oude man", "a 31 years old
    // man"; a thing's years stay years ("een 100 jaar oude boom").
    [Theory]
    [InlineData("de", "Die Polizei sucht einen 31 Jahre alten Mann.", 31.0, true)]
    [InlineData("de", "Eine 84 Jahre alte Frau wurde verletzt.", 84.0, true)]
    [InlineData("nl", "Een 31 jaar oude man is aangehouden.", 31.0, true)]
    [InlineData("en", "Police arrested a 31 years old man.", 31.0, true)]
    [InlineData("nl", "Een 100 jaar oude boom is omgewaaid.", 100.0, false)]
    [InlineData("de", "Das 38 Jahre alte Stadion wird abgerissen.", 38.0, false)]
    public void YearsOldBeforeAPerson_AreAnAge(string lang, string text, double value, bool age)
        => Assert.Equal(age, UnitsOf(lang, text, value).Contains(QuantityExtractor.AgeUnit));

    // Two ages in one apposition: "Die beiden Täter, 24 und 35 Jahre alt,", "De verdachten, 19 en 22 jaar oud,", "The two
    // men, aged 19 and 22,": each number is an age.
    [Theory]
    [InlineData("de", "Die beiden Täter, 24 und 35 Jahre alt, flüchteten auf einem Roller.", 24.0, 35.0)]
    [InlineData("nl", "De twee verdachten, 19 en 22 jaar oud, zijn aangehouden.", 19.0, 22.0)]
    [InlineData("en", "The two men, aged 19 and 22, were arrested.", 19.0, 22.0)]
    public void TwoAgesInOneApposition_AreBothAges(string lang, string text, double first, double second)
    {
        Assert.Contains(QuantityExtractor.AgeUnit, UnitsOf(lang, text, first));
        Assert.Contains(QuantityExtractor.AgeUnit, UnitsOf(lang, text, second));
    }

    // Not an age: a number with its own unit or counted noun, a number after a place or a date, a stretch of schooling.
    [Theory]
    [InlineData("en", "In Leeds, 45 people were hurt.", 45.0)]
    [InlineData("en", "On June 12, 45 people were evacuated.", 45.0)]
    [InlineData("nl", "Een kind van 3 maanden werd gevonden.", 3.0)]
    [InlineData("nl", "Een man van 2 meter lang stond voor de deur.", 2.0)]
    [InlineData("nl", "Hij volgde een vierjarige opleiding aan de academie.", 4.0)]
    [InlineData("en", "The striker signed a two-year contract.", 2.0)]
    [InlineData("nl", "De politie zocht in groep 8, 12, en 14.", 12.0)]
    [InlineData("en", "Ajax beat Feyenoord in De Kuip, 3-1.", 3.0)]
    public void ANumberThatIsNoAge_IsNoAge(string lang, string text, double value)
        => Assert.DoesNotContain(QuantityExtractor.AgeUnit, UnitsOf(lang, text, value));

    // The units of the figures of a value in a text, every figure found written to the output.
    private List<string?> UnitsOf(string lang, string text, double value)
    {
        var found = Extract(lang, text);
        output.WriteLine(string.Join(" | ", found.Select(Format)));
        return found.Where(q => q.Value == value).Select(q => q.Unit).ToList();
    }

    [Theory]
    [InlineData("nl", "De boete bedroeg 300 euro, 40 procent meer dan vorig jaar.", 40.0, "EUR")]
    [InlineData("nl", "Drie mensen kwamen om op de A12 bij 12 graden vorst.", 12.0, "mensen")]
    [InlineData("en", "Three people died in 2019 and 2020 was worse.", 2020.0, "people")]
    [InlineData("nl", "Wat de twee restaurants aan de Kruisstraat 63 en 12 mogen, mag de pizzeria ook.", 12.0, "restaurants")]
    [InlineData("nl", "Debets heeft twee kinderen van vier en 12 heeft zij er niet.", 12.0, "kinderen")]
    // A part of the count before ("zwei von ihnen", "two of them", "twee van hen") is no new count of its noun.
    [InlineData("de", "Elf Beschäftigte wurden verletzt, zwei von ihnen schwer.", 2.0, "beschäftigte")]
    [InlineData("en", "Eleven workers were injured, two of them seriously.", 2.0, "workers")]
    [InlineData("nl", "Elf werknemers raakten gewond, twee van hen ernstig.", 2.0, "werknemers")]
    [InlineData("de", "Elf Beschäftigte wurden verletzt, zwei davon schwer.", 2.0, "beschäftigte")]
    public void ABareNumberThatIsNoSubject_CountsNothingOfTheCountBefore(string lang, string text, double value, string unit)
    {
        Assert.DoesNotContain(Extract(lang, text), q => q.Value == value && q.Unit == unit);
    }

    // A part a count rose to is a share of what is counted, not a count of it (DPG 2019).
    [Fact]
    public void APartAFigureRoseTo_CountsNoSubject()
    {
        const string Text = "Het aantal dikke personen is zelfs gestegen tot een kwart.";
        Assert.DoesNotContain(Extract("nl", Text), q => q.Unit is "personen" or "zelfs");
    }

    // A bare number that ends a clause coordinated with a measure just before it repeats that measure's unit (gapping);
    // not after a preposition or a noun it numbers, not a year, not far from it, not before something else it could be
    // of, not after a count or a share.
    [Theory]
    [InlineData("nl", "Ik mag 25 km per uur rijden, en auto's 50.", 50.0, "km/h", true)]
    [InlineData("nl", "De limiet is 25 km/u voor brommers en 50 voor auto's.", 50.0, "km/h", true)]
    [InlineData("en", "The fine is 90 euros for a first offence and 180 for a second.", 180.0, "EUR", true)]
    [InlineData("de", "Die Strecke ist 12 Kilometer lang, die andere 9.", 9.0, "km", true)]
    [InlineData("nl", "Hij reed 120 km per uur en kreeg een boete van 50.", 50.0, "km/h", false)]
    [InlineData("nl", "Hij reed 120 km per uur op de snelweg bij Utrecht en zag toen 50 koeien.", 50.0, "km/h", false)]
    [InlineData("nl", "Het dorp telt 300 inwoners en 50 huizen, en de buurgemeente 400.", 400.0, "inwoners", false)]
    [InlineData("nl", "De PVV kreeg 12 procent, de VVD 14.", 14.0, "%", false)]
    [InlineData("nl", "Hij reed 120 km per uur. Zijn broer 50.", 50.0, "km/h", false)]
    [InlineData("nl", "De boete was 90 euro, vorig jaar was dat 50.", 50.0, "EUR", true)]
    [InlineData("nl", "Het huis kost 300.000 euro en heeft nummer 12.", 12.0, "EUR", false)]
    [InlineData("nl", "Een kaartje kost 90 euro, en 2019.", 2019.0, "EUR", false)]
    public void AGappedNumber_RepeatsTheMeasureBeforeIt(string lang, string text, double value, string unit, bool expected)
    {
        var figures = Extract(lang, text);
        Assert.Equal(expected, figures.Any(q => q.Value == value && q.Unit == unit));
    }

    // A vague amount is the same interval in every language, and counts the noun after it; English joins the two with
    // "of" and writes a vague multiple of a scale in three words.
    [Theory]
    [InlineData("en", "Tens of thousands of homes are still without power.", "Tens of thousands of homes", "20000..99999 homes")]
    [InlineData("nl", "Tienduizenden huishoudens zitten zonder stroom.", "Tienduizenden huishoudens", "20000..99999 huishoudens")]
    [InlineData("de", "Zehntausende Haushalte sind ohne Strom.", "Zehntausende Haushalte", "20000..99999 haushalte")]
    [InlineData("en", "Hundreds of thousands of people fled.", "Hundreds of thousands of people", "200000..999999 people")]
    [InlineData("de", "Hunderttausende Menschen flohen.", "Hunderttausende Menschen", "200000..999999 menschen")]
    [InlineData("en", "Hundreds of trees were brought down.", "Hundreds of trees", "200..999 trees")]
    [InlineData("en", "Dozens of houses burned.", "Dozens of houses", "24..99 houses")]
    [InlineData("en", "The repairs will cost millions of euros.", "millions of euros", "2000000..9990000 EUR")]
    [InlineData("de", "Das Feuer zerstörte die Häuser von Tausenden Menschen.", "Tausenden Menschen", "2000..9999 menschen")]
    // "of" that leads to no counted thing stays outside the figure.
    [InlineData("en", "Thousands of the residents fled.", "Thousands", "2000..9999 -")]
    // "een paar honderd" is a few hundred, as vague as "honderden".
    [InlineData("nl", "Er kwamen een paar honderd supporters op af.", "een paar honderd supporters", "200..999 supporters")]
    [InlineData("nl", "Dat kost al snel een paar duizend euro.", "een paar duizend euro", "2000..9999 EUR")]
    public void VagueAmounts_AreOneIntervalInEveryLanguage(string lang, string text, string span, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray();
        var found = Extractor.Extract(text, tokens, words, lang, [], keepBareNumbers: true);
        Assert.Contains(found, q => text[q.Start..q.End] == span && Format(q) == expected);
    }

    // English "one" is no article, but "one of the", "no one" and "one day" count nothing.
    [Theory]
    [InlineData("One of the victims was a child.")]
    [InlineData("No one was hurt.")]
    [InlineData("One day the bridge will reopen.")]
    public void OneThatCountsNothing_IsNoFigure(string text)
    {
        Assert.DoesNotContain(Extract("en", text), q => q.Value == 1);
    }

    [Theory]
    [InlineData("nl", "Tientallen raakten gewond.")]
    [InlineData("nl", "Honderden werden geëvacueerd.")]
    [InlineData("en", "Dozens were injured.")]
    [InlineData("de", "Dutzende wurden verletzt.")]
    public void AVagueAmountFollowedByItsVerb_CountsNoVerb(string lang, string text)
    {
        var q = Assert.Single(Extract(lang, text));
        Assert.Null(q.Unit);
        Assert.Equal(FigureQualifier.Vague, q.Qualifier);
    }

    // An auxiliary, a modal or a common verb after an exact number is what its subject does: the number counts nothing
    // named (DPG 2019: "Van Radio 538 kregen de twee vindsters…", "waar 50 mag", "De drie moeten naar het CBR"). A
    // change verb after the figure leaves it counting its subject ("auf 41 gestiegen": the dead), and a range or scaled
    // figure stays a figure.
    [Theory]
    [InlineData("nl", "Van Radio 538 kregen de twee vindsters een cheque.", 538, false, null)]
    [InlineData("nl", "Het ging harder dan 100 kilometer per uur, waar 50 mag.", 50, false, null)]
    [InlineData("nl", "De drie moeten naar het CBR voor een cursus.", 3, false, null)]
    [InlineData("nl", "De twaalf gaan morgen naar huis.", 12, false, null)]
    [InlineData("nl", "Vijf blijken onschuldig te zijn.", 5, false, null)] // any verb form the treebanks tag only as a verb
    [InlineData("nl", "Twee zitten nog vast in Rotterdam.", 2, false, null)]
    [InlineData("nl", "Ruim een kwart betreft jongeren onder de twintig.", 0.25, false, null)]
    [InlineData("nl", "Drie daarvan liggen nog in het ziekenhuis.", 3, false, null)] // or an adverb
    [InlineData("nl", "Bij de brand vielen drie doden.", 3, true, "doden")] // a noun that is also a verb form stays counted
    [InlineData("nl", "Er werden 40 stemmen geteld.", 40, true, "stemmen")]
    [InlineData("nl", "Op rondwegen moet de maximumsnelheid 50 of 70 blijven.", 50, true, null)]
    [InlineData("de", "Die Zahl der Toten ist inzwischen auf 41 gestiegen.", 41, true, "toten")]
    // A Dutch adjective or adverb that does not inflect is never the plural a number counts (DPG 2019: "waarvan dertien
    // voorwaardelijk", "1409 vorig jaar", "vijftigduizend nodig"): it describes the plural after it, or nothing is named.
    [InlineData("nl", "Er kwamen 300 medisch specialisten naar het congres.", 300, true, "specialisten")]
    [InlineData("nl", "Er reden 12.000 volledig elektrische bussen rond.", 12000, true, "bussen")]
    [InlineData("nl", "Ze verdeelden het over negen voornamelijk kleine gemeenten.", 9, true, "gemeenten")]
    [InlineData("nl", "Het bedrijf heeft er de komende jaren zeker tweeduizend nodig.", 2000, false, null)]
    [InlineData("nl", "Het waren er 450, tegen 380 vorig jaar.", 380, false, null)]
    [InlineData("nl", "Voor de politie is het getal 17 symbolisch.", 17, false, null)]
    [InlineData("nl", "Ze zei dat die drie mogelijk kwijt waren.", 3, false, null)]
    // A part after "waarvan" or "van wie" keeps the word that tells it apart: the comparer meets parts by it.
    [InlineData("nl", "Hij kreeg 30 maanden cel, waarvan twaalf voorwaardelijk.", 12, true, "voorwaardelijk")]
    // A range written with a bare hyphen and counting nothing is a score, a page or a day and month, never a figure.
    [InlineData("nl", "Ajax won in Enschede met 1-4 van FC Twente.", 1, false, null)]
    [InlineData("nl", "Lees verder op pagina 6-7 over de plannen.", 6, false, null)]
    [InlineData("nl", "Het ging om een brief (Brieven 2-4) over de zorg.", 2, false, null)]
    [InlineData("nl", "Het ging om 5-7 kinderen per klas.", 5, true, "kinderen")]
    // A number in digits inside a name is no figure; a figure after a name stays one.
    [InlineData("nl", "Na de crash bleef de Boeing 737 Max aan de grond.", 737, false, null)]
    [InlineData("nl", "Het circus dat Formule 1 heet, trekt door Europa.", 1, false, null)]
    [InlineData("nl", "De organisatie achter de Sea Watch 3 overweegt een rechtszaak.", 3, false, null)]
    [InlineData("en", "After the crash the Boeing 737 crashed again in tests.", 737, false, null)]
    [InlineData("nl", "Volgens het bureau zijn in Pakistan 1000 burgerslachtoffers gevallen.", 1000, true, "burgerslachtoffers")]
    [InlineData("nl", "Zo heeft NS 79 nieuwe treinen besteld.", 79, true, "treinen")]
    [InlineData("nl", "Een kilowatt kost bij Fastned 59 eurocent.", 59, true, "ct")]
    // "per" is no noun.
    [InlineData("nl", "De subsidie daalt naar 36 miljoen per jaar.", 36e6, true, null)]
    public void AVerbAfterANumber_IsNotWhatItCounts(string lang, string text, double value, bool figure, string? unit)
    {
        var found = Extract(lang, text).Where(q => q.Value == value).ToList();
        if (figure)
        {
            Assert.Equal(unit, Assert.Single(found).Unit);
        }
        else
        {
            Assert.Empty(found);
        }
    }

    [Theory]
    [InlineData("nl", "Er kwamen ruim 200 mensen.", "more", 200.0, null, true)]
    [InlineData("nl", "Er zijn bijna 30 kinderen.", "less", null, 30.0, true)]
    [InlineData("nl", "Er zijn minstens 12 doden.", "min", 12.0, null, false)]
    [InlineData("nl", "Er mogen hooguit 5 bezoekers komen.", "max", null, 5.0, false)]
    [InlineData("nl", "Mensen tussen 24 en 65 jaar mogen stemmen.", null, 24.0, 65.0, false)]
    [InlineData("en", "More than 40 people were hurt.", "more", 40.0, null, true)]
    [InlineData("de", "Fast 300 Menschen wurden evakuiert.", "less", null, 300.0, true)]
    [InlineData("nl", "Er vielen 17 doden.", null, 17.0, 17.0, false)]
    [InlineData("nl", "Het plan behelst een heffing tot wel 200 euro per ton.", "max", null, 200.0, false)]
    [InlineData("en", "Fines of up to 500 euros are possible.", "max", null, 500.0, false)]
    [InlineData("de", "Es drohen bis zu 500 Euro Strafe.", "max", null, 500.0, false)]
    [InlineData("nl", "Hij is veroordeeld tot zes jaar cel.", null, 6.0, 6.0, false)]
    [InlineData("en", "Some 36,000 chickens were culled.", "approx", 36000.0, 36000.0, false)]
    [InlineData("de", "Schätzungsweise 500 Menschen kamen.", "approx", 500.0, 500.0, false)]
    [InlineData("en", "More than $300 million was raised.", "more", 300000000.0, null, true)] // the sign stood between
    [InlineData("nl", "Het kost ruim € 2 miljoen.", "more", 2000000.0, null, true)]
    [InlineData("en", "Oil falls below US$108 on China data.", "less", null, 108.0, true)]
    [InlineData("en", "Shares closed above $50 on Monday.", "more", 50.0, null, true)]
    [InlineData("en", "US crude ends near $101.", "approx", 101.0, 101.0, false)]
    public void Bounds_AreTypedIntervals(string lang, string text, string? qualifier, double? lower, double? upper, bool excluded)
    {
        var q = Assert.Single(Extract(lang, text));
        Assert.Equal(qualifier, q.Qualifier.Name());
        Assert.Equal(FigureQualifiers.Parse(qualifier), q.Qualifier);
        Assert.Equal(lower, q.Lower);
        Assert.Equal(upper, q.Upper);
        Assert.Equal(excluded, q.BoundExcluded);
    }

    [Theory]
    [InlineData("nl", "De constante is 1,1^23 volgens het boek.", 8.954302432552389)]
    [InlineData("nl", "Het getal 2,5^-1 is een breuk.", 0.4)]
    [InlineData("nl", "Dat is 12,32e+14 in totaal.", 1.232e15)]
    [InlineData("nl", "Het verschil is ,08 gemiddeld.", 0.08)]
    [InlineData("nl", "Het budget is 2,33 k per maand.", 2330)]
    [InlineData("en", "They raised 10k for the shelter.", 10000)]
    [InlineData("nl", "Het is een op de twintig huishoudens.", 0.05)]
    [InlineData("nl", "Het resultaat is ½ van wat verwacht werd.", 0.5)]
    public void ExponentsLeadingDecimalsThousandsProportionsAndFractionSigns(string lang, string text, double expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray();
        var found = Extractor.Extract(text, tokens, words, lang, [], keepBareNumbers: true);
        Assert.Contains(found, q => Math.Abs(q.Value - expected) < 1e-9 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [InlineData("Hij is me nog een tientje schuldig.", "tientje")]
    [InlineData("Een kwartje is 25 cent.", "kwartje")]
    public void DutchCoinNames_AreAmounts(string text, string unit)
    {
        var found = Extractor.Extract(text, Tokenizer.Tokenize(text), "nl", []);
        Assert.Contains(found, q => q.Value == 1 && q.Unit == unit);
    }

    [Theory]
    [InlineData("1e99999999999")]
    [InlineData("1e999")]
    [InlineData("9,9^999 en 1,1^--999999 en 12e+99999999999")]
    [InlineData(",")]
    [InlineData("½^-3 k")]
    public void HugeExponentsAndOddTokens_NeverThrow(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray();
        var found = Extractor.Extract(text, tokens, words, "nl", [], keepBareNumbers: true);
        Assert.All(found, q => Assert.True(double.IsFinite(q.Value)));
    }
}
