namespace Chorus.Web.Pages;

/// <summary>The frame of every page: head, skip link, header with search, main, and the one script and stylesheet.</summary>
internal static class Layout
{
    public static IResult Page(string title, Html body, int status = StatusCodes.Status200OK, string? query = null)
    {
        var page = new Html()
            .Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · Chorus</title><link rel=\"stylesheet\" href=\"/assets/chorus.css\"><script src=\"/assets/chorus.js\" defer></script></head><body>")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Chorus</a><nav><a href=\"/\">Stories</a><a href=\"/entities\">Entities</a><a href=\"/outlets\">Outlets</a><a href=\"/alerts\">Alerts <span class=\"badge\" data-alerts hidden></span></a></nav>")
            .Raw("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><label for=\"top-q\" class=\"visually-hidden\">Search articles</label>")
            .Raw($"<input id=\"top-q\" name=\"q\" type=\"search\" placeholder=\"Search articles\" value=\"{Html.Attr(query)}\"><button type=\"submit\">Search</button></form></header>")
            .Raw("<main id=\"main\">").Raw(body.ToString()).Raw("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult NotFound(string what, string id)
        => Page("Not found", new Html().El("h1", $"No such {what}").El("p", $"There is no {what} '{id}'."), StatusCodes.Status404NotFound);
}
