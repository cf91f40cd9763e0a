using Chorus.Core.Analysis;

namespace Chorus.Core.Stories;

/// <summary>The title an article gives the story it opens: its headline, else its first sentence, shortened on a word boundary.</summary>
/// <param name="FromHeadline">True when the title is the article's headline (a later article's headline replaces a first sentence).</param>
public readonly record struct StoryTitle(string Text, bool FromHeadline)
{
    private const int MaxSentenceTitle = 100;

    public static StoryTitle Of(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!string.IsNullOrWhiteSpace(article.Raw.Title))
        {
            return new(article.Raw.Title, true);
        }

        var text = article.Raw.Text;
        var first = article.Sentences.Count > 0 ? article.Sentences[0].Of(text).ToString() : text;
        if (first.Length <= MaxSentenceTitle)
        {
            return new(first, false);
        }

        var cut = first.LastIndexOf(' ', MaxSentenceTitle);
        return new(first[..(cut > 40 ? cut : MaxSentenceTitle)] + "…", false);
    }
}
