using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Time;
using Chorus.Storage;

namespace Chorus.Cli.Commands;

/// <summary>
/// End-to-end ingest throughput: each run ingests the same input into a fresh temporary store (SQLite, search
/// index, clustering, everything), after one untimed warm-up run. The median is the figure to quote.
/// </summary>
internal static class BenchCommand
{
    /// <summary>
    /// Collections by the oldest generation they collected: a gen1 collection collects gen0 too, and the runtime counts it
    /// under both. Which generation the collections reach says what survives (a gen1 collection copies what outlived a gen0 one).
    /// </summary>
    internal readonly record struct GcCollections(int Gen0, int Gen1, int Gen2)
    {
        public static GcCollections SoFar() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        /// <summary>The collections between <paramref name="start"/> and these counts, each under the oldest generation it reached.</summary>
        public GcCollections Since(GcCollections start)
        {
            var (all, oneOrTwo, two) = (Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2);
            return new(all - oneOrTwo, oneOrTwo - two, two);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"collections gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}");
    }

    /// <summary>
    /// The GC's young-generation budget the process runs with, as figures must say: DOTNET_GCgen0size (the ./chorus
    /// launcher sets 128 MB unless the caller set one), else the runtime's default (about the CPU cache's size).
    /// </summary>
    internal static string Gen0Budget => Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } set ? "DOTNET_GCgen0size=" + set : "runtime default";

    public static async Task<int> IngestAsync(CliContext ctx, string input, int runs, int warmup, IReadOnlyList<string> skipStages, bool json, CancellationToken ct, string? postgres = null, bool baseline = false)
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

        var kept = full.Stages.Where(s => !skipStages.Contains(s.Name)).ToList();
        if (ArticleAnalyzer.Problem(kept) is { } problem)
        {
            throw new UsageException($"--skip-stages {string.Join(',', skipStages)}: {problem}");
        }

        var analyzer = new ArticleAnalyzer(kept);
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw new UsageException($"{input}: no such file or folder");
        }

        runs = Math.Max(1, runs);
        warmup = Math.Max(0, warmup);
        var quiet = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false);
        var results = new List<(int Articles, double Seconds, double CpuSeconds, double GcPauseSeconds, long AllocatedBytes, double SerialSeconds, GcCollections Collections)>();
        (double Cpu, double SerialCpu, double SerialWall, long SerialAllocated) isolated = default;
        // Milliseconds per article of each part of the serial part, in the isolated run.
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        // After the timed runs, one more with the serial part run alone: the process's CPU time while it holds the
        // serial part is then that part's own, which the timed runs cannot tell apart from analysis beside it.
        for (var run = 1 - warmup; run <= runs + 1; run++)
        {
            var isolate = run == runs + 1;
            var dir = Path.Combine(Path.GetTempPath(), "chorus-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                // CPU time and GC pauses of the whole process: ingest is most of what it does while a run lasts.
                var cpu = Environment.CpuUsage.TotalTime;
                var pause = GC.GetTotalPauseDuration();
                var allocated = GC.GetTotalAllocatedBytes();
                var collections = GcCollections.SoFar();
                var sw = Stopwatch.StartNew();
                IngestReport report;
                await using (var workspace = await ChorusWorkspace.OpenAsync(await BenchStoreAsync(dir, postgres, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
                {
                    report = await IngestCommand.IngestAsync(quiet, workspace, [input], new ReadOptions(), ct, new IngestCommand.Settings(analyzer, linkEntities, IsolateSerialPart: isolate)).ConfigureAwait(false);
                }

                sw.Stop();
                var stored = report.Ingested;
                (int Articles, double Seconds, double CpuSeconds, double GcPauseSeconds, long AllocatedBytes, double SerialSeconds, GcCollections Collections) result = (stored, sw.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds, (GC.GetTotalPauseDuration() - pause).TotalSeconds, GC.GetTotalAllocatedBytes() - allocated, report.SerialTime.TotalSeconds, GcCollections.SoFar().Since(collections));
                if (isolate)
                {
                    isolated = (result.CpuSeconds, report.SerialCpuTime.TotalSeconds, report.SerialTime.TotalSeconds, report.SerialAllocatedBytes);
                    foreach (var (part, ms) in ContractMapper.SerialPartsPerArticle(report))
                    {
                        parts[part] = ms;
                    }
                    if (!json)
                    {
                        await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"serial part run alone: CPU {isolated.SerialCpu:0.00} s of {isolated.Cpu:0.00} s = {100 * isolated.SerialCpu / isolated.Cpu:0.0}% ({1000 * isolated.SerialCpu / stored:0.00} ms and {isolated.SerialAllocated / 1024.0 / stored:0} KB allocated per article); lock held {isolated.SerialWall:0.00} s = {100 * isolated.SerialWall / isolated.Cpu:0.0}% of CPU")).ConfigureAwait(false);
                        await ctx.Stderr.WriteLineAsync("  its parts, ms per article (linking runs beside the writer; the writer waits for it in linkWait): "
                            + string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}")))).ConfigureAwait(false);
                    }
                }
                else if (run > 0)
                {
                    results.Add(result);
                }

                if (!json && !isolate)
                {
                    var label = run > 0 ? $"run {run}" : "warm-up";
                    await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{label}: {stored} articles in {result.Seconds:0.000} s = {stored / result.Seconds:0} articles/s; CPU {result.CpuSeconds:0.00} s, GC pauses {result.GcPauseSeconds:0.00} s ({result.Collections}), {result.AllocatedBytes / 1e6:0} MB allocated; serial part {result.SerialSeconds:0.00} s wall")).ConfigureAwait(false);
                }
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }

                if (postgres is not null)
                {
                    await DropBenchStoreAsync(dir, postgres).ConfigureAwait(false);
                }
            }
        }

        var rates = results.Select(r => r.Articles / r.Seconds).Order().ToList();
        var median = Median(rates);
        // The tokeniser alone over the same texts, in the same process, right after: the ratio is what the issue's
        // bar compares, and side by side it survives the machine's noise better than either rate.
        var tokeniser = baseline ? TokeniserBaseline.Measure(input, runs) : null;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                input,
                runs,
                warmup,
                skippedStages = skipStages,
                articles = results[0].Articles,
                secondsPerRun = results.Select(r => Math.Round(r.Seconds, 3)).ToList(),
                cpuSecondsPerRun = results.Select(r => Math.Round(r.CpuSeconds, 3)).ToList(),
                gcPauseSecondsPerRun = results.Select(r => Math.Round(r.GcPauseSeconds, 3)).ToList(),
                gcCollectionsPerRun = results.Select(r => new { gen0 = r.Collections.Gen0, gen1 = r.Collections.Gen1, gen2 = r.Collections.Gen2 }).ToList(),
                allocatedBytesPerRun = results.Select(r => r.AllocatedBytes).ToList(),
                serialSecondsPerRun = results.Select(r => Math.Round(r.SerialSeconds, 3)).ToList(),
                serialCpuSeconds = Math.Round(isolated.SerialCpu, 3),
                serialCpuShare = Math.Round(isolated.SerialCpu / isolated.Cpu, 4),
                serialWallSeconds = Math.Round(isolated.SerialWall, 3),
                serialAllocatedBytes = isolated.SerialAllocated,
                serialWallShare = Math.Round(isolated.SerialWall / isolated.Cpu, 4),
                serialPartsMsPerArticle = parts,
                store = postgres is null ? "sqlite" : "postgresql",
                medianArticlesPerSecond = Math.Round(median, 1),
                gcGen0Size = Gen0Budget,
                minArticlesPerSecond = Math.Round(rates[0], 1),
                maxArticlesPerSecond = Math.Round(rates[^1], 1),
                processors = Environment.ProcessorCount,
                tokeniserArticlesPerSecond = tokeniser is null ? (double?)null : Math.Round(tokeniser.ArticlesPerSecond, 1),
                tokeniserSingleThreadArticlesPerSecond = tokeniser is null ? (double?)null : Math.Round(tokeniser.SingleThreadArticlesPerSecond, 1),
                ratioToTokeniser = tokeniser is null ? (double?)null : Math.Round(tokeniser.ArticlesPerSecond / median, 2),
            })).ConfigureAwait(false);
        }
        else
        {
            await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{input}: {results[0].Articles} articles; median {median:0} articles/s over {runs} runs (min {rates[0]:0}, max {rates[^1]:0}); {Environment.ProcessorCount} cores; GC gen0 budget {Gen0Budget}")).ConfigureAwait(false);
            if (tokeniser is not null)
            {
                await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"tokeniser alone (Lucene.NET DutchAnalyzer, same {tokeniser.Articles} texts, all cores): median {tokeniser.ArticlesPerSecond:0} articles/s ({tokeniser.SingleThreadArticlesPerSecond:0} on one thread); ingest takes {tokeniser.ArticlesPerSecond / median:0.0}x its time")).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    private static readonly string[] PreparationSteps = ["features", "signature", "layers"];

    /// <summary>The median (of an even count, the mean of the middle two); 0 for none.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // A fresh store per run: a SQLite file in the run's folder, or a new database on the PostgreSQL server named,
    // dropped again when the run is done.
    internal static async Task<string> BenchStoreAsync(string dir, string? postgres, CancellationToken ct)
    {
        if (postgres is null)
        {
            return Path.Combine(dir, "bench.db");
        }

        var server = Chorus.Storage.Postgres.PostgresLocation.Parse(postgres);
        if (!server.Success)
        {
            throw new UsageException("--postgres: " + server.Error);
        }

        var database = "chorus_bench_" + Path.GetFileName(dir).Replace("chorus-bench-", string.Empty, StringComparison.Ordinal)[..12];
        await AdminAsync(server.Value!.ConnectionString, "CREATE DATABASE " + database, ct).ConfigureAwait(false);
        return new Npgsql.NpgsqlConnectionStringBuilder(server.Value.ConnectionString) { Database = database }.ConnectionString;
    }

    internal static async Task DropBenchStoreAsync(string dir, string postgres)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var database = "chorus_bench_" + Path.GetFileName(dir).Replace("chorus-bench-", string.Empty, StringComparison.Ordinal)[..12];
        await AdminAsync(Chorus.Storage.Postgres.PostgresLocation.Parse(postgres).Value!.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task AdminAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var admin = new Npgsql.NpgsqlConnection(connectionString);
        await admin.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = admin.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The clusterer alone on a synthetic stream of <paramref name="articles"/> articles, <paramref name="perDay"/> a
    /// day. Each synthetic article recombines two real articles' features (most terms of one, a quarter of another's)
    /// and carries a generation tag on its terms that changes every 20 days, so events end and their stories leave
    /// the time window as they would in a real archive. Stories older than the window are evicted once a simulated
    /// day, as ingest does. Only Assign and Evict are timed; the figure to compare is the time per article at 10,000
    /// and at 1,000,000 articles, with the peak memory.
    /// </summary>
    public static async Task<int> ClustersAsync(CliContext ctx, string input, int articles, int perDay, bool json, CancellationToken ct)
    {
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw new UsageException($"{input}: no such file or folder");
        }

        var analyzer = ArticleAnalyzer.CreateDefault();
        var pool = ArticleInputReader.Expand([input]).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()))
            .Where(r => r.Article is { HeadlineOnly: false }).Select(r => ArticleFeatures.From(analyzer.Analyze(r.Article!))).ToList();
        if (pool.Count < 2)
        {
            throw new UsageException($"{input}: needs at least two articles to recombine");
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in pool)
        {
            foreach (var key in f.Terms.Keys.Concat(f.Names.Keys.Select(TermStatistics.NameKey)))
            {
                df[key] = df.GetValueOrDefault(key) + 1;
            }
        }

        var options = new ClusteringOptions();
        var clusterer = new StoryClusterer(options, new TermStatistics(df, pool.Count));
        var random = new Random(20231);
        var start = new DateOnly(2020, 1, 1);
        var timed = new Stopwatch();
        var opened = 0;
        var maxLoaded = 0;
        var lastDay = -1;
        long peakManaged = 0;
        long allocated = 0;
        // Every decision of the run (each article's story and score, each merge), hashed: a change meant to make the
        // clusterer faster must leave it as it was.
        using var decisions = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Record(string decision) => decisions.AppendData(System.Text.Encoding.UTF8.GetBytes(decision + "\n"));
        for (var k = 0; k < articles; k++)
        {
            ct.ThrowIfCancellationRequested();
            var day = k / Math.Max(1, perDay);
            var generation = (day / 20).ToString(CultureInfo.InvariantCulture);
            var (a, b) = (pool[random.Next(pool.Count)], pool[random.Next(pool.Count)]);
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var (key, w) in a.Terms)
            {
                terms[key + "~" + generation] = w;
            }

            foreach (var (key, w) in b.Terms.Where((_, i) => i % 4 == 0))
            {
                terms[key + "~" + generation] = terms.GetValueOrDefault(key + "~" + generation) + w;
            }

            var names = a.Names.ToDictionary(n => n.Key + "~" + generation, n => n.Value, StringComparer.Ordinal);
            var features = new ArticleFeatures(terms, names, PartialDate.OfDay(start.AddDays(day)));

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            timed.Start();
            IReadOnlyList<(string Absorbed, string Survivor)> merges = [];
            if (day != lastDay)
            {
                // Once a day, as ingest does per batch: compare the day's one-article stories again, forget stories out
                // of the window, hand pending counts to the store.
                merges = clusterer.Settle();
                clusterer.Evict(start.AddDays(day - options.WindowDays));
                clusterer.Statistics.TakePending();
                lastDay = day;
            }

            var assignment = clusterer.Assign(features, "s" + k.ToString(CultureInfo.InvariantCulture), "synthetic", false);
            clusterer.TakeDirty();
            timed.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            // Recorded outside the timed and counted stretch: the digest costs the clusterer nothing.
            foreach (var (absorbed, survivor) in merges)
            {
                Record(absorbed + ">" + survivor);
            }

            Record(string.Create(CultureInfo.InvariantCulture, $"{assignment.StoryId} {assignment.Score:R} {string.Join(',', assignment.MergedStories)}"));
            opened += assignment.OpenedStory ? 1 : 0;
            maxLoaded = Math.Max(maxLoaded, clusterer.LoadedStories);
            if (k % 10_000 == 0)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            }
        }

        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        var perArticleUs = timed.Elapsed.TotalMilliseconds * 1000 / articles;
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        var digest = Convert.ToHexStringLower(decisions.GetHashAndReset())[..16];
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { articles, perDay, days = (articles / perDay) + 1, storiesOpened = opened, maxStoriesInMemory = maxLoaded, microsecondsPerArticle = Math.Round(perArticleUs, 1), allocatedBytesPerArticle = allocated / articles, peakManagedBytes = peakManaged, peakWorkingSetBytes = peakWorkingSet, decisionsDigest = digest })).ConfigureAwait(false);
        }
        else
        {
            await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{articles:N0} articles over {(articles / perDay) + 1} days ({perDay}/day): {perArticleUs:0.0} µs and {allocated / articles / 1024.0:0.0} KB allocated per article (Assign, Settle, Evict), {opened:N0} stories opened, at most {maxLoaded:N0} stories in memory; peak managed heap {peakManaged / 1048576.0:0} MB, peak working set {peakWorkingSet / 1048576.0:0} MB; decisions digest {digest}")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Analysis time per stage for each article of the given files (one warm-up, then the median of the runs), with the
    /// time per 10 KB, so that growth faster than length shows as a rising figure.
    /// </summary>
    public static async Task<int> AnalysisAsync(CliContext ctx, IReadOnlyList<string> files, int runs, bool json, CancellationToken ct)
    {
        var analyzer = ArticleAnalyzer.CreateDefault();
        // The analysis stages, then what ingest's analysis workers do with their result before the serial part
        // (ArticlePreparer): the clustering features, the near-copy signature and the encoded layers.
        var steps = analyzer.Stages.Select(s => s.Name).Concat(PreparationSteps).ToList();
        var rows = new List<object>();
        // Over all articles: each step's median time and its allocation (the same on every run), summed.
        var sumMs = steps.ToDictionary(s => s, _ => 0.0, StringComparer.Ordinal);
        var sumBytes = steps.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        var articles = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            foreach (var article in ArticleInputReader.ReadFile(file, new ReadOptions { MaxDocumentBytes = 64L * 1024 * 1024 }).Select(r => r.Article).OfType<RawArticle>())
            {
                var perStage = steps.ToDictionary(s => s, _ => new List<double>(), StringComparer.Ordinal);
                var allocated = steps.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
                var totals = new List<double>();
                for (var run = 0; run <= runs; run++)
                {
                    ct.ThrowIfCancellationRequested();
                    var doc = new AnalysisDocument(article);
                    var total = 0.0;
                    AnalyzedArticle? analyzed = null;
                    foreach (var step in steps)
                    {
                        // Steps run on this thread, so the thread's allocation counter is the step's.
                        var bytes = GC.GetAllocatedBytesForCurrentThread();
                        var sw = Stopwatch.StartNew();
                        Run(step, doc, ref analyzed);
                        var ms = sw.Elapsed.TotalMilliseconds;
                        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                        total += ms;
                        if (run > 0)
                        {
                            perStage[step].Add(ms);
                            allocated[step] = bytes;
                        }
                    }

                    if (run > 0)
                    {
                        totals.Add(total);
                    }
                }

                void Run(string step, AnalysisDocument doc, ref AnalyzedArticle? analyzed)
                {
                    switch (step)
                    {
                        case "features":
                            analyzed = doc.ToArticle();
                            GC.KeepAlive(ArticleFeatures.From(analyzed));
                            break;
                        case "signature":
                            GC.KeepAlive(MinHasher.Signature(analyzed!));
                            break;
                        case "layers":
                            GC.KeepAlive(AnalysisCodec.Encode(analyzed!));
                            break;
                        default:
                            ArticleAnalyzer.Apply(analyzer.Stages.First(s => s.Name == step), doc);
                            break;
                    }
                }

                var chars = article.Text.Length;
                var median = Median(totals);
                var stages = perStage.ToDictionary(p => p.Key, p => Math.Round(Median(p.Value), 2), StringComparer.Ordinal);
                articles++;
                foreach (var (name, values) in perStage)
                {
                    sumMs[name] += Median(values);
                    sumBytes[name] += allocated[name];
                }

                rows.Add(new { file, chars, totalMs = Math.Round(median, 1), msPer10KB = Math.Round(median / Math.Max(1, chars) * 10_000, 2), stages, allocatedBytes = allocated });
                if (!json)
                {
                    await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{file}: {chars:N0} chars, {median:0.0} ms ({median / Math.Max(1, chars) * 10_000:0.00} ms per 10 KB); ") + string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.0}")))).ConfigureAwait(false);
                }
            }
        }

        var perArticle = steps.Select(st => (Name: st, Ms: sumMs[st] / Math.Max(1, articles), Kb: sumBytes[st] / 1024.0 / Math.Max(1, articles))).ToList();
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                articles = rows,
                perArticle = perArticle.Select(p => new { stage = p.Name, ms = Math.Round(p.Ms, 3), kilobytes = Math.Round(p.Kb, 1) }).ToList(),
            })).ConfigureAwait(false);
        }
        else
        {
            await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"per article, mean over {articles}: {perArticle.Sum(p => p.Ms):0.00} ms, {perArticle.Sum(p => p.Kb):0} KB allocated")).ConfigureAwait(false);
            foreach (var (name, ms, kb) in perArticle)
            {
                await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-14} {ms,8:0.000} ms {kb,9:0.0} KB")).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
