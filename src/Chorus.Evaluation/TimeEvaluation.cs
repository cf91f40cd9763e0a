using System.Globalization;
using System.Text.Json;
using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Ingest;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>The five kinds of expression the Recognizers-Text DateTime model distinguishes, as Chorus reports them.</summary>
public enum TimeEvalType
{
    Date,
    DateRange,
    Time,
    Duration,
    Set,
}

/// <summary>One expected expression of a specification case: its span, spec type name and resolved values.</summary>
public sealed record TimeSpecResult(string Text, int Start, int End, string TypeName, IReadOnlyList<IReadOnlyDictionary<string, string>> Values)
{
    /// <summary>Date and date range are calendar values; time, time range, date-time and date-time range carry a clock time.</summary>
    public TimeEvalType Type => TypeName switch
    {
        "datetimeV2.date" => TimeEvalType.Date,
        "datetimeV2.daterange" => TimeEvalType.DateRange,
        "datetimeV2.duration" => TimeEvalType.Duration,
        "datetimeV2.set" => TimeEvalType.Set,
        _ => TimeEvalType.Time,
    };
}

/// <summary>One specification case: a sentence, the day it was written and the expressions it holds.</summary>
public sealed record TimeSpecCase(int Index, string Input, DateTime Reference, IReadOnlyList<TimeSpecResult> Results)
{
    /// <summary>The article date when it is coarser than a day (news cases of a month-dated article).</summary>
    public PartialDate? Anchor { get; init; }

    public string Lang { get; init; } = "nl";
}

/// <summary>Reads the Recognizers-Text model-format JSON (<c>Specs/DateTime/Dutch/DateTimeModel.json</c>).</summary>
public static class TimeSpec
{
    public static ParseResult<IReadOnlyList<TimeSpecCase>> Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: expected a JSON array of cases");
            }

            var cases = new List<TimeSpecCase>();
            var index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                index++;
                if (SpecJson.String(item, "Input") is not { } input)
                {
                    return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: case {index}: no \"Input\" string");
                }

                var reference = new DateTime(2016, 11, 7);
                if (SpecJson.Child(item, "Context", JsonValueKind.Object) is { } context && context.TryGetProperty("ReferenceDateTime", out _)
                    && !DateTime.TryParse(SpecJson.String(context, "ReferenceDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out reference))
                {
                    return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: case {index}: \"ReferenceDateTime\" is not a date-time");
                }

                var results = new List<TimeSpecResult>();
                foreach (var res in SpecJson.Items(item, "Results"))
                {
                    var values = new List<IReadOnlyDictionary<string, string>>();
                    var resolution = SpecJson.Child(res, "Resolution", JsonValueKind.Object);
                    foreach (var v in resolution is { } r ? SpecJson.Items(r, "values") : [])
                    {
                        if (v.ValueKind == JsonValueKind.Object)
                        {
                            values.Add(v.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal));
                        }
                    }

                    if (SpecJson.Int(res, "Start") is not { } start || SpecJson.Int(res, "End") is not { } end)
                    {
                        return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: case {index}: a result without integer \"Start\"/\"End\"");
                    }

                    if (SpecJson.String(res, "Text") is not { } text || SpecJson.String(res, "TypeName") is not { } typeName)
                    {
                        return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: case {index}: a result without \"Text\" or \"TypeName\" string");
                    }

                    results.Add(new TimeSpecResult(text, start, end, typeName, values));
                }

                cases.Add(new TimeSpecCase(index, input, reference, results));
            }

            return ParseResult<IReadOnlyList<TimeSpecCase>>.Ok(cases);
        }
        catch (JsonException ex)
        {
            return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}: line {ex.LineNumber + 1}: {ex.Message}");
        }
    }
}

