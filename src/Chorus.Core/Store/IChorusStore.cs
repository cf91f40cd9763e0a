using Chorus.Core.Stories;

namespace Chorus.Core.Store;

/// <summary>
/// The persistence contract every store meets (SQLite embedded, PostgreSQL shared), split by use: what the read side
/// asks (<see cref="IStoreReader"/>), what ingest and reanalysis need (<see cref="IStoreWriter"/>), and users'
/// corrections (<see cref="IStoreCorrections"/>). One contract test suite runs against each implementation and names
/// every member of the three. Writes go through <see cref="IStoreBatch"/>: a batch is one transaction, so a crash
/// leaves only whole articles with their story assignment.
/// </summary>
public interface IChorusStore : IStoreReader, IStoreWriter, IStoreCorrections, IAsyncDisposable;

/// <summary>
/// The read side: articles, stories and entities by id, lists filtered, ordered and paged in the store with their
/// totals, and the logs of corrections. Pages, documents and exports are built from these alone; nothing here writes.
/// </summary>
public interface IStoreReader
{
    /// <summary>Where the store lives, for messages (a file path or a connection description).</summary>
    string Location { get; }

    Task<int> CountArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds an article by id, by the ref it was ingested under, or by a unique id prefix.</summary>
    Task<StoredArticle?> FindArticleAsync(string idOrRef, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetArticlesAsync"/>, with each article's metadata only (as in <see cref="ListStorySummariesAsync"/>): for lists, which never show the text.</summary>
    Task<IReadOnlyList<StoredArticle>> GetArticleSummariesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="GetArticlesAsync"/>, with each article's text but not what only ingest reads (the clustering record,
    /// the signature): for search hits, whose snippets need the text but not the clustering record, which every full
    /// read decodes (decoding the rows read was 14 % of a search request at 10,000 articles, CPU profile).
    /// </summary>
    Task<IReadOnlyList<StoredArticle>> GetArticleTextsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The stored annotation layers of these articles (<see cref="Analysis.AnalysisCodec"/>), by article id; articles without any are absent.</summary>
    Task<IReadOnlyDictionary<string, StoredAnalysis>> LoadAnalysesAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> ids of articles whose layers are missing or of another analyser version than
    /// <paramref name="version"/> (all of them when <paramref name="everything"/>), in id order after <paramref name="after"/>:
    /// the work list of <c>reanalyse</c>, paged so that a resumed run continues where it stopped.
    /// </summary>
    Task<IReadOnlyList<string>> ArticlesToAnalyseAsync(int version, bool everything, string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many articles <see cref="ArticlesToAnalyseAsync"/> would list in all.</summary>
    Task<int> CountArticlesToAnalyseAsync(int version, bool everything, CancellationToken cancellationToken = default);

    /// <summary>All articles in ingest order, streamed (for rebuilding the search index).</summary>
    IAsyncEnumerable<StoredArticle> ReadAllArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stories with their articles, largest first, then newest.</summary>
    Task<IReadOnlyList<StoredStory>> ListStoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ListStoriesAsync"/>, for lists: each article carries its metadata (id, ref, source, date, language,
    /// title, duplicate-of) but not its text, assignment or signature, so a list of every story reads no article text.
    /// </summary>
    Task<IReadOnlyList<StoredStory>> ListStorySummariesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the stories whose dates meet [<paramref name="from"/>, <paramref name="to"/>] (either may be open),
    /// newest first (latest article date, undated last; then more articles; then id), with article summaries as in
    /// <see cref="ListStorySummariesAsync"/>, and how many stories meet the dates in all. Filtered, ordered and paged
    /// in the store, so a page costs the same however many stories there are. A page is for lists: each profile holds
    /// the story's id, title, first and last date and article count, not its term, name or concept vectors.
    /// </summary>
    Task<(int Total, IReadOnlyList<StoredStory> Stories)> PageStoriesAsync(DateOnly? from, DateOnly? to, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// As the other overload, narrowed and ordered as <paramref name="query"/> says: only the stories listed, those with
    /// an article in a language or from an outlet (its stored name, case aside; "unknown outlet" for articles naming
    /// none), most articles first instead of newest.
    /// </summary>
    Task<(int Total, IReadOnlyList<StoredStory> Stories)> PageStoriesAsync(StoryPageQuery query, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each story asked for, a number that changes whenever an entity occurrence of one of its articles is written,
    /// moved or removed, or an article joins or leaves it (kept by the store for every writer); 0 for a story with no
    /// such change recorded. What is worked out from a story's entities may be kept under it.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> StoryEntityVersionsAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every story of the list <paramref name="query"/> describes, as ids in its order (what
    /// <see cref="PageStoriesAsync(StoryPageQuery, int, int, CancellationToken)"/> would page through), for a list worked
    /// out once and paged many times.
    /// </summary>
    Task<IReadOnlyList<string>> ListStoryIdsAsync(StoryPageQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that moves on with every committed write to articles or stories, by any writer (kept in the writer's
    /// transaction): what is worked out from the lists may be kept under it.
    /// </summary>
    Task<long> ChangeVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every article's story and every story's list keys, read at one version (in one read transaction, so the rows
    /// agree with each other and with <see cref="StoryMembership.Version"/>): for lists narrowed by a text search
    /// with many matches.
    /// </summary>
    Task<StoryMembership> ReadStoryMembershipAsync(CancellationToken cancellationToken = default);

    /// <summary>The versions a document of story <paramref name="storyId"/> is built under (0, 0 for an unknown id). Read it before the story's data: a document built from data newer than its version is only ever discarded, never served stale.</summary>
    Task<StoryVersion> StoryVersionAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The kept document of story <paramref name="storyId"/> (its exact id) built by <paramref name="builtBy"/>, when
    /// the story's versions are still those it was built under; else null.
    /// </summary>
    Task<string?> CurrentStoryDocumentAsync(string storyId, bool why, string builtBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> stories in id order after <paramref name="after"/> (null: from the first) with no
    /// current plain document built by <paramref name="builtBy"/> (none kept, another build's, or the story changed
    /// since). Walked page by page, a run reads every story once.
    /// </summary>
    Task<IReadOnlyList<string>> StoriesWithoutDocumentAsync(string builtBy, string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Finds a story by id or unique id prefix.</summary>
    Task<StoredStory?> FindStoryAsync(string idOrPrefix, CancellationToken cancellationToken = default);

    /// <summary>Entities, most mentioned first.</summary>
    Task<IReadOnlyList<StoredEntity>> ListEntitiesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>How many entities <see cref="ListEntitiesAsync"/> could list (merged-away ones not counted).</summary>
    Task<int> CountEntitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// An entity by exact id (a merged-away id leads to the entity it lives in now), or by a name or variant that,
    /// folded for case and diacritics, belongs to exactly one entity; with candidates when it does not resolve.
    /// </summary>
    Task<EntityLookup> LookupEntityAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>The entity <see cref="LookupEntityAsync"/> resolves to exactly, or null.</summary>
    Task<StoredEntity?> FindEntityAsync(string idOrName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EntityOccurrence>> EntityOccurrencesAsync(string entityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where an entity occurs, for its page: how many articles and stories in all, articles per month (undated ones
    /// left out; a year-only date counts in its January), and one page of its articles (summaries as in
    /// <see cref="ListStorySummariesAsync"/>) and of its stories, newest first (by the date of the entity's latest
    /// article in the story; undated last; then id). Counted, grouped and paged in the store. A <paramref name="limit"/>
    /// of 0 asks for the totals only (no months, no pages), as lists of entities show them.
    /// </summary>
    Task<EntityArticles> EntityArticlesAsync(string entityId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The cross-article entity of each (type, in-article name) in these articles.</summary>
    Task<IReadOnlyList<EntityOccurrence>> ArticleEntitiesAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);

    /// <summary>The corrections that involved a story, oldest first.</summary>
    Task<IReadOnlyList<StoryCorrection>> StoryCorrectionsAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>Every story correction, newest first, undone ones included.</summary>
    Task<IReadOnlyList<StoryCorrection>> AllStoryCorrectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity corrections, newest first, undone ones included.</summary>
    Task<IReadOnlyList<EntityCorrection>> EntityCorrectionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The ingest side: the write lock, claimed chunks of shared runs, the clusterer's window of story profiles and term
/// statistics, the pairs of stories users kept apart, and batches, the one way to write.
/// </summary>
public interface IStoreWriter
{
    /// <summary>
    /// Takes the store's write lock, which every process and server that opens the store shares: a writer whose work
    /// depends on what it read before (an ingest run, a correction) holds it from its first read to its last write, so
    /// two writers never save views of the store that miss each other's changes. Waits while another writer holds it,
    /// calling <paramref name="waiting"/> once with who that is. Disposing the result releases it.
    /// </summary>
    Task<IAsyncDisposable> LockForWritingAsync(string purpose, Action<string>? waiting = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="LockForWritingAsync"/> without waiting: null while another writer holds the lock.</summary>
    Task<IAsyncDisposable?> TryLockForWritingAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims chunk <paramref name="chunk"/> of the shared ingest <paramref name="run"/> for this process, so that
    /// workers sharing one input do not analyse the same chunk; null while another holds it. The claim ends when
    /// disposed, or when its holder dies however it dies, so another worker can take the chunk over.
    /// </summary>
    Task<IAsyncDisposable?> TryClaimChunkAsync(string run, int chunk, CancellationToken cancellationToken = default);

    /// <summary>The chunks of the shared ingest <paramref name="run"/> whose last batch is committed (<see cref="IStoreBatch.MarkChunkDoneAsync"/>).</summary>
    Task<IReadOnlySet<int>> DoneChunksAsync(string run, CancellationToken cancellationToken = default);


    /// <summary>
    /// Keeps a built story document, if the story still exists and its versions are still
    /// <see cref="StoredStoryDocument.Version"/> (checked in the same statement, so a write committed meanwhile wins);
    /// replaces the story's earlier document of the same kind. True when kept. Needs no write lock: it changes nothing
    /// another writer reads.
    /// </summary>
    Task<bool> SaveStoryDocumentAsync(StoredStoryDocument document, CancellationToken cancellationToken = default);

    /// <summary>Which of these content keys are stored already.</summary>
    Task<IReadOnlySet<string>> FindExistingContentKeysAsync(IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stories whose date interval touches <c>[from, to]</c>, plus undated ones; for the clusterer's window. Those
    /// <paramref name="skip"/> says the caller holds already are left out before their profiles are read.
    /// </summary>
    Task<IReadOnlyList<StoryProfile>> LoadStoryProfilesAsync(DateOnly from, DateOnly to, Func<string, bool>? skip = null, CancellationToken cancellationToken = default);

    Task<TermStatistics> LoadTermStatisticsAsync(CancellationToken cancellationToken = default);

    Task<IStoreBatch> BeginBatchAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Pairs of stories a user separated (split, or moved articles from one to the other, and not undone), each id
    /// followed to the story it lives in now; the clusterer never merges these automatically.
    /// </summary>
    Task<IReadOnlyList<(string A, string B)>> StoriesKeptApartAsync(CancellationToken cancellationToken = default);
}

/// <summary>Users' corrections of stories and entities, each applied in one transaction, logged and undoable.</summary>
public interface IStoreCorrections
{
    /// <summary>
    /// Applies a correction of story membership in one transaction: each article's new story, the rebuilt profiles
    /// of the stories it touches, the stories it empties (removed, their ids then lead to the correction's target),
    /// and the correction itself in the log.
    /// </summary>
    Task ApplyStoryCorrectionAsync(StoryCorrection correction, IReadOnlyDictionary<string, string> articleStories, IReadOnlyList<StoryProfile> profiles, IReadOnlyList<string> removedStories, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes back story correction <paramref name="seq"/> in one transaction: each article's story, the rebuilt
    /// profiles, the stories it brings back (their ids no longer lead elsewhere), the stories it empties (each id
    /// then leads to the given story), and the correction marked undone.
    /// </summary>
    Task UndoStoryCorrectionAsync(long seq, IReadOnlyDictionary<string, string> articleStories, IReadOnlyList<StoryProfile> profiles, IReadOnlyList<string> restoredStories, IReadOnlyList<(string Removed, string LeadsTo)> removedStories, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges the entity <paramref name="mergedId"/> into <paramref name="keptId"/> (exact ids) and logs it with what
    /// undoes it, so later ingests follow and <see cref="UndoEntityCorrectionAsync"/> can take it back.
    /// </summary>
    Task<EntityCorrectionOutcome> MergeEntitiesAsync(string keptId, string mergedId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves one variant (and the article names that are that variant) to a new entity, pinned for later ingests,
    /// and logs it; the new entity's id is the correction's <see cref="EntityCorrection.OtherId"/>.
    /// </summary>
    Task<EntityCorrectionOutcome> SplitEntityAsync(string entityId, string variant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes back one correction (the newest one still in force when <paramref name="seq"/> is null). Refused while
    /// a later correction still in force touches the same entities: those are undone first, newest first.
    /// </summary>
    Task<EntityCorrectionOutcome> UndoEntityCorrectionAsync(long? seq, CancellationToken cancellationToken = default);
}

/// <summary>One write transaction. Reads through the batch see its own uncommitted writes. Disposing without commit rolls back.</summary>
public interface IStoreBatch : IAsyncDisposable
{
    /// <summary>The articles stored under any of <paramref name="bandKeys"/> (any number of them), each with the ones it is stored under.</summary>
    Task<IReadOnlyList<NearDuplicateCandidate>> FindNearDuplicateCandidatesAsync(IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default);

    Task AddArticleAsync(StoredArticle article, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken = default);

    /// <summary>Writes (or replaces) an article's annotation layers, made by analyser <paramref name="version"/>.</summary>
    Task SaveAnalysisAsync(string articleId, int version, byte[] layers, CancellationToken cancellationToken = default);

    Task SaveStoryAsync(StoryProfile story, CancellationToken cancellationToken = default);

    /// <summary>One story's stored profile (this batch's own writes included); null when there is no such story.</summary>
    Task<StoryProfile?> LoadStoryProfileAsync(string storyId, CancellationToken cancellationToken = default);

    Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> increments, int documents, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves every article of <paramref name="absorbedId"/> (already written ones of this batch included) into
    /// <paramref name="survivorId"/>, removes the absorbed story, makes its id lead to the survivor and logs the merge.
    /// The survivor's profile is saved by the caller.
    /// </summary>
    Task MergeStoriesAsync(string absorbedId, string survivorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored explanation of the article that opened <paramref name="storyId"/> (its near-copies keep
    /// theirs): an article compared again that joins another story, written before its story is merged away.
    /// </summary>
    Task ReplaceAssignmentAsync(string storyId, Stories.Assignment assignment, CancellationToken cancellationToken = default);

    /// <summary>Entities sharing a blocking key with a name (see <see cref="Entities.EntityResolver"/>).</summary>
    Task<IReadOnlyList<StoredEntity>> FindEntitiesByBlockAsync(string block, CancellationToken cancellationToken = default);

    /// <summary>The entities of many blocks in one read: each (block, entity) pair, for prefetching a batch's candidates.</summary>
    Task<IReadOnlyList<(string Block, StoredEntity Entity)>> FindEntitiesByBlocksAsync(IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default);

    /// <summary>Every user decision of the form "this (type, name) belongs to that entity" (few: they come from splits).</summary>
    Task<IReadOnlyDictionary<(Analysis.EntityType Type, string Name), string>> PinsAsync(CancellationToken cancellationToken = default);

    Task SaveEntityAsync(StoredEntity entity, IReadOnlyCollection<string> blocks, CancellationToken cancellationToken = default);

    Task AddEntityOccurrenceAsync(EntityOccurrence occurrence, CancellationToken cancellationToken = default);

    /// <summary>
    /// What an entity has been seen with: the other entities of (up to a few hundred of) its articles, and those
    /// articles' stories. Evidence for choosing between entities that share a name part.
    /// </summary>
    Task<EntityContext> EntityContextAsync(string entityId, CancellationToken cancellationToken = default);

    /// <summary>Where a merged-away entity id now lives (follows chains); the id itself when it was not merged.</summary>
    Task<string> CurrentEntityIdAsync(string entityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="entityIds"/> were merged away (have an alias): one query for a batch's entities, where
    /// <see cref="CurrentEntityIdAsync"/> would cost a round trip each.
    /// </summary>
    Task<IReadOnlySet<string>> MergedAwayAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default);

    /// <summary>Records, with this batch, that chunk <paramref name="chunk"/> of the shared ingest <paramref name="run"/> is stored whole.</summary>
    Task MarkChunkDoneAsync(string run, int chunk, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>Something kept beside the store that indexes articles (the full-text search index).</summary>
public interface IArticleIndex
{
    Task AddAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken = default);

    /// <summary>Commits and closes the index's writer, if open, so that another process may write next.</summary>
    void CloseWriter();
}

/// <summary>What a page of stories is narrowed to and how it is ordered, answered in the store (see <see cref="IChorusStore.PageStoriesAsync(StoryPageQuery, int, int, CancellationToken)"/>).</summary>
/// <param name="Outlet">An outlet as shown (a name, a domain for articles that name none, or "unknown outlet"), compared folded.</param>
/// <param name="MinSources">Only stories with at least this many independent sources (outlets; near-copies once).</param>
/// <param name="WithRecurring">Whether recurring columns (one headline on three or more days) are listed.</param>
/// <param name="EntityId">Only stories with an article that mentions this entity (its live id).</param>
/// <param name="ArticleIds">Only stories holding one of these articles (a text search's hits).</param>
public sealed record StoryPageQuery(
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyCollection<string>? StoryIds = null,
    string? Lang = null,
    string? Outlet = null,
    StoryOrder Order = StoryOrder.Newest,
    int MinSources = 1,
    bool WithRecurring = true,
    string? EntityId = null,
    IReadOnlyCollection<string>? ArticleIds = null);

/// <summary>How a page of stories is ordered; ties go newest first, then by id.</summary>
public enum StoryOrder
{
    /// <summary>Latest article date first.</summary>
    Newest,

    /// <summary>Most articles first.</summary>
    MostArticles,

    /// <summary>Most independent sources first.</summary>
    MostSources,
}

/// <summary>
/// An entity's articles and stories, counted in all and one page of each, newest first, as ids
/// (<see cref="IChorusStore.EntityArticlesAsync"/>): the API lists ids, and a page that shows the articles reads their
/// summaries (<see cref="IStoreReader.GetArticleSummariesAsync"/>).
/// </summary>
public sealed record EntityArticles(int ArticleTotal, int StoryTotal, IReadOnlyList<string> ArticleIds, IReadOnlyList<string> Stories, IReadOnlyList<MonthCount> Months);

/// <summary>How many articles fall in one month (<c>yyyy-MM</c>).</summary>
public readonly record struct MonthCount(string Month, int Articles);
