using Chorus.Core.Analysis;
using Chorus.Core.Stories.Comparison;
using Chorus.Evaluation;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Stories;

public class HeadlineStoriesTests(ITestOutputHelper output)
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    // A UCI-shaped CSV of one gold story and one of another: the gold story's headlines are one story, each headline the
    // text its judged offsets index into; a second story is compared apart.
    [Fact]
    public void AGoldStorysHeadlines_AreComparedAsOneStory()
    {
        const string csv = """
            ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP
            1,Ferry with 250 passengers runs aground off Texel,http://a/1,Coast Daily,b,s1,a,1394470370698
            2,"Ferry with 320 passengers runs aground off Texel",http://b/2,Harbour Post,b,s1,b,1394470371207
            3,Ferry with 250 passengers runs aground off Texel - Live,http://c/3,Coast Daily,b,s1,c,1394470372000
            4,Bridge closes for repairs,http://d/4,Town News,b,s2,d,1394470373000
            """;
        var (comparisons, missing, errors) = HeadlineStories.Compare("uci.csv", csv, ["uci-1", "uci-2", "uci-9"], Analyzer, new StoryComparer());

        Assert.Empty(errors);
        Assert.Equal(["uci-9"], missing);
        var comparison = Assert.Single(comparisons);
        var conflict = Assert.Single(comparison.Conflicts);
        Assert.Contains(conflict.Values, v => v.ArticleId == "uci-2" && v.Start == 11);
        Assert.Contains(conflict.Values, v => v.ArticleId is "uci-1" or "uci-3" && v.Start == 11);
    }

    // The real halves (eval/comparison/uci-figures-*.tsv); bars a little under the figures in docs/comparison.md, so that a
    // regression fails the build. The test half's later figure is in-sample (its output was read), its first run clean.
    [SharedDataTheory("uci-news/uci-news.dev.csv")]
    [InlineData("uci-figures-test.tsv", 4, 2)]
    [InlineData("uci-figures-dev.tsv", 2, 1)]
    public void RealHeadlineStories_KeepTheirDisagreementFigures(string file, int minFound, int maxFalseAlarms)
    {
        var labelsPath = Path.Combine(TestPaths.RepoRoot, "eval", "comparison", file);
        var (labels, labelErrors) = FigurePairLabels.Parse(labelsPath, File.ReadAllLines(labelsPath));
        Assert.Empty(labelErrors);
        var csvPath = Path.Combine(TestPaths.SharedData, "uci-news", "uci-news.dev.csv");
        var (comparisons, missing, errors) = HeadlineStories.Compare(csvPath, File.ReadAllText(csvPath), labels.SelectMany(l => new[] { l.ArticleA, l.ArticleB }), Analyzer, new StoryComparer());
        Assert.Empty(errors);
        Assert.Empty(missing);

        var scores = FigurePairLabels.Evaluate(labels, comparisons);
        foreach (var mistake in scores.Mistakes)
        {
            output.WriteLine(mistake);
        }

        Assert.True(scores.Found >= minFound && scores.FalseAlarms <= maxFalseAlarms, $"found {scores.Found} of {scores.Disagreements}, false alarms {scores.FalseAlarms}");
    }
}
