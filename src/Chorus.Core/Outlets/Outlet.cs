namespace Chorus.Core.Outlets;

/// <summary>
/// A news outlet as a sources file describes it: the name shown everywhere, and optionally its country (ISO 3166
/// alpha-2), language and owner (a media group: outlets of one owner are still counted as separate sources).
/// </summary>
public sealed record Outlet(string Name, string? Country = null, string? Language = null, string? Owner = null);

/// <summary>What is known about an article's outlet without a sources file.</summary>
public static class OutletNames
{
    /// <summary>What an article without an outlet is called on screen; never a file name.</summary>
    public const string Unknown = "unknown outlet";

    /// <summary>The article's outlet: the one it names, else the domain of its URL, else null (unknown).</summary>
    public static string? Of(string? source, string? url)
        => !string.IsNullOrWhiteSpace(source) ? source : Domain(url);

    /// <summary>
    /// What two articles share when they come from one outlet (the outlet folded: case and accents aside), or null when
    /// the outlet is unknown. Independent sources are counted by this key.
    /// </summary>
    public static string? Key(string? source, string? url) => Of(source, url) is { } outlet ? Entities.NameKey.Fold(outlet) : null;

    /// <summary>The outlet to show: <see cref="Of"/>, else <see cref="Unknown"/>.</summary>
    public static string Label(string? source, string? url) => Of(source, url) ?? Unknown;

    /// <summary>The host of an http(s) URL without a leading <c>www.</c>, lower-cased; null for anything else.</summary>
    public static string? Domain(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4 ? host[4..] : host;
    }
}
