using System.Diagnostics;
using System.Globalization;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Storage;

namespace Chorus.Cli.Commands;

/// <summary>
/// End-to-end ingest throughput: each run ingests the same input into a fresh temporary store (SQLite, search
/// index, clustering, everything), after one untimed warm-up run. The median is the figure to quote.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> IngestAsync(CliContext ctx, string input, int runs, IReadOnlyList<string> skipStages, bool json, CancellationToken ct)
    {
        // Leaving stages out measures what they cost end to end: compare the medians with and without them.
        var full = ArticleAnalyzer.CreateDefault();
        // "entity-linking" is the cross-article resolver in the writer, not an analysis stage.
        var linkEntities = !skipStages.Contains("entity-linking");
        var unknown = skipStages.Where(s => s != "entity-linking" && full.Stages.All(st => st.Name != s)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown stage(s) {string.Join(", ", unknown)}; stages are {string.Join(", ", full.Stages.Select(s => s.Name))}");
        }

        var analyzer = new ArticleAnalyzer(full.Stages.Where(s => !skipStages.Contains(s.Name)).ToList());
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw new UsageException($"{input}: no such file or folder");
        }

        runs = Math.Max(1, runs);
        var quiet = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false);
        var results = new List<(int Articles, double Seconds)>();
        for (var run = 0; run <= runs; run++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "chorus-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                var sw = Stopwatch.StartNew();
                int stored;
                await using (var workspace = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(dir, "bench.db"), ct).ConfigureAwait(false))
                {
                    stored = (await IngestCommand.IngestAsync(quiet, workspace, [input], new ReadOptions(), ct, analyzer, linkEntities).ConfigureAwait(false)).Ingested;
                }

                sw.Stop();
                if (run > 0)
                {
                    results.Add((stored, sw.Elapsed.TotalSeconds));
                    if (!json)
                    {
                        await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: {stored} articles in {sw.Elapsed.TotalSeconds:0.000} s = {stored / sw.Elapsed.TotalSeconds:0} articles/s")).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        var rates = results.Select(r => r.Articles / r.Seconds).Order().ToList();
        var median = rates.Count % 2 == 1 ? rates[rates.Count / 2] : (rates[(rates.Count / 2) - 1] + rates[rates.Count / 2]) / 2;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                input,
                runs,
                skippedStages = skipStages,
                articles = results[0].Articles,
                secondsPerRun = results.Select(r => Math.Round(r.Seconds, 3)).ToList(),
                medianArticlesPerSecond = Math.Round(median, 1),
                minArticlesPerSecond = Math.Round(rates[0], 1),
                maxArticlesPerSecond = Math.Round(rates[^1], 1),
                processors = Environment.ProcessorCount,
            })).ConfigureAwait(false);
        }
        else
        {
            await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{input}: {results[0].Articles} articles; median {median:0} articles/s over {runs} runs (min {rates[0]:0}, max {rates[^1]:0}); {Environment.ProcessorCount} cores")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
