using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class IngestCommand
{
    /// <summary>Above this many inputs a progress bar is worth drawing (about a screenful of file names).</summary>
    private const int ProgressThreshold = 25;

    public static async Task<int> RunAsync(CliContext ctx, string dbPath, IReadOnlyList<string> paths, ReadOptions options, string granularity, bool json, CancellationToken ct)
    {
        var clustering = ClusteringOptions.ForGranularity(granularity) ?? throw new UsageException($"--granularity {granularity}: use 'event' or 'story'");
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var report = await IngestAsync(ctx, workspace, paths, options, ct, clustering: clustering).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(ContractMapper.Ingest(report))).ConfigureAwait(false);
        }
        else
        {
            PrintReport(ctx, report);
        }

        return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    public static async Task<IngestReport> IngestAsync(CliContext ctx, ChorusWorkspace workspace, IReadOnlyList<string> paths, ReadOptions options, CancellationToken ct, ArticleAnalyzer? analyzer = null, bool linkEntities = true, ClusteringOptions? clustering = null)
    {
        var expanded = ArticleInputReader.ExpandWithRefs(paths).ToList();
        var pipeline = new IngestPipeline(workspace.Store, analyzer ?? ArticleAnalyzer.CreateDefault(), clustering ?? new ClusteringOptions(), workspace.Index, linkEntities)
        {
            WaitingForWriter = ctx.WaitingForWriter,
        };
        IEnumerable<ReadResult> Inputs()
        {
            foreach (var (file, reference, problem) in expanded)
            {
                if (problem is not null)
                {
                    yield return ReadResult.Rejected(problem.Input, problem.Reason);
                }
                else if (file == ArticleInputReader.StdinRef)
                {
                    using var stdin = Console.OpenStandardInput();
                    foreach (var r in ArticleInputReader.ReadStream(stdin, ArticleInputReader.StdinRef, options))
                    {
                        yield return r;
                    }
                }
                else
                {
                    foreach (var r in ArticleInputReader.ReadFile(file!, options, reference!))
                    {
                        yield return r;
                    }
                }
            }
        }

        var total = EstimateItems(expanded.Select(e => e.File).OfType<string>(), options);
        if (!ctx.Interactive || total <= ProgressThreshold)
        {
            return await pipeline.RunAsync(Inputs(), null, ct).ConfigureAwait(false);
        }

        IngestReport? report = null;
        await ctx.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("ingesting", maxValue: total);
                var progress = new SynchronousProgress<IngestProgress>(p =>
                {
                    task.Value = Math.Min(p.Done, total);
                    task.Description = $"ingesting ({p.Stored:N0} stored)";
                });
                report = await pipeline.RunAsync(Inputs(), progress, ct).ConfigureAwait(false);
                task.Value = total;
            }).ConfigureAwait(false);
        return report!;
    }

    public static void PrintReport(CliContext ctx, IngestReport report)
    {
        var console = ctx.Err;
        foreach (var warning in report.Warnings.Take(20))
        {
            console.MarkupLineInterpolated($"[yellow]warning[/] {warning.Input}: {warning.Reason}");
        }

        if (report.Warnings.Count > 20)
        {
            console.MarkupLineInterpolated($"[yellow]… and {report.Warnings.Count - 20} more warnings[/]");
        }

        foreach (var rejected in report.Rejected)
        {
            console.MarkupLineInterpolated($"[red]rejected[/] {rejected.Input}: {rejected.Reason}");
        }

        ctx.Out.MarkupLineInterpolated(
            $"ingested [green]{report.Ingested}[/], duplicates {report.Duplicates}, near-copies {report.NearDuplicates}, rejected [red]{report.Rejected.Count}[/]; {report.StoriesOpened} new stories{(report.StoriesMerged > 0 ? $", {report.StoriesMerged} merged" : "")}");
    }

    /// <summary>Items to expect: one per single-article file, one per line of a JSONL file (counted without parsing).</summary>
    private static int EstimateItems(IEnumerable<string> files, ReadOptions options)
    {
        var total = 0;
        foreach (var file in files)
        {
            var format = options.Format == InputFormat.Auto ? ArticleInputReader.FormatFromExtension(file) : options.Format;
            if (format == InputFormat.Jsonl && File.Exists(file))
            {
                total += CountLines(file);
            }
            else if (format == InputFormat.Rss && File.Exists(file) && new FileInfo(file).Length <= options.MaxDocumentBytes)
            {
                total += Math.Max(1, FeedReader.CountItems(File.ReadAllText(file)));
            }
            else
            {
                total++;
            }
        }

        return total;
    }

    private static int CountLines(string file)
    {
        var count = 0;
        var buffer = new byte[1 << 16];
        using var stream = File.OpenRead(file);
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(count, 1);
    }
}

/// <summary>Reports on the caller's thread; Progress&lt;T&gt; would post to a thread pool and reorder updates.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
