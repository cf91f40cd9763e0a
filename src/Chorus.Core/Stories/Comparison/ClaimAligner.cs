namespace Chorus.Core.Stories.Comparison;

/// <summary>Two sentences of different articles that say the same thing, with how similar they are.</summary>
internal readonly record struct SentenceLink(int A, int B, double Similarity);

/// <summary>
/// Aligns sentences across a story's articles. Terms are weighted by how rare they are among the story's
/// sentences (the names every sentence repeats weigh little); two sentences are similar by the weighted cosine of
/// their term sets. Each sentence links to its best match in every other article when that match is similar
/// enough and shares at least two terms; claims are the connected groups of linked sentences. Linking only the
/// best match per article keeps one generic sentence from chaining unrelated claims together.
/// </summary>
internal sealed class ClaimAligner(double threshold)
{
    public double Threshold { get; } = threshold;

    public (List<SentenceLink> Links, int[] ClaimRoot) Align(IReadOnlyList<StorySentence> sentences, int vocabularySize, int articleCount)
    {
        var weights = TermWeights(sentences, vocabularySize);
        var norms = sentences.Select(s => Math.Sqrt(s.Terms.Sum(t => weights[t] * weights[t]))).ToArray();
        var byArticle = Enumerable.Range(0, articleCount).Select(a => sentences.Where(s => s.ArticleIndex == a).ToArray()).ToArray();

        var links = new List<SentenceLink>();
        var parent = Enumerable.Range(0, sentences.Count).ToArray();
        foreach (var s in sentences)
        {
            if (norms[s.Index] == 0)
            {
                continue;
            }

            for (var a = 0; a < articleCount; a++)
            {
                if (a == s.ArticleIndex)
                {
                    continue;
                }

                var best = -1;
                var bestSimilarity = 0.0;
                foreach (var other in byArticle[a])
                {
                    if (norms[other.Index] == 0)
                    {
                        continue;
                    }

                    var (shared, count) = Shared(s.Terms, other.Terms, weights);
                    var similarity = Similarity(shared, norms[s.Index], norms[other.Index]);
                    if (count >= 2 && similarity > bestSimilarity)
                    {
                        (best, bestSimilarity) = (other.Index, similarity);
                    }
                }

                if (best >= 0 && bestSimilarity >= Threshold)
                {
                    links.Add(new SentenceLink(s.Index, best, bestSimilarity));
                    Union(parent, s.Index, best);
                }
            }
        }

        var roots = new int[sentences.Count];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = Find(parent, i);
        }

        return (links, roots);
    }

    /// <summary>
    /// The mean of the weighted cosine and the weighted overlap coefficient: cosine alone punishes a short
    /// sentence that a long one paraphrases among other things; overlap alone lets a two-word heading match anything.
    /// </summary>
    private static double Similarity(double shared, double normA, double normB)
        => ((shared / (normA * normB)) + (shared / Math.Min(normA * normA, normB * normB))) / 2;

    /// <summary>Inverse sentence frequency within the story: ln(1 + N / df).</summary>
    private static double[] TermWeights(IReadOnlyList<StorySentence> sentences, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (var s in sentences)
        {
            foreach (var t in s.Terms)
            {
                df[t]++;
            }
        }

        var weights = new double[vocabularySize];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = df[t] == 0 ? 0 : Math.Log(1 + ((double)sentences.Count / df[t]));
        }

        return weights;
    }

    private static (double Weight, int Count) Shared(int[] a, int[] b, double[] weights)
    {
        double shared = 0;
        int count = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                var w = weights[a[i]];
                shared += w * w;
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (shared, count);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
