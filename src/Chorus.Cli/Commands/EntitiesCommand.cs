using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Chorus.Core.Analysis;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class EntitiesCommand
{
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, int limit, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var docs = await new ChorusQueries(workspace, ArticleAnalyzer.CreateDefault()).EntitiesAsync(limit, ct).ConfigureAwait(false);

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(docs)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn("name")
            .AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("articles").RightAligned()).AddColumn("variants");
        foreach (var d in docs)
        {
            table.AddRow(Markup.Escape(d.Id), d.Type, Markup.Escape(d.Name), d.Mentions.ToString(CultureInfo.InvariantCulture), d.Articles.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(" · ", d.Variants)));
        }

        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(CliContext ctx, string dbPath, string idOrName, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var doc = await new ChorusQueries(workspace, ArticleAnalyzer.CreateDefault()).EntityAsync(idOrName, ct).ConfigureAwait(false)
            ?? throw new UsageException($"no entity '{idOrName}' in {workspace.Store.Location} (see './chorus entities')");
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(doc)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ctx.Out.Write(new Rule($"[bold]{Markup.Escape(doc.Name)}[/] ({doc.Type})").LeftJustified());
        ctx.Out.MarkupLineInterpolated($"entity {doc.Id} · {doc.Mentions} mentions in {doc.Articles.Count} articles, {doc.Stories.Count} stories");
        ctx.Out.MarkupLineInterpolated($"variants: {string.Join(" · ", doc.VariantCounts.OrderByDescending(v => v.Value).Select(v => $"{v.Key} ({v.Value})"))}");
        ctx.Out.MarkupLineInterpolated($"stories: {string.Join(", ", doc.Stories)}");
        return ExitCodes.Success;
    }

    public static async Task<int> MergeAsync(CliContext ctx, string dbPath, string kept, string merged, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var a = await workspace.Store.FindEntityAsync(kept, ct).ConfigureAwait(false) ?? throw new UsageException($"no entity '{kept}'");
        var b = await workspace.Store.FindEntityAsync(merged, ct).ConfigureAwait(false) ?? throw new UsageException($"no entity '{merged}'");
        await workspace.Store.MergeEntitiesAsync(a.Id, b.Id, ct).ConfigureAwait(false);
        ctx.Out.MarkupLineInterpolated($"merged {b.Name} ({b.Id}) into {a.Name} ({a.Id}); later ingests follow this");
        return ExitCodes.Success;
    }

    public static async Task<int> SplitAsync(CliContext ctx, string dbPath, string entityRef, string variant, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(dbPath, ct).ConfigureAwait(false);
        var e = await workspace.Store.FindEntityAsync(entityRef, ct).ConfigureAwait(false) ?? throw new UsageException($"no entity '{entityRef}'");
        try
        {
            var id = await workspace.Store.SplitEntityAsync(e.Id, variant, ct).ConfigureAwait(false);
            ctx.Out.MarkupLineInterpolated($"split '{variant}' from {e.Name} ({e.Id}) into {id}; later ingests follow this");
            return ExitCodes.Success;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
