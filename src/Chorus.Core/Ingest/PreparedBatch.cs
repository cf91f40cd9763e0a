using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Prepared articles the story writer stores in one transaction, in the order given.
/// </summary>
/// <param name="WindowDates">
/// The dates of the whole chunk this batch starts, or null when it continues one: the writer loads the stories of
/// the chunk's window before writing it.
/// </param>
/// <param name="Completes">The shared run's chunk this batch completes, marked done in the batch's own transaction.</param>
internal sealed record PreparedBatch(IReadOnlyList<PreparedArticle> Articles, IReadOnlyList<PartialDate?>? WindowDates, SharedChunk? Completes = null)
{
    /// <summary>Set once the batch is committed; a producer that must not run beside the writer waits on it.</summary>
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A chunk of a shared ingest run (<see cref="IngestPipeline.RunSharedAsync"/>).</summary>
internal readonly record struct SharedChunk(string Run, int Index);
