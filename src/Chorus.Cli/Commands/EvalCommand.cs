using System.Diagnostics;
using System.Globalization;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Stories.Comparison;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Chorus.Core.Text;
using Spectre.Console;
using Chorus.Evaluation;

namespace Chorus.Cli.Commands;

internal static class EvalCommand
{
    public static async Task<int> SentencesAsync(CliContext ctx, IReadOnlyList<string> files, bool json, CancellationToken ct)
    {
        var rows = new List<(string File, BoundaryScores Scores)>();
        var punctuatedRows = new List<BoundaryScores>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var lines = await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false);
            rows.Add((file, SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, lines)));
            punctuatedRows.Add(SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, lines, punctuatedOnly: true));
        }

        var total = Sum(rows.Select(r => r.Scores));
        var punctuated = Sum(punctuatedRows);
        if (json)
        {
            object Doc(BoundaryScores s) => new { s.Paragraphs, s.GoldBoundaries, s.PredictedBoundaries, s.Correct, precision = Math.Round(s.Precision, 2), recall = Math.Round(s.Recall, 2), f1 = Math.Round(s.F1, 2) };
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { files = rows.ToDictionary(r => r.File, r => Doc(r.Scores)), total = Doc(total), punctuatedBoundariesOnly = Doc(punctuated) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("file").AddColumn("paragraphs").AddColumn("gold").AddColumn("predicted").AddColumn("P").AddColumn("R").AddColumn("F1");
        foreach (var (file, s) in rows.Append(("total", total)).Append(("total, punctuated gold boundaries only", punctuated)))
        {
            table.AddRow(Markup.Escape(file), Fmt(s.Paragraphs), Fmt(s.GoldBoundaries), Fmt(s.PredictedBoundaries), Pct(s.Precision), Pct(s.Recall), Pct(s.F1));
        }

        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>Shared-claim precision/recall on judged sentence pairs of real stories in a store (eval/comparison/dpg-claims-*.tsv).</summary>
    public static async Task<int> ClaimsAsync(CliContext ctx, string dbPath, string file, double threshold, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var (labels, errors) = ClaimPairLabels.Parse(file, await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors));
        }

        var (stories, comparisons) = await CompareStoriesOfAsync(dbPath, file, labels.SelectMany(l => new[] { l.ArticleA, l.ArticleB }), threshold, ct).ConfigureAwait(false);
        var scores = ClaimPairLabels.Evaluate(labels, comparisons);
        var pr = scores.Pairs;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                stories,
                labelledPairs = labels.Count,
                pairs = new { pr.TruePositives, pr.Predicted, pr.Gold, precision = Math.Round(pr.Precision, 2), recall = Math.Round(pr.Recall, 2), f1 = Math.Round(pr.F1, 2) },
                unjudgedPredicted = scores.UnjudgedPredicted,
                scores.Mistakes,
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ctx.Out.MarkupLineInterpolated($"{stories} stories, {labels.Count} judged sentence pairs ({pr.Gold} the same fact)");
        ctx.Out.MarkupLineInterpolated($"shared-claim pairs: precision {pr.Precision:0.0} ({pr.TruePositives} of {pr.Predicted} judged), recall {pr.Recall:0.0}; {scores.UnjudgedPredicted} predicted pairs not judged");
        foreach (var mistake in scores.Mistakes)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{mistake}[/]");
        }

        return ExitCodes.Success;
    }

    /// <summary>Compares every stored story that holds one of <paramref name="articleIds"/>, as the story page would.</summary>
    private static async Task<(int Stories, List<StoryComparison> Comparisons)> CompareStoriesOfAsync(string dbPath, string file, IEnumerable<string> articleIds, double threshold, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var store = workspace.Store;
        var storyIds = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in articleIds.Distinct(StringComparer.Ordinal))
        {
            if ((await store.FindArticleAsync(id, ct).ConfigureAwait(false))?.StoryId is { } storyId)
            {
                storyIds.Add(storyId);
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            throw new UsageException($"{file}: {missing.Count} labelled articles are not in {store.Location} (ingest the data set the labels were made on), e.g. {missing[0]}");
        }

        var comparer = new StoryComparer(threshold);
        var queries = new ChorusQueries(workspace);
        var comparisons = new List<StoryComparison>();
        foreach (var storyId in storyIds)
        {
            comparisons.Add((await queries.CompareStoryAsync(storyId, comparer, ct).ConfigureAwait(false))!);
        }

        return (storyIds.Count, comparisons);
    }

    private static async Task<(int Stories, List<StoryComparison> Comparisons)> CompareHeadlineStoriesAsync(string file, string csv, IEnumerable<string> articleIds, CancellationToken ct)
    {
        if (!File.Exists(csv))
        {
            throw new UsageException($"{csv}: no such file (the UCI news CSV, ../shared/data/uci-news/uci-news.dev.csv)");
        }

        var (comparisons, missing, errors) = HeadlineStories.Compare(csv, await File.ReadAllTextAsync(csv, ct).ConfigureAwait(false), articleIds, ArticleAnalyzer.CreateDefault(), new StoryComparer(StoryComparer.DefaultThreshold));
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors.Take(10)) + (errors.Count > 10 ? $"{Environment.NewLine}… and {errors.Count - 10} more" : string.Empty));
        }

        if (missing.Count > 0)
        {
            throw new UsageException($"{file}: {missing.Count} labelled articles are not rows of {csv} (ids are {HeadlineStories.IdPrefix}ID), e.g. {missing[0]}");
        }

        return (comparisons.Count, comparisons);
    }

    /// <summary>Disagreement recall and false alarms on judged figure pairs of real stories in a store (eval/comparison/dpg-figures-*.tsv).</summary>
    public static async Task<int> DisagreementsAsync(CliContext ctx, string dbPath, string file, string? headlinesCsv, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var (labels, errors) = FigurePairLabels.Parse(file, await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors));
        }

        var articleIds = labels.SelectMany(l => new[] { l.ArticleA, l.ArticleB });
        var (stories, comparisons) = headlinesCsv is null
            ? await CompareStoriesOfAsync(dbPath, file, articleIds, StoryComparer.DefaultThreshold, ct).ConfigureAwait(false)
            : await CompareHeadlineStoriesAsync(file, headlinesCsv, articleIds, ct).ConfigureAwait(false);
        var s = FigurePairLabels.Evaluate(labels, comparisons);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                stories, labelledPairs = labels.Count, s.Disagreements, s.Found, s.KindRight, s.Quiet, s.FalseAlarms,
                recall = Math.Round(s.Recall, 2), precision = Math.Round(s.Precision, 2), s.Mistakes,
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ctx.Out.MarkupLineInterpolated($"{stories} stories, {labels.Count} judged figure pairs ({s.Disagreements} disagreements: conflicts and updates)");
        ctx.Out.MarkupLineInterpolated($"disagreements found {s.Found} of {s.Disagreements} (recall {s.Recall:0.0}; {s.KindRight} under the judged kind); false alarms {s.FalseAlarms}, quiet {s.Quiet} of the {labels.Count - s.Disagreements} other pairs");
        foreach (var mistake in s.Mistakes)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{mistake}[/]");
        }

        return ExitCodes.Success;
    }

    /// <param name="ctx">The CLI context.</param>
    /// <param name="file">Labelled stories.</param>
    /// <param name="threshold">The claim alignment threshold.</param>
    /// <param name="grouped">
    /// Ingest every article of the file into one fresh store first and compare the stories Chorus grouped them into,
    /// as a reader finds them: an article Chorus put in another story takes its claims and conflicts with it.
    /// </param>
    /// <param name="json">One JSON document on stdout.</param>
    /// <param name="ct">Cancels the run.</param>
    public static async Task<int> ComparisonAsync(CliContext ctx, string file, double threshold, bool grouped, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var (stories, errors) = ComparisonFixture.Parse(file, await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await ctx.Stderr.WriteLineAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.Partial;
        }

        Dictionary<string, string>? groupOf = null;
        ClusterScores? grouping = null;
        if (grouped)
        {
            var (items, _) = LabelledArticles.Read(file, await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
            var ordered = items.OrderBy(i => i.Article.Date?.Start ?? DateOnly.MaxValue).ToList();
            var (predicted, _) = await GroupAsync(ordered.Select(i => i.Article).ToList(), new ClusteringOptions(), ct).ConfigureAwait(false);
            groupOf = ordered.Select((item, i) => (item.Article.Ref, Story: predicted[i])).ToDictionary(x => x.Ref, x => x.Story, StringComparer.Ordinal);
            grouping = ClusterEvaluation.Score([.. ordered.Select((item, i) => (item.Gold, predicted[i]))]);
        }

        var scores = ComparisonEvaluation.Evaluate(stories, ArticleAnalyzer.CreateDefault(), new StoryComparer(threshold), groupOf: groupOf);
        static object Doc(PrecisionRecall pr) => new { pr.TruePositives, pr.Predicted, pr.Gold, precision = Math.Round(pr.Precision, 2), recall = Math.Round(pr.Recall, 2), f1 = Math.Round(pr.F1, 2) };
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                scores.Stories,
                scores.Sentences,
                shared = Doc(scores.Shared),
                unique = Doc(scores.Unique),
                alignment = Doc(scores.Alignment),
                conflicts = Doc(scores.Conflicts),
                updates = Doc(scores.Updates),
                grouping = grouping is { } g ? new { g.Items, g.GoldClusters, g.PredictedClusters, bcubed = new { precision = Math.Round(g.BCubed.Precision, 2), recall = Math.Round(g.BCubed.Recall, 2), f1 = Math.Round(g.BCubed.F1, 2) } } : null,
                scores.Mistakes,
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("decision").AddColumn("correct").AddColumn("predicted").AddColumn("gold").AddColumn("P").AddColumn("R").AddColumn("F1");
        foreach (var (name, pr) in new[] { ("shared claim", scores.Shared), ("unique claim", scores.Unique), ("sentence pairs aligned", scores.Alignment), ("conflicts", scores.Conflicts), ("updates", scores.Updates) })
        {
            table.AddRow(name, Fmt(pr.TruePositives), Fmt(pr.Predicted), Fmt(pr.Gold), Pct(pr.Precision), Pct(pr.Recall), Pct(pr.F1));
        }

        ctx.Out.MarkupLineInterpolated($"{scores.Stories} stories, {scores.Sentences} labelled sentences");
        if (grouping is { } grouped2)
        {
            ctx.Out.MarkupLineInterpolated($"grouped by Chorus: {grouped2.Items} articles in {grouped2.PredictedClusters} stories ({grouped2.GoldClusters} labelled); B-cubed P {Pct(grouped2.BCubed.Precision)} R {Pct(grouped2.BCubed.Recall)}");
        }

        ctx.Out.Write(table);
        foreach (var mistake in scores.Mistakes)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{mistake}[/]");
        }

        return ExitCodes.Success;
    }

    public static async Task<int> TimesAsync(CliContext ctx, string file, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var parsed = file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            ? TimeCaseTable.Parse(await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false), file)
            : TimeSpec.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false), file);
        if (!parsed.Success)
        {
            throw new UsageException(parsed.Error!);
        }

        var scores = TimeEvaluation.Evaluate(ArticleAnalyzer.CreateDefault(), parsed.Value!);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                scores.Cases,
                scores.Gold,
                scores.Predicted,
                precision = Math.Round(scores.Precision, 4),
                recall = Math.Round(scores.Recall, 4),
                f1 = Math.Round(scores.F1, 4),
                calendarValueAccuracy = Math.Round(scores.CalendarAccuracy, 4),
                clockValueAccuracy = Math.Round(scores.ClockAccuracy, 4),
                byType = scores.ByType.ToDictionary(kv => kv.Key.ToString(), kv => new { kv.Value.Gold, kv.Value.Matched, kv.Value.ValueCorrect, recall = Math.Round(kv.Value.Recall, 4), valueAccuracy = Math.Round(kv.Value.ValueAccuracy, 4) }),
                scores.Failures,
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var failure in scores.Failures)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{failure}[/]");
        }

        var table = new Table().AddColumn("type").AddColumn("gold").AddColumn("found").AddColumn("recall").AddColumn("value right").AddColumn("value accuracy");
        foreach (var (type, s) in scores.ByType)
        {
            table.AddRow(type.ToString(), Fmt(s.Gold), Fmt(s.Matched), Pct(100 * s.Recall), Fmt(s.ValueCorrect), Pct(100 * s.ValueAccuracy));
        }

        ctx.Out.Write(table);
        ctx.Out.MarkupLineInterpolated($"{file}: {scores.Cases} cases, {scores.Gold} expressions, {scores.Predicted} found by Chorus");
        ctx.Out.MarkupLineInterpolated($"span (overlap): P {Pct(100 * scores.Precision)}  R {Pct(100 * scores.Recall)}  F1 {Pct(100 * scores.F1)}");
        ctx.Out.MarkupLineInterpolated($"value accuracy of found expressions: calendar {Pct(100 * scores.CalendarAccuracy)}  clock time {Pct(100 * scores.ClockAccuracy)}");
        return ExitCodes.Success;
    }

    public static async Task<int> FiguresAsync(CliContext ctx, IReadOnlyList<string> files, bool json, CancellationToken ct)
    {
        var analyzer = ArticleAnalyzer.CreateDefault();
        var results = new List<(string File, FigureScores Scores)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var parsed = FigureSpec.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false), file);
            if (!parsed.Success)
            {
                throw new UsageException(parsed.Error!);
            }

            // The plain number model measures the number reader: numbers that count nothing are kept there.
            var bare = Path.GetFileName(file).Contains("NumberModel", StringComparison.Ordinal);
            results.Add((file, FigureEvaluation.Evaluate(analyzer, parsed.Value!, bare)));
        }

        var gold = results.Sum(r => r.Scores.Gold);
        var matched = results.Sum(r => r.Scores.Matched);
        var correct = results.Sum(r => r.Scores.ValueCorrect);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                files = results.ToDictionary(r => r.File, r => new { r.Scores.Cases, r.Scores.Gold, r.Scores.Matched, r.Scores.ValueCorrect, recall = Math.Round(r.Scores.Recall, 4), valueAccuracy = Math.Round(r.Scores.ValueAccuracy, 4), r.Scores.Failures }),
                total = new
                {
                    gold,
                    matched,
                    valueCorrect = correct,
                    recall = gold == 0 ? 0 : Math.Round((double)matched / gold, 4),
                    valueAccuracy = matched == 0 ? 0 : Math.Round((double)correct / matched, 4),
                    recallWithValue = Math.Round((double)results.Sum(r => r.Scores.MatchedWithValue) / Math.Max(1, results.Sum(r => r.Scores.GoldWithValue)), 4),
                },
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var failure in results.SelectMany(r => r.Scores.Failures))
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{failure}[/]");
        }

        var table = new Table().AddColumn("file").AddColumn("gold").AddColumn("found").AddColumn("recall").AddColumn("value right").AddColumn("value accuracy");
        foreach (var (file, s) in results)
        {
            table.AddRow(Markup.Escape(Path.GetFileName(file)), Fmt(s.Gold), Fmt(s.Matched), Pct(100 * s.Recall), Fmt(s.ValueCorrect), Pct(100 * s.ValueAccuracy));
        }

        table.AddRow("total", Fmt(gold), Fmt(matched), Pct(gold == 0 ? 0 : 100.0 * matched / gold), Fmt(correct), Pct(matched == 0 ? 0 : 100.0 * correct / matched));
        ctx.Out.Write(table);
        var goldWithValue = results.Sum(r => r.Scores.GoldWithValue);
        var matchedWithValue = results.Sum(r => r.Scores.MatchedWithValue);
        ctx.Out.MarkupLineInterpolated($"recall over the {goldWithValue} results that carry a number (the rest are bare unit words): {Pct(goldWithValue == 0 ? 0 : 100.0 * matchedWithValue / goldWithValue)}");
        return ExitCodes.Success;
    }

    /// <summary>Names found in hand-marked en/de (or any) articles: recall, precision and type accuracy per language.</summary>
    public static async Task<int> NamesAsync(CliContext ctx, IReadOnlyList<string> files, bool json, CancellationToken ct)
    {
        var articles = new List<Chorus.Evaluation.MarkedArticle>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            articles.AddRange(Chorus.Evaluation.NameEvaluation.Read(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)));
        }

        var scores = Chorus.Evaluation.NameEvaluation.Evaluate(ArticleAnalyzer.CreateDefault(), articles);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(scores.Select(s => new { s.Lang, s.Gold, s.Found, s.Matched, recall = Math.Round(s.Recall, 3), precision = Math.Round(s.Precision, 3), typeAccuracy = Math.Round(s.TypeAccuracy, 3), s.Misses }))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var s in scores)
        {
            foreach (var miss in s.Misses)
            {
                ctx.Out.MarkupLineInterpolated($"[grey]{s.Lang}: {miss}[/]");
            }
        }

        var table = new Table().AddColumn("lang").AddColumn("gold").AddColumn("found").AddColumn("recall").AddColumn("precision").AddColumn("type accuracy");
        foreach (var s in scores)
        {
            table.AddRow(s.Lang, Fmt(s.Gold), Fmt(s.Found), Pct(100 * s.Recall), Pct(100 * s.Precision), Pct(100 * s.TypeAccuracy));
        }

        var gold = scores.Sum(s => s.Gold);
        var matched = scores.Sum(s => s.Matched);
        var found = scores.Sum(s => s.Found);
        table.AddRow("all", Fmt(gold), Fmt(found), Pct(gold == 0 ? 0 : 100.0 * matched / gold), Pct(found == 0 ? 0 : 100.0 * matched / found), Pct(matched == 0 ? 0 : 100.0 * scores.Sum(s => s.TypedRight) / matched));
        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>HTML article extraction on Readability's test pages; the pages read worst are listed for the dev half only.</summary>
    public static async Task<int> HtmlAsync(CliContext ctx, string folder, string half, bool json, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{folder}: no such folder");
        }

        var which = half switch { "dev" => Chorus.Evaluation.HtmlExtractionEvaluation.Half.Dev, "test" => Chorus.Evaluation.HtmlExtractionEvaluation.Half.Test, _ => Chorus.Evaluation.HtmlExtractionEvaluation.Half.All };
        var pages = Chorus.Evaluation.HtmlExtractionEvaluation.Pages(folder, which);
        if (pages.Count == 0)
        {
            throw new UsageException($"{folder}: no page folders with source.html and expected.html");
        }

        var s = await Task.Run(() => Chorus.Evaluation.HtmlExtractionEvaluation.Evaluate(pages), ct).ConfigureAwait(false);
        static double R(double v) => Math.Round(100 * v, 2);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                half, pages = s.Pages.Count, s.ArticlePages, s.ArticlesRejected, s.NonArticlesAccepted,
                precision = R(s.MeanPrecision), recall = R(s.MeanRecall), f1 = R(s.MeanF1), above90 = R(s.ShareAbove90),
                titleAccuracy = R(s.TitleAccuracy), dateAccuracy = R(s.DateAccuracy), s.DatesJudged,
                perPage = which == Chorus.Evaluation.HtmlExtractionEvaluation.Half.Test ? null : s.Pages.Select(p => new { p.Page, p.Readerable, p.Rejected, precision = R(p.Precision), recall = R(p.Recall), p.TitleRight, p.DateRight, p.Note }),
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (which != Chorus.Evaluation.HtmlExtractionEvaluation.Half.Test)
        {
            const int Worst = 25;
            foreach (var p in s.Pages.Where(p => p.Readerable).OrderBy(p => p.F1).Take(Worst))
            {
                ctx.Out.MarkupLineInterpolated($"[grey]{p.Page}: P {Pct(100 * p.Precision)} R {Pct(100 * p.Recall)}{(p.Rejected ? " rejected" : string.Empty)}{(p.Note is { } note ? ": " + note : string.Empty)}{(p.TitleRight == false ? "; title wrong" : string.Empty)}{(p.DateRight == false ? "; date wrong" : string.Empty)}[/]");
            }

            ctx.Out.MarkupLineInterpolated($"[grey](the {Math.Min(Worst, s.ArticlePages)} article pages read worst of {s.ArticlePages}; --json lists every page)[/]");
        }

        ctx.Out.MarkupLineInterpolated($"{folder} ({half}): {s.Pages.Count} pages, {s.ArticlePages} articles ({s.ArticlesRejected} rejected), {s.Pages.Count - s.ArticlePages} no article ({s.NonArticlesAccepted} read as one)");
        ctx.Out.MarkupLineInterpolated($"body tokens, mean over articles: P {Pct(100 * s.MeanPrecision)} R {Pct(100 * s.MeanRecall)} F1 {Pct(100 * s.MeanF1)}; F1 ≥ 90 on {Pct(100 * s.ShareAbove90)} of them");
        ctx.Out.MarkupLineInterpolated($"title right {Pct(100 * s.TitleAccuracy)}; day of publication right {Pct(100 * s.DateAccuracy)} of the {s.DatesJudged} that give one");
        return ExitCodes.Success;
    }

    /// <summary>A judged labels file, parsed; a missing file or a bad row is a usage error naming it.</summary>
    private static async Task<T> ReadLabelsAsync<T>(string file, Func<string, IEnumerable<string>, Chorus.Core.Time.ParseResult<T>> parse, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var parsed = parse(file, await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false));
        return parsed.Success ? parsed.Value! : throw new UsageException(parsed.Error!);
    }

    // A held-out half ("…-test.tsv") is scored, never read: its mistakes stay unlisted.
    private static bool IsHeldOut(string file) => Path.GetFileName(file).Contains("-test", StringComparison.Ordinal);

    /// <summary>
    /// A judged evaluation's mistakes and summary: every mistake of a dev file; of a held-out file only the labels that
    /// found nothing at their offset (<paramref name="notFound"/>: the store was made from other data), and how many others stay unlisted.
    /// </summary>
    private static void WriteJudged(CliContext ctx, IReadOnlyList<string> mistakes, bool heldOut, string notFound, string summary)
    {
        foreach (var m in heldOut ? mistakes.Where(m => m.Contains(notFound, StringComparison.Ordinal)) : mistakes)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{m}[/]");
        }

        ctx.Out.MarkupLineInterpolated($"{summary}");
        if (heldOut && mistakes.Count(m => !m.Contains(notFound, StringComparison.Ordinal)) is var unlisted and > 0)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]({unlisted} mistakes of this held-out file not listed, so that it stays unread)[/]");
        }
    }

    /// <summary>Quote speakers against judged quotes of stored articles; mistakes are listed for a dev file only.</summary>
    public static async Task<int> QuotesAsync(CliContext ctx, string file, string dbPath, bool json, CancellationToken ct)
    {
        var labels = await ReadLabelsAsync(file, Chorus.Evaluation.QuoteSpeakerEvaluation.Parse, ct).ConfigureAwait(false);

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var s = await Chorus.Evaluation.QuoteSpeakerEvaluation.EvaluateAsync(workspace.Store, labels, ct).ConfigureAwait(false);
        var heldOut = IsHeldOut(file);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { s.Judged, s.Named, s.Right, s.Wrong, s.Missing, s.Unnamed, s.NamedAnyway, s.QuoteNotFound, recall = Math.Round(100 * s.Recall, 2), precision = Math.Round(100 * s.Precision, 2), mistakes = heldOut ? null : s.Mistakes })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        WriteJudged(ctx, s.Mistakes, heldOut, "no quote there", $"{file}: {s.Judged} quotes judged; of {s.Named} with a named speaker {s.Right} right, {s.Wrong} wrong, {s.Missing} without a speaker (recall {Pct(100 * s.Recall)}); of {s.Unnamed} with no one named {s.NamedAnyway} given a name; precision {Pct(100 * s.Precision)}{(s.QuoteNotFound > 0 ? $"; {s.QuoteNotFound} quotes not found" : string.Empty)}");
        return ExitCodes.Success;
    }

    /// <summary>Time values against judged expressions of stored articles; mistakes are listed for a dev file only.</summary>
    public static async Task<int> StoredTimesAsync(CliContext ctx, string file, string dbPath, bool json, CancellationToken ct)
    {
        var labels = await ReadLabelsAsync(file, Chorus.Evaluation.StoredTimeEvaluation.Parse, ct).ConfigureAwait(false);

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var s = await Chorus.Evaluation.StoredTimeEvaluation.EvaluateAsync(workspace.Store, labels, ct).ConfigureAwait(false);
        var heldOut = IsHeldOut(file);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { s.Judged, s.Right, s.Wrong, s.NotFound, accuracy = Math.Round(100 * s.Accuracy, 2), mistakes = heldOut ? null : s.Mistakes })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        WriteJudged(ctx, s.Mistakes, heldOut, "no time expression there", $"{file}: {s.Judged} time expressions judged; {s.Right} right, {s.Wrong} wrong{(s.NotFound > 0 ? $", {s.NotFound} not found" : string.Empty)}; accuracy {Pct(100 * s.Accuracy)}");
        return ExitCodes.Success;
    }

    /// <summary>Figures against judged sentences of stored articles; mistakes are listed for a dev file only.</summary>
    public static async Task<int> StoredFiguresAsync(CliContext ctx, string file, string dbPath, bool json, CancellationToken ct)
    {
        var labels = await ReadLabelsAsync(file, Chorus.Evaluation.StoredFigureEvaluation.Parse, ct).ConfigureAwait(false);

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var s = await Chorus.Evaluation.StoredFigureEvaluation.EvaluateAsync(workspace.Store, labels, ct).ConfigureAwait(false);
        var heldOut = IsHeldOut(file);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { s.Judged, s.Right, s.WrongValue, s.WrongWhat, s.Missed, s.Found, s.Spurious, recall = Math.Round(100 * s.Recall, 2), precision = Math.Round(100 * s.Precision, 2), mistakes = heldOut ? null : s.Mistakes })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        WriteJudged(ctx, s.Mistakes, heldOut, "article not in the store", $"{file}: {s.Judged} figures judged in {labels.Sentences.Count} sentences; {s.Right} right, {s.WrongValue} with a wrong value, {s.WrongWhat} with a wrong unit or counted noun, {s.Missed} missed (recall {Pct(100 * s.Recall)}); of {s.Found} figures found there {s.Spurious} are none (precision {Pct(100 * s.Precision)})");
        return ExitCodes.Success;
    }

    /// <summary>Entity resolution on judged name pairs: merge precision and recall, and the pairs decided wrongly.</summary>
    public static async Task<int> NamePairsAsync(CliContext ctx, string file, bool json, CancellationToken ct)
    {
        var pairs = await ReadLabelsAsync(file, Chorus.Evaluation.NamePairEvaluation.Parse, ct).ConfigureAwait(false);

        var s = Chorus.Evaluation.NamePairEvaluation.Evaluate(pairs);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { s.Pairs, s.TruePositives, s.FalsePositives, s.FalseNegatives, precision = Math.Round(100 * s.Precision, 2), recall = Math.Round(100 * s.Recall, 2), s.Mistakes })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var m in s.Mistakes)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{m}[/]");
        }

        ctx.Out.MarkupLineInterpolated($"{file}: {s.Pairs} pairs; merge precision {Pct(100 * s.Precision)}, recall {Pct(100 * s.Recall)} (merged rightly {s.TruePositives}, wrongly {s.FalsePositives}, missed {s.FalseNegatives})");
        return ExitCodes.Success;
    }

    /// <summary>The names an ingested store shows for its entities, against a hand-judged list.</summary>
    public static async Task<int> EntityNamesAsync(CliContext ctx, string file, string dbPath, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var live = await workspace.Store.ListEntitiesAsync(int.MaxValue, ct).ConfigureAwait(false);
        var verdicts = Chorus.Core.Entities.EntityNameAudit.Evaluate(live.ToList(), await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false));
        var right = verdicts.Count(v => v.IsRight);
        var share = verdicts.Count == 0 ? 0 : 100.0 * right / verdicts.Count;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { total = verdicts.Count, right, share = Math.Round(share, 1), wrong = verdicts.Where(v => !v.IsRight) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var v in verdicts.Where(v => !v.IsRight))
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{v.Variant}: shown as {v.Shown ?? "(no entity)"}, right: {(v.Right.Count == 0 ? "no entity named so" : string.Join(" | ", v.Right))}[/]");
        }

        ctx.Out.MarkupLineInterpolated($"{right}/{verdicts.Count} names right ({share.ToString("0.0", CultureInfo.InvariantCulture)}%)");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Scores language identifiers on labelled lines (<c>language&lt;TAB&gt;text</c>) or on the UCI news CSV, whose
    /// headlines are all English. With several identifiers, each reads the same texts in one run, timed.
    /// </summary>
    /// <summary>Reads words the concept lexicon lacks as compounds and inflected forms, and scores the reading (<see cref="LexiconEvaluation"/>).</summary>
    public static async Task<int> LexiconAsync(CliContext ctx, IReadOnlyList<string> treebanks, bool showWrong, bool json, CancellationToken ct)
    {
        var lexicon = ConceptLexicon.Default;
        var rows = new List<(string Set, LexiconScores Scores)>();
        var wrong = new List<string>();
        rows.AddRange(LexiconEvaluation.HiddenCompounds(lexicon, showWrong ? wrong : null).Select(s => ("listed compounds, hidden", s)));
        rows.AddRange(LexiconEvaluation.Cognates().Select(s => ("cognate keys of headwords", s)));
        foreach (var file in treebanks)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var name = Path.GetFileName(file);
            var half = name.Contains("-test", StringComparison.Ordinal) ? "test" : name.Contains("-dev", StringComparison.Ordinal) ? "dev" : "-";
            var lines = await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false);
            rows.Add(("UD " + name, LexiconEvaluation.TreebankWords(lexicon, lines, half, showWrong && half == "dev" ? wrong : null)));
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(rows.Select(r => new
            {
                set = r.Set, r.Scores.Lang, r.Scores.Half, r.Scores.Words, r.Scores.Hit, r.Scores.Wrong, r.Scores.Missed,
                precision = Math.Round(r.Scores.Precision, 2), recall = Math.Round(r.Scores.Recall, 2),
            }))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("set").AddColumn("lang").AddColumn("half").AddColumn("words").AddColumn("right").AddColumn("wrong").AddColumn("none").AddColumn("P").AddColumn("R");
        foreach (var (set, s) in rows)
        {
            table.AddRow(Markup.Escape(set), s.Lang, s.Half, Fmt(s.Words), Fmt(s.Hit), Fmt(s.Wrong), Fmt(s.Missed), Pct(s.Precision), Pct(s.Recall));
        }

        ctx.Out.Write(table);
        foreach (var line in wrong)
        {
            ctx.Out.MarkupLineInterpolated($"[grey]{line}[/]");
        }

        return ExitCodes.Success;
    }

    public static async Task<int> LanguagesAsync(CliContext ctx, IReadOnlyList<string> files, IReadOnlyList<LanguageIdentifierKind> kinds, bool json, CancellationToken ct)
    {
        var inputs = new List<(string File, string[] Lines)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var content = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                var (items, errors) = LabelledArticles.Read(file, content);
                foreach (var error in errors)
                {
                    await ctx.Stderr.WriteLineAsync(error).ConfigureAwait(false);
                }

                inputs.Add((file, [.. items.Select(i => $"en\t{i.Article.Title}")]));
            }
            else
            {
                inputs.Add((file, content.Split('\n').Select(l => l.TrimEnd('\r')).ToArray()));
            }
        }

        var results = new List<(LanguageIdentifierKind Kind, string File, LanguageScores Scores, double MsPerText)>();
        foreach (var kind in kinds.Distinct())
        {
            var identifier = LanguageIdentifiers.Get(kind);
            // The models are loaded before the clock starts (Lingua's take about two seconds, once per process).
            identifier.IdentifyMajority("warm-up");
            if (kind != LanguageIdentifierKind.Ngram)
            {
                LanguageIdentifiers.Get(LanguageIdentifierKind.Lingua).IdentifyMajority("warm-up");
            }

            foreach (var (file, lines) in inputs)
            {
                var clock = Stopwatch.StartNew();
                var scores = LanguageEvaluation.Evaluate(identifier, lines);
                results.Add((kind, file, scores, scores.Total == 0 ? 0 : clock.Elapsed.TotalMilliseconds / scores.Total));
            }
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(results.Select(r => new { identifier = r.Kind.ToString().ToLowerInvariant(), file = r.File, r.Scores.Total, r.Scores.Correct, accuracy = Math.Round(r.Scores.Accuracy, 2), msPerText = Math.Round(r.MsPerText, 3), r.Scores.Confusion, r.Scores.Misses }))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var (kind, file, scores, msPerText) in results)
        {
            ctx.Out.MarkupLineInterpolated($"[bold]{file}[/] ({kind.ToString().ToLowerInvariant()}): {scores.Correct}/{scores.Total} correct, accuracy {scores.Accuracy.ToString("0.00", CultureInfo.InvariantCulture)}%, {msPerText.ToString("0.000", CultureInfo.InvariantCulture)} ms per text");
            if (results.Count > 1 && kinds.Count > 1)
            {
                continue;
            }

            var langs = LanguageIdentifier.Default.Languages.Append(LanguageIdentifier.Unknown).ToList();
            var table = new Table().AddColumn("gold \\ guessed");
            foreach (var l in langs)
            {
                table.AddColumn(new TableColumn(l).RightAligned());
            }

            foreach (var (gold, row) in scores.Confusion)
            {
                table.AddRow([gold, .. langs.Select(l => row.GetValueOrDefault(l) is var n && n > 0 ? Fmt(n) : "·")]);
            }

            ctx.Out.Write(table);
            foreach (var miss in scores.Misses)
            {
                ctx.Out.MarkupLineInterpolated($"[grey]{miss}[/]");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Ingests labelled articles in date order into a fresh temporary store, as a stream, and scores the stories
    /// they end up in against the gold stories (B-cubed and pairwise).
    /// </summary>
    public static async Task<int> ClustersAsync(CliContext ctx, string file, string granularity, double? threshold, double[]? weights, double? mergeThreshold, int? minSharedTerms, string? assignmentsFile, bool json, CancellationToken ct, int? minSharedEvidence = null, double? anchorFloor = null)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        var (items, errors) = LabelledArticles.Read(file, await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
        foreach (var error in errors)
        {
            await ctx.Stderr.WriteLineAsync(error).ConfigureAwait(false);
        }

        if (items.Count == 0)
        {
            throw new UsageException($"{file}: no labelled articles");
        }

        var ordered = items.OrderBy(i => i.Article.Date?.Start ?? DateOnly.MaxValue).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var baseOptions = ClusteringOptions.ForGranularity(granularity) ?? throw new UsageException($"--granularity {granularity}: use 'event' or 'story'");
        var options = threshold is { } t ? baseOptions with { Threshold = t } : baseOptions;
        if (mergeThreshold is { } m)
        {
            options = options with { MergeThreshold = m };
        }

        if (minSharedTerms is { } shared)
        {
            options = options with { MinSharedTerms = shared };
        }

        if (minSharedEvidence is { } evidence)
        {
            options = options with { MinSharedEvidence = evidence };
        }

        if (anchorFloor is { } floor)
        {
            options = options with { AnchorFloor = floor };
        }

        if (weights is { Length: > 0 })
        {
            if (weights.Length != 3)
            {
                throw new UsageException("--weights takes three numbers: terms, names, date");
            }

            options = options with { TermWeight = weights[0], NameWeight = weights[1], DateWeight = weights[2] };
        }

        var (predicted, decisions) = await GroupAsync(ordered.Select(i => i.Article).ToList(), options, ct).ConfigureAwait(false);
        var pairs = ordered.Select((item, i) => (item.Gold, Predicted: predicted[i])).ToList();

        if (assignmentsFile is not null)
        {
            // The score and shared terms say why each article went where it went.
            var lines = new List<string> { "ref\tgold\tpredicted\ttitle\tscore\tshared" };
            lines.AddRange(ordered.Select((item, i) => string.Join(
                '\t',
                item.Article.Ref,
                pairs[i].Gold,
                pairs[i].Predicted,
                Oneline(item.Article.Title ?? string.Empty),
                decisions[i] is { } d ? (d.OpenedStory ? "opened" + (d.ClosestStory is { } near ? string.Create(CultureInfo.InvariantCulture, $" (closest {near} at {d.BestRejectedScore:0.000})") : string.Empty) : d.Score.ToString("0.000", CultureInfo.InvariantCulture)) + (d.MergedStories.Count > 0 ? " merged " + string.Join(',', d.MergedStories) : string.Empty) : string.Empty,
                decisions[i] is { } s ? string.Join(' ', s.SharedTerms.Concat(s.SharedNames)) : string.Empty)));
            await File.WriteAllLinesAsync(assignmentsFile, lines, ct).ConfigureAwait(false);
        }

        var scores = ClusterEvaluation.Score(pairs);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                file,
                scores.Items,
                scores.GoldClusters,
                scores.PredictedClusters,
                bcubed = new { precision = Math.Round(scores.BCubed.Precision, 2), recall = Math.Round(scores.BCubed.Recall, 2), f1 = Math.Round(scores.BCubed.F1, 2) },
                pairwise = new { precision = Math.Round(scores.Pairwise.Precision, 2), recall = Math.Round(scores.Pairwise.Recall, 2), f1 = Math.Round(scores.Pairwise.F1, 2) },
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ctx.Out.MarkupLineInterpolated($"{file}: {scores.Items} articles, {scores.GoldClusters} gold stories, {scores.PredictedClusters} predicted stories ({watch.Elapsed.TotalSeconds:0.0} s)");
        var table = new Table().AddColumn("measure").AddColumn("P").AddColumn("R").AddColumn("F1");
        table.AddRow("B-cubed", Pct(scores.BCubed.Precision), Pct(scores.BCubed.Recall), Pct(scores.BCubed.F1));
        table.AddRow("pairwise", Pct(scores.Pairwise.Precision), Pct(scores.Pairwise.Recall), Pct(scores.Pairwise.F1));
        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Ingests articles, in the order given, into a fresh temporary store, as a stream, and returns the story each
    /// ended up in (an exact duplicate is in the story of the article it repeats) with the decision that put it there.
    /// </summary>
    private static async Task<(List<string> Stories, List<Assignment?> Decisions)> GroupAsync(IReadOnlyList<RawArticle> articles, ClusteringOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chorus-eval-" + Guid.NewGuid().ToString("N"));
        var (stories, decisions) = (new List<string>(), new List<Assignment?>());
        try
        {
            Directory.CreateDirectory(folder);
            await using var workspace = await ChorusWorkspace.OpenAsync(Path.Combine(folder, "eval.db"), ct).ConfigureAwait(false);
            var pipeline = new IngestPipeline(workspace.Store, ArticleAnalyzer.CreateDefault(), options, workspace.Index);
            await pipeline.RunAsync(articles.Select(a => ReadResult.Ok(a)), null, ct).ConfigureAwait(false);
            foreach (var article in articles)
            {
                var stored = await workspace.Store.FindArticleAsync(ArticleIdentity.ArticleId(ArticleIdentity.ContentKey(article)), ct).ConfigureAwait(false);
                stories.Add(stored?.StoryId ?? "unassigned:" + article.Ref);
                decisions.Add(stored?.Assignment);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The temporary store is left for the OS to clean.
            }
        }

        return (stories, decisions);
    }

    private static BoundaryScores Sum(IEnumerable<BoundaryScores> scores)
    {
        var list = scores.ToList();
        return new BoundaryScores(list.Sum(s => s.Paragraphs), list.Sum(s => s.GoldBoundaries), list.Sum(s => s.PredictedBoundaries), list.Sum(s => s.Correct));
    }

    private static string Oneline(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static string Fmt(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
