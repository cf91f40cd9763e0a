using Chorus.Evaluation;

namespace Chorus.Core.Tests.Evaluation;

/// <summary>A judged length of time the time layer holds as a duration counts as found when the lengths agree.</summary>
public class StoredFigureEvaluationTests
{
    [Theory]
    [InlineData("P2Y", 2.0, 2.0, "year", true)]
    [InlineData("P24M", 2.0, 2.0, "year", false)] // 720 days, not 730: months are 30 days, as TimexReading reads them
    [InlineData("PT200H", 200.0, 200.0, "h", true)]
    [InlineData("P3W", 21.0, 21.0, "day", true)]
    [InlineData("P2Y", 3.0, 3.0, "year", false)]
    [InlineData("P5D", 4.0, 6.0, "day", true)]
    [InlineData("P2Y", 2.0, 2.0, "mensen", false)] // a count is no length of time
    [InlineData("2019-03", 2.0, 2.0, "year", false)] // a date is no duration
    [InlineData(null, 2.0, 2.0, "year", false)]
    public void ADuration_MatchesTheJudgedLength(string? timex, double min, double max, string what, bool expected)
        => Assert.Equal(expected, StoredFigureEvaluation.DurationMatches(timex, new StoredFigureLabel("a", 0, min, max, what)));
}
