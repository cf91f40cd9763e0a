using Chorus.Core.Ingest;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>
/// Runs the analysis stages over one article, in the order given. The default order is visible in
/// <see cref="CreateDefault"/>, and each stage only reads layers that stages before it have written.
/// Thread-safe: stages are immutable, and each call works on its own document.
/// </summary>
public sealed class ArticleAnalyzer
{
    private readonly IReadOnlyList<IAnalysisStage> _stages;

    public ArticleAnalyzer(IReadOnlyList<IAnalysisStage> stages)
    {
        _stages = stages;
    }

    public IReadOnlyList<IAnalysisStage> Stages => _stages;

    public static ArticleAnalyzer CreateDefault() => new(
    [
        new LanguageStage(),
        new SentenceStage(SentenceSplitter.Dutch),
        new TokenStage(),
        new StemStage(),
        new NameStage(),
    ]);

    public AnalyzedArticle Analyze(RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var doc = new AnalysisDocument(raw);
        foreach (var stage in _stages)
        {
            stage.Apply(doc);
        }

        return new AnalyzedArticle
        {
            Raw = raw,
            Lang = doc.Lang,
            LangConfidence = doc.LangConfidence,
            Sentences = doc.Sentences,
            Tokens = doc.Tokens,
            Stems = doc.Stems,
            Names = doc.Names,
            TitleStems = doc.TitleStems,
            TitleNames = doc.TitleNames,
        };
    }
}
