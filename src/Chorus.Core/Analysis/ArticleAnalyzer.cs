using Chorus.Core.Entities;
using Chorus.Core.Extraction.Ner;
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
        : this(stages, layersVersion: 0)
    {
    }

    private ArticleAnalyzer(IReadOnlyList<IAnalysisStage> stages, int layersVersion)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (Problem(stages) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stages));
        }

        _stages = stages;
        LayersVersion = layersVersion;
    }

    /// <summary>
    /// Why these stages cannot run in this order, or null: a stage reads or refines a layer no stage before it
    /// provides, or two stages provide one layer.
    /// </summary>
    public static string? Problem(IReadOnlyList<IAnalysisStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var provided = AnalysisLayer.None;
        var by = new Dictionary<AnalysisLayer, string>();
        foreach (var stage in stages)
        {
            var missing = (stage.Requires | stage.Refines) & ~provided;
            if (missing != AnalysisLayer.None)
            {
                return $"stage '{stage.Name}' needs {AnalysisLayers.Describe(missing)}, which no stage before it provides";
            }

            foreach (var layer in AnalysisLayers.Each(stage.Provides))
            {
                if (!by.TryAdd(layer, stage.Name))
                {
                    return $"stages '{by[layer]}' and '{stage.Name}' both provide {AnalysisLayers.Describe(layer)}";
                }
            }

            provided |= stage.Provides;
        }

        return null;
    }

    /// <summary>
    /// The version stored with the layers this analyser makes: <see cref="Version"/> for the default stages, 0 for any
    /// other set (a benchmark without some stages), which <c>reanalyse</c> always redoes.
    /// </summary>
    public int LayersVersion { get; }

    public IReadOnlyList<IAnalysisStage> Stages => _stages;

    // The shipped tagger is loaded once per process and shared: it is immutable and thread-safe.
    private static readonly Lazy<NerTagger?> DefaultTagger = new(() =>
    {
        var path = NerModelLocator.Find();
        var model = path is null ? default : NerModel.Load(path);
        return model.Success && model.Value is not null ? new NerTagger(model.Value, NameGazetteer.Dutch) : null;
    });

    /// <summary>True when the trained Dutch tagger was found; without it Dutch falls back to name lists too.</summary>
    public static bool HasTrainedTagger => DefaultTagger.Value is not null;

    /// <summary>
    /// The version of what <see cref="CreateDefault"/> produces, stored with every article's layers. Raise it with any
    /// change to a stage's output; <c>./chorus reanalyse</c> then rewrites the layers of older versions.
    /// </summary>
    public const int Version = 112;

    public static ArticleAnalyzer CreateDefault() => new(
    [
        new LanguageStage(),
        new SentenceStage(SentenceSplitter.Dutch),
        new TokenStage(),
        new StemStage(),
        new NameStage(),
        new EntityStage(DefaultTagger.Value, new NameListEntityTyper(NameGazetteer.Dutch)),
        new CoreferenceStage(PlaceAdjectives.Default),
        new TimeStage(new Extraction.Times.TimeExpressionExtractor()),
        new QuantityStage(new Extraction.Quantities.QuantityExtractor()),
        new QuoteStage(new Extraction.Quotes.QuoteExtractor()),
    ], Version);

    public AnalyzedArticle Analyze(RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var doc = new AnalysisDocument(raw);
        foreach (var stage in _stages)
        {
            Apply(stage, doc);
        }

        return doc.ToArticle();
    }

    /// <summary>
    /// Runs one stage and checks that it wrote only the layers it declares: a stage that wrote another's layer would
    /// make the declared order a lie that only shows when stages are left out.
    /// </summary>
    public static void Apply(IAnalysisStage stage, AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(document);
        var others = ~(stage.Provides | stage.Refines);
        var layers = AnalysisLayers.All;
        Span<int> before = stackalloc int[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            before[i] = (others & layers[i]) == 0 ? 0 : Hash(document.Fingerprint(layers[i]));
        }

        stage.Apply(document);
        for (var i = 0; i < layers.Count; i++)
        {
            if ((others & layers[i]) != 0 && before[i] != Hash(document.Fingerprint(layers[i])))
            {
                throw new InvalidOperationException($"stage '{stage.Name}' changed {AnalysisLayers.Describe(layers[i])}, which it does not provide");
            }
        }

        static int Hash((object? A, object? B, int Count) f)
            => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(f.A), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(f.B), f.Count);
    }
}
