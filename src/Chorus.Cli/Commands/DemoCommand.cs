using Chorus.Cli.Rendering;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Storage;
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
        var db = Path.Combine(dir, "demo.db");
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(db, ct).ConfigureAwait(false);
        var report = await IngestCommand.IngestAsync(ctx, workspace, [folder], new ReadOptions(), ct).ConfigureAwait(false);
        var stories = await workspace.Store.ListStoriesAsync(ct).ConfigureAwait(false);
        var lookup = ContractMapper.EntityIdLookup(await workspace.Store.ArticleEntitiesAsync(stories.SelectMany(s => s.Articles).Select(a => a.Id).ToList(), ct).ConfigureAwait(false));
        var mapper = new ContractMapper(ArticleAnalyzer.CreateDefault(), lookup);
        if (json)
        {
            var largest = stories.Count > 0 ? mapper.Story(stories[0], why: true).Doc : null;
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                database = db,
                ingest = ContractMapper.Ingest(report),
                stories = stories.Select(ContractMapper.ListItem).ToList(),
                largest,
            })).ConfigureAwait(false);
            return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
        }

        IngestCommand.PrintReport(ctx, report);
        ctx.Out.WriteLine();
        StoryRenderer.RenderList(ctx.Out, stories);
        if (stories.Count > 0)
        {
            ctx.Out.WriteLine();
            var (doc, comparison, analyzed) = mapper.Story(stories[0], why: false);
            StoryRenderer.RenderStory(ctx.Out, stories[0], doc, comparison, analyzed);
            StoryRenderer.RenderWhy(ctx.Out, stories[0]);
        }

        ctx.Out.WriteLine();
        ctx.Out.MarkupLineInterpolated($"The demo store is kept at {db}. Explore it:");
        ctx.Out.MarkupLineInterpolated($"  ./chorus stories --db {db}");
        ctx.Out.MarkupLineInterpolated($"  ./chorus story {(stories.Count > 0 ? stories[0].Profile.Id : "ID")} --why --db {db}");
        ctx.Out.MarkupLineInterpolated($"  ./chorus search onderzeeërs --db {db}");
        return report.Rejected.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>The samples folder: $CHORUS_HOME/samples (set by the launcher), else searched upwards from the binary and the working folder.</summary>
    private static string? FindSamples()
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
