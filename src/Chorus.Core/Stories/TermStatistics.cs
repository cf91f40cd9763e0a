using System.Runtime.InteropServices;

namespace Chorus.Core.Stories;

/// <summary>
/// Document frequencies for inverse document frequency. Terms and names share the table; name keys are
/// prefixed with '@' so a name never shares a count with a stem of the same spelling. The store keeps the
/// counts of the whole corpus; in memory, a term not seen for a while is forgotten (<see cref="Forget"/>), so
/// memory follows the active vocabulary, not every word the archive ever held. A forgotten term that comes
/// back counts as rare again, which is what it is in the news of the day.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, Entry> _df;

    // Keys counted since the last TakePending, with the entry each was counted in: the count waits in the entry
    // (Entry.Pending), so counting a key costs one look-up, not a second table's. A key forgotten and counted again
    // appears twice, once per entry.
    private readonly List<(string Key, Entry Entry)> _pending = [];

    // Entries for keys a story holds that no article has counted yet (df 0), so that the story can keep a reference
    // to the entry its key will be counted in; moved into the table on their first count.
    private readonly Dictionary<string, Entry> _uncounted = new(StringComparer.Ordinal);

    // IDF is read far more often than counts change: kept at the key's entry's slot (below), stamped with the
    // corpus-size step it was computed for, and recomputed when the key's count changes or the corpus size moves to the
    // next step of a fixed 5% grid. The grid, not the moment a value was computed, decides the corpus size IDF uses, so
    // IDF is a function of the counts alone: an ingest resumed after a crash computes the same values as one that never
    // stopped. One look-up per call, no second table: the clusterer asks thousands of times per article.
    private float _unseenIdf;
    private int _unseenGeneration = -1;

    // Each entry's IDF and the step it was computed for live in two arrays at the entry's slot, not in the entry: a
    // story's vector length, read for every candidate of every article, then walks dense arrays (and the story's own
    // entry array) instead of an object per key scattered over the heap. Slots of forgotten entries are used again;
    // nothing reads a slot through an entry marked forgotten (StoryProfile.Entries checks its entries first).
    private float[] _idfBySlot = new float[1024];
    private int[] _generationBySlot = new int[1024];
    private readonly Stack<int> _freeSlots = new();
    private int _slots;
    private int _gridOf = -1;
    private int _grid;

    // The latest article day seen (terms of undated articles are stamped with it), and the first, which stands
    // for the last-seen day of counts loaded from the store.
    private int _today = int.MinValue;
    private int _firstDay = int.MaxValue;
    private int _forgotBefore = int.MinValue;

    public TermStatistics(IReadOnlyDictionary<string, int> documentFrequencies, int documents)
    {
        ArgumentNullException.ThrowIfNull(documentFrequencies);
        _df = new Dictionary<string, Entry>(documentFrequencies.Count, StringComparer.Ordinal);
        foreach (var (key, df) in documentFrequencies)
        {
            _df[key] = NewEntry(df, int.MinValue);
        }

        Documents = documents;
    }

    public int Documents { get; private set; }

    /// <summary>
    /// The corpus size IDF is computed with: the largest step of a fixed grid not above the real size, the grid
    /// growing by 5% plus 10 documents a step (0, 11, 22, 34, 46…), the schedule on which a running ingest has always
    /// refreshed its IDF cache. Being a function of the size alone, it gives a resumed ingest the same values.
    /// </summary>
    internal static int GridDocuments(int documents)
    {
        var step = 0;
        while (true)
        {
            var next = (int)Math.Floor((step * 1.05) + 10) + 1;
            if (next > documents)
            {
                return step;
            }

            step = next;
        }
    }

    /// <summary>
    /// The corpus size on the grid that IDF uses now: it changes exactly when every IDF value may have moved, so a
    /// cache of IDF-weighted values (a story's vector length) keyed by it follows the corpus.
    /// </summary>
    public int IdfGeneration
    {
        get
        {
            if (_gridOf != Documents)
            {
                (_gridOf, _grid) = (Documents, GridDocuments(Documents));
            }

            return _grid;
        }
    }

    /// <summary>Keys held in memory.</summary>
    public int Count => _df.Count;

    /// <summary>
    /// A stamp that changes with every change of the counts (<see cref="AddDocument"/>, <see cref="Forget"/>), unique
    /// across instances: a value computed from the statistics under one stamp (a story's IDF-weighted length) is still
    /// exact while the stamp holds.
    /// </summary>
    internal long Version { get; private set; } = NextVersion();

    /// <summary>
    /// Stamped anew when <see cref="Forget"/> marks an entry forgotten: an array of entries checked under one stamp
    /// holds none forgotten while the stamp stays (a story's length is read for every candidate of every article, and a
    /// walk of its entries for the mark cost as much as the length itself).
    /// </summary>
    internal long ForgetVersion { get; private set; } = NextVersion();

    private static long _lastVersion;

    private static long NextVersion() => Interlocked.Increment(ref _lastVersion);

    /// <summary>
    /// The entry <paramref name="prefix"/> + <paramref name="key"/> is counted in, made (with df 0) where no article
    /// counted it yet: a story keeps these, so that its vector length needs no look-up per key.
    /// </summary>
    internal Entry EntryOf(string? prefix, string key)
    {
        return string.IsNullOrEmpty(prefix) ? EntryOf(key, key.AsSpan()) : WithJoinedKey(prefix, key, static (stats, joined) => stats.EntryOf(null, joined));
    }

    private delegate T KeyReader<T>(TermStatistics stats, ReadOnlySpan<char> key);

    /// <summary>Runs <paramref name="read"/> on <paramref name="prefix"/> + <paramref name="key"/> in a stack or pooled buffer, without making that string.</summary>
    private T WithJoinedKey<T>(string prefix, string key, KeyReader<T> read)
    {
        var length = prefix.Length + key.Length;
        char[]? rented = null;
        var buffer = length <= 128 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            prefix.CopyTo(buffer);
            key.CopyTo(buffer[prefix.Length..]);
            return read(this, buffer);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The entry of <paramref name="name"/>; <paramref name="made"/> is its string if the caller has one (made only where a new entry needs it).</summary>
    private Entry EntryOf(string? made, ReadOnlySpan<char> name)
    {
        if (_df.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var entry))
        {
            return entry;
        }

        var uncounted = _uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        if (uncounted.TryGetValue(name, out var held))
        {
            return held;
        }

        var fresh = NewEntry(0, int.MinValue);
        _uncounted[made ?? name.ToString()] = fresh;
        return fresh;
    }

    public static string NameKey(string name) => "@" + name;

    /// <summary>Smoothed IDF: never zero, and stable while the corpus is still small.</summary>
    public float Idf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Idf(_df.GetValueOrDefault(key));
    }

    /// <summary>
    /// <see cref="Idf(string)"/> of <paramref name="prefix"/> + <paramref name="key"/> (a name's <c>@</c> key, say),
    /// without making that string: the key is found through a span.
    /// </summary>
    public float Idf(string? prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.IsNullOrEmpty(prefix)
            ? Idf(key)
            : WithJoinedKey(prefix, key, static (stats, joined) => stats.Idf(stats._df.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(joined, out var entry) ? entry : null));
    }

    /// <summary>The IDF of a counted key's entry, or of a key never counted (<paramref name="entry"/> null).</summary>
    internal float Idf(Entry? entry)
    {
        var documents = IdfGeneration;
        if (entry is null)
        {
            if (_unseenGeneration != documents)
            {
                (_unseenIdf, _unseenGeneration) = (Smoothed(documents, 0), documents);
            }

            return _unseenIdf;
        }

        return IdfAt(entry.Slot, entry, documents);
    }

    /// <summary>The IDF of a story's centroid entry, read at the slot the entry carries (no visit to the entry object while its value holds).</summary>
    internal float Idf(in StoryProfile.CentroidEntry entry) => IdfAt(entry.Slot, entry.Entry, IdfGeneration);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private float IdfAt(int slot, Entry entry, int documents)
    {
        ref var generation = ref _generationBySlot[slot];
        if (generation != documents)
        {
            _idfBySlot[slot] = Smoothed(documents, entry.Df);
            generation = documents;
        }

        return _idfBySlot[slot];
    }

    /// <summary>Slots in use or free: a bound for arrays indexed by <see cref="Entry.Slot"/>.</summary>
    internal int SlotCount => _slots;

    private Entry NewEntry(int df, int lastDay)
    {
        if (!_freeSlots.TryPop(out var slot))
        {
            slot = _slots++;
            if (slot == _idfBySlot.Length)
            {
                Array.Resize(ref _idfBySlot, slot * 2);
                Array.Resize(ref _generationBySlot, slot * 2);
            }
        }

        _generationBySlot[slot] = -1;
        return new Entry(slot) { Df = df, LastDay = lastDay };
    }

    private static float Smoothed(int documents, int df) => (float)Math.Log(1.0 + ((documents + 1.0) / (df + 0.5)));

    public void AddDocument(ArticleFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Version = NextVersion();
        Documents++;
        if (features.Date is { } date)
        {
            _today = Math.Max(_today, date.End.DayNumber);
            _firstDay = Math.Min(_firstDay, date.End.DayNumber);
        }

        foreach (var term in features.Terms.Keys)
        {
            Increment(term);
        }

        foreach (var name in features.Names.Keys)
        {
            IncrementName(name);
        }

        // Concept keys ("#c:fire") never collide with stems or names: '#' starts no word.
        foreach (var concept in features.Concepts.Keys)
        {
            Increment(concept);
        }
    }

    /// <summary>
    /// Drops the in-memory counts of keys last seen before <paramref name="before"/> (keys loaded from the store
    /// count as seen on the first day an article arrives). Pending counts are kept until taken, so the store's
    /// totals stay exact.
    /// </summary>
    public void Forget(DateOnly before)
    {
        // Ingest calls this per chunk; the table is scanned at most once per day of progress.
        var day = before.DayNumber;
        if (day <= _forgotBefore)
        {
            return;
        }

        _forgotBefore = day;
        List<string>? stale = null;
        foreach (var (key, entry) in _df)
        {
            if ((entry.LastDay == int.MinValue ? _firstDay : entry.LastDay) < day)
            {
                (stale ??= []).Add(key);
            }
        }

        // A story holding a dropped entry finds it marked and looks its keys up again (StoryProfile.Entries); the
        // others keep theirs, which are still the entries their keys are counted in.
        foreach (var key in stale ?? [])
        {
            if (_df.Remove(key, out var dropped))
            {
                dropped.Forgotten = true;
                _freeSlots.Push(dropped.Slot);
            }
        }

        foreach (var held in _uncounted.Values)
        {
            held.Forgotten = true;
            _freeSlots.Push(held.Slot);
        }

        if (stale is not null || _uncounted.Count > 0)
        {
            ForgetVersion = NextVersion();
        }

        _uncounted.Clear();
        Version = NextVersion();
    }

    /// <summary>The counts added since the last call, for the store to persist with the same transaction.</summary>
    public IReadOnlyDictionary<string, int> TakePending()
    {
        var counts = new Dictionary<string, int>(_pending.Count, StringComparer.Ordinal);
        foreach (var (key, entry) in _pending)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += entry.Pending;
            entry.Pending = 0;
        }

        _pending.Clear();
        return counts;
    }

    private void Increment(string key)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_df, key, out var exists);
        var counted = exists ? entry! : entry = FirstEntry(key);
        CountOne(counted);
        if (counted.Pending++ == 0)
        {
            _pending.Add((key, counted));
        }
    }

    /// <summary>The entry of a key counted for the first time: the one a story already holds, if any.</summary>
    private Entry FirstEntry(ReadOnlySpan<char> key)
        => _uncounted.Count > 0 && _uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Remove(key, out _, out var held) ? held : NewEntry(0, 0);

    /// <summary>Counts a name under its <c>@</c> key; the key string is made only where the tables lack it.</summary>
    private void IncrementName(string name) => WithJoinedKey("@", name, static (stats, key) => stats.IncrementSpan(key));

    private bool IncrementSpan(ReadOnlySpan<char> key)
    {
        var table = _df.GetAlternateLookup<ReadOnlySpan<char>>();
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out var exists);
        var counted = exists ? entry! : entry = FirstEntry(key);
        CountOne(counted);
        if (counted.Pending++ == 0)
        {
            // The key's string, as the table holds it: made once, when the key was first counted.
            table.TryGetValue(key, out var held, out _);
            _pending.Add((held!, counted));
        }

        return true;
    }

    private void CountOne(Entry entry)
    {
        entry.Df++;
        entry.LastDay = _today;
        _generationBySlot[entry.Slot] = -1;
    }

    /// <summary>A key's document frequency, the day it was last seen, and the slot of its IDF (for the corpus-size step <see cref="IdfGeneration"/>).</summary>
    internal sealed class Entry(int slot)
    {
        /// <summary>Where the entry's IDF is kept (<see cref="TermStatistics"/>'s arrays); used again once the entry is forgotten.</summary>
        public readonly int Slot = slot;
        public int Df;
        public int LastDay;

        // Counts not yet taken by TakePending.
        public int Pending;

        // Dropped by Forget: no longer the entry its key is counted in (a key counted again gets a new one).
        public bool Forgotten;
    }
}
