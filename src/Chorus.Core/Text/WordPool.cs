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

    private static readonly FormPool Shared = new(Capacity);

    /// <summary>The shared string of <paramref name="word"/>'s characters.</summary>
    public static string Of(ReadOnlySpan<char> word) => Shared.Of(word);

    /// <summary>The shared string of <paramref name="word"/> lower-cased (invariant culture).</summary>
    public static string LowerOf(ReadOnlySpan<char> word) => Shared.LowerOf(word);
}

/// <summary>
/// The pool behind <see cref="WordPool"/>, with its own capacity: the process shares one; a test makes its own, so that
/// what other tests in the process have pooled (corpora fill the shared one) cannot change what it sees.
/// </summary>
internal sealed class FormPool
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, string> _forms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    // Counted apart: ConcurrentDictionary.Count takes every lock.
    private int _count;

    public FormPool(int capacity)
    {
        _capacity = capacity;
        _bySpan = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Of(ReadOnlySpan<char> word)
    {
        if (word.Length > WordPool.MaxLength)
        {
            return word.ToString();
        }

        if (_bySpan.TryGetValue(word, out var held))
        {
            return held;
        }

        var form = word.ToString();
        if (Volatile.Read(ref _count) < _capacity && _forms.TryAdd(form, form))
        {
            Interlocked.Increment(ref _count);
        }

        return form;
    }

    public string LowerOf(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= WordPool.MaxLength ? stackalloc char[WordPool.MaxLength] : new char[word.Length];
        var written = word.ToLowerInvariant(lower);
        return Of(lower[..written]);
    }
}
