using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Time;
using Chorus.Storage.Search;
using System.Text.Json;

namespace Chorus.Storage.Queries;

/// <summary>A story as the API answers it: a kept document's JSON to send as stored, or the document; neither for no such story.</summary>
public readonly record struct StoryAnswer(string? StoredJson, StoryDoc? Doc);

/// <summary>What the story list may be narrowed to; every field is optional.</summary>
public sealed record StoryFilter
{
    /// <summary>Full-text query: stories with an article that matches.</summary>
    public string? Query { get; init; }

    /// <summary>Entity id or name: stories with an article that mentions it.</summary>
    public string? Entity { get; init; }

    public PartialDate? From { get; init; }

    public PartialDate? To { get; init; }

    public string? Lang { get; init; }

    /// <summary>Outlet name (as shown in lists): stories with an article from it.</summary>
    public string? Outlet { get; init; }

    /// <summary>Stories told by at least this many independent sources.</summary>
    public int MinSources { get; init; }

    /// <summary>Whether recurring columns (one headline on three or more days) are listed.</summary>
    public bool WithRecurring { get; init; } = true;

    public StorySort Sort { get; init; } = StorySort.Newest;

    public int Page { get; init; } = 1;

    /// <summary>Stories per page; <see cref="int.MaxValue"/> for every story (the CLI's default). Never clamped here.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>How a story list is ordered.</summary>
public enum StorySort
{
    /// <summary>Latest article date first.</summary>
    Newest,

    /// <summary>Most independent sources first.</summary>
    MostSources,

    /// <summary>Most articles first.</summary>
    MostArticles,
}

/// <summary>Which page of an entity's articles and stories to show (both the same size); <see cref="All"/> shows every one.</summary>
public sealed record EntityPaging(int Page = 1, int PageSize = int.MaxValue)
{
    public static EntityPaging All { get; } = new();
}

/// <summary>An entity's document and the summaries of the articles on its page.</summary>
public sealed record EntityView(EntityDoc Doc, IReadOnlyList<StoredArticle> Articles);

/// <summary>
/// A story's document with what the terminal and the web page draw from. <see cref="Analyzed"/> (each article's layers, for marking sentences on the page) is
/// decoded when first asked for: the API and a document served from the cache never need it.
/// </summary>
public sealed class StoryView(StoredStory story, StoryDoc doc, StoryComparison comparison, Func<IReadOnlyList<AnalyzedArticle>> analyzed)
{
    private readonly Lazy<IReadOnlyList<AnalyzedArticle>> _analyzed = new(analyzed);

    public StoryView(StoredStory story, StoryDoc doc, StoryComparison comparison, IReadOnlyList<AnalyzedArticle> analyzed)
        : this(story, doc, comparison, () => analyzed)
    {
    }

    public StoredStory Story => story;

    public StoryDoc Doc => doc;

    public StoryComparison Comparison => comparison;

    public IReadOnlyList<AnalyzedArticle> Analyzed => _analyzed.Value;

    public void Deconstruct(out StoredStory story, out StoryDoc doc, out StoryComparison comparison, out IReadOnlyList<AnalyzedArticle> analyzed)
        => (story, doc, comparison, analyzed) = (Story, Doc, Comparison, Analyzed);
}

/// <summary>
/// What the story page draws: the story's articles, its document and each article's layers (for its sentences),
/// decoded when first asked for.
/// </summary>
public sealed class StoryPageView(StoredStory story, StoryDoc doc, Func<IReadOnlyList<AnalyzedArticle>> analyzed)
{
    private readonly Lazy<IReadOnlyList<AnalyzedArticle>> _analyzed = new(analyzed);

    public StoredStory Story => story;

    public StoryDoc Doc => doc;

