using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Quotes;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Analysis;

/// <summary>Time expressions resolved against the article date (see <see cref="TimeExpressionExtractor"/>).</summary>
public sealed class TimeStage(TimeExpressionExtractor extractor) : IAnalysisStage
{
    public string Name => "times";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens;

    public AnalysisLayer Provides => AnalysisLayer.Times;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Times = extractor.Extract(document.Text, document.Tokens, document.LowerWords, document.Raw.Date, document.Lang);
    }
}

/// <summary>
/// Quantities; spans already read as dates and clock times are left alone. Durations and recurrences stay figures too
/// ("drie jaar cel" is a length of time and a number sources may disagree on).
/// </summary>
public sealed class QuantityStage(QuantityExtractor extractor) : IAnalysisStage
{
    public string Name => "quantities";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens | AnalysisLayer.Times;

    public AnalysisLayer Provides => AnalysisLayer.Quantities;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var taken = document.Times.Where(t => t.Kind is not (TimeKind.Duration or TimeKind.Set)).Select(t => new TextSpan(t.Start, t.End)).ToList();
        document.Quantities = extractor.Extract(document.Text, document.Tokens, document.LowerWords, document.Lang, taken);
    }
}

/// <summary>Direct quotes and their speakers; needs the person entities.</summary>
public sealed class QuoteStage(QuoteExtractor extractor) : IAnalysisStage
{
    public string Name => "quotes";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Names | AnalysisLayer.Entities;

    public AnalysisLayer Provides => AnalysisLayer.Quotes;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Quotes = extractor.Extract(document.Text, document.Entities, document.Names, document.Lang);
    }
}
