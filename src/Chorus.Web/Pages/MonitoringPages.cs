using System.Globalization;
using Chorus.Core.Contracts;

namespace Chorus.Web.Pages;

/// <summary>The alerts page (open and acknowledged alerts, the watchlists), and the outlets page with the export links.</summary>
internal static class MonitoringPages
{
    /// <summary>Alerts listed on the page; one more is read to tell whether older ones were left out.</summary>
    public const int AlertsShown = 200;

    /// <param name="alerts">Newest first; <see cref="AlertsShown"/> + 1 of them say whether older ones were left out.</param>
    public static IResult Alerts(IReadOnlyList<AlertDoc> alerts, IReadOnlyList<WatchlistDoc> watchlists, int open)
    {
        var h = new Html().El("h1", "Alerts")
            .Raw("<p class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"{open} open · {watchlists.Count} watchlists · "))
            .Link("/api/alerts?all=true", "JSON").Raw("</p>");
        if (open > 0)
        {
            // Acknowledging is a JSON POST from the page's own script: a form on another site cannot send it.
            h.Raw("<p><button type=\"button\" data-ack=\"all\">Acknowledge all</button> <span class=\"ack-status\" role=\"status\"></span></p>");
        }

        if (alerts.Count > AlertsShown)
        {
            h.Raw("<p class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"The newest {AlertsShown} alerts; older ones: ./chorus alerts --all --since T or GET /api/alerts?all=true&since=T.")).Raw("</p>");
            alerts = alerts.Take(AlertsShown).ToList();
        }

        // Newest first, open ones above acknowledged ones.
        alerts = alerts.OrderBy(a => a.AcknowledgedAt is not null).ToList();

        if (alerts.Count == 0)
        {
            h.El("p", watchlists.Count == 0
                ? "No watchlists yet: add one with ./chorus watchlist add NAME --entity NAME (or --query, --outlet), or POST /api/watchlists."
                : "No alerts yet. They fire when a story matching a watchlist appears, grows fast or shows a new conflict.");
        }
        else
        {
            h.Raw("<table class=\"alerts\"><thead><tr><th>#</th><th>when</th><th>watchlist</th><th>kind</th><th>story</th><th></th></tr></thead><tbody>");
            foreach (var a in alerts)
            {
                h.Raw(a.AcknowledgedAt is null ? "<tr class=\"open\">" : "<tr class=\"acked\">")
                    .Raw("<td>").Text(a.Seq.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(a.At.Replace('T', ' ').TrimEnd('Z'))
                    .Raw("</td><td>").Text(a.Watchlist).Raw($"</td><td><span class=\"kind {Html.Attr(a.Kind)}\">").Text(a.Kind).Raw("</span></td><td>")
                    .Link($"/stories/{Html.Url(a.StoryId)}", a.Title).Raw("<br><span class=\"meta\">").Text(a.Message).Raw("</span></td><td>");
                if (a.AcknowledgedAt is null)
                {
                    h.Raw($"<button type=\"button\" data-ack=\"{a.Seq.ToString(CultureInfo.InvariantCulture)}\">Acknowledge</button>");
                }
                else
                {
                    h.Raw("<span class=\"meta\">").Text("acknowledged").Raw("</span>");
                }

                h.Raw("</td></tr>");
            }

            h.Raw("</tbody></table>");
        }

        h.El("h2", "Watchlists");
        if (watchlists.Count > 0)
        {
            h.Raw("<table class=\"watchlists\"><thead><tr><th>name</th><th>follows</th><th>alerts when</th><th>webhook</th><th></th></tr></thead><tbody>");
            foreach (var w in watchlists)
            {
                var follows = string.Join(", ", new[] { w.EntityName is null ? null : "entity " + w.EntityName, w.Query is null ? null : $"query \"{w.Query}\"", w.Outlet is null ? null : "outlet " + w.Outlet }.OfType<string>());
                h.Raw("<tr><td>").Text(w.Name).Raw("</td><td>").Text(follows).Raw("</td><td>")
                    .Text(string.Create(CultureInfo.InvariantCulture, $"{w.MinSources}+ sources; +{w.BreakingSources} sources in {w.BreakingHours} h{(w.Conflicts ? "; new conflicts" : string.Empty)}"))
                    .Raw("</td><td>").Text(w.Webhook ?? "–").Raw($"</td><td><button type=\"button\" data-remove-watchlist=\"{Html.Attr(w.Name)}\">Remove</button></td></tr>");
            }

            h.Raw("</tbody></table>");
        }

        // Adding a watchlist: a JSON POST from the page's script with the API key typed here, as for corrections.
        h.Raw("<details class=\"add-watchlist\"><summary>Add a watchlist (needs an API key)</summary><form class=\"watchlist\">")
            .Raw("<p><label for=\"wl-name\">Name</label> <input id=\"wl-name\" name=\"name\" required maxlength=\"100\"></p>")
            .Raw("<p><label for=\"wl-entity\">Entity</label> <input id=\"wl-entity\" name=\"entity\" placeholder=\"Kim Jong-un\"></p>")
            .Raw("<p><label for=\"wl-query\">Search query</label> <input id=\"wl-query\" name=\"query\" placeholder=\"brand AND Zwolle\"></p>")
            .Raw("<p><label for=\"wl-outlet\">Outlet</label> <input id=\"wl-outlet\" name=\"outlet\"></p>")
            .Raw("<p><label for=\"wl-min\">Alert from this many independent sources</label> <input id=\"wl-min\" name=\"minSources\" type=\"number\" min=\"1\" value=\"1\"></p>")
            .Raw("<p><label for=\"wl-webhook\">Webhook URL</label> <input id=\"wl-webhook\" name=\"webhook\" type=\"url\"></p>")
            .Raw("<p><label for=\"wl-key\">API key</label> <input id=\"wl-key\" name=\"key\" type=\"password\" autocomplete=\"off\"></p>")
            .Raw("<p><button type=\"submit\">Add</button> <span class=\"watchlist-status\" role=\"status\"></span></p></form></details>");
        return Layout.Page("Alerts", h);
    }

    public static IResult Outlets(IReadOnlyList<OutletDoc> outlets, int unknown)
    {
        var h = new Html().El("h1", "Outlets")
            .Raw("<p class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"{outlets.Count} outlets · {unknown:N0} articles of unknown outlet · ")).Link("/api/outlets", "JSON").Raw("</p>");
        h.Raw("<table class=\"outlets\"><thead><tr><th>outlet</th><th>country</th><th>language</th><th>owner</th><th>articles</th></tr></thead><tbody>");
        foreach (var o in outlets)
        {
            h.Raw("<tr><td>").Link($"/?outlet={Html.Url(o.Name)}", o.Name).Raw("</td><td>").Text(o.Country ?? "–").Raw("</td><td>").Text(o.Language ?? "–")
                .Raw("</td><td>").Text(o.Owner ?? "–").Raw("</td><td>").Text(o.Articles.ToString("N0", CultureInfo.InvariantCulture)).Raw("</td></tr>");
        }

        h.Raw("</tbody></table>").El("h2", "Export").El("p", "The archive as tables to load in pandas or R (columns: ./chorus export TABLE --schema).").Raw("<ul class=\"exports\">");
        foreach (var table in new[] { "stories", "articles", "entities", "claims", "conflicts" })
        {
            h.Raw("<li>").Text(table).Raw(": ");
            foreach (var format in new[] { "csv", "jsonl", "parquet" })
            {
                h.Link($"/api/export/{table}?format={format}", format).Raw(" ");
            }

            h.Raw("</li>");
        }

        return Layout.Page("Outlets", h.Raw("</ul>"));
    }
}
