using System.Collections.Concurrent;
using Chorus.Core.Contracts;

namespace Chorus.Storage.Queries;

/// <summary>
/// The key entities of story list items already worked out, kept under the story and its entity version
/// (<see cref="Chorus.Core.Store.IStoreReader.StoryEntityVersionsAsync"/>): any write that could change them moves
/// the version on, so an entry is never stale, whoever wrote. Working them out reads every occurrence of the page's
/// articles, most of a list request's time. Bounded by entries (emptied when full); thread-safe.
/// </summary>
public sealed class KeyEntityCache(int maxEntries = 200_000)
{
    private readonly ConcurrentDictionary<(string Story, long Version), IReadOnlyList<EntityRefDoc>> _kept = new();

    public int Count => _kept.Count;

    internal bool TryGet(string story, long version, out IReadOnlyList<EntityRefDoc> entities)
        => _kept.TryGetValue((story, version), out entities!);

    internal void Add(string story, long version, IReadOnlyList<EntityRefDoc> entities)
    {
        if (_kept.Count >= maxEntries)
        {
            _kept.Clear();
        }

        _kept[(story, version)] = entities;
    }
}
