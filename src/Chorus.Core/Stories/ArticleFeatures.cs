using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Time;

namespace Chorus.Core.Stories;

/// <summary>
/// What the clusterer compares: term counts over stems (title stems count double, because a headline states
/// the event), name-token counts (listed places and organisations under one key for all languages), and the article date with its precision.
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

        // Days read the same in every language, so they count as terms too (prefixed, so never a stem).
        foreach (var time in article.Times)
        {
            if (time.Value is { Length: 10 } day && day[4] == '-' && day[7] == '-')
            {
                Add(terms, "#" + day, 1f);
            }
        }

        // A listed place or organisation counts under one key in every language (Russia, Russland → rusland), so
        // articles in different languages about one event share them.
        var translated = TranslatedNames.Default;
        var names = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var name in article.Names)
        {
            if (translated.KeyOfFolded(name.Key) is { } key)
            {
                Add(names, key, 1f);
                continue;
            }

            foreach (var part in name.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(names, part, 1f);
            }
        }

        foreach (var name in article.TitleNames)
        {
            Add(names, translated.KeyOfFolded(name) ?? name, TitleWeight);
        }

        return new ArticleFeatures(terms, names, article.Raw.Date);
    }

    private static void Add(Dictionary<string, float> counts, string key, float weight)
        => counts[key] = counts.GetValueOrDefault(key) + weight;
}
