using Chorus.Core.Time;

namespace Chorus.Core.Stories;

/// <summary>
/// What the clusterer remembers of a story: a centroid of its articles' normalised term and name vectors
/// (raw, without IDF, so that IDF can follow the growing corpus), and the dates it covers.
/// </summary>
public sealed class StoryProfile
{
    /// <summary>Centroids are truncated to this many entries; the tail carries almost no weight.</summary>
    public const int MaxTerms = 200;
    public const int MaxNames = 60;

    /// <summary>Concepts serve only comparisons across languages; their strongest hundred carry them.</summary>
    public const int MaxConcepts = 100;

    public required string Id { get; init; }

    public required string Title { get; set; }

    /// <summary>True once the title came from an article's headline rather than a first sentence.</summary>
    public bool TitleFromHeadline { get; set; }

    public DateOnly? First { get; set; }

    public DateOnly? Last { get; set; }

    public int ArticleCount { get; set; }

    /// <summary>The sum of the mid-days (day numbers) of the dated articles, and their count: the story's centre in time.</summary>
    public double DaySum { get; set; }

    public int DatedArticles { get; set; }

    /// <summary>
    /// Days between the article's date interval and the mean day of the story's dated articles (a month-precision
    /// article counts from its middle); 0 when the interval holds the mean, null when either is unknown.
    /// </summary>
    public double? DaysFromMean(PartialDate? date)
    {
        if (date is not { } d || Centre is not { } mean)
        {
            return null;
        }

        return Math.Max(0, Math.Max(d.Start.DayNumber - mean, mean - d.End.DayNumber));
    }

    /// <summary>The mean day number of the story's dated articles; null when none is dated.</summary>
    public double? Centre => DatedArticles > 0 ? DaySum / DatedArticles : null;

    private static double MidDay(PartialDate d) => (d.Start.DayNumber + d.End.DayNumber) / 2.0;

