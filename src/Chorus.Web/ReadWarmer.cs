using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chorus.Web;

/// <summary>
/// Makes, once as the server starts, what its reads keep in memory (<see cref="StoreGate.WarmReadsAsync"/>), unless
/// <see cref="ChorusWebOptions.WarmReads"/> is off. A failure leaves each thing to the first request that needs it.
/// </summary>
public sealed class ReadWarmer(StoreGate gate, IOptions<ChorusWebOptions> options, ILogger<ReadWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmReads)
        {
            return;
        }

        // Off the host's start: the server listens while this runs.
        await Task.Yield();
        try
        {
            await gate.WarmReadsAsync(stoppingToken).ConfigureAwait(false);
            log.LogInformation("reads warm in {Seconds:0.0} s", gate.ReadsWarmedIn?.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The store may be busy, gone or not yet made: the first requests then make what they need, as without this.
            log.LogWarning("reads not warmed: {Error}", e.Message);
        }
    }
}
