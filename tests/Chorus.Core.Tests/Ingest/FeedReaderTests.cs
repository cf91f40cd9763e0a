using System.Text;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

public class FeedReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Het Dagblad - Binnenland</title>
          <link>https://www.hetdagblad.example/</link>
          <item>
            <title>Storing legt treinverkeer rond Utrecht plat</title>
            <link>https://www.hetdagblad.example/1</link>
            <guid>hd-1</guid>
            <pubDate>Tue, 05 Mar 2024 07:45:00 +0100</pubDate>
            <description>Korte samenvatting.</description>
            <content:encoded><![CDATA[<p>Door een storing in de seinen lag het treinverkeer rond Utrecht urenlang stil.</p><p>ProRail onderzoekt de oorzaak.</p>]]></content:encoded>
          </item>
          <item>
            <title>Kabinet wil meer geld voor dijken</title>
            <link>https://www.hetdagblad.example/2</link>
            <dc:date>2024-02-14T09:12:00+01:00</dc:date>
            <description>&lt;p&gt;Het kabinet trekt 1,2 miljard euro uit voor dijkversterking.&lt;/p&gt;</description>
          </item>
          <item>
            <title>Kapot <b>item</title>
            <description>Deze regel is geen geldige XML</description>
          </item>
          <item>
            <title>Brand in Joure</title>
            <pubDate>Fri, 15 Mar 2024 14:22:00 GMT</pubDate>
            <content:encoded><![CDATA[<p>Een grote brand heeft een boerderij in Joure verwoest.</p>]]></content:encoded>
          </item>
        </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>World Wire</title>
          <entry>
            <title>Nikkei hits record high</title>
            <link rel="alternate" href="https://www.worldwire.example/nikkei"/>
            <id>urn:ww:1</id>
            <published>2024-03-04T06:31:00Z</published>
            <content type="html">&lt;p&gt;Japan's Nikkei share average rose above 40,000 for the first time.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Dollar slips</title>
            <updated>2024-03-05T08:00:00Z</updated>
            <summary>The dollar slipped ahead of testimony by the Fed chair.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void Rss_ItemsBecomeArticles_ABrokenItemIsRejectedByLine_AndSummariesAreMarked()
    {
        var results = FeedReader.Read(Rss, "feed.xml", null).ToList();
        Assert.Equal(4, results.Count);
        var full = results[0].Article!;
        Assert.Equal("Door een storing in de seinen lag het treinverkeer rond Utrecht urenlang stil.\n\nProRail onderzoekt de oorzaak.", full.Text);
        Assert.Equal("2024-03-05", full.Date?.ToString());
        Assert.Equal("Het Dagblad - Binnenland", full.Source);
        Assert.Equal("https://www.hetdagblad.example/1", full.Url);
        Assert.Equal("hd-1", full.ExternalId);
        Assert.False(full.SummaryOnly);

        var summary = results[1].Article!;
        Assert.True(summary.SummaryOnly);
        Assert.Equal("Het kabinet trekt 1,2 miljard euro uit voor dijkversterking.", summary.Text);
        Assert.Equal("2024-02-14", summary.Date?.ToString());
        Assert.Contains(results[1].Warnings, w => w.Reason.Contains("summary only", StringComparison.Ordinal));

        Assert.NotNull(results[2].Rejection);
        Assert.StartsWith("feed.xml:", results[2].Rejection!.Input, StringComparison.Ordinal);
        Assert.Contains("item 3: invalid XML", results[2].Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal("2024-03-15", results[3].Article!.Date?.ToString());
    }

    [Fact]
    public void Atom_EntriesBecomeArticles_WithLinksAndDates()
    {
        var results = ArticleInputReader.ReadBytes(Encoding.UTF8.GetBytes(Atom), "atom.xml", new ReadOptions()).ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("https://www.worldwire.example/nikkei", results[0].Article!.Url);
        Assert.Equal("2024-03-04", results[0].Article!.Date?.ToString());
        Assert.Equal("World Wire", results[0].Article!.Source);
        Assert.True(results[1].Article!.SummaryOnly);
        Assert.Equal("2024-03-05", results[1].Article!.Date?.ToString());
    }

    [Fact]
    public void NotAFeed_IsRejected()
    {
        var result = Assert.Single(ArticleInputReader.ReadBytes(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><catalog><book/></catalog>"), "books.xml", new ReadOptions { Format = InputFormat.Rss }));
        Assert.Contains("not an RSS or Atom feed", result.Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AThousandItemFeed_IsReadWhole()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bulk</title>");
        for (var i = 0; i < 1000; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><title>Bericht {i}</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>Tekst van bericht nummer {i} over de gemeenteraad.</description></item>");
        }

        var xml = sb.Append("</channel></rss>").ToString();
        Assert.Equal(1000, FeedReader.CountItems(xml));
        Assert.Equal(1000, FeedReader.Read(xml, "bulk.rss", null).Count(r => r.Article is not null));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        const string Alphabet = "<>/&;\"'itemrsfedcontx =\n";
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            _ = FeedReader.Read("<rss>" + new string(chars), "r.xml", null).ToList();
            _ = HtmlArticleReader.Read(new string(chars), "r.html", null);
        }
    }

    [Fact]
    public void Seeds_SavedInEveryEncoding_DecodeToTheSameText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (var seed in new[] { TestPaths.Seed000, TestPaths.Seed002 })
        {
            var original = File.ReadAllText(seed);
            var expected = SeedTextReader.Read(original, "s", null).Article!.Text;

            // Latin-1 and Latin-9 have no curly quotes; the seed saved in them has straight ones.
            var latin = original.Replace('“', '"').Replace('”', '"').Replace('’', '\'');
            var expectedLatin = SeedTextReader.Read(latin, "s", null).Article!.Text;
            var cases = new (byte[] Bytes, string Expected, string Name)[]
            {
                (Encoding.UTF8.GetBytes(original), expected, "utf-8"),
                (Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(original)).ToArray(), expected, "utf-8 bom"),
                (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(original)).ToArray(), expected, "utf-16le"),
                (Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(original)).ToArray(), expected, "utf-16be"),
                (Encoding.Unicode.GetBytes(original), expected, "utf-16le without bom"),
                (Encoding.GetEncoding(1252).GetBytes(original), expected, "windows-1252"),
                (Encoding.Latin1.GetBytes(latin), expectedLatin, "iso-8859-1"),
                (Encoding.GetEncoding(28605).GetBytes(latin), expectedLatin, "iso-8859-15"),
            };
            foreach (var (bytes, want, name) in cases)
            {
                var read = ArticleInputReader.ReadBytes(bytes, name, new ReadOptions { Format = InputFormat.Text }).Single();
                Assert.True(read.Article is not null, $"{name}: {read.Rejection?.Reason}");
                Assert.True(want == read.Article.Text, $"{Path.GetFileName(seed)} saved as {name} decodes differently");
            }
        }
    }

    // Items are paired with their close tags in one pass: an unclosed item is named, the others still read.
    [Fact]
    public void UnclosedAndSelfClosingItems_AreNamed_AndTheRestIsRead()
    {
        var xml = "<rss><channel><title>Krant</title>\n<item><title>Een</title><description>Tekst over Utrecht.</description></item>\n<item><title>Open\n<item/>\n<item><title>Twee</title><description>Tekst over Zwolle.</description></item></channel></rss>";
        var results = FeedReader.Read(xml, "f.xml", null).ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal("Een", results[0].Article!.Title);
        Assert.Equal("f.xml:3", results[1].Rejection!.Input);
        Assert.Contains("never closed", results[1].Rejection!.Reason, StringComparison.Ordinal);
        Assert.NotNull(results[2].Rejection);
        Assert.Equal("Twee", results[3].Article!.Title);
        Assert.Equal("Krant", results[3].Article!.Source);
    }

    [Fact]
    public void ManyUnclosedItems_AreEachRejected()
    {
        var xml = "<rss><channel><title>T</title>" + string.Concat(Enumerable.Repeat("<item>", 20_000)) + "<item ";
        var results = FeedReader.Read(xml, "f.xml", null).ToList();
        Assert.Equal(20_001, results.Count);
        Assert.All(results, r => Assert.NotNull(r.Rejection));
    }

    [Fact]
    public void TagsInsideCdataAndComments_AreText()
    {
        var xml = "<rss><channel><title>Blog</title><!-- <item> in a comment -->\n<item><title>Over RSS</title><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[<p>Een feed bestaat uit elementen als <item> en </item>, en Atom kent <entry>.</p>]]></content:encoded></item>\n<item><title>Twee</title><description>Tekst over Zwolle.</description></item></channel></rss>";
        var results = FeedReader.Read(xml, "f.xml", null).ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("Over RSS", results[0].Article!.Title);
        Assert.Contains("Een feed bestaat uit elementen", results[0].Article!.Text, StringComparison.Ordinal);
        Assert.Equal("Twee", results[1].Article!.Title);
    }
}
