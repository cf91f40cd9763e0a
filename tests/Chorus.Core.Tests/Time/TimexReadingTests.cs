using Chorus.Core.Time;

namespace Chorus.Core.Tests.Time;

public class TimexReadingTests
{
    [Theory]
    [InlineData("2023-09-12", "2023-09-12", "2023-09-12", null, null)]
    [InlineData("2023-09", "2023-09-01", "2023-09-30", null, null)]
    [InlineData("2014/2018", "2014-01-01", "2018-12-31", null, null)]
    [InlineData("2023-09-12T06:30", "2023-09-12", "2023-09-12", "06:30", "06:30")]
    [InlineData("2016-11-08TEV", "2016-11-08", "2016-11-08", "16:00", "20:00")]
    [InlineData("T05:00/T07:00", null, null, "05:00", "07:00")]
    [InlineData("XXXX-XX-XXT19:56:30", null, null, "19:56:30", "19:56:30")]
    [InlineData("2024-Q3", "2024-07-01", "2024-09-30", null, null)]
    [InlineData("2024-H2", "2024-07-01", "2024-12-31", null, null)]
    [InlineData("199", "1990-01-01", "1999-12-31", null, null)]
    [InlineData("2025-W10-WE", "2025-03-08", "2025-03-09", null, null)]
    [InlineData("2025-W10", "2025-03-03", "2025-03-09", null, null)]
    public void Points_And_Intervals(string value, string? from, string? to, string? t1, string? t2)
    {
        var r = TimexReading.Read(value)!.Value;
        Assert.Equal(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), r.StartDay);
        Assert.Equal(to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), r.EndDay);
        Assert.Equal(t1 is null ? null : TimeOnly.Parse(t1, System.Globalization.CultureInfo.InvariantCulture), r.StartTime);
        Assert.Equal(t2 is null ? null : TimeOnly.Parse(t2, System.Globalization.CultureInfo.InvariantCulture), r.EndTime);
    }

    [Theory]
    [InlineData("PT3M", 180)]
    [InlineData("P2W", 1_209_600)]
    [InlineData("P1.25Y", 39_420_000)]
    [InlineData("PT1H30M", 5400)]
    public void Durations_InSeconds(string value, double seconds) => Assert.Equal(seconds, TimexReading.Read(value)!.Value.Seconds);

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PX")]
    [InlineData("2023-13")]
    [InlineData("T25:00")]
    [InlineData("2023-09-12/garbage")]
    [InlineData("P12")]
    [InlineData("PT")]
    [InlineData("2024-Q5")]
    [InlineData("2024-H3")]
    [InlineData("2024-Q0")]
    [InlineData("000")]
    [InlineData("2025-W10-XY")]
    public void Garbage_ReadsAsNothing(string value) => Assert.Null(TimexReading.Read(value));

    [Fact]
    public void ADateTime_CoversTheDaysOfItsDate() => Assert.True(TimexRange.TryParse("2023-09-12T06:30", out var r) && r.Days == 1);
}
