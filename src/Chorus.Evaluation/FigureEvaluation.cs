using System.Globalization;
using System.Text.Json;
using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Ingest;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>One expected figure of a Recognizers-Text number or number-with-unit case.</summary>
public sealed record FigureSpecResult(string Text, int Start, int End, string TypeName, double? Value, string? Unit);

public sealed record FigureSpecCase(int Index, string Input, IReadOnlyList<FigureSpecResult> Results);

/// <summary>Reads the model-format JSON of Recognizers-Text's Number and NumberWithUnit specifications.</summary>
public static class FigureSpec
{
    public static ParseResult<IReadOnlyList<FigureSpecCase>> Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json.TrimStart('\uFEFF'), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ParseResult<IReadOnlyList<FigureSpecCase>>.Fail($"{file}: expected a JSON array of cases");
            }

            var cases = new List<FigureSpecCase>();
            var index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                index++;
                if (SpecJson.String(item, "Input") is not { } inputText)
                {
                    return ParseResult<IReadOnlyList<FigureSpecCase>>.Fail($"{file}: case {index}: no \"Input\" string");
                }

                var results = new List<FigureSpecResult>();
                var searchFrom = 0;
                foreach (var r in SpecJson.Items(item, "Results"))
                {
                    var spanText = SpecJson.String(r, "Text") ?? string.Empty;
                    int start, end;
                    if (SpecJson.Int(r, "Start") is { } s0 && SpecJson.Int(r, "End") is { } e0)
                    {
                        (start, end, searchFrom) = (s0, e0, e0 + 1);
                    }
                    else
                    {
                        // Most number cases give only the text: its first occurrence after the previous figure.
                        var at = spanText.Length == 0 ? -1 : inputText.IndexOf(spanText, Math.Min(searchFrom, inputText.Length), StringComparison.OrdinalIgnoreCase);
                        // A few spec texts are normalised ("meter per seconde" for "m/s"): kept with no span, scored as not located.
                        (start, end) = at < 0 ? (-1, -1) : (at, at + spanText.Length - 1);
                        searchFrom = at < 0 ? searchFrom : at + spanText.Length;
                    }

                    var resolution = SpecJson.Child(r, "Resolution", JsonValueKind.Object);
                    var value = resolution is { } res && SpecJson.String(res, "value") is { } v ? ParseValue(v) : null;
                    var unit = resolution is { } res2 ? SpecJson.String(res2, "unit") : null;
                    results.Add(new FigureSpecResult(spanText, start, end, SpecJson.String(r, "TypeName") ?? string.Empty, value, unit));
                }

                cases.Add(new FigureSpecCase(index, inputText, results));
            }

            return ParseResult<IReadOnlyList<FigureSpecCase>>.Ok(cases);
        }
        catch (JsonException ex)
        {
            return ParseResult<IReadOnlyList<FigureSpecCase>>.Fail($"{file}: line {ex.LineNumber + 1}: {ex.Message}");
        }
    }

    // The spec writes Dutch decimals ("4,25") and percentages ("100%").
    private static double? ParseValue(string value)
    {
        var v = value.TrimEnd('%').Replace(',', '.');
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}

/// <summary>Expected, found (a figure overlapping it) and found with the right number, per spec type.</summary>
public sealed record FigureTypeScore(int Gold, int Matched, int ValueCorrect)
{
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double ValueAccuracy => Matched == 0 ? 0 : (double)ValueCorrect / Matched;
}

public sealed record FigureScores(int Cases, int Gold, int Matched, int ValueCorrect, IReadOnlyDictionary<string, FigureTypeScore> ByType, IReadOnlyList<string> Failures)
{
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>Expected results that carry a number (the spec also lists bare unit words, "naar Fahrenheit").</summary>
    public int GoldWithValue { get; init; }

    public int MatchedWithValue { get; init; }

    public double RecallWithValue => GoldWithValue == 0 ? 0 : (double)MatchedWithValue / GoldWithValue;

    public double ValueAccuracy => Matched == 0 ? 0 : (double)ValueCorrect / Matched;
}

/// <summary>
/// Scores figure extraction on Recognizers-Text number and number-with-unit cases: each case is analysed as a Dutch
/// article; a gold figure is found when a quantity overlaps it, and its value is right when the numbers agree.
/// For the plain number model, numbers that count nothing are kept (the number reader is what is measured there).
/// </summary>
public static class FigureEvaluation
{
    public static FigureScores Evaluate(ArticleAnalyzer analyzer, IReadOnlyList<FigureSpecCase> cases, bool keepBareNumbers, string lang = "nl")
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(cases);
        var extractor = new QuantityExtractor();
        var byType = new SortedDictionary<string, (int Gold, int Matched, int Correct)>(StringComparer.Ordinal);
        var failures = new List<string>();
        int goldWithValue = 0, matchedWithValue = 0;
        foreach (var c in cases)
        {
            var analyzed = analyzer.Analyze(new RawArticle { Ref = "case " + c.Index.ToString(CultureInfo.InvariantCulture), Text = c.Input, Lang = lang });
            var text = c.Input;
            IReadOnlyList<QuantityMention> found = keepBareNumbers
                ? extractor.Extract(text, analyzed.Tokens, analyzed.Tokens.Select(t => t.Of(text).ToString().ToLowerInvariant()).ToArray(), lang, [], keepBareNumbers: true)
                : analyzed.Quantities;
            var used = new bool[found.Count];
            foreach (var g in c.Results)
            {
                if (g.Start < 0)
                {
                    failures.Add($"skipped [{c.Index}] {g.TypeName} \"{g.Text}\": the spec's text is not in its input");
                    continue;
                }

                var counts = byType.GetValueOrDefault(g.TypeName);
                counts.Gold++;
                goldWithValue += g.Value is null ? 0 : 1;
                var best = SpanMatch.BestUnused(found, q => (q.Start, q.End), used, g.Start, g.End + 1);

                if (best < 0)
                {
                    failures.Add($"missed  [{c.Index}] {g.TypeName} \"{g.Text}\" = {g.Value?.ToString(CultureInfo.InvariantCulture)} {g.Unit} in: {text}");
                }
                else
                {
                    used[best] = true;
                    counts.Matched++;
                    matchedWithValue += g.Value is null ? 0 : 1;
                    var q = found[best];
                    // A range ("tussen de 40 en 50 jaar") holds both of its figures.
                    static bool Same(double? a, double b) => a is { } x && Math.Abs(x - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
                    if (g.Value is { } v && (Same(q.Value, v) || Same(q.Min, v) || Same(q.Max, v)))
                    {
                        counts.Correct++;
                    }
                    else
                    {
                        failures.Add($"value   [{c.Index}] {g.TypeName} \"{g.Text}\" → \"{text[q.Start..q.End]}\" = {q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit}; expected {g.Value?.ToString(CultureInfo.InvariantCulture)} {g.Unit}");
                    }
                }

                byType[g.TypeName] = counts;
            }
        }

        var gold = byType.Values.Sum(v => v.Gold);
        return new FigureScores(cases.Count, gold, byType.Values.Sum(v => v.Matched), byType.Values.Sum(v => v.Correct),
            byType.ToDictionary(kv => kv.Key, kv => new FigureTypeScore(kv.Value.Gold, kv.Value.Matched, kv.Value.Correct), StringComparer.Ordinal),
            failures.OrderBy(f => f[..8], StringComparer.Ordinal).ToList())
        {
            GoldWithValue = goldWithValue,
            MatchedWithValue = matchedWithValue,
        };
    }
}
