using Chorus.Core.Stories;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Stories;

public class LabelledArticlesTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("1,\"Fed says, weak data\",x", new[] { "1", "Fed says, weak data", "x" })]
    [InlineData("1,\"He said \"\"no\"\"\",", new[] { "1", "He said \"no\"", "" })]
    public void CsvFields_HandleQuotesAndCommas(string line, string[] fields) => Assert.Equal(fields, LabelledArticles.Fields(line));

    [Fact]
    public void UciCsv_BecomesHeadlineOnlyItemsWithDayDatesAndGoldStories()
    {
        const string csv = "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n1,\"Fed official says weak data caused by weather, should not slow taper\",http://x,Los Angeles Times,b,ddUy,www.latimes.com,1394470370698\n2,broken row\n";
        var (items, errors) = LabelledArticles.Read("uci.csv", csv);
        var item = Assert.Single(items);
        Assert.Equal("ddUy", item.Gold);
        Assert.Equal("Fed official says weak data caused by weather, should not slow taper", item.Article.Title);
        Assert.True(item.Article.HeadlineOnly);
        Assert.Equal("2014-03-10", item.Article.Date?.ToString());
        Assert.Equal("Los Angeles Times", item.Article.Source);
        Assert.Contains(errors, e => e.StartsWith("uci.csv:3:", StringComparison.Ordinal));
    }

    [Fact]
    public void Jsonl_TakesTheGoldFromEvent_AndNamesLinesWithout()
    {
        const string jsonl = "{\"id\":\"a\",\"text\":\"Brand in de haven van Rotterdam.\",\"date\":\"2024-03-12\",\"event\":\"fire\"}\n\n{\"id\":\"b\",\"text\":\"Zonder label.\",\"date\":\"2024-03-12\"}\n";
        var (items, errors) = LabelledArticles.Read("set.jsonl", jsonl);
        Assert.Equal("fire", Assert.Single(items).Gold);
        Assert.Equal(["set.jsonl:3: no \"event\" or \"story\" field with the gold story"], errors);
    }
}
