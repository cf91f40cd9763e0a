using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Chorus.Core.Text;

/// <summary>
/// A thread-safe cache of what is worked out from a word or a name (a compound's head, a name's parts), keyed by its
/// characters (ordinal). Bounded: once <see cref="Capacity"/> entries are held, values are still worked out by the
/// caller, only no longer kept. The count is kept apart: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes
/// every lock, and asking it on every miss made the analysis workers wait on each other.
/// </summary>
public sealed class BoundedCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Most entries kept.</summary>
    public int Capacity { get; }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) => _bySpan.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> unless the cache is full or holds the key.</summary>
    public void Add(string key, TValue value)
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return;
        }

        // A slot is taken before the entry is added, so threads adding at once never keep more than the capacity; a
        // slot not used (full, or the key already held) is given back.
        if (Interlocked.Increment(ref _count) > Capacity || !_entries.TryAdd(key, value))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
