namespace Chorus.Core.Analysis;

/// <summary>
/// The layers of an <see cref="AnalysisDocument"/>, each written by one stage (<see cref="IAnalysisStage.Provides"/>)
/// and read by the stages after it (<see cref="IAnalysisStage.Requires"/>).
/// </summary>
[Flags]
public enum AnalysisLayer
{
    None = 0,

    /// <summary><see cref="AnalysisDocument.Lang"/> and its confidence.</summary>
    Language = 1 << 0,
    Sentences = 1 << 1,

    /// <summary>Tokens and the first token of each sentence.</summary>
    Tokens = 1 << 2,

    /// <summary>A stem per token, and the title's stems.</summary>
    Stems = 1 << 3,

    /// <summary>Capitalised name mentions, and the title's names.</summary>
    Names = 1 << 4,

    /// <summary>Typed entity mentions.</summary>
    Entities = 1 << 5,

    /// <summary>The article's entities after in-article coreference.</summary>
    EntityGroups = 1 << 6,
    Times = 1 << 7,
    Quantities = 1 << 8,
    Quotes = 1 << 9,
}

/// <summary>Names of layers for messages: "tokens, names".</summary>
public static class AnalysisLayers
{
    /// <summary>Every layer, one flag each, in stage order.</summary>
    public static IReadOnlyList<AnalysisLayer> All { get; } = [.. Enum.GetValues<AnalysisLayer>().Where(l => l != AnalysisLayer.None)];

    public static IEnumerable<AnalysisLayer> Each(AnalysisLayer layers) => All.Where(l => (layers & l) == l);

    public static string Describe(AnalysisLayer layers)
        => layers == AnalysisLayer.None ? "none" : string.Join(", ", Each(layers).Select(l => l.ToString().ToLowerInvariant()));
}
