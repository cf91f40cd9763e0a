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
/// stemming); a query is parsed once per language field and the results merged by score. The index can
/// always be rebuilt from the store, and is rebuilt automatically when it is missing or out of step.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex
{
    private const LuceneVersion Version = SearchAnalyzers.Version;
    private static readonly IReadOnlyList<string> Languages = SearchAnalyzers.Languages;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
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
        _analyzer = new PerFieldAnalyzerWrapper(
            _perField[0],
            SearchAnalyzers.Languages.Select((lang, i) => (lang, i)).ToDictionary(x => "text_" + x.lang, x => _perField[x.i]));
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
            if (index.ReadableCount() is { } count && count == await store.CountArticlesAsync(cancellationToken).ConfigureAwait(false))
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
                var again = index.ReadableCount();
                if (again is null || again != await store.CountArticlesAsync(cancellationToken).ConfigureAwait(false))
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

    // The number of documents, or null when the index cannot be read.
    private int? ReadableCount()
    {
        try
        {
            return DocumentCount();
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
        writer.Commit();
    }

    public Task AddAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var writer = Writer();
        AddDocuments(writer, articles);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_lastCommit) >= CommitInterval)
        {
            writer.Commit();
            _lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<(string ArticleId, float Score)> Hits, int Total)> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
        => Task.FromResult(SearchCounted(query, limit));

    /// <summary>
    /// Article ids and scores, best first, at most <paramref name="limit"/>, with the number of all matching articles;
    /// a query with a <see cref="SearchQueryParser.Problem"/> finds nothing.
    /// </summary>
    private (IReadOnlyList<(string ArticleId, float Score)> Hits, int Total) SearchCounted(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = Parse(query);
        if (!parsed.Success || !DirectoryReader.IndexExists(_directory))
        {
            return ([], 0);
        }

        var searchers = Searchers();
        RefreshIfCommitted(searchers);
        var searcher = searchers.Acquire();
        try
        {
            // Lucene sizes its queue by the limit: ask for no more than there are documents ("every hit" is int.MaxValue).
            var top = searcher.Search(parsed.Value!, Math.Clamp(limit, 1, Math.Max(1, searcher.IndexReader.MaxDoc)));
            return (top.ScoreDocs.Select(sd => (searcher.Doc(sd.Doc).Get("id", CultureInfo.InvariantCulture), sd.Score)).ToList(), top.TotalHits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<string>> MatchingArticlesAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = Parse(query);
        if (!parsed.Success || !DirectoryReader.IndexExists(_directory))
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

    public long SearchedVersion()
    {
        if (!DirectoryReader.IndexExists(_directory))
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
    private long _refreshedGeneration = -1;

    private void RefreshIfCommitted(SearcherManager searchers)
    {
        var generation = SegmentInfos.GetLastCommitGeneration(_directory);
        if (generation != Interlocked.Read(ref _refreshedGeneration))
        {
            searchers.MaybeRefreshBlocking();
            Interlocked.Exchange(ref _refreshedGeneration, generation);
        }
    }

    private SearcherManager Searchers()
    {
        lock (_searchersLock)
        {
            return _searchers ??= new SearcherManager(_directory, null);
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
    }

    private IndexWriter Writer()
        => _writer ??= new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });

    private static void AddDocuments(IndexWriter writer, IEnumerable<StoredArticle> articles)
    {
        foreach (var article in articles)
        {
            var lang = Languages.Contains(article.Lang) ? article.Lang : "nl";
            writer.UpdateDocument(new Term("id", article.Id), new Document
            {
                new StringField("id", article.Id, Field.Store.YES),
                new TextField("text_" + lang, (article.Title ?? string.Empty) + "\n" + article.Text, Field.Store.NO),
            });
        }
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _searchers = null;
        _writer?.Dispose();
        _writer = null;
        _analyzer.Dispose();
        foreach (var analyzer in _perField)
        {
            analyzer.Dispose();
        }

        _directory.Dispose();
    }
}
