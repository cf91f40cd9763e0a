using System.Text;
using Chorus.Core.Ingest;
using Xunit.Abstractions;

namespace Chorus.Core.Tests.Ingest;

public class HtmlArticleReaderTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "Chorus.Core.Tests", "Ingest", "Fixtures", "html");

    public static TheoryData<string, string, string, string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "expected.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        return data;
    }

    /// <summary>Character-level F1 of the longest common subsequence, over whitespace-normalised text.</summary>
    internal static double CharF1(string expected, string actual)
    {
        var a = string.Join(' ', expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var b = string.Join(' ', actual.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        var lcs = previous[b.Length];
        var (p, r) = ((double)lcs / b.Length, (double)lcs / a.Length);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_BodyAndMetadata_AreExtracted(string file, string title, string date, string outlet, string url, string lang)
    {
        var result = ArticleInputReader.ReadFile(Path.Combine(Folder, file), new ReadOptions()).Single();
        Assert.True(result.Article is not null, result.Rejection?.Reason);
        var article = result.Article;
        var expected = File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(file, ".expected.txt")));
        var f1 = CharF1(expected, article.Text);
        output.WriteLine($"{file}: character F1 {f1:0.000}\n---\n{article.Text}");
        Assert.True(f1 >= 0.95, $"{file}: character F1 {f1:0.000} < 0.95");
        Assert.Equal(title, article.Title);
        Assert.Equal(date, article.Date?.ToString() ?? "-");
        Assert.Equal(outlet, article.Source);
        Assert.Equal(url, article.Url ?? "-");
        Assert.Equal(lang, article.Lang);
    }

    [Fact]
    public void CharF1_IsOneForEqualTexts_AndDropsWithMissingText()
    {
        Assert.Equal(1.0, CharF1("een  twee\ndrie", "een twee drie"));
        Assert.InRange(CharF1("abcdefghij", "abcde"), 0.66, 0.67);
        Assert.Equal(0.0, CharF1("abc", string.Empty));
    }

    [Fact]
    public void PageWithoutABody_IsRejectedWithAReason()
    {
        const string index = "<html><body><nav><a href='/'>Home</a><a href='/a'>Nieuws</a></nav><div class='teasers'><a href='/1'>Brand in Joure</a><a href='/2'>Storing bij NS</a></div><footer>Colofon</footer></body></html>";
        var result = HtmlArticleReader.Read(index, "index.html", null);
        Assert.NotNull(result.Rejection);
        Assert.Contains("no article body", result.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedHtml_StillGivesTheText()
    {
        var page = File.ReadAllText(Path.Combine(Folder, "nos-like.html"));
        var cut = page[..page.IndexOf("Milieuorganisaties", StringComparison.Ordinal)];
        var result = HtmlArticleReader.Read(cut, "cut.html", null);
        Assert.NotNull(result.Article);
        Assert.Contains("Unie van Waterschappen", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HugePage_IsRejectedBeforeParsing()
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "huge.html");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var result = ArticleInputReader.ReadFile(path, new ReadOptions()).Single();
        Assert.Contains("over the 10 MB", result.Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredWindows1252AndIso885915_AreDecoded_AndAFalseUtf8ClaimFallsBack()
    {
        const string body = "<p>Het café in Zaltbommel serveert crème brûlée voor €4,50 en de eigenaar zegt dat het vooral in de zomer erg druk is. Toeristen komen er speciaal voor terug, zegt hij, en ook de vaste klanten blijven komen.</p>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (var (charset, codePage) in new[] { ("iso-8859-15", 28605), ("windows-1252", 1252), ("utf-8", 1252) })
        {
            var html = $"<html><head><meta charset=\"{charset}\"><title>Café</title></head><body><article>{body}</article></body></html>";
            var bytes = Encoding.GetEncoding(codePage).GetBytes(html);
            var result = ArticleInputReader.ReadBytes(bytes, charset + ".html", new ReadOptions { Format = InputFormat.Html }).Single();
            Assert.True(result.Article is not null, result.Rejection?.Reason);
            Assert.Contains("crème brûlée voor €4,50", result.Article.Text, StringComparison.Ordinal);
        }
    }
    private const string Para = "<p>De gemeenteraad besloot dinsdag na een lang debat dat de brug over de rivier volgend jaar wordt vernieuwd, omdat de oude constructie niet meer veilig is.</p>"
        + "<p>Volgens de wethouder kost het werk ruim twaalf miljoen euro en duurt het ongeveer anderhalf jaar; omwonenden krijgen in het voorjaar een informatieavond.</p>";

    // A furniture word in a class is outweighed by a word that names the article beside it: blogs mark the post
    // "entry author-sarah", Blogger every section "widget Blog".
    [Theory]
    [InlineData("<article class=\"entry author-sarah post-1\">{0}</article><div class=\"comments-area\"><p>Reactie van een lezer die het er niet mee eens is en dat uitgebreid uitlegt in een lange reactie.</p></div>")]
    [InlineData("<div class=\"widget Blog\" id=\"Blog1\">{0}</div><div class=\"widget BlogArchive\"><p>Archief</p></div>")]
    [InlineData("<main class=\"sidebar-layout\">{0}</main>")]
    public void AnArticleContainer_WithAFurnitureWord_IsKept(string body)
    {
        var html = "<html><head><title>Brug</title></head><body>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, body, Para) + "</body></html>";
        var result = HtmlArticleReader.Read(html, "page", null);
        Assert.True(result.Article is not null, result.Rejection?.Reason);
        Assert.Contains("twaalf miljoen euro", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reactie van een lezer", result.Article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("display: none")]
    [InlineData("visibility:hidden;")]
    public void TextHiddenByItsStyle_IsNoBodyText(string style)
    {
        var html = $"<html><body><article><div style=\"{style}\"><p>Deze verborgen alinea hoort niet bij het artikel en mag niet in de tekst komen.</p></div>{Para}</article></body></html>";
        var text = HtmlArticleReader.Read(html, "page", null).Article!.Text;
        Assert.DoesNotContain("verborgen alinea", text, StringComparison.Ordinal);
        Assert.Contains("twaalf miljoen euro", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageThatHidEverythingForADialog_IsReadAsTheDialogCloses()
    {
        var html = $"<html><body><div aria-hidden=\"true\"><article>{Para}</article></div><div role=\"dialog\"><p>Accepteer cookies</p></div></body></html>";
        var result = HtmlArticleReader.Read(html, "page", null);
        Assert.True(result.Article is not null, result.Rejection?.Reason);
        Assert.Contains("twaalf miljoen euro", result.Article.Text, StringComparison.Ordinal);
    }

    // The headline: the publisher's title without the site's own name; an <h1> only where the <title> agrees with it.
    [Theory]
    [InlineData("<meta property=\"og:title\" content=\"Brug wordt vernieuwd - Stadsblad\"><meta property=\"og:site_name\" content=\"Stadsblad\">", "<h1>Brug</h1>", "Brug wordt vernieuwd")]
    [InlineData("<meta property=\"og:title\" content=\"Brug wordt vernieuwd - wat nu?\"><meta property=\"og:site_name\" content=\"Stadsblad\">", "", "Brug wordt vernieuwd - wat nu?")]
    [InlineData("<title>Brug wordt vernieuwd | Stadsblad</title>", "<h1>Hallo, ik ben Nicolas.</h1>", "Brug wordt vernieuwd")]
    [InlineData("<title>Brug wordt vernieuwd | Stadsblad</title>", "<h1>Brug wordt vernieuwd</h1>", "Brug wordt vernieuwd")]
    [InlineData("", "<h1>Brug wordt vernieuwd</h1>", "Brug wordt vernieuwd")]
    public void TheTitle_IsTheHeadline_NotASiteHeading(string head, string h1, string expected)
    {
        var html = $"<html><head>{head}</head><body>{h1}<article>{Para}</article></body></html>";
        Assert.Equal(expected, HtmlArticleReader.Read(html, "page", null).Article!.Title);
    }
    // JSON-LD as XHTML pages write it (inside CDATA or a comment), and the schema.org postings that are articles.
    [Theory]
    [InlineData("<![CDATA[ {\"@type\":\"Article\",\"headline\":\"Brug wordt vernieuwd\",\"datePublished\":\"2003-02-28T21:51:08Z\"} ]]>")]
    [InlineData("<!-- {\"@type\":\"NewsArticle\",\"headline\":\"Brug wordt vernieuwd\",\"datePublished\":\"2003-02-28\"} -->")]
    [InlineData("{\"@type\":\"SocialMediaPosting\",\"headline\":\"Brug wordt vernieuwd\",\"datePublished\":\"2003-02-28T08:35:27-04:00\"}")]
    public void JsonLd_InCdataOrAComment_OrAPosting_GivesTitleAndDate(string script)
    {
        var html = $"<html><head><script type=\"application/ld+json\">{script}</script></head><body><article>{Para}</article></body></html>";
        var article = HtmlArticleReader.Read(html, "page", null).Article!;
        Assert.Equal("Brug wordt vernieuwd", article.Title);
        Assert.Equal("2003-02-28", article.Date?.ToString());
    }
}
