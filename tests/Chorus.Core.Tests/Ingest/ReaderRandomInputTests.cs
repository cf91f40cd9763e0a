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
