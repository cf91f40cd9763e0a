using System.Diagnostics;
using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Storage;
using Chorus.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chorus.Cli.Commands;

/// <summary>
/// Story pages of an existing store (the DPG store, say), one request at a time so the figure is the server's time per
/// page, not queueing: every story with two or more articles, HTML page and JSON document, after one untimed pass.
/// Reported as p50/p95/p99/max, with the largest story's own time, since big stories are the slow ones. With --cold the
/// server keeps no built story: each request builds it from the stored layers, the cost of a first visit.
/// </summary>
internal static class BenchPagesCommand
{
    public static async Task<int> RunAsync(CliContext ctx, string db, int runs, bool cold, bool json, CancellationToken ct)
    {
        List<(string Id, int Articles)> stories;
        await using (var workspace = await ChorusWorkspace.OpenAsync(db, ct).ConfigureAwait(false))
        {
            stories = (await workspace.Store.ListStorySummariesAsync(ct).ConfigureAwait(false))
                .Where(s => s.Articles.Count >= 2)
                .Select(s => (s.Profile.Id, s.Articles.Count))
                .OrderByDescending(s => s.Count)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
        }

        if (stories.Count == 0)
        {
            throw new UsageException($"{db}: no story with two or more articles to time; ingest a corpus first");
        }

        string[] args = [$"--Chorus:Db={db}", "--urls=http://127.0.0.1:0", .. cold ? ["--Chorus:StoryDocuments=0", "--Chorus:KeptDocuments=false"] : Array.Empty<string>()];
        var app = ChorusWebApp.Build(args, b => b.Logging.ClearProviders());
        var results = new List<object>();
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            foreach (var (name, prefix) in new[] { ("story page (HTML)", "/stories/"), ("story (JSON)", "/api/stories/") })
            {
                var latencies = new List<double>();
                var largest = new List<double>();
                for (var run = 0; run <= runs; run++)
                {
                    foreach (var (id, _) in stories)
                    {
                        var sw = Stopwatch.StartNew();
                        using var response = await http.GetAsync(new Uri(prefix + Uri.EscapeDataString(id), UriKind.Relative), ct).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                        var ms = sw.Elapsed.TotalMilliseconds;
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new InvalidOperationException($"{prefix}{id} answered {(int)response.StatusCode}");
                        }

                        // Run 0 is the untimed pass: the JIT and the store's caches settle.
                        if (run > 0)
                        {
                            latencies.Add(ms);
                            if (id == stories[0].Id)
                            {
                                largest.Add(ms);
                            }
                        }
                    }
                }

                latencies.Sort();
                largest.Sort();
                var (p50, p95, p99, max) = (Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
                var big = Percentile(largest, 0.50);
                if (!json)
                {
                    await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-18} {latencies.Count,5} requests  p50 {p50,6:0.0} ms  p95 {p95,6:0.0} ms  p99 {p99,6:0.0} ms  max {max,6:0.0} ms  largest story ({stories[0].Articles} articles) median {big,6:0.0} ms")).ConfigureAwait(false);
                }

                results.Add(new { read = name, requests = latencies.Count, p50Ms = Math.Round(p50, 2), p95Ms = Math.Round(p95, 2), p99Ms = Math.Round(p99, 2), maxMs = Math.Round(max, 2), largestStoryMedianMs = Math.Round(big, 2) });
            }

            await app.StopAsync(ct).ConfigureAwait(false);
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { stories = stories.Count, cold, largestStory = stories[0].Id, largestStoryArticles = stories[0].Articles, runs, processors = Environment.ProcessorCount, results })).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
