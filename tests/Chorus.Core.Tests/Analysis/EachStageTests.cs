using Chorus.Core.Analysis;

namespace Chorus.Core.Tests.Analysis;

/// <summary>Each analysis stage on its own: the layers before it made by the real stages, its own layer checked.</summary>
public sealed class EachStageTests
{
    [Theory]
    [InlineData("Het kabinet heeft dinsdag besloten de belasting op arbeid te verlagen, meldt de minister.", "nl")]
    [InlineData("The government decided on Tuesday to lower taxes on labour, the minister said.", "en")]
    [InlineData("Die Regierung hat am Dienstag beschlossen, die Steuern auf Arbeit zu senken, sagte der Minister.", "de")]
    public void Language_NamesTheLanguageOfTheText(string text, string lang)
    {
        var doc = StageDocument.Before("language", text).Run();
        Assert.Equal(lang, doc.Lang);
        Assert.InRange(doc.LangConfidence, 0.5, 1);
    }

    [Fact]
    public void Language_GivenByTheSource_IsTakenAsCertain()
    {
        var doc = StageDocument.Before("language", "Het kabinet heeft besloten.", lang: "de").Run();
        Assert.Equal(("de", 1.0), (doc.Lang, doc.LangConfidence));
    }

    [Theory]
    [InlineData("Dr. Jansen kwam om 10 uur aan. Hij bleef tot de avond.", 2)]
    [InlineData("Het kostte 3,5 miljoen euro. Dat is veel! Of niet?", 3)]
    [InlineData("Eén zin zonder punt aan het eind", 1)]
    public void Sentences_SplitAtSentenceEnds_NotAtAbbreviationsOrDecimals(string text, int count)
    {
        var doc = StageDocument.Before("sentences", text).Run();
        Assert.Equal(count, doc.Sentences.Count);
        Assert.All(doc.Sentences, s => Assert.InRange(s.End, s.Start + 1, text.Length));
    }

    [Fact]
    public void Tokens_LieInsideTheirSentence_AndEachSentenceKnowsItsFirstToken()
    {
        var doc = StageDocument.Before("tokens", "Rutte sprak in Den Haag. Daarna vertrok hij naar Brussel.").Run();
        Assert.Equal(doc.Sentences.Count, doc.SentenceFirstToken.Count);
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var end = s + 1 < doc.SentenceFirstToken.Count ? doc.SentenceFirstToken[s + 1] : doc.Tokens.Count;
            for (var t = doc.SentenceFirstToken[s]; t < end; t++)
            {
                Assert.InRange(doc.Tokens[t].Start, doc.Sentences[s].Start, doc.Sentences[s].End - 1);
            }
        }

