using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chorus.Core.Contracts;

// The JSON documents of CONTRACT.md, shared by the CLI (--json) and the HTTP API. Field names are the
// stable surface: add freely, rename or remove only with a migration note in the README.

public sealed record ProblemDoc(string Input, string Reason);

public sealed record IngestDoc(
    int Ingested,
    int Duplicates,
    int NearDuplicates,
    int StoriesOpened,
    IReadOnlyList<ProblemDoc> Rejected,
    IReadOnlyList<ProblemDoc> Warnings)
{
    public int StoriesMerged { get; init; }

    /// <summary>A worker's serial part (<c>ingest --worker</c>, <c>--workers</c>); absent from other ingests.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SerialPartDoc? Serial { get; init; }
}

/// <summary>
/// What a worker of a shared ingest did while it held the store's write lock, the part no other worker can do beside
/// it: its CPU time as a share of all the worker's CPU time (analysis included), and the wall time of each part in
/// milliseconds per article it stored.
/// </summary>
public sealed record SerialPartDoc(double CpuSeconds, double WallSeconds, double WorkerCpuSeconds, double CpuShare, IReadOnlyDictionary<string, double> PartsMsPerArticle);

public record ArticleRefDoc(
    string Id,
    string Ref,
    string? Source,
    string? Date,
    string Lang,
    string? DuplicateOf,
    string? StoryId)
{
    /// <summary>True when the text is only a feed item's summary.</summary>
    public bool SummaryOnly { get; init; }

    /// <summary>The outlet to show: the article's own, else its URL's domain, else "unknown outlet" (never a file name).</summary>
    public string Outlet { get; init; } = Outlets.OutletNames.Unknown;

    public string? Title { get; init; }

    public string? Url { get; init; }
}

public sealed record SpanDoc(int Start, int End);

public sealed record TokenDoc(int Start, int End, string Kind, string? Stem);

public sealed record NameDoc(string Text, int Start, int End, string Key);

public sealed record EntityMentionDoc(string Text, string Type, int Start, int End, string? Entity, string Kind, string? EntityName);

public sealed record TimeDoc(string Text, int Start, int End, string? Value, string Kind, string? Mod);

public sealed record QuantityDoc(string Text, int Start, int End, double Value, string? Unit, double? Min, double? Max, bool Approximate, string? Qualifier)
{
    /// <summary>The least value the words allow ("ruim 200" → 200); null when unbounded below ("bijna 200").</summary>
    public double? Lower { get; init; }

    /// <summary>The greatest value the words allow; null when unbounded above.</summary>
    public double? Upper { get; init; }
}

public sealed record QuoteDoc(string Text, int Start, int End, string? Speaker, string? SpeakerName, string? Cue);

public sealed record AssignmentDoc(
    string StoryId,
    bool OpenedStory,
    double Score,
    double TermSimilarity,
    double NameOverlap,
    double DateProximity,
    int? DaysApart,
    IReadOnlyList<string> SharedTerms,
    IReadOnlyList<string> SharedNames,
    string? DuplicateOf)
{
    /// <summary>Stories this article bridged and merged into the one it joined.</summary>
    public IReadOnlyList<string> MergedStories { get; init; } = [];

    /// <summary>When it opened a story: the closest story it did not join, and the names only each side has.</summary>
    public string? ClosestStory { get; init; }

    public IReadOnlyList<string> OnlyInArticle { get; init; } = [];

    public IReadOnlyList<string> OnlyInClosest { get; init; } = [];

    /// <summary>When it joined below the threshold: the name, its title's, that only this story carries in the window.</summary>
    public string? AnchorName { get; init; }

    /// <summary>A round-up of unrelated items under a digest heading ("Kort nieuws"): a story of its own, compared with nothing.</summary>
    public bool Digest { get; init; }

    /// <summary>
    /// Set when the article opened a story of its own on arrival (<see cref="FirstOpened"/>) and joined this one when
    /// compared again: "when-story-grew" (a story among its candidates grew) or "after-batch" (with the word statistics
    /// of its whole batch). The scores are those of that comparison.
    /// </summary>
    public string? ComparedAgain { get; init; }

    /// <summary>The story the article opened on arrival, when it was compared again and moved.</summary>
    public string? FirstOpened { get; init; }

    /// <summary>The decision in words, as the CLI and the web page show it (a method, so it is not serialised).</summary>
    public string Decision() => DuplicateOf is not null ? $"near-copy of {DuplicateOf}"
        : Digest ? "a digest of unrelated items under its heading: a story of its own, compared with no other"
        : OpenedStory && ClosestStory is not null && (OnlyInArticle.Count > 0 || OnlyInClosest.Count > 0)
            ? $"opened the story; apart from {ClosestStory} by {string.Join(", ", OnlyInArticle)}{(OnlyInClosest.Count > 0 ? " (there: " + string.Join(", ", OnlyInClosest) + ")" : string.Empty)}"
        : OpenedStory ? "opened the story"
        : ComparedAgain is not null ? $"opened {FirstOpened} on arrival; compared again {(ComparedAgain == "when-story-grew" ? "when this story grew" : "with the word statistics of its whole batch")}, {Joined()}"
        : Joined();

    private string Joined() => MergedStories.Count > 0 ? $"joined, merging {string.Join(", ", MergedStories)}"
        : AnchorName is not null ? $"joined on {AnchorName}, a name of its title only this story carries"
        : "joined";
}

