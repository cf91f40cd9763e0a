using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chorus.Core.Ingest;

namespace Chorus.Evaluation;

/// <summary>One test page's outcome: body token precision and recall against the expected extraction, and its metadata.</summary>
public sealed record HtmlPageScore(string Page, bool Readerable, bool Rejected, double Precision, double Recall, bool? TitleRight, bool? DateRight, string? Note)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores over a set of pages: means over the article pages (readerable ones), and rejections either way.</summary>
public sealed record HtmlExtractionScores(IReadOnlyList<HtmlPageScore> Pages)
{
    private IEnumerable<HtmlPageScore> Articles => Pages.Where(p => p.Readerable);

    public int ArticlePages => Articles.Count();

    /// <summary>Article pages read as no article at all (their score counts as 0).</summary>
    public int ArticlesRejected => Articles.Count(p => p.Rejected);

    /// <summary>Pages Readability calls no article that were read as one anyway.</summary>
    public int NonArticlesAccepted => Pages.Count(p => !p.Readerable && !p.Rejected);

    public double MeanPrecision => Mean(p => p.Precision);

    public double MeanRecall => Mean(p => p.Recall);

    public double MeanF1 => Mean(p => p.F1);

    /// <summary>Share of article pages whose body F1 is at least 0.9.</summary>
    public double ShareAbove90 => Mean(p => p.F1 >= 0.9 ? 1 : 0);

    public double TitleAccuracy => Share(p => p.TitleRight);

    public double DateAccuracy => Share(p => p.DateRight);

    public int DatesJudged => Articles.Count(p => p.DateRight is not null);

    private double Mean(Func<HtmlPageScore, double> f) => ArticlePages == 0 ? 0 : Articles.Average(f);

    private double Share(Func<HtmlPageScore, bool?> f)
    {
        var judged = Articles.Select(f).Where(v => v is not null).ToList();
        return judged.Count == 0 ? 0 : (double)judged.Count(v => v == true) / judged.Count;
    }
}

/// <summary>
/// Scores HTML article extraction (<see cref="HtmlArticleReader"/>) on Mozilla Readability's test pages
/// (<c>../shared/data/readability-pages/NAME/{source.html, expected.html, expected-metadata.json}</c>): the body as
/// word-token precision and recall against Readability's extracted article, the title against its title, the day of
/// publication against its published time where it gives one. Halves: the pages sorted by folder name, even
/// positions the dev half and odd positions the test half (fixed before the first run).
/// </summary>
public static class HtmlExtractionEvaluation
{
    public enum Half
    {
        All,
        Dev,
        Test,
    }

    /// <summary>The page folders of one half, in name order.</summary>
    public static IReadOnlyList<string> Pages(string folder, Half half)
    {
        var all = Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected.html")))
            .Order(StringComparer.Ordinal)
            .ToList();
        return half switch
        {
            Half.Dev => all.Where((_, i) => i % 2 == 0).ToList(),
            Half.Test => all.Where((_, i) => i % 2 == 1).ToList(),
            _ => all,
        };
    }

    public static HtmlExtractionScores Evaluate(IReadOnlyList<string> pageFolders)
    {
        ArgumentNullException.ThrowIfNull(pageFolders);
        return new HtmlExtractionScores(pageFolders.Select(Score).ToList());
    }

    public static HtmlPageScore Score(string pageFolder)
    {
        ArgumentNullException.ThrowIfNull(pageFolder);
        var name = Path.GetFileName(pageFolder);
        var (title, published, readerable, metadataProblem) = Metadata(Path.Combine(pageFolder, "expected-metadata.json"));
        var expected = Tokens(ExpectedText(File.ReadAllText(Path.Combine(pageFolder, "expected.html"))));
        var read = HtmlArticleReader.Read(File.ReadAllText(Path.Combine(pageFolder, "source.html")), name, null);
        if (read.Article is not { } article)
        {
            return new HtmlPageScore(name, readerable, true, 0, 0, title is null ? null : false, null, read.Rejection?.Reason + metadataProblem);
        }

        var ours = Tokens(article.Text);
        var overlap = Overlap(ours, expected);
        var (oursTotal, expectedTotal) = (ours.Values.Sum(), expected.Values.Sum());
        var precision = oursTotal == 0 ? 0 : (double)overlap / oursTotal;
        var recall = expectedTotal == 0 ? 1 : (double)overlap / expectedTotal;
        bool? titleRight = title is null ? null : Same(article.Title, title);
        bool? dateRight = published is { } day ? article.Date is { } d && d.Start == day && d.End == day : null;
        return new HtmlPageScore(name, readerable, false, precision, recall, titleRight, dateRight, metadataProblem?.TrimStart(';', ' '));
    }

    /// <summary>The expected title, day and readability; a file that is no JSON object is named in the page's note, not thrown.</summary>
    private static (string? Title, DateOnly? Published, bool Readerable, string? Problem) Metadata(string file)
    {
        if (!File.Exists(file))
        {
            return (null, null, true, null);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            return (null, null, true, $"; {file}: not JSON ({e.Message}), title and day not judged");
        }

        using var owned = json;
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null, true, $"; {file}: not a JSON object, title and day not judged");
        }

        var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        DateOnly? published = root.TryGetProperty("publishedTime", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: >= 10 } s
            && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var readerable = !root.TryGetProperty("readerable", out var r) || r.ValueKind != JsonValueKind.False;
        return (string.IsNullOrWhiteSpace(title) ? null : title, published, readerable, null);
    }

    /// <summary>The expected article's text, a space between every two text nodes (block boundaries glue no words).</summary>
    private static string ExpectedText(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var text = new System.Text.StringBuilder();
        foreach (var node in document.Body!.Descendants().OfType<IText>())
        {
            text.Append(node.Data).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>Lower-cased runs of letters and digits, counted.</summary>
    internal static Dictionary<string, int> Tokens(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                counts[word] = counts.GetValueOrDefault(word) + 1;
                start = -1;
            }
        }

        return counts;
    }

    private static int Overlap(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var n = 0;
        foreach (var (word, count) in a)
        {
            n += Math.Min(count, b.GetValueOrDefault(word));
        }

        return n;
    }

    private static bool Same(string? a, string b)
        => a is not null && string.Join(' ', Tokens(a).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + k.Value))
            == string.Join(' ', Tokens(b).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + k.Value));
}
