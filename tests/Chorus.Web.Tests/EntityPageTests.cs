using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Storage.Queries;
using Chorus.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Tests;

/// <summary>An entity page that shows one page of many says which part it is and links the others.</summary>
public sealed class EntityPageTests
{
    private static string Render(int page, int articleTotal, int storyTotal, int shownArticles, int shownStories)
    {
        var doc = new EntityDoc("e1", "Maas", "LOC", ["Maas"], new Dictionary<string, int> { ["Maas"] = 300 }, 300,
            [.. Enumerable.Range(0, shownArticles).Select(i => "a" + i)], [.. Enumerable.Range(0, shownStories).Select(i => "s" + i)])
        {
            ArticleTotal = articleTotal,
            StoryTotal = storyTotal,
            Months = [new MonthCountDoc("2024-03", articleTotal)],
        };
        var articles = doc.Articles.Select(id => new StoredArticle { Id = id, Ref = id, ContentKey = id, Text = string.Empty, Lang = "nl", Title = "Titel " + id }).ToList();
        return ((ContentHttpResult)EntityPage.Render(new EntityView(doc, articles), page)).ResponseContent!;
    }

    [Theory]
    [InlineData(1, 250, 40, 100, 40, "Showing articles 1–100 of 250, newest first.", "page 1 of 3", true, false)]
    [InlineData(2, 250, 40, 100, 0, "Showing articles 101–200 of 250, newest first.", "No stories on this page; 40 in all.", true, true)]
    [InlineData(3, 250, 40, 50, 0, "Showing articles 201–250 of 250, newest first.", "page 3 of 3", false, true)]
    public void APageOfMany_SaysWhichPartItIs_AndLinksTheOthers(int page, int articles, int stories, int shownArticles, int shownStories, string says, string alsoSays, bool older, bool newer)
    {
        var html = Render(page, articles, stories, shownArticles, shownStories);
        Assert.Contains(says, html, StringComparison.Ordinal);
        Assert.Contains(alsoSays, html, StringComparison.Ordinal);
        Assert.Equal(older, html.Contains($"/entities/e1?page={page + 1}", StringComparison.Ordinal));
        Assert.Equal(newer, html.Contains($"/entities/e1?page={page - 1}", StringComparison.Ordinal));
        Assert.Contains("300 mentions in 250 articles and 40 stories", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntityOnOnePage_ShowsNoPager()
    {
        var html = Render(1, 3, 2, 3, 2);
        Assert.DoesNotContain("Showing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", html, StringComparison.Ordinal);
    }
}
