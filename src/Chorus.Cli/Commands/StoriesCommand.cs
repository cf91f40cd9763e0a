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
    /// <summary>Every story that passes the filter, or exactly the page asked for, with "showing N of M" whenever fewer are shown.</summary>
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, StoryFilter filter, bool json, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Query) && Chorus.Storage.Search.SearchQueryParser.Problem(filter.Query) is { } problem)
        {
            throw new UsageException($"--query: {problem}");
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var page = await new ChorusQueries(workspace).StoriesAsync(filter, ct).ConfigureAwait(false);
        var footer = page.Stories.Count < page.Total
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"showing {page.Stories.Count:N0} of {page.Total:N0} stories (page {page.Page}); --limit and --page show others")
            : null;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(page.Stories)).ConfigureAwait(false);
            if (footer is not null)
            {
                await ctx.Stderr.WriteLineAsync(footer).ConfigureAwait(false);
            }
        }
        else
        {
            StoryRenderer.RenderList(ctx.Out, page.Stories);
            if (footer is not null)
            {
                ctx.Out.WriteLine(footer);
            }
        }

        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(CliContext ctx, string dbPath, string id, bool json, bool why, bool markdown, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        UsageException Missing() => new($"no story '{id}' in {workspace.Store.Location} (see './chorus stories')");
        if (json || markdown)
        {
            // The document alone: the one the store keeps when it is current (./chorus prepare, a server), else built.
            // A read command writes nothing, so it never waits for another process's write.
            var document = await new ChorusQueries(workspace).StoryDocAsync(id, why, ct).ConfigureAwait(false) ?? throw Missing();
            await (json ? ctx.Stdout.WriteLineAsync(ContractJson.Serialize(document)) : ctx.Stdout.WriteAsync(StoryRenderer.Markdown(document))).ConfigureAwait(false);
        }
        else
        {
            var (story, doc, comparison, analyzed) = await new ChorusQueries(workspace).StoryAsync(id, why, ct).ConfigureAwait(false) ?? throw Missing();
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
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var outcome = await correct(new StoryCorrector(workspace.Store, ArticleAnalyzer.CreateDefault()) { WaitingForWriter = ctx.WaitingForWriter }).ConfigureAwait(false);
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
