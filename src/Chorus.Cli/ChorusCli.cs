using System.Globalization;
using System.CommandLine;
using Chorus.Cli.Commands;
using Chorus.Core.Ingest;
using Chorus.Core.Monitoring;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Text;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Chorus.Evaluation;

namespace Chorus.Cli;

/// <summary>
/// The command tree of <c>./chorus</c>. Each command's work lives in its own class under Commands/; this
/// file only declares names, arguments and options, so the whole surface is visible in one place.
/// </summary>
internal static class ChorusCli
{
    // Commands that analyse articles, and so run analysis at the priority CHORUS_ANALYSIS_NICE sets.
    private static readonly HashSet<string> AnalysingCommands = new(StringComparer.Ordinal) { "ingest", "reanalyse", "demo", "watch", "serve" };

    /// <summary>The warning a command that analyses gives when <c>CHORUS_ANALYSIS_NICE</c> holds what it cannot use (it then runs at the default); null otherwise.</summary>
    internal static string? AnalysisNiceWarning(string command, string? setting)
        => AnalysingCommands.Contains(command) && AnalysisThreads.ParseNice(setting) is { Success: false } parsed ? "chorus: warning: " + parsed.Error : null;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool? interactive = null)
    {
        var ctx = new CliContext(stdout, stderr, interactive ?? (!Console.IsOutputRedirected && !Console.IsErrorRedirected));
        var root = Build(ctx);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"chorus: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run './chorus --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (AnalysisNiceWarning(parsed.CommandResult.Command.Name, Environment.GetEnvironmentVariable("CHORUS_ANALYSIS_NICE")) is { } warning)
        {
            await stderr.WriteLineAsync(warning).ConfigureAwait(false);
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (StoreOpenException e)
        {
            await stderr.WriteLineAsync($"chorus: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"chorus: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 13 or 10)
        {
            // SQLITE_FULL or SQLITE_IOERR: the batch in progress was rolled back; batches committed before it stay.
            await stderr.WriteLineAsync($"chorus: the store could not be written ({(e.SqliteErrorCode == 13 ? "the disk is full" : "an I/O error")}: {e.Message}); the batch in progress was rolled back, everything stored before it is kept").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        catch (IOException e) when (e.HResult is 28 or unchecked((int)0x80070070) || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"chorus: the disk is full ({e.Message}); everything stored before the batch in progress is kept").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
    }

    // "10000,100000,1000000" (underscores and "k"/"m" allowed: 10k, 1m); a size that is not a positive number is a usage error.
    private static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var digits = part.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            var scale = digits.EndsWith('m') ? 1_000_000 : digits.EndsWith('k') ? 1_000 : 1;
            if (!int.TryParse(scale == 1 ? digits : digits[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || (long)n * scale > int.MaxValue)
            {
                throw new UsageException($"--sizes: '{part}' is not a number of articles");
            }

            sizes.Add(n * scale);
        }

        return sizes.Count > 0 ? sizes : throw new UsageException("--sizes: give at least one size");
    }

    // A score for fitting, or "inf" (also "infinity", "off") for a mechanism switched off; anything else is reported on
    // the option, not thrown.
    private static double? ScoreOrInfinity(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (text.ToLowerInvariant() is "inf" or "infinity" or "off")
        {
            return double.PositiveInfinity;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score))
        {
            return score;
        }

        result.AddError($"'{text}' is not a score (a number such as 0.2, or 'inf' to switch it off)");
        return null;
    }

    private static RootCommand Build(CliContext ctx)
    {
        var db = new Option<string?>("--db") { Description = "Store to use: a SQLite file, or postgresql://user@host/db (default: $CHORUS_DB, else chorus.db in your data folder)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON document on stdout" };
        var root = new RootCommand("Chorus: what many outlets say about one event.");
        root.Options.Add(db);

        string DbPath(ParseResult r) => r.GetValue(db) ?? ChorusWorkspace.DefaultDatabasePath();
        static Chorus.Core.Time.PartialDate? DateOption(string name, string? value)
            => string.IsNullOrWhiteSpace(value) ? null
                : Chorus.Core.Time.PartialDate.Parse(value) is { Success: true } parsed ? parsed.Value
                : throw new UsageException($"{name} {value}: {Chorus.Core.Time.PartialDate.Parse(value).Error}");

        static TimeSpan? IntervalOption(string? value)
            => value is null ? null
                : Chorus.Core.Outlets.SourcesFile.ParseInterval(value) is { Success: true } parsed ? parsed.Value
                : throw new UsageException($"--interval {value}: {Chorus.Core.Outlets.SourcesFile.ParseInterval(value).Error}");
        static DateTimeOffset? InstantOption(string name, string? value)
            => string.IsNullOrWhiteSpace(value) ? null
                : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
                : throw new UsageException($"{name} {value}: give a day (YYYY-MM-DD) or an ISO 8601 time");

        var samples = new Option<string?>("--samples") { Description = "Folder of articles to demo on (default: the bundled samples/)" };
        var demo = new Command("demo", "Ingest the bundled samples into a fresh temporary store, list the stories and compare the largest") { samples, json };
        demo.SetAction((r, ct) => DemoCommand.RunAsync(ctx, r.GetValue(samples), r.GetValue(json), ct));
        root.Subcommands.Add(demo);

        var paths = new Argument<string[]>("paths") { Description = "Files, folders (read recursively) or - for stdin", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string?>("--source") { Description = "Outlet name for inputs that do not name one" };
        var format = new Option<InputFormat>("--format") { Description = "Input format (default: detected per file)", DefaultValueFactory = _ => InputFormat.Auto };
        var granularity = new Option<string>("--granularity") { Description = "Group into events (default) or broader stories: event|story", DefaultValueFactory = _ => "event" };
        var worker = new Option<bool>("--worker") { Description = "Share the work with other 'ingest --worker' processes given the same inputs and store (on this or other machines); the result is that of one run" };
        var workers = new Option<int>("--workers") { Description = "Ingest with this many worker processes on this machine (this one and N-1 more, as --worker)", DefaultValueFactory = _ => 1 };
        var alertsFile = new Option<string?>("--alerts-file") { Description = "Also append every alert that fires to this JSONL file" };
        var sourcesFile = new Option<string?>("--sources") { Description = "Sources file (JSON, docs/monitoring.md): outlet names, countries, languages and owners, matched by publisher value, domain, folder or feed URL" };
        var join = new Option<string?>("--join") { Description = "JSONL of metadata by article id (publisher/source, url, lang) to join, e.g. the DPG labels.jsonl" };
        var ingest = new Command("ingest", "Ingest articles: plain text with a date header, JSONL, HTML pages, RSS/Atom feeds") { paths, source, format, granularity, sourcesFile, join, worker, workers, alertsFile, json };
        ingest.SetAction((r, ct) => IngestCommand.RunAsync(ctx, DbPath(r), r.GetValue(paths)!, SourceOptions.Read(new ReadOptions { Source = r.GetValue(source), Format = r.GetValue(format) }, r.GetValue(sourcesFile), r.GetValue(join)), r.GetValue(granularity)!, r.GetValue(json), ct, r.GetValue(worker), r.GetValue(workers), r.GetValue(alertsFile)));
        root.Subcommands.Add(ingest);

        var storyLimit = new Option<int?>("--limit") { Description = "Stories per page (default: every story)" };
        var storyPage = new Option<int>("--page") { Description = "Page to show, from 1", DefaultValueFactory = _ => 1 };
        var since = new Option<string?>("--since") { Description = "Stories with an article on or after YYYY[-MM[-DD]]" };
        var until = new Option<string?>("--until") { Description = "Stories with an article on or before YYYY[-MM[-DD]]" };
        var outlet = new Option<string?>("--outlet") { Description = "Stories with an article from this outlet" };
        var storyEntity = new Option<string?>("--entity") { Description = "Stories that mention this entity (id or name)" };
        var storyLang = new Option<string?>("--lang") { Description = "Stories with an article in this language (nl, en, de, …)" };
        var minSources = new Option<int>("--min-sources") { Description = "Stories told by at least this many independent sources", DefaultValueFactory = _ => 1 };
        var sort = new Option<string>("--sort") { Description = "newest | sources | articles", DefaultValueFactory = _ => "newest" };
        var storyQuery = new Option<string?>("--query") { Description = "Stories with an article that matches this search query" };
        var noColumns = new Option<bool>("--no-columns") { Description = "Leave out recurring columns (one headline on three or more days)" };
        var stories = new Command("stories", "List stories (newest first), filtered and paged; says how many are not shown") { storyLimit, storyPage, since, until, outlet, storyEntity, storyLang, minSources, sort, storyQuery, noColumns, json };
        stories.SetAction((r, ct) => StoriesCommand.ListAsync(ctx, DbPath(r), new StoryFilter
        {
            Query = r.GetValue(storyQuery),
            Entity = r.GetValue(storyEntity),
            From = DateOption("--since", r.GetValue(since)),
            To = DateOption("--until", r.GetValue(until)),
            Lang = r.GetValue(storyLang),
            Outlet = r.GetValue(outlet),
            MinSources = r.GetValue(minSources),
            WithRecurring = !r.GetValue(noColumns),
            Sort = r.GetValue(sort) switch
            {
                "newest" => StorySort.Newest,
                "sources" => StorySort.MostSources,
                "articles" => StorySort.MostArticles,
                var other => throw new UsageException($"--sort {other}: use newest, sources or articles"),
            },
            Page = Math.Max(1, r.GetValue(storyPage)),
            PageSize = r.GetValue(storyLimit) is { } n ? Math.Max(1, n) : int.MaxValue,
        }, r.GetValue(json), ct));
        root.Subcommands.Add(stories);

        var storyId = new Argument<string>("id") { Description = "Story id (or a unique prefix)" };
        var why = new Option<bool>("--why") { Description = "Explain why each article joined the story" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the comparison as a Markdown report" };
        var story = new Command("story", "One story: its sources side by side, shared and unique claims, summary") { storyId, json, why, markdown };
        story.SetAction((r, ct) => StoriesCommand.ShowAsync(ctx, DbPath(r), r.GetValue(storyId)!, r.GetValue(json), r.GetValue(why), r.GetValue(markdown), ct));
        root.Subcommands.Add(story);

        // Corrections: "./chorus story split|merge|move …", stored and respected by later ingests.
        var splitStory = new Argument<string>("story") { Description = "The story to split" };
        var splitArticles = new Argument<string[]>("articles") { Description = "Articles (ids or refs) that form a new story", Arity = ArgumentArity.OneOrMore };
        var storySplit = new Command("split", "Move articles out of a story into a new story of their own") { splitStory, splitArticles, json };
        storySplit.SetAction((r, ct) => StoriesCommand.CorrectAsync(ctx, DbPath(r), c => c.SplitAsync(r.GetValue(splitStory)!, r.GetValue(splitArticles)!, ct), "split", r.GetValue(json), ct));
        var mergeKept = new Argument<string>("story") { Description = "The story that stays" };
        var mergeOther = new Argument<string>("other") { Description = "The story whose articles join it" };
        var storyMerge = new Command("merge", "Merge another story into this one") { mergeKept, mergeOther, json };
        storyMerge.SetAction((r, ct) => StoriesCommand.CorrectAsync(ctx, DbPath(r), c => c.MergeAsync(r.GetValue(mergeKept)!, r.GetValue(mergeOther)!, ct), "merge", r.GetValue(json), ct));
        var moveArticles = new Argument<string[]>("articles") { Description = "Articles (ids or refs) to move", Arity = ArgumentArity.OneOrMore };
        var moveTo = new Option<string>("--to") { Description = "The story they belong to", Required = true };
        var storyMove = new Command("move", "Move articles into another story") { moveArticles, moveTo, json };
        storyMove.SetAction((r, ct) => StoriesCommand.CorrectAsync(ctx, DbPath(r), c => c.MoveAsync(r.GetValue(moveArticles)!, r.GetValue(moveTo)!, ct), "move", r.GetValue(json), ct));
        var storyUndoSeq = new Argument<long?>("number") { Description = "Correction to undo (default: the newest one in force; the numbers are in 'story ID --why' and the story JSON)", Arity = ArgumentArity.ZeroOrOne };
        var storyUndo = new Command("undo", "Take back a story split, merge or move") { storyUndoSeq, json };
        storyUndo.SetAction((r, ct) => StoriesCommand.CorrectAsync(ctx, DbPath(r), c => c.UndoAsync(r.GetValue(storyUndoSeq), ct), "undo", r.GetValue(json), ct));
        story.Subcommands.Add(storySplit);
        story.Subcommands.Add(storyUndo);
        story.Subcommands.Add(storyMerge);
        story.Subcommands.Add(storyMove);

        var outletsSources = new Option<string?>("--sources") { Description = "Sources file whose outlets to record first (names, countries, languages, owners)" };
        var outlets = new Command("outlets", "Outlets with their country, language, owner and number of articles") { outletsSources, json };
        outlets.SetAction((r, ct) => OutletsCommand.ListAsync(ctx, DbPath(r), r.GetValue(outletsSources), r.GetValue(json), ct));
        root.Subcommands.Add(outlets);

        var exportTable = new Argument<string>("table") { Description = "stories, articles, entities, claims or conflicts" };
        var exportFormat = new Option<string>("--format") { Description = "jsonl (default), csv or parquet", DefaultValueFactory = _ => "jsonl" };
        var exportSince = new Option<string?>("--since") { Description = "Only what is dated on or after YYYY[-MM[-DD]]" };
        var exportStory = new Option<string?>("--story") { Description = "Only the rows of this story" };
        var exportOut = new Option<string?>("--out") { Description = "File to write (default: stdout; required for parquet)" };
        var exportSchema = new Option<bool>("--schema") { Description = "Print the table's columns (name, type, meaning) instead of exporting" };
        var export = new Command("export", "Export a table of the archive as JSONL, CSV or Parquet, streamed (bounded memory at any size)") { exportTable, exportFormat, exportSince, exportStory, exportOut, exportSchema };
        export.SetAction((r, ct) => ExportCommand.RunAsync(ctx, DbPath(r), r.GetValue(exportTable)!, r.GetValue(exportFormat)!, DateOption("--since", r.GetValue(exportSince)), r.GetValue(exportStory), r.GetValue(exportOut), r.GetValue(exportSchema), ct));
        root.Subcommands.Add(export);

        var watchSources = new Argument<string[]>("sources") { Description = "Folders, feed files or RSS/Atom URLs to watch (also: the \"watch\" list of --sources FILE)", Arity = ArgumentArity.ZeroOrMore };
        var watchSourcesFile = new Option<string?>("--sources") { Description = "Sources file (JSON): outlets, and sources to watch with their intervals" };
        var watchInterval = new Option<string?>("--interval") { Description = "Poll interval for sources that name none: 30s, 5m, 1h (default 5m)" };
        var watchOnce = new Option<bool>("--once") { Description = "Poll every source once, store what is new, and stop (for cron)" };
        var watch = new Command("watch", "Watch folders and feeds; ingest new items as they arrive; fire alerts of watchlists; --json streams one status line per poll") { watchSources, watchSourcesFile, watchInterval, watchOnce, alertsFile, granularity, json };
        watch.SetAction((r, ct) => WatchCommand.RunAsync(ctx, DbPath(r), r.GetValue(watchSources) ?? [], r.GetValue(watchSourcesFile), IntervalOption(r.GetValue(watchInterval)), r.GetValue(watchOnce), r.GetValue(alertsFile), r.GetValue(granularity)!, r.GetValue(json), ct));
        root.Subcommands.Add(watch);

        var watchlistName = new Argument<string>("name") { Description = "Name of the watchlist" };
        var wlEntity = new Option<string?>("--entity") { Description = "Stories that mention this entity (id, name or variant)" };
        var wlQuery = new Option<string?>("--query") { Description = "Stories with an article matching this search query (Lucene syntax)" };
        var wlOutlet = new Option<string?>("--outlet") { Description = "Stories with an article from this outlet" };
        var wlMinSources = new Option<int>("--min-sources") { Description = "Alert when a matching story has at least this many independent sources", DefaultValueFactory = _ => 1 };
        var wlBreaking = new Option<int>("--breaking") { Description = "Breaking: alert when a matching story gains this many new independent sources …", DefaultValueFactory = _ => Watchlist.DefaultBreakingSources };
        var wlWithin = new Option<int>("--within") { Description = "… within this many hours (of ingest time)", DefaultValueFactory = _ => Watchlist.DefaultBreakingHours };
        var wlNoConflicts = new Option<bool>("--no-conflicts") { Description = "Do not alert on new conflicts between sources" };
        var wlWebhook = new Option<string?>("--webhook") { Description = "POST each alert to this URL, signed with $CHORUS_WEBHOOK_SECRET (HMAC-SHA256)" };
        var watchlistAdd = new Command("add", "Add (or replace) a watchlist, stored in the store") { watchlistName, wlEntity, wlQuery, wlOutlet, wlMinSources, wlBreaking, wlWithin, wlNoConflicts, wlWebhook, json };
        watchlistAdd.SetAction((r, ct) => WatchlistCommand.AddAsync(ctx, DbPath(r), r.GetValue(watchlistName)!, new WatchlistCommand.Criteria(r.GetValue(wlEntity), r.GetValue(wlQuery), r.GetValue(wlOutlet), r.GetValue(wlMinSources), r.GetValue(wlBreaking), r.GetValue(wlWithin), !r.GetValue(wlNoConflicts), r.GetValue(wlWebhook)), r.GetValue(json), ct));
        var watchlistList = new Command("list", "The watchlists") { json };
        watchlistList.SetAction((r, ct) => WatchlistCommand.ListAsync(ctx, DbPath(r), r.GetValue(json), ct));
        var watchlistRemoveName = new Argument<string>("name") { Description = "Name of the watchlist" };
        var watchlistRemove = new Command("remove", "Remove a watchlist (its alerts stay)") { watchlistRemoveName };
        watchlistRemove.SetAction((r, ct) => WatchlistCommand.RemoveAsync(ctx, DbPath(r), r.GetValue(watchlistRemoveName)!, ct));
        root.Subcommands.Add(new Command("watchlist", "What to follow: entities, queries, outlets; alerts fire on new, breaking or conflicting stories") { watchlistAdd, watchlistList, watchlistRemove });

        var alertsSince = new Option<string?>("--since") { Description = "Alerts fired on or after this day or time (YYYY-MM-DD or ISO 8601)" };
        var alertsAll = new Option<bool>("--all") { Description = "Acknowledged alerts too" };
        var alertsLimit = new Option<int>("--limit") { Description = "Most alerts to list", DefaultValueFactory = _ => 100 };
        var alerts = new Command("alerts", "Fired alerts, newest first (open ones unless --all)") { alertsSince, alertsAll, alertsLimit, json };
        alerts.SetAction((r, ct) => WatchlistCommand.AlertsAsync(ctx, DbPath(r), InstantOption("--since", r.GetValue(alertsSince)), r.GetValue(alertsAll), r.GetValue(alertsLimit), r.GetValue(json), ct));
        var ackSeqs = new Argument<long[]>("numbers") { Description = "Alert numbers", Arity = ArgumentArity.ZeroOrMore };
        var ackAll = new Option<bool>("--all") { Description = "Every open alert" };
        var alertsAck = new Command("ack", "Acknowledge alerts") { ackSeqs, ackAll };
        alertsAck.SetAction((r, ct) => WatchlistCommand.AcknowledgeAsync(ctx, DbPath(r), r.GetValue(ackSeqs) ?? [], r.GetValue(ackAll), ct));
        alerts.Subcommands.Add(alertsAck);
        root.Subcommands.Add(alerts);

        var articleId = new Argument<string>("id-or-ref") { Description = "Article id, unique id prefix, or the ref it was ingested under" };
        var article = new Command("article", "One article with its annotations") { articleId, json };
        article.SetAction((r, ct) => ArticleCommand.RunAsync(ctx, DbPath(r), r.GetValue(articleId)!, r.GetValue(json), ct));
        root.Subcommands.Add(article);

        var entityLimit = new Option<int>("--limit") { Description = "Maximum number of entities", DefaultValueFactory = _ => 50 };
        var entities = new Command("entities", "Entities with their spelling variants, most mentioned first") { entityLimit, json };
        entities.SetAction((r, ct) => EntitiesCommand.ListAsync(ctx, DbPath(r), r.GetValue(entityLimit), r.GetValue(json), ct));
        root.Subcommands.Add(entities);

        var entityRef = new Argument<string>("name-or-id") { Description = "Entity id, or a name or variant exactly (case and accents aside); anything else lists candidates and exits 2" };
        var entity = new Command("entity", "One entity: variants, articles, stories; 'merge', 'split' and 'undo' correct the machine") { entityRef, json };
        entity.SetAction((r, ct) => EntitiesCommand.ShowAsync(ctx, DbPath(r), r.GetValue(entityRef)!, r.GetValue(json), ct));
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change, change nothing" };
        var keep = new Argument<string>("kept") { Description = "Entity that stays (exact id, name or variant)" };
        var mergeAway = new Argument<string>("merged") { Description = "Entity merged into it (exact id, name or variant)" };
        var merge = new Command("merge", "Merge the second entity into the first; later ingests follow; 'entity undo' takes it back") { keep, mergeAway, dryRun };
        merge.SetAction((r, ct) => EntitiesCommand.MergeAsync(ctx, DbPath(r), r.GetValue(keep)!, r.GetValue(mergeAway)!, r.GetValue(dryRun), ct));
        var splitFrom = new Argument<string>("entity") { Description = "Entity to split (exact id, name or variant)" };
        var variant = new Argument<string>("variant") { Description = "The spelling that is a different entity" };
        var split = new Command("split", "Move one variant to an entity of its own; later ingests follow; 'entity undo' takes it back") { splitFrom, variant, dryRun };
        split.SetAction((r, ct) => EntitiesCommand.SplitAsync(ctx, DbPath(r), r.GetValue(splitFrom)!, r.GetValue(variant)!, r.GetValue(dryRun), ct));
        var corrections = new Command("corrections", "The log of entity merges and splits, newest first") { json };
        corrections.SetAction((r, ct) => EntitiesCommand.CorrectionsAsync(ctx, DbPath(r), r.GetValue(json), ct));
        var undoSeq = new Argument<long?>("number") { Description = "Correction to undo (default: the newest one in force)", Arity = ArgumentArity.ZeroOrOne };
        var undo = new Command("undo", "Take back an entity merge or split") { undoSeq };
        undo.SetAction((r, ct) => EntitiesCommand.UndoAsync(ctx, DbPath(r), r.GetValue(undoSeq), ct));
        entity.Subcommands.Add(merge);
        entity.Subcommands.Add(split);
        entity.Subcommands.Add(corrections);
        entity.Subcommands.Add(undo);
        root.Subcommands.Add(entity);

        var query = new Argument<string[]>("query") { Description = "Words to search for (Lucene syntax allowed)", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Maximum number of hits", DefaultValueFactory = _ => 10 };
        var search = new Command("search", "Full-text search over articles, with highlighted snippets") { query, limit, json };
        search.SetAction((r, ct) => SearchCommand.RunAsync(ctx, DbPath(r), string.Join(' ', r.GetValue(query)!), r.GetValue(limit), r.GetValue(json), ct));
        root.Subcommands.Add(search);

        var benchFile = new Argument<string>("file") { Description = "Input to ingest (file or folder)" };
        var runs = new Option<int>("--runs") { Description = "Number of timed runs (the median is reported)", DefaultValueFactory = _ => 5 };
        var skipStages = new Option<string[]>("--skip-stages") { Description = "Analysis stages to leave out (e.g. times,quantities,quotes), to measure what they cost", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs first: the JIT settles over the first two passes over a file of this size", DefaultValueFactory = _ => 2 };
        var benchPostgres = new Option<string?>("--postgres") { Description = "Ingest into a fresh database on this PostgreSQL server (a URI whose user may create databases) instead of a SQLite file" };
        var baseline = new Option<bool>("--baseline") { Description = "Also time Lucene.NET's DutchAnalyzer tokenising the same texts in the same process, and print the ratio" };
        var benchIngest = new Command("ingest", "Time ingesting FILE into a fresh temporary store, several runs") { benchFile, runs, warmup, skipStages, benchPostgres, baseline, json };
        benchIngest.SetAction((r, ct) => BenchCommand.IngestAsync(ctx, r.GetValue(benchFile)!, r.GetValue(runs), r.GetValue(warmup), r.GetValue(skipStages)!.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList(), r.GetValue(json), ct, r.GetValue(benchPostgres), r.GetValue(baseline)));
        var archiveInput = new Argument<string>("file") { Description = "Real articles the archive is built from (e.g. the DPG JSONL)" };
        var archiveSizes = new Option<string>("--sizes") { Description = "Archive sizes in articles, comma-separated (e.g. 10000,100000,1000000)", DefaultValueFactory = _ => "10000,100000" };
        var archiveClients = new Option<int>("--clients") { Description = "Concurrent clients", DefaultValueFactory = _ => 20 };
        var archiveRequests = new Option<int>("--requests") { Description = "Requests per client and read", DefaultValueFactory = _ => 25 };
        var archiveKeep = new Option<string?>("--keep") { Description = "Keep each SQLite archive built, as DIR/SIZE.db (with its search index), to serve or query it afterwards; one already kept there is measured as it is, not rebuilt" };
        var benchArchive = new Command("archive", "Build archives of several sizes and time the reads a user makes (p50/p99 through the HTTP server, concurrent clients)") { archiveInput, archiveSizes, archiveClients, archiveRequests, benchPostgres, archiveKeep, json };
        var archiveNoPrepare = new Option<bool>("--no-prepare") { Description = "Do not prepare story documents after building (the story page is then built on each first visit)" };
        benchArchive.Options.Add(archiveNoPrepare);
        benchArchive.SetAction((r, ct) => BenchArchiveCommand.RunAsync(ctx, r.GetValue(archiveInput)!, ParseSizes(r.GetValue(archiveSizes)!), Math.Max(1, r.GetValue(archiveClients)), Math.Max(1, r.GetValue(archiveRequests)), r.GetValue(benchPostgres), r.GetValue(json), ct, r.GetValue(archiveKeep), prepare: !r.GetValue(archiveNoPrepare)));
        var exportRows = new Option<string>("--articles") { Description = "Size of the archive to export, in articles (e.g. 1m)", DefaultValueFactory = _ => "100k" };
        var exportFormats = new Option<string>("--formats") { Description = "Formats to export, comma-separated", DefaultValueFactory = _ => "csv,parquet,jsonl" };
        var benchExport = new Command("export", "Build an archive and measure 'export articles' in a child process: time and peak memory per format") { archiveInput, exportRows, exportFormats, json };
        benchExport.SetAction((r, ct) => BenchArchiveCommand.ExportAsync(ctx, r.GetValue(archiveInput)!, ParseSizes(r.GetValue(exportRows)!)[0], r.GetValue(exportFormats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => { Chorus.Cli.Commands.ExportCommand.ParseFormat(f); return f.ToLowerInvariant(); }).ToList(), r.GetValue(json), ct));
        var benchInput = new Argument<string>("file") { Description = "Real articles whose features are recombined (e.g. the DPG JSONL)" };
        var benchArticles = new Option<int>("--articles") { Description = "Length of the synthetic stream", DefaultValueFactory = _ => 10_000 };
        var perDay = new Option<int>("--per-day") { Description = "Articles per simulated day", DefaultValueFactory = _ => 300 };
        var benchClusters = new Command("clusters", "Time per article and memory of the clusterer on a long synthetic stream") { benchInput, benchArticles, perDay, json };
        benchClusters.SetAction((r, ct) => BenchCommand.ClustersAsync(ctx, r.GetValue(benchInput)!, r.GetValue(benchArticles), Math.Max(1, r.GetValue(perDay)), r.GetValue(json), ct));
        var benchFiles = new Argument<string[]>("files") { Description = "Articles of growing length (any input format)", Arity = ArgumentArity.OneOrMore };
        var benchAnalysis = new Command("analysis", "Time per analysis stage on each article of FILES, to see how cost grows with length") { benchFiles, runs, json };
        benchAnalysis.SetAction((r, ct) => BenchCommand.AnalysisAsync(ctx, r.GetValue(benchFiles)!, Math.Max(1, r.GetValue(runs)), r.GetValue(json), ct));
        var pageRuns = new Option<int>("--runs") { Description = "Timed passes over every story (after one untimed pass)", DefaultValueFactory = _ => 3 };
        var cold = new Option<bool>("--cold") { Description = "Keep no built story document in the server: every request builds its story from the stored layers, as a first visit does" };
        var benchPages = new Command("pages", "Time every multi-article story's page and JSON on the store (--db), one request at a time: p50/p95/p99") { pageRuns, cold, json };
        benchPages.SetAction((r, ct) => BenchPagesCommand.RunAsync(ctx, DbPath(r), Math.Max(1, r.GetValue(pageRuns)), r.GetValue(cold), r.GetValue(json), ct));
        root.Subcommands.Add(new Command("bench", "End-to-end benchmarks") { benchIngest, benchClusters, benchAnalysis, benchArchive, benchExport, benchPages });

        var everything = new Option<bool>("--all") { Description = "Every article, not only those without layers of the current analyser version" };
        var reanalyse = new Command("reanalyse", "Re-run analysis over stored articles and rewrite their annotation layers (resumable; idempotent)") { everything, json };
        reanalyse.SetAction((r, ct) => ReanalyseCommand.RunAsync(ctx, DbPath(r), r.GetValue(everything), r.GetValue(json), ct));
        root.Subcommands.Add(reanalyse);

        var prepareWorkers = new Option<int>("--workers") { Description = "Stories built at a time, each on a connection of its own", DefaultValueFactory = _ => Environment.ProcessorCount };
        var prepareLimit = new Option<int>("--limit") { Description = "Build at most this many (0: every story without a current document)", DefaultValueFactory = _ => 0 };
        var prepare = new Command("prepare", "Build and keep the document of every story with none current, so story --json and the API read it instead of comparing its sources on the first visit; serve does the same in the background") { prepareWorkers, prepareLimit, json };
        prepare.SetAction((r, ct) => PrepareCommand.RunAsync(ctx, DbPath(r), r.GetValue(prepareWorkers), r.GetValue(prepareLimit), r.GetValue(json), ct));
        root.Subcommands.Add(prepare);

        var fuzzTarget = new Argument<string>("target") { Description = $"What to fuzz: {string.Join(", ", FuzzCommand.TargetNames)} or all" };
        var fuzzInputs = new Option<int>("--inputs") { Description = "Inputs per target", DefaultValueFactory = _ => 10_000 };
        var fuzzSeed = new Option<int>("--seed") { Description = "Campaign seed: input i of a seed is always the same bytes", DefaultValueFactory = _ => 1 };
        var fuzzHang = new Option<double>("--hang-seconds") { Description = "An input still running after this long is a hang", DefaultValueFactory = _ => 10 };
        var fuzzSave = new Option<string?>("--save") { Description = "Folder to write failing inputs to" };
        var fuzz = new Command("fuzz", "Mutation-fuzz a reader, the analyser, the query parser or the HTTP server from real seed inputs") { fuzzTarget, fuzzInputs, fuzzSeed, fuzzHang, fuzzSave, json };
        fuzz.SetAction((r, ct) => FuzzCommand.RunAsync(ctx, r.GetValue(fuzzTarget)!, Math.Max(1, r.GetValue(fuzzInputs)), r.GetValue(fuzzSeed), Math.Max(0.1, r.GetValue(fuzzHang)), r.GetValue(fuzzSave), r.GetValue(json), ct));
        root.Subcommands.Add(fuzz);

        var conllu = new Argument<string[]>("files") { Description = "CoNLL-U files whose '# text' lines give the gold sentences", Arity = ArgumentArity.OneOrMore };
        var evalSentences = new Command("sentences", "Sentence-boundary precision/recall/F1 against CoNLL-U treebanks") { conllu, json };
        evalSentences.SetAction((r, ct) => EvalCommand.SentencesAsync(ctx, r.GetValue(conllu)!, r.GetValue(json), ct));
        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => ServeCommand.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on (default: loopback only)", DefaultValueFactory = _ => "127.0.0.1" };
        var apiKeyFile = new Option<string?>("--api-key-file") { Description = "File with one API key per line; writes need one (also: $CHORUS_API_KEYS)" };
        var isPrivate = new Option<bool>("--private") { Description = "Reads need an API key too" };
        var serveWatch = new Option<string[]>("--watch") { Description = "Also watch these folders, feed files or RSS/Atom URLs, as ./chorus watch does", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var noPrepare = new Option<bool>("--no-prepare") { Description = "Do not build story documents in the background (see prepare); pages still keep the ones they build" };
        var serve = new Command("serve", "HTTP API and web UI over the store") { port, host, apiKeyFile, isPrivate, serveWatch, watchSourcesFile, watchInterval, alertsFile, noPrepare };
        serve.SetAction((r, ct) => ServeCommand.RunAsync(ctx, DbPath(r), r.GetValue(port), r.GetValue(host)!, r.GetValue(apiKeyFile), r.GetValue(isPrivate), ct, r.GetValue(serveWatch), r.GetValue(watchSourcesFile), IntervalOption(r.GetValue(watchInterval)), r.GetValue(alertsFile), prepare: !r.GetValue(noPrepare)));
        root.Subcommands.Add(serve);

        var comparisonFile = new Argument<string>("file") { Description = "Labelled stories (format: eval/comparison-stories.txt)" };
        var threshold = new Option<double>("--threshold") { Description = "Claim alignment threshold to evaluate (for fitting; default: the shipped one)", DefaultValueFactory = _ => StoryComparer.DefaultThreshold };
        var groupedOption = new Option<bool>("--grouped") { Description = "Ingest every article into one fresh store first and compare the stories Chorus grouped them into (an article put in another story takes its claims and conflicts with it), not the labelled stories" };
        var evalComparison = new Command("comparison", "Shared/unique claim and conflict precision/recall on labelled stories") { comparisonFile, threshold, groupedOption, json };
        evalComparison.SetAction((r, ct) => EvalCommand.ComparisonAsync(ctx, r.GetValue(comparisonFile)!, r.GetValue(threshold), r.GetValue(groupedOption), r.GetValue(json), ct));
        var claimLabels = new Argument<string>("labels") { Description = "Judged sentence pairs of real stories (eval/comparison/dpg-claims-*.tsv)" };
        var evalClaims = new Command("claims", "Shared-claim precision/recall on judged sentence pairs of real stories in the store") { claimLabels, threshold, json };
        evalClaims.SetAction((r, ct) => EvalCommand.ClaimsAsync(ctx, DbPath(r), r.GetValue(claimLabels)!, r.GetValue(threshold), r.GetValue(json), ct));
        var figureLabels = new Argument<string>("labels") { Description = "Judged figure pairs of real stories (eval/comparison/dpg-figures-*.tsv)" };
        var headlineStories = new Option<string?>("--headlines") { Description = "Take the stories from the UCI news CSV (each gold story's headlines, compared as one story) instead of the store: for eval/comparison/uci-figures-*.tsv" };
        var evalDisagreements = new Command("disagreements", "Conflict and update recall, and false alarms, on judged figure pairs of real stories in the store (or of the UCI headline stories)") { figureLabels, headlineStories, json };
        evalDisagreements.SetAction((r, ct) => EvalCommand.DisagreementsAsync(ctx, DbPath(r), r.GetValue(figureLabels)!, r.GetValue(headlineStories), r.GetValue(json), ct));
        var langFiles = new Argument<string[]>("files") { Description = "Files of 'language<TAB>text' lines (eval/langid/*.tsv), or the UCI news CSV (English headlines)", Arity = ArgumentArity.OneOrMore };
        var identifiers = new Option<LanguageIdentifierKind[]>("--identifier") { Description = "Identifiers to compare on the same texts: ngram, lingua, combined (default: combined, the one the analysis uses)", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [LanguageIdentifierKind.Combined] };
        var evalLangid = new Command("langid", "Language identification accuracy, time per text and confusion matrix") { langFiles, identifiers, json };
        evalLangid.SetAction((r, ct) => EvalCommand.LanguagesAsync(ctx, r.GetValue(langFiles)!, r.GetValue(identifiers)!, r.GetValue(json), ct));
        var goldFile = new Option<string>("--gold") { Description = "Labelled articles: JSONL with an \"event\" field, the UCI news CSV, or labelled comparison stories (eval/comparison/*.txt)", Required = true };
        var clusterThreshold = new Option<double?>("--threshold") { Description = "Score needed to join a story (for fitting; default: the shipped one)" };
        var clusterWeights = new Option<double[]>("--weights") { Description = "Signal weights to evaluate, for fitting: terms names date (e.g. --weights 0.55 0.35 0.10)", AllowMultipleArgumentsPerToken = true };
        var mergeThreshold = new Option<double?>("--merge-threshold") { Description = "Story-to-story score at which a bridging article merges two stories (for fitting; 'inf' disables)", CustomParser = ScoreOrInfinity };
        var minSharedTerms = new Option<int?>("--min-shared-terms") { Description = "Terms an article must share with a story to join it (for fitting; default: the shipped one)" };
        var minSharedEvidence = new Option<int?>("--min-shared-evidence") { Description = "Words or names an article must share with a story to join it, its own day not counted (for fitting; default: the shipped one, 2)" };
        var assignmentsFile = new Option<string?>("--assignments") { Description = "Also write each article's gold and predicted story (TSV), for reading the errors" };
        var anchorFloor = new Option<double?>("--anchor-floor") { Description = "Score at which an article joins a story below the threshold on a name only that story carries (for fitting; 'inf' disables; default: the shipped one)", CustomParser = ScoreOrInfinity };
        var evalClusters = new Command("clusters", "B-cubed and pairwise precision/recall/F1 of story grouping against gold stories") { goldFile, granularity, clusterThreshold, clusterWeights, mergeThreshold, minSharedTerms, minSharedEvidence, anchorFloor, assignmentsFile, json };
        evalClusters.SetAction((r, ct) => EvalCommand.ClustersAsync(ctx, r.GetValue(goldFile)!, r.GetValue(granularity)!, r.GetValue(clusterThreshold), r.GetValue(clusterWeights), r.GetValue(mergeThreshold), r.GetValue(minSharedTerms), r.GetValue(assignmentsFile), r.GetValue(json), ct, r.GetValue(minSharedEvidence), r.GetValue(anchorFloor)));
        var specFile = new Argument<string>("file") { Description = "Recognizers-Text DateTime model cases (JSON array: Input, Context.ReferenceDateTime, Results), or Chorus's own cases (eval/times/*.tsv)" };
        var evalTimes = new Command("times", "Time-expression span P/R/F1 and value accuracy by type on Recognizers-Text specification cases") { specFile, json };
        evalTimes.SetAction((r, ct) => EvalCommand.TimesAsync(ctx, r.GetValue(specFile)!, r.GetValue(json), ct));
        var figureFiles = new Argument<string[]>("files") { Description = "Recognizers-Text Number-*/NumberWithUnit-* model cases (JSON)", Arity = ArgumentArity.OneOrMore };
        var evalFigures = new Command("figures", "Figure recall and value accuracy on Recognizers-Text number and number-with-unit cases") { figureFiles, json };
        evalFigures.SetAction((r, ct) => EvalCommand.FiguresAsync(ctx, r.GetValue(figureFiles)!, r.GetValue(json), ct));
        var namesFile = new Argument<string>("file") { Description = "Hand-judged entity names (eval/entities/*.tsv)" };
        var evalEntityNames = new Command("entity-names", "Share of entities shown under a right name, against a hand-judged list, in an ingested store") { namesFile, json };
        evalEntityNames.SetAction((r, ct) => EvalCommand.EntityNamesAsync(ctx, r.GetValue(namesFile)!, DbPath(r), r.GetValue(json), ct));
        var markedFiles = new Argument<string[]>("files") { Description = "Articles with names marked [[name|TYPE]] (eval/names/*.txt)", Arity = ArgumentArity.OneOrMore };
        var evalNames = new Command("names", "Name recall, precision and type accuracy of the full analysis on hand-marked articles (English, German, …)") { markedFiles, json };
        evalNames.SetAction((r, ct) => EvalCommand.NamesAsync(ctx, r.GetValue(markedFiles)!, r.GetValue(json), ct));
        var pagesFolder = new Argument<string>("folder") { Description = "Mozilla Readability's test pages (../shared/data/readability-pages): one folder per page with source.html, expected.html, expected-metadata.json" };
        var pagesHalf = new Option<string>("--half") { Description = "Which pages: dev (even positions by name), test (odd positions) or all", DefaultValueFactory = _ => "all" };
        pagesHalf.AcceptOnlyFromAmong("all", "dev", "test");
        var evalHtml = new Command("html", "Body token precision/recall, title and date accuracy of HTML article extraction against Readability's output") { pagesFolder, pagesHalf, json };
        evalHtml.SetAction((r, ct) => EvalCommand.HtmlAsync(ctx, r.GetValue(pagesFolder)!, r.GetValue(pagesHalf)!, r.GetValue(json), ct));
        var quoteLabels = new Argument<string>("labels") { Description = "Judged quote speakers: article id, quote start, speaker (a name, - for no one named, ? left out); tab-separated (eval/quotes/dpg-speakers-*.tsv)" };
        var evalQuotes = new Command("quotes", "Speaker recall and precision of direct quotes on judged quotes of stored articles") { quoteLabels, json };
        evalQuotes.SetAction((r, ct) => EvalCommand.QuotesAsync(ctx, r.GetValue(quoteLabels)!, DbPath(r), r.GetValue(json), ct));
        var timeLabels = new Argument<string>("labels") { Description = "Judged time expressions: article id, expression start, the value it means (TIMEX, ? left out); tab-separated (eval/times/dpg-years-*.tsv)" };
        var evalStoredTimes = new Command("stored-times", "Value accuracy of time expressions on judged expressions of stored articles") { timeLabels, json };
        evalStoredTimes.SetAction((r, ct) => EvalCommand.StoredTimesAsync(ctx, r.GetValue(timeLabels)!, DbPath(r), r.GetValue(json), ct));
        var storedFigureLabels = new Argument<string>("labels") { Description = "Judged sentences and their figures: S article start end, F article start value what, ? article start; tab-separated (eval/comparison/dpg-figure-values-*.tsv)" };
        var evalStoredFigures = new Command("stored-figures", "Figure recall and precision (value and unit or counted noun) on judged sentences of stored articles") { storedFigureLabels, json };
        evalStoredFigures.SetAction((r, ct) => EvalCommand.StoredFiguresAsync(ctx, r.GetValue(storedFigureLabels)!, DbPath(r), r.GetValue(json), ct));
        var pairsFile = new Argument<string>("file") { Description = "Judged name pairs: TYPE, name A, name B, 1 (one entity) or 0, why; tab-separated (eval/entities/name-pairs-*.tsv)" };
        var evalNamePairs = new Command("name-pairs", "Merge precision and recall of entity resolution on judged name pairs (transliterations, typos, relatives, namesakes)") { pairsFile, json };
        evalNamePairs.SetAction((r, ct) => EvalCommand.NamePairsAsync(ctx, r.GetValue(pairsFile)!, r.GetValue(json), ct));
        var treebanks = new Argument<string[]>("treebanks") { Description = "UD Dutch CoNLL-U files (../shared/data/ud-dutch/*.conllu); a file named *-dev.* or *-test.* counts in that half", Arity = ArgumentArity.ZeroOrMore };
        var showWrong = new Option<bool>("--show-wrong") { Description = "List the treebank words given wrong concepts (dev files only: keep the test half unread)" };
        var evalLexicon = new Command("lexicon", "How words the cross-language concept lexicon lacks are read: listed compounds hidden, and real treebank words") { treebanks, showWrong, json };
        evalLexicon.SetAction((r, ct) => EvalCommand.LexiconAsync(ctx, r.GetValue(treebanks)!, r.GetValue(showWrong), r.GetValue(json), ct));
        root.Subcommands.Add(new Command("eval", "Measure Chorus against labelled data") { evalSentences, evalComparison, evalClaims, evalDisagreements, evalLangid, evalClusters, evalTimes, evalFigures, evalEntityNames, evalNames, evalNamePairs, evalHtml, evalQuotes, evalStoredTimes, evalStoredFigures, evalLexicon });

        var trainFile = new Option<string>("--train") { Description = "CoNLL-format training data", Required = true };
        var devFile = new Option<string>("--dev") { Description = "CoNLL-format development data (picks the best epoch)", Required = true };
        var outFile = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "models/nl-ner.bin" };
        var bits = new Option<int>("--bits") { Description = "Feature hash size as a power of two", DefaultValueFactory = _ => new Chorus.Evaluation.NerTrainingOptions().Bits };
        var nerTrain = new Command("train", "Train the Dutch named-entity tagger (deterministic)") { trainFile, devFile, outFile, bits };
        nerTrain.SetAction((r, ct) => NerCommand.TrainAsync(ctx, r.GetValue(trainFile)!, r.GetValue(devFile)!, r.GetValue(outFile)!, r.GetValue(bits), ct));
        var evalFile = new Argument<string>("file") { Description = "CoNLL-format file with gold tags" };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped models/nl-ner.bin)" };
        var nerEval = new Command("eval", "Entity-level precision/recall/F1 as conlleval computes them") { evalFile, model, json };
        nerEval.SetAction((r, ct) => NerCommand.EvalAsync(ctx, r.GetValue(evalFile)!, r.GetValue(model), r.GetValue(json), ct));
        root.Subcommands.Add(new Command("ner", "Named-entity tagger: train and evaluate") { nerTrain, nerEval });

        return root;
    }
}

/// <summary>A problem with what the user asked for (unknown id, unusable path): exit code 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);
