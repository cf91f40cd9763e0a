using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Chorus.Storage.Search;

/// <summary>
/// A first tier of each word's postings (a "champion list", Manning, Raghavan and Schütze, Introduction to Information
/// Retrieval, 7.1.3), so that a one-word query ranks a few thousand articles instead of every match. Ranking a word
/// found in a fifth of a million articles scored each of them; the top of the list is always made of articles where the
/// word weighs most.
/// <para>
/// For one word, Lucene's score (<see cref="DefaultSimilarity"/>) is the same factor for every article times the
/// word's weight in it: the square root of its count times the field's length norm, as the index stores it. When the
/// index is written, a word whose weight in an article reaches <see cref="Threshold"/> is also indexed in the article's
/// tier field. A query of one word is first ranked within the tier; when the tier holds a full page and the page's last
/// score lies above what any article outside the tier can score, that page is exactly the page of the full ranking
/// (same articles, scores and order), else the full ranking is used. The number of matches is read from the
/// words' document counts, not by visiting the matches.
/// </para>
/// </summary>
internal static class ScoreTiers
{
    /// <summary>A word's weight in an article from which it is in the tier: once in a text of up to 64 words, twice up to 128, three times up to 192 (weights after the norm's rounding).</summary>
    internal const float Threshold = 0.125f;

    // Rounding between the weight as computed here and the score as Lucene computes it (a few float steps): a page is
    // taken from the tier only when its last score clears the bound by more than this.
    internal const double Slack = 1e-5;

    private static readonly DefaultSimilarity Similarity = new();

    // Each language's tier field, made once: the writer asks for one per article.
    private static readonly Dictionary<string, string> TierFields = SearchAnalyzers.Languages.ToDictionary(lang => "text_" + lang, lang => "tier_" + lang, StringComparer.Ordinal);

    /// <summary>The tier field of a text field ("text_nl" → "tier_nl").</summary>
    internal static string FieldOf(string textField) => TierFields.TryGetValue(textField, out var tier) ? tier : "tier_" + textField["text_".Length..];

    /// <summary>
    /// The analyser the index writer uses: <paramref name="inner"/>, with each text field's words counted as they are
    /// indexed (<see cref="BeginCounting"/>), so that the tier field needs no second analysis of the article.
    /// </summary>
    internal static Analyzer CountingAnalyzer(Analyzer inner) => new CountingWrapper(inner);

    /// <summary>
    /// The tier field of an article's text field, filled from the words the text field's values are counted to hold
    /// while <paramref name="counts"/> is being counted (<see cref="BeginCounting"/>). Lucene inverts a document's fields in the order of
    /// their names, so "tier_nl" is read after every value of "text_nl" was counted.
    /// </summary>
    internal static Field TierField(string textField, WordCounts counts)
        => new(FieldOf(textField), new TierWords(counts, textField), TierFieldType);

