using System.Numerics;

namespace Chorus.Core.Store;

/// <summary>
/// Which story every article belongs to, with each story's list keys (dates, counts, languages, outlets), read from
/// the store at one <see cref="IStoreReader.ChangeVersionAsync"/> (<see cref="IStoreReader.ReadStoryMembershipAsync"/>).
/// A text-filtered story list maps every matching article to its story: on a 1M-article archive a common word
/// matches 200,000 articles, and looking each one up in the store takes seconds, here microseconds. Stories are
/// numbered 0..<see cref="StoryCount"/>−1 (ordinals, valid for this membership only). Immutable (outlets' story sets are made on first use) and thread-safe.
/// </summary>
public sealed class StoryMembership
{
    private const int NoOutlet = -1;

    /// <summary>Outlets whose stories are kept as sets (<see cref="InOutlet"/>): each costs a bit per story (28 KB at 1M articles).</summary>
    private const int MaxOutletSets = 256;
    private readonly Dictionary<string, int> _storyOfArticle;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _storyOfArticleBySpan;
    private readonly string[] _ids;
    private readonly string?[] _firstDates;
    private readonly string?[] _lastDates;
    private readonly int[] _articleCounts;
    private readonly int[] _sourceCounts;
    private readonly bool[] _recurring;
    // Each story's languages and outlet keys, as ordinals: story s holds _keys[_keyStarts[s].._keyStarts[s + 1]], the
    // pairs its articles have (lang ordinal, outlet ordinal or NoOutlet).
    private readonly int[] _keyStarts;
    private readonly (int Lang, int Outlet)[] _keys;
    private readonly Dictionary<string, int> _langs;
    private readonly Dictionary<string, int> _outlets;
    // The stories with an article in each language (by ordinal), and the recurring ones: the common filters of a
    // text-filtered list applied a word (64 stories) at a time, not story by story.
    private readonly StorySet[] _inLang;
    private readonly StorySet _recurringSet;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, StorySet> _inOutlet = new();
    // For each other order: each story's place in it, and the ids in it.
    private readonly Lazy<(int[] PlaceOf, string[] Ids)>[] _orders;

    private StoryMembership(long version, Builder builder)
    {
        Version = version;
        _langs = builder.Langs;
        _outlets = builder.Outlets;

        // Stories are numbered in the newest-first order (the lists' default): a set of them, read bit by bit, is
        // already in that order.
        var newest = Ordered(builder.Ids, builder.LastDates, builder.ArticleCounts, builder.SourceCounts, StoryOrder.Newest);
        var ordinalOf = new int[newest.Length];
        for (var s = 0; s < newest.Length; s++)
        {
            ordinalOf[newest[s]] = s;
        }

        _ids = [.. newest.Select(i => builder.Ids[i])];
        _firstDates = [.. newest.Select(i => builder.FirstDates[i])];
        _lastDates = [.. newest.Select(i => builder.LastDates[i])];
        _articleCounts = [.. newest.Select(i => builder.ArticleCounts[i])];
        _sourceCounts = [.. newest.Select(i => builder.SourceCounts[i])];
        _recurring = [.. newest.Select(i => builder.Recurring[i])];
        _storyOfArticle = builder.StoryOfArticle;
        foreach (var article in _storyOfArticle.Keys)
        {
            ref var story = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_storyOfArticle, article);
            story = ordinalOf[story];
        }

        _storyOfArticleBySpan = _storyOfArticle.GetAlternateLookup<ReadOnlySpan<char>>();

        // Keys grouped by story (a counting sort); a pair given twice is kept twice, which changes no answer.
        _keyStarts = new int[_ids.Length + 1];
        var keys = builder.Keys;
        foreach (var key in keys)
        {
            _keyStarts[ordinalOf[key.Story] + 1]++;
        }

        for (var s = 0; s < _ids.Length; s++)
        {
            _keyStarts[s + 1] += _keyStarts[s];
        }

