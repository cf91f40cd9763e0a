using Chorus.Core.Contracts;

namespace Chorus.Web.Pages;

/// <summary>Search results with the matched words marked in each snippet.</summary>
internal static class SearchPage
{
    /// <summary>A query that cannot be searched: what is wrong with it, with the box to try again (400).</summary>
    public static IResult RenderProblem(string query, string problem)
        => Layout.Page("Search", new Html().El("h1", $"Search: {query}").El("p", $"This query cannot be searched: {problem}."), StatusCodes.Status400BadRequest, query: query);

    public static IResult Render(SearchDoc? result)
    {
        var h = new Html().El("h1", result is null ? "Search" : $"Search: {result.Query}");
        if (result is null)
        {
            return Layout.Page("Search", h.El("p", "Type a query in the search box."));
        }

        if (result.Warning is { } warning)
        {
            h.Raw("<p class=\"warning\" role=\"status\">").Text($"These results may be incomplete: {warning}").Raw("</p>");
        }

        h.Raw("<p class=\"meta\">").Text(result.Hits.Count < result.Total ? $"the best {result.Hits.Count} of {result.Total:N0} articles" : $"{result.Hits.Count} articles").Raw("</p><ol class=\"hits\">");
        foreach (var hit in result.Hits)
        {
            h.Raw("<li><h2>").Link($"/articles/{Html.Url(hit.Article.Id)}", hit.Title ?? hit.Article.Ref).Raw("</h2><p class=\"meta\">")
                .Text($"{hit.Article.Outlet} · {hit.Article.Date ?? "undated"}");
            if (hit.Article.StoryId is { } story)
            {
                h.Raw(" · ").Link($"/stories/{Html.Url(story)}", "story");
            }

            h.Raw("</p><p class=\"snippet\">");
            var pos = 0;
            foreach (var mark in hit.Highlights)
            {
                h.Text(hit.Snippet[pos..mark.Start]).Raw("<mark>").Text(hit.Snippet[mark.Start..mark.End]).Raw("</mark>");
                pos = mark.End;
            }

            h.Text(hit.Snippet[pos..]).Raw("</p></li>");
        }

        return Layout.Page($"Search: {result.Query}", h.Raw("</ol>"), query: result.Query);
    }
}