    private static readonly FieldType TierFieldType = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }

    // The words of the article being indexed on this thread, counted while it is indexed (null: none is), and the
    // thread's table, emptied per article.
    [ThreadStatic]
    private static WordCounts? t_counting;

    [ThreadStatic]
    private static WordCounts? t_table;

    /// <summary>Starts counting the words of the article this thread indexes next; <see cref="EndCounting"/> after it.</summary>
    internal static WordCounts BeginCounting()
    {
        var counts = t_table ??= new WordCounts();
        counts.Clear();
        return t_counting = counts;
    }

    internal static void EndCounting() => t_counting = null;

    /// <summary>One article's words and the field's length, as the text field's analysis gives them; reused per thread.</summary>
    internal sealed class WordCounts
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Length { get; private set; }

        public int Overlap { get; private set; }

        public void Clear()
        {
            _counts.Clear();
            Length = 0;
            Overlap = 0;
        }

        // A word's string is made once per article, not once per token.
        public void Add(ReadOnlySpan<char> word, bool samePlace)
        {
            Length++;
            if (samePlace)
            {
                Overlap++;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(_counts.GetAlternateLookup<ReadOnlySpan<char>>(), word, out _)++;
        }

        /// <summary>The words whose weight reaches the threshold, with the norm the index writes for this field (same length, overlap, boost 1).</summary>
        public List<string> TierWords(string textField)
        {
            var tier = new List<string>();
            if (_counts.Count == 0)
            {
                return tier;
            }

            var norm = Similarity.DecodeNormValue(Similarity.ComputeNorm(new FieldInvertState(textField, Length, Length, Overlap, 0, 1f)));
            foreach (var (word, count) in _counts)
            {
                if (Weight(count, norm) >= Threshold)
                {
                    tier.Add(word);
                }
            }

            return tier;
        }
    }

    // Counts every word of a text field into the article being indexed on this thread; a query's analysis (no article
    // being indexed) passes through untouched.
    private sealed class CountingWrapper(Analyzer inner) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

        protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components)
            => fieldName.StartsWith("text_", StringComparison.Ordinal)
                ? new TokenStreamComponents(components.Tokenizer, new CountingFilter(components.TokenStream))
                : components;
    }

    private sealed class CountingFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;

        public CountingFilter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            t_counting?.Add(_term.Buffer.AsSpan(0, _term.Length), _increment.PositionIncrement == 0);
            return true;
        }
    }

    // The tier words, worked out when the field is read (after the text field was counted).
    private sealed class TierWords : TokenStream
    {
        private readonly WordCounts _counts;
        private readonly string _textField;
        private readonly ICharTermAttribute _term;
        private List<string> _words = [];
        private int _next;

        public TierWords(WordCounts counts, string textField)
        {
            _counts = counts;
            _textField = textField;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            _words = _counts.TierWords(_textField);
            _next = 0;
        }

        public override bool IncrementToken()
        {
            if (_next >= _words.Count)
            {
                return false;
            }

            ClearAttributes();
            _term.SetEmpty().Append(_words[_next++]);
            return true;
        }
    }

    internal static float Weight(int count, float norm) => Similarity.Tf(count) * norm;

    /// <summary>
    /// The first <paramref name="limit"/> hits of <paramref name="query"/> and the number of all matches, read from the
    /// tier when the query is one word (one term per language field) and the tier settles the page; null otherwise.
    /// </summary>
    /// <param name="champions">Whether to try each segment's champion lists first (<see cref="SegmentChampions"/>).</param>
    /// <param name="tierFields">Whether the searched commit has tier fields (format 3).</param>
    /// <param name="fromChampions">Whether the page came from the champion lists (else from the tier).</param>
    internal static TopDocs? TrySearch(IndexSearcher searcher, Query query, int limit, bool champions, bool tierFields, out bool fromChampions)
    {
        fromChampions = false;
        if (searcher.Similarity is not DefaultSimilarity || query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.Count == 0)
        {
            return null;
        }

        var words = new List<Term>(boolean.Clauses.Count);
        var tier = new BooleanQuery(disableCoord: true);
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD || clause.Query is not TermQuery { Boost: 1f } word || !word.Term.Field.StartsWith("text_", StringComparison.Ordinal))
            {
                return null;
            }

            words.Add(word.Term);
            tier.Add(new TermQuery(new Term(FieldOf(word.Term.Field), word.Term.Bytes)), Occur.SHOULD);
        }

        if (champions && SegmentChampions.TrySearch(searcher, query, words, limit) is { } championsTop)
        {
            fromChampions = true;
            return championsTop;
        }

        // The tier's bound holds for one language field: another field's hits score per unit of weight by that
        // field's own idf, so an article outside its tier could outscore the page.
        var reader = searcher.IndexReader;
        if (!tierFields || words.Count(w => reader.DocFreq(w) > 0) != 1)
        {
            return null;
        }

        var top = searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(tier), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), limit);
        if (top.ScoreDocs.Length < limit)
        {
            return null;
        }

        // Score per unit of weight, from the best hit (every hit of a one-word query shares it): no article outside the
        // tier scores more than the threshold's share of it.
        if (ScorePerWeight(reader, words, top.ScoreDocs[0]) is not { } perWeight)
        {
            return null;
        }

        var outsideBound = Threshold * perWeight * (1 + Slack);
        if (top.ScoreDocs[^1].Score <= outsideBound)
        {
            return null;
        }

        top.TotalHits = CountMatches(reader, words);
        return top;
    }

    /// <summary>A one-word query's score per unit of the word's weight, from a hit (every hit shares it); null where it cannot be told.</summary>
    internal static double? ScorePerWeight(IndexReader reader, IReadOnlyList<Term> words, ScoreDoc hit)
        => WeightOf(reader, words, hit.Doc) is { } weight && weight > 0 ? hit.Score / (double)weight : null;

    // The word's weight in the document (count and stored norm of its language field), or null where it is not found.
    internal static float? WeightOf(IndexReader reader, IReadOnlyList<Term> words, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var local = doc - leaf.DocBase;
        foreach (var word in words)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(word);
            if (docs is not null && docs.Advance(local) == local)
            {
                var norms = leaf.AtomicReader.GetNormValues(word.Field);
                return norms is null ? null : Weight(docs.Freq, Similarity.DecodeNormValue(norms.Get(local)));
            }
        }

        return null;
    }

    // Every live document with the word in any language field. A document has one language field, so the fields'
    // counts add up; a segment without deletions counts from its term dictionary alone.
    internal static int CountMatches(IndexReader reader, IReadOnlyList<Term> words)
    {
        var total = 0;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            foreach (var word in words)
            {
                if (!atomic.HasDeletions)
                {
                    total += atomic.DocFreq(word);
                    continue;
                }

                var docs = atomic.GetTermDocsEnum(word);
                if (docs is null)
                {
                    continue;
                }

                // GetTermDocsEnum skips deleted documents.
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    total++;
                }
            }
        }

        return total;
    }
}
