using System.Globalization;
using System.Net;
using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Fuzzing;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using Chorus.Storage.Search;
using Chorus.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chorus.Cli.Commands;

/// <summary>
/// <c>./chorus fuzz TARGET --inputs N</c>: a mutation-fuzzing campaign against a reader, the analyser, the search
/// query parser or the HTTP server (every endpoint, on loopback), from real seed inputs. Any exception a target lets
/// out is a crash, an input still running after the hang limit a hang, an HTTP answer of 500 or more a crash.
/// </summary>
internal static class FuzzCommand
{
    public static readonly string[] TargetNames = ["text", "jsonl", "html", "feed", "analyzer", "query", "http"];

    public static async Task<int> RunAsync(CliContext ctx, string target, int inputs, int seed, double hangSeconds, string? save, bool json, CancellationToken ct)
    {
        var names = target == "all" ? TargetNames : [target];
        if (names.Any(n => !TargetNames.Contains(n)))
        {
            throw new UsageException($"unknown fuzz target '{target}'; targets are {string.Join(", ", TargetNames)} or all");
        }

        var samples = DemoCommand.FindSamples() ?? throw new UsageException("cannot find the bundled samples/ folder (the seed inputs); run from the repository or set CHORUS_HOME");
        var shared = FindSharedData();
        var articles = FuzzSeeds.Articles(samples, shared);
        var readerTargets = FuzzSeeds.Targets(articles, shared);
        var reports = new List<FuzzReport>();
        var folder = Path.Combine(Path.GetTempPath(), "chorus-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var name in names)
            {
                FuzzReport report;
                if (readerTargets.FirstOrDefault(t => t.Name == name) is { } fuzzTarget)
                {
                    report = MutationFuzzer.Run(fuzzTarget, inputs, seed, TimeSpan.FromSeconds(hangSeconds), save, ct);
                }
                else if (name == "query")
                {
                    await using var workspace = await SampleStoreAsync(Path.Combine(folder, "query.db"), samples, ct).ConfigureAwait(false);
                    report = MutationFuzzer.Run(QueryTarget(workspace), inputs, seed, TimeSpan.FromSeconds(hangSeconds), save, ct);
                }
                else
                {
                    report = await HttpAsync(Path.Combine(folder, "http.db"), samples, inputs, seed, hangSeconds, save, ct).ConfigureAwait(false);
                }

                reports.Add(report);
                if (!json)
                {
                    await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.Target}: {report.Inputs:N0} inputs in {report.Seconds:0.0} s, crashes {report.Crashes}, hangs {report.Hangs}")).ConfigureAwait(false);
                    foreach (var failure in report.Failures)
                    {
                        await ctx.Stdout.WriteLineAsync("  " + failure).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(reports)).ConfigureAwait(false);
        }

        return reports.All(r => r.Crashes == 0 && r.Hangs == 0) ? ExitCodes.Success : ExitCodes.Partial;
    }

    private static string? FindSharedData()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<ChorusWorkspace> SampleStoreAsync(string db, string samples, CancellationToken ct)
    {
        var workspace = await ChorusWorkspace.OpenAsync(db, ct).ConfigureAwait(false);
        var inputs = ArticleInputReader.Expand([samples]).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()));
        await new IngestPipeline(workspace.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), workspace.Index).RunAsync(inputs, null, ct).ConfigureAwait(false);
        return workspace;
    }

    private static FuzzTarget QueryTarget(ChorusWorkspace workspace)
    {
        string[] queries = ["onderzeeërs", "Kim AND trein", "\"Kim Jong-un\" OR Poetin", "trein*", "Sjojgoe~", "Vladivostok -Moskou", "brand NOT haven", "(Kim OR Poetin) AND top", "title:haven"];
        return new FuzzTarget("query", queries.Select(Encoding.UTF8.GetBytes).ToList(), bytes =>
        {
            var query = Encoding.UTF8.GetString(bytes);
            if (SearchQueryParser.Problem(query) is null)
            {
                _ = workspace.Index.SearchAsync(query, 10).GetAwaiter().GetResult();
            }
        }, 2048);
    }

    private static async Task<FuzzReport> HttpAsync(string db, string samples, int inputs, int seed, double hangSeconds, string? save, CancellationToken ct)
    {
        string storyId, articleId;
        await using (var workspace = await SampleStoreAsync(db, samples, ct).ConfigureAwait(false))
        {
            var stories = await workspace.Store.ListStoriesAsync(ct).ConfigureAwait(false);
            var story = stories.OrderByDescending(s => s.Articles.Count).First();
            (storyId, articleId) = (story.Articles[0].StoryId!, story.Articles[0].Id);
        }

        const string Key = "fuzz-key";
        var app = ChorusWebApp.Build([$"--Chorus:Db={db}", "--urls=http://127.0.0.1:0", $"--Chorus:ApiKeys={Key}", "--Chorus:MaxRequestBytes=1048576"], b => b.Logging.ClearProviders());
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            // Inputs are timed against the hang limit from a warm server: the analyser loads once, as the server starts.
            await app.Services.GetRequiredService<Chorus.Web.StoreGate>().WarmUpAnalyzerAsync().WaitAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(hangSeconds * 2) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
            string[] requests =
            [
                "GET /api/stories?q=Kim&page=1&pageSize=5&from=2023-09&lang=nl", "GET /api/stories?entity=Poetin", $"GET /api/stories/{storyId}?why=true",
                "GET /api/search?q=trein&limit=5", "GET /api/entities?limit=5", "GET /api/entities/Sjojgoe", $"GET /api/articles/{articleId}",
                "GET /api/entities/corrections", "GET /api/outlets", "GET /api/alerts?since=2024-01-01&all=true&limit=5", "GET /api/alerts/open", "GET /api/watchlists",
                "GET /api/export/stories?format=csv&since=2023-09", $"GET /api/export/claims?story={storyId}", "GET /alerts", "GET /outlets",
                "POST /api/watchlists\n{\"name\":\"kim\",\"entity\":\"Kim Jong-un\",\"minSources\":2}", "POST /api/alerts/ack\n{\"all\":true}",
                "GET /", "GET /?q=Vladivostok&page=2", $"GET /stories/{storyId}", $"GET /articles/{articleId}", "GET /entities",
                "GET /search?q=onderzee%C3%ABrs", "GET /openapi.json",
                "POST /api/articles\n{\"id\":\"f1\",\"title\":\"Brand\",\"date\":\"2024-03-12\",\"text\":\"Bij een brand in de haven van Rotterdam zijn dinsdag twaalf mensen gewond geraakt.\"}",
                "POST /api/articles\n[{\"text\":\"Een tekst over Utrecht.\",\"date\":\"2024-03-12\"},{\"title\":\"Alleen een kop\"}]",
                $"POST /api/stories/{storyId}/split\n{{\"articles\":[\"{articleId}\"]}}", $"POST /api/stories/{storyId}/merge\n{{\"story\":\"{storyId}\"}}",
                "POST /api/entities/corrections/undo\n{}", "POST /api/stories/corrections/undo\n{\"seq\":1}",
            ];
            var target = new FuzzTarget("http", requests.Select(Encoding.UTF8.GetBytes).ToList(), bytes => Send(client, bytes), 16 * 1024);
            var report = MutationFuzzer.Run(target, inputs, seed, TimeSpan.FromSeconds(hangSeconds), save, ct);
            await app.StopAsync(ct).ConfigureAwait(false);
            return report;
        }
    }

    private static void Send(HttpClient client, byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        var head = Encoding.UTF8.GetString(newline < 0 ? bytes : bytes.AsSpan(0, newline));
        var body = newline < 0 ? null : bytes.AsSpan(newline + 1).ToArray();
        var space = head.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 && head[..space] == "POST" ? HttpMethod.Post : HttpMethod.Get;
        var path = space > 0 ? head[(space + 1)..] : head;
        // What HttpClient itself refuses to send (a malformed URI) never reaches the server: not a finding.
        if (!path.StartsWith('/') || !Uri.TryCreate(client.BaseAddress!, path, out var uri) || uri.Host != client.BaseAddress!.Host || uri.Port != client.BaseAddress.Port)
        {
            return;
        }

        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body ?? []);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(body is { Length: > 0 } && body[0] == (byte)'{' && body.AsSpan().Contains((byte)'\n') ? "application/x-ndjson" : "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = client.Send(request);
        }
        catch (HttpRequestException)
        {
            return;
        }

        using (response)
        {
            var shown = path.Length > 120 ? path[..120] + "…" : path;
            if ((int)response.StatusCode >= 500)
            {
                var answer = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                throw new InvalidOperationException($"{method} {shown} answered {(int)response.StatusCode}: {answer[..Math.Min(300, answer.Length)]}");
            }

            // Kestrel answers a request it cannot parse (a request line too long, a NUL in the target) itself, with an
            // empty body, before Chorus sees it; every answer Chorus gives to an error is a problem document or a page.
            var fromKestrel = response.Content.Headers.ContentLength == 0 && response.Content.Headers.ContentType is null;
            if ((int)response.StatusCode >= 400 && !fromKestrel && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "text/html"))
            {
                throw new InvalidOperationException($"{method} {shown} answered {(int)response.StatusCode} without a problem document");
            }
        }
    }
}
