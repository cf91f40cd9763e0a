using System.Text;
using System.Text.Json;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Time;

namespace Chorus.Core.Fuzzing;

/// <summary>
/// Seed inputs and targets for the readers and the analyser, built from real text: the bundled samples, the DPG
/// articles and Mozilla Readability's pages when <c>../shared/data</c> is present, and feeds and pages made from
/// the samples so that every reader starts from its own format.
/// </summary>
public static class FuzzSeeds
{
    /// <summary>Seed texts: the samples' articles, and up to <paramref name="dpgLines"/> DPG lines when the data is there.</summary>
    public static List<RawArticle> Articles(string samples, string? sharedData, int dpgLines = 200)
    {
        var articles = Directory.Exists(samples)
            ? ArticleInputReader.Expand([samples]).Where(e => e.File is not null).SelectMany(e => ArticleInputReader.ReadFile(e.File!, new ReadOptions())).Select(r => r.Article).OfType<RawArticle>().ToList()
            : [];
        var dpg = sharedData is null ? null : Path.Combine(sharedData, "dpg2019", "articles.jsonl");
        if (dpg is not null && File.Exists(dpg))
        {
            articles.AddRange(File.ReadLines(dpg).Take(dpgLines).Select(l => JsonlReader.ReadRecordTotal(l, "dpg", null).Article).OfType<RawArticle>());
        }

        return articles;
    }

    /// <summary>The reader targets (text, JSONL, HTML, feed) and the analyser, seeded from <paramref name="articles"/>.</summary>
    public static IReadOnlyList<FuzzTarget> Targets(IReadOnlyList<RawArticle> articles, string? sharedData)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var text = articles.Select(a => Utf8($" date {a.Date?.ToString() ?? "2023-09"}\n\n{a.Text}")).ToList();
        var jsonl = articles.Select(a => Utf8(JsonSerializer.Serialize(new { id = a.ExternalId ?? a.Ref, title = a.Title, date = a.Date?.ToString(), source = a.Source, text = a.Text }))).ToList();
        jsonl.Add(Utf8(string.Join('\n', articles.Take(5).Select(a => JsonSerializer.Serialize(new { text = a.Text, date = a.Date?.ToString() })))));
        var html = articles.Take(50).Select(a => Utf8(Page(a))).ToList();
        var readability = sharedData is null ? null : Path.Combine(sharedData, "readability-pages");
        if (readability is not null && Directory.Exists(readability))
        {
            html.AddRange(Directory.EnumerateDirectories(readability).Order(StringComparer.Ordinal).Take(60)
                .Select(d => Path.Combine(d, "source.html")).Where(File.Exists).Select(File.ReadAllBytes));
        }

        var feeds = new List<byte[]> { Utf8(Rss(articles.Take(6))), Utf8(Atom(articles.Skip(6).Take(6))) };
        var analyzer = ArticleAnalyzer.CreateDefault();
        return
        [
            Reader("text", text, InputFormat.Text),
            Reader("jsonl", jsonl, InputFormat.Jsonl),
            Reader("html", html, InputFormat.Html, 256 * 1024),
            Reader("feed", feeds, InputFormat.Rss),
            new FuzzTarget("analyzer", text, bytes =>
            {
                var body = Encoding.UTF8.GetString(bytes);
                _ = analyzer.Analyze(new RawArticle { Ref = "fuzz", Text = body, Date = PartialDate.Parse("2023-09").Value });
                _ = analyzer.Analyze(new RawArticle { Ref = "fuzz", Text = body, Date = PartialDate.Parse("2023-09-12").Value, Lang = "en" });
            }, 8 * 1024),
        ];
    }

    private static FuzzTarget Reader(string name, IReadOnlyList<byte[]> seeds, InputFormat format, int maxBytes = 64 * 1024)
        => new(name, seeds, bytes =>
        {
            foreach (var result in ArticleInputReader.ReadBytes(bytes, "fuzz", new ReadOptions { Format = format }))
            {
                // Every result is exactly one of an article or a rejection, and an article's date is one it may have.
                if ((result.Article is null) == (result.Rejection is null))
                {
                    throw new InvalidOperationException("a read result is neither an article nor a rejection, or both");
                }

                if (result.Article is { Date: { } d } && !ArticleDates.InRange(d))
                {
                    throw new InvalidOperationException($"an article dated {d} was let through");
                }
            }
        }, maxBytes);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Escape(string s) => System.Net.WebUtility.HtmlEncode(s);

    private static string Page(RawArticle a)
        => $"<!DOCTYPE html><html lang=\"nl\"><head><title>{Escape(a.Title ?? "Nieuws")}</title><meta property=\"article:published_time\" content=\"{a.Date?.ToString() ?? "2023-09-12"}\">"
            + $"<meta property=\"og:site_name\" content=\"{Escape(a.Source ?? "Krant")}\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{Escape(a.Title ?? "Nieuws")}</h1>"
            + string.Concat(a.Text.Split("\n\n").Select(p => $"<p>{Escape(p)}</p>")) + "</article><footer>© Krant</footer></body></html>";

    private static string Rss(IEnumerable<RawArticle> items)
        => "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Krant</title>"
            + string.Concat(items.Select(a => $"<item><title>{Escape(a.Title ?? "Nieuws")}</title><pubDate>Tue, 12 Sep 2023 08:30:00 +0200</pubDate><description>{Escape(a.Text[..Math.Min(200, a.Text.Length)])}</description><content:encoded><![CDATA[<p>{a.Text.Replace("]]>", string.Empty, StringComparison.Ordinal)}</p>]]></content:encoded></item>"))
            + "</channel></rss>";

    private static string Atom(IEnumerable<RawArticle> items)
        => "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Krant</title>"
            + string.Concat(items.Select(a => $"<entry><title>{Escape(a.Title ?? "Nieuws")}</title><published>2023-09-12T08:30:00Z</published><content type=\"html\">{Escape(a.Text)}</content></entry>"))
            + "</feed>";
}
