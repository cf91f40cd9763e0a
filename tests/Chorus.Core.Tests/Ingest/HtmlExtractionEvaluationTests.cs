using Chorus.Evaluation;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Ingest;

public class HtmlExtractionEvaluationTests(ITestOutputHelper output)
{
    // Mozilla Readability's real test pages: the body's word tokens against Readability's extraction. Bars a little
    // under today's figures (dev F1 94.0, test 88.3 on 2026-12-05), so a change that reads pages worse fails here.
    [SharedDataTheory("readability-pages/aclu/source.html")]
    [InlineData(HtmlExtractionEvaluation.Half.Dev, 0.92, 0.70)]
    [InlineData(HtmlExtractionEvaluation.Half.Test, 0.85, 0.70)]
    public void ReadabilityPages_BodyAndTitle(HtmlExtractionEvaluation.Half half, double minF1, double minTitles)
    {
        var scores = HtmlExtractionEvaluation.Evaluate(HtmlExtractionEvaluation.Pages(Path.Combine(TestPaths.SharedData, "readability-pages"), half));
        output.WriteLine($"{half}: F1 {scores.MeanF1:P1}, titles {scores.TitleAccuracy:P1}, {scores.ArticlesRejected} rejected");
        Assert.True(scores.MeanF1 >= minF1 && scores.TitleAccuracy >= minTitles, $"F1 {scores.MeanF1:P1}, titles {scores.TitleAccuracy:P1}");
    }

    [Fact]
    public void Halves_SplitThePagesByPosition()
    {
        var folder = Directory.CreateTempSubdirectory("chorus-pages").FullName;
        try
        {
            foreach (var name in new[] { "c", "a", "b", "d", "e" })
            {
                Directory.CreateDirectory(Path.Combine(folder, name));
                File.WriteAllText(Path.Combine(folder, name, "source.html"), "<html></html>");
                File.WriteAllText(Path.Combine(folder, name, "expected.html"), "<div></div>");
            }

            Directory.CreateDirectory(Path.Combine(folder, "no-expected"));
            Assert.Equal(["a", "c", "e"], HtmlExtractionEvaluation.Pages(folder, HtmlExtractionEvaluation.Half.Dev).Select(Path.GetFileName));
            Assert.Equal(["b", "d"], HtmlExtractionEvaluation.Pages(folder, HtmlExtractionEvaluation.Half.Test).Select(Path.GetFileName));
            var page = HtmlExtractionEvaluation.Score(Path.Combine(folder, "a"));
            Assert.True(page.Rejected);
            Assert.Equal(0, page.F1);

            // Metadata that is no JSON object is named in the page's note, never thrown.
            foreach (var (name, metadata) in new[] { ("b", "{ not json"), ("c", "[1, 2]") })
            {
                File.WriteAllText(Path.Combine(folder, name, "expected-metadata.json"), metadata);
                var bad = HtmlExtractionEvaluation.Score(Path.Combine(folder, name));
                Assert.Contains("expected-metadata.json", bad.Note, StringComparison.Ordinal);
                Assert.Null(bad.TitleRight);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
