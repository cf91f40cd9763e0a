using System.Runtime.ExceptionServices;

namespace Chorus.Core.Ingest;

/// <summary>
/// Runs the stages of a pipeline side by side. When one fails, the others are cancelled (so none waits forever on
/// a channel the failed one no longer serves), and the first failure is what the caller sees, not the cancellations
/// it caused.
/// </summary>
internal static class StageGroup
{
    public static async Task RunAsync(CancellationToken cancellationToken, params Func<CancellationToken, Task>[] stages)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? first = null;
        var running = new Task[stages.Length];
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = stages[i];
            running[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        await stage(stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        if (e is not OperationCanceledException)
                        {
                            Interlocked.CompareExchange(ref first, e, null);
                        }

                        await stop.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch
        {
            // The stage that failed first on its own account, else the caller's cancellation.
            if (Volatile.Read(ref first) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }
}
