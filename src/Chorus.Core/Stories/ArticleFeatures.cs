using Chorus.Core.Analysis;
using Chorus.Core.Time;

namespace Chorus.Core.Stories;

/// <summary>
/// What the clusterer compares: term counts over stems (title stems count double, because a headline states
/// the event), name-token counts, and the article date with its precision.
/// </summary>
public sealed record ArticleFeatures(
    IReadOnlyDictionary<string, float> Terms,
    IReadOnlyDictionary<string, float> Names,
    PartialDate? Date)
{
    private const float TitleWeight = 2f;

    public static ArticleFeatures From(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var stem in article.Stems)
        {
            if (stem is not null)
            {
                Add(terms, stem, 1f);
            }
        }

        foreach (var stem in article.TitleStems)
        {
            Add(terms, stem, TitleWeight);
        }

        var names = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var name in article.Names)
        {
            foreach (var part in name.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(names, part, 1f);
            }
        }

        foreach (var name in article.TitleNames)
        {
            Add(names, name, TitleWeight);
        }

        return new ArticleFeatures(terms, names, article.Raw.Date);
    }

    private static void Add(Dictionary<string, float> counts, string key, float weight)
        => counts[key] = counts.GetValueOrDefault(key) + weight;
}
