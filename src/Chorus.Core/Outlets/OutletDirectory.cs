using Chorus.Core.Entities;
using Chorus.Core.Ingest;

namespace Chorus.Core.Outlets;

/// <summary>
/// Gives each article its outlet at ingest, from a <see cref="SourcesFile"/>: a publisher value the input carries
/// ("vk") becomes the outlet's name ("de Volkskrant"); an article with none takes the outlet of the folder or feed
/// URL it came from, else of its URL's domain, else stays without (shown as <see cref="OutletNames.Unknown"/>).
/// </summary>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, Outlet> _byPublisher = new(StringComparer.Ordinal);
    private readonly List<(string Domain, Outlet Outlet)> _byDomain = [];
    // Longest prefix first, so that a subfolder or a more specific feed URL wins.
    private readonly List<(string Prefix, Outlet Outlet)> _byLocation = [];

    public OutletDirectory(SourcesFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Outlets = file.Outlets.Select(o => o.Outlet).ToList();
        var byName = Outlets.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (outlet, match) in file.Outlets)
        {
            _byPublisher.TryAdd(NameKey.Fold(outlet.Name), outlet);
            foreach (var key in match)
            {
                Add(key, outlet);
            }
        }

        foreach (var source in file.Watch)
        {
            if (source.Outlet is { } name)
            {
                // A watched source may name an outlet the file does not describe further.
                var outlet = byName.TryGetValue(name, out var known) ? known : new Outlet(name);
                if (!byName.ContainsKey(name))
                {
                    byName[name] = outlet;
                    Outlets.Add(outlet);
                }

                Add(source.Location, outlet);
            }
        }

        _byLocation.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    public static OutletDirectory Empty { get; } = new(SourcesFile.Empty);

    /// <summary>Every outlet the sources file describes.</summary>
    public List<Outlet> Outlets { get; }

    private void Add(string key, Outlet outlet)
    {
        if (SourcesFile.LooksLikeUrl(key))
        {
            _byLocation.Add((key, outlet));
        }
        else if (SourcesFile.LooksLikePath(key))
        {
            _byLocation.Add((Path.TrimEndingDirectorySeparator(Path.GetFullPath(key)), outlet));
        }
        else if (key.Contains('.', StringComparison.Ordinal) && !key.Contains(' ', StringComparison.Ordinal))
        {
            _byDomain.Add((key.ToLowerInvariant().TrimStart('.'), outlet));
            _byPublisher.TryAdd(NameKey.Fold(key), outlet);
        }
        else
        {
            _byPublisher.TryAdd(NameKey.Fold(key), outlet);
        }
    }

    /// <summary>The described outlet of this name or publisher value, if any.</summary>
    public Outlet? Find(string? publisher)
        => string.IsNullOrWhiteSpace(publisher) ? null : _byPublisher.GetValueOrDefault(NameKey.Fold(publisher.Trim()));

    /// <summary>
    /// The article with its outlet: <paramref name="input"/> is where it was read from (a file path or a feed URL).
    /// An outlet the input names but the file does not describe is kept as named.
    /// </summary>
    public RawArticle Apply(RawArticle article, string? input)
    {
        ArgumentNullException.ThrowIfNull(article);
        var outlet = Resolve(article.Source, article.Url, input);
        return outlet == article.Source ? article : article with { Source = outlet };
    }

    /// <summary>The outlet name for an article's publisher value, URL and input; null when nothing identifies one.</summary>
    public string? Resolve(string? publisher, string? url, string? input)
    {
        if (!string.IsNullOrWhiteSpace(publisher))
        {
            return Find(publisher)?.Name ?? publisher.Trim();
        }

        if (input is not null && ByLocation(input) is { } located)
        {
            return located.Name;
        }

        var domain = OutletNames.Domain(url);
        if (domain is not null)
        {
            foreach (var (d, outlet) in _byDomain)
            {
                if (domain == d || domain.EndsWith("." + d, StringComparison.Ordinal))
                {
                    return outlet.Name;
                }
            }
        }

        return domain;
    }

    private Outlet? ByLocation(string input)
    {
        var location = SourcesFile.LooksLikeUrl(input) ? input : SafeFullPath(input);
        if (location is null)
        {
            return null;
        }

        foreach (var (prefix, outlet) in _byLocation)
        {
            if (location.StartsWith(prefix, StringComparison.Ordinal)
                && (location.Length == prefix.Length || SourcesFile.LooksLikeUrl(prefix) || location[prefix.Length] == Path.DirectorySeparatorChar))
            {
                return outlet;
            }
        }

        return null;
    }

    private static string? SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
