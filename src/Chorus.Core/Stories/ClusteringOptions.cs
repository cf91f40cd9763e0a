namespace Chorus.Core.Stories;

/// <summary>
/// The knobs of the first clusterer. The weights were set by hand on the bundled samples and checked
/// against a reading of the DPG 2019 stories (see docs/design.md); a later issue fits them on labelled data.
/// </summary>
public sealed record ClusteringOptions
{
    public double TermWeight { get; init; } = 0.55;

    public double NameWeight { get; init; } = 0.35;

    public double DateWeight { get; init; } = 0.10;

    /// <summary>A score at or above this joins the story; below it the article opens a new one.</summary>
    public double Threshold { get; init; } = 0.32;

    /// <summary>Stories further apart than this (days between date intervals) are not candidates.</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>Half-life in days of the date-proximity signal.</summary>
    public double DateHalfLifeDays { get; init; } = 7;

    /// <summary>How many of an article's highest-weighted terms and names are looked up in the inverted index.</summary>
    public int QueryTerms { get; init; } = 20;

    /// <summary>How many of a story's highest-weighted terms are posted in the inverted index.</summary>
    public int IndexedTerms { get; init; } = 40;

    /// <summary>An article is represented by this many of its highest TF-IDF terms (half as many names).</summary>
    public int ArticleTerms { get; init; } = 60;

    /// <summary>At most this many candidate stories (those sharing the most index keys) are scored per article.</summary>
    public int MaxCandidates { get; init; } = 50;

    /// <summary>Minimum estimated Jaccard similarity for an article to be a near-copy of another.</summary>
    public double NearDuplicateSimilarity { get; init; } = 0.8;

    /// <summary>The threshold that groups broad stories (all news about one company or conflict) rather than events.</summary>
    public const double StoryThreshold = 0.14;

    /// <summary>
    /// Options for a granularity: "event" (the default: one happening and its follow-ups) or "story" (broader
    /// subjects, as news aggregators group them; the threshold was fitted on the UCI news headlines, docs/design.md).
    /// Returns null for an unknown name.
    /// </summary>
    public static ClusteringOptions? ForGranularity(string granularity) => granularity switch
    {
        "event" => new ClusteringOptions(),
        "story" => new ClusteringOptions { Threshold = StoryThreshold },
        _ => null,
    };
}
