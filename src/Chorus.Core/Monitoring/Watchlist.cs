namespace Chorus.Core.Monitoring;

/// <summary>
/// What a user follows. A story matches when every criterion given holds for it: one of its articles mentions the
/// entity (<paramref name="EntityId"/>), matches the search query, or comes from the outlet. It raises an alert when a
/// matching story with at least <paramref name="MinSources"/> independent sources appears, when it gains
/// <paramref name="BreakingSources"/> new independent sources within <paramref name="BreakingHours"/> hours
/// (breaking), and, when <paramref name="Conflicts"/>, when a new conflict between its sources appears.
/// <paramref name="Webhook"/> receives each alert as a signed HTTP POST.
/// </summary>
public sealed record Watchlist(
    string Name,
    string? EntityId,
    string? EntityName,
    string? Query,
    string? Outlet,
    int MinSources,
    int BreakingSources,
    int BreakingHours,
    bool Conflicts,
    string? Webhook,
    DateTimeOffset CreatedAt)
{
    public const int DefaultBreakingSources = 3;
    public const int DefaultBreakingHours = 6;

    /// <summary>The criteria in words, as the CLI and the web page list them.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if ((EntityName ?? EntityId) is { } entity)
        {
            parts.Add($"entity {entity}");
        }

        if (Query is { } q)
        {
            parts.Add($"query \"{q}\"");
        }

        if (Outlet is { } o)
        {
            parts.Add($"outlet {o}");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>Why an alert fired.</summary>
public enum AlertKind
{
    /// <summary>A matching story appeared (with the watchlist's minimum of independent sources).</summary>
    Appeared,

    /// <summary>A matching story gained many new independent sources in a short time.</summary>
    Breaking,

    /// <summary>A new disagreement between the sources of a matching story.</summary>
    Conflict,
}

/// <summary>
/// A fired alert as stored: <paramref name="Key"/> makes it fire once (watchlist, story, kind and what is new);
/// <paramref name="Seq"/> numbers alerts in the order they fired.
/// </summary>
public sealed record Alert(
    long Seq,
    string Key,
    string Watchlist,
    string StoryId,
    AlertKind Kind,
    string Title,
    string Message,
    int Sources,
    DateTimeOffset At,
    DateTimeOffset? AcknowledgedAt = null);

/// <summary>The names a kind has on the CLI, in JSON and in the store.</summary>
public static class AlertKinds
{
    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.Appeared => "appeared",
        AlertKind.Breaking => "breaking",
        _ => "conflict",
    };

    public static AlertKind? Parse(string? name) => name switch
    {
        "appeared" => AlertKind.Appeared,
        "breaking" => AlertKind.Breaking,
        "conflict" => AlertKind.Conflict,
        _ => null,
    };
}
