using Chorus.Web.Api;
using Chorus.Web.Pages;

namespace Chorus.Web;

/// <summary>
/// The HTTP API and web UI over one Chorus store, composed in one place: settings, services, middleware, then
/// the endpoint groups. The API answers with the same contract documents as the CLI's <c>--json</c>.
/// </summary>
public static class ChorusWebApp
{
    /// <summary>The longest path and query string Chorus reads (characters); longer ones are answered 414 with a problem.</summary>
    internal const int MaxTargetLength = 16 * 1024;
    internal const int MaxHeaderBytes = 32 * 1024;
    internal const int MaxHeaderCount = 100;

    /// <summary>The request-timeout policy of ingest requests.</summary>
    internal const string IngestTimeout = "ingest";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // ASP.NET Core logs five lines per request at Information; written to the console under load that was 6.6 % of
        // a busy server's CPU samples (dotnet-trace). Requests are logged from Warning up unless the settings ask for more.
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] ??= "Warning";
        configure?.Invoke(builder);
        // Bound to loopback only, the server answers only requests addressed to loopback: a page elsewhere that
        // rebinds its own host name to 127.0.0.1 (DNS rebinding) gets 400, not the store. AllowedHosts overrides.
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]) && builder.Configuration["urls"] is { Length: > 0 } urls
            && urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(IsLoopbackUrl))
        {
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
        }

        builder.Services.Configure<ChorusWebOptions>(builder.Configuration.GetSection(ChorusWebOptions.Section));
        builder.Services.PostConfigure<ChorusWebOptions>(o =>
        {
            o.ApiKeys ??= Environment.GetEnvironmentVariable("CHORUS_API_KEYS");
            if (string.IsNullOrWhiteSpace(o.Db))
            {
                o.Db = Environment.GetEnvironmentVariable("CHORUS_DB") ?? string.Empty;
            }
        });
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddHostedService<StoryDocumentKeeper>();
        builder.Services.AddHostedService<ReadWarmer>();
        builder.Services.AddSingleton<ApiKeys>();
        // A parameter that cannot be bound ("?limit=abc") is a problem naming the parameter, not a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.Exception is BadHttpRequestException bad)
            {
                c.ProblemDetails.Title = "Bad request";
                c.ProblemDetails.Detail = bad.Message;
                if (Problems.FieldOf(bad.Message) is { } field)
                {
                    c.ProblemDetails.Extensions["field"] = field;
                }
            }
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Chorus";
            document.Info.Description = "What many outlets say about one event: stories, their sources side by side, entities and search. Documents match the CLI's --json (CONTRACT.md).";
            return Task.CompletedTask;
        }));
        // Every request has a time limit; its cancellation token stops the work still waiting for the store.
        var section = builder.Configuration.GetSection(ChorusWebOptions.Section);
        var defaults = new ChorusWebOptions();
        builder.Services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(section.GetValue<double?>(nameof(ChorusWebOptions.RequestSeconds)) ?? defaults.RequestSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            };
            o.AddPolicy(IngestTimeout, TimeSpan.FromSeconds(section.GetValue<double?>(nameof(ChorusWebOptions.IngestSeconds)) ?? defaults.IngestSeconds));
        });
        var maxBytes = builder.Configuration.GetSection(ChorusWebOptions.Section).GetValue<long?>(nameof(ChorusWebOptions.MaxRequestBytes)) ?? new ChorusWebOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBytes;
            // Kestrel answers a request line over its limit itself, with no body; with room to spare it reaches Chorus,
            // which answers an over-long address with a problem document (below).
            k.Limits.MaxRequestLineSize = 8 * MaxTargetLength;
            // The same for headers: Kestrel's own limits are set four times Chorus's, so a request over Chorus's limits
            // gets a 431 problem document naming them instead of Kestrel's empty answer.
            k.Limits.MaxRequestHeadersTotalSize = 4 * MaxHeaderBytes;
            k.Limits.MaxRequestHeaderCount = 4 * MaxHeaderCount;
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.Use(async (context, next) =>
        {
            // Article text is untrusted: scripts only from Chorus itself, nothing inline, no framing.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.Use(async (context, next) =>
        {
            var target = context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
            if (target > MaxTargetLength)
            {
                await TypedResults.Problem(
                    title: "Address too long",
                    detail: $"The address is {target:N0} characters long; at most {MaxTargetLength:N0} are read. Send long queries in parts.",
                    statusCode: StatusCodes.Status414UriTooLong).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var (headerCount, headerBytes) = (0, 0L);
            foreach (var header in context.Request.Headers)
            {
                headerCount += header.Value.Count;
                headerBytes += header.Key.Length + 4;
                foreach (var value in header.Value)
                {
                    headerBytes += value?.Length ?? 0;
                }
            }

            if (headerCount > MaxHeaderCount || headerBytes > MaxHeaderBytes)
            {
                await TypedResults.Problem(
                    title: "Request headers too large",
                    detail: $"The request has {headerCount:N0} header values and {headerBytes:N0} bytes of headers; at most {MaxHeaderCount:N0} values and {MaxHeaderBytes:N0} bytes are read.",
                    statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (!await KeyRequirement.RefuseAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });

        app.MapOpenApi("/openapi.json");
        app.MapStoriesApi();
        app.MapArticlesApi();
        app.MapEntitiesApi();
        app.MapSearchApi();
        app.MapMonitoringApi();
        app.MapChorusPages();
        app.MapAssets();
        // A server that accepts writes loads the analyser as it starts, not on the first article posted.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<ApiKeys>().AnyConfigured)
            {
                _ = app.Services.GetRequiredService<StoreGate>().WarmUpAnalyzerAsync();
            }
        });
        return app;
    }

    private static bool IsLoopbackUrl(string url)
        => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && (uri.Host == "localhost" || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip)));
}
