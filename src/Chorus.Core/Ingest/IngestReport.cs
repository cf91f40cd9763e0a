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

    public List<InputProblem> Rejected { get; } = [];

    public List<InputProblem> Warnings { get; } = [];

    /// <summary>Ids of the articles stored by this ingest, in the order they were assigned.</summary>
    public List<string> StoredIds { get; } = [];
}

/// <summary>Progress of a running ingest: inputs read so far and articles stored so far.</summary>
public readonly record struct IngestProgress(int Read, int Stored);
