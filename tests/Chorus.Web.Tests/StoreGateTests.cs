using Microsoft.Extensions.Options;

namespace Chorus.Web.Tests;

public sealed class StoreGateTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // Exports stream for minutes: they take turns in a lane of their own, two at a time, and an ordinary read still runs
    // while that lane is full (the HTTP fuzzer froze a server whose four reader slots all sat in exports).
    [Fact]
    public async Task LongReads_RunTwoAtATime_AndNeverHoldAnOrdinaryReadBack()
    {
        await using var gate = new StoreGate(Options.Create(new ChorusWebOptions { Db = Path.Combine(_tmp.Path, "chorus.db") }));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (running, most) = (0, 0);
        var lockObject = new object();
        async Task<int> Long(Storage.Queries.ChorusQueries q)
        {
            lock (lockObject)
            {
                running++;
                most = Math.Max(most, running);
            }

            await release.Task;
            lock (lockObject)
            {
                running--;
            }

            return 0;
        }

        var longReads = Enumerable.Range(0, 3).Select(_ => gate.ReadLongAsync(Long, CancellationToken.None)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref running) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, Volatile.Read(ref running));
        Assert.Equal(7, await gate.ReadAsync(_ => Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, Volatile.Read(ref running));

        release.SetResult();
        await Task.WhenAll(longReads).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, most);
    }
}
