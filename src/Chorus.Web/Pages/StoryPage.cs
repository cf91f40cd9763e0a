using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Storage.Queries;

namespace Chorus.Web.Pages;

/// <summary>
/// The story page: conflicts first, then the summary, entities with their spellings, the timeline, and the sources
/// side by side with each sentence marked shared, only-here or in conflict. Sentences of one claim share a
/// <c>data-claim</c>, which the script uses to light up the same claim in every source on hover, focus or click.
/// Everything but the sentences' bounds comes from the story's document, which the store keeps: the page runs no
/// comparison of its own.
/// </summary>
internal static class StoryPage
{
    public static IResult Render(StoryPageView view)
    {
        var (story, doc) = (view.Story, view.Doc);
        // The claim of each sentence (every sentence is in one, most in one of their own) and the sentences in conflict.
        var claimOf = new Dictionary<(string Article, int Start), int>();
        for (var i = 0; i < doc.Claims.Count; i++)
        {
            foreach (var s in doc.Claims[i].Sentences)
            {
                claimOf[(s.Article, s.Start)] = i;
            }
        }

        var inConflict = doc.Conflicts.SelectMany(c => c.Values).Select(v => (v.Article, v.Sentence.Start)).ToHashSet();

        var label = doc.Articles.ToDictionary(a => a.Id, a => a.Outlet, StringComparer.Ordinal);
        var h = new Html().Raw("<article class=\"story\"><h1>").Text(doc.Title).Raw("</h1><p class=\"meta\">")
            .Text(StoryListPage.DateRange(doc.FirstDate, doc.LastDate)).Raw(" · ")
            .Text(string.Create(CultureInfo.InvariantCulture, $"{doc.Articles.Count} articles from {doc.Sources} independent sources{(doc.UnknownOutlets > 0 ? $" ({doc.UnknownOutlets} of unknown outlet)" : string.Empty)} · {doc.Claims.Count(c => c.Shared)} shared claims · {doc.Conflicts.Count} conflicts"))
            .Raw(" · ").Link($"/api/stories/{Html.Url(doc.Id)}", "JSON").Raw("</p>");

        // From this many articles on, the page leads with what a reader scans (coverage, claims, conflicts) and keeps
        // the full texts, quotes and the figures table folded: an 18-article story was 21,610 px tall with all open.
        var big = story.Articles.Count >= BigStory;
        Coverage(h, story, label);
        if (big && doc.Claims.Any(c => c.Shared))
        {
            h.Raw("<section class=\"claims\" aria-labelledby=\"claims-h\"><h2 id=\"claims-h\">Reported by several sources</h2><ol>");
            var shown = 0;
            var sharedClaims = doc.Claims.Where(c => c.Shared).ToList();
            foreach (var claim in sharedClaims)
            {
                // The claims most sources carry first (the comparer's order); the rest one click away.
                if (shown++ == TopClaims && sharedClaims.Count > TopClaims)
                {
                    h.Raw("</ol><details><summary>").Text(string.Create(CultureInfo.InvariantCulture, $"{sharedClaims.Count - TopClaims} more shared claims")).Raw($"</summary><ol start=\"{TopClaims + 1}\">");
                }

                h.Raw("<li><span class=\"n\">").Text(string.Create(CultureInfo.InvariantCulture, $"{claim.Sources} sources")).Raw("</span> ")
                    .Raw(claim.Disputed ? "<span class=\"disputed\">sources disagree on it</span> " : string.Empty).Text(claim.Text).Raw(" <span class=\"cite\">");
                var first = true;
                foreach (var s in claim.Sentences)
                {
                    h.Raw(first ? string.Empty : " · ").Link($"#{SentenceAnchor(s.Article, s.Start)}", label[s.Article]);
                    first = false;
                }

                h.Raw("</span></li>");
            }

            h.Raw("</ol>").Raw(sharedClaims.Count > TopClaims ? "</details>" : string.Empty).Raw("</section>");
        }

        if (doc.Conflicts.Count > 0)
        {
            h.Raw("<section class=\"conflicts\" aria-labelledby=\"conflicts-h\"><h2 id=\"conflicts-h\">Sources disagree</h2><ul>");
            foreach (var c in doc.Conflicts)
            {
                h.Raw("<li><strong>").Text(c.What).Raw("</strong><ul>");
                for (var i = 0; i < c.Values.Count; i++)
                {
                    // The words and what they resolve to: "dinsdag" is 2024-03-12, "ruim 200" is more than 200. A value
                    // agreeing with the one before it (one side) is marked so.
                    var v = c.Values[i];
                    h.Raw(i > 0 && v.Side == c.Values[i - 1].Side ? "<li class=\"same-side\"><mark>" : "<li><mark>").Text(v.Mention).Raw("</mark>");
                    if (!string.Equals(v.Value, v.Mention, StringComparison.OrdinalIgnoreCase))
                    {
                        h.Raw(" <span class=\"value\">= ").Text(v.Value).Raw("</span>");
                    }

                    h.Raw(" — ").Text(label[v.Article]).Raw(": ")
                        .Link($"#{SentenceAnchor(v.Article, v.Sentence.Start)}", v.Text).Raw("</li>");
                }

                h.Raw("</ul></li>");
            }

            h.Raw("</ul></section>");
        }

        if (doc.Updates.Count > 0)
        {
            // A figure that grew between report days is a development of the story, not a disagreement.
            h.Raw("<section class=\"updates\" aria-labelledby=\"updates-h\"><h2 id=\"updates-h\">Figures that developed</h2><ul>");
            foreach (var u in doc.Updates)
            {
                h.Raw("<li><strong>").Text(u.What).Raw("</strong> (").Text(u.Kind).Raw("): ");
                for (var i = 0; i < u.Values.Count; i++)
                {
                    var v = u.Values[i];
                    h.Raw(i == 0 ? string.Empty : " → ").Raw("<mark>").Text(v.Mention).Raw("</mark> ")
                        .Link($"#{SentenceAnchor(v.Article, v.Sentence.Start)}", label[v.Article]);
                }

                h.Raw("</li>");
            }

            h.Raw("</ul></section>");
        }

        h.Raw("<section aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2><ul class=\"summary\">");
        foreach (var s in doc.SummarySentences)
        {
            h.Raw("<li>").Text(s.Text).Raw(" <span class=\"cite\">").Link($"#{SentenceAnchor(s.Article, s.Start)}", label[s.Article]).Raw("</span></li>");
        }

        h.Raw("</ul></section>");

        // Every entity: those in several sources first (the order of the document), each with all its spellings.
        var entities = doc.Entities;
        if (entities.Count > 0)
        {
            // A story names dozens of things, a large one hundreds: the 15 most shared show, the next ones are one click away.
            const int FoldedChips = 100;
            const int OpenChips = 15;
            h.Raw("<section aria-labelledby=\"entities-h\"><h2 id=\"entities-h\">Who and where</h2><p class=\"chips\">");
            Chips(h, entities.Take(OpenChips));
            h.Raw("</p>");
            if (entities.Count > OpenChips)
            {
                h.Raw("<details><summary>").Text(string.Create(CultureInfo.InvariantCulture, $"and {entities.Count - OpenChips:N0} more, mentioned by fewer sources")).Raw("</summary><p class=\"chips\">");
                Chips(h, entities.Skip(OpenChips).Take(FoldedChips));
                h.Raw("</p>");
                if (entities.Count > OpenChips + FoldedChips)
                {
                    h.Raw("<p class=\"meta\">").Link($"/api/stories/{Html.Url(doc.Id)}", "all of them in the JSON").Raw("</p>");
                }

                h.Raw("</details>");
            }

            h.Raw("</section>");
        }

        if (doc.Timeline.Count > 0)
        {
            h.Raw("<section aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Timeline</h2>");
            if (big && doc.Timeline.Count > TopDates)
            {
                // The dates most sources give, in date order; every date one click away.
                var top = doc.Timeline.Select((e, i) => (e, i)).OrderByDescending(p => p.e.Sources).ThenBy(p => p.e.Background).ThenBy(p => p.i).Take(TopDates).OrderBy(p => p.i).Select(p => p.e).ToList();
                h.Raw(TimelineSvg.Render(top)).Raw("<details><summary>").Text(string.Create(CultureInfo.InvariantCulture, $"all {doc.Timeline.Count} dates")).Raw("</summary>")
                    .Raw(TimelineSvg.Render(doc.Timeline, "timeline-all-title")).Raw("</details>");
            }
            else
            {
                h.Raw(TimelineSvg.Render(doc.Timeline));
            }

            h.Raw("</section>");
        }

        // The figures ledger: who says what, line by line, the lines more than one source fills first.
        if (doc.Figures.Count > 0)
        {
            h.Raw("<section aria-labelledby=\"figures-h\"><h2 id=\"figures-h\">Figures by source</h2>").Raw(big ? "<details><summary>every figure and date, per source</summary>" : string.Empty)
                .Raw("<div class=\"table-scroll\" tabindex=\"0\"><table class=\"figures\"><thead><tr><th scope=\"col\">what</th>");
            foreach (var a in doc.Articles)
            {
                h.Raw("<th scope=\"col\">").Text(label[a.Id]).Raw("</th>");
            }

            h.Raw("</tr></thead><tbody>");
            foreach (var row in doc.Figures)
            {
                h.Raw("<tr><th scope=\"row\">").Text(row.What).Raw("</th>");
                foreach (var a in doc.Articles)
                {
                    h.Raw("<td>");
                    var first = true;
                    foreach (var v in row.Values.Where(v => v.Article == a.Id))
                    {
                        h.Raw(first ? string.Empty : "<br>").Link($"#{SentenceAnchorAt(view, v.Article, v.Start)}", v.Text).Raw(" <span class=\"value\">").Text(v.Value).Raw("</span>");
                        if (v.Projected)
                        {
                            h.Raw(" <span class=\"projected\" title=\"feared, expected or possible: not a reported figure\">projected</span>");
                        }

                        first = false;
                    }

                    h.Raw("</td>");
                }

                h.Raw("</tr>");
            }

            h.Raw("</tbody></table></div>").Raw(big ? "</details>" : string.Empty).Raw("</section>");
        }

        h.Raw("<section aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">The sources side by side</h2>")
            .Raw("<p class=\"legend\"><span class=\"s shared\">reported by several sources</span> <span class=\"s unique\">only in this source</span> <span class=\"s conflict\">in conflict with another source</span></p>")
            .Raw("<div class=\"sources\">");
        for (var i = 0; i < story.Articles.Count; i++)
        {
            var article = story.Articles[i];
            // The outlet, the headline as published, and the original address when the input gave one.
            // In a big story each text is folded under its outlet and headline; a link to one of its sentences opens it.
            h.Raw($"<div class=\"source\" lang=\"{Html.Lang(article.Lang)}\">").Raw(big ? "<details><summary>" : string.Empty).Raw("<h3>").Link($"/articles/{Html.Url(article.Id)}", label[article.Id]).Raw("</h3>");
            if (article.Title is { Length: > 0 } headline)
            {
                h.Raw("<p class=\"headline\">").Text(headline).Raw("</p>");
            }

            h.Raw("<p class=\"meta\">").Text($"{article.Date?.ToString() ?? "undated"} · {article.Lang}").Text(article.DuplicateOf is null ? string.Empty : " · near-copy");
            if (article.Url is not null)
            {
                h.Raw(" · ").Original(article.Url);
            }

            h.Raw("</p>").Raw(big ? "</summary>" : string.Empty).Raw("<p class=\"text\">");
            if (article.Text.Length == 0)
            {
                // A feed item or record with a headline only: say so rather than draw an empty column.
                h.Raw("<span class=\"meta\">headline only: the input held no article text</span>");
            }

            foreach (var sentence in view.Analyzed[i].Sentences)
            {
                var claimIndex = claimOf.TryGetValue((article.Id, sentence.Start), out var k) ? k : (int?)null;
                var claim = claimIndex is { } c ? doc.Claims[c] : null;
                var kind = inConflict.Contains((article.Id, sentence.Start)) ? "conflict" : claim is { Shared: true } ? "shared" : "unique";
                var title = kind switch
                {
                    "conflict" => "in conflict with another source",
                    "shared" => $"reported by {claim!.Sources} independent sources",
                    _ => "only in this source",
                };
                h.Raw($"<span class=\"s {kind}\" id=\"{SentenceAnchor(article.Id, sentence.Start)}\" tabindex=\"0\" title=\"{Html.Attr(title)}\"{(claimIndex is null ? string.Empty : $" data-claim=\"c{claimIndex}\"")}>")
                    .Text(article.Text[sentence.Start..sentence.End]).Raw("</span> ");
            }

            h.Raw("</p>").Raw(big ? "</details>" : string.Empty).Raw("</div>");
        }

        h.Raw("</div></section>");

        if (doc.Quotes.Count > 0)
        {
            h.Raw("<section aria-labelledby=\"quotes-h\"><h2 id=\"quotes-h\">Quotes by speaker</h2>").Raw(big ? "<details><summary>every quote, by speaker</summary>" : string.Empty);
            foreach (var speaker in doc.Quotes)
            {
                h.El("h3", speaker.SpeakerName ?? "Unattributed").Raw("<ul class=\"quotes\">");
                foreach (var q in speaker.Quotes)
                {
                    h.Raw("<li><q>").Text(q.Text).Raw("</q> <span class=\"cite\">").Text(label[q.Article]).Raw("</span></li>");
                }

                h.Raw("</ul>");
            }

            h.Raw(big ? "</details>" : string.Empty).Raw("</section>");
        }

        if (doc.Why is { } why)
        {
            h.Raw("<details class=\"why\"><summary>Why these articles are one story</summary><table><thead><tr><th>article</th><th>decision</th><th>score</th><th>terms · names · date</th><th>shared names</th><th>shared terms</th></tr></thead><tbody>");
            foreach (var w in why)
            {
                var a = w.Assignment;
                h.Raw("<tr><td>").Text(label[w.Article]).Raw("</td><td>")
                    .Text(a is null ? "–" : a.Decision()).Raw("</td><td>")
                    .Text(a is null || a.OpenedStory ? "–" : a.Score.ToString("0.000", CultureInfo.InvariantCulture)).Raw("</td><td>")
                    .Text(a is null || a.OpenedStory ? "–" : string.Create(CultureInfo.InvariantCulture, $"{a.TermSimilarity:0.00} · {a.NameOverlap:0.00} · {a.DateProximity:0.00}"))
                    .Raw("</td><td>").Text(a is null ? string.Empty : string.Join(", ", a.SharedNames)).Raw("</td><td>")
                    .Text(a is null ? string.Empty : string.Join(", ", a.SharedTerms)).Raw("</td></tr>");
            }

            h.Raw("</tbody></table>");
            foreach (var c in doc.Corrections)
            {
                h.Raw("<p class=\"meta\">").Text(c.Describe()).Raw("</p>");
            }

            h.Raw("</details>");
        }

        Corrections(h, doc, story, label);
        h.Raw("</article>");
        return Layout.Page(doc.Title, h);
    }

