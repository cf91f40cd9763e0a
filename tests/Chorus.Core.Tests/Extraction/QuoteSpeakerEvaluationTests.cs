using Chorus.Evaluation;

namespace Chorus.Core.Tests.Extraction;

public class QuoteSpeakerEvaluationTests
{
    [Theory]
    [InlineData("a1\tx\tJansen", "expected article id")]
    [InlineData("a1\t12", "expected article id")]
    [InlineData("a1\t12\t ", "expected article id")]
    public void BadRows_NameTheLine(string line, string reason)
    {
        var parsed = QuoteSpeakerEvaluation.Parse("quotes.tsv", ["# comment", line]);
        Assert.False(parsed.Success);
        Assert.StartsWith("quotes.tsv:2:", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoOneNamed_IsNull_AndUnsure_IsLeftOut()
    {
        var labels = QuoteSpeakerEvaluation.Parse("quotes.tsv", ["a1\t12\tJansen", "a1\t40\t-", "a2\t7\t?"]).Value!;
        Assert.Equal([new QuoteSpeakerLabel("a1", 12, "Jansen"), new QuoteSpeakerLabel("a1", 40, null)], labels);
    }
}
