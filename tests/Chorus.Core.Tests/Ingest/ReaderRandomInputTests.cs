using Chorus.Core.Ingest;
using CsCheck;

namespace Chorus.Core.Tests.Ingest;

/// <summary>Readers meet arbitrary bytes; they must answer with a result, never an exception.</summary>
public class ReaderRandomInputTests
{
    [Fact]
    public void ReadBytes_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            var results = ArticleInputReader.ReadBytes(bytes, "random", new ReadOptions()).ToList();
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.True(r.Article is not null ^ r.Rejection is not null));
        }, iter: 1000);
    }

    [Fact]
    public void SeedReader_RandomText_NeverThrows_AndKeepsTextNormalised()
    {
        Gen.String[Gen.OneOf(Gen.Char[" date2019-0123\n\r\tabé."], Gen.Char), 0, 200].Sample(text =>
        {
            var r = SeedTextReader.Read(text, "random", null);
            if (r.Article is { } a)
            {
                Assert.DoesNotContain('\r', a.Text);
                Assert.Equal(a.Text.Trim(), a.Text);
            }
        }, iter: 2000);
    }

    [Fact]
    public void JsonlReader_RandomLines_NeverThrow_AndRejectionsNameTheLine()
    {
        var line = Gen.OneOf(
            Gen.String[Gen.Char["{}[]\":,tex 0123-"], 0, 60],
            Gen.Const("{\"text\": \"ok\"}"),
            Gen.Const("{\"title\": 3}"));
        line.Array[1, 20].Sample(lines =>
        {
            var results = JsonlReader.Read(new StringReader(string.Join('\n', lines)), "r.jsonl", null, 1000).ToList();
            Assert.All(results.Where(r => r.Rejection is not null), r => Assert.StartsWith("r.jsonl:", r.Rejection!.Input, StringComparison.Ordinal));
        }, iter: 1000);
    }
}

/// <summary>The other readers and the analyser meet arbitrary and mutated input; each answers, none throws.</summary>
public class ReaderAndAnalyzerPropertyTests
{
    private static readonly Gen<string> Markup = Gen.String[Gen.OneOf(Gen.Char["<>/=\"' itemntrycdaph1&;#x0123456789-:T"], Gen.Char), 0, 400];

    [Fact]
    public void HtmlReader_RandomMarkup_NeverThrows()
        => Markup.Select(s => "<html><head><meta property=\"article:published_time\" content=\"" + s[..Math.Min(10, s.Length)] + "\"></head><body><article><p>" + s + "</p></article></body></html>")
            .Sample(html => Assert.True(HtmlArticleReader.Read(html, "r.html", null) is { } r && (r.Article is null) != (r.Rejection is null)), iter: 500);

    [Fact]
    public void FeedReader_RandomItems_NeverThrow_AndEachItemIsNamed()
        => Markup.Array[0, 6].Sample(items =>
        {
            var xml = "<rss><channel><title>T</title>" + string.Concat(items.Select(i => "<item>" + i)) + "</channel></rss>";
            Assert.All(FeedReader.Read(xml, "f.xml", null), r => Assert.True((r.Article is null) != (r.Rejection is null)));
        }, iter: 500);

    [Fact]
    public void Analyzer_MutatedArticles_NeverThrow_AndSpansStayInTheText()
    {
        var analyzer = Chorus.Core.Analysis.ArticleAnalyzer.CreateDefault();
        var seeds = new[] { "De Noord-Koreaanse leider Kim Jong-un is op weg naar Vladivostok. Poetin ontvangt hem dinsdag om 10.00 uur.", "Ruim 200 mensen raakten gewond bij een brand op 12 september 2023, meldt de brandweer: „We waren er snel.”" };
        Gen.Int[0, 1].Select(Gen.Int[0, 10_000], (s, i) => System.Text.Encoding.UTF8.GetString(Chorus.Core.Fuzzing.MutationFuzzer.Input([.. seeds.Select(System.Text.Encoding.UTF8.GetBytes)], s, i, 4096))).Sample(text =>
        {
            var a = analyzer.Analyze(new RawArticle { Ref = "p", Text = text, Date = Chorus.Core.Time.PartialDate.Parse("2023-09").Value });
            Assert.All(a.Entities, e => Assert.InRange(e.End, e.Start, text.Length));
            Assert.All(a.Times, t => Assert.InRange(t.End, t.Start, text.Length));
            Assert.All(a.Quantities, q => Assert.InRange(q.End, q.Start, text.Length));
        }, iter: 300);
    }
}
