using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Analysis;

/// <summary>
/// A document as the default analyzer leaves it just before one stage: the layers that stage requires are filled by
/// the real stages before it, so the stage can be run and checked on its own.
/// </summary>
internal sealed class StageDocument
{
    private static readonly ArticleAnalyzer Default = ArticleAnalyzer.CreateDefault();

    private StageDocument(AnalysisDocument document, IAnalysisStage stage) => (Document, Stage) = (document, stage);

    public AnalysisDocument Document { get; }

    public IAnalysisStage Stage { get; }

    /// <param name="date">The article's date, <c>YYYY-MM[-DD]</c>.</param>
    public static StageDocument Before(string stage, string text, string? lang = null, string? date = null, string? title = null)
    {
        var under = Default.Stages.Single(s => s.Name == stage);
        var document = new AnalysisDocument(new RawArticle
        {
            Ref = "stage-test",
            Text = text,
            Title = title,
            Lang = lang,
            Date = date is null ? null : PartialDate.Parse(date).Value,
        });
        foreach (var earlier in Default.Stages.TakeWhile(s => s != under))
        {
            ArticleAnalyzer.Apply(earlier, document);
        }

        return new StageDocument(document, under);
    }

    /// <summary>Runs the stage (its declared layers checked) and returns the document.</summary>
    public AnalysisDocument Run()
    {
        ArticleAnalyzer.Apply(Stage, Document);
        return Document;
    }

    public string Of(int start, int end) => Document.Text[start..end];
}
