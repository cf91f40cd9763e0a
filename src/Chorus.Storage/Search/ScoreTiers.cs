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
    private const double Slack = 1e-5;

    private static readonly DefaultSimilarity Similarity = new();

    /// <summary>The tier field of a text field ("text_nl" → "tier_nl").</summary>
    internal static string FieldOf(string textField) => "tier_" + textField["text_".Length..];

    /// <summary>
    /// Adds to <paramref name="document"/> the words of an article's field (its title and text, analysed as the index
    /// analyses them) whose weight reaches the threshold.
    /// </summary>
    internal static void AddFields(Document document, Analyzer analyzer, string textField, string title, string text)
    {
        // One table per writing thread, emptied per article; a word's string is made once per article, not per token.
        var counts = t_counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
        counts.Clear();
        var length = 0;
        var overlap = 0;
        Count(analyzer, textField, title, counts, ref length, ref overlap);
        Count(analyzer, textField, text, counts, ref length, ref overlap);
        if (counts.Count == 0)
        {
            return;
        }

        // The norm as the index writes it for this field (the same state: tokens, tokens at the same place, boost 1).
        var norm = Similarity.DecodeNormValue(Similarity.ComputeNorm(new FieldInvertState(textField, length, length, overlap, 0, 1f)));
        var tierField = FieldOf(textField);
        foreach (var (word, count) in counts)
        {
            if (Weight(count, norm) >= Threshold)
            {
                document.Add(new StringField(tierField, word, Field.Store.NO));
            }
        }
    }

    [ThreadStatic]
    private static Dictionary<string, int>? t_counts;

    private static void Count(Analyzer analyzer, string field, string value, Dictionary<string, int> counts, ref int length, ref int overlap)
    {
        var byText = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(field, value);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            length++;
            if (increment.PositionIncrement == 0)
            {
                overlap++;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(byText, term.Buffer.AsSpan(0, term.Length), out _)++;
        }

        stream.End();
    }

    private static float Weight(int count, float norm) => Similarity.Tf(count) * norm;

    /// <summary>
    /// The first <paramref name="limit"/> hits of <paramref name="query"/> and the number of all matches, read from the
    /// tier when the query is one word (one term per language field) and the tier settles the page; null otherwise.
    /// </summary>
    internal static TopDocs? TrySearch(IndexSearcher searcher, Query query, int limit)
    {
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

        var reader = searcher.IndexReader;
        var top = searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(tier), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), limit);
        if (top.ScoreDocs.Length < limit)
        {
            return null;
        }

        // Score per unit of weight, from the best hit (every hit of a one-word query shares it): no article outside the
        // tier scores more than the threshold's share of it.
        var best = top.ScoreDocs[0];
        if (WeightOf(reader, words, best.Doc) is not { } bestWeight || bestWeight <= 0)
        {
            return null;
        }

        var outsideBound = Threshold * (best.Score / (double)bestWeight) * (1 + Slack);
        if (top.ScoreDocs[^1].Score <= outsideBound)
        {
            return null;
        }

        top.TotalHits = CountMatches(reader, words);
        return top;
    }

    // The word's weight in the document (count and stored norm of its language field), or null where it is not found.
    private static float? WeightOf(IndexReader reader, List<Term> words, int doc)
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
    private static int CountMatches(IndexReader reader, List<Term> words)
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
