using Chorus.Core.Contracts;

namespace Chorus.Web.Pages;

/// <summary>
/// An article with its annotations highlighted. The text is cut at every annotation boundary; each piece is
/// encoded and wrapped in the classes of the annotations that cover it, so overlapping annotations need no nesting.
/// </summary>
internal static class ArticlePage
{
    public static IResult Render(ArticleDoc doc)
    {
        var layers = new List<(int Start, int End, string Class, string Title)>();
        layers.AddRange(doc.Entities.Select(e => (e.Start, e.End, "ent " + e.Type.ToLowerInvariant(), $"{e.Type}{(e.EntityName is null ? string.Empty : " · " + e.EntityName)}")));
        layers.AddRange(doc.Times.Select(t => (t.Start, t.End, "time", $"time · {t.Value ?? "unresolved"}")));
        layers.AddRange(doc.Quantities.Select(q => (q.Start, q.End, "qty", $"quantity · {q.Value}{(q.Unit is null ? string.Empty : " " + q.Unit)}")));
        layers.AddRange(doc.Quotes.Select(q => (q.Start, q.End, "quote", $"quote · {q.SpeakerName ?? "unattributed"}")));

        var cuts = new SortedSet<int> { 0, doc.Text.Length };
        foreach (var l in layers)
        {
            cuts.Add(l.Start);
            cuts.Add(l.End);
        }

        var h = new Html().Raw("<article class=\"article\"><h1>").Text(doc.Title ?? doc.Ref).Raw("</h1><p class=\"meta\">")
            .Text($"{Chorus.Core.Outlets.OutletNames.Label(doc.Source, doc.Url)} · {doc.Date ?? "undated"} · {doc.Lang}");
        if (doc.StoryId is { } story)
        {
            h.Raw(" · ").Link($"/stories/{Html.Url(story)}", "story");
        }

        if (doc.Url is not null)
        {
            h.Raw(" · ").Original(doc.Url);
        }

        h.Raw(" · ").Link($"/api/articles/{Html.Url(doc.Id)}", "JSON").Raw("</p>")
            .Raw("<p class=\"legend\"><span class=\"ent per\">person</span> <span class=\"ent loc\">place</span> <span class=\"ent org\">organisation</span> <span class=\"ent misc\">other name</span> <span class=\"time\">time</span> <span class=\"qty\">quantity</span> <span class=\"quote\">quote</span></p>")
            .Raw($"<div class=\"text annotated\" lang=\"{Html.Lang(doc.Lang)}\">");
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            var covering = layers.Where(l => l.Start <= from && l.End >= to).ToList();
            if (covering.Count == 0)
            {
                h.Text(doc.Text[from..to]);
            }
            else
            {
                h.Raw($"<span class=\"{Html.Attr(string.Join(' ', covering.Select(c => c.Class)))}\" title=\"{Html.Attr(string.Join("; ", covering.Select(c => c.Title)))}\">")
                    .Text(doc.Text[from..to]).Raw("</span>");
            }
        }

        return Layout.Page(doc.Title ?? doc.Ref, h.Raw("</div></article>"));
    }
}
