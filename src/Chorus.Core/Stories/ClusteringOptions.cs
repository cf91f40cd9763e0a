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

    /// <summary>Weight of the name signal when an article's language is not among its story's (the rest: figures and days, then date proximity).</summary>
    public double CrossLanguageNameWeight { get; init; } = 0.6;

    /// <summary>Weight of shared days and figures when an article's language is not among its story's.</summary>
    public double CrossLanguageNeutralWeight { get; init; } = 0.25;

    /// <summary>
    /// Added to the cross-language score: the cosine of the article's words and the story's, both translated to shared
    /// concepts (<see cref="Text.ConceptLexicon"/>). A bonus, not a share: dictionary concepts are noisy, so their
    /// cosine is low even for one event told in two languages, and only ever adds evidence. On xl-dev it moved B-cubed
    /// from 85.2 to 87.9 at any value from 0.3 to 0.5 (nl-events unchanged); 0.3 is the smallest that helps.
    /// </summary>
    public double CrossLanguageTranslatedWeight { get; init; } = 0.3;

    /// <summary>
    /// A score at or above this joins the story; below it the article opens a new one. 0.32 until the cross-language
    /// score stopped counting the article's own day twice: same-day distractors in another language scored 0.29–0.30
    /// on it and now 0.15–0.16 (docs/design.md, "Own day counted once").
    /// </summary>
    public double Threshold { get; init; } = 0.28;

    /// <summary>
    /// Two stories merge when an article scores at or above <see cref="Threshold"/> against both and the stories'
    /// own centroids score at or above this against each other (the same combination of signals). Infinity disables it.
    /// </summary>
    public double MergeThreshold { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// An article joins only a story it shares at least this many terms with: one shared word is weak evidence in a
    /// headline. 0 (the event default) lets names alone carry a join, as across languages, where no stem is shared.
    /// </summary>
    public int MinSharedTerms { get; init; }

    /// <summary>
    /// An article joins only a story it shares at least this many words or names with (a name also written as a word
    /// counts once; the article's own day not at all). On DPG 2019 the joins on a single shared item were a one-word
    /// puzzle heading 21 days from its match and five columns that share their writer's name.
    /// </summary>
    public int MinSharedEvidence { get; init; } = 2;

    /// <summary>
    /// A story scoring at least this (but under <see cref="Threshold"/>) is joined when the article shares a name only
    /// that story carries in the window (see <c>StoryClusterer.Anchored</c>); infinity disables it.
    /// </summary>
    public double AnchorFloor { get; init; } = 0.12;

    /// <summary>Stories further apart than this (days between date intervals) are not candidates.</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>Half-life in days of the date-proximity signal.</summary>
    public double DateHalfLifeDays { get; init; } = 7;

    /// <summary>
    /// Measure date proximity from the mean day of the story's dated articles instead of from its date range. A
    /// range only widens, so a subject reported day after day (market reports, a recall) stays one story; from
    /// the centre, the next day's reports drift apart, as aggregators' daily stories do.
    /// </summary>
    public bool DateFromCentre { get; init; }

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

    /// <summary>Or: the share of the shorter article's shingles the longer one holds (a reprint with added text).</summary>
    public double NearDuplicateContainment { get; init; } = 0.85;

    /// <summary>The resemblance below which containment is not trusted (a short text inside a long one is a quote, not a copy).</summary>
    public double NearDuplicateContainmentFloor { get; init; } = 0.4;

    /// <summary>
    /// Broad stories (all news about one company or conflict, as aggregators group them) rather than events:
    /// fitted on the UCI news headlines by two-fold cross-validation over stories (eval/clusters/fit.py, docs/design.md).
    /// Words decide more than names there, stories bridged by an article merge, a headline joins a story only
    /// through two shared words, and dates count from the story's centre with a half-life of a day.
    /// </summary>
    public static ClusteringOptions Story { get; } = new()
    {
        TermWeight = 0.8,
        NameWeight = 0.1,
        DateWeight = 0.1,
        DateHalfLifeDays = 1,
        DateFromCentre = true,
        Threshold = 0.17,
        MergeThreshold = 0.26,
        MinSharedTerms = 2,
        AnchorFloor = double.PositiveInfinity,
    };

    /// <summary>
    /// Options for a granularity: "event" (the default: one happening and its follow-ups) or "story" (broader
    /// subjects, as news aggregators group them, see <see cref="Story"/>).
    /// Returns null for an unknown name.
    /// </summary>
    public static ClusteringOptions? ForGranularity(string granularity) => granularity switch
    {
        "event" => new ClusteringOptions(),
        "story" => Story,
        _ => null,
    };
}
