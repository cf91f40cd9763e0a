using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Tests;

namespace Chorus.Core.Tests.Stories;

/// <summary>MinHash signatures are the same whether their rows are hashed eight at a time or one by one.</summary>
public sealed class MinHasherTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static AnalyzedArticle Seed(string path) => Analyzer.Analyze(SeedTextReader.Read(File.ReadAllText(path), "seed", null).Article!);

    /// <summary>
    /// The seed articles' signatures as the one-by-one hashing gives them (and gave them before the eight-at-a-time
    /// hashing was written): an FNV-1a digest of each signature's values.
    /// </summary>
    [Fact]
    public void OneByOne_GivesTheSignaturesItAlwaysGave()
    {
        var was = MinHasher.Vectorised;
        try
        {
            MinHasher.Vectorised = false;
            Assert.Equal(7335038996272648996UL, Digest(MinHasher.Signature(Seed(TestPaths.Seed000))!));
            Assert.Equal(1172295461296670316UL, Digest(MinHasher.Signature(Seed(TestPaths.Seed002))!));
        }
        finally
        {
            MinHasher.Vectorised = was;
        }
    }

    /// <summary>Random texts of many lengths (and the seeds): eight at a time equals one by one, value for value.</summary>
    [SkippableFact]
    public void EightAtATime_EqualsOneByOne()
    {
        Skip.IfNot(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported, "this processor does not multiply 64-bit lanes; signatures are hashed one row at a time here");
        var random = new Random(20261207);
        var words = new[] { "de", "brand", "Keizersgracht", "twee", "mensen", "gewond", "1,5", "miljoen", "Sjojgoe", "Vladivostok", "trein", "2019", "is", "een", "van" };
        var articles = new List<AnalyzedArticle> { Seed(TestPaths.Seed000), Seed(TestPaths.Seed002) };
        for (var n = 0; n < 40; n++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 20 + random.Next(400)).Select(_ => words[random.Next(words.Length)]));
            articles.Add(Analyzer.Analyze(new RawArticle { Ref = "r" + n, Text = text + "." }));
        }

        var was = MinHasher.Vectorised;
        try
        {
            foreach (var article in articles)
            {
                MinHasher.Vectorised = false;
                var oneByOne = MinHasher.Signature(article);
                MinHasher.Vectorised = true;
                Assert.Equal(oneByOne, MinHasher.Signature(article));
            }
        }
        finally
        {
            MinHasher.Vectorised = was;
        }
    }

    private static ulong Digest(uint[] signature)
    {
        var h = 14695981039346656037UL;
        foreach (var v in signature)
        {
            h = (h ^ v) * 1099511628211UL;
        }

        return h;
    }
}
