using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Chorus.Web.Pages;

/// <summary>
/// Builds HTML by appending: text always goes through <see cref="Text(string?)"/> (encoded), markup only through
/// <see cref="Raw(string)"/> with literals written here. Nothing from an article reaches the page unencoded.
/// </summary>
internal sealed class Html
{
    // All of Unicode passes as is (Dutch, German, Cyrillic names stay readable in the source); markup characters never do.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(new TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    private readonly StringBuilder _sb = new();

    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(new StringWriter(_sb, CultureInfo.InvariantCulture), text);
        }

        return this;
    }

    /// <summary>An element with encoded text content and optional class.</summary>
    public Html El(string tag, string? text, string? cssClass = null)
        => Raw($"<{tag}{(cssClass is null ? string.Empty : $" class=\"{cssClass}\"")}>").Text(text).Raw($"</{tag}>");

    /// <summary>A link; the href is built from encoded parts by the caller (see <see cref="Url"/>).</summary>
    public Html Link(string href, string? text, string? cssClass = null)
        => Raw($"<a href=\"{Attr(href)}\"{(cssClass is null ? string.Empty : $" class=\"{cssClass}\"")}>").Text(text).Raw("</a>");

    public static string Attr(string? value) => Encoder.Encode(value ?? string.Empty);

    /// <summary>A link to an article's original address, when it is an http(s) address (never javascript: or data:).</summary>
    public Html Original(string? url, string text = "original")
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Raw($"<a href=\"{Attr(uri.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\">").Text(text).Raw("</a>")
            : this;

    /// <summary>A language code fit for a lang attribute ("nl", "en", "de"); anything else gives "und".</summary>
    public static string Lang(string? code) => code is { Length: >= 2 and <= 8 } && code.All(c => char.IsAsciiLetterLower(c) || c == '-') ? code : "und";

    public static string Url(string value) => Uri.EscapeDataString(value);

    public override string ToString() => _sb.ToString();
}
