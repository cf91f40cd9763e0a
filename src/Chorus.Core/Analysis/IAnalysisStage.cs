namespace Chorus.Core.Analysis;

/// <summary>
/// One layer of annotation. Stages are immutable and thread-safe: all per-article state lives in the
/// <see cref="AnalysisDocument"/>. Their order is fixed in <see cref="ArticleAnalyzer.CreateDefault"/>.
/// </summary>
public interface IAnalysisStage
{
    /// <summary>A short name for diagnostics and benchmarks.</summary>
    string Name { get; }

    void Apply(AnalysisDocument document);
}
