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

    /// <summary>Bytes the process allocated while it held the serial part, measured like <see cref="SerialCpuTime"/>.</summary>
    public long SerialAllocatedBytes { get; set; }

    /// <summary>Wall time of each part of the serial part, where it is measured (<see cref="SerialTime"/>).</summary>
    public SerialPartTimes SerialParts { get; } = new();

    /// <summary>Items finished so far: stored, duplicate or rejected.</summary>
    public int Done => Ingested + Duplicates + Rejected.Count;
}

/// <summary>The parts of ingest's serial part, each timed on its own (<see cref="IngestReport.SerialParts"/>).</summary>
public enum SerialPart
{
    /// <summary>
    /// Reading again what earlier chunks stored, before a worker of a shared run stores its chunk: the term
    /// statistics, the stories kept apart and which of the chunk's articles are stored already.
    /// </summary>
    Reload,

    /// <summary>Loading the stories of a chunk's time window from the store.</summary>
    Window,

    /// <summary>Looking up near-copies among stored articles (MinHash bands).</summary>
    NearCopies,

    /// <summary>Scoring candidate stories and updating the chosen one (<see cref="Stories.StoryClusterer"/>).</summary>
    Clustering,

    /// <summary>Writing articles, their bands and analysis layers, and story merges.</summary>
    ArticleWrites,

    /// <summary>The story writer waiting for entity linking, which runs beside it.</summary>
    LinkWait,

    /// <summary>Entity linking itself (on its own task, beside the writer; overlaps the other parts).</summary>
    Linking,

    /// <summary>Writing the entities and mentions the batch's linking changed.</summary>
    EntityWrites,

    /// <summary>Writing the stories the batch changed.</summary>
    StoryWrites,

    /// <summary>Writing the batch's document frequencies (and its chunk's done mark).</summary>
    TermCounts,

    /// <summary>Committing the batch's transaction.</summary>
    Commit,
}

/// <summary>Accumulated wall time per <see cref="SerialPart"/>; safe to add to from the linker's task.</summary>
public sealed class SerialPartTimes
{
    private readonly long[] _ticks = new long[Enum.GetValues<SerialPart>().Length];

    public TimeSpan this[SerialPart part] => TimeSpan.FromTicks(Interlocked.Read(ref _ticks[(int)part]) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>) to a part.</summary>
    public void Add(SerialPart part, long started) => Interlocked.Add(ref _ticks[(int)part], System.Diagnostics.Stopwatch.GetTimestamp() - started);
}

/// <summary>
/// Progress of a running ingest: items read so far, items finished (stored, found to be duplicates, or
/// rejected) and articles stored.
/// </summary>
public readonly record struct IngestProgress(int Read, int Done, int Stored);
