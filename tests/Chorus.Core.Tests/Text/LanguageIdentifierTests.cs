using Chorus.Core.Text;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Text;

public class LanguageIdentifierTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "eval", "langid");

    private LanguageScores Score(string file, double bar)
    {
        var scores = LanguageEvaluation.Evaluate(LanguageIdentifier.Default, File.ReadAllLines(Path.Combine(Folder, file)));
        output.WriteLine($"{file}: {scores.Correct}/{scores.Total} = {scores.Accuracy:0.0}%");
        foreach (var miss in scores.Misses)
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(scores.Accuracy >= bar, $"{file}: accuracy {scores.Accuracy:0.0}% < {bar}%");
        return scores;
    }

    [Fact]
    public void Paragraphs_AtLeast99Percent() => Assert.Equal(300, Score("paragraphs.tsv", 99).Total);

    [Fact]
    public void Headlines_AtLeast90Percent() => Assert.Equal(200, Score("headlines.tsv", 90).Total);

    [Fact]
    public void Profiles_CoverTheTenLanguages()
        => Assert.Equal(["da", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "sv"], LanguageIdentifier.Default.Languages);

    [Fact]
    public void MixedArticle_GetsItsMajorityLanguage()
    {
        const string text = "De minister reageerde dinsdag op de kritiek van de oppositie over het nieuwe plan voor de woningbouw in de grote steden.\n\n"
            + "\"We will not change course,\" the minister told reporters in English.\n\n"
            + "Volgens de Tweede Kamer moet het kabinet voor de zomer met een beter voorstel komen, anders dreigt een motie van wantrouwen.";
        Assert.Equal("nl", LanguageIdentifier.Default.IdentifyMajority(text).Lang);
    }

    [SharedDataFact("dpg2019/articles.jsonl")]
    public void RealDutchArticles_AreDutch()
    {
        var lines = File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl")).Take(300)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? string.Empty)
            .Where(t => t.Length > 200)
            .Select(t => "nl\t" + t.ReplaceLineEndings(" "));
        var scores = LanguageEvaluation.Evaluate(LanguageIdentifier.Default, lines);
        output.WriteLine($"DPG: {scores.Correct}/{scores.Total}");
        Assert.True(scores.Accuracy >= 99, $"DPG accuracy {scores.Accuracy:0.0}%");
    }

    [SharedDataFact("uci-news/uci-news.dev.csv")]
    public void RealEnglishHeadlines_AreEnglish()
    {
        var lines = File.ReadLines(Path.Combine(TestPaths.SharedData, "uci-news", "uci-news.dev.csv")).Skip(1).Take(500)
            .Select(l => "en\t" + TitleField(l));
        var scores = LanguageEvaluation.Evaluate(LanguageIdentifier.Default, lines);
        output.WriteLine($"UCI headlines: {scores.Correct}/{scores.Total} = {scores.Accuracy:0.0}%");
        foreach (var miss in scores.Misses.Take(40))
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(scores.Accuracy >= 90, $"UCI headline accuracy {scores.Accuracy:0.0}%");
    }

    // The second field of a CSV line, which may be quoted and contain commas.
    private static string TitleField(string line)
    {
        var start = line.IndexOf(',', StringComparison.Ordinal) + 1;
        if (line[start] != '"')
        {
            return line[start..line.IndexOf(',', start)];
        }

        var end = start + 1;
        while (end < line.Length && !(line[end] == '"' && (end + 1 >= line.Length || line[end + 1] == ',')))
        {
            end++;
        }

        return line[(start + 1)..end].Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
