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

    // Warming the reads as the server starts reads the store's story membership and maps the search index's segments
    // to it, so that the first text-filtered list neither waits for them nor looks its matches up in the store; the
    // gate says when it is done, and how long it took.
    [Fact]
    public async Task WarmReads_KeepTheMembership_AndMapTheIndexToIt()
    {
        var db = Path.Combine(_tmp.Path, "chorus.db");
        await ChorusServer.IngestAsync(db, ChorusServer.SampleInputs("kop"));
        await using var gate = new StoreGate(Options.Create(new ChorusWebOptions { Db = db }));
        Assert.Equal(ReadsState.Cold, gate.ReadsState);
        Assert.Null(gate.Memberships.Newest);

        await gate.WarmReadsAsync(CancellationToken.None);

        Assert.Equal(ReadsState.Warm, gate.ReadsState);
        Assert.NotNull(gate.ReadsWarmedIn);
        var (version, articles, mapped, segments) = await gate.ReadAsync(async q =>
        {
            var index = (Storage.Search.LuceneSearchIndex)q.Workspace.Index;
            var kept = gate.Memberships.Newest!;
            using var directory = Lucene.Net.Store.FSDirectory.Open(Storage.Search.LuceneSearchIndex.FolderFor(db));
            using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
            return (await q.Workspace.Store.ChangeVersionAsync(CancellationToken.None), kept.ArticleCount, index.SegmentsMapped(kept), reader.Leaves.Count);
        }, CancellationToken.None);
        Assert.NotNull(gate.Memberships.Kept(version));
        Assert.True(articles > 10, $"{articles} articles in the membership");
        Assert.True(segments > 0);
        Assert.Equal(segments, mapped);
    }
}
