using Chorus.Cli.Rendering;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Storage;

namespace Chorus.Cli.Commands;

internal static class StoriesCommand
{
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var stories = await workspace.Store.ListStoriesAsync(ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(stories.Select(ContractMapper.ListItem).ToList())).ConfigureAwait(false);
        }
        else
        {
            StoryRenderer.RenderList(ctx.Out, stories);
        }

        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(CliContext ctx, string dbPath, string id, bool json, bool why, bool markdown, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var story = await workspace.Store.FindStoryAsync(id, ct).ConfigureAwait(false)
            ?? throw new UsageException($"no story '{id}' in {workspace.Store.Location} (see './chorus stories')");
        var lookup = ContractMapper.EntityIdLookup(await workspace.Store.ArticleEntitiesAsync(story.Articles.Select(a => a.Id).ToList(), ct).ConfigureAwait(false));
        var (doc, comparison, analyzed) = new ContractMapper(ArticleAnalyzer.CreateDefault(), lookup).Story(story, why);
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
                StoryRenderer.RenderWhy(ctx.Out, story);
            }
        }

        return ExitCodes.Success;
    }
}
