namespace Chorus.Core.Stories;

/// <summary>
/// Document frequencies over the stored corpus, for inverse document frequency. Terms and names share the
/// table; name keys are prefixed with '@' so a name never shares a count with a stem of the same spelling.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _df;
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);

    // IDF is read far more often than counts change: cached per key, dropped when the key's count changes,
    // and all dropped when the corpus has grown by 5% since the cache was filled.
    private readonly Dictionary<string, float> _idfCache = new(StringComparer.Ordinal);
    private int _cacheDocuments;

    public TermStatistics(IReadOnlyDictionary<string, int> documentFrequencies, int documents)
    {
        _df = new Dictionary<string, int>(documentFrequencies, StringComparer.Ordinal);
        Documents = documents;
    }

    public int Documents { get; private set; }

    public static string NameKey(string name) => "@" + name;

    /// <summary>Smoothed IDF: never zero, and stable while the corpus is still small.</summary>
    public float Idf(string key)
    {
        if (Documents > (_cacheDocuments * 1.05) + 10)
        {
            _idfCache.Clear();
            _cacheDocuments = Documents;
        }

        if (_idfCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var df = _df.GetValueOrDefault(key);
        var idf = (float)Math.Log(1.0 + ((_cacheDocuments + 1.0) / (df + 0.5)));
        _idfCache[key] = idf;
        return idf;
    }

    public void AddDocument(ArticleFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Documents++;
        foreach (var term in features.Terms.Keys)
        {
            Increment(term);
        }

        foreach (var name in features.Names.Keys)
        {
            Increment(NameKey(name));
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
        _df[key] = _df.GetValueOrDefault(key) + 1;
        _pending[key] = _pending.GetValueOrDefault(key) + 1;
    }
}
