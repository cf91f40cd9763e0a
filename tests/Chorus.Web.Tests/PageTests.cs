using System.Net;

namespace Chorus.Web.Tests;

public class PageTests
{
    private static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>The page of the first story a list page links to.</summary>
    private static async Task<string> FirstStoryPageAsync(HttpClient client, string list)
    {
        var storyId = System.Text.RegularExpressions.Regex.Match(list, "href=\"/stories/([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(storyId);
        return await GetPageAsync(client, "/stories/" + storyId);
    }

    // Ingests articles (anonymous objects in the JSONL fields) through the API, as a newsroom tool would.
    private static async Task PostArticlesAsync(ChorusServer server, params object[] articles)
    {
        using var writer = server.Client(withKey: true);
        using var content = new StringContent(string.Join('\n', articles.Select(a => System.Text.Json.JsonSerializer.Serialize(a))), System.Text.Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync(new Uri("/api/articles", UriKind.Relative), content)).StatusCode);
    }

    [Fact]
    public async Task ArticleText_IsAlwaysEscaped()
    {
        await using var server = await ChorusServer.StartAsync();
        using var client = server.Client();
        var search = await GetPageAsync(client, "/search?q=onerror");
        var articleLink = System.Text.RegularExpressions.Regex.Match(search, "href=\"/articles/([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(articleLink);
        foreach (var page in new[] { search, await GetPageAsync(client, "/articles/" + articleLink), await GetPageAsync(client, "/") })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>Kop</b>", page, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert", await GetPageAsync(client, "/articles/" + articleLink), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryPage_MarksSentences_DrawsTheTimeline_AndShowsVariants()
    {
        await using var server = await ChorusServer.StartAsync();
        using var client = server.Client();
        var page = await FirstStoryPageAsync(client, await GetPageAsync(client, "/?q=Vladivostok"));
        Assert.Contains("class=\"s shared\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"s unique\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"timeline\"", page, StringComparison.Ordinal);
        Assert.Contains("Sjogjoe · Sjojgoe", page, StringComparison.Ordinal);
        Assert.Contains("2023-09-10/2023-09-13", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_AreServedByChorus_WithAStrictContentSecurityPolicy()
    {
        await using var server = await ChorusServer.StartAsync(withSamples: false);
        using var client = server.Client();
        var css = await client.GetAsync(new Uri("/assets/chorus.css", UriKind.Relative));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/javascript", (await client.GetAsync(new Uri("/assets/chorus.js", UriKind.Relative))).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/assets/secret.txt", UriKind.Relative))).StatusCode);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("script-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await home.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    // Pages say they are English, mark each article's own language, show headlines and link the original, safely.
    [Fact]
    public async Task Pages_MarkLanguages_ShowHeadlines_AndLinkOnlyWebAddresses()
    {
        await using var server = await ChorusServer.StartAsync(withSamples: false);
        using var client = server.Client();
        var text = "Bij een grote brand in een loods aan de haven van Rotterdam zijn dinsdag twaalf mensen gewond geraakt. De brandweer was de hele nacht bezig.";
        await PostArticlesAsync(
            server,
            new { id = "w1", title = "Grote brand in Rotterdamse haven", url = "https://krant.example/brand", source = "Havenkrant", date = "2024-03-12", text },
            new { id = "w2", title = "Twaalf gewonden bij havenbrand", url = "javascript:alert(1)", source = "Stadsblad", date = "2024-03-12", text = text + " De politie onderzoekt de oorzaak." });

        // The second report is a near-copy of the first: one independent source, listed once single-source stories are.
        var list = await GetPageAsync(client, "/?minSources=1");
        Assert.StartsWith("<!doctype html><html lang=\"en\">", list, StringComparison.Ordinal);
        var story = await FirstStoryPageAsync(client, list);
        Assert.Contains("<div class=\"source\" lang=\"nl\">", story, StringComparison.Ordinal);
        Assert.Contains("Grote brand in Rotterdamse haven", story, StringComparison.Ordinal);
        Assert.Contains("href=\"https://krant.example/brand\" rel=\"noopener noreferrer nofollow\"", story, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", story, StringComparison.Ordinal);
        var articleId = System.Text.RegularExpressions.Regex.Match(story, "href=\"/articles/([^\"]+)\"").Groups[1].Value;
        Assert.Contains("lang=\"nl\"", await GetPageAsync(client, "/articles/" + articleId), StringComparison.Ordinal);
    }

    // Feed items without text still show what they have: the headline, the outlet, the link, and that there is no text.
    [Fact]
    public async Task AHeadlineOnlyStory_ShowsItsHeadlinesAndOutlets()
    {
        await using var server = await ChorusServer.StartAsync(withSamples: false);
        using var client = server.Client();
        await PostArticlesAsync(
            server,
            new { id = "h1", title = "Grote brand in Rotterdamse haven: twaalf gewonden", url = "https://havenkrant.example/brand", source = "Havenkrant", date = "2024-03-12" },
            new { id = "h2", title = "Twaalf gewonden bij grote brand in Rotterdamse haven", url = "https://stadsblad.example/brand", source = "Stadsblad", date = "2024-03-12" });

        var story = await FirstStoryPageAsync(client, await GetPageAsync(client, "/"));
        Assert.Contains("Grote brand in Rotterdamse haven: twaalf gewonden", story, StringComparison.Ordinal);
        Assert.Contains("Twaalf gewonden bij grote brand in Rotterdamse haven", story, StringComparison.Ordinal);
        Assert.Contains("Havenkrant", story, StringComparison.Ordinal);
        Assert.Contains("Stadsblad", story, StringComparison.Ordinal);
        Assert.Contains("href=\"https://stadsblad.example/brand\"", story, StringComparison.Ordinal);
        Assert.Contains("headline only", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryList_SortsAndFiltersByNumberOfSources()
    {
        await using var server = await ChorusServer.StartAsync();
        using var client = server.Client();
        var all = await GetPageAsync(client, "/?minSources=1");
        var multi = await GetPageAsync(client, "/?sort=sources&minSources=2");
        // Browsing opens on stories of several sources, and says how to see the rest; a search lists every match.
        var home = await GetPageAsync(client, "/");
        Assert.Equal(Rows(multi), Rows(home));
        Assert.Contains("include stories of one source", home, StringComparison.Ordinal);
        Assert.Contains("include recurring columns", home, StringComparison.Ordinal);
        Assert.Contains("<option value=\"false\" selected>leave out</option>", home, StringComparison.Ordinal);
        Assert.Contains("<option value=\"true\" selected>include</option>", await GetPageAsync(client, "/?q=brand"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"2\" selected>", home, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected>", await GetPageAsync(client, "/?q=brand"), StringComparison.Ordinal);
        var counts = System.Text.RegularExpressions.Regex.Matches(multi, "<span class=\"sources\">([0-9]+) independent source").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, n => Assert.True(n >= 2));
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(all, "class=\"story-row\"").Count > counts.Count);
        Assert.Contains("<option value=\"sources\" selected>", multi, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2\" selected>", multi, StringComparison.Ordinal);

        static int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "class=\"story-row\"").Count;
    }

    [Fact]
    public async Task StoryPage_Shows15EntityChips_AndTheRestFoldedBeneath()
    {
        await using var server = await ChorusServer.StartAsync(withSamples: false);
        using var client = server.Client();
        var cities = "Amsterdam, Rotterdam, Utrecht, Eindhoven, Groningen, Tilburg, Almere, Breda, Nijmegen, Apeldoorn, Haarlem, Arnhem, Enschede, Amersfoort, Zaanstad, Zwolle, Leiden, Maastricht, Dordrecht, Zoetermeer, Ede, Leeuwarden, Alkmaar, Emmen, Delft, Venlo, Deventer, Helmond, Oss, Hilversum, Heerlen, Purmerend, Roosendaal, Schiedam, Vlaardingen, Gouda, Assen, Lelystad, Middelburg, Hoorn";
        var text = $"Door de storm vielen dinsdag bomen om in {cities}. De brandweer rukte honderden keren uit in heel Nederland.";
        await PostArticlesAsync(
            server,
            new { id = "c1", source = "Krant A", date = "2024-03-12", text },
            new { id = "c2", source = "Krant B", date = "2024-03-12", text = text + " Het KNMI gaf code oranje af." });
        var list = await GetPageAsync(client, "/?minSources=1");
        var story = await FirstStoryPageAsync(client, list);
        var section = story[story.IndexOf("id=\"entities-h\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var open = section[..section.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.Equal(15, System.Text.RegularExpressions.Regex.Matches(open, "<a class=\"chip ").Count);
        var all = System.Text.RegularExpressions.Regex.Matches(section, "<a class=\"chip ").Count;
        Assert.True(all >= 40, $"{all} chips in all: every city is one click away");
        Assert.Contains($"and {all - 15} more", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-09-12", "2023-09-12", "12 Sep 2023")]
    [InlineData("2023-09-01", "2023-09-30", "Sep 2023")]
    [InlineData("2019-01-01", "2019-12-31", "2019")]
    [InlineData("2014-01-01", "2018-12-31", "2014–2018")]
    [InlineData("2023-09-10", "2023-09-13", "10–13 Sep 2023")]
    [InlineData("2019-03-04", "2019-03-31", "4–31 Mar 2019")]
    [InlineData("2019-03-04", "2019-04-07", "4 Mar – 7 Apr 2019")]
    [InlineData("2018-12-31", "2019-01-06", "31 Dec 2018 – 6 Jan 2019")]
    [InlineData("2019-03-01", "2019-05-31", "Mar – May 2019")]
    public void TimelineLabels_AreDatesAsReadersSayThem(string start, string end, string expected)
        => Assert.Equal(expected, Chorus.Web.Pages.TimelineSvg.Label(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}