        _keys = new (int, int)[keys.Count];
        var next = _keyStarts[..^1];
        foreach (var key in keys)
        {
            _keys[next[ordinalOf[key.Story]]++] = (key.Lang, key.Outlet);
        }

        _inLang = new StorySet[_langs.Count];
        for (var l = 0; l < _inLang.Length; l++)
        {
            _inLang[l] = new StorySet(_ids.Length);
        }

        _recurringSet = new StorySet(_ids.Length);
        for (var story = 0; story < _ids.Length; story++)
        {
            if (_recurring[story])
            {
                _recurringSet.Add(story);
            }

            for (var k = _keyStarts[story]; k < _keyStarts[story + 1]; k++)
            {
                _inLang[_keys[k].Lang].Add(story);
            }
        }

        _orders = new Lazy<(int[], string[])>[Enum.GetValues<StoryOrder>().Length];
        foreach (var order in Enum.GetValues<StoryOrder>())
        {
            _orders[(int)order] = new(() =>
            {
                var stories = Ordered(_ids, _lastDates, _articleCounts, _sourceCounts, order);
                var placeOf = new int[stories.Length];
                for (var place = 0; place < stories.Length; place++)
                {
                    placeOf[stories[place]] = place;
                }

                return (placeOf, [.. stories.Select(s => _ids[s])]);
            });
        }
    }

    /// <summary>The store's change version the membership was read at.</summary>
    public long Version { get; }

    public int StoryCount => _ids.Length;

    public int ArticleCount => _storyOfArticle.Count;

    /// <summary>The ordinal of the story holding <paramref name="articleId"/>; false for an article in no story (or unknown).</summary>
    public bool TryGetStory(string articleId, out int story) => _storyOfArticle.TryGetValue(articleId, out story);

    /// <inheritdoc cref="TryGetStory(string, out int)"/>
    public bool TryGetStory(ReadOnlySpan<char> articleId, out int story) => _storyOfArticleBySpan.TryGetValue(articleId, out story);

    public string StoryId(int story) => _ids[story];

    /// <summary>An empty set of this membership's stories.</summary>
    public StorySet NewSet() => new(_ids.Length);

    /// <summary>A set of every one of this membership's stories: a list narrowed by nothing but its filters.</summary>
    public StorySet AllStories()
    {
        var set = NewSet();
        var words = set.Words;
        words.AsSpan().Fill(ulong.MaxValue);
        if ((_ids.Length & 63) != 0)
        {
            // No bit past the last story (a shift takes its count mod 64: the stories in the last word).
            words[^1] = (1UL << _ids.Length) - 1;
        }

        return set;
    }

    /// <summary>
    /// The ids of the stories in <paramref name="stories"/> that pass <paramref name="query"/>'s filters, in its
    /// order: what <see cref="IStoreReader.ListStoryIdsAsync"/> answers for the same stories at the same version.
    /// The list is a set of bits read on demand (a page of a 100,000-story list costs its page, not 100,000 ids).
    /// Lists narrowed by story ids, article ids or an entity are the store's to answer.
    /// </summary>
    public StoryIdList List(StorySet stories, StoryPageQuery query)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(query);
        if (query.StoryIds is not null || query.ArticleIds is not null || query.EntityId is not null)
        {
            throw new ArgumentException("a membership narrows by dates, language, outlet, sources and recurrence only", nameof(query));
        }

        if (stories.Capacity != _ids.Length)
        {
            throw new ArgumentException("the set belongs to another membership", nameof(stories));
        }

        var lang = NoFilter;
        var outlet = NoFilter;
        var nothing = query.Lang is not null && !_langs.TryGetValue(query.Lang, out lang);
        if (query.Outlet is not null)
        {
            // The outlet as lists show it: its name, else the domain of the article's address (the key folds both);
            // "unknown outlet" is the articles with neither.
            var outletKey = string.Equals(query.Outlet, Outlets.OutletNames.Unknown, StringComparison.OrdinalIgnoreCase) ? null : Outlets.OutletNames.Key(query.Outlet, null);
            if (outletKey is null)
            {
                outlet = NoOutlet;
            }
            else if (!_outlets.TryGetValue(outletKey, out outlet))
            {
                nothing = true;
            }
        }

        var from = query.From is { } f ? Iso(f) : null;
        var to = query.To is { } t ? Iso(t) : null;
        var order = query.Order == StoryOrder.Newest ? null : _orders[(int)query.Order].Value.PlaceOf;
        var idAt = order is null ? _ids : _orders[(int)query.Order].Value.Ids;
        var kept = new StorySet(_ids.Length);
        if (nothing)
        {
            return new StoryIdList(kept, idAt);
        }

        // Language and recurrence a word at a time.
        var words = kept.Words;
        stories.Words.CopyTo(words, 0);
        if (lang != NoFilter)
        {
            var inLang = _inLang[lang].Words;
            for (var w = 0; w < words.Length; w++)
            {
                words[w] &= inLang[w];
            }
        }

        if (!query.WithRecurring)
        {
            var recurring = _recurringSet.Words;
            for (var w = 0; w < words.Length; w++)
            {
                words[w] &= ~recurring[w];
            }
        }

        if (outlet != NoFilter && InOutlet(outlet) is { } inOutlet)
        {
            var outletWords = inOutlet.Words;
            for (var w = 0; w < words.Length; w++)
            {
                words[w] &= outletWords[w];
            }

            outlet = NoFilter;
        }

        var eachStory = from is not null || to is not null || query.MinSources > 1 || outlet != NoFilter;
        if (!eachStory && order is null)
        {
            // Newest first is the stories' own order: the set is the list.
            return new StoryIdList(kept, idAt);
        }

        var listed = new StorySet(_ids.Length);
        for (var w = 0; w < words.Length; w++)
        {
            for (var word = words[w]; word != 0; word &= word - 1)
            {
                var s = (w << 6) + BitOperations.TrailingZeroCount(word);
                if ((from is not null && (_lastDates[s] is not { } last || string.CompareOrdinal(last, from) < 0))
                    || (to is not null && (_firstDates[s] is not { } first || string.CompareOrdinal(first, to) > 0))
                    || (query.MinSources > 1 && _sourceCounts[s] < query.MinSources)
                    || (outlet != NoFilter && !HasOutlet(s, outlet)))
                {
                    continue;
                }

                // Set in the list's order: at the story's place in it.
                listed.Add(order is null ? s : order[s]);
            }
        }

        return new StoryIdList(listed, idAt);
    }

    private const int NoFilter = int.MinValue;

    /// <summary>
    /// The stories with an article from <paramref name="outlet"/> (an ordinal, or <see cref="NoOutlet"/>), made on first
    /// use and kept for the most outlets <see cref="MaxOutletSets"/>; null past them (the caller checks story by story).
    /// A list narrowed to an outlet then costs machine words, not a check of every story's keys (at 1M articles
    /// ~220,000 stories a list, worked out again whenever the list cache lets it go).
    /// </summary>
    private StorySet? InOutlet(int outlet)
    {
        if (_inOutlet.TryGetValue(outlet, out var kept))
        {
            return kept;
        }

        if (_inOutlet.Count >= MaxOutletSets)
        {
            return null;
        }

        var set = new StorySet(_ids.Length);
        for (var story = 0; story < _ids.Length; story++)
        {
            if (HasOutlet(story, outlet))
            {
                set.Add(story);
            }
        }

        return _inOutlet.GetOrAdd(outlet, set);
    }

    private bool HasOutlet(int story, int outlet)
    {
        for (var k = _keyStarts[story]; k < _keyStarts[story + 1]; k++)
        {
            if (_keys[k].Outlet == outlet)
            {
                return true;
            }
        }

        return false;
    }

    // Dates are kept as the store keeps them (ISO text) and compared as it does (ordinal), so a partial date compares
    // here as it does there.
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // The store's list orders, ties last by id (ordinal, as its "C"/binary collation compares), a missing date last:
    // the stories in the order.
    private static int[] Ordered(IReadOnlyList<string> ids, IReadOnlyList<string?> lastDates, IReadOnlyList<int> articleCounts, IReadOnlyList<int> sourceCounts, StoryOrder order)
    {
        var stories = new int[ids.Count];
        for (var s = 0; s < stories.Length; s++)
        {
            stories[s] = s;
        }

        Comparison<int> newest = (a, b) => lastDates[a] is null || lastDates[b] is null
            ? (lastDates[a] is null).CompareTo(lastDates[b] is null)
            : string.CompareOrdinal(lastDates[b], lastDates[a]);
        Comparison<int> byId = (a, b) => string.CompareOrdinal(ids[a], ids[b]);
        Comparison<int> compare = order switch
        {
            StoryOrder.MostArticles => (a, b) => Then(articleCounts[b].CompareTo(articleCounts[a]), newest(a, b), byId(a, b)),
            StoryOrder.MostSources => (a, b) => Then(sourceCounts[b].CompareTo(sourceCounts[a]), newest(a, b), byId(a, b)),
            _ => (a, b) => Then(newest(a, b), articleCounts[b].CompareTo(articleCounts[a]), byId(a, b)),
        };
        Array.Sort(stories, compare);
        return stories;

        static int Then(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;
    }

    /// <summary>
    /// Collects a membership's rows as the store reads them: stories first, then articles and their keys in any order.
    /// An article or key of a story not added is left out (a story removed while the rows were read).
    /// </summary>
    /// <param name="articles">How many articles to expect (room made at once: growing a million-entry table costs).</param>
    public sealed class Builder(int articles = 0)
    {
        private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ordinalsBySpan;
        private bool _bySpan;

        internal Dictionary<string, int> StoryOfArticle { get; } = new(Math.Max(0, articles), StringComparer.Ordinal);

        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalsBySpan
        {
            get
            {
                if (!_bySpan)
                {
                    (_ordinalsBySpan, _bySpan) = (_ordinals.GetAlternateLookup<ReadOnlySpan<char>>(), true);
                }

                return _ordinalsBySpan;
            }
        }

        internal List<string> Ids { get; } = [];

        internal List<string?> FirstDates { get; } = [];

        internal List<string?> LastDates { get; } = [];

        internal List<int> ArticleCounts { get; } = [];

        internal List<int> SourceCounts { get; } = [];

        internal List<bool> Recurring { get; } = [];

        internal List<(int Story, int Lang, int Outlet)> Keys { get; } = [];

        internal Dictionary<string, int> Langs { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, int> Outlets { get; } = new(StringComparer.Ordinal);

        public void AddStory(string id, string? firstDate, string? lastDate, int articleCount, int sourceCount, bool recurring)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (!_ordinals.TryAdd(id, Ids.Count))
            {
                throw new ArgumentException($"story {id} added twice", nameof(id));
            }

            Ids.Add(id);
            FirstDates.Add(firstDate);
            LastDates.Add(lastDate);
            ArticleCounts.Add(articleCount);
            SourceCounts.Add(sourceCount);
            Recurring.Add(recurring);
        }

        public void AddArticle(string articleId, string storyId)
        {
            ArgumentNullException.ThrowIfNull(storyId);
            AddArticle(articleId, storyId.AsSpan());
        }

        /// <inheritdoc cref="AddArticle(string, string)"/>
        public void AddArticle(string articleId, ReadOnlySpan<char> storyId)
        {
            ArgumentNullException.ThrowIfNull(articleId);
            if (OrdinalsBySpan.TryGetValue(storyId, out var story))
            {
                StoryOfArticle[articleId] = story;
            }
        }

        /// <summary>A language and outlet key (null: none) that one of the story's articles has.</summary>
        public void AddStoryKey(string storyId, string lang, string? outletKey)
        {
            ArgumentNullException.ThrowIfNull(storyId);
            ArgumentNullException.ThrowIfNull(lang);
            AddStoryKey(storyId.AsSpan(), lang.AsSpan(), outletKey is null, outletKey.AsSpan());
        }

        /// <summary>As <see cref="AddStoryKey(string, string, string?)"/>, from the store's text as it is read (a string made only for a language or outlet not met before).</summary>
        public void AddStoryKey(ReadOnlySpan<char> storyId, ReadOnlySpan<char> lang, bool noOutlet, ReadOnlySpan<char> outletKey)
        {
            if (OrdinalsBySpan.TryGetValue(storyId, out var story))
            {
                Keys.Add((story, Ordinal(Langs, lang), noOutlet ? NoOutlet : Ordinal(Outlets, outletKey)));
            }
        }

        public StoryMembership Build(long version) => new(version, this);

        private static int Ordinal(Dictionary<string, int> ordinals, ReadOnlySpan<char> key)
        {
            if (!ordinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var ordinal))
            {
                ordinals.Add(key.ToString(), ordinal = ordinals.Count);
            }

            return ordinal;
        }
    }
}

