using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Monitoring;
using Chorus.Core.Time;
using Chorus.Monitoring;
using Chorus.Monitoring.Export;
using Chorus.Storage.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary>
/// Monitoring over HTTP: <c>/api/outlets</c>, <c>/api/watchlists</c> (list, add or replace, remove), <c>/api/alerts</c>
/// (list, acknowledge, the open count the web UI's badge shows) and <c>/api/export/{table}</c> (streamed JSONL, CSV
/// or Parquet in the documented schema of <c>./chorus export</c>).
/// </summary>
internal static class MonitoringApi
{
    public static void MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", HealthAsync).RequireApiKey(onlyWhenPrivate: true).WithTags("monitoring").WithName("Health");
        app.MapGet("/api/outlets", OutletsAsync).RequireApiKey(onlyWhenPrivate: true).WithTags("monitoring").WithName("ListOutlets");
        var watchlists = app.MapGroup("/api/watchlists").WithTags("monitoring");
        watchlists.MapGet("/", WatchlistsAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListWatchlists");
        watchlists.MapPost("/", AddWatchlistAsync).RequireApiKey(onlyWhenPrivate: false).WithName("AddWatchlist");
        watchlists.MapDelete("/{name}", RemoveWatchlistAsync).RequireApiKey(onlyWhenPrivate: false).WithName("RemoveWatchlist");
        var alerts = app.MapGroup("/api/alerts").WithTags("monitoring");
        alerts.MapGet("/", AlertsAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListAlerts");
        alerts.MapGet("/open", OpenCountAsync).RequireApiKey(onlyWhenPrivate: true).WithName("CountOpenAlerts");
        alerts.MapPost("/ack", AcknowledgeAsync).RequireApiKey(onlyWhenPrivate: false).WithName("AcknowledgeAlerts");
        // An export of a large archive streams for minutes: it has the ingest requests' longer time limit, not a read's.
        app.MapGet("/api/export/{table}", ExportAsync).RequireApiKey(onlyWhenPrivate: true).WithTags("monitoring").WithName("Export").WithRequestTimeout(ChorusWebApp.IngestTimeout);
    }

    /// <summary>
    /// Whether the server is ready: the store opens, whether it accepts writes (API keys are set), whether the analyser
    /// that writes need is loaded ("ready", "loading" while it warms up at start, "not-loaded" on a read-only server), and
    /// what is wrong with the search index when a search may miss articles (null when nothing is), and whether what
    /// reads keep in memory is made ("warm", with the seconds it took; "warming" as the server starts; "cold" when not
    /// made, each thing then made by the first request that needs it).
    /// </summary>
    internal sealed record HealthDoc(string Status, bool Writes, string Analyzer, string? SearchProblem, string Reads, double? ReadsWarmedInSeconds);

    private static async Task<Ok<HealthDoc>> HealthAsync(StoreGate gate, ApiKeys keys, CancellationToken ct)
    {
        var problem = await gate.ReadAsync(q => Task.FromResult(q.Workspace.IndexProblem), ct).ConfigureAwait(false);
        var analyzer = gate.AnalyzerState switch { AnalyzerState.Ready => "ready", AnalyzerState.Loading => "loading", _ => "not-loaded" };
        var reads = gate.ReadsState switch { ReadsState.Warm => "warm", ReadsState.Warming => "warming", _ => "cold" };
        return TypedResults.Ok(new HealthDoc("ok", keys.AnyConfigured, analyzer, problem, reads, gate.ReadsWarmedIn is { } took ? Math.Round(took.TotalSeconds, 3) : null));
    }

    /// <summary>A watchlist to add (or replace by name): at least one of entity, query and outlet.</summary>
    internal sealed record WatchlistBody(string? Name, string? Entity, string? Query, string? Outlet, int? MinSources, int? BreakingSources, int? BreakingHours, bool? Conflicts, string? Webhook);

    /// <summary>Alerts to acknowledge: these numbers, or all open ones.</summary>
    internal sealed record AcknowledgeBody(IReadOnlyList<long>? Seqs, bool? All);

    /// <summary>How many alerts are open (not acknowledged).</summary>
    internal sealed record OpenAlertsDoc(int Open);

    private static async Task<Ok<List<OutletDoc>>> OutletsAsync(StoreGate gate, CancellationToken ct)
        => TypedResults.Ok(await gate.ReadAsync(async q => (await q.Workspace.Monitoring.ListOutletsAsync(ct).ConfigureAwait(false)).Select(MonitoringDocs.Outlet).ToList(), ct).ConfigureAwait(false));

    private static async Task<Ok<List<WatchlistDoc>>> WatchlistsAsync(StoreGate gate, CancellationToken ct)
        => TypedResults.Ok(await gate.ReadAsync(async q => (await q.Workspace.Monitoring.ListWatchlistsAsync(ct).ConfigureAwait(false)).Select(MonitoringDocs.Watchlist).ToList(), ct).ConfigureAwait(false));

    private static async Task<Results<Created<WatchlistDoc>, ProblemHttpResult>> AddWatchlistAsync(WatchlistBody body, StoreGate gate, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return Problems.BadField("name", "a watchlist needs a name of 1 to 100 characters");
        }

        if (body.Entity is null && body.Query is null && body.Outlet is null)
        {
            return Problems.BadField("entity", "give what to follow: entity, query and/or outlet");
        }

        foreach (var (field, value) in new[] { ("minSources", body.MinSources), ("breakingSources", body.BreakingSources), ("breakingHours", body.BreakingHours) })
        {
            if (value is < 1 or > 10_000)
            {
                return Problems.BadField(field, $"{field} is 1 to 10000");
            }
        }

        if (body.Query is { } query && SearchQueryParser.Problem(query) is { } problem)
        {
            return Problems.BadField("query", problem);
        }

        if (body.Webhook is { } hook && (!Uri.TryCreate(hook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return Problems.BadField("webhook", "give an http(s) URL");
        }

        return await gate.WriteAsync<Results<Created<WatchlistDoc>, ProblemHttpResult>>(
            async workspace =>
            {
                string? entityId = null, entityName = body.Entity?.Trim();
                if (body.Entity is { } entity)
                {
                    var lookup = await workspace.Store.LookupEntityAsync(entity, ct).ConfigureAwait(false);
                    if (lookup.Ambiguous)
                    {
                        return Problems.BadField("entity", $"'{entity}' fits several entities: {string.Join(", ", lookup.Candidates.Take(5).Select(c => $"{c.Name} ({c.Id})"))}; give an id");
                    }

                    (entityId, entityName) = lookup.Match is { } match ? (match.Id, match.Name) : (null, entityName);
                }

                var watchlist = new Watchlist(
                    body.Name.Trim(), entityId, entityName, body.Query, body.Outlet, body.MinSources ?? 1,
                    body.BreakingSources ?? Watchlist.DefaultBreakingSources, body.BreakingHours ?? Watchlist.DefaultBreakingHours, body.Conflicts ?? true, body.Webhook, DateTimeOffset.UtcNow);
                await workspace.Monitoring.SaveWatchlistAsync(watchlist, ct).ConfigureAwait(false);
                return TypedResults.Created($"/api/watchlists/{Uri.EscapeDataString(watchlist.Name)}", MonitoringDocs.Watchlist(watchlist));
            },
            ct).ConfigureAwait(false);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveWatchlistAsync(string name, StoreGate gate, CancellationToken ct)
        => await gate.WriteAsync(workspace => workspace.Monitoring.RemoveWatchlistAsync(name, ct), ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound("watchlist", name);

    /// <summary>Alerts newest first: open ones, or every one with <c>all=true</c>; <c>since</c> is a day or an ISO 8601 time.</summary>
    private static async Task<Results<Ok<List<AlertDoc>>, ProblemHttpResult>> AlertsAsync(HttpResponse response, StoreGate gate, CancellationToken ct, string? since = null, bool all = false, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.BadField("limit", "limit is 1 to 1000");
        }

        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return Problems.BadField("since", "give a day (YYYY-MM-DD) or an ISO 8601 time");
            }

            from = at;
        }

        var (alerts, open) = await gate.ReadAsync(
            async q => (await q.Workspace.Monitoring.ListAlertsAsync(from, !all, limit + 1, ct).ConfigureAwait(false), await q.Workspace.Monitoring.CountUnacknowledgedAlertsAsync(ct).ConfigureAwait(false)),
            ct).ConfigureAwait(false);
        response.Headers["X-Open-Count"] = open.ToString(CultureInfo.InvariantCulture);
        // A list cut at the limit says so: more alerts fired before the oldest one listed.
        response.Headers["X-More"] = alerts.Count > limit ? "true" : "false";
        return TypedResults.Ok(alerts.Take(limit).Select(MonitoringDocs.Alert).ToList());
    }

    private static async Task<Ok<OpenAlertsDoc>> OpenCountAsync(StoreGate gate, CancellationToken ct)
        => TypedResults.Ok(new OpenAlertsDoc(await gate.ReadAsync(q => q.Workspace.Monitoring.CountUnacknowledgedAlertsAsync(ct), ct).ConfigureAwait(false)));

    private static async Task<Results<Ok<OpenAlertsDoc>, ProblemHttpResult>> AcknowledgeAsync(AcknowledgeBody body, StoreGate gate, CancellationToken ct)
    {
        if (body.All != true && (body.Seqs is null || body.Seqs.Count == 0))
        {
            return Problems.BadField("seqs", "give the numbers of the alerts to acknowledge, or \"all\": true");
        }

        var open = await gate.WriteAsync(
            async workspace =>
            {
                await workspace.Monitoring.AcknowledgeAlertsAsync(body.All == true ? null : body.Seqs, ct).ConfigureAwait(false);
                return await workspace.Monitoring.CountUnacknowledgedAlertsAsync(ct).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return TypedResults.Ok(new OpenAlertsDoc(open));
    }

    /// <summary>
    /// A table of the archive, streamed: <c>format</c> jsonl (default), csv or parquet; <c>since</c> YYYY[-MM[-DD]];
    /// <c>story</c> one story's rows. The columns are those of <c>./chorus export TABLE --schema</c>.
    /// </summary>
    private static async Task<IResult> ExportAsync(string table, HttpContext context, StoreGate gate, CancellationToken ct, string format = "jsonl", string? since = null, string? story = null)
    {
        var kind = ExportSchema.ParseTable(table);
        if (kind is null)
        {
            return Problems.BadField("table", "table is stories, articles, entities, claims or conflicts");
        }

        var chosen = ExportSchema.ParseFormat(format);
        if (chosen is null)
        {
            return Problems.BadField("format", "format is jsonl, csv or parquet");
        }

        PartialDate? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            var parsed = PartialDate.Parse(since);
            if (!parsed.Success)
            {
                return Problems.BadField("since", parsed.Error!);
            }

            from = parsed.Value;
        }

        var name = $"chorus-{kind.Value.ToString().ToLowerInvariant()}.{chosen.Value.ToString().ToLowerInvariant()}";
        var type = chosen switch { ExportFormat.Csv => "text/csv; charset=utf-8", ExportFormat.Parquet => "application/vnd.apache.parquet", _ => "application/x-ndjson; charset=utf-8" };
        return await gate.ReadLongAsync<IResult>(
            async queries =>
            {
                if (story is not null && await queries.Workspace.Store.FindStoryAsync(story, ct).ConfigureAwait(false) is null)
                {
                    return Problems.NotFound("story", story);
                }

                // Streamed as it is read: the rows of a large archive never sit in memory together.
                context.Response.ContentType = type;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                await Exporter.ExportAsync(queries, new ExportRequest(kind.Value, from, story), chosen.Value, context.Response.Body, ct).ConfigureAwait(false);
                return Results.Empty;
            },
            ct).ConfigureAwait(false);
    }
}
