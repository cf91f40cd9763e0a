using System.Diagnostics;
using System.Text.Json;

namespace Chorus.Cli.Tests;

/// <summary>
/// A store on a small RAM file system that fills up during an ingest. Needs the right to mount one (root, as in CI);
/// skipped, saying so, elsewhere.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [SkippableFact]
    public async Task AFullDisk_EndsTheIngestWithOneLineAndExit3_AndKeepsEveryCommittedBatch()
    {
        var mount = Path.Combine(_tmp.Path, "tiny");
        Directory.CreateDirectory(mount);
        Skip.IfNot(OperatingSystem.IsLinux() && Run("mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", mount) == 0, "needs the right to mount a tmpfs (root), to fill a disk");
        try
        {
            var input = Path.Combine(_tmp.Path, "many.jsonl");
            await File.WriteAllLinesAsync(input, Enumerable.Range(0, 3000).Select(i => JsonSerializer.Serialize(new
            {
                id = $"m{i}",
                date = $"2024-03-{1 + (i % 28):D2}",
                source = $"Bron {i % 5}",
                text = $"Bericht {i} over onderwerp {i % 300} in plaats {i % 91}. De gemeenteraad besprak dinsdag het plan voor de nieuwe brug en de kosten van {i % 40} miljoen euro.",
            })));
            var db = Path.Combine(mount, "s.db");

            var full = await CliRunner.RunAsync("ingest", input, "--db", db);
            Assert.Equal(3, full.ExitCode);
            var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("disk is full", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);

            // What was committed before the disk filled is whole: every stored article is in a story, in whole batches.
            var stories = await CliRunner.RunAsync("stories", "--db", db, "--json");
            Assert.Equal(0, stories.ExitCode);
            var stored = JsonDocument.Parse(stories.Stdout).RootElement.EnumerateArray().Sum(s => s.GetProperty("articles").GetArrayLength());
            Assert.Equal(0, stored % 256);

            // A read needs no room to write, also when the search index missed the last batch and cannot be rebuilt.
            var search = await CliRunner.RunAsync("search", "brug", "--db", db, "--json");
            Assert.Equal(0, search.ExitCode);
            // An index that may miss articles says so in the document too (the API and the search page show it).
            var warning = JsonDocument.Parse(search.Stdout).RootElement.GetProperty("warning");
            Assert.Equal(search.Stderr.Contains("chorus search:", StringComparison.Ordinal), warning.ValueKind == JsonValueKind.String);
        }
        finally
        {
            Run("umount", mount);
        }
    }

    private static int Run(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
