using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;
using Chorus.Core.Stories;
using Chorus.Monitoring;
using Chorus.Monitoring.Alerts;
using Chorus.Monitoring.Watch;
using Chorus.Storage;

namespace Chorus.Cli.Commands;

internal static class WatchCommand
{
    /// <summary>The sources named on the command line and in the sources file, each once.</summary>
    public static IReadOnlyList<WatchSource> Sources(IReadOnlyList<string> given, SourcesFile? file, TimeSpan? interval)
    {
        var sources = new List<WatchSource>();
        foreach (var location in given)
        {
            var full = SourcesFile.LooksLikeUrl(location) ? location : Path.GetFullPath(location);
            if (!SourcesFile.LooksLikeUrl(location) && !Directory.Exists(full) && !File.Exists(full))
            {
                throw new UsageException($"watch {location}: no such folder or file (give a folder, a feed file or an http(s) URL)");
            }

            sources.Add(new WatchSource(full, interval));
        }

        foreach (var source in file?.Watch ?? [])
        {
            sources.Add(interval is null || source.Interval is not null ? source : source with { Interval = interval });
        }

        var distinct = sources.DistinctBy(s => s.Location, StringComparer.Ordinal).ToList();
        return distinct.Count > 0 ? distinct : throw new UsageException("watch: name at least one source (a folder, a feed file or a URL), or give --sources FILE with a \"watch\" list");
    }

    /// <summary>Where fired alerts go from a CLI process: the terminal (stderr), a JSONL file, and each watchlist's webhook.</summary>
    public static AlertDispatcher Dispatcher(CliContext ctx, ChorusWorkspace workspace, string? alertsFile)
    {
        var sinks = new List<IAlertSink> { new TerminalAlertSink(ctx) };
        if (alertsFile is not null)
        {
            sinks.Add(new JsonlAlertSink(Path.GetFullPath(alertsFile)));
        }

        sinks.Add(new LazyAlertSink(() => WebhookSink(message => ctx.Stderr.WriteLine(message))));
        return new AlertDispatcher(new AlertEngine(workspace), sinks);
    }

    /// <summary>The webhook sink, signing with <c>$CHORUS_WEBHOOK_SECRET</c>; without a secret it says why it does not deliver.</summary>
    public static IAlertSink WebhookSink(Action<string> problem)
    {
        var secret = Environment.GetEnvironmentVariable("CHORUS_WEBHOOK_SECRET");
        return string.IsNullOrEmpty(secret) ? new UnsignedWebhookSink(problem) : new WebhookAlertSink(secret, problem);
    }

    public static async Task<int> RunAsync(CliContext ctx, string dbPath, IReadOnlyList<string> given, string? sourcesFile, TimeSpan? interval, bool once, string? alertsFile, string granularity, bool json, CancellationToken ct)
    {
        var file = SourceOptions.LoadSources(sourcesFile);
        var sources = Sources(given, file, interval);
        await RunWatcherAsync(ctx, dbPath, sources, file, alertsFile, granularity, json, once, ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    public static async Task RunWatcherAsync(CliContext ctx, string dbPath, IReadOnlyList<WatchSource> sources, SourcesFile? file, string? alertsFile, string granularity, bool json, bool once, CancellationToken ct, bool showUnchanged = true)
    {
        var clustering = ClusteringOptions.ForGranularity(granularity) ?? throw new UsageException($"--granularity {granularity}: use 'event' or 'story'");
        var read = new ReadOptions { Outlets = new OutletDirectory(file ?? SourcesFile.Empty) };
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        if (read.Outlets!.Outlets.Count > 0)
        {
            await workspace.Monitoring.SaveOutletsAsync(read.Outlets.Outlets, ct).ConfigureAwait(false);
        }

        using var http = WatchHttp.CreateClient();
        var watcher = new Watcher(workspace, sources, new WatchOptions { Read = read, Clustering = clustering, Rounds = once ? 1 : 0 }, http, Dispatcher(ctx, workspace, alertsFile))
        {
            WaitingForWriter = ctx.WaitingForWriter,
            Reported = e =>
            {
                if (json)
                {
                    ctx.Stdout.WriteLine(ContractJson.SerializeLine(Doc(e)));
                    ctx.Stdout.Flush();
                }
                else if (showUnchanged || e.Outcome != PollOutcome.Unchanged)
                {
                    ctx.Stderr.WriteLine(Line(e));
                }
            },
        };
        if (!json)
        {
            await ctx.Stderr.WriteLineAsync($"watching {sources.Count} source(s); Ctrl-C stops after the batch being stored").ConfigureAwait(false);
        }

        await watcher.RunAsync(ct).ConfigureAwait(false);
    }

    public static WatchEventDoc Doc(WatchEvent e) => new(
        e.Source, e.Outcome.ToString().ToLowerInvariant(), MonitoringDocs.Instant(e.At), e.Items, e.Stored, e.Duplicates, e.Rejected, e.Alerts, e.Error, MonitoringDocs.Instant(e.NextPoll));

    private static string Line(WatchEvent e)
    {
        var at = e.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var next = e.NextPoll.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return e.Outcome switch
        {
            PollOutcome.Unchanged => $"{at} {e.Source}: unchanged; next poll {next}",
            PollOutcome.Failed when e.Items == 0 => $"{at} {e.Source}: failed: {e.Error}; next poll {next}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{at} {e.Source}: {e.Items} items, {e.Stored} new, {e.Duplicates} already stored{(e.Rejected > 0 ? $", {e.Rejected} rejected ({e.Error})" : string.Empty)}{(e.Alerts > 0 ? $", {e.Alerts} alerts" : string.Empty)}; next poll {next}"),
        };
    }

    private sealed class TerminalAlertSink(CliContext ctx) : IAlertSink
    {
        public Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
        {
            ctx.Stderr.WriteLine($"ALERT #{alert.Seq} [{watchlist.Name}] {AlertKinds.Name(alert.Kind)}: {alert.Message} (story {alert.StoryId})");
            return Task.CompletedTask;
        }
    }

    /// <summary>A sink made on the first alert: an ingest that fires none builds no HTTP client.</summary>
    private sealed class LazyAlertSink(Func<IAlertSink> make) : IAlertSink
    {
        private readonly Lazy<IAlertSink> _sink = new(make);

        public Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
            => _sink.Value.DeliverAsync(alert, watchlist, cancellationToken);
    }

    private sealed class UnsignedWebhookSink(Action<string> problem) : IAlertSink
    {
        public Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
        {
            if (watchlist.Webhook is { } url)
            {
                problem($"webhook {url}: alert #{alert.Seq} not delivered: set CHORUS_WEBHOOK_SECRET (the shared secret that signs deliveries)");
            }

            return Task.CompletedTask;
        }
    }
}
