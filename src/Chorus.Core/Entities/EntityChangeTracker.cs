using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>
/// Which entities a run changed since the last flush, and which of their blocks still have to be written. Blocks
/// only ever grow, so each (block, entity) pair is written once per run; a stored entity's blocks are all written
/// again the first time the run changes it, so that blocking keys added since it was stored (a newly listed name)
/// reach it.
/// </summary>
internal sealed class EntityChangeTracker
{
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<(string Block, string Id)> _written = [];
    private readonly Dictionary<string, List<string>> _toWrite = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rechecked = new(StringComparer.Ordinal);

    public void Changed(string id) => _changed.Add(id);

    public void BlockToWrite(string block, string id)
    {
        if (_written.Add((block, id)))
        {
            if (!_toWrite.TryGetValue(id, out var blocks))
            {
                blocks = [];
                _toWrite[id] = blocks;
            }

            blocks.Add(block);
        }
    }

    /// <summary>Writes every changed entity with its blocks not yet written into the batch.</summary>
    /// <param name="entity">The entity of an id, as the run holds it now.</param>
    /// <param name="allBlocks">Every block of an entity: its id's, its name's and its variants'.</param>
    public async Task FlushAsync(IStoreBatch batch, Func<string, StoredEntity> entity, Func<StoredEntity, IEnumerable<string>> allBlocks, CancellationToken cancellationToken)
    {
        foreach (var id in _changed)
        {
            var e = entity(id);
            if (_rechecked.Add(id))
            {
                foreach (var block in allBlocks(e))
                {
                    BlockToWrite(block, id);
                }
            }

            IReadOnlyCollection<string> blocks = _toWrite.Remove(id, out var toWrite) ? toWrite : [];
            await batch.SaveEntityAsync(e, blocks, cancellationToken).ConfigureAwait(false);
        }

        _changed.Clear();
    }
}
