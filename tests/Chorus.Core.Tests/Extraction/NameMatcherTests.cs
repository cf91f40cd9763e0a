using Chorus.Core.Entities;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Extraction;

public class NameMatcherTests(ITestOutputHelper output)
{
    private static IEnumerable<(string A, string B, bool Same, string Why)> Pairs()
        => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", "name-pairs.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1], c[2] == "1", c[3]));

    [Fact]
    public void Fixture_MergePrecisionAndRecall()
    {
        var pairs = Pairs().ToList();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (a, b, same, why) in pairs)
        {
            var merged = NameMatcher.Same(a, b);
            Assert.Equal(merged, NameMatcher.Same(b, a));
            (tp, fp, fn, tn) = (same, merged) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            if (same != merged)
            {
                output.WriteLine($"{(merged ? "wrongly merged" : "not merged")}: {a} / {b} ({why}; keys {TransliterationKey.Of(a)} / {TransliterationKey.Of(b)})");
            }
        }

        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        output.WriteLine($"{pairs.Count} pairs: merge precision {precision:P1}, recall {recall:P1} (tp {tp}, fp {fp}, fn {fn}, tn {tn})");
        Assert.True(pairs.Count >= 60);
        Assert.True(precision >= 0.95 && recall >= 0.85, $"precision {precision:P1}, recall {recall:P1}");
    }

    [Theory]
    [InlineData("Sjojgoe", "shoigu")]
    [InlineData("Schoigu", "shoigu")]
    [InlineData("Shoigu", "shoigu")]
    [InlineData("Poetin", "putin")]
    [InlineData("Zelenskyj", "selenski")]
    [InlineData("Oekraïne", "ukraine")]
    [InlineData("Kherson", "cherson")]
    [InlineData("Cherson", "cherson")]
    [InlineData("Prigozjin", "prigoshin")]
    [InlineData("Prigozhin", "prigoshin")]
    [InlineData("el-Sisi", "al sisi")]
    [InlineData("ash-Shara", "al shara")]
    [InlineData("Jong-un", "iong un")]
    public void Key_FoldsTransliterations(string name, string key) => Assert.Equal(key, TransliterationKey.Of(name));

    [Theory]
    [InlineData("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi", true)]
    [InlineData("Al-Qaida", "Al Qaida", true)]
    [InlineData("Alexander Solzhenitsyn", "Aleksandr Solzjenitsyn", true)]
    [InlineData("Mikhail Khodorkovsky", "Michail Chodorkovski", true)]
    [InlineData("Al Gore", "Tipper Gore", false)]
    public void Transliterations_OfOneName_AreTheSame(string a, string b, bool same) => Assert.Equal(same, NameMatcher.Same(a, b));

    [Fact]
    public void Distance_CountsATranspositionAsOneEdit()
    {
        Assert.Equal(1, EditDistance.Between("sjojgoe", "sjogjoe"));
        Assert.Equal(2, EditDistance.Between("jongun", "jongil"));
    }

    [Theory]
    [InlineData("Kim", "Kim Jong-un", true)]
    [InlineData("Breuker", "Remco Breuker", true)]
    [InlineData("Poetin", "Vladimir Poetin", true)]
    [InlineData("Remco", "Remco Breuker", true)]
    [InlineData("Trump", "Remco Breuker", false)]
    public void ShortForms_MatchFirstOrLastPart(string shortName, string fullName, bool expected)
        => Assert.Equal(expected, NameMatcher.MatchesShortForm(shortName, fullName));
}
