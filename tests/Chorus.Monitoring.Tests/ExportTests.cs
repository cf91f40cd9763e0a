using System.Text.Json;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Outlets;
using Chorus.Monitoring.Export;
using Chorus.Storage;
using Chorus.Storage.Queries;

namespace Chorus.Monitoring.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private async Task<List<string?[]>> ExportAsync(ChorusQueries queries, ExportRequest request, ExportFormat format)
    {
        var path = Path.Combine(_tmp.Path, $"{request.Table}-{Guid.NewGuid():N}.{format}");
        await using (var file = File.Create(path))
        {
            await Exporter.ExportAsync(queries, request, format, file);
        }

        var columns = ExportSchema.Columns(request.Table);
        switch (format)
        {
            case ExportFormat.Csv:
                var (csvHeader, csvRows) = MonitoringTestSupport.ReadCsv(path);
                Assert.Equal(columns.Select(c => c.Name), csvHeader);
                return csvRows;
            case ExportFormat.Parquet:
                var (header, rows) = await MonitoringTestSupport.ReadParquetAsync(path);
                Assert.Equal(columns.Select(c => c.Name), header);
                return rows;
            default:
                return File.ReadLines(path).Select(line =>
                {
                    using var doc = JsonDocument.Parse(line);
                    return columns.Select(c => doc.RootElement.GetProperty(c.Name) switch
                    {
                        { ValueKind: JsonValueKind.Null } => string.Empty,
                        { ValueKind: JsonValueKind.True } => "true",
                        { ValueKind: JsonValueKind.False } => "false",
                        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                        var s => s.GetString(),
                    }).ToArray();
                }).ToList();
        }
    }

    [Theory]
    [InlineData(ExportTable.Stories)]
    [InlineData(ExportTable.Articles)]
    [InlineData(ExportTable.Entities)]
    [InlineData(ExportTable.Claims)]
    [InlineData(ExportTable.Conflicts)]
    public async Task Every_table_reads_back_the_same_from_jsonl_csv_and_parquet(ExportTable table)
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        // The samples, and two reports of one fire that disagree on the number of dead.
        var fire = _tmp.File("fire.jsonl", """
            {"id":"c1","source":"Dagblad Oost","published_at":"2024-05-02","title":"Zware brand in fabriek Hengelo","text":"Bij een zware brand in een chemische fabriek in Hengelo zijn woensdagavond drie mensen om het leven gekomen. De brandweer rukte met twaalf wagens uit. Het vuur brak rond 21.00 uur uit in een opslaghal van het bedrijf Tetrachem. Omwonenden moesten ramen en deuren sluiten vanwege de rook."}
            {"id":"c2","source":"Twentse Courant","published_at":"2024-05-02","title":"Doden bij brand chemische fabriek Hengelo","text":"Bij een grote brand in een chemische fabriek in Hengelo zijn woensdagavond vijf mensen om het leven gekomen. De brandweer rukte met twaalf wagens uit. Het vuur brak rond 21.00 uur uit in een opslaghal van Tetrachem. Omwonenden moesten ramen en deuren sluiten vanwege de rook."}
            """);
        await MonitoringTestSupport.IngestAsync(ws, [TestPaths.Samples, fire]);
        var queries = new ChorusQueries(ws);
        var jsonl = await ExportAsync(queries, new ExportRequest(table), ExportFormat.Jsonl);
        var csv = await ExportAsync(queries, new ExportRequest(table), ExportFormat.Csv);
        var parquet = await ExportAsync(queries, new ExportRequest(table), ExportFormat.Parquet);
        Assert.NotEmpty(jsonl);
        Assert.Equal(jsonl, csv);
        Assert.Equal(jsonl, parquet);
    }

    [Fact]
    public async Task The_seed_story_exports_with_its_outlets_unknown_never_as_file_names()
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        await MonitoringTestSupport.IngestAsync(ws, [TestPaths.Seed000, TestPaths.Seed002]);
        var queries = new ChorusQueries(ws);
        var articles = await ExportAsync(queries, new ExportRequest(ExportTable.Articles), ExportFormat.Csv);
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.Equal(OutletNames.Unknown, a[2]));
        var stories = await ExportAsync(queries, new ExportRequest(ExportTable.Stories), ExportFormat.Csv);
        var seedStory = Assert.Single(stories);
        Assert.Equal("unknown outlet", seedStory[7]);
        Assert.Equal("2", seedStory[6]);
        // The story's claims and the entities of its articles come along, each tied to its article.
        var claims = await ExportAsync(queries, new ExportRequest(ExportTable.Claims, StoryId: seedStory[0]), ExportFormat.Csv);
        Assert.Contains(claims, c => c[2] == "true");
        Assert.Contains(articles, a => a[10]!.Contains("Poetin", StringComparison.Ordinal) || a[10]!.Contains("Putin", StringComparison.Ordinal));
    }

    // Layers of an older analyser are still the store's: their figures are exported as stored, not dropped.
    [Fact]
    public async Task Articles_with_layers_of_an_older_analyser_export_their_stored_figures()
    {
        var full = ArticleAnalyzer.CreateDefault();
        // An analyser without the quote stage stands for an older one: its layers carry version 0.
        var older = new ArticleAnalyzer(full.Stages.Where(s => s.Name != "quotes").ToList());
        var figures = new List<List<string?>>();
        foreach (var (name, analyzer) in new[] { ("old.db", older), ("new.db", full) })
        {
            await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, name));
            await new IngestPipeline(ws.Store, analyzer, new ClusteringOptions(), ws.Index)
                .RunAsync(ArticleInputReader.Expand([TestPaths.Seed000, TestPaths.Seed002]).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())));
            var rows = await ExportAsync(new ChorusQueries(ws), new ExportRequest(ExportTable.Articles), ExportFormat.Jsonl);
            figures.Add(rows.Select(r => r[11]).ToList());
        }

        Assert.Contains(figures[0], f => !string.IsNullOrEmpty(f));
        Assert.Equal(figures[1], figures[0]);
    }

    [SharedDataFact("dpg2019/labels.jsonl")]
    public async Task Dpg_with_its_labels_joined_exports_real_outlet_names_and_round_trips_through_csv_and_parquet()
    {
        var data = Path.Combine(TestPaths.SharedData, "dpg2019");
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var sources = SourcesFile.Load(Path.Combine(TestPaths.Samples, "sources", "dpg.json"));
        Assert.True(sources.Success, sources.Error);
        var options = new ReadOptions { Join = RecordJoin.Load(Path.Combine(data, "labels.jsonl")).Value, Outlets = new OutletDirectory(sources.Value!) };
        await MonitoringTestSupport.IngestAsync(ws, [Path.Combine(data, "articles.jsonl")], options);
        var queries = new ChorusQueries(ws);

        var csv = await ExportAsync(queries, new ExportRequest(ExportTable.Articles), ExportFormat.Csv);
        var parquet = await ExportAsync(queries, new ExportRequest(ExportTable.Articles), ExportFormat.Parquet);
        Assert.Equal(await ws.Store.CountArticlesAsync(), csv.Count);
        Assert.Equal(csv, parquet);
        var outlets = csv.GroupBy(r => r[2]).ToDictionary(g => g.Key!, g => g.Count());
        // 766 articles carry a publisher; the rest are of unknown outlet, none named after a file or an id.
        Assert.Contains("de Volkskrant", outlets.Keys);
        Assert.Contains("Trouw", outlets.Keys);
        Assert.Contains("BN DeStem", outlets.Keys);
        Assert.Equal(12, outlets.Count);
        Assert.InRange(outlets.Where(o => o.Key != OutletNames.Unknown).Sum(o => o.Value), 700, 766);
        Assert.DoesNotContain(outlets.Keys, k => k.Any(char.IsAsciiDigit) || k.EndsWith(".jsonl", StringComparison.Ordinal));
    }
}
