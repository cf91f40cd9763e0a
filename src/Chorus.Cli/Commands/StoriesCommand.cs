using Chorus.Cli.Rendering;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Stories;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class StoriesCommand
{
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var page = await new ChorusQueries(workspace, ArticleAnalyzer.CreateDefault()).StoriesAsync(new StoryFilter { PageSize = int.MaxValue }, ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(page.Stories)).ConfigureAwait(false);
        }
        else
        {
            StoryRenderer.RenderList(ctx.Out, page.Stories);
        }

        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(CliContext ctx, string dbPath, string id, bool json, bool why, bool markdown, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var (story, doc, comparison, analyzed) = await new ChorusQueries(workspace, ArticleAnalyzer.CreateDefault()).StoryAsync(id, why, ct).ConfigureAwait(false)
            ?? throw new UsageException($"no story '{id}' in {workspace.Store.Location} (see './chorus stories')");
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(doc)).ConfigureAwait(false);
        }
        else if (markdown)
        {
            await ctx.Stdout.WriteAsync(StoryRenderer.Markdown(doc)).ConfigureAwait(false);
        }
        else
        {
            StoryRenderer.RenderStory(ctx.Out, story, doc, comparison, analyzed);
            if (why)
            {
                StoryRenderer.RenderWhy(ctx.Out, story, doc.Corrections);
            }
        }

        return ExitCodes.Success;
    }

    public static async Task<int> CorrectAsync(CliContext ctx, string dbPath, Func<StoryCorrector, Task<CorrectionOutcome>> correct, string kind, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var outcome = await correct(new StoryCorrector(workspace.Store, ArticleAnalyzer.CreateDefault())).ConfigureAwait(false);
        if (!outcome.Success)
        {
            throw new UsageException($"{kind}: {outcome.Error}; nothing was changed");
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { kind, story = outcome.StoryId })).ConfigureAwait(false);
        }
        else
        {
            ctx.Out.MarkupLineInterpolated($"{kind}: done; the articles are in story {outcome.StoryId}. Later ingests follow this{(kind == "undo" ? "." : "; ./chorus story undo takes it back.")}");
        }

        return ExitCodes.Success;
    }
}