    /// <summary>
    /// Corrections of the grouping: split checked articles off, move them to another story, merge another story in,
    /// undo one. The page's script sends them to the API with the API key typed here (kept for the browser session
    /// only) and opens the story that results; without the script the form says to use the CLI or the API.
    /// </summary>
    private static void Corrections(Html h, StoryDoc doc, StoredStory story, Dictionary<string, string> label)
    {
        h.Raw("<section class=\"corrections\" aria-labelledby=\"correct-h\"><h2 id=\"correct-h\">Correct the grouping</h2>")
            .Raw("<details><summary>Split, move or merge articles (needs an API key)</summary>")
            .Raw($"<form class=\"correct\" data-story=\"{Html.Attr(doc.Id)}\"><fieldset><legend>Articles of this story</legend><ul class=\"pick\">");
        foreach (var a in story.Articles)
        {
            h.Raw($"<li><label><input type=\"checkbox\" name=\"article\" value=\"{Html.Attr(a.Id)}\"> ").Text(label[a.Id]).Raw(" — ").Text(a.Title ?? a.Id).Raw("</label></li>");
        }

        h.Raw("</ul></fieldset>")
            .Raw("<p><button type=\"button\" data-correct=\"split\">Split the checked articles into a new story</button></p>")
            .Raw("<p><label for=\"move-to\">Story id</label> <input id=\"move-to\" name=\"target\" autocomplete=\"off\" spellcheck=\"false\"> <button type=\"button\" data-correct=\"move\">Move the checked articles there</button></p>")
            .Raw("<p><label for=\"merge-from\">Other story id</label> <input id=\"merge-from\" name=\"other\" autocomplete=\"off\" spellcheck=\"false\"> <button type=\"button\" data-correct=\"merge\">Merge that story into this one</button></p>")
            .Raw("<p><label for=\"api-key\">API key</label> <input id=\"api-key\" name=\"key\" type=\"password\" autocomplete=\"off\"></p>")
            .Raw("<p class=\"correct-status\" role=\"status\"></p>")
            .Raw("<noscript><p>Without scripts, correct with ./chorus story split|move|merge|undo or POST /api/stories/{id}/split|move|merge.</p></noscript></form>");
        var inForce = doc.Corrections.Where(c => c.UndoneAt is null).ToList();
        if (inForce.Count > 0)
        {
            h.Raw("<h3>Corrections in force</h3><ul class=\"in-force\">");
            foreach (var c in inForce)
            {
                h.Raw("<li>").Text(c.Describe()).Raw($" <button type=\"button\" data-undo=\"{c.Seq.ToString(CultureInfo.InvariantCulture)}\">Undo</button></li>");
            }

            h.Raw("</ul>");
        }

        h.Raw("</details></section>");
    }