    public IReadOnlyList<AnalyzedArticle> Analyzed => _analyzed.Value;
}

/// <summary>
/// The read side of Chorus as contract documents: the CLI's <c>--json</c> and the HTTP API both come from here,
/// so they cannot drift apart. Not thread-safe (the workspace holds one SQLite connection): callers serialise.
/// </summary>
/// <param name="fallbackAnalyzer">Makes the analyser for articles stored without current layers (before <c>reanalyse</c>); called only when one is met.</param>
/// <param name="storyDocuments">Story documents already built, shared by a server's readers; null builds each one anew.</param>
/// <param name="keyEntities">Key entities of list items already worked out, shared by a server's readers; null works each out anew.</param>
/// <param name="storyLists">Text-filtered story lists already worked out, shared by a server's readers; null works each out anew.</param>
/// <param name="memberships">
/// The store's story membership kept in memory (shared by a server's readers), through which text-filtered lists map
/// their matches to stories once look-ups in the store add up; null maps each in the store.
/// </param>
public sealed class ChorusQueries(ChorusWorkspace workspace, Func<ArticleAnalyzer>? fallbackAnalyzer = null, StoryDocumentCache? storyDocuments = null, KeyEntityCache? keyEntities = null, StoryListCache? storyLists = null, StoryMembershipCache? memberships = null)
{
    private const int KeyEntities = 5;

    /// <summary>SQLite allows a limited number of parameters per statement; look up article ids in chunks.</summary>
    private const int IdChunk = 500;

    public ChorusWorkspace Workspace => workspace;

    // The read side sees the store's read contract only: documents cannot write, whatever they are asked.
    private IStoreReader Reads => workspace.Store;

    /// <summary>Stories newest first, filtered and paged.</summary>
    public async Task<StoryPageDoc> StoriesAsync(StoryFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Max(1, filter.PageSize);
        var page = Math.Max(1, filter.Page);
        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize);
        // Lists narrowed by text, entity, language, outlet, dates and independent sources, ordered by date, size or
        // sources, are filtered, ordered and paged in the store; only the page's stories are read.
        string? entityId = null;
        var unknownEntity = false;
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            // An entity no one knows narrows the list to nothing; a known one is matched in the store.
            var entity = await Reads.FindEntityAsync(filter.Entity, cancellationToken).ConfigureAwait(false);
            entityId = entity?.Id;
            unknownEntity = entity is null;
        }

