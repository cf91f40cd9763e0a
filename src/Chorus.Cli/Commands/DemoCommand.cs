using Chorus.Cli.Rendering;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class DemoCommand
{
    public static async Task<int> RunAsync(CliContext ctx, string? samples, bool json, CancellationToken ct)
    {
        var folder = samples ?? FindSamples()
            ?? throw new UsageException("cannot find the bundled samples/ folder; pass --samples PATH");
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{folder}: no such folder");
        }

        var dir = Path.Combine(Path.GetTempPath(), "chorus-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "demo.db");
        await using var workspace = await ChorusWorkspace.OpenAsync(db, ct).ConfigureAwait(false);
        var report = await IngestCommand.IngestAsync(ctx, workspace, [folder], new ReadOptions(), ct).ConfigureAwait(false);
        var queries = new ChorusQueries(workspace);
        var stories = (await queries.StoriesAsync(new StoryFilter { PageSize = int.MaxValue }, ct).ConfigureAwait(false)).Stories;
        var largestId = stories.OrderByDescending(s => s.Articles.Count).ThenByDescending(s => s.Sources).Select(s => s.Id).FirstOrDefault();
        var largest = largestId is null ? null : await queries.StoryAsync(largestId, why: true, ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                database = db,
                ingest = ContractMapper.Ingest(report),
                stories,
                largest = largest?.Doc,
                serve = ServeCommandLine(db),
                url = ServeCommand.Url(ServeCommand.DefaultPort),
            })).ConfigureAwait(false);
            return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
        }

        IngestCommand.PrintReport(ctx, report);
        ctx.Out.WriteLine();
        StoryRenderer.RenderList(ctx.Out, stories);
        if (largest is not null)
        {
            ctx.Out.WriteLine();
            StoryRenderer.RenderStory(ctx.Out, largest.Story, largest.Doc, largest.Comparison, largest.Analyzed);
            StoryRenderer.RenderWhy(ctx.Out, largest.Story, largest.Doc.Corrections);
        }

        ctx.Out.WriteLine();
        ctx.Out.MarkupLineInterpolated($"The demo store is kept at {db}. Explore it:");
        ctx.Out.MarkupLineInterpolated($"  ./chorus stories --db {db}");
        ctx.Out.MarkupLineInterpolated($"  ./chorus story {largestId ?? "ID"} --why --db {db}");
        ctx.Out.MarkupLineInterpolated($"  ./chorus search onderzeeërs --db {db}");
        ctx.Out.WriteLine();
        ctx.Out.MarkupLine("[bold]Open it in a browser:[/] run");
        ctx.Out.MarkupLineInterpolated($"  {ServeCommandLine(db)}");
        ctx.Out.MarkupLineInterpolated($"and open {ServeCommand.Url(ServeCommand.DefaultPort)}{(largestId is null ? string.Empty : "stories/" + largestId)}");
        return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    private static string ServeCommandLine(string db) => $"./chorus serve --db {db} --port {ServeCommand.DefaultPort}";

    /// <summary>The samples folder: $CHORUS_HOME/samples (set by the launcher), else searched upwards from the binary and the working folder.</summary>
    internal static string? FindSamples()
    {
        var home = Environment.GetEnvironmentVariable("CHORUS_HOME");
        if (!string.IsNullOrEmpty(home) && Directory.Exists(Path.Combine(home, "samples")))
        {
            return Path.Combine(home, "samples");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Chorus.slnx")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
