using BenchmarkDotNet.Attributes;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Text;

namespace Chorus.Benchmarks;

/// <summary>
/// The per-article hot path of an ingest: analysis stages, features and the MinHash signature, on the two seed
/// articles (about 4 KB of Dutch each). Memory diagnoser on: allocation per article is a target too.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private RawArticle[] _articles = [];
    private AnalyzedArticle[] _analyzed = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = FindSamples();
        _articles = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => SeedTextReader.Read(File.ReadAllText(f), f, null).Article!)
            .ToArray();
        _analyzed = _articles.Select(_analyzer.Analyze).ToArray();
    }

    [Benchmark(Description = "analyse (all stages)")]
    public int Analyze()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _analyzer.Analyze(a).Tokens.Count;
        }

        return n;
    }

    [Benchmark(Description = "sentences")]
    public int Sentences()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += SentenceSplitter.Dutch.Split(a.Text).Count;
        }

        return n;
    }

    [Benchmark(Description = "tokens")]
    public int Tokens()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += Tokenizer.Tokenize(a.Text).Count;
        }

        return n;
    }

    [Benchmark(Description = "features + MinHash")]
    public int FeaturesAndSignature()
    {
        var n = 0;
        foreach (var a in _analyzed)
        {
            n += ArticleFeatures.From(a).Terms.Count + (MinHasher.Signature(a)?.Length ?? 0);
        }

        return n;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/ not found");
    }
}
