using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

public class SeedTextReaderTests
{
    [Theory]
    [InlineData(" date 2023-09 Tekst.", "2023-09")]
    [InlineData("date 2023 Tekst.", "2023")]
    [InlineData("\n\t date 2023-09-12 Tekst.", "2023-09-12")]
    [InlineData("DATE 2023-09-12\nTekst.", "2023-09-12")]
    public void Read_TakesTheDateHeaderInEveryAllowedForm(string input, string date)
    {
        var result = SeedTextReader.Read(input, "f.txt", null);
        Assert.NotNull(result.Article);
        Assert.Equal(date, result.Article.Date.ToString());
        Assert.Equal("Tekst.", result.Article.Text);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_Seed_KeepsParagraphsAndHeadings()
    {
        var result = SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), "000.txt", "NOS");
        var article = result.Article!;
        Assert.Equal("2023-09", article.Date.ToString());
        Assert.Equal("NOS", article.Source);
        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(10, paragraphs.Length);
        Assert.StartsWith("De Noord-Koreaanse leider Kim Jong-un", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("'Grote fout'", paragraphs[4]);
        Assert.Equal("Gepantserde wagons", paragraphs[7]);
    }

    [Fact]
    public void Read_HeadingDirectlyAboveText_BecomesItsOwnParagraph()
    {
        var result = SeedTextReader.Read("date 2024-01-04 Eerste alinea.\n\nTussenkop hier\nDe tekst gaat verder.\nNog een regel.", "f.txt", null);
        Assert.Equal("Eerste alinea.\n\nTussenkop hier\n\nDe tekst gaat verder. Nog een regel.", result.Article!.Text);
    }

    [Fact]
    public void Read_WithoutDateHeader_IngestsWithUnknownDateAndWarns()
    {
        var result = SeedTextReader.Read("Gewoon een artikel zonder kop.", "nodate.txt", null);
        Assert.NotNull(result.Article);
        Assert.Null(result.Article.Date);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("nodate.txt", warning.Input);
        Assert.Contains("no 'date", warning.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" date 2023-13 Tekst.", "month 13")]
    [InlineData(" date 2023-02-30 Tekst.", "day 30")]
    [InlineData(" date 2023-9-1 Tekst.", "not a date")]
    public void Read_ImpossibleDate_IsRejectedWithFileAndReason(string input, string reason)
    {
        var result = SeedTextReader.Read(input, "bad.txt", null);
        Assert.Null(result.Article);
        Assert.Equal("bad.txt", result.Rejection!.Input);
        Assert.Contains(reason, result.Rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData(" date 2023-09 ")]
    public void Read_NoText_IsRejected(string input)
        => Assert.NotNull(SeedTextReader.Read(input, "empty.txt", null).Rejection);
}
