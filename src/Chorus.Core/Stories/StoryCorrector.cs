using System.Security.Cryptography;
using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Store;

namespace Chorus.Core.Stories;

/// <summary>The result of a correction: the story the articles are in now, or why nothing was changed.</summary>
public sealed record CorrectionOutcome(string? StoryId, string? Error)
{
    public bool Success => Error is null;

    public static CorrectionOutcome Failed(string error) => new(null, error);
}

/// <summary>
/// Stores a user's corrections of the clusterer: split articles off into a new story, merge two stories, move
/// articles into another story. The touched stories' profiles are rebuilt from their articles, so later ingests
/// compare new articles with the corrected stories; a removed story's id leads to where its articles went; near-copies
/// go with their original; every correction is logged with the story. Nothing is changed when a request is wrong (unknown ids, articles of
/// another story, a split that would take every article).
/// </summary>
public sealed class StoryCorrector(IChorusStore store, ArticleAnalyzer analyzer)
{
    public async Task<CorrectionOutcome> SplitAsync(string storyId, IReadOnlyList<string> articleRefs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleRefs);
        var story = await store.FindStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            return CorrectionOutcome.Failed($"no story '{storyId}'");
        }

        var (articles, error) = await ResolveAsync(articleRefs, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return CorrectionOutcome.Failed(error);
        }

        if (articles.FirstOrDefault(a => a.StoryId != story.Profile.Id) is { } stranger)
        {
            return CorrectionOutcome.Failed($"article '{stranger.Id}' is not in story '{story.Profile.Id}'");
        }

        // Near-copies go where their original goes: they are one source.
        var moved = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        moved.UnionWith(story.Articles.Where(a => a.DuplicateOf is { } d && moved.Contains(d)).Select(a => a.Id));
        if (moved.Count == story.Articles.Count)
        {
            return CorrectionOutcome.Failed("a split must leave at least one article in the story");
        }

        var newId = "s" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("split:" + string.Join(',', moved.Order(StringComparer.Ordinal)))))[..16];
        var staying = story.Articles.Where(a => !moved.Contains(a.Id)).ToList();
        var leaving = story.Articles.Where(a => moved.Contains(a.Id)).ToList();
        await ApplyAsync(
            new StoryCorrection("split", story.Profile.Id, newId, [.. moved], DateTimeOffset.UtcNow),
            [(story.Profile.Id, story.Profile.Title, staying), (newId, null, leaving)],
            [],
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(newId, null);
    }

    public async Task<CorrectionOutcome> MergeAsync(string keptStoryId, string mergedStoryId, CancellationToken cancellationToken = default)
    {
        var kept = await store.FindStoryAsync(keptStoryId, cancellationToken).ConfigureAwait(false);
        var merged = await store.FindStoryAsync(mergedStoryId, cancellationToken).ConfigureAwait(false);
        if (kept is null || merged is null)
        {
            return CorrectionOutcome.Failed($"no story '{(kept is null ? keptStoryId : mergedStoryId)}'");
        }

        if (kept.Profile.Id == merged.Profile.Id)
        {
            return CorrectionOutcome.Failed($"'{keptStoryId}' and '{mergedStoryId}' are the same story");
        }

        await ApplyAsync(
            new StoryCorrection("merge", merged.Profile.Id, kept.Profile.Id, merged.Articles.Select(a => a.Id).ToList(), DateTimeOffset.UtcNow),
            [(kept.Profile.Id, kept.Profile.Title, kept.Articles.Concat(merged.Articles).ToList())],
            [merged.Profile.Id],
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(kept.Profile.Id, null);
    }

    public async Task<CorrectionOutcome> MoveAsync(IReadOnlyList<string> articleRefs, string targetStoryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleRefs);
        var target = await store.FindStoryAsync(targetStoryId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return CorrectionOutcome.Failed($"no story '{targetStoryId}'");
        }

        var (articles, error) = await ResolveAsync(articleRefs, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return CorrectionOutcome.Failed(error);
        }

        var moving = articles.Where(a => a.StoryId != target.Profile.Id).ToList();
        if (moving.Count == 0)
        {
            return new CorrectionOutcome(target.Profile.Id, null);
        }

        // Near-copies go where their original goes: they are one source.
        foreach (var sourceId in moving.Select(a => a.StoryId).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            var source = await store.FindStoryAsync(sourceId, cancellationToken).ConfigureAwait(false);
            moving.AddRange(source?.Articles.Where(a => a.DuplicateOf is { } d && moving.Any(m => m.Id == d) && moving.All(m => m.Id != a.Id)) ?? []);
        }

        var groups = new List<(string Id, string? Title, List<StoredArticle> Articles)> { (target.Profile.Id, target.Profile.Title, target.Articles.Concat(moving).ToList()) };
        var emptied = new List<string>();
        foreach (var sourceId in moving.Select(a => a.StoryId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var source = await store.FindStoryAsync(sourceId, cancellationToken).ConfigureAwait(false);
            var left = source?.Articles.Where(a => !moving.Any(m => m.Id == a.Id)).ToList() ?? [];
            if (left.Count == 0)
            {
                emptied.Add(sourceId);
            }
            else
            {
                groups.Add((sourceId, source!.Profile.Title, left));
            }
        }

        await ApplyAsync(
            new StoryCorrection("move", moving[0].StoryId ?? target.Profile.Id, target.Profile.Id, moving.Select(a => a.Id).ToList(), DateTimeOffset.UtcNow),
            groups,
            emptied,
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(target.Profile.Id, null);
    }

    private async Task<(List<StoredArticle> Articles, string? Error)> ResolveAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        if (refs.Count == 0)
        {
            return ([], "name at least one article");
        }

        var articles = new List<StoredArticle>();
        foreach (var r in refs.Distinct(StringComparer.Ordinal))
        {
            var article = await store.FindArticleAsync(r, cancellationToken).ConfigureAwait(false);
            if (article is null)
            {
                return ([], $"no article '{r}'");
            }

            articles.Add(article);
        }

        return (articles, null);
    }

    /// <summary>Rebuilds each story's profile from its articles (oldest first) and stores everything in one transaction.</summary>
    private async Task ApplyAsync(StoryCorrection correction, IReadOnlyList<(string Id, string? Title, List<StoredArticle> Articles)> stories, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        var profiles = new List<StoryProfile>();
        var membership = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, title, articles) in stories)
        {
            var ordered = articles.OrderBy(a => a.Date?.Start ?? DateOnly.MaxValue).ThenBy(a => a.Sequence).ToList();
            var analyzed = ordered.Select(a => analyzer.Analyze(new RawArticle { Ref = a.Ref, Text = a.Text, Title = a.Title, Date = a.Date, Source = a.Source, Lang = a.Lang, Url = a.Url, ExternalId = a.ExternalId })).ToList();
            var (firstTitle, fromHeadline) = IngestPipeline.StoryTitle(analyzed[0]);
            var profile = new StoryProfile { Id = id, Title = title ?? firstTitle, TitleFromHeadline = title is null && fromHeadline };
            foreach (var a in analyzed)
            {
                profile.Add(ArticleFeatures.From(a));
            }

            profiles.Add(profile);
            foreach (var a in ordered)
            {
                membership[a.Id] = id;
            }
        }

        await store.ApplyStoryCorrectionAsync(correction, membership, profiles, removed, cancellationToken).ConfigureAwait(false);
    }
}
