using Microsoft.Playwright;

namespace Chorus.Web.Tests;

/// <summary>Runs only where Debian's chromium is installed (.ci/run installs it); elsewhere the tests say why they skip.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"needs {Chromium} (apt-get install chromium; .ci/run does this)";
        }
    }
}

/// <summary>
/// The web UI in a real browser: Kestrel on a free loopback port over a store with the seeds, the sample fixtures
/// and an article that tries to inject markup; headless Debian chromium driven by Playwright.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private BrowserSite? _site;

    private const string BrowserKey = "browser-key-42";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        var db = Path.Combine(_folder.Path, "chorus.db");
        await ChorusServer.IngestAsync(db, ChorusServer.SampleInputs("Kop met <script>alert(1)</script>").Concat(ChorusServer.BigStoryInputs()));
        _site = await BrowserSite.StartAsync(db, $"--Chorus:ApiKeys={BrowserKey}");
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        _folder.Dispose();
    }

    private string Base => _site!.Base;

    private async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        var page = await _site!.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        page.Dialog += (_, dialog) => Assert.Fail($"the page opened a dialog: {dialog.Message}");
        var response = await page.GotoAsync(Base + path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        return page;
    }

    private async Task<string> SeedStoryPathAsync()
    {
        var page = await OpenAsync("/?q=Vladivostok");
        var row = page.Locator(".story-row").Filter(new LocatorFilterOptions { HasText = "Kim Jong-un" });
        await Assertions.Expect(row.Locator(".sources")).ToHaveTextAsync("2 independent sources");
        var href = await row.Locator("h2 a").GetAttributeAsync("href");
        await page.CloseAsync();
        return href!;
    }

    [BrowserFact]
    public async Task StoryPage_ShowsBothOutlets_SharedAndUniqueClaims_Timeline_AndVariants()
    {
        var page = await OpenAsync(await SeedStoryPathAsync());
        await Assertions.Expect(page.Locator(".source h3")).ToHaveTextAsync(["unknown outlet", "unknown outlet"]);
        Assert.True(await page.Locator(".source .s.shared").CountAsync() >= 2);
        Assert.True(await page.Locator(".source .s.unique").CountAsync() >= 1);
        // Each kind carries the CLI's mark, not only a pale colour.
        Assert.Equal("\"=\"", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.source .s.shared'), '::before').content"));
        Assert.Equal("\"+\"", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.source .s.unique'), '::before').content"));
        await Assertions.Expect(page.Locator("svg.timeline")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chip", new PageLocatorOptions { HasText = "Sjogjoe · Sjojgoe" })).ToBeVisibleAsync();

        // Hovering a shared sentence lights up the same claim in the other source.
        var shared = page.Locator(".source").Nth(1).Locator(".s.shared").First;
        var claim = await shared.GetAttributeAsync("data-claim");
        await shared.HoverAsync();
        await Assertions.Expect(page.Locator($".source >> nth=0 >> .s.hl[data-claim=\"{claim}\"]").First).ToBeVisibleAsync();

        var artifacts = Path.Combine(TestPaths.RepoRoot, ".artifacts", "screenshots");
        Directory.CreateDirectory(artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "story-page.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(artifacts, "story-page.png")).Length > 10_000);
    }

    [BrowserFact]
    public async Task BigStory_OpensAsAClaimsView_AtMostFourScreensTall_WithEveryClaimLinkedToItsSentence()
    {
        var list = await OpenAsync("/?q=meubelfabriek");
        var href = await list.Locator(".story-row h2 a").First.GetAttributeAsync("href");
        var page = await OpenAsync(href!, width: 1400);
        await Assertions.Expect(page.Locator(".coverage > ul > li")).ToHaveCountAsync(7);
        var claims = page.Locator(".claims li");
        Assert.True(await claims.CountAsync() >= 2, "the big story shows its shared claims");
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height <= 4 * 900, $"the page is {height}px tall, more than 4 screens of 900px");

        // Every claim links to a sentence that exists; following one opens the folded text it is in.
        var targets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('.claims a')].map(a => a.getAttribute('href').slice(1))");
        Assert.NotEmpty(targets);
        foreach (var id in targets)
        {
            Assert.True(await page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", id), $"no sentence #{id}");
        }

        await page.Locator(".claims a").First.ClickAsync();
        await Assertions.Expect(page.Locator($"[id=\"{targets[0]}\"]")).ToBeVisibleAsync();
        var overflow = await (await OpenAsync(href!, width: 390)).EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the big story is {overflow}px wider than a 390px screen");
    }

    [BrowserFact]
    public async Task StoryPage_FitsAPhone_AndSentencesAreKeyboardReachable()
    {
        var page = await OpenAsync(await SeedStoryPathAsync(), width: 375);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than a 375px screen");
        await page.Locator(".source .s.shared").First.FocusAsync();
        Assert.True(await page.Locator(".s.hl").CountAsync() >= 2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.RepoRoot, ".artifacts", "screenshots", "story-page-375.png"), FullPage = true });
    }

    // The list's meta line reads as one line ("date · N independent sources · outlets · languages"): the story page's
    // side-by-side grid rule once caught its sources count too and broke it into three.
    [BrowserFact]
    public async Task StoryList_MetaLine_StaysOneLine()
    {
        var page = await OpenAsync("/", width: 1400);
        Assert.Equal("inline", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.story-row .meta .sources')).display"));
        var lines = await page.EvaluateAsync<double>("(() => { const m = document.querySelector('.story-row .meta'); return m.getBoundingClientRect().height / parseFloat(getComputedStyle(m).lineHeight || '20'); })()");
        Assert.True(lines < 1.9, $"the first meta line is {lines:0.0} lines tall");
    }

    [BrowserFact]
    public async Task Search_FindsTheSeed()
    {
        var page = await OpenAsync("/");
        await page.Locator("#top-q").FillAsync("onderzeeërs");
        await page.Locator("form.search button").ClickAsync();
        await Assertions.Expect(page.Locator(".hits li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".hits mark").First).ToHaveTextAsync("onderzeeërs");
    }

    [BrowserFact]
    public async Task MarkupInAnArticle_ShowsAsText()
    {
        var page = await OpenAsync("/search?q=onerror");
        await page.Locator(".hits h2 a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".annotated")).ToContainTextAsync("<script>alert('x')</script>");
        await Assertions.Expect(page.Locator(".annotated")).ToContainTextAsync("<img src=x onerror=alert('y')>");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kop met <script>alert(1)</script>");
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
    }

    [BrowserFact]
    public async Task Alerts_ShowAsABadgeOnEveryPage_AndOnTheAlertsPage_AndAcknowledgingSaysWhatItNeeds()
    {
        await using (var workspace = await Chorus.Storage.ChorusWorkspace.OpenAsync(Path.Combine(_folder.Path, "chorus.db")))
        {
            var story = (await workspace.Store.ListStorySummariesAsync()).First(s => s.Articles.Count > 1);
            await workspace.Monitoring.SaveWatchlistAsync(new Chorus.Core.Monitoring.Watchlist("brand", null, "Keizersgracht", null, null, 2, 3, 6, true, null, DateTimeOffset.UtcNow));
            await workspace.Monitoring.AddAlertAsync(new Chorus.Core.Monitoring.Alert(0, "brand|x|appeared", "brand", story.Profile.Id, Chorus.Core.Monitoring.AlertKind.Appeared, story.Profile.Title, "Brand: 3 bronnen", 3, DateTimeOffset.UtcNow));
        }

        var home = await OpenAsync("/");
        await Assertions.Expect(home.Locator("header .badge")).ToHaveTextAsync("1");
        var alerts = await OpenAsync("/alerts");
        await Assertions.Expect(alerts.Locator("table.alerts tr.open")).ToHaveCountAsync(1);
        await Assertions.Expect(alerts.Locator("table.watchlists")).ToContainTextAsync("entity Keizersgracht");
        await alerts.Locator("table.alerts button[data-ack]").ClickAsync();
        // This server has no API keys: the page says what acknowledging needs instead of failing silently.
        await Assertions.Expect(alerts.Locator(".ack-status")).ToContainTextAsync("API key");
        // A watchlist added and removed from the page, with the server's key.
        await alerts.Locator("details.add-watchlist summary").ClickAsync();
        await alerts.Locator("#wl-name").FillAsync("kim");
        await alerts.Locator("#wl-entity").FillAsync("Kim Jong-un");
        await alerts.Locator("#wl-min").FillAsync("2");
        await alerts.Locator("#wl-key").FillAsync(BrowserKey);
        var added = await alerts.RunAndWaitForResponseAsync(() => alerts.Locator("form.watchlist button[type=submit]").ClickAsync(), r => r.Url.EndsWith("/api/watchlists", StringComparison.Ordinal));
        Assert.Equal(201, added.Status);
        var reloaded = await OpenAsync("/alerts");
        await Assertions.Expect(reloaded.Locator("table.watchlists")).ToContainTextAsync("kim");
        await reloaded.Locator("details.add-watchlist summary").ClickAsync();
        await reloaded.Locator("#wl-key").FillAsync(BrowserKey);
        var removed = await reloaded.RunAndWaitForResponseAsync(() => reloaded.Locator("button[data-remove-watchlist=kim]").ClickAsync(), r => r.Url.EndsWith("/api/watchlists/kim", StringComparison.Ordinal));
        Assert.Equal(204, removed.Status);
        var outlets = await OpenAsync("/outlets");
        await Assertions.Expect(outlets.Locator("table.outlets")).ToContainTextAsync("Stadsblad Amsterdam");
        await Assertions.Expect(outlets.Locator("ul.exports a")).ToHaveCountAsync(15);
    }

    [BrowserFact]
    public async Task Corrections_SplitFromTheStoryPage_WithAnApiKey_AndUndoBringsTheArticleBack()
    {
        var list = await OpenAsync("/?q=Keizersgracht");
        var href = await list.Locator("main a[href^='/stories/']").First.GetAttributeAsync("href");
        var page = await OpenAsync(href!);
        var before = await page.Locator("section.coverage li").CountAsync();
        await page.Locator("section.corrections summary").ClickAsync();
        await page.Locator("form.correct input[name=article]").First.CheckAsync();
        await page.Locator("button[data-correct=split]").ClickAsync();
        // No key yet: the page says what is missing and changes nothing.
        await Assertions.Expect(page.Locator(".correct-status")).ToContainTextAsync("API key");
        await page.Locator("#api-key").FillAsync(BrowserKey);
        var split = await page.RunAndWaitForResponseAsync(() => page.Locator("button[data-correct=split]").ClickAsync(), r => r.Url.EndsWith("/split", StringComparison.Ordinal));
        Assert.Equal(200, split.Status);
        await page.WaitForURLAsync(url => url != Base + href);
        await Assertions.Expect(page.Locator("section.coverage li")).ToHaveCountAsync(1);

        var original = await OpenAsync(href!);
        await Assertions.Expect(original.Locator("section.coverage li")).ToHaveCountAsync(before - 1);
        await original.Locator("section.corrections summary").ClickAsync();
        await original.Locator("#api-key").FillAsync(BrowserKey);
        var undone = await original.RunAndWaitForResponseAsync(() => original.Locator("button[data-undo]").ClickAsync(), r => r.Url.EndsWith("/api/stories/corrections/undo", StringComparison.Ordinal));
        Assert.Equal(200, undone.Status);
        var restored = await OpenAsync(href!);
        await Assertions.Expect(restored.Locator("section.coverage li")).ToHaveCountAsync(before);
    }

    /// <summary>
    /// Screenshots of the main pages at desktop and phone width; with CHORUS_UPDATE_SCREENSHOTS=1 they are written to
    /// docs/screenshots (docs/web.md shows them), otherwise to a temp folder, and checked to be real images.
    /// </summary>
    [BrowserFact]
    public async Task Screenshots_OfTheMainPages()
    {
        var target = Environment.GetEnvironmentVariable("CHORUS_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(TestPaths.RepoRoot, "docs", "screenshots")
            : Path.Combine(_folder.Path, "screenshots");
        Directory.CreateDirectory(target);
        var big = await OpenAsync("/?q=meubelfabriek");
        var bigStory = await big.Locator("main a[href^='/stories/']").First.GetAttributeAsync("href");
        foreach (var (name, path, width) in new[] { ("stories", "/", 1400), ("story-big", bigStory!, 1400), ("story-big-phone", bigStory!, 390), ("outlets", "/outlets", 1400), ("alerts", "/alerts", 1400) })
        {
            var page = await OpenAsync(path, width);
            var file = Path.Combine(target, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = width < 1000 ? false : true });
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 5_000, $"{name}: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    }
}
