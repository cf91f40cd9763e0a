using Chorus.Core.Text;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Dutch.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    [InlineData("Hij kwam. Zij ging.", new[] { "Hij kwam.", "Zij ging." })]
    [InlineData("Dit is bijv. een test. Klaar!", new[] { "Dit is bijv. een test.", "Klaar!" })]
    [InlineData("Volgens dr. Jansen klopt het. Echt?", new[] { "Volgens dr. Jansen klopt het.", "Echt?" })]
    [InlineData("Prof. De Vries was er. Hij sprak.", new[] { "Prof. De Vries was er.", "Hij sprak." })]
    [InlineData("Zie art. 5 van de wet. Daarna meer.", new[] { "Zie art. 5 van de wet.", "Daarna meer." })]
    [InlineData("Hij gaf het op. Zij niet.", new[] { "Hij gaf het op.", "Zij niet." })]
    [InlineData("J. Smit en A. de Boer kwamen. Later meer.", new[] { "J. Smit en A. de Boer kwamen.", "Later meer." })]
    [InlineData("Het kost 3.5 miljoen. Dat is veel.", new[] { "Het kost 3.5 miljoen.", "Dat is veel." })]
    [InlineData("“Dit is het einde.” Toen ging hij.", new[] { "“Dit is het einde.”", "Toen ging hij." })]
    [InlineData("“Kom op!”, riep hij. Niemand kwam.", new[] { "“Kom op!”, riep hij.", "Niemand kwam." })]
    [InlineData("Kop zonder punt\nEerste zin. Tweede zin.", new[] { "Kop zonder punt", "Eerste zin.", "Tweede zin." })]
    [InlineData("Zie www.nos.nl voor meer. Dank.", new[] { "Zie www.nos.nl voor meer.", "Dank." })]
    [InlineData("Wacht even... Nu verder.", new[] { "Wacht even...", "Nu verder." })]
    [InlineData("Het was 20 km. Daarna rustten we.", new[] { "Het was 20 km.", "Daarna rustten we." })]
    [InlineData("Het gebeurde in 2019. 2020 was rustiger.", new[] { "Het gebeurde in 2019.", "2020 was rustiger." })]
    public void Split_FollowsDutchConventions(string text, string[] expected)
        => Assert.Equal(expected, Split(text));

    [Fact]
    public void Split_Seed_KeepsHeadingsApartAndFindsEverySentence()
    {
        var text = Chorus.Core.Ingest.SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), "000", null).Article!.Text;
        var sentences = Split(text);
        Assert.Equal(24, sentences.Length);
        Assert.Contains("'Grote fout'", sentences);
        Assert.Contains("Kim komt naar Rusland op uitnodiging van Poetin.", sentences);
    }

    [Fact]
    public void Abbreviations_AreDerivedFromAlpino()
    {
        Assert.True(AbbreviationList.Dutch.Count > 500);
        Assert.True(AbbreviationList.Dutch.TryGet("bijv", out var c) && c == AbbreviationClass.NeverFinal);
        Assert.True(AbbreviationList.Dutch.TryGet("Prof", out c) && c == AbbreviationClass.Title);
        Assert.True(AbbreviationList.Dutch.TryGet("art", out c) && c == AbbreviationClass.WithNumber);
        Assert.True(AbbreviationList.Dutch.TryGet("enz", out c) && c == AbbreviationClass.MayEnd);
    }

    [SharedDataFact("ud-dutch/nl_alpino-ud-test.conllu")]
    public void Split_OnUdDutchNews_ReachesHighBoundaryF1()
    {
        var scores = SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, File.ReadLines(Path.Combine(TestPaths.SharedData, "ud-dutch/nl_alpino-ud-test.conllu")));
        Assert.True(scores.F1 >= 97, $"F1 {scores.F1:0.00}");
    }

    [Fact]
    public void Evaluation_CountsOnlyBoundariesInsideParagraphs()
    {
        string[] conllu =
        [
            "# sent_id = d.p.1.s.1", "# text = Dit is zin een.", "# sent_id = d.p.1.s.2", "# text = En dit twee.",
            "# sent_id = d.p.2.s.1", "# text = Kop", "# sent_id = d.p.2.s.2", "# text = Tekst volgt.",
        ];
        var all = SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, conllu);
        Assert.Equal((2, 2, 1, 1), (all.Paragraphs, all.GoldBoundaries, all.PredictedBoundaries, all.Correct));
        var punctuated = SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, conllu, punctuatedOnly: true);
        Assert.Equal(100, punctuated.F1);
    }
}

public class GermanOrdinalSplitTests
{
    private static string[] Split(string text, string lang) => SentenceSplitter.Dutch.Split(text, lang).Select(s => text[s.Start..s.End]).ToArray();

    // German writes ordinals with a period ("am 28. Juni", "zum 5. Mal"); a capitalised noun follows, as a new sentence
    // would. A bare number that ends a sentence ("stieg auf 28.") still ends it.
    [Theory]
    [InlineData("Die Produktion soll am 28. Juni eingestellt werden. Danach ist Schluss.", new[] { "Die Produktion soll am 28. Juni eingestellt werden.", "Danach ist Schluss." })]
    [InlineData("Er wurde am 3. Oktober 2023 Zweiter.", new[] { "Er wurde am 3. Oktober 2023 Zweiter." })]
    [InlineData("Er siegte zum 5. Mal in Folge. Das ist ein Rekord.", new[] { "Er siegte zum 5. Mal in Folge.", "Das ist ein Rekord." })]
    [InlineData("Der Unfall ereignete sich am Montag, dem 4. März, gegen 15 Uhr.", new[] { "Der Unfall ereignete sich am Montag, dem 4. März, gegen 15 Uhr." })]
    [InlineData("Im 19. Jahrhundert war das anders.", new[] { "Im 19. Jahrhundert war das anders." })]
    [InlineData("Das Tor fiel in der 90. Minute.", new[] { "Das Tor fiel in der 90. Minute." })]
    [InlineData("Geschlossen ist vom 1. bis 3. Mai.", new[] { "Geschlossen ist vom 1. bis 3. Mai." })]
    [InlineData("Seit dem 12. Dezember wird gestreikt.", new[] { "Seit dem 12. Dezember wird gestreikt." })]
    [InlineData("Der Streik begann 12. Dez. in Köln.", new[] { "Der Streik begann 12. Dez. in Köln." })]
    [InlineData("Die Zahl der Toten stieg auf 28. Die Polizei ermittelt.", new[] { "Die Zahl der Toten stieg auf 28.", "Die Polizei ermittelt." })]
    [InlineData("Bayern liegt auf Platz 3. Dortmund folgt.", new[] { "Bayern liegt auf Platz 3.", "Dortmund folgt." })]
    [InlineData("Gewählt wurde 2019. Die nächste Wahl folgt.", new[] { "Gewählt wurde 2019.", "Die nächste Wahl folgt." })]
    public void Split_GermanOrdinals_StayInTheirSentence(string text, string[] expected)
        => Assert.Equal(expected, Split(text, "de"));

    // Dutch and English write no ordinal periods: a number and a period before a capital end the sentence.
    [Theory]
    [InlineData("nl", "Het aantal doden steeg tot 28. Juni was de zwaarste maand.", new[] { "Het aantal doden steeg tot 28.", "Juni was de zwaarste maand." })]
    [InlineData("en", "The toll rose to 28. June was the worst month.", new[] { "The toll rose to 28.", "June was the worst month." })]
    public void Split_OtherLanguages_KeepTheirBoundary(string lang, string text, string[] expected)
        => Assert.Equal(expected, Split(text, lang));
}
