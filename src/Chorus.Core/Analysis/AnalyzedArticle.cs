using Chorus.Core.Ingest;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>A capitalised name in the text (one or more tokens) and its folded key.</summary>
public readonly record struct NameMention(int Start, int End, string Key);

/// <summary>
/// An article with the annotation layers the analyser added. Every layer is offsets into
/// <see cref="RawArticle.Text"/>; the title is analysed separately (<see cref="TitleStems"/>, <see cref="TitleNames"/>).
/// </summary>
public sealed record AnalyzedArticle
{
    public required RawArticle Raw { get; init; }

    public required string Lang { get; init; }

    public double LangConfidence { get; init; }

    public required IReadOnlyList<TextSpan> Sentences { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    /// <summary>The stem of each token in <see cref="Tokens"/>, or null for stopwords, numbers and punctuation.</summary>
    public required IReadOnlyList<string?> Stems { get; init; }

    public required IReadOnlyList<NameMention> Names { get; init; }

    public IReadOnlyList<EntityMention> Entities { get; init; } = [];

    public IReadOnlyList<Entities.LocalEntity> EntityGroups { get; init; } = [];

    public IReadOnlyList<Extraction.Times.TimeMention> Times { get; init; } = [];

    public IReadOnlyList<Extraction.Quantities.QuantityMention> Quantities { get; init; } = [];

    public IReadOnlyList<Extraction.Quotes.QuoteMention> Quotes { get; init; } = [];

    public required IReadOnlyList<string> TitleStems { get; init; }

    public required IReadOnlyList<string> TitleNames { get; init; }

    /// <summary>The name of the in-article entity a mention belongs to, or the mention's own text when it has none.</summary>
    public string CanonicalOf(EntityMention mention)
        => mention.Group >= 0 && mention.Group < EntityGroups.Count ? EntityGroups[mention.Group].Canonical : Raw.Text[mention.Start..mention.End];
}
