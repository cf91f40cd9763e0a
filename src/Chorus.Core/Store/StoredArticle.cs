using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Core.Store;

/// <summary>An article as the store keeps it: the reader's text and metadata, its identity and where it went.</summary>
public sealed record StoredArticle
{
    public required string Id { get; init; }

    public required string Ref { get; init; }

    /// <summary>SHA-256 over source, input id, title and text: the same article ingested twice has the same key.</summary>
    public required string ContentKey { get; init; }

    public required string Text { get; init; }

    public string? Title { get; init; }

    public PartialDate? Date { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>The text is a feed item's summary, not the article itself.</summary>
    public bool SummaryOnly { get; init; }

    public required string Lang { get; init; }

    public string? DuplicateOf { get; init; }

    public string? StoryId { get; init; }

    /// <summary>Position in ingest order; stable tie-breaker for listings.</summary>
    public long Sequence { get; init; }

    public Assignment? Assignment { get; init; }

    /// <summary>MinHash signature, or null for texts too short to compare.</summary>
    public uint[]? Signature { get; init; }
}

/// <summary>A story as listed: its profile plus the articles in it, oldest first.</summary>
public sealed record StoredStory(StoryProfile Profile, IReadOnlyList<StoredArticle> Articles);

/// <summary>
/// A user's correction of story membership: <paramref name="Kind"/> is split (the articles left
/// <paramref name="StoryId"/> for the new <paramref name="TargetId"/>), merge (all of <paramref name="StoryId"/>
/// joined <paramref name="TargetId"/>) or move (the articles joined <paramref name="TargetId"/>).
/// <paramref name="Previous"/> is the story each article was in before (null in corrections logged before it was
/// kept: then <paramref name="StoryId"/>); <paramref name="Seq"/> numbers the log; <paramref name="UndoneAt"/> is
/// set once the correction was taken back.
/// </summary>
public sealed record StoryCorrection(StoryCorrectionKind Kind, string StoryId, string TargetId, IReadOnlyList<string> Articles, DateTimeOffset At, IReadOnlyDictionary<string, string>? Previous = null, long Seq = 0, DateTimeOffset? UndoneAt = null)
{
    /// <summary>The story an article of this correction was in before it.</summary>
    public string PreviousStory(string articleId) => Previous?.GetValueOrDefault(articleId) ?? StoryId;
}

/// <summary>
/// An article that shares a MinHash band with a new one, with what is needed to verify and follow it, and the bands of
/// those asked for that it is stored under (one look-up serves a whole batch's articles).
/// </summary>
public sealed record NearDuplicateCandidate(string ArticleId, string? StoryId, string? DuplicateOf, uint[] Signature, IReadOnlyList<long> Bands);

/// <summary>The kinds of story correction, stored and shown in lower case ("split", "auto-merge").</summary>
public enum StoryCorrectionKind
{
    /// <summary>Articles leave a story for a new one of their own.</summary>
    Split,

    /// <summary>A whole story joins another.</summary>
    Merge,

    /// <summary>Articles join another, existing story.</summary>
    Move,

    /// <summary>Not a user's: ingest merged two stories an article bridged (logged so that <c>--why</c> can say so).</summary>
    AutoMerge,
}

/// <summary>The stored names of story correction kinds.</summary>
public static class StoryCorrectionKinds
{
    public static string Name(StoryCorrectionKind kind) => kind switch
    {
        StoryCorrectionKind.Split => "split",
        StoryCorrectionKind.Merge => "merge",
        StoryCorrectionKind.Move => "move",
        StoryCorrectionKind.AutoMerge => "auto-merge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of a stored name; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out StoryCorrectionKind kind)
    {
        (var known, kind) = name switch
        {
            "split" => (true, StoryCorrectionKind.Split),
            "merge" => (true, StoryCorrectionKind.Merge),
            "move" => (true, StoryCorrectionKind.Move),
            "auto-merge" => (true, StoryCorrectionKind.AutoMerge),
            _ => (false, default),
        };
        return known;
    }
}
