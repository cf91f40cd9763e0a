using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Store;

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
                .Text(e.Mentions.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(e.Articles.Count.ToString(CultureInfo.InvariantCulture))
                .Raw("</td><td>").Text(string.Join(" · ", e.Variants)).Raw("</td></tr>");
        }

        return Layout.Page("Entities", h.Raw("</tbody></table>"));
    }

    public static IResult Render(EntityDoc entity, IReadOnlyList<StoredArticle> articles)
    {
        var h = new Html().Raw("<h1>").Text(entity.Name).Raw($" <span class=\"chip {entity.Type.ToLowerInvariant()}\">").Text(entity.Type).Raw("</span></h1>")
            .Raw("<p class=\"meta\">").Text(string.Create(CultureInfo.InvariantCulture, $"{entity.Mentions} mentions in {entity.Articles.Count} articles and {entity.Stories.Count} stories"))
            .Raw(" · ").Link($"/api/entities/{Html.Url(entity.Id)}", "JSON").Raw("</p>");
        h.El("h2", "Spellings").Raw("<ul class=\"variants-list\">");
        foreach (var (variant, count) in entity.VariantCounts.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            h.Raw("<li>").Text(variant).Raw(" <span class=\"count\">").Text(count.ToString(CultureInfo.InvariantCulture)).Raw("</span></li>");
        }

        h.Raw("</ul>").El("h2", "Articles over time").Raw(Chart(articles));
        h.El("h2", "Stories").Raw("<ul>");
        foreach (var story in entity.Stories)
        {
            h.Raw("<li>").Link($"/stories/{Html.Url(story)}", story).Raw("</li>");
        }

        h.Raw("</ul>").El("h2", "Articles").Raw("<ul>");
        foreach (var a in articles.OrderBy(a => a.Date))
        {
            h.Raw("<li>").Link($"/articles/{Html.Url(a.Id)}", a.Title ?? a.Ref).Raw(" <span class=\"meta\">").Text($"{Chorus.Core.Outlets.OutletNames.Label(a.Source, a.Url)} · {a.Date?.ToString() ?? "undated"}").Raw("</span></li>");
        }

        return Layout.Page(entity.Name, h.Raw("</ul>"));
    }

    /// <summary>A bar per month with articles, as SVG; undated articles are left out.</summary>
    private static string Chart(IReadOnlyList<StoredArticle> articles)
    {
        var months = articles.Where(a => a.Date is not null)
            .GroupBy(a => $"{a.Date!.Value.Year:D4}-{Math.Max(1, a.Date.Value.Month):D2}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Month: g.Key, Count: g.Count()))
            .ToList();
        if (months.Count == 0)
        {
            return "<p class=\"meta\">No dated articles.</p>";
        }

        const int barWidth = 40, height = 120;
        var max = months.Max(m => m.Count);
        var h = new Html().Raw(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Articles per month\" viewBox=\"0 0 {(months.Count * barWidth) + 10} {height + 30}\" width=\"{Math.Min(100, 12 * months.Count)}%\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var i = 0; i < months.Count; i++)
        {
            var barHeight = Math.Max(2, (double)months[i].Count / max * height);
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{(i * barWidth) + 8}\" y=\"{height - barHeight:0.#}\" width=\"{barWidth - 10}\" height=\"{barHeight:0.#}\"><title>{months[i].Month}: {months[i].Count}</title></rect>"))
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{(i * barWidth) + 8}\" y=\"{height + 14}\">")).Text(months[i].Month[2..]).Raw("</text>")
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{(i * barWidth) + 8}\" y=\"{height - barHeight - 3:0.#}\">{months[i].Count}</text>"));
        }

        return h.Raw("</svg>").ToString();
    }
}
