using Chorus.Core.Entities;
using Chorus.Core.Time;

namespace Chorus.Core.Stories;

/// <summary>
/// Assigns articles, one at a time and in date order, to the best-matching story or opens a new one.
/// Candidates come from an inverted index (term or name → stories), never from a scan of all stories, so
/// the work per article depends on how many stories share its salient words, not on the archive size.
/// The score combines TF-IDF cosine over stems, IDF-weighted overlap of name tokens and date proximity;
/// every signal is returned in the <see cref="Assignment"/>. Single-threaded by design: the story writer is one.
/// </summary>
public sealed class StoryClusterer
{
    private readonly ClusteringOptions _options;
    private readonly TermStatistics _stats;
    private readonly Dictionary<string, StoryProfile> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);

    // The candidate query's hit counts, cleared for each query (one clusterer runs one query at a time).
    private readonly Dictionary<string, int> _hits = new(StringComparer.Ordinal);

    // Cosine's scratch: the article's keys marked by statistics slot (1 + their place; zero elsewhere), and the story's
    // weights of the keys found, by the article's place. Left zeroed after each use.
    private int[] _marks = new int[1024];
    private float[] _matched = new float[128];

    // Scratch of one call each, emptied after it (one clusterer runs one call at a time): the keys weighed before the
    // cut to the heaviest, the keys a story is posted under, and the candidate stories ranked.
    private readonly List<(string Key, double Weight, float Idf, int Slot)> _weighed = [];
    private readonly HashSet<string> _postKeys = new(StringComparer.Ordinal);
    private readonly List<(int Shared, string Id, StoryProfile Story)> _ranked = [];

    // Pairs of stories a user split or moved apart: never merged again automatically.
    private readonly Dictionary<string, HashSet<string>> _apart = new(StringComparer.Ordinal);

    // Stories opened since the last Settle, in order: compared again then, with the statistics of the whole batch.
    private readonly List<string> _opened = [];
    // One-article stories absorbed by a regroup or a settle, with their article's new explanation (see TakeRejoined).
    private readonly List<(string Absorbed, Assignment Assignment)> _rejoined = [];

    public StoryClusterer(ClusteringOptions options, TermStatistics stats)
    {
        _options = options;
        _stats = stats;
    }

    public ClusteringOptions Options => _options;

    public TermStatistics Statistics => _stats;

    public bool IsLoaded(string storyId) => _stories.ContainsKey(storyId);

    /// <summary>Stories held in memory: those inside the time window, plus any changed and not yet taken.</summary>
    public int LoadedStories => _stories.Count;

    /// <summary>Makes a stored story a candidate again (profiles are loaded per time window).</summary>
    public void Load(StoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (_stories.TryAdd(profile.Id, profile))
        {
            Index(profile);
        }
    }

    /// <summary>Assigns an article: joins the best story scoring at or above the threshold, or opens <paramref name="newStoryId"/>.</summary>
    public Assignment Assign(ArticleFeatures features, string newStoryId, string title, bool titleIsHeadline)
    {
        ArgumentNullException.ThrowIfNull(features);
        _stats.AddDocument(features);
        if (features.IsDigest)
        {
            // A round-up reports many events: a story of its own, never posted, so no report of one of its events joins it.
            var digest = new StoryProfile { Id = newStoryId, Title = title, TitleFromHeadline = titleIsHeadline, IsDigest = true };
            digest.Add(features);
            _stories[digest.Id] = digest;
            _dirty.Add(digest.Id);
            return new Assignment { StoryId = digest.Id, OpenedStory = true, Digest = true };
        }

        var articleTerms = Weigh(features.Terms, prefix: null, _options.ArticleTerms, slots: true);
        var articleNames = Weigh(features.Names, prefix: "@", _options.ArticleTerms / 2, slots: true);
        // Weighed only when a candidate story lacks the article's language: most comparisons are within one.
        var probe = new Probe(features, articleTerms, articleNames, () => Weigh(features.Concepts, prefix: null, _options.ArticleTerms));
        var choice = Choose(probe, except: null);
        var (best, anchor) = (choice.Best, choice.Anchor);
        if (choice.Joins)
        {
            var story = best!.Story;
            // The explanation is taken before the article changes the story it is compared with.
            // Names are compared by spelling keys ("keisersgracht"); the explanation shows them as the article wrote them.
            var sharedNames = Strongest(articleNames, story, names: true).Select(k => features.NameForms?.GetValueOrDefault(k) ?? k).ToList();
            var assignment = best.ToAssignment(Strongest(articleTerms, story, names: false), sharedNames) with { AnchorName = anchor is null ? null : features.NameForms?.GetValueOrDefault(anchor) ?? anchor };
            story.Add(features);
            if (titleIsHeadline && !story.TitleFromHeadline)
            {
                story.Title = title;
                story.TitleFromHeadline = true;
            }

            var merged = MergeBridged(ref story, choice.AlsoAbove.Where(s => s.Story != best.Story).OrderByDescending(s => s.Score).Select(s => s.Story));
            Index(story);
            merged.AddRange(Regroup(story, choice.Scored));
            _dirty.Add(story.Id);
            return merged.Count == 0 ? assignment : assignment with { StoryId = story.Id, MergedStories = merged };
        }

        var opened = new StoryProfile { Id = newStoryId, Title = title, TitleFromHeadline = titleIsHeadline };
        opened.Add(features);
        _stories[opened.Id] = opened;
        _opened.Add(opened.Id);
        Index(opened);
        _dirty.Add(opened.Id);
        // Two events of one kind on one day (two heists, two fires) share their words; the names say why they are two.
        var assignmentOpened = new Assignment { StoryId = opened.Id, OpenedStory = true, BestRejectedScore = Math.Round(best?.Score ?? 0, 4) };
        if (best is null)
        {
            return assignmentOpened;
        }

        var onlyHere = articleNames.HeaviestKeys
            .Where(key => !best.Story.Names.ContainsKey(key)).Take(5).Select(key => features.NameForms?.GetValueOrDefault(key) ?? key).ToList();
        var onlyThere = best.Story.Names.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Where(kv => !features.Names.ContainsKey(kv.Key)).Take(5).Select(kv => kv.Key).ToList();
        return assignmentOpened with
        {
            ClosestStory = best.Story.Id,
            SharedTerms = Strongest(articleTerms, best.Story, names: false),
            OnlyInArticle = onlyHere,
            OnlyInClosest = onlyThere,
        };
    }

    /// <summary>What an article is compared with stories as: its weighed vectors, its own day and its listed-name words.</summary>
    private sealed class Probe(ArticleFeatures features, WeightedVector terms, WeightedVector names, Func<WeightedVector> concepts)
    {
        private WeightedVector? _concepts;

        public ArticleFeatures Features { get; } = features;

        public WeightedVector Terms { get; } = terms;

        public WeightedVector Names { get; } = names;

        public WeightedVector Concepts() => _concepts ??= concepts();

        public OwnDay OwnDay { get; } = OwnDayOf(features.Date, terms);

        public List<(string Term, string Key)> ListedWords { get; } = ListedNameWords(features, terms);
    }

    /// <summary>The story an article would join (<see cref="Joins"/>), with every candidate it was scored against.</summary>
    private sealed record Choice(Scored? Best, string? Anchor, List<Scored> AlsoAbove, List<Scored> Scored, double Threshold)
    {
        public bool Joins => Best is not null && (Best.Score >= Threshold || Anchor is not null);
    }

    /// <summary>
    /// Scores the probe against its candidate stories (all but <paramref name="except"/>) and picks the one it joins, if
    /// any. <paramref name="known"/>: a candidate the caller has just scored against this probe, not scored again.
    /// </summary>
    private Choice Choose(Probe probe, string? except, Scored? known = null)
    {
        Scored? best = null;
        var alsoAbove = new List<Scored>();
        var scoredAll = new List<Scored>();
        var candidates = Candidates(probe.Terms, probe.Names, except, probe.Features.Date);
        foreach (var candidate in candidates)
        {
            var scored = known is not null && ReferenceEquals(candidate, known.Story) ? known
                : Score(candidate, probe);
            if (scored is null)
            {
                continue;
            }

            scoredAll.Add(scored);
            if (scored.Score >= _options.Threshold && !double.IsPositiveInfinity(_options.MergeThreshold))
            {
                alsoAbove.Add(scored);
            }

            if (best is null || scored.Score > best.Score)
            {
                best = scored;
            }
        }

        string? anchor = null;
        if (best is not null && best.Score < _options.Threshold && !double.IsPositiveInfinity(_options.AnchorFloor)
            && Anchored(candidates, scoredAll, probe.Names, probe.Features.AnchorNames) is { } anchored)
        {
            (best, anchor) = anchored;
        }

        return new Choice(best, anchor, alsoAbove, scoredAll, _options.Threshold);
    }

    /// <summary>
    /// Arrival order repaired: the one-article stories among the article's candidates that, compared again now as the
    /// article they hold, would join <paramref name="story"/> (the story the article just joined). A wire copy that
    /// came before its event's first reports, a follow-up whose story only now has the articles it matches, an angle
    /// piece that needs a story of two to anchor to: each opened a story of its own because it came first, and would
    /// have joined had it come after. The same choice an article makes (best of all its candidates, the threshold, the
    /// anchor), so a story takes in no article it would refuse on arrival. Only candidates the article itself scored at
    /// the anchor floor or above are compared again: the work stays bounded by the candidate list.
    /// </summary>
    private List<string> Regroup(StoryProfile story, List<Scored> scored)
    {
        var absorbed = new List<string>();
        var floor = Math.Min(_options.AnchorFloor, _options.Threshold);
        foreach (var candidate in scored)
        {
            var single = candidate.Story;
            if (single.ArticleCount != 1 || single.Id == story.Id || candidate.Score < floor || !_stories.ContainsKey(single.Id) || KeptApart(story.Id, single.Id))
            {
                continue;
            }

            // The grown story first: a one-article story that could neither pass the threshold there nor anchor to it
            // (an anchor needs the floor and a title name) would not choose it, whatever its other candidates score.
            var probe = ProbeOf(single);
            if (Score(story, probe) is not { } near
                || near.Score < floor || (near.Score < _options.Threshold && probe.Features.AnchorNames.Count == 0))
            {
                continue;
            }

            if (Choose(probe, except: single.Id, known: near) is { Joins: true } choice && choice.Best!.Story.Id == story.Id)
            {
                _rejoined.Add((single.Id, Rejoined(choice, probe, single.Id, ComparedAgain.WhenStoryGrew)));
                Absorb(story, single);
                absorbed.Add(single.Id);
                Index(story);
            }
        }

        return absorbed;
    }

    /// <summary>
    /// Compares again, in the order they were opened, the stories opened since the last call that still hold one article,
    /// each as the article it holds and with the term statistics of now, and merges each into the story it would join now
    /// (that story survives). An article that opened a story early in a batch was weighed with the statistics of the
    /// articles before it: on a fresh store, or after a gap, the words of an event's reports still weighed as they would
    /// not a batch later, and the first reports of one flood opened three stories that the same articles in another order
    /// put in one. A one-article story joins another only when that one, compared again too, would join it back: on DPG
    /// 2019 one-way joins between one-article stories were mostly columns and daily quotes meeting on their series
    /// words. The writer calls it once a batch is assigned and merges in the store what it returns.
    /// </summary>
    public IReadOnlyList<(string Absorbed, string Survivor)> Settle()
    {
        var merges = new List<(string Absorbed, string Survivor)>();
        _rejoined.Clear();
        foreach (var id in _opened)
        {
            if (!_stories.TryGetValue(id, out var single) || single.ArticleCount != 1)
            {
                continue;
            }

            var probe = ProbeOf(single);
            if (Choose(probe, except: id) is { Joins: true } choice && !KeptApart(id, choice.Best!.Story.Id)
                && (choice.Best.Story.ArticleCount > 1 || Choose(ProbeOf(choice.Best.Story), except: choice.Best.Story.Id) is { Joins: true } back && back.Best!.Story.Id == id))
            {
                var survivor = choice.Best.Story;
                _rejoined.Add((id, Rejoined(choice, probe, id, ComparedAgain.AfterBatch)));
                Absorb(survivor, single);
                Index(survivor);
                merges.Add((id, survivor.Id));
            }
        }

        _opened.Clear();
        return merges;
    }

    /// <summary>
    /// The explanation of an article that opened <paramref name="firstOpened"/> and, compared again, joins the choice's
    /// story: taken before it is absorbed, like an arriving article's. Name keys are shown as keys (a profile keeps no
    /// written forms).
    /// </summary>
    private static Assignment Rejoined(Choice choice, Probe probe, string firstOpened, ComparedAgain when)
    {
        var best = choice.Best!;
        return best.ToAssignment(Strongest(probe.Terms, best.Story, names: false), Strongest(probe.Names, best.Story, names: true))
            with { AnchorName = choice.Anchor, ComparedAgain = when, FirstOpened = firstOpened };
    }

    /// <summary>
    /// The one-article stories absorbed since the last call (by the regroup when a story grew, or by <see cref="Settle"/>),
    /// each with the explanation of its article's new place; the writer stores it before it moves the article, so
    /// <c>--why</c> never says "opened the story" of an article that sits in another. <see cref="Settle"/> starts a fresh
    /// list, so a caller that never asks holds at most a batch's worth.
    /// </summary>
    public IReadOnlyList<(string Absorbed, Assignment Assignment)> TakeRejoined()
    {
        var list = _rejoined.ToList();
        _rejoined.Clear();
        return list;
    }

    /// <summary>
    /// A one-article story as the article it holds: its centroids are the article's vectors with sub-linear counts and unit
    /// length (<see cref="StoryProfile.Add"/>), so weighing them by IDF gives the article's own vectors up to a scale,
    /// which no cosine sees.
    /// </summary>
    private Probe ProbeOf(StoryProfile single)
    {
        var features = new ArticleFeatures(single.Terms, single.Names, single.SingleArticleDate())
        {
            Lang = single.Languages.Count == 1 ? single.Languages.Keys.First() : null,
            Concepts = single.Concepts,
            AnchorNames = single.AnchorNames,
        };
        return new Probe(features, WeighCentroid(single.Entries(names: false, _stats), _options.ArticleTerms), WeighCentroid(single.Entries(names: true, _stats), _options.ArticleTerms / 2),
            () => Weigh(single.Concepts, prefix: null, _options.ArticleTerms, sublinear: false));
    }

    /// <summary>
    /// <see cref="Weigh"/> of a one-article story's centroid (counts already sub-linear), from the statistics entries
    /// the story holds: the same IDF (a key no article counted weighs as unseen), without a look-up per key.
    /// </summary>
    private WeightedVector WeighCentroid(StoryProfile.CentroidEntry[] entries, int keep)
    {
        var weighted = _weighed;
        weighted.Clear();
        foreach (ref readonly var entry in entries.AsSpan())
        {
            var idf = _stats.Idf(entry);
            // In double, as Weigh multiplies: a float product rounds differently.
            weighted.Add((entry.Key, (double)entry.Weight * idf, idf, entry.Slot));
        }

        return Truncated(weighted, keep, slots: true);
    }

    /// <summary>
    /// A story scoring under the threshold (but at least <see cref="ClusteringOptions.AnchorFloor"/>) that the article
    /// joins all the same, on a name that is the story's own: a person or place the article's title names
    /// (<see cref="ArticleFeatures.AnchorNames"/>; however rare its other names: a human-interest piece names the
    /// locals it speaks to, rarer in the window than the event's place), one of the story's three strongest
    /// names, held by no other candidate story, and in the whole window carried by the story's articles alone (its
    /// document frequency, this article included, at least three and at most the story's article count plus one). An
    /// angle piece ("Bloemen voor Navalny bij Russische ambassade") shares few words with the wire copy but names what
    /// only that story names; a city, a club or a first name is carried by many stories of a window and anchors nothing.
    /// </summary>
    private (Scored Story, string Name)? Anchored(List<StoryProfile> candidates, List<Scored> scored, WeightedVector articleNames, IReadOnlySet<string> anchors)
    {
        (Scored Story, string Name)? found = null;
        foreach (var key in articleNames.HeaviestKeys)
        {
            if (!anchors.Contains(key) || candidates.Count(c => c.Names.ContainsKey(key)) != 1)
            {
                continue;
            }

            var holder = scored.Find(s => s.Story.Names.ContainsKey(key));
            if (holder is null || holder.Score < _options.AnchorFloor || holder.Story.ArticleCount < 2)
            {
                continue;
            }

            if (!AmongStrongest(holder.Story.Names, key, 3))
            {
                continue;
            }

            var df = _stats.EntryOf("@", key).Df;
            if (df >= 3 && df <= holder.Story.ArticleCount + 1 && (found is null || holder.Score > found.Value.Story.Score))
            {
                found = (holder, key);
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="key"/> is among the <paramref name="n"/> heaviest entries of <paramref name="centroid"/> (ties by key).</summary>
    private static bool AmongStrongest(Dictionary<string, float> centroid, string key, int n)
    {
        if (!centroid.TryGetValue(key, out var weight))
        {
            return false;
        }

        var heavier = 0;
        foreach (var (other, w) in centroid)
        {
            if (w > weight || (w == weight && string.CompareOrdinal(other, key) < 0))
            {
                heavier++;
            }
        }

        return heavier < n;
    }

    /// <summary>Adds a near-copy to the story of the article it copies, without scoring.</summary>
    public Assignment Follow(string storyId, ArticleFeatures features, string duplicateOf)
    {
        ArgumentNullException.ThrowIfNull(features);
        _stats.AddDocument(features);
        if (_stories.TryGetValue(storyId, out var story))
        {
            story.Add(features);
            _dirty.Add(storyId);
        }

        return new Assignment { StoryId = storyId, OpenedStory = false, Score = 1, DuplicateOf = duplicateOf };
    }

    /// <summary>
    /// An article that belongs to two stories is evidence that they are one story told in different words; they
    /// merge when their own centroids also agree (<see cref="ClusteringOptions.MergeThreshold"/>), which keeps a
    /// single ambiguous article from gluing unrelated stories together. The larger story survives, so that ids stay
    /// stable. Returns the ids that were absorbed; <paramref name="story"/> becomes the survivor.
    /// </summary>
    private List<string> MergeBridged(ref StoryProfile story, IEnumerable<StoryProfile> others)
    {
        var absorbed = new List<string>();
        if (double.IsPositiveInfinity(_options.MergeThreshold))
        {
            return absorbed;
        }

        foreach (var other in others.Take(5).ToList())
        {
            if (!_stories.ContainsKey(other.Id) || KeptApart(story.Id, other.Id) || StorySimilarity(story, other) < _options.MergeThreshold)
            {
                continue;
            }

            var (survivor, gone) = other.ArticleCount > story.ArticleCount ? (other, story) : (story, other);
            Absorb(survivor, gone);
            absorbed.Add(gone.Id);
            story = survivor;
        }

        return absorbed;
    }

    /// <summary>The article-to-story score, with one story's centroid standing in for the article.</summary>
    private double StorySimilarity(StoryProfile a, StoryProfile b)
    {
        var terms = CentroidCosine(a, b, names: false);
        var names = CentroidCosine(a, b, names: true);
        // Stories compare by their date ranges even where articles compare with a story's centre: centres here
        // lowered UCI from 85.07 to 84.54 (docs/design.md).
        int? days = a.First is { } af && a.Last is { } al && b.First is { } bf && b.Last is { } bl
            ? Math.Max(0, Math.Max(bf.DayNumber - al.DayNumber, af.DayNumber - bl.DayNumber))
            : null;
        var proximity = days is { } d ? Math.Pow(0.5, d / _options.DateHalfLifeDays) : 0.5;
        return (_options.TermWeight * terms) + (_options.NameWeight * names) + (_options.DateWeight * proximity);
    }

    private double CentroidCosine(StoryProfile a, StoryProfile b, bool names)
    {
        var (ca, cb) = names ? (a.Names, b.Names) : (a.Terms, b.Terms);
        if (ca.Count > cb.Count)
        {
            (a, b, ca, cb) = (b, a, cb, ca);
        }

        var prefix = names ? "@" : null;
        double dot = 0;
        foreach (var (key, wa) in ca)
        {
            if (cb.TryGetValue(key, out var wb))
            {
                var idf = _stats.Idf(prefix, key);
                dot += wa * idf * wb * idf;
            }
        }

        return dot == 0 ? 0 : dot / (Norm(a, names) * Norm(b, names));
    }

    private void Absorb(StoryProfile survivor, StoryProfile gone)
    {
        Unindex(gone);
        _stories.Remove(gone.Id);
        _dirty.Remove(gone.Id);
        survivor.Absorb(gone);
        _dirty.Add(survivor.Id);
        if (_apart.Remove(gone.Id, out var apart))
        {
            foreach (var other in apart)
            {
                KeepApart(survivor.Id, other);
            }
        }
    }

    /// <summary>Records that two stories must not be merged automatically (a user split or moved articles between them).</summary>
    public void KeepApart(string a, string b)
    {
        if (a == b)
        {
            return;
        }

        Add(a, b);
        Add(b, a);

        void Add(string x, string y)
        {
            if (!_apart.TryGetValue(x, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _apart[x] = set;
            }

            set.Add(y);
        }
    }

    private bool KeptApart(string a, string b) => _apart.TryGetValue(a, out var set) && set.Contains(b);

    /// <summary>The stories changed since the last call, for the store to persist in the same transaction.</summary>
    public IReadOnlyList<StoryProfile> TakeDirty()
    {
        var list = _dirty.Select(id => _stories[id]).ToList();
        _dirty.Clear();
        return list;
    }

    /// <summary>
    /// Forgets stories whose dates ended before <paramref name="before"/>, and the document frequencies of terms not
    /// seen for another window before that, to bound memory on long streams.
    /// </summary>
    public void Evict(DateOnly before)
    {
        _stats.Forget(before.AddDays(-_options.WindowDays));
        foreach (var story in _stories.Values.Where(s => s.Last is { } last && last < before && !_dirty.Contains(s.Id)).ToList())
        {
            _stories.Remove(story.Id);
            Unindex(story);
        }
    }

    private void Unindex(StoryProfile story)
    {
        // Keys the story was posted under earlier may since have left its centroid: the story keeps the list.
        foreach (var key in story.PostedKeys)
        {
            if (_postings.TryGetValue(key, out var ids) && ids.Remove(story.Id) && ids.Count == 0)
            {
                _postings.Remove(key);
            }
        }

        story.PostedKeys.Clear();
    }

    /// <summary>
    /// Stories that share the article's most salient terms and names, ranked by how many they share; only the
    /// best <see cref="ClusteringOptions.MaxCandidates"/> are scored, which keeps the work per article bounded. Stories
    /// outside the article's time window are left out before the cut: held in memory or not (a resumed ingest holds
    /// fewer), they could never be joined, and must not take a place among the candidates.
    /// </summary>
    private List<StoryProfile> Candidates(WeightedVector terms, WeightedVector names, string? except, PartialDate? date)
    {
        // Days and figures are asked for on their own as well: they read the same in every language, so they are what
        // finds a story in another language, and an article's own words must not crowd them out of its query.
        var hits = _hits;
        hits.Clear();
        var ordered = terms.HeaviestKeys;
        var neutralLeft = _options.QueryTerms / 2;
        for (var i = 0; i < ordered.Length; i++)
        {
            // The heaviest words, then the heaviest days and figures after them.
            if (i < _options.QueryTerms)
            {
                CountHits(ordered[i], hits);
            }
            else if (neutralLeft > 0 && ordered[i][0] == ArticleFeatures.NeutralPrefix)
            {
                CountHits(ordered[i], hits);
                neutralLeft--;
            }
        }

        var nameKeys = names.HeaviestKeys;
        for (var i = 0; i < nameKeys.Length && i < _options.QueryTerms / 2; i++)
        {
            CountHits(nameKeys[i], hits);
        }

        // Most shared keys first, ties by id: a total order, so which sort makes it does not matter. An array sort, not
        // LINQ's ordering: the hits of common keys run to hundreds of stories, and this runs for every comparison.
        var ranked = _ranked;
        ranked.Clear();
        foreach (var (id, shared) in hits)
        {
            if (id != except && _stories.TryGetValue(id, out var story) && !(story.DaysFrom(date) > _options.WindowDays))
            {
                ranked.Add((shared, id, story));
            }
        }

        ranked.Sort(static (a, b) => a.Shared != b.Shared ? b.Shared.CompareTo(a.Shared) : string.CompareOrdinal(a.Id, b.Id));
        var candidates = new List<StoryProfile>(Math.Min(ranked.Count, _options.MaxCandidates));
        for (var i = 0; i < ranked.Count && i < _options.MaxCandidates; i++)
        {
            candidates.Add(ranked[i].Story);
        }

        ranked.Clear();
        return candidates;
    }

    private void CountHits(string key, Dictionary<string, int> hits)
    {
        if (_postings.TryGetValue(key, out var ids))
        {
            foreach (var id in ids)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(hits, id, out _)++;
            }
        }
    }

    private Scored? Score(StoryProfile story, Probe probe)
    {
        var (features, ownDay, articleTerms, articleNames) = (probe.Features, probe.OwnDay, probe.Terms, probe.Names);
        var days = story.DaysFrom(features.Date);
        if (days > _options.WindowDays)
        {
            return null;
        }

        // Dot products first, lengths only for a story that passes every test below: a story's length is made again
        // for each article (the counts moved), and some candidates fail a test.
        var termDot = Dot(articleTerms, story, names: false, out var sharedTerms);
        if (sharedTerms < _options.MinSharedTerms)
        {
            return null;
        }

        // Names are compared as weighted vectors too: a set-membership test against a growing story would let
        // large stories absorb every article that mentions one of their many names.
        var nameDot = Dot(articleNames, story, names: true, out var sharedNames);

        // An article in a language the story has none of shares almost no stems with it: its words count as the
        // concepts they translate to ("Brand" and "fire"), for the evidence a join needs and in the score below.
        var across = features.Lang is { } lang && story.Languages.Count > 0 && !story.Languages.ContainsKey(lang);
        var sharedConcepts = 0;
        // Across languages a join needs a name in common, or the story must carry a person or place the article's title
        // names: translated words are guesses and stems shared across languages are few ("Brand" in Dutch and German),
        // so two fires in two cities on one day, reported in two languages, share their words and their day, never the
        // city the headline names. (A local angle's title names its own town, "ICE naar Amsterdam", but shares the
        // event's names, "GDL", "Weselsky", with the story.)
        if (across && sharedNames == 0 && !NamesATitleName(features.AnchorNames, story))
        {
            return null;
        }

        var translated = across ? ConceptCosine(probe.Concepts(), story, out sharedConcepts) : 0;
        if (!SharesEnough(features, ownDay, sharedTerms, sharedNames, sharedConcepts, articleNames, probe.ListedWords, story))
        {
            return null;
        }

        var cosine = Cosine(termDot, articleTerms, story, names: false);
        var nameCosine = Cosine(nameDot, articleNames, story, names: true);

        // An unknown date neither helps nor hurts much: half the signal.
        double? apart = _options.DateFromCentre ? story.DaysFromMean(features.Date) ?? days : days;
        var proximity = apart is { } d ? Math.Pow(0.5, d / _options.DateHalfLifeDays) : 0.5;
        var score = (_options.TermWeight * cosine) + (_options.NameWeight * nameCosine) + (_options.DateWeight * proximity);

        // An article in a language the story has none of shares almost no stems with it: compare it on what
        // crosses languages, its names (linked, listed and transliterated), its days and figures, and its words
        // translated to shared concepts.
        if (across)
        {
            var neutral = NeutralCosine(articleTerms, story, ownDay.Key);
            var acrossScore = (_options.CrossLanguageNameWeight * nameCosine) + (_options.CrossLanguageNeutralWeight * neutral)
                + ((1 - _options.CrossLanguageNameWeight - _options.CrossLanguageNeutralWeight) * proximity)
                + (_options.CrossLanguageTranslatedWeight * translated);
            score = Math.Max(score, acrossScore);
        }

        return new Scored(story, score, cosine, nameCosine, proximity, days);
    }

    /// <summary>Whether the story carries a person or place the article's title names (as a name or a word), or the title names none.</summary>
    private static bool NamesATitleName(IReadOnlySet<string> titleNames, StoryProfile story)
    {
        if (titleNames.Count == 0)
        {
            return true;
        }

        foreach (var key in titleNames)
        {
            if (story.Names.ContainsKey(key) || story.Terms.ContainsKey(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cosine over the language-neutral terms only (days, figures), IDF-weighted like the rest, without the article's
    /// own day: that day is in every article published on it, whatever it reports, and date proximity already counts
    /// it. Counted here too, a German piece on an avalanche in Tirol scored 0.30 against an English one on an avalanche
    /// in the Swiss Alps of the same day on the day alone; days the article names besides its own (a follow-up's "on
    /// Tuesday") and figures still count.
    /// </summary>
    private double NeutralCosine(WeightedVector article, StoryProfile story, string? ownDay)
    {
        double dot = 0, articleNorm = 0, storyNorm = 0;
        for (var i = 0; i < article.Count; i++)
        {
            var term = article.Keys[i];
            if (term[0] != ArticleFeatures.NeutralPrefix || term == ownDay)
            {
                continue;
            }

            var wa = article.Weights[i];
            articleNorm += wa * wa;
            if (story.Terms.TryGetValue(term, out var w))
            {
                dot += wa * w * article.Idfs[i];
            }
        }

        foreach (var (term, w) in story.Terms)
        {
            if (term[0] == ArticleFeatures.NeutralPrefix && term != ownDay)
            {
                var weighted = w * _stats.Idf(term);
                storyNorm += weighted * weighted;
            }
        }

        return dot == 0 ? 0 : dot / (Math.Sqrt(storyNorm) * Math.Sqrt(articleNorm));
    }

    /// <summary>
    /// Whether the article and the story share at least <see cref="ClusteringOptions.MinSharedEvidence"/> words or names
    /// (a word written as both counts once; the article's own day not at all, every article of that day has it). Starts
    /// from the shared counts the cosines found; only the names, and the article's words that are listed names
    /// (<see cref="ListedNameWords"/>), are read again, to drop those counted twice. Across languages (only there are
    /// concepts counted) the shared names with the shared translated concepts are enough on their own, stems aside (a
    /// cognate stem is also its concept; the two counts are never added): a Dutch and an English report of one fire
    /// share the city's name and their own day, and no stem.
    /// </summary>
    private bool SharesEnough(ArticleFeatures features, OwnDay ownDay, int sharedTerms, int sharedNames, int sharedConcepts, WeightedVector names, List<(string Term, string Key)> listedWords, StoryProfile story)
    {
        var needed = _options.MinSharedEvidence;
        if (sharedConcepts >= needed)
        {
            return true;
        }

        var shared = sharedTerms + sharedNames - (ownDay.InVector && story.Terms.ContainsKey(ownDay.Key!) ? 1 : 0);
        for (var i = 0; i < names.Count && shared >= needed && sharedNames > 0; i++)
        {
            var key = names.Keys[i];
            if (story.Names.ContainsKey(key) && features.Terms.ContainsKey(key) && story.Terms.ContainsKey(key))
            {
                shared--;
            }
        }

        // A listed name is one item however it is written: the word "berlin" that an English and a German article share
        // is their shared name "berlijn" again (two events in one city met on it twice).
        foreach (var (term, listed) in listedWords)
        {
            if (shared < needed || sharedNames == 0)
            {
                break;
            }

            if (story.Terms.ContainsKey(term) && story.Names.ContainsKey(listed))
            {
                shared--;
            }
        }

        return shared >= needed;
    }

    /// <summary>
    /// The article's words that are a listed name it also has under the name's key ("berlin" of "Berlin", key "berlijn"),
    /// found once per article: usually none, a few at most.
    /// </summary>
    private static List<(string Term, string Key)> ListedNameWords(ArticleFeatures features, WeightedVector terms)
    {
        var found = new List<(string Term, string Key)>();
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms.Keys[i];
            if (TranslatedNames.Default.KeyOfFolded(term) is { } listed && listed != term && features.Names.ContainsKey(listed))
            {
                found.Add((term, listed));
            }
        }

        return found;
    }

    /// <summary>The article's own day as a term key (null for an article not dated to a day), and whether its vector holds it.</summary>
    private readonly record struct OwnDay(string? Key, bool InVector);

    /// <summary>The article's own day (as <see cref="ArticleFeatures"/> writes days), once per article.</summary>
    private static OwnDay OwnDayOf(PartialDate? date, WeightedVector terms)
    {
        var key = date is { Precision: DatePrecision.Day } day ? ArticleFeatures.DayKey(day.Start) : null;
        return new OwnDay(key, key is not null && Array.IndexOf(terms.Keys, key) >= 0);
    }

    /// <summary>Cosine of the article's word concepts and the story's, IDF-weighted (concept keys carry their own prefix in the statistics).</summary>
    private double ConceptCosine(WeightedVector article, StoryProfile story, out int shared)
    {
        shared = 0;
        if (article.Count == 0 || story.Concepts.Count == 0)
        {
            return 0;
        }

        double dot = 0, storyNorm = 0;
        for (var i = 0; i < article.Count; i++)
        {
            if (story.Concepts.TryGetValue(article.Keys[i], out var w))
            {
                dot += article.Weights[i] * w * article.Idfs[i];
                shared++;
            }
        }

        foreach (var (concept, w) in story.Concepts)
        {
            var weighted = w * _stats.Idf(concept);
            storyNorm += weighted * weighted;
        }

        return dot == 0 ? 0 : dot / (Math.Sqrt(storyNorm) * article.Length);
    }

    /// <summary>
    /// Cosine between the article's TF-IDF vector and the story centroid weighted by IDF, from their dot product
    /// (<see cref="Dot"/>); the story's length is kept on the profile while the counts stay as they are.
    /// </summary>
    private double Cosine(double dot, WeightedVector article, StoryProfile story, bool names)
        => dot == 0 ? 0 : dot / (Norm(story, names) * article.Length);

    /// <summary>The dot product of the article's TF-IDF vector and the story centroid weighted by IDF, over the article's terms.</summary>
    private double Dot(WeightedVector article, StoryProfile story, bool names, out int shared)
    {
        // The article's keys are marked by their statistics slots and the story's entries walked once: no string is
        // hashed or compared, where a look-up per article key in the story's centroid (some 90 per candidate, 57
        // candidates an article) went to the heap three times. The products are added in the article's order, as the
        // look-ups added them (a key the story lacks adds an exact zero), so the cosine is the same to the last bit.
        var slots = article.Slots!;
        var entries = story.Entries(names, _stats);
        if (_marks.Length < _stats.SlotCount)
        {
            Array.Resize(ref _marks, Math.Max(_stats.SlotCount, _marks.Length * 2));
        }

        var marks = _marks;
        for (var i = 0; i < article.Count; i++)
        {
            marks[slots[i]] = i + 1;
        }

        if (_matched.Length < article.Count)
        {
            _matched = new float[Math.Max(article.Count, _matched.Length * 2)];
        }

        var matched = _matched;
        shared = 0;
        foreach (ref readonly var entry in entries.AsSpan())
        {
            var at = marks[entry.Slot];
            if (at != 0)
            {
                matched[at - 1] = entry.Weight;
                shared++;
            }
        }

        double dot = 0;
        for (var i = 0; i < article.Count; i++)
        {
            marks[slots[i]] = 0;
            dot += article.Weights[i] * matched[i] * article.Idfs[i];
            matched[i] = 0;
        }

        return dot;
    }

    private double Norm(StoryProfile story, bool names) => story.IdfNorm(names, _stats);

    /// <summary>The terms that contributed most to the dot product: the explanation kept for the winning story only.</summary>
    private static List<string> Strongest(WeightedVector article, StoryProfile story, bool names)
    {
        var centroid = names ? story.Names : story.Terms;
        return Enumerable.Range(0, article.Count)
            .Where(i => centroid.ContainsKey(article.Keys[i]))
            .Select(i => (Term: article.Keys[i], Value: article.Weights[i] * centroid[article.Keys[i]] * article.Idfs[i]))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(8)
            .Select(c => c.Term)
            .ToList();
    }

    /// <summary>
    /// The article's TF-IDF vector, cut to its <paramref name="keep"/> heaviest entries: the salient terms carry the event,
    /// the tail only costs time. Counts are made sub-linear; a one-article story's centroid (<paramref name="sublinear"/>
    /// false) already is.
    /// </summary>
    private WeightedVector Weigh(IReadOnlyDictionary<string, float> counts, string? prefix, int keep, bool sublinear = true, bool slots = false)
    {
        var weighted = _weighed;
        weighted.Clear();
        foreach (var (key, count) in counts)
        {
            float idf;
            var slot = -1;
            if (slots)
            {
                // The key's entry carries both (made, uncounted, where no article counted the key: its IDF is then the
                // unseen one, as the look-up below gives).
                var entry = _stats.EntryOf(prefix, key);
                (idf, slot) = (_stats.Idf(entry), entry.Slot);
            }
            else
            {
                idf = _stats.Idf(prefix, key);
            }

            weighted.Add((key, (sublinear ? 1 + Math.Log(count) : count) * idf, idf, slot));
        }

        return Truncated(weighted, keep, slots);
    }

    /// <summary>The <paramref name="keep"/> heaviest of the weighed keys, heaviest first (ties by key), as a vector.</summary>
    private static WeightedVector Truncated(List<(string Key, double Weight, float Idf, int Slot)> weighted, int keep, bool slots)
    {
        if (weighted.Count > keep)
        {
            // Heaviest first, ties by key (keys are distinct: a total order), so the kept keys and their order are a full
            // sort's; the rest need no order.
            TopSelection.KeepFirst(weighted, keep, static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Key, b.Key));
        }

        var vector = new WeightedVector(weighted, slots);
        weighted.Clear();
        return vector;
    }

    /// <summary>
    /// Posts the story under its heaviest centroid keys, replacing what it was posted under before. The keys depend on
    /// the profile alone (weight, then the key), not on the corpus statistics of the moment or on the story's past
    /// postings, so a story reloaded from the store is found by the same articles as one that never left memory. A
    /// digest's story is never posted.
    /// </summary>
    private void Index(StoryProfile story)
    {
        if (story.IsDigest)
        {
            return;
        }

        var keys = _postKeys;
        keys.Clear();
        AddHeaviest(story.Terms, _options.IndexedTerms, keys);
        AddHeaviest(story.Names, _options.IndexedTerms / 2, keys);
        if (!story.PostedKeys.SetEquals(keys))
        {
            Unindex(story);
            foreach (var key in keys)
            {
                Post(key, story);
            }
        }

        keys.Clear();
    }

    /// <summary>Adds the <paramref name="n"/> heaviest keys of <paramref name="centroid"/> (ties by key) to <paramref name="keys"/>.</summary>
    private static void AddHeaviest(Dictionary<string, float> centroid, int n, HashSet<string> keys)
        => StoryProfile.ReadHeaviest(centroid, n, keys, static (heaviest, added) =>
        {
            foreach (var entry in heaviest)
            {
                added.Add(entry.Key);
            }
        });

    private void Post(string key, StoryProfile story)
    {
        if (!story.PostedKeys.Add(key))
        {
            return;
        }

        if (!_postings.TryGetValue(key, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            _postings[key] = ids;
        }

        ids.Add(story.Id);
    }

    /// <summary>A candidate's score with the parts it is made of; turned into an <see cref="Assignment"/> only for the winner.</summary>
    private sealed record Scored(
        StoryProfile Story,
        double Score,
        double TermSimilarity,
        double NameSimilarity,
        double DateProximity,
        int? DaysApart)
    {
        public Assignment ToAssignment(IReadOnlyList<string> sharedTerms, IReadOnlyList<string> sharedNames) => new()
        {
            StoryId = Story.Id,
            OpenedStory = false,
            Score = Math.Round(Score, 4),
            TermSimilarity = Math.Round(TermSimilarity, 4),
            NameOverlap = Math.Round(NameSimilarity, 4),
            DateProximity = Math.Round(DateProximity, 4),
            DaysApart = DaysApart,
            SharedTerms = sharedTerms,
            SharedNames = sharedNames,
        };
    }

    /// <summary>
    /// An article's TF-IDF vector, in the order it was weighed, with each key's IDF beside its weight: the statistics do
    /// not change while one article is assigned, so every candidate reads the IDF found once, not a look-up per key.
    /// </summary>
    private sealed class WeightedVector
    {
        public WeightedVector(List<(string Key, double Weight, float Idf, int Slot)> weighted, bool slots)
        {
            Count = weighted.Count;
            Keys = new string[Count];
            Weights = new double[Count];
            Idfs = new float[Count];
            Slots = slots ? new int[Count] : null;
            var sum = 0.0;
            for (var i = 0; i < Count; i++)
            {
                (Keys[i], Weights[i], Idfs[i], var slot) = weighted[i];
                if (Slots is not null)
                {
                    Slots[i] = slot;
                }

                sum += Weights[i] * Weights[i];
            }

            Length = Math.Sqrt(sum);
        }

        public int Count { get; }

        public string[] Keys { get; }

        public double[] Weights { get; }

        public float[] Idfs { get; }

        /// <summary>Each key's statistics slot (<see cref="TermStatistics.Entry.Slot"/>), for a vector compared with story centroids by <see cref="Cosine"/>; null for concepts.</summary>
        public int[]? Slots { get; }

        /// <summary>The vector's Euclidean length.</summary>
        public double Length { get; }

        // The keys heaviest first, ties by key: sorted once, on the first ask (the candidate query asks for every
        // comparison of the vector).
        private string[]? _heaviest;

        /// <summary>The keys, heaviest first, ties by key.</summary>
        public string[] HeaviestKeys
        {
            get
            {
                if (_heaviest is null)
                {
                    var order = new int[Count];
                    for (var i = 0; i < Count; i++)
                    {
                        order[i] = i;
                    }

                    var weights = Weights;
                    var keys = Keys;
                    Array.Sort(order, (a, b) => weights[a] != weights[b] ? weights[b].CompareTo(weights[a]) : string.CompareOrdinal(keys[a], keys[b]));
                    _heaviest = Array.ConvertAll(order, i => keys[i]);
                }

                return _heaviest;
            }
        }
    }
}