        Assert.Contains(doc.Tokens, t => doc.Text.Substring(t.Start, t.Length) == "Brussel");
    }

    [Fact]
    public void Stems_OnePerToken_AndInflectionsShareAStem()
    {
        var doc = StageDocument.Before("stems", "De woning brandde af. Drie woningen liepen schade op.", title: "Woningen branden af").Run();
        Assert.Equal(doc.Tokens.Count, doc.Stems.Length);
        string? StemOf(string word) => doc.Stems[doc.Tokens.FindIndex(t => doc.Text.Substring(t.Start, t.Length) == word)];
        Assert.Equal(StemOf("woning"), StemOf("woningen"));
        Assert.Contains(StemOf("woning"), doc.TitleStems);
    }

    [Fact]
    public void Names_AreTheCapitalisedRuns_NotTheSentenceOpeners()
    {
        var st = StageDocument.Before("names", "Gisteren sprak Mark Rutte in Den Haag met Hugo de Jonge.");
        var names = st.Run().Names.Select(n => st.Of(n.Start, n.End)).ToList();
        Assert.Equal(["Mark Rutte", "Den Haag", "Hugo de Jonge"], names);
    }

    [Theory]
    [InlineData("Gisteren sprak Kees van der Staaij met Ursula von der Leyen.", "Kees van der Staaij|Ursula von der Leyen")]
    [InlineData("Volgens Remco Breuker van de Universiteit Leiden is dat onzin.", "Remco Breuker|Universiteit Leiden")]
    [InlineData("Ook Ad van de Wiel was erbij.", "Ad van de Wiel")]
    public void Names_KeepSeveralParticlesAfterAGivenName_NotAfterAFullName(string text, string expected)
    {
        var st = StageDocument.Before("names", text);
        var names = st.Run().Names.Select(n => st.Of(n.Start, n.End)).ToList();
        Assert.Equal(expected.Split('|'), names.Where(n => n is not ("Gisteren" or "Volgens" or "Ook")));
    }

    [Fact]
    public void Entities_TypeTheNames()
    {
        var st = StageDocument.Before("entities", "Premier Mark Rutte sprak dinsdag in Amsterdam met topman van Shell Wael Sawan.");
        var types = st.Run().Entities.ToDictionary(e => st.Of(e.Start, e.End), e => e.Type.Code());
        Assert.Equal("PER", types["Mark Rutte"]);
        Assert.Equal("LOC", types["Amsterdam"]);
    }

    [Fact]
    public void Coreference_JoinsASurnameToTheFullName_AndNumbersTheMentions()
    {
        var st = StageDocument.Before("coreference", "Minister Hugo de Jonge bezocht maandag Rotterdam. De Jonge sprak daar met bewoners.");
        var doc = st.Run();
        // "De Jonge": a surname with its particles, capitalised because no given name stands before it.
        var group = Assert.Single(doc.EntityGroups, g => g.Type == EntityType.Person);
        Assert.Equal("Hugo de Jonge", group.Canonical);
        Assert.Equal(2, group.Surfaces.Values.Sum());
        Assert.All(doc.Entities, e => Assert.InRange(e.Group, 0, doc.EntityGroups.Count - 1));
    }

    [Theory]
    [InlineData("Het gebeurde gisteren rond het middaguur.", "gisteren rond het middaguur", "2023-09-11T12:00")]
    [InlineData("De minister bezocht maandag het rampgebied.", "maandag", "2023-09-11")]
    [InlineData("De minister bezoekt maandag het rampgebied.", "maandag", "2023-09-18")]
    [InlineData("De rechter doet op 3 oktober uitspraak.", "3 oktober", "2023-10-03")]
    [InlineData("Vorige week viel de beslissing.", "Vorige week", "2023-W36")]
    public void Times_ResolveAgainstTheArticleDate(string text, string surface, string value)
    {
        var st = StageDocument.Before("times", text, date: "2023-09-12");
        var times = st.Run().Times.ToDictionary(t => st.Of(t.Start, t.End), t => t.Value);
        Assert.Equal(value, times[surface]);
    }

    [Theory]
    [InlineData("Drie mensen raakten gewond.", 3, "mensen")]
    [InlineData("De schade bedraagt 2,5 miljoen euro.", 2_500_000, "EUR")]
    [InlineData("Ruim 40 procent stemde voor.", 40, "%")]
    public void Quantities_ReadNumbersInWordsAndFigures_WithTheirUnit(string text, double value, string? unit)
    {
        var doc = StageDocument.Before("quantities", text, date: "2023-09-12").Run();
        var q = Assert.Single(doc.Quantities);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void Quantities_LeaveDatesToTheTimes()
    {
        var doc = StageDocument.Before("quantities", "Op 12 september 2023 kwamen 300 mensen bijeen.", date: "2023-09-12").Run();
        Assert.Equal([300.0], doc.Quantities.Select(q => q.Value));
    }

    [Fact]
    public void Quotes_FindTheQuotedWords_AndTheirSpeaker()
    {
        var st = StageDocument.Before("quotes", "Burgemeester Femke Halsema reageerde geschokt. \"Dit had nooit mogen gebeuren\", zei Halsema dinsdag.");
        var quote = Assert.Single(st.Run().Quotes);
        Assert.Contains("nooit mogen gebeuren", st.Of(quote.Start, quote.End), StringComparison.Ordinal);
        Assert.Contains("Halsema", quote.Speaker, StringComparison.Ordinal);
    }
}
