using System.Threading.Channels;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;
using Chorus.Core.Stories;
using Chorus.Monitoring.Alerts;
using Chorus.Storage;

namespace Chorus.Monitoring.Watch;

/// <summary>How a <see cref="Watcher"/> polls.</summary>
public sealed record WatchOptions
{
    /// <summary>Interval of a source that names none.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Each wait is moved by up to this share of itself, at random, so that many watchers do not poll in step.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>After failed polls a source waits its interval doubled per failure, up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Poll every source this many times and stop (0: until stopped).</summary>
    public int Rounds { get; init; }

    public ReadOptions Read { get; init; } = new();

    public ClusteringOptions Clustering { get; init; } = new();
}

/// <summary>
/// Watches sources and ingests what is new as it arrives. Each source is polled on its own schedule (interval, jitter,
/// backoff after failures) by its own loop; what a poll finds goes through a bounded channel to one ingest loop,
/// which stores it (under the store's write lock, as any ingest), remembers the source's state, fires alerts and
/// reports the poll. A source's next poll waits until its items are stored.
/// <code>
///   source loops (poll ─► wait) ─► channel (bounded) ─► ingest ─► watch state ─► alerts ─► status event
/// </code>
/// Stopping (Ctrl-C) ends the waits and polls at once; the batch being stored is finished first.
/// </summary>
public sealed class Watcher
{
    private readonly ChorusWorkspace _workspace;
    private readonly IReadOnlyList<WatchSource> _sources;
    private readonly WatchOptions _options;
    private readonly AlertDispatcher? _alerts;
    private readonly Func<ArticleAnalyzer> _analyzer;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    public Watcher(ChorusWorkspace workspace, IReadOnlyList<WatchSource> sources, WatchOptions options, HttpClient http, AlertDispatcher? alerts = null, Func<ArticleAnalyzer>? analyzer = null, TimeProvider? clock = null)
    {
        _workspace = workspace;
        _sources = sources;
        _options = options;
        _http = http;
        _alerts = alerts;
        _analyzer = analyzer ?? ArticleAnalyzer.CreateDefault;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Each poll's outcome, as it happens (called on the ingest loop; keep it quick).</summary>
    public Action<WatchEvent>? Reported { get; init; }

    /// <summary>Called when an ingest waits for another writer of the store.</summary>
    public Action<string>? WaitingForWriter { get; init; }

    private sealed record Work(SourcePoller Poller, PollResult Result, int Failures, Dictionary<string, string> State, TaskCompletionSource<WatchEvent> Done);

    public async Task RunAsync(CancellationToken stop)
    {
        var analyzer = _analyzer();
        var states = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            states[source.Location] = new Dictionary<string, string>(await _workspace.Monitoring.WatchStateAsync(source.Location, stop).ConfigureAwait(false), StringComparer.Ordinal);
        }

        var channel = Channel.CreateBounded<Work>(new BoundedChannelOptions(4) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var loops = _sources.Select(s => PollLoopAsync(SourcePoller.Create(s, _options.Read, _http), states[s.Location], channel.Writer, stop)).ToList();
        // The ingest loop is not stopped by the stop token: it drains what was polled and ends when every source loop has.
        var ingest = IngestLoopAsync(channel.Reader, analyzer);
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            channel.Writer.TryComplete();
            await ingest.ConfigureAwait(false);
        }
    }

    private async Task PollLoopAsync(SourcePoller poller, Dictionary<string, string> state, ChannelWriter<Work> work, CancellationToken stop)
    {
        var failures = 0;
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            PollResult result;
            try
            {
                result = await poller.PollAsync(state, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A source that breaks in a way no poller foresaw (a file gone between listing and reading) fails this poll, not the watcher.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                result = PollResult.Failed($"{poller.Source.Location}: {e.Message}");
            }

            failures = result.Outcome == PollOutcome.Failed ? failures + 1 : 0;
            var done = new TaskCompletionSource<WatchEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await work.WriteAsync(new Work(poller, result, failures, state, done), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            // The next poll waits for this one's items to be stored, so that a slow store slows polling, never piles up.
            var report = await done.Task.ConfigureAwait(false);
            if (_options.Rounds > 0 && round >= _options.Rounds)
            {
                return;
            }

            try
            {
                var wait = report.NextPoll - _clock.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _clock, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan Interval(SourcePoller poller) => poller.Source.Interval ?? _options.DefaultInterval;

    /// <summary>The interval, doubled per failure up to <see cref="WatchOptions.MaxBackoff"/>, moved by jitter.</summary>
    internal TimeSpan Wait(TimeSpan interval, int failures)
    {
        var wait = failures == 0 ? interval : TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, interval.Ticks * (1L << Math.Min(failures, 16))));
        var jitter = (Random.Shared.NextDouble() * 2 - 1) * _options.Jitter;
        return wait * (1 + jitter);
    }

    private async Task IngestLoopAsync(ChannelReader<Work> work, ArticleAnalyzer analyzer)
    {
        await foreach (var item in work.ReadAllAsync().ConfigureAwait(false))
        {
            WatchEvent report;
            try
            {
                report = await HandleAsync(item, analyzer).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One source's failure to store (a full disk, a broken item) is reported; the others go on.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                var now = _clock.GetUtcNow();
                report = new WatchEvent(item.Poller.Source.Location, PollOutcome.Failed, now, item.Result.Items.Count, 0, 0, 0, $"could not store: {e.Message}", now + Wait(Interval(item.Poller), item.Failures + 1));
            }

            Reported?.Invoke(report);
            item.Done.TrySetResult(report);
        }
    }

    private async Task<WatchEvent> HandleAsync(Work item, ArticleAnalyzer analyzer)
    {
        var source = item.Poller.Source.Location;
        var result = item.Result;
        var stored = 0;
        var duplicates = 0;
        var rejected = 0;
        var alerts = 0;
        var error = result.Error;
        if (result.Items.Count > 0)
        {
            var pipeline = new IngestPipeline(_workspace.Store, analyzer, _options.Clustering, _workspace.Index) { WaitingForWriter = WaitingForWriter };
            var report = await pipeline.RunAsync(result.Items).ConfigureAwait(false);
            stored = report.Ingested;
            duplicates = report.Duplicates;
            rejected = report.Rejected.Count;
            if (report.Rejected.Count > 0)
            {
                error = string.Join("; ", new[] { error }.OfType<string>().Concat(report.Rejected.Take(3).Select(r => r.ToString())));
            }

            if (_alerts is not null && report.StoredIds.Count > 0)
            {
                alerts = (await _alerts.AfterIngestAsync(_workspace, report.StoredIds).ConfigureAwait(false)).Count;
            }
        }

        if (result.State.Count > 0)
        {
            // Remembered only once its items are stored: a crash before this reads them again, and ingest skips what it has.
            await _workspace.Monitoring.SaveWatchStateAsync(source, result.State).ConfigureAwait(false);
            foreach (var (key, value) in result.State)
            {
                if (value is null)
                {
                    item.State.Remove(key);
                }
                else
                {
                    item.State[key] = value;
                }
            }
        }

        var now = _clock.GetUtcNow();
        return new WatchEvent(source, result.Outcome, now, result.Items.Count(i => i.Article is not null), stored, duplicates, rejected, error, now + Wait(Interval(item.Poller), item.Failures))
        {
            Alerts = alerts,
        };
    }
}