public sealed record ArticleDoc(
    string Id,
    string Ref,
    string? Source,
    string? Date,
    string Lang,
    string? DuplicateOf,
    string? StoryId,
    string? Title,
    string? Url,
    string Text,
    IReadOnlyList<SpanDoc> Sentences,
    IReadOnlyList<TokenDoc> Tokens,
    IReadOnlyList<NameDoc> Names,
    IReadOnlyList<EntityMentionDoc> Entities,
    IReadOnlyList<TimeDoc> Times,
    IReadOnlyList<QuantityDoc> Quantities,
    IReadOnlyList<QuoteDoc> Quotes,
    AssignmentDoc? Assignment)
{
    /// <summary>True when the text is only a feed item's summary.</summary>
    public bool SummaryOnly { get; init; }
}

public sealed record EntityRefDoc(string Id, string Name, string Type);

/// <summary>A row of the story list; <paramref name="KeyEntities"/> are the entities in most of its articles.</summary>
public sealed record StoryListItemDoc(
    string Id,
    string Title,
    string? FirstDate,
    string? LastDate,
    int Sources,
    IReadOnlyList<ArticleRefDoc> Articles,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Langs,
    IReadOnlyList<EntityRefDoc> KeyEntities)
{
    /// <summary>Of <see cref="Sources"/>, how many are articles of unknown outlet, each counted on its own.</summary>
    public int UnknownOutlets { get; init; }
}

/// <summary>One page of the story list, newest first.</summary>
public sealed record StoryPageDoc(int Page, int PageSize, int Total, IReadOnlyList<StoryListItemDoc> Stories);

/// <summary>
/// An entity with its spellings and where it occurs; <paramref name="VariantCounts"/> counts each spelling.
/// <paramref name="Articles"/> and <paramref name="Stories"/> are one page of each, newest first (all of them unless a
/// page was asked for); <see cref="ArticleTotal"/> and <see cref="StoryTotal"/> count them in all, so a page never
/// passes for everything.
/// </summary>
public sealed record EntityDoc(string Id, string Name, string Type, IReadOnlyList<string> Variants, IReadOnlyDictionary<string, int> VariantCounts, int Mentions, IReadOnlyList<string> Articles, IReadOnlyList<string> Stories)
{
    public int ArticleTotal { get; init; }

    public int StoryTotal { get; init; }

    /// <summary>Articles per month over all of them (undated ones left out): the entity over time.</summary>
    public IReadOnlyList<MonthCountDoc> Months { get; init; } = [];
}

public sealed record MonthCountDoc(string Month, int Articles);

/// <summary>An entity a name that did not resolve may have meant (<c>entity NAME</c>, <c>GET /api/entities/{id}</c>).</summary>
public sealed record EntityCandidateDoc(string Id, string Name, string Type, int Mentions);

/// <summary>What a name or id resolved to: the entity, or the candidates when it resolved to none or to several.</summary>
public sealed record EntityLookupDoc(EntityDoc? Entity, IReadOnlyList<EntityCandidateDoc> Candidates, bool Ambiguous);

