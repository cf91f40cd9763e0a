using System.Net.Http.Headers;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Time;
using Chorus.Storage;
using Chorus.Storage.Tests;
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

    private readonly StoreHost _host;
    private readonly Dictionary<string, string?> _settings;

    private ChorusServer(StoreHost host, Dictionary<string, string?> settings)
    {
        _host = host;
        _settings = settings;
    }

    /// <summary>The server's store: a SQLite file in a temp folder, or a fresh PostgreSQL database.</summary>
    public string Db { get; private set; } = string.Empty;

    /// <param name="sameStoreAs">Another server whose store this one opens too (as a second server of a team would).</param>
    public static async Task<ChorusServer> StartAsync(bool withSamples = true, bool isPrivate = false, long? maxRequestBytes = null, string? urls = null, bool postgres = false, ChorusServer? sameStoreAs = null, bool prepareDocuments = false)
    {
        var server = new ChorusServer(sameStoreAs is not null ? new BorrowedStore(sameStoreAs.Db) : postgres ? new PostgresHost() : new SqliteHost(), new Dictionary<string, string?>
        {
            ["Chorus:Private"] = isPrivate ? "true" : "false",
            ["Chorus:ApiKeys"] = Key,
            ["Chorus:MaxRequestBytes"] = maxRequestBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = urls,
            ["Chorus:PrepareDocuments"] = prepareDocuments ? "true" : "false",
        });
        server.Db = await server._host.DbAsync("chorus.db").ConfigureAwait(false);
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

    /// <summary>
    /// Seven reports of one invented event by seven invented outlets, each worded its own way: a story big enough for
    /// the claims-first view of the story page.
    /// </summary>
    public static IEnumerable<ReadResult> BigStoryInputs()
    {
        string[] outlets = ["Zwolse Courant", "Dagblad Oost", "Vechtdal Nieuws", "IJsselpost", "Regio Express", "Salland Vandaag", "Hanzebode"];
        string[] texts =
        [
            "Bij een grote brand in een meubelfabriek in Zwolle is dinsdagnacht een medewerker gewond geraakt. Ongeveer 80 brandweerlieden bestreden het vuur. De rook trok over de A28, die urenlang dicht was. Burgemeester Peter Snijders bezocht woensdagochtend de fabriek. De oorzaak van de brand is nog onbekend.",
            "Een meubelfabriek in Zwolle is dinsdagnacht door een grote brand verwoest. Een medewerker raakte gewond en werd naar het ziekenhuis gebracht. Tachtig brandweerlieden waren de hele nacht bezig. De A28 werd afgesloten vanwege de rook. Het bedrijf heeft 120 mensen in dienst.",
            "In Zwolle heeft dinsdagnacht een zeer grote brand gewoed in een meubelfabriek. De brandweer zette ongeveer 80 mensen in. Omwonenden kregen een NL-Alert vanwege de rook. Hoe de brand ontstond, wordt onderzocht.",
            "De brand in de Zwolse meubelfabriek heeft dinsdagnacht grote schade aangericht. Eén medewerker is gewond geraakt. Door de rook moest de A28 urenlang dicht. De fabriek bestaat sinds 1962.",
            "Burgemeester Peter Snijders van Zwolle heeft woensdagochtend de afgebrande meubelfabriek bezocht. Bij de brand in de nacht van dinsdag raakte een medewerker gewond. De burgemeester sprak met het personeel. Hij noemde de brand een drama voor de stad.",
            "De politie onderzoekt de oorzaak van de grote brand in een meubelfabriek in Zwolle. De brand brak dinsdagnacht uit. Een medewerker liep brandwonden op. Volgens de politie zijn er geen aanwijzingen voor brandstichting.",
            "Een medewerker van een meubelfabriek in Zwolle is dinsdagnacht gewond geraakt bij een grote brand. Ongeveer tachtig brandweerlieden rukten uit. Vrachtwagens op de A28 stonden urenlang stil. De vakbond wil weten of de veiligheid in orde was.",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            yield return ReadResult.Ok(new RawArticle
            {
                Ref = "zwolle-brand-" + i,
                Text = texts[i],
                Title = "Brand in meubelfabriek Zwolle (" + outlets[i] + ")",
                Source = outlets[i],
                Lang = "nl",
                Date = PartialDate.Parse("2024-06-12").Value,
                Url = "https://example.org/zwolle/" + i,
            });
        }
    }

    public static async Task IngestAsync(string db, IEnumerable<ReadResult> inputs)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(db).ConfigureAwait(false);
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
            // Dispose(bool) is where WebApplicationFactory's own DisposeAsync ends too; the store goes after the host.
            _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // The store of another server: opened, never made or dropped here.
    private sealed class BorrowedStore(string db) : StoreHost
    {
        public override Task<string> DbAsync(string name = "c.db") => Task.FromResult(db);

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
