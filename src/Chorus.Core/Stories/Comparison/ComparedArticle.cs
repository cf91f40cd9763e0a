using Chorus.Core.Analysis;
using Chorus.Core.Time;

namespace Chorus.Core.Stories.Comparison;

/// <summary>
/// One article of a story as the comparer sees it. <see cref="SourceGroup"/> is what counts as one independent
/// source: the outlet of the original for a near-copy, else the article's own outlet (or id when it has none).
/// <see cref="EntityIds"/> runs parallel to <see cref="AnalyzedArticle.Entities"/>: the cross-article id of each mention.
/// </summary>
public sealed record ComparedArticle(
    string Id,
    string SourceGroup,
    string? Outlet,
    PartialDate? Date,
    AnalyzedArticle Analyzed,
    IReadOnlyList<string> EntityIds)
{
    public string Text => Analyzed.Raw.Text;

    /// <summary>An article outside any store: each entity's id is the provisional one of its in-article name (or its listed name's key).</summary>
    public static ComparedArticle WithProvisionalIds(string id, string sourceGroup, string? outlet, AnalyzedArticle analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        // As the store's resolver would: a listed place or organisation is one entity in every language.
        return new ComparedArticle(id, sourceGroup, outlet, analyzed.Raw.Date, analyzed, analyzed.Entities.Select(e => Entities.EntityIds.Provisional(e.Type, ProvisionalName(e.Type, analyzed.CanonicalOf(e)))).ToList());
    }

    private static string ProvisionalName(Analysis.EntityType type, string canonical)
        => type is EntityType.Location or EntityType.Organisation && Entities.TranslatedNames.Default.KeyOf(canonical) is { } key ? key : canonical;

    public string Lang => Analyzed.Lang;
}

/// <summary>One sentence of one article, by offsets.</summary>
public readonly record struct SentenceRef(string ArticleId, int Start, int End);