    private static void Chips(Html h, IEnumerable<StoryEntityDoc> entities)
    {
        foreach (var e in entities)
        {
            var mentions = e.Mentions.Values.Sum();
            h.Raw($"<a class=\"chip {e.Type.ToLowerInvariant()}\" href=\"/entities/{Html.Attr(Html.Url(e.Id))}\" title=\"{Html.Attr(e.Type)}, {mentions} mentions in {e.Articles.Count} articles\">")
                .Text(e.Name);
            if (e.Variants.Count > 1 || (e.Variants.Count == 1 && e.Variants[0] != e.Name))
            {
                h.Raw(" <span class=\"variants\">").Text(string.Join(" · ", e.Variants)).Raw("</span>");
            }

            h.Raw("</a>");
        }
    }

    /// <summary>Stories with at least this many articles open as a claims view with their texts folded.</summary>
    public const int BigStory = 6;

    /// <summary>Shared claims listed open in a big story; the others are folded under "N more".</summary>
    public const int TopClaims = 10;

    /// <summary>Timeline rows drawn open in a big story; the full timeline is folded beneath.</summary>
    public const int TopDates = 12;

    /// <summary>
    /// Every article of the story with its outlet, headline, date, language and original address; a near-copy is folded
    /// under the article it copies ("and 3 reprints").
    /// </summary>
    private static void Coverage(Html h, StoredStory story, Dictionary<string, string> label)
    {
        var copies = story.Articles.Where(a => a.DuplicateOf is not null).ToLookup(a => a.DuplicateOf!, StringComparer.Ordinal);
        var inStory = story.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        // A long list of one-line entries reads as well in two columns on a wide screen, at half the height.
        h.Raw("<section class=\"coverage\" aria-labelledby=\"coverage-h\"><h2 id=\"coverage-h\">Coverage</h2>").Raw(story.Articles.Count >= BigStory ? "<ul class=\"many\">" : "<ul>");
        foreach (var a in story.Articles.Where(a => a.DuplicateOf is null || !inStory.Contains(a.DuplicateOf)))
        {
            CoverageItem(h, a, label);
            var reprints = copies[a.Id].ToList();
            if (reprints.Count > 0)
            {
                h.Raw("<details><summary>").Text(reprints.Count == 1 ? "and 1 reprint" : string.Create(CultureInfo.InvariantCulture, $"and {reprints.Count} reprints")).Raw("</summary><ul>");
                foreach (var r in reprints)
                {
                    CoverageItem(h, r, label);
                    h.Raw("</li>");
                }

                h.Raw("</ul></details>");
            }

            h.Raw("</li>");
        }

        h.Raw("</ul></section>");
    }

