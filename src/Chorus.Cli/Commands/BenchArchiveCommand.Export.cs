using System.Diagnostics;
using System.Globalization;
using Chorus.Core.Contracts;

namespace Chorus.Cli.Commands;

// bench export: the memory an export of a large archive needs, measured on a separate process.
internal static partial class BenchArchiveCommand
{
    /// <summary>
    /// Builds an archive of <paramref name="size"/> articles (as <c>bench archive</c> does), then runs
    /// <c>./chorus export articles</c> over it in a child process for each format and samples the child's resident
    /// memory (its high-water mark, <c>VmHWM</c>) until it exits: peak memory, time and rows, and checks that every
    /// article was exported.
    /// </summary>
    public static async Task<int> ExportAsync(CliContext ctx, string input, int size, IReadOnlyList<string> formats, bool json, CancellationToken ct)
    {
        if (!File.Exists(input))
        {
            throw new UsageException($"{input}: no such file (give real articles to build the archive from, e.g. the DPG JSONL)");
        }

        var pool = Pool(input);
        var dir = Path.Combine(Path.GetTempPath(), "chorus-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var results = new List<object>();
        try
        {
            var db = await BenchCommand.BenchStoreAsync(dir, null, ct).ConfigureAwait(false);
            var build = Stopwatch.StartNew();
            await BuildAsync(db, pool, size, write: true, ct).ConfigureAwait(false);
            await ctx.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size:N0} articles: built in {build.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
            foreach (var format in formats)
            {
                var output = Path.Combine(dir, "export." + format);
                var (seconds, peak, exitCode, stderr) = await RunMeasuredAsync(["export", "articles", "--format", format, "--out", output, "--db", db], ct).ConfigureAwait(false);
                if (exitCode != 0)
                {
                    throw new UsageException($"export --format {format} failed (exit {exitCode}): {stderr}");
                }

                var rows = long.Parse(System.Text.RegularExpressions.Regex.Match(stderr, @"exported ([\d,]+) ").Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                var bytes = new FileInfo(output).Length;
                File.Delete(output);
                await ctx.Stdout.WriteLineAsync(json ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{size,10:N0} articles  {format,-8} {rows,10:N0} rows  {seconds,7:0.0} s  {rows / Math.Max(0.001, seconds),8:N0} rows/s  peak {peak / 1048576.0,6:0} MB  file {bytes / 1048576.0,7:0.0} MB{(rows == size ? string.Empty : "  ROWS MISSING")}")).ConfigureAwait(false);
                results.Add(new { articles = size, format, rows, seconds = Math.Round(seconds, 2), peakMb = Math.Round(peak / 1048576.0, 1), fileMb = Math.Round(bytes / 1048576.0, 1) });
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { input, processors = Environment.ProcessorCount, results })).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Runs this program with <paramref name="args"/>; returns its time, its peak resident memory in bytes, its exit code and its stderr.</summary>
    private static async Task<(double Seconds, long PeakBytes, int ExitCode, string Stderr)> RunMeasuredAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program to start");
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchArchiveCommand).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the export");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(25, ct).ConfigureAwait(false);
        }

        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        return (clock.Elapsed.TotalSeconds, peak, process.ExitCode, await stderr.ConfigureAwait(false));
    }

    // The kernel's record of a process's peak resident set (Linux); 0 where there is none.
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process ended between two samples.
        }

        return 0;
    }
}
