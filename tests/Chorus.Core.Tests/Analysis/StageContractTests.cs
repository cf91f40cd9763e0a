using Chorus.Core.Analysis;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Analysis;

/// <summary>
/// Each analysis stage declares the layers it reads and writes; the analyzer refuses an order where a layer is read
/// before it is written, and a stage that writes a layer it does not declare fails where it runs.
/// </summary>
public sealed class StageContractTests
{
    private static readonly IReadOnlyList<IAnalysisStage> Default = ArticleAnalyzer.CreateDefault().Stages;

    [Fact]
    public void TheDefaultStages_ProvideEveryLayerOnce_InAnOrderThatReadsNothingUnwritten()
    {
        Assert.Null(ArticleAnalyzer.Problem(Default));
        var provided = Default.Aggregate(AnalysisLayer.None, (all, s) => all | s.Provides);
        Assert.Equal(AnalysisLayers.All.Aggregate(AnalysisLayer.None, (all, l) => all | l), provided);
    }

    public static TheoryData<string[], string> Orders => new()
    {
        // Stages left out or moved, and what the analyzer says.
        { ["times"], "stage 'quantities' needs times" },
        { ["names"], "stage 'entities' needs names" },
        { ["sentences"], "stage 'tokens' needs sentences" },
        { ["entities"], "stage 'coreference' needs entities" },
        { ["language"], "needs language" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void LeavingOutAStageOthersNeed_IsRefusedWithTheLayerNamed(string[] leftOut, string expected)
    {
        var stages = Default.Where(s => !leftOut.Contains(s.Name)).ToList();

        var problem = ArticleAnalyzer.Problem(stages);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ArticleAnalyzer(stages));
    }

    [Fact]
    public void LeavingOutALastStage_IsFine()
    {
        Assert.Null(ArticleAnalyzer.Problem([.. Default.Where(s => s.Name is not ("quotes" or "quantities"))]));
    }

    [Fact]
    public void AStageBeforeTheOneItReadsFrom_IsRefused()
    {
        var swapped = Default.ToList();
        var tokens = swapped.FindIndex(s => s.Name == "tokens");
        (swapped[tokens - 1], swapped[tokens]) = (swapped[tokens], swapped[tokens - 1]);

        Assert.Contains("stage 'tokens' needs sentences", ArticleAnalyzer.Problem(swapped), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoStagesProvidingOneLayer_AreRefused()
    {
        var twice = Default.Append(Default.First(s => s.Name == "times")).ToList();

        Assert.Contains("both provide times", ArticleAnalyzer.Problem(twice), StringComparison.Ordinal);
    }

    [Fact]
    public void AStageWritingALayerItDoesNotProvide_FailsWhereItRuns()
    {
        var doc = new AnalysisDocument(new RawArticle { Ref = "t", Text = "De brand in Rotterdam. Twee mensen raakten gewond." });
        foreach (var stage in Default)
        {
            ArticleAnalyzer.Apply(stage, doc);
        }

        var e = Assert.Throws<InvalidOperationException>(() => ArticleAnalyzer.Apply(new RogueStage(), doc));
        Assert.Contains("stage 'rogue' changed times", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDefaultStage_WritesOnlyWhatItDeclares_OnRealText()
    {
        foreach (var text in new[]
        {
            "Minister Sjojgoe zei gisteren in Moskou dat \"de oefening slaagde\". Ruim 200 militairen deden mee.",
            "Kim Jong-un bezocht Pyongyang op 3 maart 2023. Noord-Koreaanse media meldden het.",
            "Berlin (dpa) - Am Montag wurden 12 Menschen verletzt, sagte die Polizei.",
            string.Empty,
        })
        {
            // Analyze checks each stage's writes as it runs; what it returns must have every layer filled in.
            var analyzed = ArticleAnalyzer.CreateDefault().Analyze(new RawArticle { Ref = "t", Text = text, Title = "Titel" });
            Assert.Equal(analyzed.Tokens.Count, analyzed.Stems.Count);
            Assert.Equal(text.Length == 0, analyzed.Sentences.Count == 0);
            Assert.All(analyzed.Entities, e => Assert.InRange(e.Group, 0, analyzed.EntityGroups.Count - 1));
        }
    }

    private sealed class RogueStage : IAnalysisStage
    {
        public string Name => "rogue";

        public AnalysisLayer Requires => AnalysisLayer.Tokens;

        public AnalysisLayer Provides => AnalysisLayer.None;

        public void Apply(AnalysisDocument document) => document.Times = [];
    }
}
