using Chorus.Core.Ingest;
using Chorus.Core.Outlets;
using Chorus.Storage;
using Microsoft.Playwright;

namespace Chorus.Web.Tests;

/// <summary>
/// The real DPG 2019 corpus (with its outlet labels joined) ingested once, served by Kestrel and read in headless Debian
/// chromium: the page of its largest story, and every kind of page at phone width.
/// </summary>
public sealed class DpgSite : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private BrowserSite? _site;

    public static string Data => Path.Combine(TestPaths.SharedData, "dpg2019");

    public static bool Available => File.Exists(BrowserFactAttribute.Chromium) && File.Exists(Path.Combine(Data, "labels.jsonl"));

    public IBrowser Browser => _site!.Browser;

    public string Base => _site!.Base;

    /// <summary>The story with the most articles, as the story list sorted by articles shows it first.</summary>
    public string LargestStory { get; private set; } = string.Empty;

    public int LargestStoryArticles { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var db = Path.Combine(_folder.Path, "dpg.db");
        var sources = SourcesFile.Load(Path.Combine(TestPaths.Samples, "sources", "dpg.json"));
        var options = new ReadOptions { Join = RecordJoin.Load(Path.Combine(Data, "labels.jsonl")).Value, Outlets = new OutletDirectory(sources.Value!) };
        await ChorusServer.IngestAsync(db, ArticleInputReader.ReadFile(Path.Combine(Data, "articles.jsonl"), options));
        await using (var workspace = await ChorusWorkspace.OpenAsync(db))
        {
            var largest = (await workspace.Store.ListStorySummariesAsync()).OrderByDescending(s => s.Articles.Count).ThenBy(s => s.Profile.Id, StringComparer.Ordinal).First();
            LargestStory = largest.Profile.Id;
            LargestStoryArticles = largest.Articles.Count;
        }

        _site = await BrowserSite.StartAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        _folder.Dispose();
    }
}

/// <summary>Skips, saying why, without chromium or without ../shared/data/dpg2019.</summary>
internal sealed class DpgBrowserFactAttribute : FactAttribute
{
    public DpgBrowserFactAttribute()
    {
        if (!DpgSite.Available)
        {
            Skip = $"needs {BrowserFactAttribute.Chromium} and ../shared/data/dpg2019 with labels.jsonl";
        }
    }
}

public sealed class DpgBrowserTests(DpgSite site) : IClassFixture<DpgSite>
{
    private async Task<IPage> OpenAsync(string path, int width)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var response = await page.GotoAsync(site.Base + path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        return page;
    }

    [DpgBrowserFact]
    public async Task TheLargestStory_IsAtMostFourScreensTall_AndEveryClaimConflictAndTimelinePointLinksToASentenceThatExists()
    {
        Assert.True(site.LargestStoryArticles >= 10, $"the largest DPG story has {site.LargestStoryArticles} articles");
        var page = await OpenAsync("/stories/" + site.LargestStory, 1400);
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height <= 4 * 900, $"the page of the largest story is {height}px tall, more than 4 screens of 900px");

        // Every article is listed with its headline and outlet.
        Assert.Equal(site.LargestStoryArticles, await page.Locator(".coverage li").CountAsync());

        // A keyboard user tabs through what is open, not through every sentence of every folded text (526 stops once).
        var stops = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')].filter(e => e.checkVisibility()).length");
        var kinds = await page.EvaluateAsync<string>(
            "(() => { const m = {}; [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')].filter(e => e.checkVisibility()).forEach(e => { const k = e.tagName + '.' + e.className + ' in ' + (e.closest('section,details,div') || {className:'?'}).className; m[k] = (m[k]||0)+1; }); return JSON.stringify(m); })()");
        Assert.True(stops <= 150, $"the page of the largest story has {stops} tab stops: {kinds}");

        var targets = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('.claims a[href^=\"#\"], .conflicts a[href^=\"#\"], svg.timeline a, .timeline a[href^=\"#\"]')].map(a => (a.getAttribute('href') || a.getAttribute('xlink:href') || '').slice(1))");
        Assert.True(targets.Length > 0, "the largest story links no claim, conflict or timeline point to a sentence");
        foreach (var id in targets)
        {
            Assert.True(await page.EvaluateAsync<bool>("id => id !== '' && document.getElementById(id) !== null", id), $"no sentence #{id}");
        }

        // Following a link opens the folded text the sentence is in.
        await page.Locator(".claims a[href^='#']").First.ClickAsync();
        await Assertions.Expect(page.Locator($"[id=\"{targets[0]}\"]")).ToBeVisibleAsync();
    }

    [DpgBrowserFact]
    public async Task NoPage_IsWiderThanAPhone()
    {
        var story = await OpenAsync("/stories/" + site.LargestStory, 1400);
        var article = await story.Locator(".coverage a[href^='/articles/']").First.GetAttributeAsync("href");
        var entity = await story.Locator("a.chip[href^='/entities/']").First.GetAttributeAsync("href");
        await story.CloseAsync();
        foreach (var path in new[] { "/", "/?sort=articles", "/stories/" + site.LargestStory, article!, entity!, "/entities", "/search?q=brexit", "/outlets", "/alerts" })
        {
            var page = await OpenAsync(path, 390);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow}px wider than a 390px screen");
            await page.CloseAsync();
        }
    }
}
