using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Monitoring;
using Chorus.Storage;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class OutletsCommand
{
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, string? sourcesFile, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        if (SourceOptions.LoadSources(sourcesFile) is { } sources)
        {
            // Describing outlets writes only the outlets table; no article changes.
            await workspace.Monitoring.SaveOutletsAsync(new Chorus.Core.Outlets.OutletDirectory(sources).Outlets, ct).ConfigureAwait(false);
        }

        var outlets = (await workspace.Monitoring.ListOutletsAsync(ct).ConfigureAwait(false)).Select(MonitoringDocs.Outlet).ToList();
        var unknown = await workspace.Store.CountArticlesAsync(ct).ConfigureAwait(false) - outlets.Sum(o => o.Articles);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(outlets)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("outlet").AddColumn("country").AddColumn("language").AddColumn("owner").AddColumn(new TableColumn("articles").RightAligned());
        foreach (var o in outlets)
        {
            table.AddRow(Markup.Escape(o.Name), Markup.Escape(o.Country ?? "–"), Markup.Escape(o.Language ?? "–"), Markup.Escape(o.Owner ?? "–"), o.Articles.ToString("N0", CultureInfo.InvariantCulture));
        }

        ctx.Out.Write(table);
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outlets.Count} outlets; {unknown:N0} articles of unknown outlet (give them one with ingest --sources FILE, --join FILE or --source NAME)"));
        return ExitCodes.Success;
    }
}