    private static void CoverageItem(Html h, StoredArticle a, Dictionary<string, string> label)
    {
        h.Raw($"<li lang=\"{Html.Lang(a.Lang)}\"><strong>").Link($"/articles/{Html.Url(a.Id)}", label[a.Id]).Raw("</strong> ");
        h.Text(a.Title is { Length: > 0 } t ? t : "(no headline)").Raw(" <span class=\"meta\">").Text($"{a.Date?.ToString() ?? "undated"} · {a.Lang}");
        if (a.Url is not null)
        {
            h.Raw(" · ").Original(a.Url);
        }

        h.Raw("</span>");
    }

    private static string SentenceAnchor(string articleId, int start) => string.Create(CultureInfo.InvariantCulture, $"{Html.Attr(articleId)}-{start}");

    /// <summary>The anchor of the sentence that holds an offset of an article.</summary>
    private static string SentenceAnchorAt(StoryPageView view, string articleId, int offset)
    {
        var index = view.Story.Articles.ToList().FindIndex(a => a.Id == articleId);
        var sentence = index < 0 ? null : view.Analyzed[index].Sentences.Cast<Chorus.Core.Text.TextSpan?>().FirstOrDefault(s => s!.Value.Start <= offset && offset < s.Value.End);
        return SentenceAnchor(articleId, sentence?.Start ?? 0);
    }
}
