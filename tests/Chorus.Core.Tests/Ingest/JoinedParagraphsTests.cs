using System.Text;
using Chorus.Core.Ingest;
using Chorus.Core.Text;
using CsCheck;

namespace Chorus.Core.Tests.Ingest;

/// <summary>
/// The one-pass paragraph join against the split-and-join it replaced (kept here as the oracle, written as it was), and
/// the normaliser's no-copy path against its rewrite, on random text of the characters the rules turn on and on every
/// DPG text.
/// </summary>
public class JoinedParagraphsTests
{
    private static readonly Gen<string> Layout = Gen.String[Gen.OneOf(Gen.Char["\n\n\n \t\r\u00A0\u200Babc.:"], Gen.Char["Ab d\n"], Gen.Char), 0, 300];

    [Theory]
    [InlineData("", "")]
    [InlineData("Een alinea.", "Een alinea.")]
    [InlineData("Een regel,\nen verder.", "Een regel, en verder.")]
    [InlineData("Een  \t alinea.\n\n\n\nTwee.", "Een alinea.\n\nTwee.")]
    [InlineData("Kop hier\nTekst.", "Kop hier\n\nTekst.")]
    [InlineData("Kop  met  ruimte\nTekst  hier.", "Kop  met  ruimte\n\nTekst hier.")]
    [InlineData("Alleen een kop", "Alleen een kop")]
    [InlineData(" \n \n\n  x  \n\n", "x")]
    public void JoinedParagraphs_JoinsLinesAndKeepsHeadings(string body, string expected)
        => Assert.Equal(expected, SeedTextReader.JoinedParagraphs(body));

    [Fact]
    public void JoinedParagraphs_GivesWhatTheSplitAndJoinGave_OnRandomText()
        => Layout.Sample(body => Assert.Equal(string.Join("\n\n", Oracle.SplitParagraphs(body)), SeedTextReader.JoinedParagraphs(body)), iter: 20_000);

    [Fact]
    public void JoinedParagraphs_ReturnsTheBodyItself_WhenItIsInThatFormAlready()
    {
        var body = "Eerste alinea.\n\nTweede alinea.";
        Assert.Same(body, SeedTextReader.JoinedParagraphs(body));
    }

    [Fact]
    public void Normalize_TakesTheNoCopyPathOnlyWhereTheRewriteWouldChangeNothing()
        => Layout.Sample(text =>
        {
            var rewritten = TextNormalizer.Rewritten(text);
            Assert.Equal(rewritten.Normalize(NormalizationForm.FormC), TextNormalizer.Normalize(text));
            if (rewritten == text && text.IsNormalized(NormalizationForm.FormC))
            {
                Assert.Same(text, TextNormalizer.Normalize(text));
            }
        }, iter: 20_000);

    [Fact]
    public void Normalize_ReturnsTheTextItself_WhenNothingChanges()
    {
        var text = "Regel een\nRegel twee\n\nAlinea\tmet tab.";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [SharedDataFact("dpg2019/articles.jsonl")]
    public void Both_GiveWhatTheyGaveBefore_OnEveryDpgText()
    {
        var texts = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl")))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } raw)
            {
                var normalized = TextNormalizer.Normalize(raw);
                Assert.Equal(TextNormalizer.Rewritten(raw).Normalize(NormalizationForm.FormC), normalized);
                Assert.Equal(string.Join("\n\n", Oracle.SplitParagraphs(normalized)), SeedTextReader.JoinedParagraphs(normalized));
                texts++;
            }
        }

        Assert.True(texts > 1000, $"{texts} texts read");
    }

    /// <summary>The implementations replaced (Chorus before 2026-12-07), as the reference.</summary>
    private static class Oracle
    {
        public static List<string> SplitParagraphs(string body)
        {
            var result = new List<string>();
            foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var start = 0;
                while (start < lines.Length - 1 && SeedTextReader.IsHeading(lines[start]))
                {
                    result.Add(lines[start]);
                    start++;
                }

                result.AddRange(Paragraphs(string.Join('\n', lines[start..])));
            }

            return result;
        }

        private static List<string> Paragraphs(string normalized)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            foreach (var rawLine in normalized.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0)
                {
                    Flush();
                    continue;
                }

                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(line);
            }

            Flush();
            return paragraphs;

            void Flush()
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(CollapseSpaces(current.ToString()));
                    current.Clear();
                }
            }
        }

        private static string CollapseSpaces(string s)
        {
            if (!s.Contains("  ", StringComparison.Ordinal) && !s.Contains('\t', StringComparison.Ordinal))
            {
                return s;
            }

            var sb = new StringBuilder(s.Length);
            var lastSpace = false;
            foreach (var c in s)
            {
                var space = c is ' ' or '\t';
                if (space && lastSpace)
                {
                    continue;
                }

                sb.Append(space ? ' ' : c);
                lastSpace = space;
            }

            return sb.ToString();
        }
    }
}
