using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

public class JsonlReaderTests
{
    private static List<ReadResult> Read(string jsonl, string? source = null)
        => JsonlReader.Read(new StringReader(jsonl), "in.jsonl", source, 10_000_000).ToList();

    [Fact]
    public void Read_DpgShapedRecord_WithNumericId_Loads()
    {
        var r = Assert.Single(Read("""{"id": 10593548, "title": "'Stel tevredener'", "text": "Stellen zijn tevreden.", "published_at": "2019-02-12"}"""));
        Assert.Equal("10593548", r.Article!.Ref);
        Assert.Equal("10593548", r.Article.ExternalId);
        Assert.Equal("2019-02-12", r.Article.Date.ToString());
        Assert.Equal("'Stel tevredener'", r.Article.Title);
    }

    [Theory]
    [InlineData("""{"text": "x", "published_at": "2019-02-12T10:15:00+01:00"}""", "2019-02-12")]
    [InlineData("""{"text": "x", "date": "2019-02"}""", "2019-02")]
    [InlineData("""{"text": "x", "date": 1394470370698}""", "2014-03-10")]
    [InlineData("""{"text": "x", "published_at": "2019-02-12 08:00:00"}""", "2019-02-12")]
    public void Read_DateFieldsInCommonForms(string line, string date)
        => Assert.Equal(date, Assert.Single(Read(line)).Article!.Date.ToString());

    [Fact]
    public void Read_TitleWithoutText_IsAHeadlineOnlyItem()
    {
        var a = Assert.Single(Read("""{"title": "Fed official says weak data caused by weather", "publisher": "LA Times"}""")).Article!;
        Assert.True(a.HeadlineOnly);
        Assert.Equal("LA Times", a.Source);
    }

    [Fact]
    public void Read_SourceOption_AppliesOnlyWhereTheRecordNamesNone()
    {
        var results = Read("{\"text\": \"a\", \"source\": \"NOS\"}\n{\"text\": \"b\"}", source: "fallback");
        Assert.Equal("NOS", results[0].Article!.Source);
        Assert.Equal("fallback", results[1].Article!.Source);
    }

    [Fact]
    public void Read_MalformedLine_IsRejectedWithPathAndLine_OthersStillLoad()
    {
        var results = Read("{\"text\": \"een\"}\n{\"text\": \"twee\"\n\n{\"text\": 5}\n{\"text\": \"vier\"}\n[1,2]\n{}");
        Assert.Equal(["een", "vier"], results.Where(r => r.Article is not null).Select(r => r.Article!.Text));
        var rejected = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
        Assert.Equal(["in.jsonl:2", "in.jsonl:4", "in.jsonl:6", "in.jsonl:7"], rejected.Select(r => r.Input));
        Assert.Contains("invalid JSON", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("field 'text' must be a string", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("neither 'text' nor 'title'", rejected[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ImpossibleDate_IsRejectedNamingTheField()
    {
        var r = Assert.Single(Read("""{"text": "x", "published_at": "2019-13-01"}"""));
        Assert.Equal("in.jsonl:1", r.Rejection!.Input);
        Assert.Contains("field 'published_at'", r.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextWithCrLfAndDecomposedCharacters_IsNormalised()
    {
        var a = Assert.Single(Read("{\"text\": \"Oekrai\\u0308ne\\r\\n\\r\\nTweede.\"}")).Article!;
        Assert.Equal("Oekraïne\n\nTweede.", a.Text);
    }
}
