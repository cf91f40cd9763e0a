using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// The threads ingest analyses articles on, one per core, at a lower scheduling priority than the rest of the process.
/// Every article passes through the one story writer in turn, so the writer sets the pace; analysis only has to stay a
/// batch ahead of it. At equal priority, on a machine with fewer cores than runnable threads, the writer waited for a
/// core behind the analysis of batches it could not take yet: on DPG 2019 with two cores it ran 2.2 ms of work per
/// article alone and took 3.2–3.6 ms of wall time beside analysis (docs/design.md, "The writer first"). Lowered,
/// analysis takes the cores the writer leaves. On Linux the threads' nice value is raised by
/// <c>CHORUS_ANALYSIS_NICE</c> (10 unless set; 0 runs analysis on the shared thread pool as before); elsewhere they run
/// below normal priority.
/// </summary>
public sealed class AnalysisThreads : TaskScheduler, IDisposable
{
    /// <summary>How much higher a nice value analysis runs at than the rest of the process, unless <c>CHORUS_ANALYSIS_NICE</c> says otherwise.</summary>
    public const int DefaultNice = 10;

    private static readonly Lazy<AnalysisThreads?> SharedThreads = new(() => NiceOf(Environment.GetEnvironmentVariable("CHORUS_ANALYSIS_NICE")) is > 0 and var nice
        ? new AnalysisThreads(Environment.ProcessorCount, nice)
        : null);

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _count;

    // Set on the scheduler's own threads: only they may run its tasks inline.
    [ThreadStatic]
    private static AnalysisThreads? t_owner;

    public AnalysisThreads(int count, int nice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _count = count;
        for (var i = 0; i < count; i++)
        {
            new Thread(() => Work(nice)) { IsBackground = true, Name = "Chorus analysis" }.Start();
        }
    }

    /// <summary>The process's analysis threads, made on first use; null where analysis runs at normal priority.</summary>
    public static AnalysisThreads? Shared => SharedThreads.Value;

    public override int MaximumConcurrencyLevel => _count;

    /// <summary>
    /// The increment of the nice value a setting asks for: a whole number from 0 to 19 (0: normal priority); unset or
    /// anything else gives <see cref="DefaultNice"/> (<see cref="ParseNice"/> says what was wrong). Below 0 would need
    /// privileges a user rarely has, and would put analysis ahead of the writer.
    /// </summary>
    public static int NiceOf(string? setting) => ParseNice(setting) is { Success: true } parsed ? parsed.Value : DefaultNice;

    /// <summary>The setting of <c>CHORUS_ANALYSIS_NICE</c> read: unset is <see cref="DefaultNice"/>; anything but 0–19 is an error that names the value.</summary>
    public static ParseResult<int> ParseNice(string? setting)
    {
        if (string.IsNullOrEmpty(setting))
        {
            return ParseResult<int>.Ok(DefaultNice);
        }

        return int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var nice) && nice <= 19
            ? ParseResult<int>.Ok(nice)
            : ParseResult<int>.Fail($"CHORUS_ANALYSIS_NICE={setting} is not a whole number from 0 to 19; analysis runs at +{DefaultNice}, the default");
    }

    /// <summary>Runs <paramref name="work"/> on one of these threads (it may spread itself over the others, as <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> does).</summary>
    public Task RunAsync(Action work, CancellationToken cancellationToken)
        => Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this);

    /// <summary>Lets the threads end once the queued work is done (the shared threads live as long as the process).</summary>
    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_owner == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];

    private void Work(int nice)
    {
        t_owner = this;
        Lower(nice);
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void Lower(int nice)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // Linux schedules each thread on its own, with a nice value of its own: this thread's is raised by the
                // setting from what it inherited (a process started with `nice` keeps analysis below its writer still).
                Marshal.SetLastPInvokeError(0);
                var tid = NativeMethods.GetTid();
                var inherited = NativeMethods.GetPriority(0, tid);
                if ((inherited != -1 || Marshal.GetLastPInvokeError() == 0)
                    && NativeMethods.SetPriority(0, tid, Math.Min(19, inherited + nice)) == 0)
                {
                    return;
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without gettid: the managed priority below.
            }
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "setpriority")]
        public static extern int SetPriority(int which, int who, int priority);

        [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
        public static extern int GetPriority(int which, int who);

        [DllImport("libc", EntryPoint = "gettid")]
        public static extern int GetTid();
    }
}