/// <summary>One logged entity correction; <paramref name="UndoneAt"/> is set once it was taken back.</summary>
public sealed record EntityCorrectionDoc(long Seq, string Kind, string Entity, string Other, string? Variant, int Occurrences, string At, string? UndoneAt);

public sealed record SentenceRefDoc(string Article, int Start, int End, string Text);

public sealed record ClaimDoc(string Text, IReadOnlyList<string> Articles, int Sources, bool Shared, IReadOnlyList<SentenceRefDoc> Sentences)
{
    /// <summary>The sources of this claim disagree on one of its figures, dates or places (listed under conflicts).</summary>
    public bool Disputed { get; init; }
}

/// <summary>An entity of a story; <paramref name="Mentions"/> counts its mentions per article.</summary>
public sealed record StoryEntityDoc(string Id, string Name, string Type, IReadOnlyList<string> Variants, IReadOnlyList<string> Articles, IReadOnlyDictionary<string, int> Mentions);

public sealed record StoryNameDoc(string Key, string Name, IReadOnlyDictionary<string, int> Articles);

/// <summary>One side of a conflict: <paramref name="Text"/> is the sentence, <paramref name="Mention"/> the words that give the value.</summary>
public sealed record ConflictValueDoc(string Article, string Text, string Value, string Mention, int Start, int End, SpanDoc Sentence)
{
    /// <summary>In a conflict, the side of the value (values of one side agree; see <c>Conflict.Sides</c>); null in a development.</summary>
    public int? Side { get; init; }
}

/// <summary>A disagreement; <paramref name="Kind"/> is number, date, weekday, time or place.</summary>
public sealed record ConflictDoc(string What, string Kind, IReadOnlyList<ConflictValueDoc> Values);

public sealed record TimelineMentionDoc(string Article, string Text, int Start, int End, SentenceRefDoc Sentence);

/// <summary>A dated happening; <paramref name="Text"/> is the first sentence that dates it.</summary>
public sealed record TimelineDoc(
    string Value,
    string Text,
    IReadOnlyList<string> Articles,
    string Start,
    string End,
    bool Background,
    bool ResolvedByTense,
    int Sources,
    IReadOnlyList<TimelineMentionDoc> Mentions)
{
    /// <summary>
    /// The day-dated articles that pinned this date for articles dated only by month (their "dinsdag" is this
    /// Tuesday because a wire copy of the same story is dated that week); empty when every source dates it itself.
    /// </summary>
    public IReadOnlyList<string> PinnedBy { get; init; } = [];
}

public sealed record StoryQuoteDoc(string Article, string Text, int Start, int End);

/// <summary>A story's quotes of one speaker (null: the speaker was not found), across its articles.</summary>
public sealed record SpeakerQuotesDoc(string? Speaker, string? SpeakerName, IReadOnlyList<StoryQuoteDoc> Quotes);

public sealed record WhyDoc(string Article, AssignmentDoc? Assignment);

public sealed record StoryDoc(
    string Id,
    string Title,
    string? FirstDate,
    string? LastDate,
    int Sources,
    IReadOnlyList<ArticleRefDoc> Articles,
    IReadOnlyList<StoryEntityDoc> Entities,
    IReadOnlyList<StoryNameDoc> Names,
    IReadOnlyList<ClaimDoc> Claims,
    IReadOnlyList<ConflictDoc> Conflicts,
    IReadOnlyList<TimelineDoc> Timeline,
    IReadOnlyList<string> Summary,
    IReadOnlyList<SentenceRefDoc> SummarySentences,
    IReadOnlyList<SpeakerQuotesDoc> Quotes,
    string Lang,
    IReadOnlyList<WhyDoc>? Why)
{
    /// <summary>Of <see cref="Sources"/>, how many are articles of unknown outlet, each counted on its own.</summary>
    public int UnknownOutlets { get; init; }

    /// <summary>The user's corrections that touched this story (split, merge, move), oldest first.</summary>
    public IReadOnlyList<CorrectionDoc> Corrections { get; init; } = [];

    /// <summary>
    /// The figures ledger: every figure (a number with what it counts or measures) and every date each source gives,
    /// grouped by what it is, so a fact-checker sees at a glance who says what.
    /// </summary>
    public IReadOnlyList<FigureRowDoc> Figures { get; init; } = [];

    /// <summary>
    /// Figures that developed between report days without contradicting each other, each value in the order it was
    /// reported: a death toll that grew ("update"), or a figure a source says it corrects ("correction").
    /// </summary>
    public IReadOnlyList<FigureUpdateDoc> Updates { get; init; } = [];
}