/// <summary>
/// Reads Chorus's own time cases (<c>eval/times/*.tsv</c>): <c>lang TAB article date TAB sentence with [[marked]]
/// expressions TAB values separated by " | "</c>. A value is a TIMEX value, right when Chorus's output is the same
/// string or reads as the same days, clock times and length (<see cref="TimeEvaluation.ValueMatches"/>).
/// </summary>
public static class TimeCaseTable
{
    public static ParseResult<IReadOnlyList<TimeSpecCase>> Parse(IEnumerable<string> lines, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cases = new List<TimeSpecCase>();
        foreach (var (lineNo, cols) in TabRows.Of(lines))
        {
            if (cols.Length < 3)
            {
                return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}:{lineNo}: expected lang, article date, sentence and values separated by tabs");
            }

            var date = PartialDate.Parse(cols[1]);
            if (!date.Success)
            {
                return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}:{lineNo}: article date: {date.Error}");
            }

            var values = cols.Length > 3 && cols[3].Length > 0 ? cols[3].Split(" | ") : [];
            var text = new System.Text.StringBuilder();
            var results = new List<TimeSpecResult>();
            var k = 0;
            while (true)
            {
                var open = cols[2].IndexOf("[[", k, StringComparison.Ordinal);
                if (open < 0)
                {
                    break;
                }

                var close = cols[2].IndexOf("]]", open, StringComparison.Ordinal);
                if (close < 0)
                {
                    return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}:{lineNo}: \"[[\" without \"]]\"");
                }

                text.Append(cols[2], k, open - k);
                var start = text.Length;
                var span = cols[2][(open + 2)..close];
                text.Append(span);
                if (results.Count >= values.Length)
                {
                    return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}:{lineNo}: more marked expressions than values");
                }

                var value = values[results.Count];
                var type = value.StartsWith('P') ? "datetimeV2.duration" : value.Contains('T', StringComparison.Ordinal) ? "datetimeV2.time" : value.Contains('/', StringComparison.Ordinal) ? "datetimeV2.daterange" : "datetimeV2.date";
                results.Add(new TimeSpecResult(span, start, text.Length - 1, type, [new Dictionary<string, string>(StringComparer.Ordinal) { ["timex"] = value }]));
                k = close + 2;
            }

            text.Append(cols[2], k, cols[2].Length - k);
            if (results.Count != values.Length)
            {
                return ParseResult<IReadOnlyList<TimeSpecCase>>.Fail($"{file}:{lineNo}: {values.Length} values for {results.Count} marked expressions");
            }

            cases.Add(new TimeSpecCase(lineNo, text.ToString(), date.Value.Start.ToDateTime(TimeOnly.MinValue), results) { Anchor = date.Value, Lang = cols[0] });
        }

        return ParseResult<IReadOnlyList<TimeSpecCase>>.Ok(cases);
    }
}

/// <summary>Found, expected and matched counts for one type, and how many matched spans got the right value.</summary>
public sealed record TimeTypeScore(int Gold, int Matched, int ValueCorrect)
{
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double ValueAccuracy => Matched == 0 ? 0 : (double)ValueCorrect / Matched;
}

/// <summary>The outcome of a specification run: span P/R/F1 by overlap, value accuracy by type, and the failures.</summary>
public sealed record TimeScores(
    int Cases,
    int Gold,
    int Predicted,
    int MatchedGold,
    int MatchedPredicted,
    IReadOnlyDictionary<TimeEvalType, TimeTypeScore> ByType,
    IReadOnlyList<string> Failures)
{
    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Value accuracy over found dates and date ranges.</summary>
    public double CalendarAccuracy => Accuracy(TimeEvalType.Date, TimeEvalType.DateRange);

    /// <summary>Value accuracy over found times, time ranges, date-times and date-time ranges.</summary>
    public double ClockAccuracy => Accuracy(TimeEvalType.Time);

    private double Accuracy(params TimeEvalType[] types)
    {
        var matched = types.Sum(t => ByType.TryGetValue(t, out var s) ? s.Matched : 0);
        return matched == 0 ? 0 : (double)types.Sum(t => ByType.TryGetValue(t, out var s) ? s.ValueCorrect : 0) / matched;
    }
}

