using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Storage.Queries;

namespace Chorus.Web.Pages;

/// <summary>The story list: newest first (or by sources or articles), with filters by text, entity, dates, language, outlet and sources.</summary>
internal static class StoryListPage
{
    public static IResult Render(StoryPageDoc result, StoryFilter filter, string? from, string? to)
    {
        var h = new Html().El("h1", "Stories");
        h.Raw("<form class=\"filters\" method=\"get\" action=\"/\">")
            .Raw(Field("q", "Text", filter.Query, "search"))
            .Raw(Field("entity", "Entity", filter.Entity, "text"))
            .Raw(Field("from", "From (YYYY-MM-DD)", from, "text"))
            .Raw(Field("to", "To", to, "text"))
            .Raw(Field("lang", "Language", filter.Lang, "text"))
            .Raw(Field("outlet", "Outlet", filter.Outlet, "text"))
            .Raw("<label>Order <select name=\"sort\">")
            .Raw(Option("newest", "newest first", filter.Sort == StorySort.Newest))
            .Raw(Option("sources", "most sources", filter.Sort == StorySort.MostSources))
            .Raw(Option("articles", "most articles", filter.Sort == StorySort.MostArticles))
            .Raw("</select></label>")
            .Raw("<label>Sources <select name=\"minSources\">")
            .Raw(Option("1", "any number", filter.MinSources <= 1))
            .Raw(Option("2", "2 or more", filter.MinSources == 2))
            .Raw(Option("3", "3 or more", filter.MinSources is 3 or 4))
            .Raw(Option("5", "5 or more", filter.MinSources >= 5))
            .Raw("</select></label>")
            .Raw("<label>Recurring columns <select name=\"columns\">")
            .Raw(Option("false", "leave out", !filter.WithRecurring))
            .Raw(Option("true", "include", filter.WithRecurring))
            .Raw("</select></label>")
            .Raw("<button type=\"submit\">Filter</button></form>");
        var first = result.Stories.Count == 0 ? 0 : ((result.Page - 1) * result.PageSize) + 1;
        var sort = filter.Sort switch { StorySort.MostSources => "sources", StorySort.MostArticles => "articles", _ => "newest" };
        string Query(int p, int minSources, bool columns) => $"?page={p}&q={Html.Url(filter.Query ?? string.Empty)}&entity={Html.Url(filter.Entity ?? string.Empty)}&from={Html.Url(from ?? string.Empty)}&to={Html.Url(to ?? string.Empty)}&lang={Html.Url(filter.Lang ?? string.Empty)}&outlet={Html.Url(filter.Outlet ?? string.Empty)}&sort={sort}&minSources={minSources}&columns={(columns ? "true" : "false")}";
        h.Raw("<p class=\"meta\">").Text(result.Stories.Count < result.Total
            ? string.Create(CultureInfo.InvariantCulture, $"stories {first:N0}–{first + result.Stories.Count - 1:N0} of {result.Total:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{result.Total:N0} stories"));
        // Say what the list leaves out, and how to see it.
        if (filter.MinSources > 1)
        {
            h.Text(string.Create(CultureInfo.InvariantCulture, $" with {filter.MinSources}+ independent sources · "))
                .Link("/" + Query(1, 1, filter.WithRecurring), "include stories of one source");
        }

        if (!filter.WithRecurring)
        {
            h.Raw(" · ").Link("/" + Query(1, filter.MinSources, true), "include recurring columns");
        }

        h.Raw("</p>");
        if (result.Stories.Count == 0)
        {
            h.El("p", "No stories match. Ingest articles with ./chorus ingest PATH or POST /api/articles.");
        }

        h.Raw("<ol class=\"stories\">");
        foreach (var s in result.Stories)
        {
            h.Raw("<li class=\"story-row\"><h2>").Link($"/stories/{Html.Url(s.Id)}", s.Title).Raw("</h2><p class=\"meta\">")
                .Text(DateRange(s.FirstDate, s.LastDate)).Raw(" · <span class=\"sources\">")
                .Text(string.Create(CultureInfo.InvariantCulture, $"{s.Sources} independent source{(s.Sources == 1 ? string.Empty : "s")}"))
                .Raw("</span> · ").Text(string.Join(", ", s.Outlets)).Raw(" · ").Text(string.Join(", ", s.Langs)).Raw("</p>");
            if (s.KeyEntities.Count > 0)
            {
                h.Raw("<p class=\"chips\">");
                foreach (var e in s.KeyEntities)
                {
                    h.Link($"/entities/{Html.Url(e.Id)}", e.Name, $"chip {e.Type.ToLowerInvariant()}");
                }

                h.Raw("</p>");
            }

            h.Raw("</li>");
        }

        h.Raw("</ol>");
        var pages = (int)(((long)result.Total + result.PageSize - 1) / result.PageSize);
        if (pages > 1)
        {
            // The first and last pages and a few around this one, however many pages there are.
            h.Raw("<nav class=\"pager\" aria-label=\"Pages\">");
            var shown = new SortedSet<int> { 1, pages };
            for (var p = Math.Max(1, result.Page - 2); p <= Math.Min(pages, result.Page + 2); p++)
            {
                shown.Add(p);
            }

            var previous = 0;
            foreach (var p in shown)
            {
                if (p > previous + 1)
                {
                    h.Raw("<span class=\"gap\">…</span>");
                }

                h.Link("/" + Query(p, filter.MinSources, filter.WithRecurring), p.ToString(CultureInfo.InvariantCulture), p == result.Page ? "current" : null);
                previous = p;
            }

            h.Raw("</nav>");
        }

        return Layout.Page("Stories", h);
    }

    internal static string DateRange(string? first, string? last)
        => first is null ? "undated" : first == last ? first : $"{first} – {last}";

    private static string Option(string value, string label, bool selected)
        => $"<option value=\"{value}\"{(selected ? " selected" : string.Empty)}>{Html.Attr(label)}</option>";

    private static string Field(string name, string label, string? value, string type)
        => $"<label>{Html.Attr(label)} <input name=\"{name}\" type=\"{type}\" value=\"{Html.Attr(value)}\"></label>";
}
