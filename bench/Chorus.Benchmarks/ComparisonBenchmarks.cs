using BenchmarkDotNet.Attributes;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories.Comparison;

namespace Chorus.Benchmarks;

/// <summary>
/// Building the comparison of a 20-article story (the bar: under 200 ms). The articles are the first 20
/// DPG 2019 articles (../shared/data), full-length news, or the samples when that file is absent; treating them as
/// one story is the worst case for alignment, since every sentence is compared with every other article's.
/// <see cref="Compare"/> is the comparer on analysed articles; <see cref="AnalyseAndCompare"/> adds the
/// re-analysis that <c>./chorus story ID</c> does.
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private readonly ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private readonly StoryComparer _comparer = new();
    private List<RawArticle> _raw = [];
    private List<ComparedArticle> _compared = [];
    private List<byte[]> _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var dpg = BenchmarkData.FindUp(Path.Combine("shared", "data", "dpg2019", "articles.jsonl"));
        _raw = (dpg is null
                ? ArticleInputReader.ExpandFolder(BenchmarkData.FindUp("samples", directory: true)!).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions()))
                : ArticleInputReader.ReadFile(dpg, new ReadOptions()))
            .Where(r => r.Article is not null).Select(r => r.Article!).Take(20).ToList();
        _compared = Analyse();
        _encoded = [.. _compared.Select(c => AnalysisCodec.Encode(c.Analyzed))];
        Console.WriteLine($"// articles: {_compared.Count}, sentences: {_compared.Sum(a => a.Analyzed.Sentences.Count)}");
    }

    [Benchmark(Baseline = true)]
    public int Compare() => _comparer.Compare(_compared).Claims.Count;

    [Benchmark]
    public int AnalyseAndCompare() => _comparer.Compare(Analyse()).Claims.Count;

    /// <summary>
    /// What a story page does before comparing when it reads stored layers instead of analysing: decode the 20
    /// articles' layer blobs (<see cref="AnalysisCodec"/>), then compare.
    /// </summary>
    [Benchmark]
    public int DecodeAndCompare()
        => _comparer.Compare(_encoded.Select((blob, i) => ComparedArticle.WithProvisionalIds("a" + i, _raw[i].Source ?? "outlet" + i, _raw[i].Source, AnalysisCodec.Decode(blob, _raw[i])!)).ToList()).Claims.Count;

    /// <summary>Decoding the 20 articles' layer blobs alone.</summary>
    [Benchmark]
    public int DecodeLayers() => _encoded.Select((blob, i) => AnalysisCodec.Decode(blob, _raw[i])!.Tokens.Count).Sum();

    private List<ComparedArticle> Analyse()
        => _raw.Select((r, i) =>
        {
            return ComparedArticle.WithProvisionalIds("a" + i, r.Source ?? "outlet" + i, r.Source, _analyzer.Analyze(r));
        }).ToList();
}
