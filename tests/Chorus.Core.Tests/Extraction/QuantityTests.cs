using System.Globalization;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Text;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Extraction;

public class QuantityTests(ITestOutputHelper output)
{
    private static readonly QuantityExtractor Extractor = new();

    private static string Format(QuantityMention q)
        => (q.Min is { } min && q.Max is { } max
            ? $"{min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}"
            : q.Value.ToString(CultureInfo.InvariantCulture)) + " " + (q.Unit ?? "-");

    [Theory]
    [InlineData("nl", 0.95, 0.95, 0.9)]
    [InlineData("en", 0.9, 0.9, 0.9)]
    [InlineData("de", 0.9, 0.9, 0.9)]
    public void Fixture_IsExtractedWithValueAndUnit(string lang, double minPrecision, double minRecall, double minAccuracy)
    {
        var cases = FixtureTable.Read("quantities.tsv").Where(c => c.Lang == lang);
        FixtureTable.AssertScores(
            output,
            $"quantities ({lang})",
            cases.Select(c => (c, Extractor.Extract(c.Text, Tokenizer.Tokenize(c.Text), c.Lang, []).Select(q => (q.Start, q.End, Format(q))).ToList())),
            (minPrecision, minRecall, minAccuracy));
    }

    [Fact]
    public void Fixture_HasAtLeast60DutchQuantities()
        => Assert.True(FixtureTable.Read("quantities.tsv").Where(c => c.Lang == "nl").Sum(c => c.Expected.Count) >= 60);

    [Theory]
    [InlineData("vijfentwintig", "nl", 25)]
    [InlineData("tweeëntwintig", "nl", 22)]
    [InlineData("driehonderdzestig", "nl", 360)]
    [InlineData("tienduizend", "nl", 10000)]
    [InlineData("fünfundzwanzig", "de", 25)]
    [InlineData("zweihundert", "de", 200)]
    [InlineData("forty-two", "en", 42)]
    public void NumberWords_AreParsed(string word, string lang, double value)
        => Assert.Equal(value, QuantityExtractor.ParseWords(word, lang));

    [Theory]
    [InlineData("1.000", "nl", 1000)]
    [InlineData("0,25", "nl", 0.25)]
    [InlineData("1.234.567,8", "nl", 1234567.8)]
    [InlineData("3.5", "nl", 3.5)]
    [InlineData("1,000", "en", 1000)]
    [InlineData("2.5", "en", 2.5)]
    public void Digits_FollowTheLanguagesConvention(string token, string lang, double value)
    {
        Assert.True(QuantityExtractor.ParseDigits(token, lang, out var parsed));
        Assert.Equal(value, parsed, 6);
    }
}
