using Chorus.Core.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Chorus.Storage.Search;

/// <summary>
/// What a query matched in one indexed article, read from the index's postings of the query's own words, which keep
/// each occurrence's place and offsets, instead of analysing the text again: re-analysing each hit's text to mark its
/// matches (the stemmer over every word) was half of a search request's time, and reading a stored term vector (every
/// word of the article) half again. It marks what the highlighter's scoring marks: every word of the query but those
/// it excludes, a phrase only where it stands. A query it cannot follow the same way (a prefix, wildcard or fuzzy word,
/// whose words depend on the document; a phrase with slop) gives no plan, and the snippet is marked by analysis.
/// A plan serves the hits of one search, one at a time: it keeps where each word stands in each segment's terms.
/// </summary>
internal sealed class IndexedMatches
{
    // Per language field: the query's words (as indexed, stemmed), and its phrases as word indexes and relative places.
    private readonly Dictionary<string, FieldPlan> _fields = new(StringComparer.Ordinal);

    private IndexedMatches()
    {
    }

    /// <summary>A plan for each field's part of a query, or null when some part cannot be followed from the postings.</summary>
    public static IndexedMatches? For(IEnumerable<(string Field, Query Query)> parts)
    {
        var plan = new IndexedMatches();
        foreach (var (field, query) in parts)
        {
            var fieldPlan = new FieldPlan();
            if (!fieldPlan.Add(query, field))
            {
                return null;
            }

            plan._fields[field] = fieldPlan;
        }

        return plan;
    }

    /// <summary>
    /// The spans of the indexed text the query matched in document <paramref name="doc"/> of <paramref name="reader"/>,
    /// in text order; null when none of its words is found with offsets there (an index written before they were kept).
    /// </summary>
    public IReadOnlyList<TextSpan>? Find(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        foreach (var (field, plan) in _fields)
        {
            if (plan.Find(leaf, field, doc - leaf.DocBase) is { } spans)
            {
                return spans;
            }
        }

        return null;
    }

    private sealed class FieldPlan
    {
        private readonly Dictionary<BytesRef, int> _words = [];
        private readonly List<BytesRef> _wordBytes = [];
        // Per segment: its terms, and each word's place in them (null: not in the segment), sought once per search.
        private readonly Dictionary<int, (TermsEnum? Terms, TermState?[] States)> _segments = [];
        private DocsAndPositionsEnum? _positions;
        private readonly List<int> _single = [];
        private readonly List<(int[] Words, int[] Places)> _phrases = [];

        public bool Add(Query query, string field)
        {
            switch (query)
            {
                case BooleanQuery boolean:
                    foreach (var clause in boolean.Clauses)
                    {
                        // Excluded words are never marked.
                        if (clause.Occur != Occur.MUST_NOT && !Add(clause.Query, field))
                        {
                            return false;
                        }
                    }

                    return true;
                case TermQuery term when term.Term.Field == field:
                    _single.Add(Word(term.Term.Bytes));
                    return true;
                case PhraseQuery phrase when phrase.Slop == 0 && phrase.GetTerms().All(t => t.Field == field):
                    var words = phrase.GetTerms();
                    if (words.Length == 0)
                    {
                        return true;
                    }

                    if (words.Length == 1)
                    {
                        _single.Add(Word(words[0].Bytes));
                        return true;
                    }

                    var places = phrase.GetPositions();
                    _phrases.Add(([.. words.Select(w => Word(w.Bytes))], [.. places.Select(p => p - places[0])]));
                    return true;
                default:
                    return false;
            }
        }

        private int Word(BytesRef bytes)
        {
            if (!_words.TryGetValue(bytes, out var index))
            {
                index = _words.Count;
                var copy = BytesRef.DeepCopyOf(bytes);
                _words[copy] = index;
                _wordBytes.Add(copy);
            }

            return index;
        }

        private (TermsEnum? Terms, TermState?[] States) Segment(AtomicReaderContext leaf, string field)
        {
            if (!_segments.TryGetValue(leaf.Ord, out var segment))
            {
                var states = new TermState?[_wordBytes.Count];
                var termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
                for (var word = 0; termsEnum is not null && word < states.Length; word++)
                {
                    states[word] = termsEnum.SeekExact(_wordBytes[word]) ? termsEnum.GetTermState() : null;
                }

                _segments[leaf.Ord] = segment = (termsEnum, states);
            }

            return segment;
        }

        // Null when no word of the plan occurs in the document (doc of the segment leaf) with offsets.
        public IReadOnlyList<TextSpan>? Find(AtomicReaderContext leaf, string field, int doc)
        {
            var (termsEnum, states) = Segment(leaf, field);
            if (termsEnum is null)
            {
                return null;
            }

            // Each query word's occurrences in the document: (place, span).
            var found = new List<(int Place, TextSpan Span)>?[_words.Count];
            var any = false;
            var positions = _positions;
            for (var word = 0; word < states.Length; word++)
            {
                if (states[word] is not { } state)
                {
                    continue;
                }

                termsEnum.SeekExact(_wordBytes[word], state);
                positions = _positions = termsEnum.DocsAndPositions(null, positions, DocsAndPositionsFlags.OFFSETS);
                if (positions is null || positions.Advance(doc) != doc)
                {
                    continue;
                }

                var list = found[word] = [];
                for (var i = 0; i < positions.Freq; i++)
                {
                    var place = positions.NextPosition();
                    if (positions.StartOffset < 0)
                    {
                        return null;
                    }

                    list.Add((place, new TextSpan(positions.StartOffset, positions.EndOffset)));
                }

                any = true;
            }

            if (!any)
            {
                return null;
            }

            var spans = new List<TextSpan>();
            foreach (var word in _single)
            {
                if (found[word] is { } list)
                {
                    spans.AddRange(list.Select(o => o.Span));
                }
            }

            foreach (var (words, places) in _phrases)
            {
                if (found[words[0]] is not { } firsts)
                {
                    continue;
                }

                foreach (var (start, _) in firsts)
                {
                    var at = new TextSpan[words.Length];
                    var whole = true;
                    for (var i = 0; i < words.Length; i++)
                    {
                        var occurrences = found[words[i]];
                        var place = start + places[i];
                        var k = occurrences?.FindIndex(o => o.Place == place) ?? -1;
                        if (k < 0)
                        {
                            whole = false;
                            break;
                        }

                        at[i] = occurrences![k].Span;
                    }

                    if (whole)
                    {
                        spans.AddRange(at);
                    }
                }
            }

            spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            var distinct = new List<TextSpan>(spans.Count);
            foreach (var span in spans)
            {
                if (distinct.Count == 0 || distinct[^1] != span)
                {
                    distinct.Add(span);
                }
            }

            return distinct;
        }
    }
}
