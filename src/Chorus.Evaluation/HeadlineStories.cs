using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories.Comparison;

namespace Chorus.Evaluation;

/// <summary>
/// Real multi-source stories made of headlines: the UCI news CSV's gold stories (many outlets' headlines of one
/// event), each headline an article whose text is the headline, so that judged figure pairs
/// (eval/comparison/uci-figures-*.tsv, articles as <c>uci-ID</c>, figures by their offset in the headline) measure the
/// comparer on text nobody on the team wrote, apart from how the stories were grouped.
/// </summary>
public static class HeadlineStories
{
    /// <summary>The prefix of an article id made from a UCI row id.</summary>
    public const string IdPrefix = "uci-";

    /// <summary>
    /// Compares every gold story that holds one of <paramref name="articleIds"/>, with all its headlines; returns the
    /// comparisons and the ids found in no row.
    /// </summary>
    public static (List<StoryComparison> Comparisons, List<string> Missing, List<string> Errors) Compare(
        string csvPath, string csvContent, IEnumerable<string> articleIds, ArticleAnalyzer analyzer, StoryComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(comparer);
        var (items, errors) = LabelledArticles.Read(csvPath, csvContent);
        var byId = new Dictionary<string, LabelledArticle>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byId.TryAdd(IdPrefix + item.Article.Ref, item);
        }

        var wanted = articleIds.Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(id => !byId.ContainsKey(id)).ToList();
        var stories = wanted.Where(byId.ContainsKey).Select(id => byId[id].Gold).ToHashSet(StringComparer.Ordinal);
        var byStory = items.ToLookup(i => i.Gold, StringComparer.Ordinal);
        var comparisons = new List<StoryComparison>();
        foreach (var story in stories.Order(StringComparer.Ordinal))
        {
            // Rows in their file order; a headline is the article's text (offsets index into it), never a title beside it.
            var articles = byStory[story]
                .Select(i => i.Article with { Ref = IdPrefix + i.Article.Ref, Text = i.Article.Title ?? string.Empty, Title = null })
                .Where(a => a.Text.Length > 0)
                .ToList();
            var analyzed = articles.Select(analyzer.Analyze).ToList();
            var compared = ComparisonEvaluation.Compared(articles.Select(a => (a.Ref, a.Source ?? a.Ref)).ToList(), analyzed);
            comparisons.Add(comparer.Compare(compared));
        }

        return (comparisons, missing, errors);
    }
}
