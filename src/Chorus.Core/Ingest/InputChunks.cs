namespace Chorus.Core.Ingest;

/// <summary>
/// A stretch of the input: the articles read (in input order) and the rejections and warnings read among them.
/// Ingest works a chunk at a time: de-duplication against the store and ordering by date happen per chunk.
/// </summary>
/// <param name="Index">The chunk's place in the input, from 0: what workers sharing one input claim.</param>
/// <param name="Read">Read results taken from the input up to the end of this chunk.</param>
internal sealed record InputChunk(int Index, List<RawArticle> Articles, List<InputProblem> Rejected, List<InputProblem> Warnings, int Read);

internal static class InputChunks
{
    /// <summary>The input cut into chunks of <paramref name="size"/> articles; the last one may be smaller.</summary>
    public static IEnumerable<InputChunk> Read(IEnumerable<ReadResult> inputs, int size)
    {
        var index = 0;
        var read = 0;
        var chunk = new InputChunk(0, new List<RawArticle>(size), [], [], 0);
        foreach (var result in inputs)
        {
            read++;
            chunk.Warnings.AddRange(result.Warnings);
            if (result.Rejection is { } rejection)
            {
                chunk.Rejected.Add(rejection);
            }
            else if (result.Article is { Date: { } date } dated && !ArticleDates.InRange(date))
            {
                // Readers reject these themselves; this guards articles made by other callers.
                chunk.Rejected.Add(new InputProblem(dated.Ref, ArticleDates.OutOfRange(date)));
            }
            else if (result.Article is { } article)
            {
                chunk.Articles.Add(article);
            }

            if (chunk.Articles.Count >= size)
            {
                yield return chunk with { Read = read };
                chunk = new InputChunk(++index, new List<RawArticle>(size), [], [], 0);
            }
        }

        if (chunk.Articles.Count > 0 || chunk.Rejected.Count > 0 || chunk.Warnings.Count > 0)
        {
            yield return chunk with { Read = read };
        }
    }

    /// <summary>
    /// The articles of a chunk to store, in the order they are clustered: without those stored already or seen
    /// earlier in the run (counted as duplicates), by date (undated last), input order breaking ties. Date order is
    /// what makes incremental clustering meaningful.
    /// </summary>
    public static List<KeyedArticle> FreshInDateOrder(IEnumerable<KeyedArticle> keyed, IReadOnlySet<string> stored, HashSet<string> seen, IngestReport report)
    {
        var fresh = new List<KeyedArticle>();
        foreach (var k in keyed)
        {
            if (stored.Contains(k.Key) || !seen.Add(k.Key))
            {
                report.Duplicates++;
            }
            else
            {
                fresh.Add(k);
            }
        }

        // OrderBy is stable: input order breaks ties.
        return [.. fresh.OrderBy(f => f.Article.Date?.Start ?? DateOnly.MaxValue)];
    }

    /// <summary>
    /// The batches a chunk's ordered articles are stored in, in order: the first also carries the dates of the whole
    /// chunk (the writer loads the stories of their window before it), the last says so. A chunk with nothing to
    /// store gives one empty batch only when <paramref name="evenIfEmpty"/> (a shared run marks its chunk done with it).
    /// </summary>
    public static IEnumerable<(List<KeyedArticle> Articles, List<Time.PartialDate?>? WindowDates, bool Last)> Batches(List<KeyedArticle> ordered, int size, bool evenIfEmpty)
    {
        if (ordered.Count == 0)
        {
            if (evenIfEmpty)
            {
                yield return ([], [], true);
            }

            yield break;
        }

        for (var start = 0; start < ordered.Count; start += size)
        {
            var slice = ordered.GetRange(start, Math.Min(size, ordered.Count - start));
            yield return (slice, start == 0 ? ordered.ConvertAll(k => k.Article.Date) : null, start + slice.Count >= ordered.Count);
        }
    }
}
