using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Chorus.Monitoring;

/// <summary>
/// The HTTP client feeds are polled with: a Polly pipeline (retry with exponential backoff and jitter on network
/// errors, 408, 429 and 5xx, honouring Retry-After; a timeout per attempt), a size limit per response, and polite
/// headers (a User-Agent that names Chorus, conditional GET, compression).
/// </summary>
public static class WatchHttp
{
    public const string UserAgent = "Chorus/1.0 (news monitoring; polls feeds with conditional GET; +https://github.com/chorus-news)";

    public static HttpClient CreateClient(TimeSpan? firstRetryDelay = null, int retries = 2, TimeSpan? attemptTimeout = null)
    {
        var pipeline = RetryPipeline(firstRetryDelay ?? TimeSpan.FromSeconds(2), retries, attemptTimeout ?? TimeSpan.FromSeconds(30));
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        var client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = handler }) { Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/rss+xml"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/atom+xml"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml", 0.9));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml", 0.8));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
        return client;
    }

    /// <summary>
    /// Retries (exponential backoff with jitter) on network errors, timeouts, 408, 429 and 5xx, believing a server's
    /// Retry-After up to a minute, with a timeout per attempt: for polling feeds and for delivering webhooks alike.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> RetryPipeline(TimeSpan firstRetryDelay, int retries, TimeSpan attemptTimeout)
        => new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<Polly.Timeout.TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode is 408 or 429 or >= 500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = retries,
                Delay = firstRetryDelay,
                // A server that says when to come back is believed, up to a minute.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter?.Delta is { } after && after <= TimeSpan.FromMinutes(1) ? after : (TimeSpan?)null),
            })
            .AddTimeout(attemptTimeout)
            .Build();
}
