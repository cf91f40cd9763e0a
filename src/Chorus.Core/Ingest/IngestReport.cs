namespace Chorus.Core.Ingest;

/// <summary>What an ingest did: counts, every rejected input with its reason, and warnings.</summary>
public sealed class IngestReport
{
    public int Ingested { get; set; }

    /// <summary>Inputs that were already stored (same source, id, title and text): nothing was written for them.</summary>
    public int Duplicates { get; set; }

    /// <summary>Stored articles that are near-copies of an earlier one (marked <c>duplicateOf</c>).</summary>
    public int NearDuplicates { get; set; }

    public int StoriesOpened { get; set; }

    /// <summary>Stories absorbed into another because an article bridged them (see <see cref="Stories.Assignment.MergedStories"/>).</summary>
    public int StoriesMerged { get; set; }

    public List<InputProblem> Rejected { get; } = [];

    public List<InputProblem> Warnings { get; } = [];

    /// <summary>Ids of the articles stored by this ingest, in the order they were assigned.</summary>
    public List<string> StoredIds { get; } = [];

    /// <summary>
    /// Wall time of the serial part: assigning stories, linking entities and committing, one batch at a time, under the
    /// store's write lock. Workers in several processes could overlap everything else (reading, analysis), so this
    /// part bounds how far they scale; <see cref="SerialCpuTime"/> is its CPU time where measured.
    /// </summary>
    public TimeSpan SerialTime { get; set; }

    /// <summary>
    /// CPU time of the process while it held the serial part, measured only when the pipeline runs it alone
    /// (<see cref="IngestPipeline.IsolateSerialPart"/>); otherwise zero, as analysis beside it would count too.
    /// </summary>
    public TimeSpan SerialCpuTime { get; set; }

    /// <summary>Items finished so far: stored, duplicate or rejected.</summary>
    public int Done => Ingested + Duplicates + Rejected.Count;
}

/// <summary>
/// Progress of a running ingest: items read so far, items finished (stored, found to be duplicates, or
/// rejected) and articles stored.
/// </summary>
public readonly record struct IngestProgress(int Read, int Done, int Stored);
