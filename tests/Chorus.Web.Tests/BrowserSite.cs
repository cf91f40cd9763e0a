using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Chorus.Web.Tests;

/// <summary>Kestrel on a free loopback port over one store, and headless Debian chromium driven by Playwright.</summary>
internal sealed class BrowserSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;

    private BrowserSite(WebApplication app, IPlaywright playwright, IBrowser browser)
    {
        _app = app;
        _playwright = playwright;
        Browser = browser;
        Base = app.Urls.First().TrimEnd('/');
    }

    public IBrowser Browser { get; }

    /// <summary>The server's address, without a trailing slash.</summary>
    public string Base { get; }

    public static async Task<BrowserSite> StartAsync(string db, params string[] settings)
    {
        var app = ChorusWebApp.Build([$"--Chorus:Db={db}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFactAttribute.Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new BrowserSite(app, playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
