using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Text;

namespace Chorus.Core.Tests.Stories;

public class FigureModalityTests
{
    // What a source fears, expects or says a figure may rise to is no report of it; a figure beside such words, in its own
    // clause or parenthesis, or measured against an expectation, still is.
    [Theory]
    [InlineData("Mozambique: President vreest voor meer dan duizend doden", "duizend", true)]
    [InlineData("In Mozambique zijn mogelijk meer dan duizend doden.", "duizend", true)]
    [InlineData("Verwacht werd dat het begrotingstekort 2 procent zou worden.", "2", true)]
    [InlineData("Het dodental kan nog oplopen tot 100.", "100", true)]
    [InlineData("Officials fear that 500 people have died.", "500", true)]
    [InlineData("The death toll could rise to 300, officials said.", "300", true)]
    [InlineData("Mehr als 1000 Tote werden befürchtet.", "1000", true)]
    [InlineData("Die Zahl der Opfer könnte auf 200 steigen.", "200", true)]
    [InlineData("De president vreest voor zijn leven, maar 215 doden zijn geregistreerd.", "215", false)]
    [InlineData("De winst van 5 miljoen euro was hoger dan verwacht.", "5", false)]
    [InlineData("Zoals verwacht won Ajax met 3-0 van PSV.", "3", false)]
    [InlineData("Nederland vreest niet zozeer de kosten (geschat op 18 miljoen euro) maar iets anders.", "18", false)]
    [InlineData("De GGD wil het zo snel mogelijk weten: 20 kinderen zijn ziek.", "20", false)]
    [InlineData("In May the number of arrests reached 40.", "40", false)]
    [InlineData("Police could not find 12 of the passengers.", "12", false)]
    [InlineData("In de drie getroffen landen zijn 215 doden geregistreerd.", "215", false)]
    // Read on DPG 2019: what follows the figure in a relative clause or after "en" is about something else; an adjective
    // after an article is no verb of fearing; "niet mogelijk" and "het mogelijk" say nothing of the figure; a colon ends
    // the reach of a cue before it.
    [InlineData("De politie heeft twaalf verdachten opgepakt van wie een deel mogelijk betrokken was.", "twaalf", false)]
    [InlineData("Met inmiddels 629 overleden patiënten is het de dodelijkste uitbraak van de gevreesde ziekte.", "629", false)]
    [InlineData("Alleen onbemande systemen kunnen naar 1500 meter diepte en met die apparaten is het niet mogelijk om te bergen.", "1500", false)]
    [InlineData("Nu al is het mogelijk om een uitkering voor drie maanden mee te nemen.", "drie", false)]
    [InlineData("Hij vreesde voor hun veiligheid en gebruikte zijn bevoegdheid: de twee tieners kregen alsnog een vergunning.", "twee", false)]
    [InlineData("De verwachting is dat dat aantal oploopt naar zeker 60 volwassenen.", "60", true)]
    [InlineData("Het is mogelijk dat twintig mensen omkwamen.", "twintig", true)]
    [InlineData("Some 500 of them are feared dead.", "500", true)]
    [InlineData("Die fürchterliche Bilanz von 20 Toten erschütterte das Land.", "20", false)]
    [InlineData("Die Behörden fürchten, dass 300 Menschen gestorben sind.", "300", true)]
    [InlineData("Volgens de werkgevers kunnen de kosten per huis oplopen tot 60.000 euro of meer.", "60.000", true)]
    public void Projections_AreNoReports(string sentence, string figure, bool expected)
    {
        var at = sentence.IndexOf(figure, StringComparison.Ordinal);
        var quantity = new QuantityMention(at, at + figure.Length, 1, null);
        Assert.Equal(expected, FigureModality.IsProjected(sentence, Tokenizer.Tokenize(sentence), 0, sentence.Length, quantity));
    }

