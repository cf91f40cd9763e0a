using System.Collections.Concurrent;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

public sealed class AnalysisThreadsTests
{
    [Theory]
    [InlineData(null, AnalysisThreads.DefaultNice)]
    [InlineData("", AnalysisThreads.DefaultNice)]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData("19", 19)]
    [InlineData("20", AnalysisThreads.DefaultNice)]
    [InlineData("-5", AnalysisThreads.DefaultNice)]
    [InlineData(" 5", AnalysisThreads.DefaultNice)]
    [InlineData("high", AnalysisThreads.DefaultNice)]
    public void NiceOf_ReadsAWholeNumberFrom0To19_ElseTheDefault(string? setting, int expected)
    {
        Assert.Equal(expected, AnalysisThreads.NiceOf(setting));

        // What is not unset and not read as given is an error that names the value (the CLI warns with it).
        var parsed = AnalysisThreads.ParseNice(setting);
        var readAsGiven = string.IsNullOrEmpty(setting) || expected.ToString(System.Globalization.CultureInfo.InvariantCulture) == setting;
        Assert.Equal(readAsGiven, parsed.Success);
        if (!parsed.Success)
        {
            Assert.Contains("CHORUS_ANALYSIS_NICE=" + setting, parsed.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ParallelWork_RunsOnlyOnTheThreads_AtTheirLowerPriority()
    {
        // Raised from what the threads inherit: under `nice -n 5 dotnet test` they run at 12.
        var inherited = NiceOfThisThread();
        using var threads = new AnalysisThreads(2, 7);
        var seen = new ConcurrentDictionary<int, (string? Name, int? Nice)>();
        var options = new ParallelOptions { TaskScheduler = threads };
        await threads.RunAsync(() => Parallel.For(0, 200, options, _ =>
        {
            seen.TryAdd(Environment.CurrentManagedThreadId, (Thread.CurrentThread.Name, NiceOfThisThread()));
            Thread.SpinWait(2_000);
        }), CancellationToken.None);

        Assert.InRange(seen.Count, 1, 2);
        Assert.All(seen.Values, thread => Assert.Equal("Chorus analysis", thread.Name));
        if (OperatingSystem.IsLinux())
        {
            Assert.All(seen.Values, thread => Assert.Equal(Math.Min(19, inherited!.Value + 7), thread.Nice));
        }
    }

    [Fact]
    public async Task ACancelledRun_EndsCancelled_AndTheThreadsRunTheNextOne()
    {
        using var threads = new AnalysisThreads(1, 3);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => threads.RunAsync(() => { }, cancelled.Token));

        var ran = false;
        await threads.RunAsync(() => ran = true, CancellationToken.None);
        Assert.True(ran);
    }

    // Field 19 of /proc/thread-self/stat, counted after the command name (which may hold spaces) ends with ')'.
    private static int? NiceOfThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
