namespace Chorus.Core.Stories;

/// <summary>
/// Document frequencies for inverse document frequency. Terms and names share the table; name keys are
/// prefixed with '@' so a name never shares a count with a stem of the same spelling. The store keeps the
/// counts of the whole corpus; in memory, a term not seen for a while is forgotten (<see cref="Forget"/>), so
/// memory follows the active vocabulary, not every word the archive ever held. A forgotten term that comes
/// back counts as rare again, which is what it is in the news of the day.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, Entry> _df;
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);

    // IDF is read far more often than counts change: cached per key, dropped when the key's count changes,
    // and all dropped when the corpus size moves to the next step of a fixed 5% grid. The grid, not the moment the
    // cache was filled, decides the corpus size IDF uses, so IDF is a function of the counts alone: an ingest
    // resumed after a crash, which starts with an empty cache, computes the same values as one that never stopped.
    private readonly Dictionary<string, float> _idfCache = new(StringComparer.Ordinal);
    private int _cacheDocuments = -1;
    private int _gridOf = -1;
    private int _grid;

    // The latest article day seen (terms of undated articles are stamped with it), and the first, which stands
    // for the last-seen day of counts loaded from the store.
    private int _today = int.MinValue;
    private int _firstDay = int.MaxValue;
    private int _forgotBefore = int.MinValue;

    public TermStatistics(IReadOnlyDictionary<string, int> documentFrequencies, int documents)
    {
        ArgumentNullException.ThrowIfNull(documentFrequencies);
        _df = new Dictionary<string, Entry>(documentFrequencies.Count, StringComparer.Ordinal);
        foreach (var (key, df) in documentFrequencies)
        {
            _df[key] = new Entry(df, int.MinValue);
        }

        Documents = documents;
    }

    public int Documents { get; private set; }

    /// <summary>
    /// The corpus size IDF is computed with: the largest step of a fixed grid not above the real size, the grid
    /// growing by 5% plus 10 documents a step (0, 11, 22, 34, 46…), the schedule on which a running ingest has always
    /// refreshed its IDF cache. Being a function of the size alone, it gives a resumed ingest the same values.
    /// </summary>
    internal static int GridDocuments(int documents)
    {
        var step = 0;
        while (true)
        {
            var next = (int)Math.Floor((step * 1.05) + 10) + 1;
            if (next > documents)
            {
                return step;
            }

            step = next;
        }
    }

    /// <summary>
    /// The corpus size on the grid that IDF uses now: it changes exactly when every IDF value may have moved, so a
    /// cache of IDF-weighted values (a story's vector length) keyed by it follows the corpus.
    /// </summary>
    public int IdfGeneration
    {
        get
        {
            if (_gridOf != Documents)
            {
                (_gridOf, _grid) = (Documents, GridDocuments(Documents));
            }

            return _grid;
        }
    }

    /// <summary>Keys held in memory.</summary>
    public int Count => _df.Count;

    public static string NameKey(string name) => "@" + name;

    /// <summary>Smoothed IDF: never zero, and stable while the corpus is still small.</summary>
    public float Idf(string key)
    {
        var documents = IdfGeneration;
        if (documents != _cacheDocuments)
        {
            _idfCache.Clear();
            _cacheDocuments = documents;
        }

        if (_idfCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var df = _df.TryGetValue(key, out var entry) ? entry.Df : 0;
        var idf = (float)Math.Log(1.0 + ((_cacheDocuments + 1.0) / (df + 0.5)));
        _idfCache[key] = idf;
        return idf;
    }

    /// <summary>
    /// <see cref="Idf(string)"/> of <paramref name="prefix"/> + <paramref name="key"/> (a name's <c>@</c> key, say),
    /// without making that string: the clusterer asks this thousands of times per article, and a cached key is
    /// found through a span. Only a key seen for the first time in a cache generation is made into a string.
    /// </summary>
    public float Idf(string? prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(prefix))
        {
            return Idf(key);
        }

        var length = prefix.Length + key.Length;
        char[]? rented = null;
        var buffer = length <= 128 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            prefix.CopyTo(buffer);
            key.CopyTo(buffer[prefix.Length..]);
            var documents = IdfGeneration;
            if (documents != _cacheDocuments)
            {
                _idfCache.Clear();
                _cacheDocuments = documents;
            }

            ReadOnlySpan<char> joined = buffer;
            if (_idfCache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(joined, out var cached))
            {
                return cached;
            }

            var df = _df.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(joined, out var entry) ? entry.Df : 0;
            var idf = (float)Math.Log(1.0 + ((_cacheDocuments + 1.0) / (df + 0.5)));
            _idfCache[new string(joined)] = idf;
            return idf;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    public void AddDocument(ArticleFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Documents++;
        if (features.Date is { } date)
        {
            _today = Math.Max(_today, date.End.DayNumber);
            _firstDay = Math.Min(_firstDay, date.End.DayNumber);
        }

        foreach (var term in features.Terms.Keys)
        {
            Increment(term);
        }

        foreach (var name in features.Names.Keys)
        {
            Increment(NameKey(name));
        }

        // Concept keys ("#c:fire") never collide with stems or names: '#' starts no word.
        foreach (var concept in features.Concepts.Keys)
        {
            Increment(concept);
        }
    }

    /// <summary>
    /// Drops the in-memory counts of keys last seen before <paramref name="before"/> (keys loaded from the store
    /// count as seen on the first day an article arrives). Pending counts are kept until taken, so the store's
    /// totals stay exact.
    /// </summary>
    public void Forget(DateOnly before)
    {
        // Ingest calls this per chunk; the table is scanned at most once per day of progress.
        var day = before.DayNumber;
        if (day <= _forgotBefore)
        {
            return;
        }

        _forgotBefore = day;
        List<string>? stale = null;
        foreach (var (key, entry) in _df)
        {
            if ((entry.LastDay == int.MinValue ? _firstDay : entry.LastDay) < day)
            {
                (stale ??= []).Add(key);
            }
        }

        foreach (var key in stale ?? [])
        {
            _df.Remove(key);
            _idfCache.Remove(key);
        }

        if (_idfCache.Count > _df.Count * 2)
        {
            _idfCache.Clear();
        }
    }

    /// <summary>The counts added since the last call, for the store to persist with the same transaction.</summary>
    public IReadOnlyDictionary<string, int> TakePending()
    {
        var copy = new Dictionary<string, int>(_pending, StringComparer.Ordinal);
        _pending.Clear();
        return copy;
    }

    private void Increment(string key)
    {
        _idfCache.Remove(key);
        var df = _df.TryGetValue(key, out var entry) ? entry.Df : 0;
        _df[key] = new Entry(df + 1, _today);
        _pending[key] = _pending.GetValueOrDefault(key) + 1;
    }

    private readonly record struct Entry(int Df, int LastDay);
}
