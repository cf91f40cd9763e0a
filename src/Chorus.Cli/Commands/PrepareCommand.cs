using Chorus.Core.Contracts;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Spectre.Console;

namespace Chorus.Cli.Commands;

/// <summary>
/// <c>./chorus prepare</c>: builds and keeps the document of every story that has none current, so that
/// <c>story ID --json</c> and the API read it instead of comparing the story's sources on the first visit.
/// </summary>
internal static class PrepareCommand
{
    private const int Page = 256;

    public static async Task<int> RunAsync(CliContext ctx, string dbPath, int workers, int limit, bool json, CancellationToken ct)
    {
        if (limit < 0)
        {
            throw new UsageException($"--limit {limit}: give a number of stories, or 0 for every story");
        }

        workers = Math.Clamp(workers, 1, 64);
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var started = System.Diagnostics.Stopwatch.StartNew();
        StoryDocumentPreparation preparation = null!;
        if (ctx.Interactive && !json)
        {
            var total = (await workspace.Store.StoriesWithoutDocumentAsync(ChorusQueries.DocumentBuild, null, int.MaxValue, ct).ConfigureAwait(false)).Count;
            await ctx.Err.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progressContext =>
                {
                    var task = progressContext.AddTask("preparing story documents", maxValue: Math.Max(1, limit > 0 ? Math.Min(limit, total) : total));
                    preparation = await PrepareAsync(workspace, workers, limit, () => task.Increment(1), ct).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
        }
        else
        {
            preparation = await PrepareAsync(workspace, workers, limit, null, ct).ConfigureAwait(false);
        }

        var seconds = started.Elapsed.TotalSeconds;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new
            {
                kept = preparation.Kept,
                notKept = preparation.NotKept,
                failed = preparation.Failed,
                failures = preparation.Failures.Select(f => new { story = f.StoryId, error = f.Error }),
                seconds = Math.Round(seconds, 1),
            })).ConfigureAwait(false);
        }
        else
        {
            ctx.Err.MarkupLineInterpolated($"kept {preparation.Kept:N0} story documents in {seconds:N1} s ({workers} workers); {preparation.NotKept:N0} stories changed while being built, {preparation.Failed:N0} failed (run again to retry them)");
            foreach (var (story, error) in preparation.Failures)
            {
                ctx.Err.MarkupLineInterpolated($"[red]story {story}[/]: {error}");
            }
        }

        return preparation.Failed > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>
    /// Builds and keeps the documents of every story without a current one (at most <paramref name="limit"/>; 0: all),
    /// <paramref name="workers"/> at a time, each on a connection of its own; <paramref name="done"/> hears of each story.
    /// </summary>
    internal static async Task<StoryDocumentPreparation> PrepareAsync(ChorusWorkspace workspace, int workers, int limit, Action? done, CancellationToken ct)
    {
        var readers = new List<ChorusWorkspace>();
        try
        {
            for (var i = 1; i < workers; i++)
            {
                readers.Add(await ChorusWorkspace.OpenReaderAsync(workspace, ct).ConfigureAwait(false));
            }

            var pool = new System.Collections.Concurrent.ConcurrentBag<ChorusQueries>([new ChorusQueries(workspace), .. readers.Select(r => new ChorusQueries(r))]);
            var preparation = new StoryDocumentPreparation();
            int Tried() => preparation.Kept + preparation.NotKept + preparation.Failed;
            while (limit <= 0 || Tried() < limit)
            {
                var ids = await preparation.NextAsync(workspace.Store, limit <= 0 ? Page : Math.Min(Page, limit - Tried()), ct).ConfigureAwait(false);
                if (ids.Count == 0)
                {
                    break;
                }

                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (id, token) =>
                {
                    pool.TryTake(out var queries);
                    try
                    {
                        await preparation.PrepareAsync(queries!, id, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        pool.Add(queries!);
                    }

                    done?.Invoke();
                }).ConfigureAwait(false);
            }

            return preparation;
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
