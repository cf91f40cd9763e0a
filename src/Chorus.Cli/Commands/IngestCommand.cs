using System.Globalization;
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

    /// <param name="worker">Share the input with other worker processes given the same inputs (<see cref="IngestPipeline.RunSharedAsync"/>).</param>
    /// <param name="workers">Start this many workers in all: this process and <paramref name="workers"/> - 1 more.</param>
    public static async Task<int> RunAsync(CliContext ctx, string dbPath, IReadOnlyList<string> paths, ReadOptions options, string granularity, bool json, CancellationToken ct, bool worker = false, int workers = 1, string? alertsFile = null)
    {
        var clustering = ClusteringOptions.ForGranularity(granularity) ?? throw new UsageException($"--granularity {granularity}: use 'event' or 'story'");
        if (workers < 1)
        {
            throw new UsageException("--workers: give 1 or more");
        }

        string? run = null;
        if (worker || workers > 1)
        {
            run = SharedRunKey(paths, options, granularity);
        }

        var others = new List<System.Diagnostics.Process>();
        try
        {
            for (var i = 1; i < workers; i++)
            {
                others.Add(StartWorker(dbPath, paths, options, granularity));
            }

            await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
            if (options.Outlets is { Outlets.Count: > 0 } outlets)
            {
                await workspace.Monitoring.SaveOutletsAsync(outlets.Outlets, ct).ConfigureAwait(false);
            }

            var cpu = Environment.CpuUsage.TotalTime;
            var report = await IngestAsync(ctx, workspace, paths, options, ct, new Settings(Clustering: clustering, SharedRun: run)).ConfigureAwait(false);
            // A worker's serial part is put against all its own CPU time, analysis included: the share no other worker
            // can take over, which bounds how far workers scale (issue 20).
            TimeSpan? workerCpu = run is null ? null : Environment.CpuUsage.TotalTime - cpu;
            if (report.StoredIds.Count > 0)
            {
                // Watchlists hold whatever way articles arrive: an ingest fires their alerts as a watcher would.
                await WatchCommand.Dispatcher(ctx, workspace, alertsFile).AfterIngestAsync(workspace, report.StoredIds, ct).ConfigureAwait(false);
            }

            var failedWorkers = 0;
            foreach (var other in others)
            {
                await other.WaitForExitAsync(ct).ConfigureAwait(false);
                failedWorkers += other.ExitCode is ExitCodes.Success or ExitCodes.Partial ? 0 : 1;
            }

            if (workers > 1)
            {
                await ctx.Stderr.WriteLineAsync($"{workers} workers shared the input: the counts below are this process's; the other workers' are above, marked with their process id").ConfigureAwait(false);
            }

            return Finish(ctx, report, json, failedWorkers, workerCpu);
        }
        finally
        {
            foreach (var other in others)
            {
                if (!other.HasExited)
                {
                    // Ctrl-C or a failure here: the workers stop too; each one's open batch rolls back.
                    other.Kill(entireProcessTree: true);
                }

                other.Dispose();
            }
        }
    }

    private static int Finish(CliContext ctx, IngestReport report, bool json, int failedWorkers, TimeSpan? workerCpu)
    {
        var doc = ContractMapper.Ingest(report, workerCpu);
        if (json)
        {
            ctx.Stdout.WriteLine(ContractJson.Serialize(doc));
        }
        else
        {
            PrintReport(ctx, report);
            if (doc.Serial is { } serial)
            {
                PrintSerialPart(ctx, serial);
            }
        }

        if (failedWorkers > 0)
        {
            ctx.Stderr.WriteLine($"{failedWorkers} worker process(es) failed; run the same command again to store what they left");
            return ExitCodes.Environment;
        }

        return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>
    /// Names a shared input: the inputs as given, each file's length and last change, and the grouping. Workers given
    /// the same files in the same order share the run; a file that changed makes a new run.
    /// </summary>
    private static string SharedRunKey(IReadOnlyList<string> paths, ReadOptions options, string granularity)
    {
        var text = new System.Text.StringBuilder().Append(granularity).Append('\n').Append(options.Source).Append('\n').Append(options.Format).Append('\n')
            .Append(options.SourcesFile).Append('\n').Append(options.JoinFile).Append('\n');
        foreach (var (file, reference, _) in ArticleInputReader.ExpandWithRefs(paths))
        {
            if (file == ArticleInputReader.StdinRef)
            {
                throw new UsageException("--worker/--workers: standard input cannot be shared between workers; give files");
            }

            var info = file is null ? null : new FileInfo(file);
            text.Append(reference).Append('\t').Append(info?.Exists == true ? info.Length : -1).Append('\t').Append(info?.Exists == true ? info.LastWriteTimeUtc.Ticks : 0).Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    // Another worker: this program again, with the same inputs and --worker.
    private static System.Diagnostics.Process StartWorker(string dbPath, IReadOnlyList<string> paths, ReadOptions options, string granularity)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program to start for a worker");
        var info = new System.Diagnostics.ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            info.ArgumentList.Add(typeof(IngestCommand).Assembly.Location);
        }

        info.ArgumentList.Add("ingest");
        foreach (var path in paths)
        {
            info.ArgumentList.Add(path);
        }

        foreach (var (option, value) in new[] { ("--db", dbPath), ("--granularity", granularity), ("--source", options.Source), ("--sources", options.SourcesFile), ("--join", options.JoinFile), ("--format", options.Format == InputFormat.Auto ? null : options.Format.ToString().ToLowerInvariant()) })
        {
            if (value is not null)
            {
                info.ArgumentList.Add(option);
                info.ArgumentList.Add(value);
            }
        }

        info.ArgumentList.Add("--worker");
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start a worker");
        // Its report ("ingested N, …") goes to this process's stderr, marked as that worker's.
        process.OutputDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
            {
                Console.Error.WriteLine($"worker {process.Id}: {line.Data}");
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>How an ingest runs, where it differs from the default: a reduced analyser or no linking (to measure what they cost), another grouping, a shared run, the serial part alone.</summary>
    public sealed record Settings(ArticleAnalyzer? Analyzer = null, bool LinkEntities = true, ClusteringOptions? Clustering = null, string? SharedRun = null, bool IsolateSerialPart = false);

    public static async Task<IngestReport> IngestAsync(CliContext ctx, ChorusWorkspace workspace, IReadOnlyList<string> paths, ReadOptions options, CancellationToken ct, Settings? settings = null)
    {
        settings ??= new Settings();
        var sharedRun = settings.SharedRun;
        var expanded = ArticleInputReader.ExpandWithRefs(paths).ToList();
        var pipeline = new IngestPipeline(workspace.Store, settings.Analyzer ?? ArticleAnalyzer.CreateDefault(), settings.Clustering ?? new ClusteringOptions(), workspace.Index, settings.LinkEntities)
        {
            WaitingForWriter = ctx.WaitingForWriter,
            IsolateSerialPart = settings.IsolateSerialPart,
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

        if (sharedRun is not null)
        {
            return await pipeline.RunSharedAsync(Inputs, sharedRun, null, ct).ConfigureAwait(false);
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

    private static void PrintSerialPart(CliContext ctx, SerialPartDoc serial)
    {
        ctx.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serial part (under the store's write lock): CPU {serial.CpuSeconds:0.00} s of this worker's {serial.WorkerCpuSeconds:0.00} s = {100 * serial.CpuShare:0.0}%, {serial.WallSeconds:0.00} s wall"));
        ctx.Stderr.WriteLine("  its parts, ms per article stored: " + string.Join(", ", serial.PartsMsPerArticle.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}"))));
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