    // A role word goes to the figure nearest to it: the other figures of the sentence count something else.
    [Theory]
    [InlineData("In de drie getroffen landen zijn 215 doden geregistreerd.", "drie getroffen", "getroffen", "215 doden", FigureRole.None)]
    [InlineData("In de drie getroffen landen zijn 215 doden geregistreerd.", "215 doden", "doden", "drie getroffen", FigureRole.Dead)]
    [InlineData("Zeven mensen raakten gewond, van wie twee ernstig.", "twee", null, "Zeven mensen", FigureRole.None)]
    [InlineData("Zeven mensen raakten gewond, van wie twee ernstig.", "Zeven mensen", "mensen", "twee", FigureRole.Injured)]
    [InlineData("Twelve people died in three villages.", "three villages", "villages", "Twelve people", FigureRole.None)]
    [InlineData("In zwei Dörfern starben 14 Menschen.", "zwei Dörfern", "dörfern", "14 Menschen", FigureRole.None)]
    [InlineData("In zwei Dörfern starben 14 Menschen.", "14 Menschen", "menschen", "zwei Dörfern", FigureRole.Dead)]
    [InlineData("Honderden mensen zijn vermist en anderhalf miljoen mensen zitten opgesloten.", "anderhalf miljoen mensen", "mensen", "Honderden mensen", FigureRole.None)]
    [InlineData("Honderden mensen zijn vermist en anderhalf miljoen mensen zitten opgesloten.", "Honderden mensen", "mensen", "anderhalf miljoen mensen", FigureRole.Missing)]
    [InlineData("Elf mensen kwamen om en 23 mensen raakten gewond.", "23 mensen", "mensen", "Elf mensen", FigureRole.Injured)]
    // A verb-final clause: the subject before the verb, not the main clause's object after it (DPG 2019).
    [InlineData("Zij begon na de aanslag waarbij vier mensen overleden twee inzamelingen.", "vier mensen", "mensen", "twee inzamelingen", FigureRole.Dead)]
    [InlineData("Zij begon na de aanslag waarbij vier mensen overleden twee inzamelingen.", "twee inzamelingen", "inzamelingen", "vier mensen", FigureRole.None)]
    [InlineData("Bij de brand in drie woningen raakten vijf bewoners gewond.", "drie woningen", "woningen", "vijf bewoners", FigureRole.None)]
    // A degree written into one word ("lichtgewond", "zwaargewonden", "Schwerverletzte", "leichtverletzt") is still hurt.
    [InlineData("Bij de brand raakten vijf mensen lichtgewond.", "vijf mensen", "mensen", "de brand", FigureRole.Injured)]
    [InlineData("Er vielen drie zwaargewonden.", "drie zwaargewonden", "zwaargewonden", "Er", FigureRole.Injured)]
    [InlineData("Es gab drei Schwerverletzte.", "drei Schwerverletzte", "schwerverletzte", "Es", FigureRole.Injured)]
    [InlineData("Am Montag wurden drei Menschen leichtverletzt.", "drei Menschen", "menschen", "Am", FigureRole.Injured)]
    public void RoleWords_GoToTheNearestFigure(string sentence, string figure, string? unit, string other, FigureRole expected)
    {
        var at = sentence.IndexOf(figure, StringComparison.Ordinal);
        var otherAt = sentence.IndexOf(other, StringComparison.Ordinal);
        bool? sits = null;
        var spans = new List<(int, int)> { (at, at + figure.Length), (otherAt, otherAt + other.Length) };
        Assert.Equal(expected, FigureRoles.RoleOf(sentence, 0, sentence.Length, at, at + figure.Length, unit, ref sits, spans));
    }
}

public class FiguresLedgerProjectionTests
{
    // The ledger keeps a projection, marked, beside the reported figures: a fact-checker sees who fears what.
    [Fact]
    public void Ledger_MarksProjections()
    {
        const string Text = "In Mozambique zijn mogelijk meer dan duizend doden. In de drie getroffen landen zijn 215 doden geregistreerd.";
        var analyzed = Chorus.Core.Analysis.ArticleAnalyzer.CreateDefault().Analyze(new Chorus.Core.Ingest.RawArticle { Ref = "r", Text = Text, Lang = "nl" });
        var stored = new Chorus.Core.Store.StoredArticle { Id = "a1", Ref = "r", ContentKey = "k", Text = Text, Lang = "nl" };
        var comparison = new StoryComparer().Compare([ComparedArticle.WithProvisionalIds("a1", "a1", null, analyzed)]);
        var values = Chorus.Core.Contracts.ContractMapper.FiguresLedger([stored], [analyzed], comparison.Projected).SelectMany(r => r.Values).ToList();
        Assert.True(values.Single(v => v.Text.Contains("duizend", StringComparison.Ordinal)).Projected);
        Assert.False(values.Single(v => v.Text.Contains("215", StringComparison.Ordinal)).Projected);
    }

    // A line of counted nouns is named by the word its sources write most, not by the five letters that group it.
    [Fact]
    public void Ledger_NamesACountedNounLine_ByTheFormWrittenMost()
    {
        string[] texts = ["De partij wint drie zetels in de Staten.", "De partij komt op vijf zetels uit.", "Het verschil is één zetel."];
        var analyzed = texts.Select((t, i) => Chorus.Core.Analysis.ArticleAnalyzer.CreateDefault().Analyze(new Chorus.Core.Ingest.RawArticle { Ref = $"r{i}", Text = t, Lang = "nl" })).ToList();
        var stored = texts.Select((t, i) => new Chorus.Core.Store.StoredArticle { Id = $"a{i}", Ref = $"r{i}", ContentKey = $"k{i}", Text = t, Lang = "nl" }).ToList();
        var rows = Chorus.Core.Contracts.ContractMapper.FiguresLedger(stored, analyzed, new HashSet<(string, int)>());
        var seats = Assert.Single(rows, r => r.Kind == "figure");
        Assert.Equal("zetels", seats.What);
        Assert.Equal(3, seats.Values.Count);
    }
}
