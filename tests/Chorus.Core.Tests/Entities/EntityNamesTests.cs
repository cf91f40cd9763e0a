using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Entities;

public class EntityNamesTests
{
    private static Dictionary<string, int> Variants(string spec)
        => spec.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("PER", "Baudet=40;Thierry Baudet=12;Thierry=3", "Thierry Baudet")]
    [InlineData("PER", "Rutte=50;Rutte III=9;Mark Rutte=4", "Mark Rutte")]
    [InlineData("PER", "Erdogan=30;Erdogan De=1;Recep Tayyip Erdogan=2", "Recep Tayyip Erdogan")]
    [InlineData("PER", "Michael P=5;P=2", "Michael P")]
    [InlineData("LOC", "China=80;Chinese=40;Geijsteren China=1", "China")]
    [InlineData("LOC", "Amsterdam=60;Amsterdamse=10;Metropoolregio Amsterdam=2", "Amsterdam")]
    [InlineData("LOC", "VS=90;Verenigde Staten=30;Amerikaanse=70", "Verenigde Staten")]
    [InlineData("ORG", "EU=50;Europese Unie=20;Unie=3", "Europese Unie")]
    [InlineData("ORG", "OM=20;Openbaar Ministerie=3;Omroep Max=1", "Openbaar Ministerie")]
    [InlineData("ORG", "VVD=90;V&D=2", "VVD")]
    [InlineData("MISC", "Venezolaanse=12;Venezolanen=5;Venezolaan=2", "Venezolanen")]
    [InlineData("MISC", "Koerdisch=3;Koerdische=5;Koerden=1", "Koerden")]
    public void Canonical_IsTheNameAReaderExpects(string type, string variants, string expected)
        => Assert.Equal(expected, EntityNames.Canonical(TypeOf(type), Variants(variants)));

    [Fact]
    public void Canonical_NoNameForm_IsNull()
        => Assert.Null(EntityNames.Canonical(EntityType.Misc, Variants("B=4;W=1;Noord-=2")));

    [Theory]
    [InlineData("B", false)]
    [InlineData("V&", false)]
    [InlineData("Noord-", false)]
    [InlineData("de Volkskrant", false)]
    [InlineData("3M", true)]
    [InlineData("D66", true)]
    [InlineData("Kim Jong-un", true)]
    [InlineData("Ed", true)]
    public void IsNameForm(string name, bool expected) => Assert.Equal(expected, EntityNames.IsNameForm(name));

    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static List<(string Surface, string Type)> Entities(string text)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "t", Text = text, Lang = "nl", Date = PartialDate.OfDay(new DateOnly(2019, 3, 1)) });
        return [.. a.Entities.Select(e => (text[e.Start..e.End], e.Type.Code()))];
    }

    [Fact]
    public void APortfolioAfterARole_IsNoPerson()
    {
        var entities = Entities("Dat zei minister van Buitenlandse Zaken Stef Blok dinsdag. Ook de minister van Justitie en Veiligheid was er.");
        Assert.DoesNotContain(entities, e => e.Surface == "Zaken" && e.Type == "PER");
        Assert.DoesNotContain(entities, e => e.Surface == "Veiligheid" && e.Type == "PER");
    }

    [Fact]
    public void AFunctionWordOpeningASentence_IsNoEntity()
    {
        var entities = Entities("'We gaan door,' zei Jan Smit. We hebben er zin in, zegt hij. Volgens Smit kunnen we winnen.");
        Assert.DoesNotContain(entities, e => e.Surface == "We");
        Assert.Contains(entities, e => e.Surface == "Jan Smit");
    }

    // A type code of a table row ("PER").
    private static EntityType TypeOf(string code)
        => EntityTypes.TryParse(code, out var type) ? type : throw new ArgumentException($"not an entity type: {code}", nameof(code));
}