/// <summary>
/// Scores time extraction on Recognizers-Text specification cases. Each case goes through the real analyser as one
/// Dutch article dated the case's reference day. A gold span is found when a predicted span overlaps it (one to one);
/// its value is right when the predicted value resolves to the same days, clock time, duration or recurrence as any
/// of the spec's alternatives. The comparison reads Chorus's TIMEX output as a user of the JSON would.
/// </summary>
public static class TimeEvaluation
{
    public static TimeScores Evaluate(ArticleAnalyzer analyzer, IReadOnlyList<TimeSpecCase> cases, string lang = "nl")
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(cases);
        var byType = Enum.GetValues<TimeEvalType>().ToDictionary(t => t, _ => (Gold: 0, Matched: 0, Correct: 0));
        var failures = new List<string>();
        int gold = 0, predicted = 0, matchedGold = 0, matchedPredicted = 0;
        foreach (var c in cases)
        {
            var raw = new RawArticle
            {
                Ref = "case " + c.Index.ToString(CultureInfo.InvariantCulture),
                Text = c.Input,
                Date = c.Anchor ?? PartialDate.OfDay(DateOnly.FromDateTime(c.Reference)),
                Lang = c.Anchor is null ? lang : c.Lang,
            };
            var times = analyzer.Analyze(raw).Times.Where(t => t.Kind != TimeKind.Event).ToList();
            var text = raw.Text;
            predicted += times.Count;
            var used = new bool[times.Count];
            foreach (var g in c.Results)
            {
                gold++;
                var counts = byType[g.Type];
                counts.Gold++;
                // The spec's End is inclusive; the analyser's text is the input as given (no normalisation changes offsets here).
                var best = SpanMatch.BestUnused(times, t => (t.Start, t.End), used, g.Start, g.End + 1);

                if (best < 0)
                {
                    failures.Add($"missed  [{c.Index}] {Short(g.TypeName)} \"{g.Text}\" in: {c.Input}");
                    byType[g.Type] = counts;
                    continue;
                }

                used[best] = true;
                matchedGold++;
                matchedPredicted++;
                counts.Matched++;
                var t = times[best];
                if (ValueMatches(t, g))
                {
                    counts.Correct++;
                }
                else
                {
                    failures.Add($"value   [{c.Index}] {Short(g.TypeName)} \"{g.Text}\" → \"{Span(text, t)}\" {t.Kind.Name()} {t.Value ?? "null"}{(t.Mod is null ? string.Empty : " " + t.Mod)}; expected {Expected(g)} (ref {c.Reference:yyyy-MM-dd})");
                }

                byType[g.Type] = counts;
            }

            for (var k = 0; k < times.Count; k++)
            {
                if (!used[k])
                {
                    failures.Add($"extra   [{c.Index}] \"{Span(text, times[k])}\" {times[k].Kind.Name()} {times[k].Value ?? "null"} in: {c.Input}");
                }
            }
        }

