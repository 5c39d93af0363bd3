using Microsoft.Extensions.DependencyInjection;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

/// <summary>Starts the server for API tests: only the models a test deploys (no shipped workflows), optionally on the manual clock.</summary>
internal static class ApiServer
{
    private static readonly string NoWorkflows = EmptyFolder();

    public static Task<WuyiServer> StartAsync(TestDatabase database, bool manualClock = false, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["Wuyi:WorkflowsDirectory"] = NoWorkflows };
        if (manualClock)
        {
            all["Wuyi:Clock"] = "manual";
            all["Wuyi:ManualClockStart"] = "2022-08-24T09:00:00+08:00";
        }
        return WuyiServer.StartAsync(database.Setting, settings: all, configure: configure);
    }

    // One empty folder for the whole run, removed when the run ends (the suite leaves nothing in /tmp).
    private static string EmptyFolder() => RunFolders.Create("wuyi-no-workflows");
}
