using System.Collections.Concurrent;

namespace Chorus.Core.Text;

/// <summary>
/// One shared string per word form, so that lower-cased tokens and stems repeated across an article and across a
/// corpus ("de", "het", "kabinet") are not allocated again for every token. Bounded: once <see cref="Capacity"/> forms
/// are held (numbers, names and typos fill it slowly), new forms are still returned, only no longer kept. Long tokens
/// (URLs, hashes) are never kept. Thread-safe; forms are compared by their characters (ordinal).
/// </summary>
public static class WordPool
{
    /// <summary>Most forms kept: a few megabytes of strings; the words of a year of news fit many times over.</summary>
    public const int Capacity = 1 << 18;

    /// <summary>Longest form kept.</summary>
    public const int MaxLength = 32;

    private static readonly ConcurrentDictionary<string, string> Forms = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan = Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    // Counted apart: ConcurrentDictionary.Count takes every lock.
    private static int _count;

    /// <summary>The shared string of <paramref name="word"/>'s characters.</summary>
    public static string Of(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxLength)
        {
            return word.ToString();
        }

        if (BySpan.TryGetValue(word, out var held))
        {
            return held;
        }

        var form = word.ToString();
        if (Volatile.Read(ref _count) < Capacity && Forms.TryAdd(form, form))
        {
            Interlocked.Increment(ref _count);
        }

        return form;
    }

    /// <summary>The shared string of <paramref name="word"/> lower-cased (invariant culture).</summary>
    public static string LowerOf(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= MaxLength ? stackalloc char[MaxLength] : new char[word.Length];
        var written = word.ToLowerInvariant(lower);
        return Of(lower[..written]);
    }
}
