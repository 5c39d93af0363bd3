namespace Wuyi.Console.Tests;

/// <summary>A server of its own for a test class whose scenario changes the demo data; started on first use only,
/// so a class whose scenarios are all skipped starts nothing.</summary>
public sealed class PrivateServer : IAsyncLifetime
{
    private ConsoleServer? server;

    public async Task<ConsoleServer> GetAsync() => server ??= await ConsoleServer.StartAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
