using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom files item by item. Each item is parsed on its own, with the namespace
/// declarations of the feed's root, so one item with broken XML is rejected (named by its line) while the others
/// are read. The full text comes from <c>content:encoded</c> (Atom: <c>content</c>); an item with only a
/// description (Atom: <c>summary</c>) becomes a summary-only article. The outlet is the item's own source,
/// else the feed's title, unless <c>--source</c> names one.
/// </summary>
public static partial class FeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Whether the text is a feed: its root element is rss, feed or rdf:RDF.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 2000)];
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.Ordinal);
    }

    /// <summary>Items in a feed, counted without parsing (for progress).</summary>
    public static int CountItems(string text) => Items(text ?? string.Empty).Count;

    public static IEnumerable<ReadResult> Read(string xml, string reference, string? source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (!LooksLikeFeed(xml))
        {
            yield return ReadResult.Rejected(reference, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)");
            yield break;
        }

        var root = RootTag().Match(xml);
        var namespaces = root.Success ? string.Join(' ', NamespaceDeclaration().Matches(root.Value).Select(m => m.Value)) : string.Empty;
        var feedTitle = FeedTitle(xml);
        var items = Items(xml);
        if (items.Count == 0)
        {
            yield return ReadResult.Rejected(reference, "the feed has no <item> or <entry> elements");
            yield break;
        }

        var number = 0;
        var (line, counted) = (1, 0);
        foreach (var (start, end, name) in items)
        {
            number++;
            line += xml.AsSpan(counted, start - counted).Count('\n');
            counted = start;
            var where = $"{reference}:{line.ToString(CultureInfo.InvariantCulture)}";
            if (end < 0)
            {
                yield return ReadResult.Rejected(where, $"item {number}: <{name}> is never closed");
                continue;
            }

            yield return ParseItem(xml[start..end], namespaces) is var (item, error) && item is not null
                ? ReadItem(item, where, number, source ?? feedTitle)
                : ReadResult.Rejected(where, $"item {number}: invalid XML: {error}");
        }
    }

    /// <summary>
    /// The items of a feed as spans [Start, End) of the text, End −1 for an item never closed, found in one pass: the
    /// open tags and the close tags are each listed once and paired in order (items do not nest), so a feed of
    /// unclosed items costs its length, not its length times its items.
    /// </summary>
    internal static List<(int Start, int End, string Name)> Items(string xml)
    {
        // Tags inside CDATA sections and comments are text ("<item>" in a post about RSS), never structure.
        var quoted = new List<(int From, int To)>();
        for (var i = 0; i < xml.Length;)
        {
            var cdata = xml.IndexOf("<![CDATA[", i, StringComparison.Ordinal);
            var comment = xml.IndexOf("<!--", i, StringComparison.Ordinal);
            var at = cdata < 0 ? comment : comment < 0 ? cdata : Math.Min(cdata, comment);
            if (at < 0)
            {
                break;
            }

            var end = at == cdata ? xml.IndexOf("]]>", at + 9, StringComparison.Ordinal) : xml.IndexOf("-->", at + 4, StringComparison.Ordinal);
            end = end < 0 ? xml.Length : end + 3;
            quoted.Add((at, end));
            i = end;
        }

        bool Quoted(int at)
        {
            var (lo, hi) = (0, quoted.Count - 1);
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (quoted[mid].To <= at)
                {
                    lo = mid + 1;
                }
                else if (quoted[mid].From > at)
                {
                    hi = mid - 1;
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        var opens = new List<(int At, string Name)>();
        var closes = new Dictionary<string, List<(int At, int End)>>(StringComparer.Ordinal);
        foreach (var name in new[] { "item", "entry" })
        {
            for (var at = xml.IndexOf("<" + name, StringComparison.Ordinal); at >= 0; at = xml.IndexOf("<" + name, at + 1, StringComparison.Ordinal))
            {
                var after = at + 1 + name.Length;
                if (after < xml.Length && (xml[after] == '>' || char.IsWhiteSpace(xml[after]) || (xml[after] == '/' && after + 1 < xml.Length && xml[after + 1] == '>')) && !Quoted(at))
                {
                    opens.Add((at, name));
                }
            }

            var close = "</" + name;
            var list = closes[name] = [];
            for (var at = xml.IndexOf(close, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(close, at + 1, StringComparison.Ordinal))
            {
                var gt = at + close.Length;
                while (gt < xml.Length && char.IsWhiteSpace(xml[gt]))
                {
                    gt++;
                }

                if (gt < xml.Length && xml[gt] == '>' && !Quoted(at))
                {
                    list.Add((at, gt + 1));
                }
            }
        }

        opens.Sort((a, b) => a.At.CompareTo(b.At));
        var items = new List<(int Start, int End, string Name)>(opens.Count);
        var next = new Dictionary<string, int>(StringComparer.Ordinal) { ["item"] = 0, ["entry"] = 0 };
        for (var o = 0; o < opens.Count; o++)
        {
            var (at, name) = opens[o];
            var following = o + 1 < opens.Count ? opens[o + 1].At : int.MaxValue;
            var list = closes[name];
            var c = next[name];
            while (c < list.Count && list[c].At < at)
            {
                c++;
            }

            // Self-closing <item/> holds nothing; an item whose close comes after the next item's open was never closed.
            var gt = xml.IndexOf('>', at, Math.Min(following, xml.Length) - at);
            if (gt > 0 && xml[gt - 1] == '/')
            {
                items.Add((at, gt + 1, name));
            }
            else if (c < list.Count && list[c].At < following)
            {
                items.Add((at, list[c].End, name));
                c++;
            }
            else
            {
                items.Add((at, -1, name));
            }

            next[name] = c;
        }

        return items;
    }

    private static (XElement? Item, string? Error) ParseItem(string itemXml, string namespaces)
    {
        try
        {
            return (XElement.Parse($"<chorus-item-wrapper {namespaces}>{itemXml}</chorus-item-wrapper>", LoadOptions.None).Elements().First(), null);
        }
        catch (XmlException e)
        {
            return (null, e.Message);
        }
    }

    private static ReadResult ReadItem(XElement item, string where, int number, string? outlet)
    {
        var title = Child(item, "title");
        var link = item.Elements().FirstOrDefault(e => e.Name.LocalName == "link" && (string?)e.Attribute("rel") is null or "alternate") is { } l ? ((string?)l.Attribute("href") ?? l.Value).Trim() : null;
        var id = Child(item, "guid") ?? Child(item, "id");
        var full = item.Element(Content + "encoded")?.Value ?? (item.Elements().FirstOrDefault(e => e.Name.LocalName == "content") is { } c ? ContentOf(c) : null);
        var summary = Child(item, "description") ?? (item.Elements().FirstOrDefault(e => e.Name.LocalName == "summary") is { } s ? ContentOf(s) : null);
        var itemSource = Child(item, "source");
        var dateText = Child(item, "pubDate") ?? item.Element(Dc + "date")?.Value ?? Child(item, "published") ?? Child(item, "updated");

        var warnings = new List<InputProblem>();
        var text = full is { Length: > 0 } ? HtmlArticleReader.FragmentText(full) : string.Empty;
        var summaryOnly = false;
        if (text.Length == 0 && summary is { Length: > 0 })
        {
            text = HtmlArticleReader.FragmentText(summary);
            summaryOnly = text.Length > 0;
        }

        if (text.Length == 0 && string.IsNullOrWhiteSpace(title))
        {
            return ReadResult.Rejected(where, $"item {number} has no content, description or title");
        }

        if (summaryOnly)
        {
            warnings.Add(new InputProblem(where, $"item {number}: summary only (the feed has no full text for it)"));
        }

        var date = ParseDate(dateText);
        if (date is { } d && !ArticleDates.InRange(d))
        {
            var field = Child(item, "pubDate") is not null ? "pubDate" : item.Element(Dc + "date") is not null ? "dc:date" : Child(item, "published") is not null ? "published" : "updated";
            return ReadResult.Rejected(where, $"item {number}, field '{field}': {ArticleDates.OutOfRange(d)}");
        }

        if (date is null)
        {
            warnings.Add(new InputProblem(where, dateText is null ? $"item {number}: no date; stored undated" : $"item {number}: cannot read the date '{dateText}'; stored undated"));
        }

        return ReadResult.Ok(
            new RawArticle
            {
                Ref = where,
                Text = text,
                Title = string.IsNullOrWhiteSpace(title) ? null : HtmlArticleReader.FragmentText(title),
                Date = date,
                Source = string.IsNullOrWhiteSpace(itemSource) ? outlet : itemSource.Trim(),
                Url = string.IsNullOrWhiteSpace(link) ? null : link,
                ExternalId = string.IsNullOrWhiteSpace(id) ? null : id.Trim(),
                SummaryOnly = summaryOnly,
            },
            warnings);
    }

    private static string? Child(XElement item, string localName)
        => item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value is { } v ? v.Trim() : null;

    // Atom content: text, escaped HTML, or inline XHTML.
    private static string ContentOf(XElement e)
        => (string?)e.Attribute("type") == "xhtml" ? string.Concat(e.Nodes().Select(n => n.ToString())) : e.Value;

    /// <summary>RFC 822 dates of RSS ("Tue, 12 Sep 2023 08:30:00 +0200") and ISO 8601 dates of Atom and Dublin Core.</summary>
    internal static PartialDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            return PartialDate.OfDay(DateOnly.FromDateTime(dto.DateTime));
        }

        // RFC 822 with a zone name ("GMT", "EST") or without the weekday.
        var m = Rfc822().Match(t);
        if (m.Success && DateTime.TryParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", ["d MMM yyyy", "dd MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return PartialDate.OfDay(DateOnly.FromDateTime(d));
        }

        return null;
    }

    private static string? FeedTitle(string xml)
    {
        // The first <title> before the first item is the channel's (RSS) or the feed's (Atom).
        var firstItem = Items(xml) is { Count: > 0 } all ? all[0].Start : -1;
        var head = firstItem >= 0 ? xml[..firstItem] : xml;
        // The first <title …> and the first </title> after it: one pass, whatever the head holds.
        var open = head.IndexOf("<title", StringComparison.Ordinal);
        var gt = open < 0 ? -1 : head.IndexOf('>', open);
        var close = gt < 0 ? -1 : head.IndexOf("</title>", gt, StringComparison.Ordinal);
        return close < 0 ? null : System.Net.WebUtility.HtmlDecode(head[(gt + 1)..close].Replace("<![CDATA[", string.Empty, StringComparison.Ordinal).Replace("]]>", string.Empty, StringComparison.Ordinal)).Trim();
    }

    [GeneratedRegex(@"<(rss|feed|rdf:RDF)\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex RootTag();

    [GeneratedRegex(@"xmlns(:[\w.-]+)?\s*=\s*(""[^""]*""|'[^']*')")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})")]
    private static partial Regex Rfc822();
}
