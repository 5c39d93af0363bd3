using Microsoft.Extensions.DependencyInjection;

namespace Wuyi.Server.Hosting;

/// <summary>Work done in-process the way an API request does it, for the bench and the demo seed.</summary>
internal static class ServiceRequests
{
    /// <summary>Runs <paramref name="action"/> in a scope of its own, as a request does (the runtime's operations carry out what they caused before they return).</summary>
    public static async Task<T> RunAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider);
        return result;
    }
}
