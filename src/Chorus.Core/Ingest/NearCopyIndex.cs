using Chorus.Core.Store;

namespace Chorus.Core.Ingest;

/// <summary>
/// The articles a batch's new articles could be near-copies of, by MinHash band: those stored before the batch, read
/// with one look-up for all the batch's bands (a look-up per article was a round trip each under the write lock on
/// PostgreSQL), and those the batch adds, as it adds them. A candidate's story follows the merges the batch makes, as
/// the stored row it stands for does.
/// </summary>
internal sealed class NearCopyIndex
{
    private readonly Dictionary<long, List<Entry>> _byBand = [];
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>An index of no stored candidates: what a batch adds, only.</summary>
    internal NearCopyIndex()
    {
    }

    /// <summary>Reads the stored candidates of every band of <paramref name="bandsOfArticles"/>.</summary>
    public static async Task<NearCopyIndex> LoadAsync(IStoreBatch batch, IEnumerable<long[]> bandsOfArticles, CancellationToken cancellationToken)
    {
        var index = new NearCopyIndex();
        var bands = new HashSet<long>();
        foreach (var keys in bandsOfArticles)
        {
            bands.UnionWith(keys);
        }

        if (bands.Count == 0)
        {
            return index;
        }

        foreach (var candidate in await batch.FindNearDuplicateCandidatesAsync([.. bands.Order()], cancellationToken).ConfigureAwait(false))
        {
            index.Add(candidate, candidate.Bands);
        }

        return index;
    }

    /// <summary>An article the batch stored, under its bands.</summary>
    public void Add(StoredArticle article, IReadOnlyList<long> bands)
    {
        if (article.Signature is { } signature)
        {
            Add(new NearDuplicateCandidate(article.Id, article.StoryId, article.DuplicateOf, signature, bands), bands);
        }
    }

    /// <summary>The batch merged <paramref name="absorbed"/> into <paramref name="survivor"/>: the absorbed story's articles are the survivor's now.</summary>
    public void Merged(string absorbed, string survivor)
    {
        if (absorbed != survivor)
        {
            _mergedInto[absorbed] = survivor;
        }
    }

    /// <summary>The candidates that share a band with <paramref name="bands"/>, each once, in the order they came (stored ones first), with their stories as they are now.</summary>
    public List<NearDuplicateCandidate> Candidates(IReadOnlyList<long> bands)
    {
        var hits = new List<Entry>();
        foreach (var band in bands)
        {
            if (_byBand.TryGetValue(band, out var entries))
            {
                hits.AddRange(entries);
            }
        }

        hits.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        var list = new List<NearDuplicateCandidate>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            if (i > 0 && hits[i].Order == hits[i - 1].Order)
            {
                continue;
            }

            var candidate = hits[i].Candidate;
            list.Add(candidate.StoryId is { } story && StoryNow(story) is var now && now != story ? candidate with { StoryId = now } : candidate);
        }

        return list;
    }

    private string StoryNow(string story)
    {
        // Merges chain (a story merged into one merged in turn later); a chain ends, since a survivor is never merged into what it absorbed.
        for (var hops = 0; hops < 1_000 && _mergedInto.TryGetValue(story, out var into); hops++)
        {
            story = into;
        }

        return story;
    }

    private void Add(NearDuplicateCandidate candidate, IReadOnlyList<long> bands)
    {
        var entry = new Entry(candidate, _added++);
        foreach (var band in bands)
        {
            if (!_byBand.TryGetValue(band, out var entries))
            {
                _byBand[band] = entries = [];
            }

            entries.Add(entry);
        }
    }

    private readonly record struct Entry(NearDuplicateCandidate Candidate, int Order);
}
