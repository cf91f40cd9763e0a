using System.Reflection;
using Chorus.Core.Time;
using Chorus.Storage.Queries;
using Chorus.Storage.Search;

namespace Chorus.Web.Pages;

/// <summary>The server-rendered pages and the embedded stylesheet and script they use.</summary>
internal static class PageEndpoints
{
    public static void MapChorusPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).ExcludeFromDescription().RequireApiKey(onlyWhenPrivate: true);
        pages.MapGet("/", async (StoreGate gate, CancellationToken ct, string? q, string? entity, string? from, string? to, string? lang, string? sort, string? outlet, int? minSources, bool? columns, int page = 1) =>
        {
            var fromDate = from is { Length: > 0 } && PartialDate.Parse(from) is { Success: true } f ? f.Value : (PartialDate?)null;
            var toDate = to is { Length: > 0 } && PartialDate.Parse(to) is { Success: true } t ? t.Value : (PartialDate?)null;
            if (!string.IsNullOrWhiteSpace(q) && SearchQueryParser.Problem(q) is { } problem)
            {
                return SearchPage.RenderProblem(q, problem);
            }

            var order = sort switch { "sources" => StorySort.MostSources, "articles" => StorySort.MostArticles, _ => StorySort.Newest };
            // Browsing opens on stories that several outlets carry, recurring columns left out (single items and columns
            // fill an archive's newest page otherwise); a search by text or entity lists every match unless told otherwise.
            var searching = !string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(entity);
            var filter = new StoryFilter { Query = q, Entity = entity, From = fromDate, To = toDate, Lang = lang, Outlet = outlet, Sort = order, MinSources = Math.Clamp(minSources ?? (searching ? 1 : 2), 1, 1000), WithRecurring = columns ?? searching, Page = Math.Max(1, page), PageSize = 30 };
            var result = await gate.ReadAsync(queries => queries.StoriesAsync(filter, ct), ct).ConfigureAwait(false);
            return StoryListPage.Render(result, filter, from, to);
        });
        pages.MapGet("/stories/{id}", async (string id, StoreGate gate, CancellationToken ct) =>
        {
            var view = await gate.ReadAsync(queries => queries.StoryPageAsync(id, ct), ct).ConfigureAwait(false);
            return view is null ? Layout.NotFound("story", id) : StoryPage.Render(view);
        });
        pages.MapGet("/entities", async (StoreGate gate, CancellationToken ct) =>
        {
            var (entities, total) = await gate.ReadAsync(async queries => (await queries.EntitiesAsync(200, new EntityPaging(PageSize: 0), ct).ConfigureAwait(false), await queries.EntityCountAsync(ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
            return EntityPage.RenderList(entities, total);
        });
        pages.MapGet("/entities/{id}", async (string id, StoreGate gate, CancellationToken ct, int page = 1) =>
        {
            var paging = new EntityPaging(Math.Max(1, page), EntityPage.PageSize);
            var view = await gate.ReadAsync(queries => queries.EntityViewAsync(id, paging, ct), ct).ConfigureAwait(false);
            return view is null ? Layout.NotFound("entity", id) : EntityPage.Render(view, paging.Page);
        });
        pages.MapGet("/articles/{id}", async (string id, StoreGate gate, CancellationToken ct) =>
        {
            var doc = await gate.ReadAsync(queries => queries.ArticleAsync(id, ct), ct).ConfigureAwait(false);
            return doc is null ? Layout.NotFound("article", id) : ArticlePage.Render(doc);
        });
        pages.MapGet("/alerts", async (StoreGate gate, CancellationToken ct) =>
        {
            var (alerts, watchlists, open) = await gate.ReadAsync(
                async queries =>
                {
                    var monitoring = queries.Workspace.Monitoring;
                    return (await monitoring.ListAlertsAsync(null, false, MonitoringPages.AlertsShown + 1, ct).ConfigureAwait(false), await monitoring.ListWatchlistsAsync(ct).ConfigureAwait(false), await monitoring.CountUnacknowledgedAlertsAsync(ct).ConfigureAwait(false));
                },
                ct).ConfigureAwait(false);
            return MonitoringPages.Alerts(alerts.Select(Chorus.Monitoring.MonitoringDocs.Alert).ToList(), watchlists.Select(Chorus.Monitoring.MonitoringDocs.Watchlist).ToList(), open);
        });
        pages.MapGet("/outlets", async (StoreGate gate, CancellationToken ct) =>
        {
            var (outlets, articles) = await gate.ReadAsync(
                async queries => ((await queries.Workspace.Monitoring.ListOutletsAsync(ct).ConfigureAwait(false)).Select(Chorus.Monitoring.MonitoringDocs.Outlet).ToList(), await queries.Workspace.Store.CountArticlesAsync(ct).ConfigureAwait(false)),
                ct).ConfigureAwait(false);
            return MonitoringPages.Outlets(outlets, articles - outlets.Sum(o => o.Articles));
        });
        pages.MapGet("/search", async (StoreGate gate, CancellationToken ct, string? q) =>
            string.IsNullOrWhiteSpace(q)
                ? SearchPage.Render(null)
                : SearchQueryParser.Problem(q) is { } problem
                ? SearchPage.RenderProblem(q, problem)
                : SearchPage.Render(await gate.ReadAsync(queries => queries.SearchAsync(q, 50, ct), ct).ConfigureAwait(false)));
    }

    /// <summary>Every asset is served by Chorus itself (no CDN), from resources embedded in this assembly.</summary>
    public static void MapAssets(this IEndpointRouteBuilder app)
        => app.MapGet("/assets/{name}", (string name) =>
        {
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => null,
            };
            var stream = type is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream("Chorus.Web.Assets." + name);
            return stream is null ? Results.NotFound() : Results.Stream(stream, type);
        }).ExcludeFromDescription();
}
