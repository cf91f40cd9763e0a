using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;
using Chorus.Core.Extraction.Ner;

namespace Chorus.Core.Tests.Extraction;

public class CoreferenceTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static Dictionary<string, string> EntityOfSurface(string path)
    {
        var a = Analyzer.Analyze(SeedTextReader.Read(File.ReadAllText(path), path, null).Article!);
        return a.Entities.GroupBy(e => a.Raw.Text[e.Start..e.End]).ToDictionary(g => g.Key, g => a.EntityGroups[g.First().Group].Canonical);
    }

    [Fact]
    public void Seed000_TyposShortFormsAndAdjectivesJoinTheirEntity()
    {
        var e = EntityOfSurface(TestPaths.Seed000);
        Assert.Equal(e["Sjojgoe"], e["Sjogjoe"]);
        Assert.Equal("Kim Jong-un", e["Kim"]);
        Assert.Equal("Noord-Korea", e["Noord-Koreaanse"]);
        Assert.Equal("Rusland", e["Russische"]);
    }

    [Fact]
    public void Seed002_BreukerIsRemcoBreuker_AndTheTwoKimsStayApart()
    {
        var e = EntityOfSurface(TestPaths.Seed002);
        Assert.Equal("Remco Breuker", e["Breuker"]);
        Assert.Equal("Kim Jong-un", e["Kim"]);
        Assert.Equal("Kim Jong-il", e["Kim Jong-il"]);
        Assert.NotEqual(e["Kim Jong-un"], e["Kim Jong-il"]);
    }

    // A capitalised word one edit from a person's name is a typo of it only where the article never writes it in lower
    // case: "Zeker" opening a sentence of an article that also writes "zeker" is the word, not Sander Dekker.
    [Theory]
    [InlineData("Minister Sander Dekker sprak dinsdag. Zeker is dat hij blijft. Dat is zeker geen verrassing.", "Zeker", false)]
    [InlineData("Kamerlid Sinan Vural stelde vragen. Vooral de kosten zijn hoog, en vooral in Amsterdam.", "Vooral", false)]
    [InlineData("Minister Sander Dekker sprak dinsdag. Volgens Dekkre blijft hij.", "Dekkre", true)]
    public void ATypoOfAName_IsNeverAWordTheArticleWritesInLowerCase(string text, string word, bool typo)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "t", Lang = "nl", Text = text });
        var found = a.Entities.Any(e => text[e.Start..e.End] == word && e.Method == MentionMethod.Typo);
        Assert.Equal(typo, found);
    }

    // Dutch and German write a name's genitive with -s and no apostrophe ("Mays plan", "Merkels Rede"): it is the person
    // whose surname it is, when the article names that person in full; a name that merely ends in -s stays itself.
    [Theory]
    [InlineData("nl", "Premier Theresa May verloor opnieuw een stemming. Het Lagerhuis verwierp dinsdag Mays plan voor de brexit.", "Mays", "Theresa May")]
    [InlineData("nl", "Mark Rutte sprak dinsdag in Brussel. Dat bevestigde Ruttes woordvoerder later.", "Ruttes", "Mark Rutte")]
    [InlineData("de", "Bundeskanzlerin Angela Merkel reiste nach Paris. Merkels Rede wurde dort gelobt.", "Merkels", "Angela Merkel")]
    [InlineData("nl", "De partij van Baudets vriend won. Baudet sprak van een overwinning voor Forum.", "Baudets", "Baudet")]
    [InlineData("nl", "Minister Hugo de Jonge was er niet. Jeroen Willems nam het woord. Willems zei dat alles goed ging.", "Willems", "Jeroen Willems")]
    public void AGenitive_IsThePersonOfThatSurname(string lang, string text, string surface, string canonical)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "t", Lang = lang, Text = text });
        var mention = Assert.Single(a.Entities, e => text[e.Start..e.End] == surface);
        Assert.Equal(canonical, a.EntityGroups[mention.Group].Canonical);
    }

    [Theory]
    [InlineData("grensstad", "LOC")]
    [InlineData("hoofdstad", "LOC")]
    [InlineData("woonplaats", "LOC")]
    [InlineData("staatspersbureau", "ORG")]
    [InlineData("bank", "ORG")]
    [InlineData("voetbalclub", "ORG")]
    [InlineData("nachrichtenagentur", "ORG")]
    [InlineData("rechtbank", null)] // a court: "rechtbank Amsterdam" keeps Amsterdam a place
    [InlineData("databank", null)]
    [InlineData("staat", null)]
    [InlineData("minister", null)] // a role, typed by RoleWords instead
    public void TypeNouns_TypeTheNameAfterThem(string noun, string? type) => Assert.Equal(type, TypeNouns.TypeOf(noun)?.Code());

    [Theory]
    [InlineData("nl", "Het persbureau Belnova meldde dat de stad Korvik was ontruimd. Belnova zei later meer.", "Belnova", "ORG")]
    [InlineData("nl", "Het persbureau Belnova meldde dat de stad Korvik was ontruimd. Belnova zei later meer.", "Korvik", "LOC")]
    [InlineData("nl", "De rechtbank Amsterdam deed uitspraak. In Amsterdam was het rustig.", "Amsterdam", "LOC")]
    [InlineData("de", "Die Nachrichtenagentur Belnova meldete, dass die Stadt Korvik geräumt wurde.", "Belnova", "ORG")]
    public void Apposition_TypesTheNameEverywhereInTheArticle(string lang, string text, string name, string type)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "t", Lang = lang, Text = text });
        var types = a.Entities.Where(e => text[e.Start..e.End] == name).Select(e => e.Type.Code()).Distinct().ToList();
        Assert.Equal([type], types);
    }

    [Theory]
    [InlineData("Noord-Koreaanse", "Noord-Korea")]
    [InlineData("Japanse", "Japan")]
    [InlineData("Zuid-Koreaanse", "Zuid-Korea")]
    [InlineData("Vietnamese", "Vietnam")]
    [InlineData("Amerikaanse", "Verenigde Staten")]
    [InlineData("North Korean", "North Korea")]
    [InlineData("russischen", "Russland")]
    public void PlaceAdjectives_PointToTheirPlace(string adjective, string place)
        => Assert.Equal(place, PlaceAdjectives.Default.PlaceOf(adjective));

    [Fact]
    public void PlaceAdjectives_AreMostlyDerivedFromTheAlpinoLists()
        => Assert.True(PlaceAdjectives.Default.Count > 300, $"{PlaceAdjectives.Default.Count} adjectives linked");

    private static Dictionary<string, (string Type, string Canonical)> Local(string lang, string text)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "c", Text = text, Lang = lang });
        return a.Entities.Where(e => e.Group >= 0).GroupBy(e => text[e.Start..e.End]).ToDictionary(g => g.Key, g => (g.First().Type.Code(), a.EntityGroups[g.First().Group].Canonical));
    }

    [Theory]
    [InlineData("nl", "De Noord-Atlantische Verdragsorganisatie (NAVO) komt dinsdag bijeen in Brussel. De NAVO wil meer geld voor defensie.", "NAVO", "Noord-Atlantische Verdragsorganisatie")]
    [InlineData("en", "The World Health Organization (WHO) declared an emergency on Monday. The WHO said cases were rising.", "WHO", "World Health Organization")]
    public void AnAcronymDefinedInBrackets_IsTheNameItFollows(string lang, string text, string acronym, string name)
    {
        var e = Local(lang, text);
        Assert.Equal(name, e[acronym].Canonical);
        Assert.Equal(e[name].Type, e[acronym].Type);
    }

    // What the tagger took for a name, given to the coreference stage as it is: the stage decides what stays an entity.
    private static List<string> KeptAsEntities(string lang, string text, params (string Surface, string Type)[] tagged)
    {
        var analyzer = ArticleAnalyzer.CreateDefault();
        var doc = new AnalysisDocument(new RawArticle { Ref = "c", Text = text, Lang = lang });
        foreach (var stage in analyzer.Stages.TakeWhile(s => s is not EntityStage))
        {
            ArticleAnalyzer.Apply(stage, doc);
        }

        doc.Entities = tagged.Select(t => text.IndexOf(t.Surface, StringComparison.Ordinal) is var at and >= 0
            ? new EntityMention(at, at + t.Surface.Length, TypeOf(t.Type), MentionMethod.Tagger)
            : throw new ArgumentException(t.Surface)).OrderBy(m => m.Start).ToList();
        ArticleAnalyzer.Apply(analyzer.Stages.OfType<CoreferenceStage>().Single(), doc);
        return doc.Entities.Select(m => text[m.Start..m.End]).ToList();
    }

    // A compound of a name and a noun is that noun, not a name; names built the same way (a prize, a church, a school)
    // and the name itself stay. A function word opening a sentence is no name, with a stress accent too.
    [Theory]
    [InlineData("nl", "Volgens Koreakenner Remco Breuker is dat onzin.", "Koreakenner", "MISC", false)]
    [InlineData("nl", "Hij deelde het bericht via zijn Facebookaccount met vrienden.", "Facebookaccount", "PER", false)]
    [InlineData("nl", "Het Brexitdebat duurde tot diep in de nacht.", "Brexitdebat", "MISC", false)]
    [InlineData("de", "Der Russlandexperte sagte am Montag, das sei falsch.", "Russlandexperte", "MISC", false)]
    [InlineData("nl", "Eén ding is zeker: de wedstrijd gaat door.", "Eén", "MISC", false)]
    [InlineData("nl", "Laatste uitstel Eén daarvan is al bekend.", "Eén", "MISC", false)]
    [InlineData("nl", "Stemming Het Lagerhuis stemde dinsdag opnieuw. De stemming duurde een uur.", "Stemming", "MISC", false)]
    [InlineData("nl", "Volgens de Commissie is het plan af. De commissie vergadert dinsdag.", "Commissie", "PER", false)]
    [InlineData("nl", "Voorzitter Bercow, wiens kat 'Order' heet, koos acht voorstellen.", "Order", "MISC", true)]
    [InlineData("nl", "De EU-landen stemden dinsdag in met het plan.", "EU-landen", "MISC", false)]
    [InlineData("nl", "Volgens een Labour-kamerlid is dat onzin.", "Labour-kamerlid", "MISC", false)]
    [InlineData("nl", "Kim Jong-un reisde dinsdag per trein naar Vladivostok.", "Kim Jong-un", "PER", true)]
    [InlineData("nl", "Het Brexit-akkoord is van tafel, zei een woordvoerder.", "Brexit-akkoord", "MISC", true)]
    [InlineData("nl", "Zij kreeg in 2019 de Abelprijs voor haar werk.", "Abelprijs", "MISC", true)]
    [InlineData("nl", "De dienst in de Dominicuskerk begon om tien uur.", "Dominicuskerk", "LOC", true)]
    [InlineData("nl", "De leerlingen van de Julianaschool gingen naar huis.", "Julianaschool", "MISC", true)]
    [InlineData("nl", "De Rijksoverheid maakte dinsdag bekend dat het plan doorgaat.", "Rijksoverheid", "ORG", true)]
    [InlineData("nl", "Premier Rutte sprak dinsdag met Facebook over nepnieuws.", "Facebook", "ORG", true)]
    public void ACompoundOfANameAndANoun_IsNoName(string lang, string text, string surface, string type, bool kept)
    {
        Assert.Equal(kept, KeptAsEntities(lang, text, (surface, type)).Contains(surface));
    }

    [Fact]
    public void ALoneSurname_IsThePersonNamedInFull_WhateverItsType()
    {
        var e = Local("nl", "Minister Sander Dekker van Rechtsbescherming reageerde dinsdag. Dekker zei dat hij geen fouten had gemaakt. Volgens Dekker is het dossier op orde.");
        Assert.Equal(("PER", "Sander Dekker"), e["Dekker"]);
    }

    // A surname that is also a city or region the names of the news list ("Vlaanderen") is the person named in full; a
    // province, state or country ISO lists stays a place ("Utrecht" beside a signature the tagger read as one person).
    [Theory]
    [InlineData("Chantal Vlaanderen, de vrouw met de elektrische snorfiets, wappert met een geel hesje door de lucht. Maar Vlaanderen was niet van plan het hesje aan te trekken.", "Vlaanderen", "PER", "Chantal Vlaanderen")]
    [InlineData("Het gevolg is de schietpartij in Utrecht waarbij drie doden vielen. Henny Iseger Breda Utrecht", "Utrecht", "LOC", "Utrecht")]
    public void ALoneSurnameThatIsAListedPlace_IsThePerson_UnlessIsoListsIt(string text, string word, string type, string canonical)
        => Assert.Equal((type, canonical), Local("nl", text)[word]);

    // German inflects names: "in den Niederlanden" (dative plural), "Deutschlands" (genitive). The entity is the name,
    // so Dutch and English articles about the same place share it.
    [Theory]
    [InlineData("In den Niederlanden werden inzwischen 5.600 Grippefälle pro Woche gemeldet.", "Niederlanden", "Niederlande")]
    [InlineData("Wie der Verband mitteilte, verkaufen Deutschlands Autobauer weniger Wagen.", "Deutschlands", "Deutschland")]
    [InlineData("Die Küste Spaniens wurde von einem Sturm getroffen.", "Spaniens", "Spanien")]
    public void AGermanInflectedPlaceName_IsThePlace(string text, string surface, string canonical)
    {
        var e = Local("de", text);
        Assert.Equal(("LOC", canonical), e[surface]);
        Assert.Equal(TranslatedNames.Default.KeyOf(canonical), TranslatedNames.Default.KeyOf(e[surface].Canonical));
    }

    [Theory]
    [InlineData("Kremlinwoordvoerder Dmitri Peskov zei dinsdag dat Moskou niet zal reageren.", "Dmitri Peskov")]
    [InlineData("Dijkgraaf Ingrid Peters roept mensen op voorzichtig te zijn.", "Ingrid Peters")]
    public void ARoleWordGluedToAPerson_IsNotPartOfTheName(string text, string name)
    {
        var e = Local("nl", text);
        Assert.Contains(name, e.Keys);
        Assert.DoesNotContain(e.Keys, k => k.EndsWith(name, StringComparison.Ordinal) && k != name);
    }

    // German writes every noun with a capital: a noun of the dictionary or a compound ending in one before a name is
    // what the person is, not part of the name; a given name that is also a word ("Ernst", "Horst") stays.
    [Theory]
    [InlineData("Bayer Leverkusen verpflichtet den Mittelfeldspieler Thiago Ramalho vom FC Porto.", "Thiago Ramalho")]
    [InlineData("Der Grünen-Politiker Anton Hofreiter kritisierte den Plan am Montag scharf.", "Anton Hofreiter")]
    [InlineData("Am Dienstag sagte Rentner Klaus Weber vor Gericht aus.", "Klaus Weber")]
    public void AGermanNounBeforeAPerson_IsNotPartOfTheName(string text, string name)
    {
        var e = Local("de", text);
        Assert.Contains(name, e.Keys);
        Assert.DoesNotContain(e.Keys, k => k.EndsWith(name, StringComparison.Ordinal) && k != name);
    }

    [Theory]
    [InlineData("Am Montag sprach Ernst Kuipers in Berlin mit Journalisten.", "Ernst Kuipers")]
    [InlineData("Am Montag sprach Horst Seehofer in München mit Journalisten.", "Horst Seehofer")]
    public void AGermanGivenNameThatIsAlsoAWord_StaysInTheName(string text, string name)
    {
        Assert.Contains(name, Local("de", text).Keys);
    }

    [Theory]
    [InlineData("erasmusbrug")]
    [InlineData("waalhaven")]
    [InlineData("museumplein")]
    public void APlaceNamedByItsLastPart_IsAPlace_NotAThing(string lower)
    {
        var name = char.ToUpperInvariant(lower[0]) + lower[1..];
        var e = Local("nl", $"Bij de {name} in de stad ontstond dinsdag een lange file. Ook rond de {name} stonden auto's stil.");
        Assert.True(e.TryGetValue(name, out var found), $"{name} was not found");
        Assert.Equal("LOC", found!.Type);
    }

    [Fact]
    public void ACabinetIsNoPerson_AKingWithANumeralIs()
    {
        var e = Local("nl", "Het kabinet Rutte III viel dinsdag. Premier Mark Rutte bood zijn ontslag aan bij koning Willem-Alexander. Rutte III was het derde kabinet van Rutte.");
        Assert.NotEqual("PER", e["Rutte III"].Type);
        Assert.Equal("PER", e["Mark Rutte"].Type);
    }

    // A type code of a table row ("PER").
    private static EntityType TypeOf(string code)
        => EntityTypes.TryParse(code, out var type) ? type : throw new ArgumentException($"not an entity type: {code}", nameof(code));
}
