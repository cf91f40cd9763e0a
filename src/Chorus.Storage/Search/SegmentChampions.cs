using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Chorus.Storage.Search;

/// <summary>
/// Fixed-size champion lists per index segment (Manning, Raghavan and Schütze, Introduction to Information Retrieval,
/// 7.1.3, with r fixed): for every word a segment's text field holds in at least <see cref="MinDocs"/> documents, the
/// <see cref="Size"/> documents where it weighs most (√count × stored norm, what a one-word score is proportional to)
/// and the most it weighs in any other. The best page of a one-word query is within the union of every segment's
/// champions (and, for a word rarer in a segment, all of its documents there), unless an article outside scores as
/// high as the page's last (checked, see <see cref="ScoreTiers"/>): a word matched by a fifth of a million articles is
/// ranked over a few dozen. Segments never change (deletions aside, which only take champions away), so a segment's
/// lists are made once, in the background when a searcher first sees it (1M articles in one segment: 2.3–2.6 s), and
/// dropped with it.
/// </summary>
internal sealed class SegmentChampions
{
    /// <summary>Documents a word needs in a segment to get champions there; rarer words are ranked in full (cheap).</summary>
    internal const int MinDocs = 4096;

    /// <summary>Champions per word and segment: pages of up to half as many are taken from them.</summary>
    internal const int Size = 64;

    private static readonly DefaultSimilarity Similarity = new();
    private static readonly ConditionalWeakTable<object, Task<SegmentChampions>> Made = new();

    // Field → word → its champions.
    private readonly Dictionary<string, Dictionary<string, Champions>> _byField;

    private SegmentChampions(Dictionary<string, Dictionary<string, Champions>> byField) => _byField = byField;

    /// <summary>
    /// A word's champions in a segment: document numbers, ascending; the most the word weighs in any other document;
    /// the one count and norm (<see cref="Key"/>) every other document weighing about that much has, or null where
    /// they differ; and the most it weighs in any other document below those. Lucene's score is a function of the count
    /// and the norm, and it ranks equal scores by number: a document left outside with the same count and norm as a
    /// champion scores the same and comes after it (champions of one weight are its lowest numbers).
    /// </summary>
    internal sealed record Champions(int[] Docs, float OutsideWeight, long? OutsideKey, float OutsideBelow);

    /// <summary>A document's count of the word and stored norm, as one number.</summary>
    internal static long Key(int freq, long norm) => ((long)freq << 8) | (norm & 0xFF);

    /// <summary>The segment's champion lists when made; null before (<see cref="MakingAsync"/> starts making them).</summary>
    internal static SegmentChampions? Of(AtomicReader segment)
        => Made.TryGetValue(segment.CoreCacheKey, out var making) && making.IsCompletedSuccessfully ? making.Result : null;

    /// <summary>
    /// The segment's champion lists, made in the background on the first call; <paramref name="stop"/> ends the making
    /// (the index closing: its files must not be read after). Made again when a making was stopped or started on a
    /// reader closed meanwhile.
    /// </summary>
    internal static Task<SegmentChampions> MakingAsync(AtomicReader segment, CancellationToken stop)
    {
        var making = Made.GetValue(segment.CoreCacheKey, _ => Start(segment, stop));
        if (making.IsCanceled || (making.IsFaulted && making.Exception?.InnerException is ObjectDisposedException or OperationCanceledException))
        {
            Made.Remove(segment.CoreCacheKey);
            making = Made.GetValue(segment.CoreCacheKey, _ => Start(segment, stop));
        }

        return making;
    }

    private static Task<SegmentChampions> Start(AtomicReader segment, CancellationToken stop) => OnHeldSegment(segment, stop, () => Make(segment, stop));

