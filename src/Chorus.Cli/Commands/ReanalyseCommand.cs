using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Storage;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class ReanalyseCommand
{
    public static async Task<int> RunAsync(CliContext ctx, string dbPath, bool everything, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var reanalyser = new Reanalyser(workspace.Store, ArticleAnalyzer.CreateDefault());
        ReanalyseReport? report = null;
        if (ctx.Interactive && !json)
        {
            await ctx.Err.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progressContext =>
                {
                    var task = progressContext.AddTask("reanalysing");
                    var progress = new SynchronousProgress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    report = await reanalyser.RunAsync(everything, progress, ct).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
        }
        else
        {
            report = await reanalyser.RunAsync(everything, null, ct).ConfigureAwait(false);
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { reanalysed = report!.Reanalysed, analyzerVersion = report.Version })).ConfigureAwait(false);
        }
        else
        {
            ctx.Err.MarkupLineInterpolated($"reanalysed {report!.Reanalysed:N0} articles (analyser version {report.Version}); every stored article now has current layers");
        }

        return ExitCodes.Success;
    }
}