        // Grouped by kind of failure (missed, value, extra), in case order within each: a stable sort.
        return new TimeScores(cases.Count, gold, predicted, matchedGold, matchedPredicted,
            byType.ToDictionary(kv => kv.Key, kv => new TimeTypeScore(kv.Value.Gold, kv.Value.Matched, kv.Value.Correct)),
            failures.OrderBy(f => f[..8], StringComparer.Ordinal).ToList());
    }

    private static string Span(string text, TimeMention t) => t.End <= text.Length ? text[t.Start..t.End] : string.Empty;

    private static string Short(string typeName) => typeName.Replace("datetimeV2.", string.Empty, StringComparison.Ordinal);

    private static string Expected(TimeSpecResult g)
        => string.Join(" | ", g.Values.Select(v => string.Join(' ', v.Where(kv => kv.Key is "timex" or "value" or "start" or "end" or "Mod").Select(kv => kv.Key + "=" + kv.Value))));

    /// <summary>True when the predicted value resolves to what any of the gold alternatives resolves to.</summary>
    public static bool ValueMatches(TimeMention predicted, TimeSpecResult gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (predicted.Value is null)
        {
            return false;
        }

        var ours = TimexReading.Read(predicted.Value);
        foreach (var v in gold.Values)
        {
            if (v.TryGetValue("timex", out var timex) && Normalise(timex) == Normalise(predicted.Value))
            {
                return true;
            }

            if (ours is not { } o)
            {
                continue;
            }

            // Chorus's own cases give a TIMEX value alone: right when it reads as the same days, clock times and
            // length ("2024-Q3" and "2024-07-01/2024-09-30" are one quarter), never a coarser or finer value.
            if (v.Count == 1 && timex is not null && TimexReading.Read(timex) is { } written
                && (written.StartDay, written.EndDay, written.StartTime, written.EndTime, written.Seconds) == (o.StartDay, o.EndDay, o.StartTime, o.EndTime, o.Seconds)
                && (written.StartDay is not null || written.StartTime is not null || written.Seconds is not null))
            {
                return true;
            }

            switch (gold.TypeName)
            {
                case "datetimeV2.date":
                    if (v.TryGetValue("value", out var day) && DateOnly.TryParse(day, CultureInfo.InvariantCulture, out var d)
                        && o.StartDay == d && o.EndDay == d && o.StartTime is null)
                    {
                        return true;
                    }

                    break;
                case "datetimeV2.daterange":
                    {
                        var hasStart = v.TryGetValue("start", out var s) && DateOnly.TryParse(s, CultureInfo.InvariantCulture, out _);
                        var hasEnd = v.TryGetValue("end", out var e) && DateOnly.TryParse(e, CultureInfo.InvariantCulture, out _);
                        if (!hasStart && !hasEnd)
                        {
                            break;
                        }

                        // The spec's range end is exclusive, except for "before" ranges, whose end is the first day excluded too.
                        var startOk = !hasStart || o.StartDay == DateOnly.Parse(s!, CultureInfo.InvariantCulture);
                        // "van 2014 tot 2018" ends where 2018 starts in the spec; Chorus writes the last point whole ("2014/2018"):
                        // an end that is the first day of the last point counts as the same range.
                        var endDay = hasEnd ? DateOnly.Parse(e!, CultureInfo.InvariantCulture) : default;
                        var endOk = !hasEnd || o.EndDay == endDay.AddDays(-1) || (o.LastStartDay == endDay && o.LastStartDay != o.StartDay) || (o.EndDay == endDay && v.GetValueOrDefault("Mod") == "before");
                        if (startOk && endOk && o.StartDay is not null)
                        {
                            return true;
                        }

                        break;
                    }

                case "datetimeV2.time":
                    if (v.TryGetValue("value", out var tv) && TimeOnly.TryParse(tv, CultureInfo.InvariantCulture, out var time) && o.StartTime == time && (o.EndTime is null || o.EndTime == time))
                    {
                        return true;
                    }

                    break;
                case "datetimeV2.timerange":
                    {
                        var sOk = !v.TryGetValue("start", out var ts) || (TimeOnly.TryParse(ts, CultureInfo.InvariantCulture, out var t1) && o.StartTime == t1);
                        var eOk = !v.TryGetValue("end", out var te) || (TimeOnly.TryParse(te, CultureInfo.InvariantCulture, out var t2) && (o.EndTime ?? o.StartTime) == t2);
                        if (sOk && eOk && (v.ContainsKey("start") || v.ContainsKey("end")))
                        {
                            return true;
                        }

                        break;
                    }

                case "datetimeV2.datetime":
                    if (v.TryGetValue("value", out var dtv) && DateTime.TryParse(dtv, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                        && o.Start == dt && (o.End is null || o.End == dt))
                    {
                        return true;
                    }

                    break;
                case "datetimeV2.datetimerange":
                    {
                        var sOk = !v.TryGetValue("start", out var ds) || (DateTime.TryParse(ds, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d1) && o.Start == d1);
                        var eOk = !v.TryGetValue("end", out var de) || (DateTime.TryParse(de, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d2) && (o.End ?? o.Start) == d2);
                        if (sOk && eOk && (v.ContainsKey("start") || v.ContainsKey("end")))
                        {
                            return true;
                        }

                        break;
                    }

                case "datetimeV2.duration":
                    if (v.TryGetValue("value", out var secs) && double.TryParse(secs, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && o.Seconds is { } os && Math.Abs(os - seconds) < 1)
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    // "XXXX-WXX-1" and "xxxx-wxx-1", "T08" and "T08:00" mean the same.
    private static string Normalise(string timex)
    {
        var t = timex.ToUpperInvariant();
        return t.EndsWith(":00", StringComparison.Ordinal) && t.Length >= 6 && t[^6] == 'T' ? t[..^3] : t;
    }
}
