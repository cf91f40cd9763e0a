using Chorus.Core.Store;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Chorus.Storage.Search;

/// <summary>
/// For one segment (with its deletions) and one story membership, the stories of every word the segment's text fields
/// hold in at least <see cref="MinDocs"/> documents: one bit per story over the range of story ordinals the segment's
/// documents belong to. A text-filtered story list maps every matching article to its story; for a common word that
/// walk grows with the archive (a fifth of a million articles at 1M, milliseconds of a core per request), while
/// merging these bits costs the segment's share of the stories, a few thousand machine words. Rarer words are still
/// walked: at most <see cref="MinDocs"/> documents a segment. Made once per segment and membership, in the background
/// (or while a server warms), and dropped with either.
/// </summary>
internal sealed class SegmentStorySets
{
    /// <summary>Documents a word needs in a segment to have its stories kept; rarer words cost little to walk.</summary>
    internal const int MinDocs = 4096;

    /// <summary>
    /// Memory kept for a segment's sets, per document of it (its map of documents to stories takes 4 bytes a document):
    /// where the segment's stories span so much that not every common word's set fits, the most common words get one.
    /// </summary>
    internal const int BytesPerDoc = 64;

    private static readonly SegmentStorySets None = new(new Dictionary<Term, ulong[]>(), 0);

    // Word (field and text) → its stories: bit i of word w is story 64 × (_firstWord + w) + i.
    private readonly Dictionary<Term, ulong[]> _stories;
    private readonly int _firstWord;

    private SegmentStorySets(Dictionary<Term, ulong[]> stories, int firstWord) => (_stories, _firstWord) = (stories, firstWord);

    /// <summary>Bytes of the kept bits (tests).</summary>
    internal long Bytes => _stories.Values.Sum(bits => 8L * bits.Length);

    /// <summary>Adds the stories of <paramref name="word"/>'s documents in the segment, where they are kept; false where not.</summary>
    internal bool TryAddStories(Term word, StorySet into)
    {
        if (!_stories.TryGetValue(word, out var bits))
        {
            return false;
        }

        into.UnionWith(_firstWord, bits);
        return true;
    }

    /// <summary>
    /// The sets of <paramref name="segment"/> as it is now (its live documents), through its documents' stories
    /// (<paramref name="storyOfDoc"/>, -1 for none), in the membership's ordinals.
    /// </summary>
    internal static SegmentStorySets Make(AtomicReader segment, int[] storyOfDoc, CancellationToken stop)
    {
        var live = segment.LiveDocs;
        var (first, last) = (int.MaxValue, -1);
        for (var doc = 0; doc < storyOfDoc.Length; doc++)
        {
            if (storyOfDoc[doc] >= 0 && (live is null || live.Get(doc)))
            {
                (first, last) = (Math.Min(first, storyOfDoc[doc]), Math.Max(last, storyOfDoc[doc]));
            }
        }

        if (last < 0)
        {
            return None;
        }

        var firstWord = first >> 6;
        var width = (last >> 6) - firstWord + 1;
        var words = new List<(Term Word, int Docs)>();
        foreach (var field in segment.Fields ?? Enumerable.Empty<string>())
        {
            if (!field.StartsWith("text_", StringComparison.Ordinal) || segment.GetTerms(field) is not { } terms)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                if (termsEnum.DocFreq >= MinDocs)
                {
                    words.Add((new Term(field, Lucene.Net.Util.BytesRef.DeepCopyOf(termsEnum.Term)), termsEnum.DocFreq));
                }
            }
        }

        // The most common words first, as many as the memory allowed fits.
        var fits = (int)Math.Min(words.Count, (long)BytesPerDoc * segment.MaxDoc / (8L * width));
        words.Sort((a, b) => b.Docs.CompareTo(a.Docs));
        var stories = new Dictionary<Term, ulong[]>(fits);
        DocsEnum? docs = null;
        foreach (var (word, _) in words.Take(fits))
        {
            stop.ThrowIfCancellationRequested();
            var termsEnum = segment.GetTerms(word.Field)!.GetEnumerator();
            if (!termsEnum.SeekExact(word.Bytes))
            {
                continue;
            }

            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            var bits = new ulong[width];
            var offset = firstWord << 6;
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var story = storyOfDoc[doc] - offset;
                if (story >= 0)
                {
                    bits[story >> 6] |= 1UL << story;
                }
            }

            stories[word] = bits;
        }

        return new SegmentStorySets(stories, firstWord);
    }
}
