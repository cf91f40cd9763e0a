using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chorus.Core.Contracts;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;
using Chorus.Core.Store;
using Chorus.Storage;
using Chorus.Storage.Queries;

namespace Chorus.Monitoring.Alerts;

/// <summary>
/// Decides, after articles were stored, which watchlists their stories now trigger, and stores each alert once: a
/// key per watchlist, story, kind and what is new makes a second evaluation (a restarted watcher, another worker,
/// the same articles ingested again) a no-op. Runs on the read side of what ingest stored; it never re-analyses.
/// </summary>
public sealed class AlertEngine(ChorusWorkspace workspace, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Evaluates every watchlist against the stories of <paramref name="articleIds"/>; returns the alerts that fired now.</summary>
    public async Task<IReadOnlyList<Alert>> EvaluateAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var monitoring = workspace.Monitoring;
        var watchlists = await monitoring.ListWatchlistsAsync(cancellationToken).ConfigureAwait(false);
        if (watchlists.Count == 0 || articleIds.Count == 0)
        {
            return [];
        }

        var stored = await workspace.Store.GetArticleSummariesAsync(articleIds, cancellationToken).ConfigureAwait(false);
        var storyIds = stored.Select(a => a.StoryId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var now = _clock.GetUtcNow();
        var fired = new List<Alert>();
        var queryHits = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var entityIds = new Dictionary<string, string?>(StringComparer.Ordinal);
        var queries = new ChorusQueries(workspace);
        foreach (var storyId in storyIds)
        {
            var story = await workspace.Store.FindStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                continue;
            }

            var articleSet = story.Articles.Select(a => a.Id).ToList();
            IReadOnlyList<EntityOccurrence>? occurrences = null;
            StoryDoc? doc = null;
            // When each outlet first reported the story: read once per story, whatever the number of watchlists.
            IReadOnlyList<(string Outlet, DateTimeOffset First)>? firstReported = null;
            foreach (var watchlist in watchlists)
            {
                if (!await MatchesAsync(watchlist, story, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var sources = ContractMapper.IndependentSources(story.Articles);
                var title = story.Profile.Title;
                if (sources >= watchlist.MinSources)
                {
                    await FireAsync(watchlist, story.Profile.Id, AlertKind.Appeared, "appeared", title,
                        string.Create(CultureInfo.InvariantCulture, $"\"{title}\": {story.Articles.Count} articles from {sources} independent sources ({string.Join(", ", Outlets(story.Articles))})"), sources).ConfigureAwait(false);
                }

                firstReported ??= await FirstReportedAsync(story.Articles, cancellationToken).ConfigureAwait(false);
                var fresh = firstReported.Where(o => o.First >= now - TimeSpan.FromHours(watchlist.BreakingHours)).Select(o => o.Outlet).ToList();
                if (fresh.Count > 0 && fresh.Count >= watchlist.BreakingSources)
                {
                    // One breaking alert per story and window of the watchlist's hours.
                    var window = (long)Math.Floor((now - DateTimeOffset.UnixEpoch).TotalHours / watchlist.BreakingHours);
                    await FireAsync(watchlist, story.Profile.Id, AlertKind.Breaking, "breaking|" + window.ToString(CultureInfo.InvariantCulture), title,
                        string.Create(CultureInfo.InvariantCulture, $"\"{title}\": {fresh.Count} new independent sources in {watchlist.BreakingHours} h ({string.Join(", ", fresh)})"), sources).ConfigureAwait(false);
                }

                if (watchlist.Conflicts && story.Articles.Count > 1)
                {
                    doc ??= await queries.StoryDocAsync(story.Profile.Id, why: false, cancellationToken).ConfigureAwait(false);
                    foreach (var conflict in doc?.Conflicts ?? [])
                    {
                        var values = conflict.Values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                        // One disagreement is one alert however it grows: a third source giving one of its values renames
                        // it ("number" becomes "number of mensen") and adds a unit word ("2 mensen" beside "2 bewoners"),
                        // so it is keyed by its kind and the values' figures alone; a new figure is news.
                        var figures = values.Select(v => v.Split(' ')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conflict.Kind + "\u001F" + string.Join("\u001F", figures))))[..16];
                        await FireAsync(watchlist, story.Profile.Id, AlertKind.Conflict, "conflict|" + key, title,
                            $"\"{title}\": sources disagree on {conflict.What}: {string.Join(" vs ", values)}", sources).ConfigureAwait(false);
                    }
                }
            }

            async Task<bool> MatchesAsync(Watchlist w, StoredStory s, CancellationToken ct)
            {
                if (w.Outlet is { } outlet && !s.Articles.Any(a => string.Equals(OutletNames.Label(a.Source, a.Url), outlet, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }

                if ((w.EntityId ?? w.EntityName) is { } entity)
                {
                    if (!entityIds.TryGetValue(entity, out var current))
                    {
                        // The entity may have been merged into another since the watchlist was made: follow it.
                        current = (await workspace.Store.LookupEntityAsync(entity, ct).ConfigureAwait(false)).Match?.Id;
                        entityIds[entity] = current;
                    }

                    occurrences ??= await workspace.Store.ArticleEntitiesAsync(articleSet, ct).ConfigureAwait(false);
                    if (current is null || !occurrences.Any(o => o.EntityId == current))
                    {
                        return false;
                    }
                }

                if (w.Query is { } query)
                {
                    if (!queryHits.TryGetValue(query, out var hits))
                    {
                        hits = (await workspace.Index.MatchingArticlesAsync(query, ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                        queryHits[query] = hits;
                    }

                    if (!s.Articles.Any(a => hits.Contains(a.Id)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return fired;

        async Task FireAsync(Watchlist w, string storyId, AlertKind kind, string what, string title, string message, int sources)
        {
            var alert = new Alert(0, $"{w.Name}|{storyId}|{what}", w.Name, storyId, kind, title, message, sources, now);
            if (await monitoring.AddAlertAsync(alert, cancellationToken).ConfigureAwait(false) is { } added)
            {
                fired.Add(added);
            }
        }
    }

    private static IEnumerable<string> Outlets(IReadOnlyList<StoredArticle> articles)
        => articles.Select(a => OutletNames.Label(a.Source, a.Url)).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each independent source of the story (outlets, near-copies once) with when its first article in the story was stored.</summary>
    private async Task<IReadOnlyList<(string Outlet, DateTimeOffset First)>> FirstReportedAsync(IReadOnlyList<StoredArticle> articles, CancellationToken cancellationToken)
    {
        var originals = articles.Where(a => a.DuplicateOf is null).ToList();
        var at = await workspace.Monitoring.IngestedAtAsync(originals.Select(a => a.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return originals
            .GroupBy(a => OutletNames.Of(a.Source, a.Url) is { } outlet ? Chorus.Core.Entities.NameKey.Fold(outlet) : "#" + a.Id, StringComparer.Ordinal)
            .Select(g => (OutletNames.Label(g.First().Source, g.First().Url), g.Min(a => at.GetValueOrDefault(a.Id, DateTimeOffset.MinValue))))
            .ToList();
    }
}
