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
    public Task<CorrectionOutcome> SplitAsync(string storyId, IReadOnlyList<string> articleRefs, CancellationToken cancellationToken = default)
        => UnderWriteLockAsync(() => SplitLockedAsync(storyId, articleRefs, cancellationToken), cancellationToken);

    public Task<CorrectionOutcome> MergeAsync(string keptStoryId, string mergedStoryId, CancellationToken cancellationToken = default)
        => UnderWriteLockAsync(() => MergeLockedAsync(keptStoryId, mergedStoryId, cancellationToken), cancellationToken);

    public Task<CorrectionOutcome> MoveAsync(IReadOnlyList<string> articleRefs, string targetStoryId, CancellationToken cancellationToken = default)
        => UnderWriteLockAsync(() => MoveLockedAsync(articleRefs, targetStoryId, cancellationToken), cancellationToken);

    public Task<CorrectionOutcome> UndoAsync(long? seq, CancellationToken cancellationToken = default)
        => UnderWriteLockAsync(() => UndoLockedAsync(seq, cancellationToken), cancellationToken);

    /// <summary>Called once, with who holds the store's write lock, when a correction has to wait for another writer.</summary>
    public Action<string>? WaitingForWriter { get; init; }

    // A correction reads the stories it changes and writes them back: the whole of it holds the store's write lock.
    private async Task<CorrectionOutcome> UnderWriteLockAsync(Func<Task<CorrectionOutcome>> correct, CancellationToken cancellationToken)
    {
        var writing = await store.LockForWritingAsync("correction", WaitingForWriter, cancellationToken).ConfigureAwait(false);
        await using (writing.ConfigureAwait(false))
        {
            return await correct().ConfigureAwait(false);
        }
    }

    private async Task<CorrectionOutcome> SplitLockedAsync(string storyId, IReadOnlyList<string> articleRefs, CancellationToken cancellationToken)
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
            new StoryCorrection(StoryCorrectionKind.Split, story.Profile.Id, newId, [.. moved], DateTimeOffset.UtcNow, moved.ToDictionary(a => a, _ => story.Profile.Id, StringComparer.Ordinal)),
            [(story.Profile.Id, story.Profile.Title, staying), (newId, null, leaving)],
            [],
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(newId, null);
    }

    private async Task<CorrectionOutcome> MergeLockedAsync(string keptStoryId, string mergedStoryId, CancellationToken cancellationToken)
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
            new StoryCorrection(StoryCorrectionKind.Merge, merged.Profile.Id, kept.Profile.Id, merged.Articles.Select(a => a.Id).ToList(), DateTimeOffset.UtcNow, merged.Articles.ToDictionary(a => a.Id, _ => merged.Profile.Id, StringComparer.Ordinal)),
            [(kept.Profile.Id, kept.Profile.Title, kept.Articles.Concat(merged.Articles).ToList())],
            [merged.Profile.Id],
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(kept.Profile.Id, null);
    }

    private async Task<CorrectionOutcome> MoveLockedAsync(IReadOnlyList<string> articleRefs, string targetStoryId, CancellationToken cancellationToken)
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
            new StoryCorrection(StoryCorrectionKind.Move, moving[0].StoryId ?? target.Profile.Id, target.Profile.Id, moving.Select(a => a.Id).ToList(), DateTimeOffset.UtcNow, moving.Where(a => a.StoryId is not null).ToDictionary(a => a.Id, a => a.StoryId!, StringComparer.Ordinal)),
            groups,
            emptied,
            cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(target.Profile.Id, null);
    }

    /// <summary>
    /// Takes back a correction (the newest one in force when <paramref name="seq"/> is null): the articles it moved
    /// that are still where it put them go back to the stories they came from, which come back if it removed them,
    /// and near-copies of them ingested since go along; other articles that later ingests added stay where they are. Refused while a later correction in force touches the
    /// same stories. Returns the story the articles are back in.
    /// </summary>
    private async Task<CorrectionOutcome> UndoLockedAsync(long? seq, CancellationToken cancellationToken)
    {
        var log = await store.AllStoryCorrectionsAsync(cancellationToken).ConfigureAwait(false);
        var correction = seq is null ? log.FirstOrDefault(c => c.UndoneAt is null) : log.FirstOrDefault(c => c.Seq == seq);
        if (correction is null)
        {
            return CorrectionOutcome.Failed(seq is null ? "no story correction to undo" : $"no story correction #{seq}");
        }

        if (correction.UndoneAt is not null)
        {
            return CorrectionOutcome.Failed($"story correction #{correction.Seq} was undone already");
        }

        var touched = Stories(correction);
        if (log.FirstOrDefault(c => c.Seq > correction.Seq && c.UndoneAt is null && Stories(c).Overlaps(touched)) is { } later)
        {
            return CorrectionOutcome.Failed($"story correction #{later.Seq} ({StoryCorrectionKinds.Name(later.Kind)}) came later and touches the same stories: undo it first");
        }

        var target = await store.FindStoryAsync(correction.TargetId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return CorrectionOutcome.Failed($"story '{correction.TargetId}' is gone");
        }

        var returning = target.Articles.Where(a => correction.Articles.Contains(a.Id, StringComparer.Ordinal)).ToList();

        // Near-copies ingested since go back with their original: they are one source.
        var back = returning.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var copies = target.Articles.Where(a => !back.Contains(a.Id) && a.DuplicateOf is { } d && back.Contains(d)).ToList();
        var previousOf = returning.ToDictionary(a => a.Id, a => correction.PreviousStory(a.Id), StringComparer.Ordinal);
        foreach (var copy in copies)
        {
            previousOf[copy.Id] = previousOf[copy.DuplicateOf!];
        }

        returning.AddRange(copies);
        if (returning.Count == 0)
        {
            return CorrectionOutcome.Failed($"none of the articles of story correction #{correction.Seq} is still in story '{target.Profile.Id}'");
        }

        var groups = new List<(string Id, string? Title, List<StoredArticle> Articles)>();
        var restored = new List<string>();
        foreach (var group in returning.GroupBy(a => previousOf[a.Id], StringComparer.Ordinal))
        {
            // A story the correction removed leads to the target now; then it comes back with only these articles.
            var existing = await store.FindStoryAsync(group.Key, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Profile.Id == group.Key)
            {
                groups.Add((group.Key, existing.Profile.Title, [.. existing.Articles, .. group]));
            }
            else
            {
                groups.Add((group.Key, null, [.. group]));
                restored.Add(group.Key);
            }
        }

        var staying = target.Articles.Except(returning).ToList();
        var removed = new List<(string, string)>();
        if (staying.Count > 0)
        {
            groups.Add((target.Profile.Id, target.Profile.Title, staying));
        }
        else
        {
            removed.Add((target.Profile.Id, groups[0].Id));
        }

        var (profiles, membership) = Rebuild(groups);
        await store.UndoStoryCorrectionAsync(correction.Seq, membership, profiles, restored, removed, cancellationToken).ConfigureAwait(false);
        return new CorrectionOutcome(groups[0].Id, null);

        static HashSet<string> Stories(StoryCorrection c)
            => [c.StoryId, c.TargetId, .. c.Previous?.Values ?? []];
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

    /// <summary>Stores a correction with the rebuilt profiles of the stories it touches, in one transaction.</summary>
    private async Task ApplyAsync(StoryCorrection correction, IReadOnlyList<(string Id, string? Title, List<StoredArticle> Articles)> stories, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        var (profiles, membership) = Rebuild(stories);
        await store.ApplyStoryCorrectionAsync(correction, membership, profiles, removed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each story's profile rebuilt from its articles (oldest first), and where each article now is.</summary>
    private (List<StoryProfile> Profiles, Dictionary<string, string> Membership) Rebuild(IReadOnlyList<(string Id, string? Title, List<StoredArticle> Articles)> stories)
    {
        var profiles = new List<StoryProfile>();
        var membership = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, title, articles) in stories)
        {
            var ordered = articles.OrderBy(a => a.Date?.Start ?? DateOnly.MaxValue).ThenBy(a => a.Sequence).ToList();
            var analyzed = ordered.Select(a => analyzer.Analyze(new RawArticle { Ref = a.Ref, Text = a.Text, Title = a.Title, Date = a.Date, Source = a.Source, Lang = a.Lang, Url = a.Url, ExternalId = a.ExternalId })).ToList();
            var (firstTitle, fromHeadline) = StoryTitle.Of(analyzed[0]);
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

        return (profiles, membership);
    }
}