/// <summary>A figure's development: <paramref name="Kind"/> is update, correction or revision (one source changed its own figure); the values run from first to last report (one day's reports in the story's order).</summary>
public sealed record FigureUpdateDoc(string What, string Kind, IReadOnlyList<ConflictValueDoc> Values);

/// <summary>One line of a story's figures ledger: what is counted, measured or dated, and each source's values.</summary>
public sealed record FigureRowDoc(string What, string Kind, IReadOnlyList<FigureValueDoc> Values);

/// <summary>
/// A source's figure: the resolved value, the words, and where they are. <see cref="Projected"/>: the source gives it as
/// feared, expected or possible ("mogelijk meer dan duizend doden"), not as reported; the comparison never sets it
/// against a reported figure.
/// </summary>
public sealed record FigureValueDoc(string Article, string Value, string Text, int Start, int End)
{
    public bool Projected { get; init; }
}

public sealed record CorrectionDoc(string Kind, string Story, string Target, IReadOnlyList<string> Articles, string At)
{
    /// <summary>The correction's number in the log, for <c>story undo N</c>.</summary>
    public long Seq { get; init; }

    /// <summary>When it was taken back; null while it is in force.</summary>
    public string? UndoneAt { get; init; }

    /// <summary>A line of the story's log: an automatic merge is not a user's correction.</summary>
    public string Describe() => $"{(Kind == "auto-merge" ? "merged" : "corrected")} {At}: {(Seq > 0 ? $"#{Seq} " : string.Empty)}{Kind} {Story} → {Target} ({string.Join(", ", Articles)}){(UndoneAt is null ? string.Empty : $", undone {UndoneAt}")}";
}

public sealed record SearchHitDoc(ArticleRefDoc Article, string? Title, double Score, string Snippet, IReadOnlyList<SpanDoc> Highlights);

public sealed record SearchDoc(string Query, IReadOnlyList<SearchHitDoc> Hits)
{
    /// <summary>How many articles match in all; <see cref="Hits"/> holds the best of them, as many as were asked for.</summary>
    public int Total { get; init; }

    /// <summary>
    /// Why the search may miss articles: the index could not be brought up to date with the store (a full or
    /// read-only disk); the next opening with room rebuilds it. Null when the index is up to date.
    /// </summary>
    public string? Warning { get; init; }
}

/// <summary>The one serialiser configuration for every contract document.</summary>
/// <summary>An outlet: name, what a sources file says of it, and how many stored articles it has.</summary>
public sealed record OutletDoc(string Name, string? Country, string? Language, string? Owner, int Articles);

/// <summary>A watchlist (see <c>./chorus watchlist add</c>): its criteria and when it alerts.</summary>
public sealed record WatchlistDoc(string Name, string? Entity, string? EntityName, string? Query, string? Outlet, int MinSources, int BreakingSources, int BreakingHours, bool Conflicts, string? Webhook, string CreatedAt);

/// <summary>One poll of a watched source (<c>watch --json</c> writes one per line); <paramref name="Outcome"/> is read, unchanged or failed.</summary>
public sealed record WatchEventDoc(string Source, string Outcome, string At, int Items, int Stored, int Duplicates, int Rejected, int Alerts, string? Error, string NextPoll);

/// <summary>A fired alert; <paramref name="Kind"/> is appeared, breaking or conflict.</summary>
public sealed record AlertDoc(long Seq, string Watchlist, string StoryId, string Kind, string Title, string Message, int Sources, string At, string? AcknowledgedAt);

public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same document on one line, for JSON streams (JSONL): one event or alert per line.</summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    public static string SerializeLine<T>(T document) => JsonSerializer.Serialize(document, LineOptions);
}