        var query = new StoryPageQuery(
            filter.From?.Start,
            filter.To?.End,
            unknownEntity ? new HashSet<string>() : null,
            string.IsNullOrWhiteSpace(filter.Lang) ? null : filter.Lang,
            string.IsNullOrWhiteSpace(filter.Outlet) ? null : filter.Outlet,
            filter.Sort switch
            {
                StorySort.MostArticles => StoryOrder.MostArticles,
                StorySort.MostSources => StoryOrder.MostSources,
                _ => StoryOrder.Newest,
            },
            Math.Max(1, filter.MinSources),
            filter.WithRecurring,
            entityId);
        var (total, pageStories) = unknownEntity
            ? await Reads.PageStoriesAsync(query, skip, pageSize, cancellationToken).ConfigureAwait(false)
            : !string.IsNullOrWhiteSpace(filter.Query)
            ? await PageMatchingStoriesAsync(filter.Query, query, skip, pageSize, cancellationToken).ConfigureAwait(false)
            : await PageFilteredByMembershipAsync(query, skip, pageSize, cancellationToken).ConfigureAwait(false)
                ?? await Reads.PageStoriesAsync(query, skip, pageSize, cancellationToken).ConfigureAwait(false);
        var pageEntities = await KeyEntitiesAsync(pageStories, cancellationToken).ConfigureAwait(false);
        return new StoryPageDoc(page, pageSize, total, pageStories.Select(s => ContractMapper.ListItem(s, pageEntities.GetValueOrDefault(s.Profile.Id))).ToList());
    }

    /// <summary>
    /// A page of a list narrowed by language, outlet or independent sources (no text, no entity) through the kept
    /// story membership, or null where the store should answer it. The store checks those filters story by story (at
    /// 1M articles 0.1–0.8 s of CPU a page for a language or an outlet, 26 ms on average for the first 100 pages of two
    /// or more sources); the membership holds each language's stories as bits and every story's outlets and counts in memory,
    /// and gives the same list (<see cref="StoryMembership.List"/>). A membership older than the store is read again
    /// once such lists would have cost as much (<see cref="StoryMembershipCache.ShouldReadForFilteredList"/>).
    /// </summary>
    private async Task<(int Total, IReadOnlyList<StoredStory> Stories)?> PageFilteredByMembershipAsync(StoryPageQuery query, int skip, int pageSize, CancellationToken cancellationToken)
    {
        if (memberships is null || query.EntityId is not null || (query.Lang is null && query.Outlet is null && query.MinSources <= 1))
        {
            return null;
        }

        var storeVersion = await Reads.ChangeVersionAsync(cancellationToken).ConfigureAwait(false);
        var membership = memberships.Kept(storeVersion)
            ?? (memberships.ShouldReadForFilteredList(await MembershipArticlesAsync(cancellationToken).ConfigureAwait(false))
                ? await ReadMembershipOrNullAsync(storeVersion, cancellationToken).ConfigureAwait(false)
                : null);
        if (membership is null)
        {
            return null;
        }

        // Kept like a text-filtered list (no text; the search index plays no part), so paging costs a page.
        IReadOnlyList<string> ids = storyLists is null
            ? membership.List(membership.AllStories(), query)
            : await storyLists.GetOrAddAsync(new StoryListCache.Key(string.Empty, query, membership.Version, 0), _ => Task.FromResult<IReadOnlyList<string>>(membership.List(membership.AllStories(), query)), cancellationToken).ConfigureAwait(false);
        return (ids.Count, await PageOfAsync(ids, query, skip, pageSize, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A page of the stories with an article that matches a text query: the whole list is worked out once, in its
    /// order, and kept under the store's and the index's versions where a <see cref="StoryListCache"/> is given; a
    /// page is then a slice of it. Every matching article counts, not the best few hundred: a filter that dropped
    /// stories would lose them silently. Each matching article is mapped to its story in the store, or, where a
    /// <see cref="StoryMembershipCache"/> is given, through the store's membership in memory.
    /// </summary>
    private async Task<(int Total, IReadOnlyList<StoredStory> Stories)> PageMatchingStoriesAsync(string text, StoryPageQuery query, int skip, int pageSize, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        if (storyLists is null || query.EntityId is not null)
        {
            // Entity merges and splits change which stories mention an entity without touching articles or stories,
            // so entity-narrowed lists are never kept, nor worked out from a membership (which holds no entities).
            ids = await ListMatchingStoriesAsync(text, query, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Versions read before the list is worked out: what it holds is never older than the key it is kept under.
            var storeVersion = await Reads.ChangeVersionAsync(cancellationToken).ConfigureAwait(false);
            var key = new StoryListCache.Key(text, query, storeVersion, workspace.Index.SearchedVersion());
            ids = await storyLists.GetOrAddAsync(key, ct => ListMatchingStoriesAsync(text, query, storeVersion, ct), cancellationToken).ConfigureAwait(false);
        }

        return (ids.Count, await PageOfAsync(ids, query, skip, pageSize, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The stories at places <paramref name="skip"/>.. of a list worked out as ids, read from the store.</summary>
    private async Task<IReadOnlyList<StoredStory>> PageOfAsync(IReadOnlyList<string> ids, StoryPageQuery query, int skip, int pageSize, CancellationToken cancellationToken)
    {
        // By place, not by walking the list: a membership's list reads a place without making the ids before it.
        var page = new List<string>();
        for (var i = skip; i < ids.Count && page.Count < pageSize; i++)
        {
            page.Add(ids[i]);
        }

        var (_, stories) = await Reads.PageStoriesAsync(new StoryPageQuery(StoryIds: page, Order: query.Order), 0, pageSize, cancellationToken).ConfigureAwait(false);
        return stories;
    }

    /// <summary>
    /// Every story of <paramref name="query"/>'s list with an article matching <paramref name="text"/>, in its order;
    /// through the kept membership when it is of <paramref name="storeVersion"/> or later, or a new one once the
    /// look-ups in the store would have cost as much (<see cref="StoryMembershipCache.ShouldRead"/>); else in the store.
    /// </summary>
    private async Task<IReadOnlyList<string>> ListMatchingStoriesAsync(string text, StoryPageQuery query, long? storeVersion, CancellationToken cancellationToken)
    {
        var byMembership = memberships is not null && storeVersion is not null && query.EntityId is null;
        if (byMembership && memberships!.Kept(storeVersion!.Value) is { } kept)
        {
            return kept.List(await workspace.Index.MatchingStoriesAsync(text, kept, cancellationToken).ConfigureAwait(false), query);
        }

        var hits = await workspace.Index.MatchingArticlesAsync(text, cancellationToken).ConfigureAwait(false);
        if (!byMembership
            || hits.Count == 0
            || !memberships!.ShouldRead(hits.Count, await MembershipArticlesAsync(cancellationToken).ConfigureAwait(false))
            || await ReadMembershipOrNullAsync(storeVersion!.Value, cancellationToken).ConfigureAwait(false) is not { } membership)
        {
            return await Reads.ListStoryIdsAsync(query with { ArticleIds = hits }, cancellationToken).ConfigureAwait(false);
        }

        var stories = membership.NewSet();
        foreach (var hit in hits)
        {
            if (membership.TryGetStory(hit, out var story))
            {
                stories.Add(story);
            }
        }

        return membership.List(stories, query);
    }

    /// <summary>The store's article count as the rent-or-buy rule of <see cref="StoryMembershipCache"/> weighs a read by: the newest membership's, else counted.</summary>
    private async Task<int> MembershipArticlesAsync(CancellationToken cancellationToken)
        => memberships?.Newest?.ArticleCount ?? await Reads.CountArticlesAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A membership read at <paramref name="storeVersion"/> or later (the kept one, one being read, or a new read), or
    /// null where it could not be read (the store busy or short of memory): the caller's list is then answered by the store.
    /// </summary>
    private async Task<StoryMembership?> ReadMembershipOrNullAsync(long storeVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await memberships!.GetAsync(storeVersion, Reads.ReadStoryMembershipAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is System.Data.Common.DbException or OutOfMemoryException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads and makes now what this reader's text-filtered lists and searches keep in memory, so that no request
    /// waits for it: the store's story membership (where a <see cref="StoryMembershipCache"/> is given; one read, kept
    /// until the store changes) and what the search index makes on first use (<see cref="ISearchIndex.WarmAsync"/>).
    /// </summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        StoryMembership? membership = null;
        if (memberships is not null)
        {
            var storeVersion = await Reads.ChangeVersionAsync(cancellationToken).ConfigureAwait(false);
            membership = await memberships.GetAsync(storeVersion, Reads.ReadStoryMembershipAsync, cancellationToken).ConfigureAwait(false);
        }

        await workspace.Index.WarmAsync(membership, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The build of Chorus that story documents are kept under: the analyser version and the compiled code that maps
    /// and compares (a deterministic build's module ids change with its code, so a document built by other code is
    /// built again, never served).
    /// </summary>
    public static string DocumentBuild { get; } = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{ArticleAnalyzer.Version}/{typeof(ContractMapper).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(ChorusQueries).Assembly.ManifestModule.ModuleVersionId:N}");

    /// <summary>
    /// Where a document built on a request goes to be kept in the store (the CLI saves it, a server queues it for its
    /// writer); null keeps nothing. Documents are offered only for a story asked for by its exact id.
    /// </summary>
    public Func<StoredStoryDocument, CancellationToken, Task>? KeepDocument { get; init; }

    /// <summary>False builds every document asked for, as a first visit does (a benchmark of building); true serves the ones the store keeps.</summary>
    public bool ServeKeptDocuments { get; init; } = true;

    /// <summary>
    /// A story's document: the one the store keeps when it is current (no texts, layers or comparison read), else built
    /// as <see cref="StoryAsync"/> builds it and offered to <see cref="KeepDocument"/>. The user's corrections are read
    /// with every request. Null for no such story.
    /// </summary>
    public async Task<StoryDoc?> StoryDocAsync(string id, bool why, CancellationToken cancellationToken = default)
    {
        var answer = await StoryAnswerAsync(id, why, sendAsStored: false, cancellationToken).ConfigureAwait(false);
        return answer.Doc;
    }

    /// <summary>
    /// A story as the API answers it: the kept document's JSON as it is stored when it is current and the story has no
    /// corrections to add (reading it into objects and writing it out again was most of a kept story's cost), else the
    /// document (<see cref="StoryDocAsync"/>); both null for no such story.
    /// </summary>
    public Task<StoryAnswer> StoryAnswerAsync(string id, bool why, CancellationToken cancellationToken = default)
        => StoryAnswerAsync(id, why, sendAsStored: true, cancellationToken);

    private async Task<StoryAnswer> StoryAnswerAsync(string id, bool why, bool sendAsStored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ServeKeptDocuments && await Reads.CurrentStoryDocumentAsync(id, why, DocumentBuild, cancellationToken).ConfigureAwait(false) is { } body)
        {
            var corrections = await CorrectionsAsync(id, cancellationToken).ConfigureAwait(false);
            if (sendAsStored && corrections.Count == 0)
            {
                return new StoryAnswer(body, null);
            }

            if (JsonSerializer.Deserialize<StoryDoc>(body, ContractJson.Options) is { } kept)
            {
                return new StoryAnswer(null, kept with { Corrections = corrections });
            }
        }

        if (KeepDocument is not { } keep)
        {
            return new StoryAnswer(null, (await StoryViewAsync(id, why, remember: true, cancellationToken).ConfigureAwait(false))?.Doc);
        }

        var built = await BuildStoryDocumentAsync(id, why, remember: true, cancellationToken).ConfigureAwait(false);
        if (built is { Document: { } document })
        {
            await keep(document, cancellationToken).ConfigureAwait(false);
        }

        return new StoryAnswer(null, built?.View.Doc);
    }

    /// <summary>
    /// Builds story <paramref name="id"/>'s view, with the document to keep when <paramref name="id"/> is the story's
    /// exact id (its version is read before its data, so the document is never newer than the version it is kept
    /// under); null for no such story.
    /// </summary>
    /// <param name="remember">False leaves the server's kept documents (<see cref="StoryDocumentCache"/>) alone: a background build of every story would push out the ones readers ask for.</param>
    public async Task<(StoryView View, StoredStoryDocument? Document)?> BuildStoryDocumentAsync(string id, bool why, bool remember = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var version = await Reads.StoryVersionAsync(id, cancellationToken).ConfigureAwait(false);
        var view = await StoryViewAsync(id, why, remember, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return null;
        }

        var document = view.Story.Profile.Id == id
            ? new StoredStoryDocument(id, why, DocumentBuild, version, JsonSerializer.Serialize(view.Doc with { Corrections = [] }, ContractJson.LineOptions))
            : null;
        return (view, document);
    }

    private async Task<IReadOnlyList<CorrectionDoc>> CorrectionsAsync(string storyId, CancellationToken cancellationToken)
    {
        var corrections = await Reads.StoryCorrectionsAsync(storyId, cancellationToken).ConfigureAwait(false);
        return corrections.Select(c => new CorrectionDoc(StoryCorrectionKinds.Name(c.Kind), c.StoryId, c.TargetId, c.Articles, c.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
        {
            Seq = c.Seq,
            UndoneAt = c.UndoneAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
    }

    /// <summary>
    /// The story page's view: the document the API answers (kept in the store when current, else built and kept, see
    /// <see cref="StoryAnswerAsync(string, bool, CancellationToken)"/>) with why each article is in the story, and the
    /// articles' sentences. The page needs no comparison of its own: the claim of each sentence and the sentences in
    /// conflict are in the document. Null for no such story.
    /// </summary>
    public async Task<StoryPageView?> StoryPageAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var story = await Reads.FindStoryAsync(id, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            return null;
        }

        var doc = await StoryDocAsync(story.Profile.Id, why: false, cancellationToken).ConfigureAwait(false);
        if (doc is null || !doc.Articles.Select(a => a.Id).SequenceEqual(story.Articles.Select(a => a.Id), StringComparer.Ordinal))
        {
            // A write between the two reads left a document of other articles: build both from one read.
            var view = await StoryViewAsync(id, why: true, remember: true, cancellationToken).ConfigureAwait(false);
            return view is null ? null : new StoryPageView(view.Story, view.Doc, () => view.Analyzed);
        }

        var layers = await Reads.LoadAnalysesAsync([.. story.Articles.Select(a => a.Id)], cancellationToken).ConfigureAwait(false);
        var mapper = Mapper(layers, []);
        return new StoryPageView(story, doc with { Why = ContractMapper.Why(story) }, () => [.. story.Articles.Select(mapper.Analyze)]);
    }

    public Task<StoryView?> StoryAsync(string id, bool why, CancellationToken cancellationToken = default)
        => StoryViewAsync(id, why, remember: true, cancellationToken);

    private async Task<StoryView?> StoryViewAsync(string id, bool why, bool remember, CancellationToken cancellationToken)
    {
        var story = await Reads.FindStoryAsync(id, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            return null;
        }

        var ids = story.Articles.Select(a => a.Id).ToList();
        var layers = await Reads.LoadAnalysesAsync(ids, cancellationToken).ConfigureAwait(false);
        var occurrences = await Reads.ArticleEntitiesAsync(ids, cancellationToken).ConfigureAwait(false);
        var mapper = Mapper(layers, occurrences);
        StoryDoc doc;
        StoryComparison comparison;
        Func<IReadOnlyList<AnalyzedArticle>> analyzed;
        // A document is kept by the digest of all it is built from, so a kept one is the one building would give.
        var key = storyDocuments is null || !remember ? null : StoryDocumentCache.KeyOf(story, why, layers, occurrences);
        if (key is not null && storyDocuments!.TryGet(key, out var keptDoc, out var keptComparison))
        {
            (doc, comparison, analyzed) = (keptDoc, keptComparison, () => [.. story.Articles.Select(mapper.Analyze)]);
        }
        else
        {
            var built = mapper.Story(story, why, cancellationToken);
            (doc, comparison, analyzed) = (built.Doc, built.Comparison, () => built.Analyzed);
            if (key is not null)
            {
                storyDocuments!.Add(key, doc, comparison, story.Articles.Sum(a => (long)a.Text.Length));
            }
        }

        doc = doc with { Corrections = await CorrectionsAsync(story.Profile.Id, cancellationToken).ConfigureAwait(false) };
        return new StoryView(story, doc, comparison, analyzed);
    }

    /// <summary>A story's comparison by another comparer than the shipped one (for measuring settings on stored stories); null for no such story.</summary>
    public async Task<StoryComparison?> CompareStoryAsync(string id, StoryComparer comparer, CancellationToken cancellationToken = default)
    {
        var story = await Reads.FindStoryAsync(id, cancellationToken).ConfigureAwait(false);
        return story is null ? null : (await MapperAsync(story.Articles.Select(a => a.Id).ToList(), cancellationToken).ConfigureAwait(false)).Compare(story, comparer);
    }

    public async Task<ArticleDoc?> ArticleAsync(string idOrRef, CancellationToken cancellationToken = default)
    {
        var article = await Reads.FindArticleAsync(idOrRef, cancellationToken).ConfigureAwait(false);
        return article is null ? null : (await MapperAsync([article.Id], cancellationToken).ConfigureAwait(false)).Article(article);
    }

    /// <summary>How many entities there are in all (a list of the first N says "N of this").</summary>
    public Task<int> EntityCountAsync(CancellationToken cancellationToken = default) => Reads.CountEntitiesAsync(cancellationToken);

    public async Task<IReadOnlyList<EntityDoc>> EntitiesAsync(int limit, EntityPaging paging, CancellationToken cancellationToken = default)
    {
        var docs = new List<EntityDoc>();
        foreach (var e in await Reads.ListEntitiesAsync(Math.Max(1, limit), cancellationToken).ConfigureAwait(false))
        {
            docs.Add((await EntityViewAsync(e, paging, summaries: false, cancellationToken).ConfigureAwait(false)).Doc);
        }

        return docs;
    }

    /// <summary>An entity and the summaries of its page of articles (for its web page, which lists and links them); null for none.</summary>
    public async Task<EntityView?> EntityViewAsync(string idOrName, EntityPaging paging, CancellationToken cancellationToken = default)
    {
        var entity = await Reads.FindEntityAsync(idOrName, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : await EntityViewAsync(entity, paging, summaries: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An exact id, name or variant resolves to its entity; anything else only to candidates.</summary>
    public async Task<EntityLookupDoc> LookupEntityAsync(string idOrName, EntityPaging paging, CancellationToken cancellationToken = default)
    {
        var lookup = await Reads.LookupEntityAsync(idOrName, cancellationToken).ConfigureAwait(false);
        return new EntityLookupDoc(
            lookup.Match is null ? null : (await EntityViewAsync(lookup.Match, paging, summaries: false, cancellationToken).ConfigureAwait(false)).Doc,
            [.. lookup.Candidates.Select(Candidate)],
            lookup.Ambiguous);
    }

    public static EntityCandidateDoc Candidate(StoredEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new EntityCandidateDoc(entity.Id, entity.Name, entity.Type.Code(), entity.Mentions);
    }

    public async Task<IReadOnlyList<EntityCorrectionDoc>> EntityCorrectionsAsync(CancellationToken cancellationToken = default)
        => [.. (await Reads.EntityCorrectionsAsync(cancellationToken).ConfigureAwait(false)).Select(CorrectionDoc)];

    public static EntityCorrectionDoc CorrectionDoc(EntityCorrection c)
    {
        ArgumentNullException.ThrowIfNull(c);
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new EntityCorrectionDoc(c.Seq, c.Kind.ToString().ToLowerInvariant(), c.EntityId, c.OtherId, c.Variant, c.Occurrences, Time(c.At.ToUniversalTime()), c.UndoneAt is { } u ? Time(u.ToUniversalTime()) : null);
    }

    public async Task<SearchDoc> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (hits, total) = await workspace.Index.SearchAsync(query, Math.Max(1, limit), cancellationToken).ConfigureAwait(false);
        var articles = (await Reads.GetArticleTextsAsync(hits.Select(h => h.ArticleId).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var docs = new List<SearchHitDoc>();
        foreach (var hit in hits)
        {
            if (articles.TryGetValue(hit.ArticleId, out var article))
            {
                var (snippet, highlights) = SnippetBuilder.Build(article.Title ?? string.Empty, article.Text, article.Lang, query, hit.Matches);
                docs.Add(new SearchHitDoc(ContractMapper.Ref(article), article.Title, Math.Round(hit.Score, 4), snippet, highlights.Select(h => new SpanDoc(h.Start, h.End)).ToList()));
            }
        }

        return new SearchDoc(query, docs) { Total = total, Warning = workspace.IndexProblem };
    }

    /// <summary>Article ids after <paramref name="after"/> in id order, a page at a time (exports walk the archive with it).</summary>
    public Task<IReadOnlyList<string>> ArticleIdPageAsync(string? after, int limit, CancellationToken cancellationToken = default)
        => Reads.ArticlesToAnalyseAsync(0, everything: true, after, limit, cancellationToken);

    private async Task<ContractMapper> MapperAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken)
        => Mapper(
            await Reads.LoadAnalysesAsync(articleIds, cancellationToken).ConfigureAwait(false),
            await Reads.ArticleEntitiesAsync(articleIds, cancellationToken).ConfigureAwait(false));

    private ContractMapper Mapper(IReadOnlyDictionary<string, StoredAnalysis> layers, IReadOnlyList<EntityOccurrence> occurrences)
        => new(layers, fallbackAnalyzer ?? ArticleAnalyzer.CreateDefault, ContractMapper.EntityIdLookup(occurrences));

    // Counted, grouped and paged in the store: an entity in a hundred thousand articles costs a page, not all of them.
    // The document lists article ids; the summaries (titles, dates, outlets) are read only for the web page, which shows them.
    private async Task<EntityView> EntityViewAsync(StoredEntity e, EntityPaging paging, bool summaries, CancellationToken cancellationToken)
    {
        var size = Math.Max(0, paging.PageSize);
        var offset = (int)Math.Min(int.MaxValue, (long)(Math.Max(1, paging.Page) - 1) * size);
        var found = await Reads.EntityArticlesAsync(e.Id, offset, size, cancellationToken).ConfigureAwait(false);
        var doc = new EntityDoc(
            e.Id,
            e.Name,
            e.Type.Code(),
            e.Variants.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key).ToList(),
            e.Variants,
            e.Mentions,
            found.ArticleIds,
            found.Stories)
        {
            ArticleTotal = found.ArticleTotal,
            StoryTotal = found.StoryTotal,
            Months = [.. found.Months.Select(m => new MonthCountDoc(m.Month, m.Articles))],
        };
        if (!summaries || found.ArticleIds.Count == 0)
        {
            return new EntityView(doc, []);
        }

        var byId = (await Reads.GetArticleSummariesAsync(found.ArticleIds, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return new EntityView(doc, [.. found.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id])]);
    }

    /// <summary>For each story, the entities found in most of its articles (people and organisations before places on ties).</summary>
    private async Task<Dictionary<string, IReadOnlyList<EntityRefDoc>>> KeyEntitiesAsync(IReadOnlyList<StoredStory> stories, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<EntityRefDoc>>(StringComparer.Ordinal);
        var versions = keyEntities is null ? null : await Reads.StoryEntityVersionsAsync([.. stories.Select(s => s.Profile.Id)], cancellationToken).ConfigureAwait(false);
        var missing = new List<StoredStory>();
        foreach (var story in stories)
        {
            if (versions is not null && keyEntities!.TryGet(story.Profile.Id, versions[story.Profile.Id], out var kept))
            {
                found[story.Profile.Id] = kept;
            }
            else
            {
                missing.Add(story);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var storyOf = missing.SelectMany(s => s.Articles.Select(a => (a.Id, Story: s.Profile.Id))).ToDictionary(x => x.Id, x => x.Story, StringComparer.Ordinal);
        var occurrences = new List<EntityOccurrence>();
        foreach (var chunk in storyOf.Keys.Chunk(IdChunk))
        {
            occurrences.AddRange(await Reads.ArticleEntitiesAsync(chunk, cancellationToken).ConfigureAwait(false));
        }

        var byStory = occurrences.GroupBy(o => storyOf[o.ArticleId], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var story in missing)
        {
            var worked = byStory.TryGetValue(story.Profile.Id, out var own) ? KeyEntitiesOf(own) : [];
            found[story.Profile.Id] = worked;
            if (versions is not null)
            {
                keyEntities!.Add(story.Profile.Id, versions[story.Profile.Id], worked);
            }
        }

        return found;
    }

    private static IReadOnlyList<EntityRefDoc> KeyEntitiesOf(List<EntityOccurrence> occurrences)
        => occurrences.GroupBy(o => o.EntityId, StringComparer.Ordinal)
            .OrderByDescending(e => e.Select(o => o.ArticleId).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(e => e.First().Type == EntityType.Location)
            .ThenByDescending(e => e.Sum(o => o.Mentions))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(KeyEntities)
            .Select(e => new EntityRefDoc(e.Key, e.GroupBy(o => o.LocalName, StringComparer.Ordinal).OrderByDescending(n => n.Sum(o => o.Mentions)).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key, e.First().Type.Code()))
            .ToList();
}
