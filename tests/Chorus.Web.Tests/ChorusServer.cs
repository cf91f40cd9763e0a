using System.Net.Http.Headers;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chorus.Web.Tests;

/// <summary>
/// A test server over its own temporary store, filled before start: the seeds, the sample fixtures and an article
/// whose text tries to inject markup. Every test makes its own, so tests share no state.
/// </summary>
internal sealed class ChorusServer : WebApplicationFactory<Program>
{
    public const string Key = "test-key-123";

    public const string XssText = "Een test met <script>alert('x')</script> en <img src=x onerror=alert('y')> in de tekst van een artikel over Vladivostok.";

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    private ChorusServer(Dictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public string Db => Path.Combine(_folder.Path, "chorus.db");

    public static async Task<ChorusServer> StartAsync(bool withSamples = true, bool isPrivate = false, long? maxRequestBytes = null, string? urls = null)
    {
        var server = new ChorusServer(new Dictionary<string, string?>
        {
            ["Chorus:Private"] = isPrivate ? "true" : "false",
            ["Chorus:ApiKeys"] = Key,
            ["Chorus:MaxRequestBytes"] = maxRequestBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = urls,
        });
        server._settings["Chorus:Db"] = server.Db;
        if (withSamples)
        {
            await IngestAsync(server.Db, SampleInputs("<b>Kop</b> met <script>alert(1)</script>")).ConfigureAwait(false);
        }

        return server;
    }

    /// <summary>The seeds and sample fixtures, plus an article whose text and title try to inject markup.</summary>
    public static IEnumerable<ReadResult> SampleInputs(string xssTitle)
        => ArticleInputReader.Expand([TestPaths.Samples]).Select(e => e.File!).SelectMany(f => ArticleInputReader.ReadFile(f, new ReadOptions()))
            .Append(ReadResult.Ok(new RawArticle { Ref = "xss", Text = XssText, Title = xssTitle, Source = "Testkrant", Lang = "nl" }));

    public static async Task IngestAsync(string db, IEnumerable<ReadResult> inputs)
    {
        await using var workspace = await ChorusWorkspace.OpenSqliteAsync(db).ConfigureAwait(false);
        await new IngestPipeline(workspace.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), workspace.Index).RunAsync(inputs).ConfigureAwait(false);
    }

    public HttpClient Client(bool withKey = false)
    {
        var client = CreateClient();
        if (withKey)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
