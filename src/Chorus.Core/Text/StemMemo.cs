using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Tartarus.Snowball;

namespace Chorus.Core.Text;

/// <summary>
/// Stems already worked out, by the lower-cased word. A Snowball stemmer walks its rules again for every token, yet news
/// text repeats a few thousand words for most of its tokens; a look-up costs a fraction of a stemming and gives the same
/// stem (stemming looks at the word alone). Bounded: when <see cref="Capacity"/> words are held the memo starts afresh,
/// so a long-running ingest keeps the words of the day rather than those it met first. Words longer than
/// <see cref="WordPool.MaxLength"/> (URLs, hashes) are never held. Not thread-safe: one per stemmer, and a stemmer is
/// used by one thread.
/// </summary>
public sealed class StemMemo
{
    /// <summary>Most words held: about five megabytes of words and stems.</summary>
    public const int Capacity = 1 << 16;

    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byWord;

    public StemMemo() => _byWord = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of words held.</summary>
    public int Count => _stems.Count;

    /// <summary>Whether <paramref name="word"/> is one the memo can hold (short enough).</summary>
    private static bool Holds(ReadOnlySpan<char> word) => word.Length <= WordPool.MaxLength;

    /// <summary>The stem held for <paramref name="lowerWord"/>, if any.</summary>
    internal bool TryGet(ReadOnlySpan<char> lowerWord, [MaybeNullWhen(false)] out string stem)
    {
        if (!Holds(lowerWord))
        {
            stem = null;
            return false;
        }

        return _byWord.TryGetValue(lowerWord, out stem);
    }

    /// <summary>
    /// The stem of the lower-cased word in <paramref name="buffer"/>[..<paramref name="length"/>]: the one held, or the
    /// one <paramref name="program"/> gives (it works in the buffer), then held. Words and stems are the shared strings
    /// of <see cref="WordPool"/>, which the analysis fills with the same words.
    /// </summary>
    public string Stem(SnowballProgram program, char[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(buffer);
        var lower = buffer.AsSpan(0, length);
        if (TryGet(lower, out var known))
        {
            return known;
        }

        // The key is taken before stemming: the program rewrites the buffer.
        var key = Holds(lower) ? WordPool.Of(lower) : null;
        program.SetCurrent(buffer, length);
        program.Stem();
        var stem = WordPool.Of(program.CurrentBuffer.AsSpan(0, program.CurrentBufferLength));
        if (key is not null)
        {
            Add(key, stem);
        }

        return stem;
    }

    /// <summary>Holds <paramref name="stem"/> as the stem of <paramref name="lowerWord"/>; a word too long is not held.</summary>
    internal void Add(string lowerWord, string stem)
    {
        if (!Holds(lowerWord))
        {
            return;
        }

        if (_stems.Count >= Capacity)
        {
            _stems.Clear();
        }

        _stems[lowerWord] = stem;
    }
}
