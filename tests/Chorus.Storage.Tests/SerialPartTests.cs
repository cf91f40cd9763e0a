using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;

namespace Chorus.Storage.Tests;

/// <summary>
/// The serial part (story assignment, entity linking, the store batch) is measured by running it alone: that must
/// change when work happens, never what is stored.
/// </summary>
public sealed class SerialPartTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task TheSerialPartRunAlone_StoresWhatThePipelinedRunStores_AndMeasuresItsOwnCpu()
    {
        // 600 real articles: three batches, so that analysis and the index would run beside the writer.
        var input = ArticleInputReader.ReadFile(Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl"), new ReadOptions()).Take(600).ToList();
        var pipelined = await IngestAsync("pipelined.db", input, isolate: false);
        var alone = await IngestAsync("alone.db", input, isolate: true);

        Assert.Equal(pipelined.Stored, alone.Stored);
        Assert.Equal(pipelined.Entities, alone.Entities);
        Assert.Equal(TimeSpan.Zero, pipelined.Report.SerialCpuTime);
        Assert.True(alone.Report.SerialCpuTime > TimeSpan.Zero, "the serial part run alone has a CPU time");
        Assert.True(alone.Report.SerialCpuTime < alone.Cpu, $"serial CPU {alone.Report.SerialCpuTime} is part of the run's {alone.Cpu}");
        Assert.True(alone.Report.SerialTime > TimeSpan.Zero);

        // The writer's parts are timed one after another inside the lock: together they are (nearly all of) it, and
        // each that a batch of real articles goes through took time. Linking runs beside the writer, so it is apart.
        var parts = Enum.GetValues<SerialPart>().ToDictionary(p => p, p => alone.Report.SerialParts[p]);
        var writer = parts.Where(p => p.Key != SerialPart.Linking).Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value);
        Assert.InRange(writer.TotalMilliseconds, 0.5 * alone.Report.SerialTime.TotalMilliseconds, alone.Report.SerialTime.TotalMilliseconds);
        foreach (var part in new[] { SerialPart.Window, SerialPart.NearCopies, SerialPart.Clustering, SerialPart.ArticleWrites, SerialPart.Linking, SerialPart.EntityWrites, SerialPart.StoryWrites, SerialPart.TermCounts, SerialPart.Commit })
        {
            Assert.True(parts[part] > TimeSpan.Zero, $"{part} was timed");
        }
    }

    private async Task<(IngestReport Report, TimeSpan Cpu, List<string> Stored, List<string> Entities)> IngestAsync(string name, IReadOnlyList<ReadResult> input, bool isolate)
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, name));
        var pipeline = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index) { IsolateSerialPart = isolate };
        var cpu = Environment.CpuUsage.TotalTime;
        var report = await pipeline.RunAsync(input);
        cpu = Environment.CpuUsage.TotalTime - cpu;
        var stored = (await ws.Store.ListStoriesAsync())
            .SelectMany(s => s.Articles.Select(a => $"{a.Id} {s.Profile.Id} {a.DuplicateOf}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var entities = (await ws.Store.ListEntitiesAsync(int.MaxValue))
            .Select(e => $"{e.Id} {e.Type} {e.Name} {e.Mentions}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(report.Ingested > 500, $"{report.Ingested} of 600 stored");
        return (report, cpu, stored, entities);
    }
}
