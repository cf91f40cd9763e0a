using BenchmarkDotNet.Attributes;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;

namespace Chorus.Benchmarks;

/// <summary>
/// The cost of the time, quantity and quote extractors: the default analyser against the same analyser
/// without those three stages, one thread, on the first 300 DPG 2019 articles (../shared/data) or the samples.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ArticleAnalyzer _full = ArticleAnalyzer.CreateDefault();
    private ArticleAnalyzer _withoutExtractors = null!;
    private List<RawArticle> _articles = [];

    [GlobalSetup(Targets = [nameof(WithoutExtractors), nameof(WithExtractors)])]
    public void Setup()
    {
        _withoutExtractors = new ArticleAnalyzer(_full.Stages.Where(s => s is not (TimeStage or QuantityStage or QuoteStage)).ToList());
        var dpg = BenchmarkData.FindUp(Path.Combine("shared", "data", "dpg2019", "articles.jsonl"));
        _articles = (dpg is null
                ? ArticleInputReader.ExpandFolder(BenchmarkData.FindUp("samples", directory: true)!).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()))
                : ArticleInputReader.ReadFile(dpg, new ReadOptions()))
            .Where(r => r.Article is not null).Select(r => r.Article!).Take(300).ToList();
        Console.WriteLine($"// articles: {_articles.Count}");
    }

    private List<(AnalyzedArticle Article, string[] Words)> _analyzed = [];
    private readonly Chorus.Core.Extraction.Times.TimeExpressionExtractor _times = new();
    private readonly Chorus.Core.Extraction.Quantities.QuantityExtractor _quantities = new();

    [GlobalSetup(Targets = [nameof(TimeExtractorAlone), nameof(QuantityExtractorAlone)])]
    public void SetupAnalysed()
    {
        Setup();
        _analyzed = _articles.Select(a => _full.Analyze(a)).Select(a => (a, a.Tokens.Select(t => t.Of(a.Raw.Text).ToString().ToLowerInvariant()).ToArray())).ToList();
    }

    /// <summary>The time extractor alone over the analysed articles, for its cost apart from the rest of analysis.</summary>
    [Benchmark]
    public int TimeExtractorAlone() => _analyzed.Sum(a => _times.Extract(a.Article.Raw.Text, a.Article.Tokens, a.Words, a.Article.Raw.Date, a.Article.Lang).Count);

    [Benchmark]
    public int QuantityExtractorAlone() => _analyzed.Sum(a => _quantities.Extract(a.Article.Raw.Text, a.Article.Tokens, a.Words, a.Article.Lang, []).Count);

    [Benchmark(Baseline = true)]
    public int WithoutExtractors() => _articles.Sum(a => _withoutExtractors.Analyze(a).Tokens.Count);

    [Benchmark]
    public int WithExtractors() => _articles.Sum(a => _full.Analyze(a).Tokens.Count);
}