    /// <summary>
    /// Runs <paramref name="make"/> in the background on <paramref name="segment"/> held open until it is done (a
    /// searcher refreshed meanwhile may close it otherwise); canceled when <paramref name="stop"/> is, failed when the
    /// segment's reader is closed already.
    /// </summary>
    internal static Task<T> OnHeldSegment<T>(AtomicReader segment, CancellationToken stop, Func<T> make)
    {
        if (stop.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(stop);
        }

        if (!segment.TryIncRef())
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(segment), "the segment's reader is closed"));
        }

        return Task.Run(() =>
        {
            try
            {
                return make();
            }
            finally
            {
                segment.DecRef();
            }
        });
    }

    internal bool TryGet(Term word, out Champions champions)
    {
        champions = null!;
        return _byField.TryGetValue(word.Field, out var words) && words.TryGetValue(word.Text, out champions!);
    }

    /// <summary>
    /// The first <paramref name="limit"/> hits of <paramref name="query"/> (one term per language field, <paramref name="words"/>)
    /// ranked over the champions of each segment where a word has them and all its documents where it has not; null
    /// when a segment's lists are not made yet, the candidates hold no full page, or an article outside them could
    /// score as high as the page's last. The scores are Lucene's own (the query run over the candidates).
    /// </summary>
    internal static TopDocs? TrySearch(IndexSearcher searcher, Query query, IReadOnlyList<Term> words, int limit)
    {
        var reader = searcher.IndexReader;
        // One language field holding the word: its hits share one score per unit of weight (another field's idf
        // would give its articles another).
        var held = words.Where(w => reader.DocFreq(w) > 0).ToList();
        if (limit > Size / 2 || held.Count != 1)
        {
            return null;
        }

        var word = held[0];
        var candidates = new Dictionary<int, int[]>();
        var outside = new List<(int DocBase, Champions Champions)>();
        foreach (var leaf in reader.Leaves)
        {
            if (Of(leaf.AtomicReader) is not { } champions)
            {
                return null;
            }

            if (champions.TryGet(word, out var best))
            {
                candidates[leaf.Ord] = best.Docs;
                outside.Add((leaf.DocBase, best));
            }
            else if (leaf.AtomicReader.GetTermDocsEnum(word) is { } all)
            {
                // Fewer than MinDocs here: every one is a candidate.
                var docs = new List<int>();
                for (var doc = all.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = all.NextDoc())
                {
                    docs.Add(doc);
                }

                candidates[leaf.Ord] = [.. docs];
            }
        }

        if (outside.Count == 0)
        {
            // Every match is a candidate: ranking them all directly costs less.
            return null;
        }

        var top = searcher.Search(new FilteredQuery(query, new CandidateFilter(candidates), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), limit);
        if (top.ScoreDocs.Length < limit || ScoreTiers.WeightOf(reader, held, top.ScoreDocs[0].Doc) is not { } bestWeight || bestWeight <= 0)
        {
            return null;
        }

        // Articles were left outside: none may rank before the page's last hit. One scoring less than the last (room
        // left for float rounding) does not; nor one with the last's count and norm (the same score) that comes after
        // it by number, in the last hit's segment or a later one, where nothing else outside comes near.
        var perWeight = top.ScoreDocs[0].Score / (double)bestWeight;
        var last = top.ScoreDocs[^1];
        var lastLeaf = reader.Leaves[ReaderUtil.SubIndex(last.Doc, reader.Leaves)];
        var lastKey = KeyOf(lastLeaf.AtomicReader, word, last.Doc - lastLeaf.DocBase);
        bool Below(float weight) => last.Score > weight * perWeight * (1 + ScoreTiers.Slack);
        foreach (var (docBase, champions) in outside)
        {
            if (!Below(champions.OutsideWeight)
                && !(champions.OutsideKey is { } key && key == lastKey && docBase >= lastLeaf.DocBase && Below(champions.OutsideBelow)))
            {
                return null;
            }
        }

        top.TotalHits = ScoreTiers.CountMatches(reader, held);
        return top;
    }

    // A document's count and norm of the word (its key), or null where it does not hold it.
    private static long? KeyOf(AtomicReader segment, Term word, int doc)
    {
        var docs = segment.GetTermDocsEnum(word);
        return docs is not null && docs.Advance(doc) == doc && segment.GetNormValues(word.Field) is { } norms ? Key(docs.Freq, norms.Get(doc)) : null;
    }

    // Each segment's candidates (by its place in the reader), live ones only.
    private sealed class CandidateFilter(Dictionary<int, int[]> bySegment) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
            => bySegment.TryGetValue(context.Ord, out var docs) ? new SortedDocs(docs, acceptDocs) : null;
    }

    private sealed class SortedDocs(int[] docs, IBits? acceptDocs) : DocIdSet
    {
        public override DocIdSetIterator GetIterator() => new Iterator(docs, acceptDocs);

        private sealed class Iterator(int[] docs, IBits? acceptDocs) : DocIdSetIterator
        {
            private int _next;
            private int _doc = -1;

            public override int DocID => _doc;

            public override int NextDoc()
            {
                while (_next < docs.Length)
                {
                    var doc = docs[_next++];
                    if (acceptDocs is null || acceptDocs.Get(doc))
                    {
                        return _doc = doc;
                    }
                }

                return _doc = NO_MORE_DOCS;
            }

            public override int Advance(int target)
            {
                var at = Array.BinarySearch(docs, _next, docs.Length - _next, target);
                _next = at < 0 ? ~at : at;
                return NextDoc();
            }

            public override long GetCost() => docs.Length;
        }
    }

    // Every document of every word with enough of them, deleted ones included (deletions only take champions away,
    // and the weight outside stays an upper bound).
    private static SegmentChampions Make(AtomicReader segment, CancellationToken stop)
    {
        var byField = new Dictionary<string, Dictionary<string, Champions>>(StringComparer.Ordinal);
        foreach (var field in segment.Fields)
        {
            if (!field.StartsWith("text_", StringComparison.Ordinal) || segment.GetNormValues(field) is not { } norms || segment.GetTerms(field) is not { } terms)
            {
                continue;
            }

            var decoded = new float[256];
            for (var b = 0; b < decoded.Length; b++)
            {
                decoded[b] = Similarity.DecodeNormValue(b);
            }

            var words = new Dictionary<string, Champions>(StringComparer.Ordinal);
            var best = new PriorityQueue<(int Doc, long Key), (float Weight, int NegDoc)>();
            // Documents per count and norm.
            var perKey = new Dictionary<long, int>();
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                if (termsEnum.DocFreq < MinDocs)
                {
                    continue;
                }

                stop.ThrowIfCancellationRequested();
                docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                best.Clear();
                perKey.Clear();
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    var norm = norms.Get(doc);
                    var key = Key(docs.Freq, norm);
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perKey, key, out _)++;
                    var weight = ScoreTiers.Weight(docs.Freq, decoded[(int)(norm & 0xFF)]);
                    // The least of the champions first: lowest weight, then highest number. Documents come in number
                    // order, so one weighing as much as the least comes after it and stays outside.
                    if (best.Count < Size)
                    {
                        best.Enqueue((doc, key), (weight, -doc));
                    }
                    else if (best.TryPeek(out _, out var least) && weight > least.Weight)
                    {
                        best.EnqueueDequeue((doc, key), (weight, -doc));
                    }
                }

                var champions = new int[best.Count];
                for (var i = 0; i < champions.Length; i++)
                {
                    var (doc, key) = best.Dequeue();
                    champions[i] = doc;
                    perKey[key]--;
                }

                Array.Sort(champions);

                // What is left outside, by count and norm: the highest weight, its keys, and the highest below them.
                var outside = 0f;
                foreach (var (key, count) in perKey)
                {
                    if (count > 0)
                    {
                        outside = Math.Max(outside, WeightOfKey(key));
                    }
                }

                long? outsideKey = null;
                var mixed = false;
                var below = 0f;
                foreach (var (key, count) in perKey)
                {
                    var weight = WeightOfKey(key);
                    if (count <= 0)
                    {
                        continue;
                    }

                    if (weight >= outside * (1 - (2 * ScoreTiers.Slack)))
                    {
                        mixed |= outsideKey is { } other && other != key;
                        outsideKey = key;
                    }
                    else
                    {
                        below = Math.Max(below, weight);
                    }
                }

                words[termsEnum.Term.Utf8ToString()] = new Champions(champions, outside, mixed ? null : outsideKey, below);
            }

            float WeightOfKey(long key) => ScoreTiers.Weight((int)(key >> 8), decoded[(int)(key & 0xFF)]);

            byField[field] = words;
        }

        return new SegmentChampions(byField);
    }
}
