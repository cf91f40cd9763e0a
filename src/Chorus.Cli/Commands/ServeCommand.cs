using Chorus.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static string Url(int port, string host = "127.0.0.1") => $"http://{host}:{port}/";

    public static async Task<int> RunAsync(CliContext ctx, string dbPath, int port, string host, string? apiKeyFile, bool isPrivate, CancellationToken ct)
    {
        if (port is < 1 or > 65535)
        {
            throw new UsageException($"--port {port}: a port is 1 to 65535");
        }

        if (apiKeyFile is not null && !File.Exists(apiKeyFile))
        {
            throw new UsageException($"--api-key-file {apiKeyFile}: no such file");
        }

        var settings = new List<string> { $"--Chorus:Db={dbPath}", $"--urls={Url(port, host).TrimEnd('/')}", $"--Chorus:Private={isPrivate}" };
        if (apiKeyFile is not null)
        {
            settings.Add($"--Chorus:ApiKeyFile={apiKeyFile}");
        }

        var app = ChorusWebApp.Build([.. settings]);
        await using (app.ConfigureAwait(false))
        {
            ctx.Err.MarkupLineInterpolated($"serving {dbPath} at {Url(port, host)} (API at {Url(port, host)}api/stories, OpenAPI at {Url(port, host)}openapi.json); Ctrl+C stops");
            await app.StartAsync(ct).ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
