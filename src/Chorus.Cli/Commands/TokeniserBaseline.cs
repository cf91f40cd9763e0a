using System.Diagnostics;
using Chorus.Core.Ingest;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Chorus.Cli.Commands;

/// <summary>
/// What reading every token once costs: Lucene.NET's DutchAnalyzer (tokeniser, lower-casing, stop words, Snowball
/// stemmer) over the texts of an input, on every core as ingest runs, and on one thread. The yardstick ingest's
/// throughput is compared with (<c>bench ingest --baseline</c>).
/// </summary>
internal sealed record TokeniserBaseline(int Articles, double ArticlesPerSecond, double SingleThreadArticlesPerSecond)
{
    public static TokeniserBaseline Measure(string input, int runs)
    {
        var texts = ArticleInputReader.Expand([input])
            .Where(f => f.File is not null)
            .SelectMany(f => ArticleInputReader.ReadFile(f.File!, new ReadOptions()))
            .Where(r => r.Article is not null)
            .Select(r => (r.Article!.Title is { } title ? title + "\n\n" : string.Empty) + r.Article.Text)
            .ToList();
        long tokens = 0;
        // One warm-up pass, so the JIT has settled as it has for the ingest runs.
        TokenizeAll(texts, parallel: true, ref tokens);
        var parallel = new List<double>();
        var single = new List<double>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            parallel.Add(texts.Count / TokenizeAll(texts, parallel: true, ref tokens));
            single.Add(texts.Count / TokenizeAll(texts, parallel: false, ref tokens));
        }

        GC.KeepAlive(tokens);
        return new TokeniserBaseline(texts.Count, BenchCommand.Median(parallel), BenchCommand.Median(single));
    }

    /// <returns>Seconds taken.</returns>
    private static double TokenizeAll(List<string> texts, bool parallel, ref long tokens)
    {
        long counted = 0;
        var sw = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, texts.Count, 16),
                () => new DutchAnalyzer(LuceneVersion.LUCENE_48),
                (range, _, analyzer) =>
                {
                    var n = 0L;
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        n += Tokenize(analyzer, texts[i]);
                    }

                    Interlocked.Add(ref counted, n);
                    return analyzer;
                },
                analyzer => analyzer.Dispose());
        }
        else
        {
            using var analyzer = new DutchAnalyzer(LuceneVersion.LUCENE_48);
            foreach (var text in texts)
            {
                counted += Tokenize(analyzer, text);
            }
        }

        tokens += counted;
        return sw.Elapsed.TotalSeconds;
    }

    private static int Tokenize(DutchAnalyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var n = 0;
        while (stream.IncrementToken())
        {
            n += term.Length > 0 ? 1 : 0;
        }

        stream.End();
        return n;
    }
}
