using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Wuyi.Console.Tests;

/// <summary>
/// A real <c>wuyi serve</c> process (the build output's wuyi.dll, with the console in its wwwroot) on SQLite in a
/// throwaway folder, with the demo data, on a free loopback port.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private ConsoleServer(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<ConsoleServer> StartAsync()
    {
        var wuyi = Path.Combine(AppContext.BaseDirectory, "wuyi.dll");
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")))
            throw new InvalidOperationException("The console is not built (wwwroot/index.html missing): build src/Wuyi.Server with npm on PATH.");
        var folder = Wuyi.Testing.RunFolders.Create("wuyi-console");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { wuyi, "serve", "--db", $"sqlite:{Path.Combine(folder, "wuyi.db")}", "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Wuyi__Demo"] = "true";
        start.Environment["Wuyi__DataDirectory"] = folder;
        start.Environment["Wuyi__StopWhenProcessEnds"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ConsoleServer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilSeededAsync();
        return server;
    }

    // The demo seeds six certifications before serving; the registry answering with two certified means it is done.
    private async Task WaitUntilSeededAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"wuyi serve exited with {process.ExitCode}");
            try
            {
                using var response = await Http.GetAsync("/api/public/registry");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    if (json.RootElement.GetProperty("certified").GetInt32() >= 2)
                        return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("wuyi serve did not come up with its demo data within 120 s");
    }

    /// <summary>Whether the server has sign-in (the people module): GET /api/auth/me answers anything but 404.</summary>
    public async Task<bool> HasSignInAsync()
    {
        using var response = await Http.GetAsync("/api/auth/me");
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // SQLite may hold the file a moment longer
    }
}
