using Chorus.Core.Time;

namespace Chorus.Core.Tests.Time;

public class PartialDateTests
{
    [Theory]
    [InlineData("2023", "2023", "2023-01-01", "2023-12-31")]
    [InlineData("2023-09", "2023-09", "2023-09-01", "2023-09-30")]
    [InlineData("2024-02", "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-09-12", "2023-09-12", "2023-09-12", "2023-09-12")]
    public void Parse_KeepsPrecisionAndGivesItsInterval(string input, string shown, string start, string end)
    {
        var result = PartialDate.Parse(input);
        Assert.True(result.Success, result.Error);
        Assert.Equal(shown, result.Value.ToString());
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), result.Value.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), result.Value.End);
    }

    [Theory]
    [InlineData("2023-13", "month 13")]
    [InlineData("2023-00", "month 0")]
    [InlineData("2023-02-30", "day 30")]
    [InlineData("2023-9", "not a date")]
    [InlineData("23-09-2023", "not a date")]
    [InlineData("abcd", "not a date")]
    [InlineData("0000-01", "year 0")]
    [InlineData("", "not a date")]
    public void Parse_RejectsImpossibleDatesWithAReason(string input, string reasonPart)
    {
        var result = PartialDate.Parse(input);
        Assert.False(result.Success);
        Assert.Contains(reasonPart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysApart_IsZeroWhenAMonthContainsTheDay()
    {
        var month = PartialDate.OfMonth(2023, 9);
        Assert.Equal(0, month.DaysApart(PartialDate.OfDay(new DateOnly(2023, 9, 12))));
        Assert.Equal(1, month.DaysApart(PartialDate.OfDay(new DateOnly(2023, 10, 1))));
        Assert.Equal(12, PartialDate.OfDay(new DateOnly(2023, 9, 12)).DaysApart(PartialDate.OfMonth(2023, 8)));
    }
}
