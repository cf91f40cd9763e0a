using System.Collections;

namespace Chorus.Core.Stories;

/// <summary>
/// Keys with their weights in the order they were first added, in two arrays: a read-only map for weights that are
/// walked, never looked up one by one (an article's concepts: a few hundred an article, walked by the term statistics,
/// the story centroid and the weighing). A prepared article waits for the story writer while the next batch is
/// analysed, so what it holds is copied by that analysis's collections: a hash table of them was three times the size.
/// Looking a key up scans the list.
/// </summary>
public sealed class WeightList : IReadOnlyDictionary<string, float>
{
    private readonly string[] _keys;
    private readonly float[] _weights;

    /// <summary>The entries of <paramref name="weights"/>, in the order it walks them.</summary>
    public WeightList(IReadOnlyDictionary<string, float> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _keys = new string[weights.Count];
        _weights = new float[weights.Count];
        var i = 0;
        foreach (var (key, weight) in weights)
        {
            (_keys[i], _weights[i]) = (key, weight);
            i++;
        }
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => Array.AsReadOnly(_keys);

    public IEnumerable<float> Values => Array.AsReadOnly(_weights);

    public float this[string key] => TryGetValue(key, out var weight) ? weight : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, out float value)
    {
        var at = Array.IndexOf(_keys, key);
        value = at >= 0 ? _weights[at] : 0;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, float>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], _weights[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
