using System.Globalization;
using Chorus.Core.Store;
using Chorus.Core.Time;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Chorus.Storage.Search;

/// <summary>
/// Full-text search over articles, in a Lucene.NET index kept in a folder beside the database. Each article's
/// title and text go into a field for its language (Dutch, English or German analyser: stopwords and
/// stemming); a query is parsed once per language field and the results merged by score. The postings keep each
/// word's places and offsets, from which a hit's matches are read (<see cref="IndexedMatches"/>). The index can
/// always be rebuilt from the store, and is rebuilt automatically when it is missing, out of step or of an older
/// format (<see cref="Format"/>).
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex
{
    private const LuceneVersion Version = SearchAnalyzers.Version;

    /// <summary>
    /// What the index keeps, written with each commit: 2 = offsets in the postings, title and text as two
    /// values of the field with a gap between them (a phrase cannot run from the title into the text); 3 = and each
    /// language's tier field (<see cref="ScoreTiers"/>). An index of another format is rebuilt when opened.
    /// </summary>
    internal const string Format = "3";
    private const string FormatKey = "chorus.format";

    // Places between the title's last word and the text's first: more than any phrase a query may hold.
    private const int TitleGap = SearchQueryParser.MaxTerms + 1;

    private static readonly FieldType TextWithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });
    private static readonly IReadOnlyList<string> Languages = SearchAnalyzers.Languages;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;

    // The writer's analyser: the same, counting each article's words for its tier field as it indexes them.
    private readonly Analyzer _indexAnalyzer;
    private readonly Analyzer[] _perField;
    private IndexWriter? _writer;
    // Commits are spaced out: a commit per store batch flushed a small segment and synced files every 256 articles,
    // a tenth of ingest's serial work. The store is the truth and an index behind it is rebuilt on open, so a crash
    // between commits loses nothing; readers in other processes see new articles within this interval.
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);
    private long _lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
    // One searcher shared by every query, refreshed only when the index has changed (reopening a reader per query
    // costs more than most searches); thread-safe, so concurrent readers can share it.
    private SearcherManager? _searchers;
    private readonly System.Threading.Lock _searchersLock = new();

    private LuceneSearchIndex(LuceneDirectory directory)
    {
        _directory = directory;
        _perField = [.. SearchAnalyzers.Languages.Select(SearchAnalyzers.Create)];
        _analyzer = new IndexAnalyzer(
            _perField[0],
            SearchAnalyzers.Languages.Select((lang, i) => (lang, i)).ToDictionary(x => "text_" + x.lang, x => _perField[x.i], StringComparer.Ordinal));
        _indexAnalyzer = ScoreTiers.CountingAnalyzer(_analyzer);
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Each language field's analyser, with a gap of places between a field's values (the title and the text).</summary>
    private sealed class IndexAnalyzer(Analyzer fallback, Dictionary<string, Analyzer> perField) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => perField.GetValueOrDefault(fieldName, fallback);

        public override int GetPositionIncrementGap(string fieldName) => TitleGap;
    }

    /// <summary>The index folder that belongs to a database file.</summary>
    public static string FolderFor(string databasePath) => databasePath + ".search";

    public static LuceneSearchIndex OpenFolder(string folder) => new(FSDirectory.Open(folder));

    /// <summary>
    /// Opens the index beside the store and rebuilds it from the store when it does not match or cannot be read,
    /// under the store's write lock. While another process holds that lock (an ingest is writing both), a count that
    /// differs is that writer's work in progress, so the index is left to it.
    /// </summary>
    public static async Task<LuceneSearchIndex> OpenForAsync(IChorusStore store, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var index = OpenFolder(folder);
        try
        {
            if (index.ReadableState() is { Current: true } state && state.Count == await store.CountArticlesAsync(cancellationToken).ConfigureAwait(false))
            {
                return index;
            }

            var writing = await store.TryLockForWritingAsync("rebuild the search index", cancellationToken).ConfigureAwait(false);
            if (writing is null)
            {
                return index;
            }

            await using (writing.ConfigureAwait(false))
            {
                var again = index.ReadableState();
                if (again is not { Current: true } || again.Value.Count != await store.CountArticlesAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (again is null)
                    {
                        // Unreadable (a segment file lost, a torn write): start from an empty folder.
                        index.Dispose();
                        ClearFolder(folder);
                        index = OpenFolder(folder);
                    }

                    try
                    {
                        await index.RebuildAsync(store, cancellationToken).ConfigureAwait(false);
                        index.CloseWriter();
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // A full or read-only disk must not stop a reader: keep what the index has (searches may miss
                        // articles, and say so); the next open with room to write rebuilds it.
                        index.RollbackWriter();
                        index.Problem = $"the search index is out of step with the store and could not be rebuilt ({e.Message.TrimEnd('.')}); searches may miss articles";
                    }
                }
            }
        }
        catch
        {
            index.Dispose();
            throw;
        }

        return index;
    }

    // The number of documents and whether the index is of this format (an empty folder is), or null when it cannot be read.
    private (int Count, bool Current)? ReadableState()
    {
        try
        {
            if (_writer is not null)
            {
                return (_writer.NumDocs, _writer.CommitData.TryGetValue(FormatKey, out var written) && written == Format);
            }

            if (!DirectoryReader.IndexExists(_directory))
            {
                return (0, true);
            }

            using var reader = DirectoryReader.Open(_directory);
            return (reader.NumDocs, reader.IndexCommit.UserData.TryGetValue(FormatKey, out var format) && format == Format);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void ClearFolder(string folder)
    {
        if (System.IO.Directory.Exists(folder))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(folder))
            {
                File.Delete(file);
            }
        }
    }

    public int DocumentCount()
    {
        if (_writer is not null)
        {
            return _writer.NumDocs;
        }

        if (!DirectoryReader.IndexExists(_directory))
        {
            return 0;
        }

        using var reader = DirectoryReader.Open(_directory);
        return reader.NumDocs;
    }

    public async Task RebuildAsync(IChorusStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var writer = Writer();
        writer.DeleteAll();
        writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal) { [FormatKey] = Format });
        var batch = new List<StoredArticle>(512);
        await foreach (var article in store.ReadAllArticlesAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(article);
            if (batch.Count == 512)
            {
                AddDocuments(writer, batch);
                batch.Clear();
            }
        }

        AddDocuments(writer, batch);
        // One segment: every search seeks each query word, and opens its postings, once per segment (sixteen
        // segments of a rebuilt 1M index were a quarter of a new query's time); merging a rebuild costs a fraction of
        // writing it (19 s of 7 minutes at 1M).
        writer.ForceMerge(1);
        writer.Commit();
        Committed();
    }

    public Task AddAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var writer = Writer();
        AddDocuments(writer, articles);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_lastCommit) >= CommitInterval)
        {
            writer.Commit();
            Committed();
            _lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<IndexHit> Hits, int Total)> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
        => Task.FromResult(SearchCounted(query, limit));

    /// <summary>
    /// Matching articles, best first, at most <paramref name="limit"/>, with what the query matched in each and the number
    /// of all matching articles; a query with a <see cref="SearchQueryParser.Problem"/> finds nothing.
    /// </summary>
    private (IReadOnlyList<IndexHit> Hits, int Total) SearchCounted(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!IndexExists())
        {
            return ([], 0);
        }

        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            if (!_ranked.TryGetValue(query, out var ranked) || ranked.Reader != reader || (ranked.Hits.Length < limit && ranked.Hits.Length < ranked.Total))
            {
                var parsed = Parse(query);
                if (!parsed.Success)
                {
                    return ([], 0);
                }

                // Lucene sizes its queue by the limit: ask for no more than there are documents ("every hit" is int.MaxValue).
                var size = Math.Clamp(limit, 1, Math.Max(1, reader.MaxDoc));
                // Champion lists asked for after this searcher was made are started here.
                StartMaking(reader);
                var fromChampions = false;
                var top = UseScoreTiers || UseChampions ? ScoreTiers.TrySearch(searcher, parsed.Value!, size, UseChampions, UseScoreTiers && HasTiers(reader), out fromChampions) : null;
                if (top is not null)
                {
                    Interlocked.Increment(ref fromChampions ? ref _championAnswers : ref _tierAnswers);
                }

                top ??= searcher.Search(parsed.Value!, size);
                ranked = new RankedHits(reader, parsed.Value!, [.. top.ScoreDocs.Select(sd => (sd.Doc, searcher.Doc(sd.Doc).Get("id", CultureInfo.InvariantCulture), sd.Score))], top.TotalHits);
                if (ranked.Hits.Length <= RankedMaxHits)
                {
                    if (_ranked.Count >= RankedCapacity)
                    {
                        _ranked.Clear();
                    }

                    _ranked[query] = ranked;
                }
            }

            var matches = IndexedMatches.For(Parts(ranked.Query));
            return ([.. ranked.Hits.Take(limit).Select(h => new IndexHit(h.Id, h.Score, matches?.Find(reader, h.Doc)))], ranked.Total);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // The ranked hits of recent queries (Solr's query result cache, in small), each valid only with the reader it was
    // read from: a refresh makes every entry stale. Ranking every match of a common word grows with the archive (at
    // 100,000 articles a fifth of a search's time); a query asked again on an unchanged index ranks nothing. What the
    // query matched in each hit is read again per request, from the postings.
    // A page of a few hundred hits at most is kept: a request for every hit (the CLI's --limit) is not.
    private const int RankedCapacity = 256;
    private const int RankedMaxHits = 1_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RankedHits> _ranked = new(StringComparer.Ordinal);

    /// <summary>False ranks every match of a one-word query, as without tiers (tests compare the two).</summary>
    internal bool UseScoreTiers { get; set; } = true;

    /// <summary>
    /// Whether each segment's champion lists are made (in the background, seconds for a large segment) and one-word
    /// queries ranked over them (<see cref="SegmentChampions"/>): for a server, not for a process that searches once.
    /// </summary>
    public bool UseChampions { get; set; }

    // Makings of champion lists this index started, stopped and waited for when it closes (they read its files).
    private readonly CancellationTokenSource _stopMaking = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, bool> _making = new();

    private void StartMaking(IndexReader reader)
    {
        if (!UseChampions || _stopMaking.IsCancellationRequested)
        {
            return;
        }

        foreach (var leaf in reader.Leaves)
        {
            if (SegmentChampions.Of(leaf.AtomicReader) is null)
            {
                Track(SegmentChampions.MakingAsync(leaf.AtomicReader, _stopMaking.Token));
            }
        }
    }

    // A making is waited for when the index closes.
    private T Track<T>(T making)
        where T : Task
    {
        if (!making.IsCompleted && _making.TryAdd(making, true))
        {
            _ = making.ContinueWith(done => _making.TryRemove(done, out _), TaskScheduler.Default);
        }

        return making;
    }

    /// <summary>How many rankings the tiers answered (tests check that the path they compare was taken).</summary>
    internal int TierAnswers => Volatile.Read(ref _tierAnswers);

    private int _tierAnswers;

    /// <summary>How many rankings the segments' champion lists answered (tests check that the path they compare was taken).</summary>
    internal int ChampionAnswers => Volatile.Read(ref _championAnswers);

    private int _championAnswers;

    /// <summary>Waits until the champion lists of every segment searched now are made (tests).</summary>
    internal Task ChampionsMadeAsync() => WarmAsync(null, champions: true, CancellationToken.None);

    /// <summary>
    /// Makes, before any request needs them, the champion lists of every segment searched now (where
    /// <see cref="UseChampions"/>: seconds of a core per million articles) and, with a <paramref name="membership"/>,
    /// each segment's map of documents to its stories (<see cref="MatchingStoriesAsync"/>'s first use of it).
    /// </summary>
    public Task WarmAsync(StoryMembership? membership, CancellationToken cancellationToken = default)
        => WarmAsync(membership, UseChampions, cancellationToken);

    private async Task WarmAsync(StoryMembership? membership, bool champions, CancellationToken cancellationToken)
    {
        if (!IndexExists())
        {
            return;
        }

        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            if (membership is not null)
            {
                var maps = _segmentStories.GetValue(membership, _ => new());
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    StoryCollector.MapOf(maps, leaf.AtomicReader, membership);
                }

                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    try
                    {
                        await StorySetsMaking(leaf.AtomicReader, membership, maps).WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // The sets only spare lists a walk of postings: a segment without them is walked.
                    }
                }
            }

            if (champions)
            {
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    await Track(SegmentChampions.MakingAsync(leaf.AtomicReader, _stopMaking.Token)).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // Whether every document of the reader's commit was written with its tier fields: an index of an older format
    // (left as it is while another process held the write lock, or appended to before its rebuild) may hold documents
    // without them, and a page from the tier would miss those.
    private TierCheck? _tiersChecked;

    private sealed record TierCheck(IndexReader Reader, bool Tiers);

    private bool HasTiers(IndexReader reader)
    {
        var check = _tiersChecked;
        if (check?.Reader != reader)
        {
            var tiers = reader is DirectoryReader directory && directory.IndexCommit.UserData.TryGetValue(FormatKey, out var format) && format == Format;
            _tiersChecked = check = new TierCheck(reader, tiers);
        }

        return check.Tiers;
    }

    private sealed record RankedHits(IndexReader Reader, Query Query, (int Doc, string Id, float Score)[] Hits, int Total);

    public Task<IReadOnlyList<string>> MatchingArticlesAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = Parse(query);
        if (!parsed.Success || !IndexExists())
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            var collector = new IdCollector();
            searcher.Search(parsed.Value!, collector);
            return Task.FromResult<IReadOnlyList<string>>(collector.Ids);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<StorySet> MatchingStoriesAsync(string query, StoryMembership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(membership);
        var parsed = Parse(query);
        var stories = membership.NewSet();
        if (!parsed.Success || !IndexExists())
        {
            return Task.FromResult(stories);
        }

        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            var maps = _segmentStories.GetValue(membership, _ => new());
            var collector = new StoryCollector(maps, membership, stories);
            var terms = new List<Term>();
            if (AnyOfTerms(parsed.Value!, terms))
            {
                // Words, any of which matches (one word, or words joined by OR): a common word's stories merged from the
                // segment's kept sets, each other word's documents walked without their counts or positions, and
                // without scoring.
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    collector.SetNextReader(leaf);
                    var liveDocs = leaf.AtomicReader.LiveDocs;
                    var making = StorySetsMaking(leaf.AtomicReader, membership, maps);
                    var sets = making.IsCompletedSuccessfully ? making.Result : null;
                    foreach (var term in terms)
                    {
                        if (sets is not null && sets.TryAddStories(term, stories))
                        {
                            Interlocked.Increment(ref _storySetAnswers);
                            continue;
                        }

                        var words = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
                        if (words is null || !words.SeekExact(term.Bytes))
                        {
                            continue;
                        }

                        var docs = words.Docs(liveDocs, null, DocsFlags.NONE);
                        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                        {
                            collector.Collect(doc);
                        }
                    }
                }
            }
            else
            {
                searcher.Search(parsed.Value!, collector);
            }

            return Task.FromResult(stories);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // Whether a query matches what any of its words matches (a word, or words and such queries under SHOULD only), and
    // those words.
    private static bool AnyOfTerms(Query query, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery term:
                terms.Add(term.Term);
                return true;
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch <= 1:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.SHOULD || !AnyOfTerms(clause.Query, terms))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    // Each segment's documents mapped to their stories, per membership: made once per segment (segments never change;
    // a deleted document is never collected), dropped with the membership.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<StoryMembership, System.Collections.Concurrent.ConcurrentDictionary<object, int[]>> _segmentStories = new();

    // Each segment's common words' stories, per membership, keyed by the segment with its deletions (a document deleted
    // since must not count): made in the background on first use, dropped with the membership.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<StoryMembership, System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<Task<SegmentStorySets>>>> _segmentStorySets = new();

    // The making of a segment's story sets for a membership, started on the first call (on the segment held open until
    // done, stopped when the index closes); made again where a making was stopped or its segment closed meanwhile.
    private Task<SegmentStorySets> StorySetsMaking(AtomicReader segment, StoryMembership membership, System.Collections.Concurrent.ConcurrentDictionary<object, int[]> maps)
    {
        // Through Lazy: requests arriving together for a segment first seen start one making, not one each (a making
        // is seconds of a core for a 1M-article segment).
        var makings = _segmentStorySets.GetValue(membership, _ => new());
        var key = segment.CombinedCoreAndDeletesKey;
        var made = (Index: this, Segment: segment, Membership: membership, Maps: maps);
        var held = makings.GetOrAdd(key, static (_, made) => made.Index.LazyStorySets(made.Segment, made.Membership, made.Maps), made);
        var making = held.Value;
        if (making.IsCanceled || (making.IsFaulted && making.Exception?.InnerException is ObjectDisposedException or OperationCanceledException))
        {
            var again = LazyStorySets(segment, membership, maps);
            making = (makings.TryUpdate(key, again, held) ? again : makings[key]).Value;
        }

        return making;
    }

    private Lazy<Task<SegmentStorySets>> LazyStorySets(AtomicReader segment, StoryMembership membership, System.Collections.Concurrent.ConcurrentDictionary<object, int[]> maps)
        => new(() => Track(StartStorySets(segment, membership, maps)));

    private Task<SegmentStorySets> StartStorySets(AtomicReader segment, StoryMembership membership, System.Collections.Concurrent.ConcurrentDictionary<object, int[]> maps)
    {
        Interlocked.Increment(ref _storySetMakings);
        var stop = _stopMaking.Token;
        return SegmentChampions.OnHeldSegment(segment, stop, () => SegmentStorySets.Make(segment, StoryCollector.MapOf(maps, segment, membership), stop));
    }

    /// <summary>How many makings of a segment's story sets were started (tests: one per segment and membership).</summary>
    internal int StorySetMakings => Volatile.Read(ref _storySetMakings);

    private int _storySetMakings;

    /// <summary>How many words of text-filtered lists a segment's kept story sets answered (tests check the path was taken).</summary>
    internal int StorySetAnswers => Volatile.Read(ref _storySetAnswers);

    private int _storySetAnswers;

    /// <summary>Bytes of the story sets made for this membership (tests).</summary>
    internal long StorySetBytes(StoryMembership membership)
        => _segmentStorySets.TryGetValue(membership, out var makings) ? makings.Values.Select(m => m.Value).Where(m => m.IsCompletedSuccessfully).Sum(m => m.Result.Bytes) : 0;

    /// <summary>How many segments have their common words' stories made for this membership (tests).</summary>
    internal int SegmentsWithStorySets(StoryMembership membership)
        => _segmentStorySets.TryGetValue(membership, out var makings) ? makings.Values.Count(m => m.Value.IsCompletedSuccessfully) : 0;

    /// <summary>How many of the segments searched now have their champion lists made (tests).</summary>
    internal int SegmentsWithChampions()
    {
        if (!IndexExists())
        {
            return 0;
        }

        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.Leaves.Count(leaf => SegmentChampions.Of(leaf.AtomicReader) is not null);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>How many segments have their documents mapped to this membership's stories (tests).</summary>
    internal int SegmentsMapped(StoryMembership membership) => _segmentStories.TryGetValue(membership, out var maps) ? maps.Count : 0;

    /// <summary>
    /// Adds the story of every hit to a set, through a map of the segment's documents to stories (made from the id
    /// field's terms on its first use with a membership): no string and no look-up per hit.
    /// </summary>
    private sealed class StoryCollector(System.Collections.Concurrent.ConcurrentDictionary<object, int[]> segments, StoryMembership membership, StorySet stories) : ICollector
    {
        private int[] _storyOfDoc = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _storyOfDoc = MapOf(segments, context.AtomicReader, membership);

        /// <summary>The segment's documents mapped to the membership's stories, made on first use.</summary>
        public static int[] MapOf(System.Collections.Concurrent.ConcurrentDictionary<object, int[]> segments, AtomicReader segment, StoryMembership membership)
            => segments.GetOrAdd(segment.CoreCacheKey, static (_, made) => StoriesOf(made.Segment, made.Membership), (Segment: segment, Membership: membership));

        public void Collect(int doc)
        {
            var story = _storyOfDoc[doc];
            if (story >= 0)
            {
                stories.Add(story);
            }
        }

        private static int[] StoriesOf(AtomicReader reader, StoryMembership membership)
        {
            var ids = FieldCache.DEFAULT.GetTerms(reader, "id", false);
            var term = new BytesRef();
            var chars = new char[64];
            var map = new int[reader.MaxDoc];
            for (var doc = 0; doc < map.Length; doc++)
            {
                ids.Get(doc, term);
                var bytes = term.Bytes.AsSpan(term.Offset, term.Length);
                if (chars.Length < bytes.Length)
                {
                    chars = new char[bytes.Length];
                }

                var length = System.Text.Encoding.UTF8.GetChars(bytes, chars);
                map[doc] = membership.TryGetStory(chars.AsSpan(0, length), out var story) ? story : -1;
            }

            return map;
        }
    }

    public long SearchedVersion()
    {
        if (!IndexExists())
        {
            return 0;
        }

        // The version of the reader searches use now (refreshed as a search would be): a commit, by this process or
        // another, gives a new one.
        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            return ((DirectoryReader)searcher.IndexReader).Version;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Collects the article id of every hit from the id field's terms, cached per segment by Lucene's field cache, without
    /// scoring, ordering or reading stored fields.
    /// </summary>
    private sealed class IdCollector : Lucene.Net.Search.ICollector
    {
        private readonly Lucene.Net.Util.BytesRef _term = new();
        private Lucene.Net.Index.BinaryDocValues? _ids;

        public List<string> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Lucene.Net.Search.Scorer scorer)
        {
        }

        public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context)
            => _ids = Lucene.Net.Search.FieldCache.DEFAULT.GetTerms(context.AtomicReader, "id", false);

        public void Collect(int doc)
        {
            _ids!.Get(doc, _term);
            Ids.Add(_term.Utf8ToString());
        }
    }

    // Searchers read what was committed, whichever process committed it: every write commits, and a refresh before a
    // query picks up what this process or another wrote since (a searcher tied to this process's writer would not
    // see another process's commits, nor outlive the writer).
    // The commit generation the searchers were last refreshed at. Asking the manager to refresh reads every
    // segment's info from disk (a fifth of a search's time); a listing of the folder says whether anyone committed.
    // That listing was a tenth of a search's time in turn, so it is done only when the folder's time of last change
    // moved (every commit makes a file), after this process committed, or while the last change is recent (some file
    // systems keep that time to the second only).
    private long _refreshedGeneration = -1;
    private static readonly long RecentTicks = TimeSpan.FromSeconds(3).Ticks;
    private long _checkedStamp = -1;
    private volatile bool _committedHere = true;
    private volatile bool _exists;

    private void Committed() => _committedHere = true;

    // Whether the folder holds an index; once it does, it is not looked for again.
    private bool IndexExists()
    {
        if (!_exists && DirectoryReader.IndexExists(_directory))
        {
            _exists = true;
        }

        return _exists;
    }

    private void RefreshIfCommitted(SearcherManager searchers)
    {
        var stamp = _directory is FSDirectory folder ? System.IO.Directory.GetLastWriteTimeUtc(folder.Directory.FullName).Ticks : -1;
        if (!_committedHere && stamp >= 0 && stamp == Interlocked.Read(ref _checkedStamp) && DateTime.UtcNow.Ticks - stamp > RecentTicks)
        {
            return;
        }

        // Cleared and stamped before the folder is read: a commit after the read asks for the next check.
        _committedHere = false;
        Interlocked.Exchange(ref _checkedStamp, stamp);
        var generation = SegmentInfos.GetLastCommitGeneration(_directory);
        if (generation != Interlocked.Read(ref _refreshedGeneration))
        {
            searchers.MaybeRefreshBlocking();
            _ranked.Clear();
            Interlocked.Exchange(ref _refreshedGeneration, generation);
        }
    }

    // Every new searcher starts making the champion lists of the segments it has not seen (in the background: a
    // search meanwhile ranks as before), so that they are ready by the time one-word queries come.
    private sealed class ChampionsWarmer(LuceneSearchIndex index) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            index.StartMaking(reader);
            return base.NewSearcher(reader);
        }
    }

    private SearcherManager Searchers()
    {
        lock (_searchersLock)
        {
            return _searchers ??= new SearcherManager(_directory, new ChampionsWarmer(this));
        }
    }

    private ParseResult<Query> Parse(string query)
    {
        var combined = new BooleanQuery();
        foreach (var lang in Languages)
        {
            var parsed = SearchQueryParser.Parse(query, "text_" + lang, _analyzer, Version);
            if (!parsed.Success)
            {
                return parsed;
            }

            combined.Add(parsed.Value, Occur.SHOULD);
        }

        return ParseResult<Query>.Ok(combined);
    }

    // Each language field's part of a query made by Parse.
    private static IEnumerable<(string Field, Query Query)> Parts(Query combined)
        => ((BooleanQuery)combined).Clauses.Select((clause, i) => ("text_" + Languages[i], clause.Query));

    /// <summary>Why searches may be incomplete (the index could not be brought in step with the store), or null.</summary>
    public string? Problem { get; private set; }

    private void RollbackWriter()
    {
        var writer = Interlocked.Exchange(ref _writer, null);
        try
        {
            writer?.Rollback();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Rolling back only drops what the failed rebuild wrote; the last commit stays as it was.
        }
    }

    public void CloseWriter()
    {
        var writer = Interlocked.Exchange(ref _writer, null);
        writer?.Dispose();
        Committed();
    }

    private IndexWriter Writer()
    {
        if (_writer is null)
        {
            var fresh = !DirectoryReader.IndexExists(_directory);
            _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _indexAnalyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
            if (fresh)
            {
                // A new index is of this format; one of an older format keeps its mark (articles added to it now keep
                // offsets, those before do not) until it is rebuilt.
                _writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal) { [FormatKey] = Format });
            }
        }

        return _writer;
    }

    private void AddDocuments(IndexWriter writer, IEnumerable<StoredArticle> articles)
    {
        foreach (var article in articles)
        {
            var lang = Languages.Contains(article.Lang) ? article.Lang : "nl";
            // The title and the text as two values: their offsets are those of title + "\n" + text (the analyser's offset
            // gap is one), their places apart by TitleGap.
            var field = "text_" + lang;
            var title = article.Title ?? string.Empty;
            var document = new Document
            {
                new StringField("id", article.Id, Field.Store.YES),
                new Field(field, title, TextWithOffsets),
                new Field(field, article.Text, TextWithOffsets),
            };
            // The text field's words are counted as the writer indexes them, on this thread; the tier field is read after.
            document.Add(ScoreTiers.TierField(field, ScoreTiers.BeginCounting()));
            try
            {
                writer.UpdateDocument(new Term("id", article.Id), document);
            }
            finally
            {
                ScoreTiers.EndCounting();
            }
        }
    }

    public void Dispose()
    {
        // No making of champion lists may read the files once they are closed (a mapped file read after it is unmapped
        // ends the process).
        _stopMaking.Cancel();
        try
        {
            Task.WaitAll([.. _making.Keys], TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Stopped or failed: either way no longer reading.
        }

        _searchers?.Dispose();
        _searchers = null;
        _writer?.Dispose();
        _writer = null;
        _indexAnalyzer.Dispose();
        _analyzer.Dispose();
        foreach (var analyzer in _perField)
        {
            analyzer.Dispose();
        }

        _directory.Dispose();
        _stopMaking.Dispose();
    }
}
