using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Storage.Queries;

namespace Chorus.Web.Pages;

/// <summary>Entity pages: the list, and one entity with its spellings, stories and articles over time.</summary>
internal static class EntityPage
{
    public static IResult RenderList(IReadOnlyList<EntityDoc> entities, int total)
    {
        var h = new Html().El("h1", "Entities");
        if (entities.Count < total)
        {
            h.El("p", $"The {entities.Count:N0} most mentioned of {total:N0} entities.");
        }

        h.Raw("<table class=\"entities\"><thead><tr><th>name</th><th>type</th><th>mentions</th><th>articles</th><th>variants</th></tr></thead><tbody>");
        foreach (var e in entities)
        {
            h.Raw("<tr><td>").Link($"/entities/{Html.Url(e.Id)}", e.Name).Raw("</td><td>").Text(e.Type).Raw("</td><td>")
                .Text(e.Mentions.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(e.ArticleTotal.ToString(CultureInfo.InvariantCulture))
                .Raw("</td><td>").Text(string.Join(" · ", e.Variants)).Raw("</td></tr>");
        }

        return Layout.Page("Entities", h.Raw("</tbody></table>"));
    }

    /// <summary>Articles and stories an entity page lists at a time (newest first); more pages are linked.</summary>
    public const int PageSize = 100;

    public static IResult Render(EntityView view, int page)
    {
        var (entity, articles) = (view.Doc, view.Articles);
        var h = new Html().Raw("<h1>").Text(entity.Name).Raw($" <span class=\"chip {entity.Type.ToLowerInvariant()}\">").Text(entity.Type).Raw("</span></h1>")
            .Raw("<p class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"{entity.Mentions:N0} mentions in {entity.ArticleTotal:N0} articles and {entity.StoryTotal:N0} stories"))
            .Raw(" · ").Link($"/api/entities/{Html.Url(entity.Id)}", "JSON").Raw("</p>");
        h.El("h2", "Spellings").Raw("<ul class=\"variants-list\">");
        foreach (var (variant, count) in entity.VariantCounts.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            h.Raw("<li>").Text(variant).Raw(" <span class=\"count\">").Text(count.ToString(CultureInfo.InvariantCulture)).Raw("</span></li>");
        }

        h.Raw("</ul>").El("h2", "Articles over time").Raw(Chart(entity.Months));
        h.El("h2", "Stories");
        Showing(h, entity.Stories.Count, entity.StoryTotal, page, "stories");
        h.Raw("<ul>");
        foreach (var story in entity.Stories)
        {
            h.Raw("<li>").Link($"/stories/{Html.Url(story)}", story).Raw("</li>");
        }

        h.Raw("</ul>").El("h2", "Articles");
        Showing(h, articles.Count, entity.ArticleTotal, page, "articles");
        h.Raw("<ul>");
        foreach (var a in articles)
        {
            h.Raw("<li>").Link($"/articles/{Html.Url(a.Id)}", a.Title ?? a.Ref).Raw(" <span class=\"meta\">").Text($"{Chorus.Core.Outlets.OutletNames.Label(a.Source, a.Url)} · {a.Date?.ToString() ?? "undated"}").Raw("</span></li>");
        }

        h.Raw("</ul>");
        var pages = (Math.Max(entity.ArticleTotal, entity.StoryTotal) + PageSize - 1) / PageSize;
        if (pages > 1)
        {
            h.Raw("<nav class=\"pager\">");
            if (page > 1)
            {
                h.Link($"/entities/{Html.Url(entity.Id)}?page={page - 1}", "newer").Raw(" ");
            }

            h.Text(string.Create(CultureInfo.InvariantCulture, $"page {page} of {pages}"));
            if (page < pages)
            {
                h.Raw(" ").Link($"/entities/{Html.Url(entity.Id)}?page={page + 1}", "older");
            }

            h.Raw("</nav>");
        }

        return Layout.Page(entity.Name, h);
    }

    // A list that is one page of more says which part it is.
    private static void Showing(Html h, int shown, int total, int page, string what)
    {
        if (shown < total)
        {
            var first = ((page - 1) * PageSize) + 1;
            h.El("p", shown == 0
                ? string.Create(CultureInfo.InvariantCulture, $"No {what} on this page; {total:N0} in all.")
                : string.Create(CultureInfo.InvariantCulture, $"Showing {what} {first:N0}–{first + shown - 1:N0} of {total:N0}, newest first."));
        }
    }

    /// <summary>A bar per month with articles, as SVG; undated articles are left out.</summary>
    private static string Chart(IReadOnlyList<MonthCountDoc> months)
    {
        if (months.Count == 0)
        {
            return "<p class=\"meta\">No dated articles.</p>";
        }

        const int barWidth = 40, height = 120;
        var max = months.Max(m => m.Articles);
        var h = new Html().Raw(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Articles per month\" viewBox=\"0 0 {(months.Count * barWidth) + 10} {height + 30}\" width=\"{Math.Min(100, 12 * months.Count)}%\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var i = 0; i < months.Count; i++)
        {
            var barHeight = Math.Max(2, (double)months[i].Articles / max * height);
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{(i * barWidth) + 8}\" y=\"{height - barHeight:0.#}\" width=\"{barWidth - 10}\" height=\"{barHeight:0.#}\"><title>{months[i].Month}: {months[i].Articles}</title></rect>"))
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{(i * barWidth) + 8}\" y=\"{height + 14}\">")).Text(months[i].Month[2..]).Raw("</text>")
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{(i * barWidth) + 8}\" y=\"{height - barHeight - 3:0.#}\">{months[i].Articles}</text>"));
        }

        return h.Raw("</svg>").ToString();
    }
}
