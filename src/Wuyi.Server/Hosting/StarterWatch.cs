using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Stops the service when the process named by <see cref="WuyiSettings.StopWhenProcessEnds"/> has ended. A test host
/// that is killed runs no clean-up of its own; the servers it started notice within a second and stop themselves.
/// </summary>
internal sealed class StarterWatch(WuyiSettings settings, IHostApplicationLifetime lifetime, ILogger<StarterWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.StopWhenProcessEnds is not { } pid)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (IsAlive(pid) && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
        }
        if (stoppingToken.IsCancellationRequested)
            return;
        log.LogWarning("Process {Pid} that started this service has ended: stopping.", pid);
        lifetime.StopApplication();
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
