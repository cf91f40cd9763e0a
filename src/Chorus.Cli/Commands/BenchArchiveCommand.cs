using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Time;
using Chorus.Storage;
using Chorus.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chorus.Cli.Commands;

/// <summary>
/// The read side at archive scale. For each size it builds a store of that many articles quickly: real articles
/// (from FILE) analysed once, then written again and again, through the store's batch API, as new articles of
/// invented outlets and days, grouped 1 to 8 to a story, with their annotation layers and entity occurrences. Then it
/// serves the store on loopback and measures, with concurrent clients, p50 and p99 of each read a user makes. Sizes
/// run one after the other in one process, so their ratios compare like with like.
/// </summary>
internal static partial class BenchArchiveCommand
{
    private const int PoolSize = 300;
    private const int BatchArticles = 2000;

    /// <param name="keep">A folder to keep each SQLite archive in (as SIZE.db), instead of deleting it after its reads.</param>
    public static async Task<int> RunAsync(CliContext ctx, string input, IReadOnlyList<int> sizes, int clients, int requests, string? postgres, bool json, CancellationToken ct, string? keep = null, bool prepare = true)
    {
        if (!File.Exists(input))
        {
            throw new UsageException($"{input}: no such file (give real articles to build the archive from, e.g. the DPG JSONL)");
        }

        if (keep is not null && postgres is not null)
        {
            throw new UsageException("--keep keeps SQLite archives; a PostgreSQL one is dropped after its reads");
        }

        var pool = Pool(input);
        await ctx.Stderr.WriteLineAsync($"analysed {pool.Articles.Count} articles to build from").ConfigureAwait(false);
        // Words for "new word", each asked for once; too few, and the read says it comes round to words asked before.
        var freshWords = FreshWords(pool.Articles);
        // The two new-word reads ask for words of their own, untimed pass included.
        var newWords = 2 * (WarmUpRequests + (clients * requests));
        if (freshWords.Count < newWords)
        {
            await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"only {freshWords.Count} words for the two \"new word\" reads, which ask for {newWords}: some are asked again and may be answered from kept lists")).ConfigureAwait(false);
        }

        var results = new List<object>();
        var startUps = new List<object>();
        var timingsBySize = new Dictionary<int, List<(string Name, double P50, double P99, int TimedOut)>>();
        foreach (var size in sizes)
        {
            var dir = Path.Combine(Path.GetTempPath(), "chorus-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var db = keep is null
                    ? await BenchCommand.BenchStoreAsync(dir, postgres, ct).ConfigureAwait(false)
                    : Path.Combine(Directory.CreateDirectory(keep).FullName, size.ToString(CultureInfo.InvariantCulture) + ".db");
                // An archive already kept is measured again as it is, never rebuilt or overwritten: building 1M articles
                // takes half an hour, and a change to the read side is measured on the same archive as before it.
                var reuse = keep is not null && File.Exists(db);
                var build = Stopwatch.StartNew();
                var sample = await BuildAsync(db, pool, size, write: !reuse, ct).ConfigureAwait(false);
                await ctx.Stderr.WriteLineAsync(reuse
                    ? string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: measuring the archive kept at {db}")
                    : string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: built in {build.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
                if (prepare)
                {
                    // Story documents are built after ingest (./chorus prepare, or a server in the background) and read
                    // by the story page; --no-prepare measures the page built on each first visit instead.
                    var preparing = Stopwatch.StartNew();
                    var workspace = await ChorusWorkspace.OpenAsync(db, ct).ConfigureAwait(false);
                    await using (workspace.ConfigureAwait(false))
                    {
                        var prepared = await PrepareCommand.PrepareAsync(workspace, Environment.ProcessorCount, 0, null, ct).ConfigureAwait(false);
                        await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: {prepared.Kept:N0} story documents prepared in {preparing.Elapsed.TotalSeconds:0.0} s ({Environment.ProcessorCount} workers; {prepared.NotKept + prepared.Failed} not kept)")).ConfigureAwait(false);
                    }
                }

                var (timings, warmSeconds) = await MeasureAsync(db, sample, freshWords, clients, requests, prepare, ct).ConfigureAwait(false);
                if (size == sizes[0] && sizes.Count > 1)
                {
                    // The process's first server is measured again, on a new server, and its first pass dropped: the
                    // JIT's tiers keep settling through the process's first minutes of reads (the read's own warm-up and
                    // the wait for JIT quiet below notwithstanding), so the size measured first ran slower whichever
                    // it was (page 1 2.2× slower at 10k measured before 1M than after it; with tiered compilation off,
                    // DOTNET_TieredCompilation=0, the difference went away).
                    await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: measured first, so measured again on a new server (the JIT settles through the process's first reads); the first pass dropped")).ConfigureAwait(false);
                    (timings, warmSeconds) = await MeasureAsync(db, sample, freshWords, clients, requests, prepare, ct).ConfigureAwait(false);
                }
                await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: the server's reads warm {warmSeconds:0.0} s after its start (story membership, champion lists); timed after")).ConfigureAwait(false);
                startUps.Add(new { articles = size, readsWarmSeconds = Math.Round(warmSeconds, 2) });
                timingsBySize[size] = timings;
                foreach (var (name, p50, p99, timedOut) in timings)
                {
                    var cut = timedOut == 0 ? string.Empty : $"  {timedOut} cut by the request time limit (503)";
                    if (!json)
                    {
                        await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size,10:N0}  {name,-30} p50 {p50,7:0.0} ms  p99 {p99,7:0.0} ms{cut}")).ConfigureAwait(false);
                    }

                    results.Add(new { articles = size, read = name, p50Ms = Math.Round(p50, 2), p99Ms = Math.Round(p99, 2), timedOut });
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
                    await BenchCommand.DropBenchStoreAsync(dir, postgres).ConfigureAwait(false);
                }
            }
        }

        // Side by side: how much slower each read is at the largest size than at the smallest (issue bars are set on it).
        var ratios = new List<object>();
        if (timingsBySize.Count >= 2)
        {
            var (smallest, largest) = (timingsBySize.MinBy(t => t.Key), timingsBySize.MaxBy(t => t.Key));
            foreach (var (name, p50, p99, _) in largest.Value)
            {
                if (smallest.Value.FirstOrDefault(t => t.Name == name) is not { Name: not null } small || small.P50 <= 0 || small.P99 <= 0)
                {
                    continue;
                }

                var (p50Ratio, p99Ratio) = (Math.Round(p50 / small.P50, 2), Math.Round(p99 / small.P99, 2));
                if (!json)
                {
                    await ctx.Stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{largest.Key:N0} / {smallest.Key:N0}  {name,-30} p50 {p50Ratio,5:0.00}×  p99 {p99Ratio,5:0.00}×")).ConfigureAwait(false);
                }

                ratios.Add(new { read = name, articles = largest.Key, againstArticles = smallest.Key, p50 = p50Ratio, p99 = p99Ratio });
            }
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { input, clients, requests, store = postgres is null ? "sqlite" : "postgresql", processors = Environment.ProcessorCount, results, startUps, ratios })).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Real articles, each analysed once as ingest prepares it (what every synthetic copy of it stores), with the version of their layers.</summary>
    private sealed record ArticlePool(IReadOnlyList<PreparedArticle> Articles, int LayersVersion);

    private static ArticlePool Pool(string input)
    {
        var analyzer = ArticleAnalyzer.CreateDefault();
        var raws = ArticleInputReader.ReadFile(input, new ReadOptions()).Select(r => r.Article).OfType<RawArticle>().Where(a => a.Text.Length > 200).Take(PoolSize).ToList();
        var pool = new PreparedArticle[raws.Count];
        Parallel.For(0, raws.Count, i => pool[i] = PreparedArticle.Of(analyzer.Analyze(raws[i]), KeyedArticle.Of(raws[i]).Key));
        return new(pool, analyzer.LayersVersion);
    }

    /// <summary>Ids a reader asks for: stories, articles and entities spread over the archive, and words to search.</summary>
    private sealed record Sample(List<string> Stories, List<string> Articles, List<string> Entities, List<string> Words);

    /// <summary>
    /// Untimed requests of each read before its timed ones: the JIT promotes a method to its optimised tier after 30
    /// calls, so a read's own code paths run more often than that first.
    /// </summary>
    private const int WarmUpRequests = 40;

    /// <summary>The outlets a built archive's articles are spread over ("Outlet 0" ...).</summary>
    private const int Outlets = 60;

    /// <summary>
    /// Words of six letters or more that some but not most of the pool's articles hold (5 to 60 of them), most
    /// widespread first: search words a reader could type, each matching a share of the archive.
    /// </summary>
    private static List<string> FreshWords(IReadOnlyList<PreparedArticle> pool)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in pool)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in System.Text.RegularExpressions.Regex.Split(article.Raw.Text.ToLowerInvariant(), @"[^\p{Ll}]+"))
            {
                if (word.Length >= 6 && seen.Add(word))
                {
                    df[word] = df.GetValueOrDefault(word) + 1;
                }
            }
        }

        return [.. df.Where(w => w.Value is >= 5 and <= 60).OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).Take(1_000)];
    }

    /// <param name="write">False replays the build without writing, for the ids to ask for in an archive kept earlier (checked to hold <paramref name="size"/> articles).</param>
    private static async Task<Sample> BuildAsync(string db, ArticlePool pool, int size, bool write, CancellationToken ct)
    {
        var sample = new Sample([], [], [], ["brand", "minister", "Trump", "gemeente", "politie"]);
        var entities = new Dictionary<string, (StoredEntity Entity, List<string> Blocks)>(StringComparer.Ordinal);
        await using var workspace = await ChorusWorkspace.OpenAsync(db, ct).ConfigureAwait(false);
        if (!write)
        {
            var stored = await workspace.Store.CountArticlesAsync(ct).ConfigureAwait(false);
            if (stored != size)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{db}: the archive kept there holds {stored:N0} articles, not {size:N0}; remove it to build it again"));
            }

            // Layers of another analyser version are analysed again on every read (the fallback for stores not yet
            // reanalysed), so a kept archive from before an analyser change would time analysis, not reads.
            if ((await workspace.Store.ArticlesToAnalyseAsync(ArticleAnalyzer.Version, everything: false, after: null, limit: 1, ct).ConfigureAwait(false)).Count > 0)
            {
                throw new UsageException($"{db}: the archive kept there was built by another analyser version than this one ({ArticleAnalyzer.Version}), and its reads would analyse again; remove it to build it again");
            }
        }

        var start = new DateOnly(2019, 1, 1);
        var article = 0;
        var story = 0;
        var batch = new List<(StoredArticle Article, PreparedArticle From)>();
        var stories = new List<StoryProfile>();
        while (article < size)
        {
            // Stories of 1 to 8 articles, a few a day over the years the archive spans.
            var storySize = Math.Min(size - article, 1 + (int)(Mix(story) % 8));
            var day = start.AddDays((int)((long)story * 3650 / Math.Max(1, size / 4)));
            var profile = new StoryProfile { Id = "s" + Hex(story, 16), Title = string.Empty };
            for (var k = 0; k < storySize; k++, article++)
            {
                var from = pool.Articles[(int)(Mix(article) % (ulong)pool.Articles.Count)];
                var id = "a" + Hex(article, 16);
                var date = PartialDate.OfDay(day.AddDays(k % 3));
                var features = from.Features with { Date = date };
                profile.Add(features);
                if (k == 0)
                {
                    profile.Title = from.Raw.Title ?? from.Raw.Text[..Math.Min(80, from.Raw.Text.Length)];
                }

                batch.Add((new StoredArticle
                {
                    Id = id,
                    Ref = $"archive/{id}.json",
                    ContentKey = "k" + Hex(article, 24),
                    Text = from.Raw.Text,
                    Title = from.Raw.Title,
                    Date = date,
                    Source = "Outlet " + (Mix(article + 7) % Outlets).ToString(CultureInfo.InvariantCulture),
                    Lang = from.Lang,
                    StoryId = profile.Id,
                }, from));
                if (article % Math.Max(1, size / 50) == 0)
                {
                    sample.Articles.Add(id);
                }
            }

            stories.Add(profile);
            if (story % Math.Max(1, size / 200) == 0)
            {
                sample.Stories.Add(profile.Id);
            }

            story++;
            if (batch.Count >= BatchArticles || article >= size)
            {
                CountEntities(batch, entities);
                if (write)
                {
                    await WriteAsync(workspace, batch, stories, pool.LayersVersion, ct).ConfigureAwait(false);
                }

                batch.Clear();
                stories.Clear();
            }
        }

        if (write)
        {
            var writing = await workspace.Store.BeginBatchAsync(ct).ConfigureAwait(false);
            await using (writing.ConfigureAwait(false))
            {
                foreach (var (entity, blocks) in entities.Values)
                {
                    await writing.SaveEntityAsync(entity, blocks, ct).ConfigureAwait(false);
                }

                await writing.CommitAsync(ct).ConfigureAwait(false);
            }
        }

        sample.Entities.AddRange(entities.Values.OrderByDescending(e => e.Entity.Mentions).Where((_, i) => i % 7 == 0).Take(50).Select(e => e.Entity.Id));
        workspace.Index.CloseWriter();
        return sample;
    }

    /// <summary>Every copy's entities, counted into one entity per name (as linking a fresh archive would).</summary>
    private static void CountEntities(List<(StoredArticle Article, PreparedArticle From)> articles, Dictionary<string, (StoredEntity Entity, List<string> Blocks)> entities)
    {
        foreach (var (_, from) in articles)
        {
            foreach (var local in from.EntityGroups)
            {
                var id = EntityIds.Provisional(local.Type, local.Canonical);
                if (!entities.TryGetValue(id, out var known))
                {
                    known = (new StoredEntity { Id = id, Type = local.Type, Name = local.Canonical }, [.. EntityBlocks.Of(local.Type, local.Canonical)]);
                    entities[id] = known;
                }

                known.Entity.Mentions += local.Surfaces.Values.Sum();
                foreach (var (surface, n) in local.Surfaces)
                {
                    known.Entity.Variants[surface] = known.Entity.Variants.GetValueOrDefault(surface) + n;
                }
            }
        }
    }

    private static async Task WriteAsync(ChorusWorkspace workspace, List<(StoredArticle Article, PreparedArticle From)> articles, List<StoryProfile> stories, int layersVersion, CancellationToken ct)
    {
        var batch = await workspace.Store.BeginBatchAsync(ct).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var (article, from) in articles)
            {
                await batch.AddArticleAsync(article, [], ct).ConfigureAwait(false);
                await batch.SaveAnalysisAsync(article.Id, layersVersion, from.Layers, ct).ConfigureAwait(false);
                foreach (var local in from.EntityGroups)
                {
                    var mentions = local.Surfaces.Values.Sum();
                    await batch.AddEntityOccurrenceAsync(new EntityOccurrence(EntityIds.Provisional(local.Type, local.Canonical), article.Id, local.Type, local.Canonical, mentions), ct).ConfigureAwait(false);
                }
            }

            foreach (var story in stories)
            {
                await batch.SaveStoryAsync(story, ct).ConfigureAwait(false);
            }

            await batch.CommitAsync(ct).ConfigureAwait(false);
        }

        await workspace.Index.AddAsync([.. articles.Select(a => a.Article)], ct).ConfigureAwait(false);
    }

    private static async Task<(List<(string Name, double P50, double P99, int TimedOut)> Timings, double WarmSeconds)> MeasureAsync(string db, Sample sample, IReadOnlyList<string> freshWords, int clients, int requests, bool keptDocuments, CancellationToken ct)
    {
        var app = ChorusWebApp.Build([$"--Chorus:Db={db}", "--urls=http://127.0.0.1:0", $"--Chorus:KeptDocuments={keptDocuments}"], b => b.Logging.ClearProviders());
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            // Timed once the server has made what its reads keep in memory as it starts (the story membership, the
            // index's champion lists; /api/health says when): what is measured is a running server's reads, not its
            // start-up, whose time is reported beside them.
            var warmMs = await WaitForWarmReadsAsync(http, ct).ConfigureAwait(false);
            // The warm-up pass of "new word" asks for the first words of the fresh list, its timed requests for the ones
            // after them: nothing it asks for was asked before (while there are enough words, see above).
            string Fresh(int i) => freshWords.Count == 0 ? sample.Words[i % sample.Words.Count] : freshWords[i % freshWords.Count];
            var freshSearch = WarmUpRequests + (clients * requests);
            ArchiveRead[] reads =
            [
                new("story list, page 1", _ => "/api/stories?pageSize=20"),
                new("story list, page 100", _ => "/api/stories?pageSize=20&page=100"),
                new("story list, filtered", i => $"/api/stories?pageSize=20&lang=nl&q={sample.Words[i % sample.Words.Count]}"),
                new("story list, filtered, new word", i => $"/api/stories?pageSize=20&lang=nl&q={Fresh(WarmUpRequests + i)}", i => $"/api/stories?pageSize=20&lang=nl&q={Fresh(i)}"),
                new("story list, 2+ sources", _ => "/api/stories?pageSize=20&minSources=2&sort=sources"),
                // Narrowed without text: a language, pages 1 to 100 of it; an outlet of those the archive was built with.
                new("story list, language, pages 1-100", i => string.Create(CultureInfo.InvariantCulture, $"/api/stories?pageSize=20&lang=nl&page={1 + (i % 100)}")),
                new("story list, outlet", i => string.Create(CultureInfo.InvariantCulture, $"/api/stories?pageSize=20&outlet=Outlet%20{i % Outlets}")),
                new("story page", i => "/api/stories/" + sample.Stories[i % sample.Stories.Count]),
                new("article page", i => "/api/articles/" + sample.Articles[i % sample.Articles.Count]),
                new("entity page", i => "/api/entities/" + sample.Entities[i % sample.Entities.Count]),
                new("search", i => "/api/search?limit=10&q=" + sample.Words[i % sample.Words.Count]),
                // Words after those of the story list's "new word": no search asked for them before, so none is ranked yet.
                new("search, new word", i => "/api/search?limit=10&q=" + Fresh(freshSearch + WarmUpRequests + i), i => "/api/search?limit=10&q=" + Fresh(freshSearch + i)),
            ];
            var results = new List<(string, double, double, int)>();
            var measured = reads.Where(r => r.Name != "entity page" || sample.Entities.Count > 0).ToList();
            // One untimed pass of every read first, by the same clients, of requests the timed passes do not make (other
            // words, the ids after the timed ones): a code path a read takes must have run often enough for the JIT's
            // optimised tier, as it has in a server that has been running. Then the timed passes wait until the JIT has
            // compiled what that asked for (tiered compilation runs in the background after a delay: a server a few
            // hundred requests after its start had 44 % of its samples in that thread). That alone left the size measured
            // first slower than the later ones (JIT tiers still settling; see the caller, which measures it twice). A read cut by
            // the server's time limit (503) is a result, counted below; any other failure is a broken bench.
            foreach (var (name, url, warmUp) in measured)
            {
                var warmUrlOf = warmUp ?? (i => url((clients * requests) + i));
                await Parallel.ForAsync(0, WarmUpRequests, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (i, token) =>
                {
                    var warmUrl = warmUrlOf(i);
                    using var warm = await http.GetAsync(new Uri(warmUrl, UriKind.Relative), token).ConfigureAwait(false);
                    if (!warm.IsSuccessStatusCode && warm.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
                    {
                        throw new InvalidOperationException($"{name}: {warmUrl} answered {(int)warm.StatusCode}");
                    }
                }).ConfigureAwait(false);
            }

            await JitSettledAsync(ct).ConfigureAwait(false);
            foreach (var (name, url, _) in measured)
            {
                // The server runs in this process: each read starts on a collected heap, so that the garbage one read
                // leaves (a story page builds documents of megabytes) is not collected in the next one's time.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                var latencies = new double[clients * requests];
                var timedOut = 0;
                await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (c, token) =>
                {
                    for (var r = 0; r < requests; r++)
                    {
                        var n = (c * requests) + r;
                        var sw = Stopwatch.StartNew();
                        using var response = await http.GetAsync(new Uri(url(n), UriKind.Relative), token).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                        latencies[n] = sw.Elapsed.TotalMilliseconds;
                        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                        {
                            Interlocked.Increment(ref timedOut);
                        }
                        else if (!response.IsSuccessStatusCode)
                        {
                            // Only the server's time limit is a result; any other failure is a broken bench.
                            throw new InvalidOperationException($"{name}: {url(n)} answered {(int)response.StatusCode}");
                        }
                    }
                }).ConfigureAwait(false);
                Array.Sort(latencies);
                results.Add((name, Percentile(latencies, 0.50), Percentile(latencies, 0.99), timedOut));
            }

            await app.StopAsync(ct).ConfigureAwait(false);
            return (results, warmMs / 1000);
        }
    }

    /// <summary>Milliseconds from the server's start until /api/health says its reads are warm (or that they stay cold).</summary>
    private static async Task<double> WaitForWarmReadsAsync(HttpClient http, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative), ct).ConfigureAwait(false);
            health.EnsureSuccessStatusCode();
            using var doc = System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            var reads = doc.RootElement.GetProperty("reads").GetString();
            if (reads == "warm" && doc.RootElement.GetProperty("readsWarmedInSeconds").ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                return 1000 * doc.RootElement.GetProperty("readsWarmedInSeconds").GetDouble();
            }

            if (reads == "cold" && waited.Elapsed > TimeSpan.FromSeconds(5))
            {
                throw new InvalidOperationException("the server's reads stayed cold: warming them failed (see its log)");
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException("the server's reads were not warm after 20 minutes");
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until the JIT has compiled nothing new for a second (at most 30 s): what a warm-up pass asked for is then
    /// in its optimised tier, and the timed requests do not share the machine with its compilation.
    /// </summary>
    private static async Task JitSettledAsync(CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }

    /// <summary>A read the bench times: request n's address, and the warm-up pass's where it must ask for other things.</summary>
    private sealed record ArchiveRead(string Name, Func<int, string> Url, Func<int, string>? WarmUrl = null);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    // Deterministic spreading of numbers (SplitMix64), so that a size always builds the same archive.
    private static ulong Mix(long n)
    {
        var z = unchecked((ulong)n + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static string Hex(long n, int length) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(n.ToString(CultureInfo.InvariantCulture))))[..length];
}
