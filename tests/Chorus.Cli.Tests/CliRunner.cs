using System.Diagnostics;

namespace Chorus.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the CLI in-process (fast, for most tests) or as a real process (stdin, kill).</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChorusCli.RunAsync(args, stdout, stderr, interactive: false);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The built CLI as a separate process, started with <c>dotnet exec</c>.</summary>
    public static Process Start(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chorus.Cli.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        return process;
    }

    /// <summary>The samples folder as a path relative to the working folder, so refs in golden files do not depend on the machine.</summary>
    public static string RelativeSamples => Path.GetRelativePath(Environment.CurrentDirectory, TestPaths.Samples);
}
