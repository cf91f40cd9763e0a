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

    public StoryClusterer(ClusteringOptions options, TermStatistics stats)
    {
        _options = options;
        _stats = stats;
    }

    public ClusteringOptions Options => _options;

    public TermStatistics Statistics => _stats;

    public int LoadedStories => _stories.Count;

    public bool IsLoaded(string storyId) => _stories.ContainsKey(storyId);

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
        var articleTerms = Weigh(features.Terms, prefix: null);
        var articleNames = Weigh(features.Names, prefix: "@");

        Assignment? best = null;
        foreach (var candidate in Candidates(articleTerms, articleNames))
        {
            var scored = Score(candidate, features, articleTerms, articleNames);
            if (scored is not null && (best is null || scored.Score > best.Score))
            {
                best = scored;
            }
        }

        if (best is not null && best.Score >= _options.Threshold)
        {
            var story = _stories[best.StoryId];
            story.Add(features);
            if (titleIsHeadline && !story.TitleFromHeadline)
            {
                story.Title = title;
                story.TitleFromHeadline = true;
            }

            Index(story);
            _dirty.Add(story.Id);
            return best;
        }

        var opened = new StoryProfile { Id = newStoryId, Title = title, TitleFromHeadline = titleIsHeadline };
        opened.Add(features);
        _stories[opened.Id] = opened;
        Index(opened);
        _dirty.Add(opened.Id);
        return new Assignment { StoryId = opened.Id, OpenedStory = true, BestRejectedScore = Math.Round(best?.Score ?? 0, 4) };
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

    /// <summary>The stories changed since the last call, for the store to persist in the same transaction.</summary>
    public IReadOnlyList<StoryProfile> TakeDirty()
    {
        var list = _dirty.Select(id => _stories[id]).ToList();
        _dirty.Clear();
        return list;
    }

    /// <summary>Forgets stories whose dates ended before <paramref name="before"/>, to bound memory on long streams.</summary>
    public void Evict(DateOnly before)
    {
        foreach (var id in _stories.Where(kv => kv.Value.Last is { } last && last < before && !_dirty.Contains(kv.Key)).Select(kv => kv.Key).ToList())
        {
            _stories.Remove(id);
        }
    }

    private IEnumerable<StoryProfile> Candidates(Dictionary<string, double> terms, Dictionary<string, double> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Top(terms, _options.QueryTerms).Concat(Top(names, _options.QueryTerms / 2)))
        {
            if (!_postings.TryGetValue(key, out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (seen.Add(id) && _stories.TryGetValue(id, out var story))
                {
                    yield return story;
                }
            }
        }
    }

    private Assignment? Score(StoryProfile story, ArticleFeatures features, Dictionary<string, double> articleTerms, Dictionary<string, double> articleNames)
    {
        var days = story.DaysFrom(features.Date);
        if (days > _options.WindowDays)
        {
            return null;
        }

        var (cosine, sharedTerms) = Cosine(articleTerms, story.Terms, prefix: null);
        // Names are compared as weighted vectors too: a set-membership test against a growing story would let
        // large stories absorb every article that mentions one of their many names.
        var (nameOverlap, sharedNames) = Cosine(articleNames, story.Names, prefix: "@");
        // An unknown date neither helps nor hurts much: half the signal.
        var proximity = days is { } d ? Math.Pow(0.5, d / _options.DateHalfLifeDays) : 0.5;
        var score = (_options.TermWeight * cosine) + (_options.NameWeight * nameOverlap) + (_options.DateWeight * proximity);
        return new Assignment
        {
            StoryId = story.Id,
            OpenedStory = false,
            Score = Math.Round(score, 4),
            TermSimilarity = Math.Round(cosine, 4),
            NameOverlap = Math.Round(nameOverlap, 4),
            DateProximity = Math.Round(proximity, 4),
            DaysApart = days,
            SharedTerms = sharedTerms,
            SharedNames = sharedNames,
        };
    }

    private (double Cosine, IReadOnlyList<string> Shared) Cosine(Dictionary<string, double> article, Dictionary<string, float> centroid, string? prefix)
    {
        double dot = 0, storyNorm = 0, articleNorm = 0;
        var contributions = new List<(string Term, double Value)>();
        foreach (var (term, w) in centroid)
        {
            var ws = w * _stats.Idf(prefix + term);
            storyNorm += ws * ws;
            if (article.TryGetValue(term, out var wa))
            {
                dot += wa * ws;
                contributions.Add((term, wa * ws));
            }
        }

        foreach (var wa in article.Values)
        {
            articleNorm += wa * wa;
        }

        if (dot == 0)
        {
            return (0, []);
        }

        var shared = contributions.OrderByDescending(c => c.Value).ThenBy(c => c.Term, StringComparer.Ordinal).Take(8).Select(c => c.Term).ToList();
        return (dot / Math.Sqrt(storyNorm * articleNorm), shared);
    }

    private Dictionary<string, double> Weigh(IReadOnlyDictionary<string, float> counts, string? prefix)
    {
        var weighted = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            weighted[key] = (1 + Math.Log(count)) * _stats.Idf(prefix + key);
        }

        return weighted;
    }

    private static IEnumerable<string> Top(Dictionary<string, double> weights, int n)
        => weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(n).Select(kv => kv.Key);

    private void Index(StoryProfile story)
    {
        foreach (var term in story.Terms.OrderByDescending(kv => kv.Value * _stats.Idf(kv.Key)).Take(_options.IndexedTerms))
        {
            Post(term.Key, story.Id);
        }

        foreach (var name in story.Names.Keys)
        {
            Post(name, story.Id);
        }
    }

    private void Post(string key, string storyId)
    {
        if (!_postings.TryGetValue(key, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            _postings[key] = ids;
        }

        ids.Add(storyId);
    }
}
