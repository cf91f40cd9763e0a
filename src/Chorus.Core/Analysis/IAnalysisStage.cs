namespace Chorus.Core.Analysis;

/// <summary>
/// One layer of annotation. Stages are immutable and thread-safe: all per-article state lives in the
/// <see cref="AnalysisDocument"/>. Their order is fixed in <see cref="ArticleAnalyzer.CreateDefault"/>; each declares
/// the layers it reads and writes, which <see cref="ArticleAnalyzer"/> checks when it is built (every layer read is
/// written by a stage before, each layer by one stage) and after each stage has run (it changed no other layer).
/// </summary>
public interface IAnalysisStage
{
    /// <summary>A short name for diagnostics and benchmarks.</summary>
    string Name { get; }

    /// <summary>The layers this stage reads: stages before it must provide them.</summary>
    AnalysisLayer Requires { get; }

    /// <summary>The layers this stage writes; no other stage writes them.</summary>
    AnalysisLayer Provides { get; }

    /// <summary>
    /// Layers an earlier stage provided that this one rewrites (coreference numbers the entity mentions by entity
    /// and adds the place adjectives); none for most stages.
    /// </summary>
    AnalysisLayer Refines => AnalysisLayer.None;

    void Apply(AnalysisDocument document);
}
