using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Reads a saved article page. The body is the tightest element that holds most of the page's paragraph text,
/// after navigation, cookie walls, share bars, related-article lists and other boilerplate are removed by tag,
/// role and class words; paragraphs, headings and list items inside it become the text, one per paragraph.
/// Metadata comes from the most explicit source present: JSON-LD, then Open Graph and article meta tags, then
/// the document (<c>&lt;time&gt;</c>, <c>&lt;h1&gt;</c>, the host of the canonical URL), then visible text for the date.
/// Several <c>&lt;article&gt;</c> posts (a liveblog) are read together. Never throws on bad markup.
/// </summary>
public static partial class HtmlArticleReader
{
    /// <summary>Less body text than this is no article (a cookie wall, an index page, an error page).</summary>
    public const int MinBodyChars = 200;

    private static readonly HashSet<string> DropTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "header", "footer", "aside", "figure", "figcaption", "select", "input", "dialog", "menu",
    };

    // Words in class, id and role values that mark page furniture, in the languages of the news we read.
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "privacy", "banner", "related", "recommended", "recommendations", "share", "sharing", "social",
        "newsletter", "subscribe", "subscription", "promo", "advert", "advertisement", "ad", "ads", "adv", "sponsor", "sponsored", "comments", "comment",
        "breadcrumb", "breadcrumbs", "byline", "meta", "tags", "paywall", "popup", "modal", "sidebar", "footer", "header", "nav", "navigation", "menu",
        "teaser", "teasers", "readmore", "more", "outbrain", "taboola", "widget", "toolbar", "caption", "credits", "author", "bio", "lees", "ook",
        "gerelateerd", "meer", "weiterlesen", "verwandte", "empfehlungen", "werbung", "anzeige", "complementary", "search", "login",
    };

    private static readonly string[] BoilerplateLineStarts =
    [
        "lees ook", "lees meer", "bekijk ook", "bekijk hier", "read more", "read also", "see also", "related:", "auch interessant", "mehr zum thema", "lesen sie auch",
    ];

    public static ReadResult Read(string html, string reference, string? source)
    {
        ArgumentNullException.ThrowIfNull(html);
        IDocument document;
        try
        {
            document = new HtmlParser().ParseDocument(html);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return ReadResult.Rejected(reference, $"cannot parse HTML: {e.Message}");
        }

        using (document)
        {
            var meta = JsonLd(document);
            var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url") ?? meta.Url;
            var siteName = Meta(document, "og:site_name") ?? meta.Publisher;
            var title = Title(document, meta, siteName ?? Host(canonical));
            var outlet = source ?? siteName ?? Host(canonical);
            var lang = Language(document.DocumentElement.GetAttribute("lang"));

            var ariaHiddenRemoved = Clean(document, keepAriaHidden: false);
            var body = BodyText(document, title);
            if (body.Length < MinBodyChars && ariaHiddenRemoved)
            {
                // A page saved while a dialog was open marks everything else aria-hidden: read it as the dialog closes.
                using var again = new HtmlParser().ParseDocument(html);
                Clean(again, keepAriaHidden: true);
                body = BodyText(again, title);
            }

            if (body.Length < MinBodyChars && meta.Body is { Length: >= MinBodyChars } jsonBody)
            {
                body = jsonBody.Trim();
            }

            if (body.Length < MinBodyChars)
            {
                return ReadResult.Rejected(reference, $"no article body found: {body.Length} characters of text outside navigation and boilerplate (at least {MinBodyChars} needed)");
            }

            var warnings = new List<InputProblem>();
            var date = DateOf(document, meta, body);
            if (date is { } d && !ArticleDates.InRange(d))
            {
                return ReadResult.Rejected(reference, $"publication date (JSON-LD, meta or <time>): {ArticleDates.OutOfRange(d)}");
            }

            if (date is null)
            {
                warnings.Add(new InputProblem(reference, "no publication date found (JSON-LD, meta tags, <time> or visible text); stored undated"));
            }

            return ReadResult.Ok(
                new RawArticle { Ref = reference, Text = body, Title = NullIfEmpty(title), Date = date, Source = NullIfEmpty(outlet), Url = NullIfEmpty(canonical), Lang = lang },
                warnings);
        }
    }

    /// <summary>Plain text of an HTML fragment (an RSS item's content), paragraph by paragraph.</summary>
    public static string FragmentText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
        _ = Clean(document);
        var text = Paragraphs(document.Body!);
        return text.Length > 0 ? text : Normalise(document.Body!.TextContent);
    }

    private sealed record JsonLdMeta(string? Headline, string? Published, string? Publisher, string? Url, string? Body);

    private static JsonLdMeta JsonLd(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(Unwrapped(script.TextContent));
                if (FindArticle(json.RootElement) is { } article)
                {
                    return new JsonLdMeta(Str(article, "headline"), Str(article, "datePublished"), Publisher(article), Str(article, "url") ?? MainEntity(article), Str(article, "articleBody"));
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common and harmless: the other sources of metadata remain.
            }
        }

        return new JsonLdMeta(null, null, null, null, null);
    }

    /// <summary>JSON-LD as XHTML pages write it, inside "&lt;![CDATA[ … ]]&gt;" or an HTML comment.</summary>
    private static string Unwrapped(string script)
    {
        var text = script.AsSpan().Trim();
        foreach (var (open, close) in new[] { ("<![CDATA[", "]]>"), ("<!--", "-->") })
        {
            if (text.StartsWith(open, StringComparison.Ordinal) && text.EndsWith(close, StringComparison.Ordinal) && text.Length >= open.Length + close.Length)
            {
                text = text[open.Length..^close.Length].Trim();
            }
        }

        return text.ToString();
    }

    private static JsonElement? FindArticle(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (FindArticle(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@type", out var type) && TypeNames(type).Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t.EndsWith("Posting", StringComparison.Ordinal)))
                {
                    return e;
                }

                return e.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static IEnumerable<string> TypeNames(JsonElement type)
        => type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!) : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [];

    private static string? Str(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Publisher(JsonElement article)
        => article.TryGetProperty("publisher", out var p) ? p.ValueKind == JsonValueKind.Object ? Str(p, "name") : p.ValueKind == JsonValueKind.String ? p.GetString() : null : null;

    private static string? MainEntity(JsonElement article)
        => article.TryGetProperty("mainEntityOfPage", out var m) ? m.ValueKind == JsonValueKind.String ? m.GetString() : m.ValueKind == JsonValueKind.Object ? Str(m, "@id") : null : null;

    private static string? Meta(IDocument document, string property)
        => document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content") is { Length: > 0 } v ? v.Trim() : null;

    /// <summary>
    /// The headline: the publisher's own (og:title, JSON-LD headline) without a " - Site" ending that names the site;
    /// else the page's first &lt;h1&gt; where the &lt;title&gt; agrees with it (a site header or a section is an &lt;h1&gt; too:
    /// "Hi, I'm Nicolas.", "Information and Resources"); else the &lt;title&gt; without its " | Outlet" suffix; else the &lt;h1&gt;.
    /// </summary>
    private static string? Title(IDocument document, JsonLdMeta meta, string? site)
    {
        if ((Meta(document, "og:title") ?? meta.Headline) is { } published)
        {
            return WithoutSiteName(published, site);
        }

        var h1 = document.QuerySelector("h1")?.TextContent is { } h ? NullIfEmpty(Normalise(h)) : null;
        var pageTitle = NullIfEmpty(document.Title);
        if (h1 is not null && (pageTitle is null || LettersOnly(pageTitle).Contains(LettersOnly(h1), StringComparison.Ordinal)))
        {
            return h1;
        }

        return CleanTitle(pageTitle) ?? h1;
    }

    /// <summary>"Obama admits … - BBC News" with the site "BBC News": the title without the site's name.</summary>
    private static string WithoutSiteName(string title, string? site)
    {
        var trimmed = title.Trim();
        if (site is null || TitleSuffix().Match(trimmed) is not { Success: true } suffix)
        {
            return trimmed;
        }

        var named = LettersOnly(suffix.Value);
        var siteKey = LettersOnly(site);
        return named.Length > 0 && (siteKey.Contains(named, StringComparison.Ordinal) || named.Contains(siteKey, StringComparison.Ordinal)) ? trimmed[..suffix.Index].Trim() : trimmed;
    }

    /// <param name="keepAriaHidden">Keep what is marked aria-hidden (a second reading of a page that hid everything).</param>
    /// <returns>Whether an aria-hidden element was removed (only then can a second reading find more).</returns>
    private static bool Clean(IDocument document, bool keepAriaHidden = false)
    {
        var ariaHiddenRemoved = false;
        foreach (var e in document.All.ToList())
        {
            if (e.ParentElement is null || e == document.Body || e == document.DocumentElement)
            {
                continue;
            }

            var ariaHidden = !keepAriaHidden && e.GetAttribute("aria-hidden") == "true";
            if (DropTags.Contains(e.LocalName) || e.HasAttribute("hidden") || ariaHidden || IsHiddenByStyle(e.GetAttribute("style"))
                || e.GetAttribute("role") is "navigation" or "banner" or "complementary" or "contentinfo" or "dialog" or "alertdialog" or "search"
                || (!NamesContent(e) && (IsBoilerplate(e.GetAttribute("class")) || IsBoilerplate(e.Id))))
            {
                ariaHiddenRemoved |= ariaHidden;
                e.Remove();
            }
        }

        return ariaHiddenRemoved;
    }

    // Words in class and id values that name the article itself. Beside a furniture word they outweigh it: a blog
    // marks its post "entry author-sarah", Blogger every section "widget", and the post is no author box or widget.
    private static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "content", "entry", "story", "body", "main", "post", "blog", "artikel", "bericht", "beitrag",
    };

    /// <summary>The article's own element: &lt;article&gt;, &lt;main&gt;, the main landmark, or class or id words that name content.</summary>
    private static bool NamesContent(IElement e)
        => e.LocalName is "article" or "main" || e.GetAttribute("role") == "main" || e.GetAttribute("itemprop") == "articleBody"
            || HasWord(e.GetAttribute("class"), ContentWords) || HasWord(e.Id, ContentWords);

    /// <summary>An inline style that hides the element ("display: none", "visibility:hidden"): no reader sees it.</summary>
    private static bool IsHiddenByStyle(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static bool IsBoilerplate(string? classes) => HasWord(classes, BoilerplateWords);

    private static bool HasWord(string? classes, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(classes))
        {
            return false;
        }

        foreach (var word in WordSplit().Split(classes))
        {
            if (word.Length > 0 && words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The article text: from itemprop=articleBody when marked, else the tightest element with most of the paragraph text.</summary>
    private static string BodyText(IDocument document, string? title)
    {
        if (document.QuerySelector("[itemprop=articleBody]") is { } marked && Paragraphs(marked, title) is { Length: >= MinBodyChars } markedText)
        {
            return markedText;
        }

        var root = document.Body;
        if (root is null)
        {
            return string.Empty;
        }

        var scores = new Dictionary<IElement, int>();
        foreach (var block in Blocks(root))
        {
            var length = BlockText(block).Length;
            for (var e = block.ParentElement; e is not null; e = e.ParentElement)
            {
                scores[e] = scores.GetValueOrDefault(e) + length;
                if (e == root)
                {
                    break;
                }
            }
        }

        if (!scores.TryGetValue(root, out var total) || total == 0)
        {
            return Normalise(root.TextContent);
        }

        // Walk down while one child holds nearly all the text: the liveblog's list of posts, the article split
        // over several divs and the plain article all end at the element that contains their paragraphs.
        IElement best = root;
        while (true)
        {
            var child = best.Children.Where(scores.ContainsKey).OrderByDescending(c => scores[c]).FirstOrDefault();
            if (child is null || scores[child] < 0.8 * scores[best])
            {
                break;
            }

            best = child;
        }

        return Paragraphs(best, title);
    }

    /// <param name="title">The article's title: a heading that repeats it is the headline, not body text.</param>
    private static string Paragraphs(IElement container, string? title = null)
    {
        var titleKey = title is null ? null : LettersOnly(title);
        var sb = new StringBuilder();
        var blocks = Blocks(container).ToList();
        var inBlocks = blocks.ToHashSet();
        foreach (var block in blocks)
        {
            // A block inside another block (a <p> in a <blockquote> or <li>) is read with its outer block.
            if (block.Ancestors<IElement>().Any(inBlocks.Contains))
            {
                continue;
            }

            var text = BlockText(block);
            if (text.Length == 0 || IsLinkList(block, text) || BoilerplateLineStarts.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                || (titleKey is { Length: > 0 } && block.LocalName is "h1" or "h2" or "h3" && LettersOnly(text) is var key && (titleKey.Contains(key, StringComparison.Ordinal) || key.Contains(titleKey, StringComparison.Ordinal))))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(text);
        }

        return sb.Length > 0 ? sb.ToString() : Normalise(container.TextContent);
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre" };

    /// <summary>
    /// Text blocks in document order: paragraphs, headings, list items, quotes, and containers that hold long
    /// text directly (pages that separate paragraphs with &lt;br&gt;&lt;br&gt; instead of &lt;p&gt;).
    /// </summary>
    private static IEnumerable<IElement> Blocks(IElement root)
        => root.Descendants<IElement>().Where(e => BlockTags.Contains(e.LocalName)
            || (e.LocalName is "div" or "section" or "td" or "article" && DirectTextLength(e) >= 100));

    private static int DirectTextLength(IElement e)
        => e.ChildNodes.Where(n => n.NodeType == NodeType.Text).Sum(n => n.TextContent.Trim().Length);

    private static string BlockText(IElement block)
    {
        if (BlockTags.Contains(block.LocalName))
        {
            // <br> separates lines inside a paragraph; keep that break as a space.
            foreach (var br in block.QuerySelectorAll("br").ToList())
            {
                br.Replace(block.Owner!.CreateTextNode(" "));
            }

            return Normalise(block.TextContent);
        }

        // A container of bare text: its own text nodes, with a double <br> as a paragraph break.
        var sb = new StringBuilder();
        foreach (var node in block.ChildNodes)
        {
            sb.Append(node is IElement { LocalName: "br" } ? "\n" : node.NodeType == NodeType.Text ? node.TextContent : node is IElement inline && !BlockTags.Contains(inline.LocalName) && inline.LocalName is "a" or "b" or "i" or "em" or "strong" or "span" ? inline.TextContent : string.Empty);
        }

        return string.Join("\n\n", ParagraphBreak().Split(sb.ToString()).Select(Normalise).Where(p => p.Length > 0));
    }

    // Navigation-like blocks: most of their text is link text.
    private static bool IsLinkList(IElement block, string text)
    {
        var linkText = block.QuerySelectorAll("a").Sum(a => Normalise(a.TextContent).Length);
        return text.Length < 200 && linkText > 0.6 * text.Length;
    }

    private static PartialDate? DateOf(IDocument document, JsonLdMeta meta, string body)
    {
        var candidates = new[]
        {
            meta.Published,
            Meta(document, "article:published_time"),
            document.QuerySelector("meta[itemprop=datePublished]")?.GetAttribute("content"),
            Meta(document, "date"),
            Meta(document, "pubdate"),
            Meta(document, "publish-date"),
            Meta(document, "dc.date"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        };
        foreach (var c in candidates)
        {
            if (c is { Length: >= 4 } && IsoDate(c) is { } d)
            {
                return d;
            }
        }

        return VisibleDate(document.Body?.TextContent ?? body);
    }

    private static PartialDate? IsoDate(string value)
    {
        var m = IsoDatePattern().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var parsed = PartialDate.Parse(m.Value);
        return parsed.Success ? parsed.Value : null;
    }

    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["februari"] = 2, ["maart"] = 3, ["april"] = 4, ["mei"] = 5, ["juni"] = 6, ["juli"] = 7, ["augustus"] = 8, ["september"] = 9, ["oktober"] = 10, ["november"] = 11, ["december"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["may"] = 5, ["june"] = 6, ["july"] = 7, ["august"] = 8, ["october"] = 10,
        ["januar"] = 1, ["februar"] = 2, ["märz"] = 3, ["dezember"] = 12, ["okt"] = 10, ["jan"] = 1, ["feb"] = 2, ["mrt"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12, ["dez"] = 12, ["mär"] = 3, ["mai"] = 5,
    };

    /// <summary>"12 september 2023", "September 12, 2023", "12. September 2023" or "12-09-2023" in the page text.</summary>
    private static PartialDate? VisibleDate(string text)
    {
        foreach (Match m in VisibleDatePattern().Matches(text))
        {
            int day, month, year;
            if (m.Groups["dmy"].Success)
            {
                (day, month, year) = (int.Parse(m.Groups["d1"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["m1"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["y1"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (MonthNames.TryGetValue((m.Groups["mon"].Success ? m.Groups["mon"].Value : m.Groups["mon2"].Value).TrimEnd('.'), out month))
            {
                day = int.Parse(m.Groups["d2"].Success ? m.Groups["d2"].Value : m.Groups["d3"].Value, System.Globalization.CultureInfo.InvariantCulture);
                year = int.Parse(m.Groups["y2"].Success ? m.Groups["y2"].Value : m.Groups["y3"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                continue;
            }

            if (year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return PartialDate.OfDay(new DateOnly(year, month, day));
            }
        }

        return null;
    }

    private static string? Host(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host) : null;

    private static string? Language(string? lang)
        => lang is { Length: >= 2 } && char.IsAsciiLetter(lang[0]) && char.IsAsciiLetter(lang[1]) ? lang[..2].ToLowerInvariant() : null;

    // "Titel van het stuk | NOS" → "Titel van het stuk".
    private static string? CleanTitle(string? title)
        => title is null ? null : TitleSuffix().Replace(title, string.Empty).Trim();

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    private static string LettersOnly(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"[\s\-_]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+[|\-–—]\s+[^|\-–—]{2,40}$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}(?!\d)")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<dmy>\b(?<d1>\d{1,2})[-./](?<m1>\d{1,2})[-./](?<y1>\d{4})\b)|\b(?<d2>\d{1,2})\.?\s+(?<mon>[A-Za-zäÄ]{3,9}\.?)\s+(?<y2>\d{4})\b|\b(?<mon2>[A-Z][a-z]{2,8})\s+(?<d3>\d{1,2}),\s+(?<y3>\d{4})\b")]
    private static partial Regex VisibleDatePattern();
}
