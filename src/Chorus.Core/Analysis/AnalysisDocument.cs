using Chorus.Core.Ingest;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>
/// The working state that the analysis stages fill in, one layer each. It lives for one article on one
/// thread; <see cref="ArticleAnalyzer"/> freezes it into an <see cref="AnalyzedArticle"/>.
/// </summary>
public sealed class AnalysisDocument
{
    public AnalysisDocument(RawArticle raw)
    {
        Raw = raw;
    }

    public RawArticle Raw { get; }

    public string Text => Raw.Text;

    /// <summary>The layers as they stand, as an analysed article (what <see cref="ArticleAnalyzer.Analyze"/> returns after its last stage).</summary>
    public AnalyzedArticle ToArticle() => new()
    {
        Raw = Raw,
        Lang = Lang,
        LangConfidence = LangConfidence,
        Sentences = Sentences,
        Tokens = Tokens,
        Stems = Stems,
        Names = Names,
        Entities = Entities,
        EntityGroups = EntityGroups,
        Times = Times,
        Quantities = Quantities,
        Quotes = Quotes,
        TitleStems = TitleStems,
        TitleNames = TitleNames,
    };

    public string Lang { get; set; } = LanguageIdentifier.Unknown;

    public double LangConfidence { get; set; }

    public List<TextSpan> Sentences { get; set; } = [];

    public List<Token> Tokens { get; set; } = [];

    /// <summary>Index of the first token of each sentence, aligned with <see cref="Sentences"/>.</summary>
    public List<int> SentenceFirstToken { get; set; } = [];

    public string?[] Stems { get; set; } = [];

    private string[]? _lowerWords;

    /// <summary>Each token lower-cased, computed once for the stages that match words against lexicons.</summary>
    public string[] LowerWords
    {
        get
        {
            if (_lowerWords is null || _lowerWords.Length != Tokens.Count)
            {
                _lowerWords = new string[Tokens.Count];
                for (var i = 0; i < _lowerWords.Length; i++)
                {
                    // One shared string per lower-cased form: most tokens repeat a word already seen.
                    _lowerWords[i] = Core.Text.WordPool.LowerOf(Text.AsSpan(Tokens[i].Start, Tokens[i].Length));
                }
            }

            return _lowerWords;
        }
    }

    public List<NameMention> Names { get; set; } = [];

    public List<EntityMention> Entities { get; set; } = [];

    /// <summary>The article's entities after in-article coreference; <see cref="EntityMention.Group"/> indexes into it.</summary>
    public List<Entities.LocalEntity> EntityGroups { get; set; } = [];

    public List<Extraction.Times.TimeMention> Times { get; set; } = [];

    public List<Extraction.Quantities.QuantityMention> Quantities { get; set; } = [];

    public List<Extraction.Quotes.QuoteMention> Quotes { get; set; } = [];

    public List<string> TitleStems { get; set; } = [];

    public List<string> TitleNames { get; set; } = [];

    /// <summary>
    /// What identifies a layer's content cheaply: its objects and sizes. A stage that writes a layer replaces or
    /// fills its lists, so a changed fingerprint is a write (an in-place edit of one element is not seen).
    /// </summary>
    internal (object? A, object? B, int Count) Fingerprint(AnalysisLayer layer) => layer switch
    {
        AnalysisLayer.Language => (Lang, null, BitConverter.DoubleToInt64Bits(LangConfidence).GetHashCode()),
        AnalysisLayer.Sentences => (Sentences, null, Sentences.Count),
        AnalysisLayer.Tokens => (Tokens, SentenceFirstToken, Tokens.Count + SentenceFirstToken.Count),
        AnalysisLayer.Stems => (Stems, TitleStems, Stems.Length + TitleStems.Count),
        AnalysisLayer.Names => (Names, TitleNames, Names.Count + TitleNames.Count),
        AnalysisLayer.Entities => (Entities, null, Entities.Count),
        AnalysisLayer.EntityGroups => (EntityGroups, null, EntityGroups.Count),
        AnalysisLayer.Times => (Times, null, Times.Count),
        AnalysisLayer.Quantities => (Quantities, null, Quantities.Count),
        AnalysisLayer.Quotes => (Quotes, null, Quotes.Count),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "one layer"),
    };
}
