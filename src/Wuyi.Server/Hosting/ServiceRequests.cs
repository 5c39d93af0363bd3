using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Messages;

namespace Wuyi.Server.Hosting;

/// <summary>Work done in-process the way an API request does it, for the bench and the demo seed.</summary>
internal static class ServiceRequests
{
    /// <summary>Runs <paramref name="action"/> in a scope of its own, then the pending work it left (services, children).</summary>
    public static async Task<T> RunAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<PendingWorkRunner>().RunAsync(cancellationToken);
        return result;
    }
}
