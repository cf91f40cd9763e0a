using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Chorus.Core.Contracts;
using Chorus.Core.Monitoring;
using Microsoft.Extensions.Http.Resilience;

namespace Chorus.Monitoring.Alerts;

/// <summary>Where fired alerts go besides the store (which the web UI and <c>./chorus alerts</c> read).</summary>
public interface IAlertSink
{
    Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default);
}

/// <summary>Appends each alert as one JSON line to a file (<c>--alerts-file</c>), for other tools to tail.</summary>
public sealed class JsonlAlertSink(string path) : IAlertSink
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
    {
        var line = ContractJson.SerializeLine(MonitoringDocs.Alert(alert)) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// POSTs each alert as JSON to its watchlist's webhook, signed: <c>X-Chorus-Signature: sha256=HEX</c> is the
/// HMAC-SHA256 of the body with the shared secret, and <c>X-Chorus-Delivery</c> names the alert so a receiver can
/// drop a repeat. Failed deliveries (network errors, 408, 429, 5xx) are retried with exponential backoff and jitter
/// by a Polly pipeline; a delivery that still fails is reported, and the alert stays in the store.
/// </summary>
public sealed class WebhookAlertSink : IAlertSink, IDisposable
{
    public const string SignatureHeader = "X-Chorus-Signature";
    public const string DeliveryHeader = "X-Chorus-Delivery";
    private readonly HttpClient _http;
    private readonly byte[] _secret;
    private readonly Action<string>? _problem;

    public WebhookAlertSink(string secret, Action<string>? problem = null, TimeSpan? firstRetryDelay = null, int retries = 4)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
        _problem = problem;
        var pipeline = WatchHttp.RetryPipeline(firstRetryDelay ?? TimeSpan.FromSeconds(1), retries, TimeSpan.FromSeconds(10));
        _http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() }) { Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(WatchHttp.UserAgent);
    }

    /// <summary>The signature header value for a body: what a receiver recomputes with the shared secret.</summary>
    public static string Sign(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public async Task DeliverAsync(Alert alert, Watchlist watchlist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(watchlist);
        if (watchlist.Webhook is not { } url)
        {
            return;
        }

        var body = Encoding.UTF8.GetBytes(ContractJson.Serialize(MonitoringDocs.Alert(alert)));
        try
        {
            // A request message cannot be sent twice; the resilience handler clones what it retries from this one.
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(SignatureHeader, Sign(_secret, body));
            request.Headers.Add(DeliveryHeader, alert.Key);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _problem?.Invoke($"webhook {url}: alert #{alert.Seq} not delivered: HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            _problem?.Invoke($"webhook {url}: alert #{alert.Seq} not delivered: {e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Fires alerts after an ingest and hands each one to every sink; a sink's failure never stops the others.</summary>
public sealed class AlertDispatcher(AlertEngine engine, IReadOnlyList<IAlertSink> sinks)
{
    public async Task<IReadOnlyList<Alert>> AfterIngestAsync(Storage.ChorusWorkspace workspace, IReadOnlyCollection<string> storedIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var fired = await engine.EvaluateAsync(storedIds, cancellationToken).ConfigureAwait(false);
        if (fired.Count == 0)
        {
            return fired;
        }

        var watchlists = (await workspace.Monitoring.ListWatchlistsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Name, StringComparer.Ordinal);
        foreach (var alert in fired)
        {
            if (!watchlists.TryGetValue(alert.Watchlist, out var watchlist))
            {
                continue;
            }

            foreach (var sink in sinks)
            {
                await sink.DeliverAsync(alert, watchlist, cancellationToken).ConfigureAwait(false);
            }
        }

        return fired;
    }
}
