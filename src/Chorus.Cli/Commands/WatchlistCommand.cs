using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Monitoring;
using Chorus.Monitoring;
using Chorus.Storage;
using Chorus.Storage.Search;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class WatchlistCommand
{
    public sealed record Criteria(string? Entity, string? Query, string? Outlet, int MinSources, int BreakingSources, int BreakingHours, bool Conflicts, string? Webhook);

    public static async Task<int> AddAsync(CliContext ctx, string dbPath, string name, Criteria c, bool json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new UsageException("watchlist add NAME: give a name of 1 to 100 characters");
        }

        if (c.Entity is null && c.Query is null && c.Outlet is null)
        {
            throw new UsageException("watchlist add: give what to follow: --entity NAME, --query QUERY and/or --outlet OUTLET");
        }

        if (c.MinSources < 1 || c.BreakingSources < 1 || c.BreakingHours < 1)
        {
            throw new UsageException("--min-sources, --breaking and --within: give 1 or more");
        }

        if (c.Webhook is { } hook && (!Uri.TryCreate(hook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new UsageException($"--webhook {hook}: give an http(s) URL");
        }

        if (c.Query is { } query && SearchQueryParser.Problem(query) is { } problem)
        {
            throw new UsageException($"--query {query}: {problem}");
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        string? entityId = null, entityName = null;
        if (c.Entity is { } entity)
        {
            var lookup = await workspace.Store.LookupEntityAsync(entity, ct).ConfigureAwait(false);
            if (lookup.Match is { } match)
            {
                (entityId, entityName) = (match.Id, match.Name);
            }
            else if (lookup.Ambiguous)
            {
                throw new UsageException(EntitiesCommand.NotResolved(entity, lookup.Ambiguous, lookup.Candidates.Select(Chorus.Storage.Queries.ChorusQueries.Candidate).ToList(), workspace.Store.Location));
            }
            else
            {
                // Nothing stored names it yet: the watchlist follows the name, and the entity it resolves to once it appears.
                entityName = entity.Trim();
                await ctx.Stderr.WriteLineAsync($"note: no entity '{entityName}' in the store yet; stories are matched by that name as articles arrive").ConfigureAwait(false);
            }
        }

        var watchlist = new Watchlist(name.Trim(), entityId, entityName, c.Query, c.Outlet, c.MinSources, c.BreakingSources, c.BreakingHours, c.Conflicts, c.Webhook, DateTimeOffset.UtcNow);
        await workspace.Monitoring.SaveWatchlistAsync(watchlist, ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(MonitoringDocs.Watchlist(watchlist))).ConfigureAwait(false);
        }
        else
        {
            ctx.Out.MarkupLineInterpolated($"watchlist [bold]{watchlist.Name}[/]: {watchlist.Describe()}; alerts when a matching story has {watchlist.MinSources}+ independent sources, gains {watchlist.BreakingSources} new ones within {watchlist.BreakingHours} h{(watchlist.Conflicts ? ", or shows a new conflict" : string.Empty)}{(watchlist.Webhook is null ? string.Empty : "; webhook " + watchlist.Webhook)}");
        }

        return ExitCodes.Success;
    }

    public static async Task<int> ListAsync(CliContext ctx, string dbPath, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var lists = await workspace.Monitoring.ListWatchlistsAsync(ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(lists.Select(MonitoringDocs.Watchlist).ToList())).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("watchlist").AddColumn("follows").AddColumn("alerts when").AddColumn("webhook");
        foreach (var w in lists)
        {
            table.AddRow(Markup.Escape(w.Name), Markup.Escape(w.Describe()), Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{w.MinSources}+ sources; +{w.BreakingSources} in {w.BreakingHours} h{(w.Conflicts ? "; conflicts" : string.Empty)}")), Markup.Escape(w.Webhook ?? "–"));
        }

        ctx.Out.Write(table);
        ctx.Out.WriteLine($"{lists.Count} watchlists");
        return ExitCodes.Success;
    }

    public static async Task<int> RemoveAsync(CliContext ctx, string dbPath, string name, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        if (!await workspace.Monitoring.RemoveWatchlistAsync(name, ct).ConfigureAwait(false))
        {
            throw new UsageException($"no watchlist named '{name}' (see ./chorus watchlist list)");
        }

        ctx.Out.MarkupLineInterpolated($"removed watchlist {name}; its alerts stay");
        return ExitCodes.Success;
    }

    public static async Task<int> AlertsAsync(CliContext ctx, string dbPath, DateTimeOffset? since, bool all, int limit, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        limit = Math.Max(1, limit);
        // One more than asked for says whether the list is cut; a cut list says so (stderr under --json).
        var fetched = await workspace.Monitoring.ListAlertsAsync(since, unacknowledgedOnly: !all, limit + 1, ct).ConfigureAwait(false);
        var alerts = fetched.Take(limit).ToList();
        var footer = fetched.Count > limit ? $"showing the newest {limit} alerts; more fired before them (--limit N or --since T)" : null;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(alerts.Select(MonitoringDocs.Alert).ToList())).ConfigureAwait(false);
            if (footer is not null)
            {
                await ctx.Stderr.WriteLineAsync(footer).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("at").AddColumn("watchlist").AddColumn("kind").AddColumn("story").AddColumn("what");
        foreach (var a in alerts)
        {
            table.AddRow(a.Seq.ToString(CultureInfo.InvariantCulture), MonitoringDocs.Instant(a.At), Markup.Escape(a.Watchlist), AlertKinds.Name(a.Kind) + (a.AcknowledgedAt is null ? string.Empty : " ✓"), a.StoryId, Markup.Escape(a.Message));
        }

        ctx.Out.Write(table);
        ctx.Out.WriteLine(footer ?? (all ? $"{alerts.Count} alerts" : $"{alerts.Count} open alerts; './chorus alerts ack N…' or 'ack --all' acknowledges, --all lists acknowledged ones too"));
        return ExitCodes.Success;
    }

    public static async Task<int> AcknowledgeAsync(CliContext ctx, string dbPath, IReadOnlyList<long> seqs, bool all, CancellationToken ct)
    {
        if (seqs.Count == 0 && !all)
        {
            throw new UsageException("alerts ack: give alert numbers, or --all");
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var changed = await workspace.Monitoring.AcknowledgeAlertsAsync(all ? null : seqs, ct).ConfigureAwait(false);
        ctx.Out.WriteLine($"acknowledged {changed} alert(s)");
        return ExitCodes.Success;
    }
}
