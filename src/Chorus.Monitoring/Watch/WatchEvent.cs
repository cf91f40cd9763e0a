namespace Chorus.Monitoring.Watch;

/// <summary>What happened at one poll of a source.</summary>
public enum PollOutcome
{
    /// <summary>New or changed items were read and handed to ingest.</summary>
    Read,

    /// <summary>Nothing changed (HTTP 304, or no file new or changed).</summary>
    Unchanged,

    /// <summary>The source could not be read (after retries), or what it gave was malformed; others go on.</summary>
    Failed,
}

/// <summary>
/// One line of the watcher's status (<c>watch --json</c> writes them as a JSON stream): per source, the poll's outcome,
/// how many items it read and how many of them were stored as new articles, what went wrong, and when it polls next.
/// </summary>
public sealed record WatchEvent(string Source, PollOutcome Outcome, DateTimeOffset At, int Items, int Stored, int Duplicates, int Rejected, string? Error, DateTimeOffset NextPoll)
{
    /// <summary>Alerts that fired after this poll's items were stored.</summary>
    public int Alerts { get; init; }
}
