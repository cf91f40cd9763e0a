using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;

namespace Chorus.Storage.Tests;

/// <summary>One bad input, or one defect in one article's analysis, rejects that input and never the run or the batch.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private sealed class FailOnMarker : IAnalysisStage
    {
        public string Name => "fail-on-marker";

        public AnalysisLayer Requires => AnalysisLayer.None;

        public AnalysisLayer Provides => AnalysisLayer.None;

        public void Apply(AnalysisDocument document)
        {
            if (document.Raw.Text.Contains("KAPOT", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("a defect in a stage");
            }
        }
    }

    [Fact]
    public async Task BadRecordsAndAFailingAnalysis_RejectOneArticleEach_AndEveryGoodArticleIsStored()
    {
        var lines = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            lines.Add($"{{\"id\":\"g{i}\",\"date\":\"2023-09-{1 + (i % 28):D2}\",\"text\":\"Artikel {i} over de haven van Rotterdam en {i} containers.\"}}");
        }

        // Each of these broke a whole run before; the line number names each.
        lines.Insert(10, "{\"id\":\"b1\",\"date\":\"9999-12-31\",\"text\":\"Te laat.\"}");
        lines.Insert(20, "{\"id\":\"b2\",\"date\":\"0001-01-01\",\"text\":\"Te vroeg.\"}");
        lines.Insert(30, "{\"id\":\"b3\",\"date\":99999999999999999,\"text\":\"Te groot.\"}");
        lines.Insert(40, "{\"id\":\"b4\",\"date\":\"123456789012345678901234567890\",\"text\":\"Te lang.\"}");
        lines.Insert(50, "{\"id\":\"b5\",\"date\":\"2023-09-12\",\"text\":\"Half \\ud800 teken.\"}");
        lines.Insert(60, "{\"id\":\"b6\",\"date\":\"2023-09-12\",\"text\":\"Deze tekst is KAPOT voor de analyse.\"}");
        var file = _tmp.File("mixed.jsonl", string.Join('\n', lines));

        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var stages = ArticleAnalyzer.CreateDefault().Stages.Append(new FailOnMarker()).ToList();
        var pipeline = new IngestPipeline(ws.Store, new ArticleAnalyzer(stages), new ClusteringOptions(), ws.Index);
        var report = await pipeline.RunAsync(ArticleInputReader.ReadFile(file, new ReadOptions()));

        Assert.Equal(300, report.Ingested);
        Assert.Equal(300, await ws.Store.CountArticlesAsync());
        Assert.Equal(6, report.Rejected.Count);
        Assert.Contains(report.Rejected, r => r.Input == $"{file}:11" && r.Reason.Contains("field 'date'", StringComparison.Ordinal) && r.Reason.Contains("1800–2200", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Input == $"{file}:21" && r.Reason.Contains("1800–2200", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Input == $"{file}:31" && r.Reason.Contains("Unix time", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Input == $"{file}:41" && r.Reason.Contains("Unix time", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Input == $"{file}:51" && r.Reason.Contains("field 'text'", StringComparison.Ordinal) && r.Reason.Contains("surrogate", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Input == "b6" && r.Reason.StartsWith("analysis failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("y.txt", " date 9999-12-31\n\nTekst over Den Haag.", "line 1, date header")]
    [InlineData("y.txt", " date 0001-01-01\n\nTekst over Den Haag.", "line 1, date header")]
    [InlineData("y.html", "<html><head><meta property=\"article:published_time\" content=\"9999-12-31T10:00:00Z\"></head><body><article><p>Een lange tekst over de haven van Rotterdam die lang genoeg is om als artikel te tellen, met nog meer woorden erbij zodat het zeker meer dan tweehonderd tekens zijn, en dan nog een zin.</p><p>De gemeente wil de kades versterken en de scheepvaart ruimte geven; bewoners praten mee over de plannen voor de komende jaren.</p></article></body></html>", "publication date")]
    [InlineData("y.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><title>Een</title><published>0001-01-01T00:00:00Z</published><content>Tekst over Utrecht.</content></entry></feed>", "field 'published'")]
    public void DatesOutsideTheCalendarAnArticleCanHave_AreRejectedByEveryReader(string name, string content, string where)
    {
        var path = _tmp.File(name, content);
        var result = Assert.Single(ArticleInputReader.ReadFile(path, new ReadOptions()));
        Assert.NotNull(result.Rejection);
        Assert.Contains(where, result.Rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("1800–2200", result.Rejection.Reason, StringComparison.Ordinal);
    }

    // A reprint months later joins the original's story, which lies outside the window: the story's stored count
    // and dates must take it in, as they do for a story in the window.
    [Fact]
    public async Task ANearCopyOfAnArticleOutsideTheWindow_UpdatesItsStorysCountAndDates()
    {
        var text = "Bij een grote brand in een loods aan de haven van Rotterdam zijn dinsdagavond twaalf mensen gewond geraakt. De brandweer was de hele nacht bezig met blussen en de politie onderzoekt de oorzaak van de brand in de loods.";
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var pipeline = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        await pipeline.RunAsync([ReadResult.Ok(new RawArticle { Ref = "a", Text = text, Date = Core.Time.PartialDate.Parse("2019-01-08").Value, Source = "Krant A" })]);
        var copy = await pipeline.RunAsync([ReadResult.Ok(new RawArticle { Ref = "b", Text = text + " Het pand was eigendom van een transportbedrijf.", Date = Core.Time.PartialDate.Parse("2019-09-10").Value, Source = "Krant B" })]);
        Assert.Equal(1, copy.NearDuplicates);
        var story = Assert.Single(await ws.Store.ListStoriesAsync());
        Assert.Equal(2, story.Articles.Count);
        Assert.Equal(2, story.Profile.ArticleCount);
        Assert.Equal(new DateOnly(2019, 9, 10), story.Profile.Last);
    }
}

/// <summary>The default story list is paged in the store; it must list exactly what the full filter-and-sort would.</summary>
public sealed class StoryPagingTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(null, null)]
    [InlineData("2023-09", null)]
    [InlineData(null, "2024-03-05")]
    [InlineData("2024", "2024-03")]
    public async Task PagesFromTheStore_AreTheFullOrderCutInPages(string? from, string? to)
    {
        await using var ws = await ChorusWorkspace.OpenSqliteAsync(Path.Combine(_tmp.Path, "c.db"));
        var inputs = ArticleInputReader.Expand([TestPaths.Samples]).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()));
        await new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index).RunAsync(inputs);
        var fromDate = from is null ? (Core.Time.PartialDate?)null : Core.Time.PartialDate.Parse(from).Value;
        var toDate = to is null ? (Core.Time.PartialDate?)null : Core.Time.PartialDate.Parse(to).Value;

        static DateOnly Latest(Core.Store.StoredStory s) => s.Articles.Where(a => a.Date is not null).Select(a => a.Date!.Value.End).DefaultIfEmpty(DateOnly.MinValue).Max();
        var expected = (await ws.Store.ListStorySummariesAsync())
            .Where(s => fromDate is not { } f || s.Articles.Any(a => a.Date is { } d && d.End >= f.Start))
            .Where(s => toDate is not { } t || s.Articles.Any(a => a.Date is { } d && d.Start <= t.End))
            .OrderByDescending(Latest).ThenByDescending(s => s.Articles.Count).ThenBy(s => s.Profile.Id, StringComparer.Ordinal)
            .Select(s => s.Profile.Id).ToList();
        Assert.NotEmpty(expected);

        var queries = new Queries.ChorusQueries(ws);
        var paged = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var doc = await queries.StoriesAsync(new Queries.StoryFilter { From = fromDate, To = toDate, Page = page, PageSize = 3 });
            Assert.Equal(expected.Count, doc.Total);
            paged.AddRange(doc.Stories.Select(s => s.Id));
            Assert.All(doc.Stories, s => Assert.NotEmpty(s.Articles));
        }

        Assert.Equal(expected, paged);
    }
}
