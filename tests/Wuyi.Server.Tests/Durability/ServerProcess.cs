using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Wuyi.Server.Tests.Durability;

/// <summary>
/// The real <c>wuyi serve</c> executable as a child process on a fixed loopback port, so that it can be killed
/// with SIGKILL and started again on the same database and address. Everything it prints is kept (the last
/// lines of every incarnation) for failure messages.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 400;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string database;
    private readonly string name;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string emptyWorkflows;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> problems = new();
    private Process? process;
    private int incarnation;

    private ServerProcess(string name, string database, int port, IReadOnlyDictionary<string, string>? environment)
    {
        this.name = name;
        this.database = database;
        this.environment = environment ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        // An empty workflows folder: the node deploys nothing at start-up but what the test deploys.
        emptyWorkflows = Wuyi.Testing.RunFolders.Create("wuyi-durability");
    }

    /// <summary>The address the node listens on (the same after a restart).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The operating-system id of the running incarnation (part of its runtime node id), or null.</summary>
    public int? Pid => process is { HasExited: false } p ? p.Id : null;

    /// <summary>Whether an incarnation is running (it may not be ready yet).</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>How many times the node was started.</summary>
    public int Incarnations => incarnation;

    /// <summary>Lines the node logged at warning level or above (<c>warn:</c>, <c>fail:</c>, <c>crit:</c>), with their incarnation.</summary>
    public IReadOnlyList<string> Problems => [.. problems];

    /// <summary>Starts a node on a free port and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string name, string database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new ServerProcess(name, database, FreeLoopbackPort(), environment);
        try
        {
            await server.RestartAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Starts a new incarnation (after a kill) on the same database and port, and waits until it is ready
    /// (or, with <paramref name="waitUntilReady"/> false, returns at once: a test may kill it while it starts).</summary>
    public async Task RestartAsync(bool waitUntilReady = true)
    {
        if (IsRunning)
            throw new InvalidOperationException($"{name} is running");
        var number = Interlocked.Increment(ref incarnation);
        var dll = Path.Combine(AppContext.BaseDirectory, "wuyi.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = emptyWorkflows,
        };
        foreach (var argument in (string[])[dll, "serve", "--db", database, "--urls", BaseAddress.ToString().TrimEnd('/')])
            start.ArgumentList.Add(argument);
        start.Environment["Wuyi__Runtime__ClaimDuration"] = "00:00:02";
        start.Environment["Wuyi__Runtime__PollInterval"] = "00:00:00.100";
        start.Environment["Wuyi__WorkflowsDirectory"] = emptyWorkflows;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Wuyi__People__SigningKey"] = TestUsers.SigningKey;
        start.Environment["Wuyi__StopWhenProcessEnds"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var started = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {name}");
        started.OutputDataReceived += (_, e) => Keep(number, e.Data);
        started.ErrorDataReceived += (_, e) => Keep(number, e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        Keep(number, $"--- {name} #{number} started, pid {started.Id}");
        if (waitUntilReady)
            await WaitUntilReadyAsync(started, number);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, in-flight requests and transactions cut off.</summary>
    public void Kill()
    {
        var victim = process;
        if (victim is null || victim.HasExited)
            return;
        victim.Kill(entireProcessTree: true);
        victim.WaitForExit(10_000);
        Keep(incarnation, $"--- {name} #{incarnation} killed (SIGKILL)");
    }

    /// <summary>The last lines the node printed, for a failure message.</summary>
    public string Tail(int lines = 60) => $"[{name} output, last {lines} lines]\n" + string.Join('\n', output.TakeLast(lines));

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        try { Directory.Delete(emptyWorkflows, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    private async Task WaitUntilReadyAsync(Process started, int number)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (started.HasExited)
                throw new InvalidOperationException($"{name} #{number} exited with {started.ExitCode} before it was ready\n{Tail()}");
            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} #{number} was not ready within {ReadyTimeout.TotalSeconds} s (last: {last})\n{Tail()}");
    }

    private void Keep(int number, string? line)
    {
        if (line is null)
            return;
        var kept = $"#{number} {line}";
        output.Enqueue(kept);
        while (output.Count > KeptLines)
            output.TryDequeue(out _);
        // The console logger writes "[timestamp ]warn: Category[id] message" on one line.
        var head = line.Length > 40 ? line[..40] : line;
        if (head.Contains("warn:", StringComparison.Ordinal) || head.Contains("fail:", StringComparison.Ordinal)
            || head.Contains("crit:", StringComparison.Ordinal))
            problems.Enqueue($"{name} {kept}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