    public Dictionary<string, float> Terms { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How many of the story's articles are in each language (empty in profiles stored before it was kept).</summary>
    public Dictionary<string, int> Languages { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, float> Names { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The centroid of the articles' word concepts (<see cref="ArticleFeatures.Concepts"/>); empty in profiles stored before they were kept.</summary>
    public Dictionary<string, float> Concepts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The anchor names (<see cref="ArticleFeatures.AnchorNames"/>) of a story's only article, kept while it has one: a
    /// one-article story is compared again as that article when a story grows (<c>StoryClusterer</c>), and must then
    /// anchor as the article did. Emptied when a second article comes; empty in profiles stored before it was kept.
    /// </summary>
    public HashSet<string> AnchorNames { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A digest's story (<see cref="ArticleFeatures.IsDigest"/>): never posted, so never a candidate, also when loaded again.</summary>
    public bool IsDigest { get; set; }

    /// <summary>The date of a story's only article as the article had it (a day, a month or a year), read off the dates the story covers.</summary>
    public PartialDate? SingleArticleDate()
    {
        if (ArticleCount != 1 || First is not { } first || Last is not { } last)
        {
            return null;
        }

        if (first == last)
        {
            return PartialDate.OfDay(first);
        }

        var month = PartialDate.OfMonth(first.Year, first.Month);
        if (month.Start == first && month.End == last)
        {
            return month;
        }

        var year = PartialDate.OfYear(first.Year);
        return year.Start == first && year.End == last ? year : null;
    }

    /// <summary>Days between the article's date interval and the story's; 0 when they overlap, null when either is unknown.</summary>
    public int? DaysFrom(PartialDate? date)
    {
        if (date is not { } d || First is not { } first || Last is not { } last)
        {
            return null;
        }

        if (d.End < first)
        {
            return first.DayNumber - d.End.DayNumber;
        }

        if (d.Start > last)
        {
            return d.Start.DayNumber - last.DayNumber;
        }

        return 0;
    }

    /// <summary>The inverted-index keys this story is posted under; the clusterer's bookkeeping, never stored.</summary>
    internal HashSet<string> PostedKeys { get; } = new(StringComparer.Ordinal);

    // The statistics entries of the centroid keys, in the centroid's order, with their keys and weights: a vector
    // length then costs a pass over an array, not a look-up per key. Made again when the story changes, when one of the
    // entries was forgotten (TermStatistics.Forget), and for other statistics.
    private CentroidEntry[]? _termEntries;
    private CentroidEntry[]? _nameEntries;

    // The arrays of before the last change, filled again when the centroid has as many keys as they hold: a story
    // cut to its size keeps it from article to article.
    private CentroidEntry[]? _termSpare;
    private CentroidEntry[]? _nameSpare;
    private TermStatistics? _entriesOf;

    // The statistics' forget stamp under which each array was last found to hold no forgotten entry.
    private long _termEntriesChecked;
    private long _nameEntriesChecked;

    // The lengths themselves, with the statistics stamp they were computed under: one article's assignment compares the
    // same stories again and again (its candidates, then each one-article story's candidates), with the counts unchanged.
    // (Keeping a length while none of its keys was counted again saved nothing: on DPG's synthetic stream 2,000 of
    // 700,000 lengths, as nearly every article counts a story's common words.)
    private (long Version, double Length) _termLength = (-1, 0);
    private (long Version, double Length) _nameLength = (-1, 0);

    /// <summary>A centroid key with the statistics entry it is counted in and its weight in the centroid.</summary>
    internal readonly record struct CentroidEntry(string Key, TermStatistics.Entry Entry, float Weight)
    {
        /// <summary>The entry's slot, copied: read in the array walks without a visit to the entry object.</summary>
        public int Slot { get; } = Entry.Slot;
    }

    /// <summary>
    /// The IDF-weighted length of the term (or name) centroid, with the document frequencies of now: a pass over an array
    /// of the centroid's statistics entries, made again only when the story or the set of entries changes. A length kept
    /// from a smaller corpus made cosines depend on when a story last changed (and exceed 1 on small sets); one kept
    /// through a step of the corpus-size grid while other articles moved its keys' counts made them depend on when it
    /// was last asked for (comparing more, as the regroup does, moved later decisions of the synthetic bench).
    /// </summary>
    public double IdfNorm(bool names, TermStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ref var length = ref names ? ref _nameLength : ref _termLength;
        if (length.Version == stats.Version && ReferenceEquals(_entriesOf, stats))
        {
            return length.Length;
        }

        var sum = 0.0;
        foreach (ref readonly var entry in Entries(names, stats).AsSpan())
        {
            var weighted = entry.Weight * stats.Idf(entry);
            sum += weighted * weighted;
        }

        length = (stats.Version, Math.Sqrt(sum));
        return length.Length;
    }

    /// <summary>
    /// The centroid's keys, in the centroid's order, with the statistics entries they are counted in now (none forgotten)
    /// and their weights: the clusterer weighs a one-article story by them without a look-up per key.
    /// </summary>
    internal CentroidEntry[] Entries(bool names, TermStatistics stats)
    {
        if (!ReferenceEquals(_entriesOf, stats))
        {
            (_termEntries, _nameEntries, _termSpare, _nameSpare, _entriesOf) = (null, null, null, null, stats);
        }

        ref var entries = ref names ? ref _nameEntries : ref _termEntries;
        ref var checkedUnder = ref names ? ref _nameEntriesChecked : ref _termEntriesChecked;
        if (entries is null || (checkedUnder != stats.ForgetVersion && HoldsForgotten(entries)))
        {
            // A forgotten key counted again has a new entry; one not counted again is unseen.
            ref var spare = ref names ? ref _nameSpare : ref _termSpare;
            entries = EntriesOf(names ? Names : Terms, names ? "@" : null, stats, entries ?? spare);
            spare = null;
        }

        checkedUnder = stats.ForgetVersion;
        return entries;
    }

    private static bool HoldsForgotten(CentroidEntry[] entries)
    {
        foreach (var e in entries)
        {
            if (e.Entry.Forgotten)
            {
                return true;
            }
        }

        return false;
    }

    private static CentroidEntry[] EntriesOf(Dictionary<string, float> centroid, string? prefix, TermStatistics stats, CentroidEntry[]? reuse)
    {
        var entries = reuse?.Length == centroid.Count ? reuse : new CentroidEntry[centroid.Count];
        var i = 0;
        foreach (var (key, w) in centroid)
        {
            entries[i++] = new CentroidEntry(key, stats.EntryOf(prefix, key), w);
        }

        return entries;
    }

    /// <summary>Forgets what was derived from the centroids, which are about to change.</summary>
    private void Changed()
    {
        (_termSpare, _termEntries) = (_termEntries ?? _termSpare, null);
        (_nameSpare, _nameEntries) = (_nameEntries ?? _nameSpare, null);
        _termLength = (-1, 0);
        _nameLength = (-1, 0);
    }

    public void Add(ArticleFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Changed();
        AddNormalised(Terms, features.Terms, MaxTerms);
        AddNormalised(Names, features.Names, MaxNames);
        AddNormalised(Concepts, features.Concepts, MaxConcepts);
        if (features.Lang is { } lang)
        {
            Languages[lang] = Languages.GetValueOrDefault(lang) + 1;
        }

        ArticleCount++;
        AnchorNames.Clear();
        if (ArticleCount == 1)
        {
            AnchorNames.UnionWith(features.AnchorNames);
        }

        if (features.Date is { } d)
        {
            Widen(d.Start, d.End);
            DaySum += MidDay(d);
            DatedArticles++;
        }
    }

    private void Widen(DateOnly start, DateOnly end)
    {
        First = First is { } f && f <= start ? f : start;
        Last = Last is { } l && l >= end ? l : end;
    }

    /// <summary>Takes in another story: its centroids add up (both are sums of unit article vectors) and its dates widen this one's.</summary>
    public void Absorb(StoryProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Changed();
        AddSums(Terms, other.Terms, MaxTerms);
        AddSums(Names, other.Names, MaxNames);
        AddSums(Concepts, other.Concepts, MaxConcepts);
        foreach (var (lang, n) in other.Languages)
        {
            Languages[lang] = Languages.GetValueOrDefault(lang) + n;
        }

        ArticleCount += other.ArticleCount;
        AnchorNames.Clear();
        DaySum += other.DaySum;
        DatedArticles += other.DatedArticles;
        if (other.First is { } first && other.Last is { } last)
        {
            Widen(first, last);
        }
    }

    private static void AddSums(Dictionary<string, float> centroid, Dictionary<string, float> other, int max)
    {
        foreach (var (key, v) in other)
        {
            centroid[key] = centroid.GetValueOrDefault(key) + v;
        }

        Truncate(centroid, max);
    }

    private static void Truncate(Dictionary<string, float> centroid, int max)
    {
        // The kept entries and their order are a full sort's first max (this runs for every article a story takes).
        if (centroid.Count > max * 2)
        {
            ReadHeaviest(centroid, max, centroid, static (heaviest, kept) =>
            {
                kept.Clear();
                foreach (var (key, weight) in heaviest)
                {
                    kept[key] = weight;
                }
            });
        }
    }

    internal delegate void HeaviestReader<in TState>(ReadOnlySpan<KeyValuePair<string, float>> heaviest, TState state);

    /// <summary>
    /// Hands <paramref name="read"/> the <paramref name="n"/> heaviest entries of <paramref name="centroid"/>, heaviest
    /// first, ties by key, selected (not sorted whole) in a pooled copy, so <paramref name="read"/> may change the centroid.
    /// </summary>
    internal static void ReadHeaviest<TState>(Dictionary<string, float> centroid, int n, TState state, HeaviestReader<TState> read)
    {
        var count = centroid.Count;
        var entries = System.Buffers.ArrayPool<KeyValuePair<string, float>>.Shared.Rent(count);
        try
        {
            ((ICollection<KeyValuePair<string, float>>)centroid).CopyTo(entries, 0);
            TopSelection.KeepFirst(entries.AsSpan(0, count), n, HeaviestFirst);
            read(entries.AsSpan(0, Math.Min(n, count)), state);
        }
        finally
        {
            System.Buffers.ArrayPool<KeyValuePair<string, float>>.Shared.Return(entries, clearArray: true);
        }
    }

    /// <summary>Centroid entries heaviest first, ties by key: a total order, since keys are distinct.</summary>
    private static readonly Comparison<KeyValuePair<string, float>> HeaviestFirst =
        static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key);

    private static void AddNormalised(Dictionary<string, float> centroid, IReadOnlyDictionary<string, float> counts, int max)
    {
        // Sub-linear TF, then unit length, so that a long article does not outweigh a short one.
        var norm = 0.0;
        foreach (var v in counts.Values)
        {
            var w = 1 + Math.Log(v);
            norm += w * w;
        }

        if (norm == 0)
        {
            return;
        }

        var scale = 1 / Math.Sqrt(norm);
        if (centroid.Count == 0)
        {
            // A new story's centroid is its first article's vector: sized once, not grown through every smaller table
            // (most stories hold one article; growing was a sixth of what the serial part allocated).
            centroid.EnsureCapacity(counts.Count);
        }

        foreach (var (key, v) in counts)
        {
            centroid[key] = centroid.GetValueOrDefault(key) + (float)((1 + Math.Log(v)) * scale);
        }

        Truncate(centroid, max);
    }
}