/// <summary>A set of one <see cref="StoryMembership"/>'s stories (by ordinal), one bit each; enumerated in ordinal order.</summary>
public sealed class StorySet(int capacity) : IEnumerable<int>
{
    private readonly ulong[] _words = new ulong[(capacity + 63) >> 6];

    public int Capacity => capacity;

    internal ulong[] Words => _words;

    /// <summary>How many stories the set holds.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _words)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public void Add(int story) => _words[story >> 6] |= 1UL << story;

    public bool Contains(int story) => (_words[story >> 6] & (1UL << story)) != 0;

    /// <summary>
    /// Adds the stories of a bit range: bit i of <paramref name="words"/>[w] stands for story 64 × (<paramref name="firstWord"/>
    /// + w) + i (a set kept for part of the stories, merged a machine word at a time).
    /// </summary>
    public void UnionWith(int firstWord, ReadOnlySpan<ulong> words)
    {
        var into = _words.AsSpan(firstWord, words.Length);
        for (var w = 0; w < words.Length; w++)
        {
            into[w] |= words[w];
        }
    }

    public IEnumerator<int> GetEnumerator()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            for (var word = _words[w]; word != 0; word &= word - 1)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(word);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A story list as a membership answers it (<see cref="StoryMembership.List"/>): one bit per place in the list's
/// order, with counts per 64 places, so that its length, any place and any page are read without making every id.
/// </summary>
public sealed class StoryIdList : IReadOnlyList<string>
{
    private readonly ulong[] _words;
    private readonly int[] _before;
    private readonly string[] _idAt;

    internal StoryIdList(StorySet places, string[] idAt)
    {
        _words = places.Words;
        _idAt = idAt;
        _before = new int[_words.Length + 1];
        for (var w = 0; w < _words.Length; w++)
        {
            _before[w + 1] = _before[w] + BitOperations.PopCount(_words[w]);
        }
    }

    public int Count => _before[^1];

    /// <summary>What keeping the list costs, in ids' worth of memory (8 bytes each).</summary>
    public int Footprint => _words.Length + (_before.Length / 2);

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The word holding the index-th set bit: the one before the first whose count before it exceeds index.
            int low = 0, high = _before.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_before[middle] <= index)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var w = low - 1;

            var word = _words[w];
            for (var skip = index - _before[w]; skip > 0; skip--)
            {
                word &= word - 1;
            }

            return _idAt[(w << 6) + BitOperations.TrailingZeroCount(word)];
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            for (var word = _words[w]; word != 0; word &= word - 1)
            {
                yield return _idAt[(w << 6) + BitOperations.TrailingZeroCount(word)];
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
