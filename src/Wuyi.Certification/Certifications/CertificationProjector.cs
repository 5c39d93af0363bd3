using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Runs <see cref="CertificationProjection"/> in the background on every node, so the <c>certifications</c> table
/// follows transitions that no read has caught up with yet (timers, task completions, fan-outs). Stateless between
/// rounds, like the runtime's loop: any number of nodes can run it side by side.
/// </summary>
internal sealed class CertificationProjector(IServiceScopeFactory scopes, IOptions<CertificationOptions> options, ILogger<CertificationProjector> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.ProjectionInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CertificationProjection>().CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Projecting certification statuses failed; the next round tries again");
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }
}
