using Chorus.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static string Url(int port, string host = "127.0.0.1") => $"http://{host}:{port}/";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public static async Task<int> RunAsync(CliContext ctx, string dbPath, int port, string host, string? apiKeyFile, bool isPrivate, CancellationToken ct, IReadOnlyList<string>? watch = null, string? sourcesFile = null, TimeSpan? interval = null, string? alertsFile = null, bool prepare = true)
    {
        var sources = SourceOptions.LoadSources(sourcesFile);
        var watched = (watch?.Count ?? 0) > 0 || sources?.Watch.Count > 0 ? WatchCommand.Sources(watch ?? [], sources, interval) : null;
        if (port is < 1 or > 65535)
        {
            throw new UsageException($"--port {port}: a port is 1 to 65535");
        }

        if (apiKeyFile is not null && !File.Exists(apiKeyFile))
        {
            throw new UsageException($"--api-key-file {apiKeyFile}: no such file");
        }

        var settings = new List<string> { $"--Chorus:Db={dbPath}", $"--urls={Url(port, host).TrimEnd('/')}", $"--Chorus:Private={isPrivate}", $"--Chorus:PrepareDocuments={prepare}" };
        if (apiKeyFile is not null)
        {
            settings.Add($"--Chorus:ApiKeyFile={apiKeyFile}");
        }

        if (sourcesFile is not null)
        {
            // Checked above (LoadSources); posted articles take their outlets from it as watched ones do.
            settings.Add($"--Chorus:SourcesFile={Path.GetFullPath(sourcesFile)}");
        }

        // The host's own start-up failure log would repeat, as a stack trace, what is said below in one line.
        var app = ChorusWebApp.Build([.. settings], b => b.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None));
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new UsageException($"cannot serve at {Url(port, host)}: {FirstLine(e.Message)} (another program uses the port? try --port)");
            }

            ctx.Err.MarkupLineInterpolated($"serving {dbPath} at {Url(port, host)} (API at {Url(port, host)}api/stories, OpenAPI at {Url(port, host)}openapi.json); Ctrl+C stops");
            if (watched is null)
            {
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            else
            {
                // The watcher runs beside the server on a workspace of its own; it stops with the server, after the
                // batch it is storing.
                using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
                var watching = WatchCommand.RunWatcherAsync(ctx, dbPath, watched, sources, alertsFile, "event", json: false, once: false, stopping.Token, showUnchanged: false);
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
                await stopping.CancelAsync().ConfigureAwait(false);
                await watching.ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
