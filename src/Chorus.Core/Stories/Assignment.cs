namespace Chorus.Core.Stories;

/// <summary>
/// Why an article went where it went: the story, whether it opened it, the combined score and each signal
/// that made it up. Kept with the article so that <c>story --why</c> can explain the grouping later.
/// </summary>
public sealed record Assignment
{
    public required string StoryId { get; init; }

    public required bool OpenedStory { get; init; }

    /// <summary>The combined score against the chosen story (0 when it opened a new one).</summary>
    public double Score { get; init; }

    public double TermSimilarity { get; init; }

    public double NameOverlap { get; init; }

    public double DateProximity { get; init; }

    public int? DaysApart { get; init; }

    public IReadOnlyList<string> SharedTerms { get; init; } = [];

    public IReadOnlyList<string> SharedNames { get; init; } = [];

    /// <summary>The best score against an existing story when the article opened a new one, for diagnostics.</summary>
    public double BestRejectedScore { get; init; }

    /// <summary>
    /// Stories this article merged into <see cref="StoryId"/>: it scored above the threshold against them too, and
    /// their centroids were close enough to be one story told in different words; or one-article stories that, compared
    /// again once this article had joined, chose <see cref="StoryId"/> (an article that came before its story grew).
    /// </summary>
    public IReadOnlyList<string> MergedStories { get; init; } = [];

    /// <summary>
    /// Set when the article joined below the threshold on a name only this story carries in the window (an angle piece
    /// on the story's event): the name as the article wrote it.
    /// </summary>
    public string? AnchorName { get; init; }

    /// <summary>Set when the article is a round-up of unrelated items under a digest heading ("Kort nieuws"): it opened a story of its own, compared with nothing.</summary>
    public bool Digest { get; init; }

    /// <summary>Set when the article is a near-copy of another and followed it into its story.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>When the article opened a story: the closest story it did not join.</summary>
    public string? ClosestStory { get; init; }

    /// <summary>
    /// When the article opened a story: the specifics that kept it apart from the closest one, its strongest names the
    /// story does not have (another place, other people), then the story's strongest names the article does not have.
    /// </summary>
    public IReadOnlyList<string> OnlyInArticle { get; init; } = [];

    /// <summary>The closest story's strongest names that the article does not have.</summary>
    public IReadOnlyList<string> OnlyInClosest { get; init; } = [];

    /// <summary>
    /// Set when the article opened a story of its own on arrival (<see cref="FirstOpened"/>) and, compared again later,
    /// joined <see cref="StoryId"/>: the signals are those of that later comparison.
    /// </summary>
    public ComparedAgain? ComparedAgain { get; init; }

    /// <summary>The story the article opened on arrival, before it was compared again (<see cref="ComparedAgain"/>).</summary>
    public string? FirstOpened { get; init; }
}

/// <summary>When an article that opened a story of its own was compared again and joined another.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ComparedAgain>))]
public enum ComparedAgain
{
    /// <summary>When a story among its candidates grew (<see cref="StoryClusterer"/>'s regroup).</summary>
    WhenStoryGrew,

    /// <summary>Once its batch was assigned, with the word statistics of the whole batch (<see cref="StoryClusterer.Settle"/>).</summary>
    AfterBatch,
}
