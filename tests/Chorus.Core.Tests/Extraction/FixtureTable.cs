using System.Text.RegularExpressions;

namespace Chorus.Core.Tests.Extraction;

/// <summary>A fixture line: a sentence with its expected spans marked [[like this]] and one expected value per span.</summary>
internal sealed record MarkedCase(string Lang, string Context, string Text, IReadOnlyList<(int Start, int End, string Value)> Expected);

/// <summary>Precision and recall of span extraction, and accuracy of values on the spans found.</summary>
internal sealed record ExtractionScores(string Name, int Expected, int Found, int Matched, int ExactSpans, int RightValues)
{
    public double Precision => Found == 0 ? 1 : (double)Matched / Found;

    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    public double ValueAccuracy => Matched == 0 ? 1 : (double)RightValues / Matched;

    public override string ToString() => $"{Name}: {Expected} expected, {Found} found; precision {Precision:P1}, recall {Recall:P1}, value accuracy {ValueAccuracy:P1}, exact spans {ExactSpans}/{Matched}";
}

internal static partial class FixtureTable
{
    public static List<MarkedCase> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", name);
        var cases = new List<MarkedCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            // ¶ marks a paragraph break inside one fixture text.
            var marked = cols[2].Replace("¶", "\n\n", StringComparison.Ordinal);
            var values = cols.Length > 3 && cols[3].Length > 0 ? cols[3].Split(" | ") : [];
            var expected = new List<(int, int, string)>();
            var text = new System.Text.StringBuilder();
            var k = 0;
            foreach (Match m in Marks().Matches(marked))
            {
                text.Append(marked, k, m.Index - k);
                var start = text.Length;
                text.Append(m.Groups[1].Value);
                expected.Add((start, text.Length, values[expected.Count]));
                k = m.Index + m.Length;
            }

            text.Append(marked, k, marked.Length - k);
            if (expected.Count != values.Length)
            {
                throw new InvalidDataException($"{name}: {values.Length} values for {expected.Count} marked spans in: {line}");
            }

            cases.Add(new MarkedCase(cols[0], cols[1], text.ToString(), expected));
        }

        return cases;
    }

    /// <summary>Spans match when they overlap (extractors and annotators may differ on a preposition); exact spans are counted too.</summary>
    public static ExtractionScores Score(string name, IEnumerable<(MarkedCase Case, List<(int Start, int End, string Value)> Found)> results, List<string> mismatches)
    {
        int expected = 0, found = 0, matched = 0, exact = 0, right = 0;
        foreach (var (c, f) in results)
        {
            expected += c.Expected.Count;
            found += f.Count;
            foreach (var e in c.Expected)
            {
                var hit = f.FirstOrDefault(x => x.Start < e.End && e.Start < x.End);
                if (hit == default)
                {
                    mismatches.Add($"missed '{c.Text[e.Start..e.End]}' in: {c.Text}");
                    continue;
                }

                matched++;
                exact += hit.Start == e.Start && hit.End == e.End ? 1 : 0;
                if (string.Equals(hit.Value, e.Value, StringComparison.Ordinal))
                {
                    right++;
                }
                else
                {
                    mismatches.Add($"'{c.Text[hit.Start..hit.End]}' = {hit.Value}, expected {e.Value} ({c.Context}): {c.Text}");
                }
            }

            foreach (var x in f.Where(x => !c.Expected.Any(e => x.Start < e.End && e.Start < x.End)))
            {
                mismatches.Add($"spurious '{c.Text[x.Start..x.End]}' = {x.Value} in: {c.Text}");
            }
        }

        return new ExtractionScores(name, expected, found, matched, exact, right);
    }

    /// <summary>Scores a fixture, writes the figures and every mismatch to the test output, and checks the minimums.</summary>
    public static void AssertScores(
        Xunit.Abstractions.ITestOutputHelper output,
        string name,
        IEnumerable<(MarkedCase Case, List<(int Start, int End, string Value)> Found)> results,
        (double Precision, double Recall, double ValueAccuracy) minimum)
    {
        var mismatches = new List<string>();
        var scores = Score(name, results, mismatches);
        output.WriteLine(scores.ToString());
        mismatches.ForEach(output.WriteLine);
        Xunit.Assert.True(
            scores.Precision >= minimum.Precision && scores.Recall >= minimum.Recall && scores.ValueAccuracy >= minimum.ValueAccuracy,
            scores + "\n" + string.Join("\n", mismatches));
    }

    [GeneratedRegex(@"\[\[(.+?)\]\]", RegexOptions.Singleline)]
    private static partial Regex Marks();
}
