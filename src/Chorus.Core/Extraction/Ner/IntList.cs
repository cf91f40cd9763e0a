namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// A growable list of ints that hands out its items as a span and can be cleared and filled again without
/// allocating: the tagger's feature buffers, reused from sentence to sentence and document to document.
/// </summary>
public sealed class IntList(int capacity = 256)
{
    private int[] _items = new int[Math.Max(1, capacity)];

    public int Count { get; private set; }

    /// <summary>How many items fit before the list grows again.</summary>
    public int Capacity => _items.Length;

    public int this[int index] => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    public void Clear() => Count = 0;

    public ReadOnlySpan<int> AsSpan() => _items.AsSpan(0, Count);
}
