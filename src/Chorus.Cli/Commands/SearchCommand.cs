using Chorus.Core.Contracts;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Chorus.Core.Analysis;
using Chorus.Storage.Search;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class SearchCommand
{
    public static async Task<int> RunAsync(CliContext ctx, string dbPath, string query, int limit, bool json, CancellationToken ct)
    {
        if (SearchQueryParser.Problem(query) is { } problem)
        {
            await ctx.Stderr.WriteLineAsync($"chorus search: {problem}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        if (workspace.IndexProblem is { } stale)
        {
            await ctx.Stderr.WriteLineAsync($"chorus search: {stale}").ConfigureAwait(false);
        }

        var result = await new ChorusQueries(workspace).SearchAsync(query, limit, ct).ConfigureAwait(false);
        var docs = result.Hits;
        if (json)
        {
            // The document carries its total; nothing more to say.
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(result)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (docs.Count == 0)
        {
            ctx.Out.MarkupLineInterpolated($"no articles match '{query}'");
            return ExitCodes.Success;
        }

        // Without colours (a pipe, a file) the matches are marked **like this**.
        var (open, close) = ctx.Interactive ? ("[bold yellow]", "[/]") : ("**", "**");
        foreach (var hit in docs)
        {
            ctx.Out.MarkupLineInterpolated($"[bold]{hit.Article.Id}[/] {hit.Article.Ref} · {hit.Article.Outlet} · {hit.Article.Date ?? "undated"} · story {hit.Article.StoryId ?? "–"}");
            var markup = new System.Text.StringBuilder();
            var pos = 0;
            foreach (var h in hit.Highlights)
            {
                markup.Append(Markup.Escape(hit.Snippet[pos..h.Start])).Append(open).Append(Markup.Escape(hit.Snippet[h.Start..h.End])).Append(close);
                pos = h.End;
            }

            markup.Append(Markup.Escape(hit.Snippet[pos..]));
            ctx.Out.MarkupLine("  " + markup);
        }

        if (docs.Count < result.Total)
        {
            ctx.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"showing the best {docs.Count:N0} of {result.Total:N0} matching articles; --limit N shows more"));
        }

        return ExitCodes.Success;
    }
}
