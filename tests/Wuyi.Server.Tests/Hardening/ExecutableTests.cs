using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>
/// Issue 10, items 8 and 9: the built executable, run from an empty folder far from the source tree, finds the
/// shipped models (they are inside it); and a killed process leaves no PostgreSQL cluster behind.
/// </summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Serve_FromAnEmptyFolder_DeploysTheShippedModelsAndSeedsTheDemo()
    {
        using var folder = new TemporaryDirectory();
        var port = FreePort();
        using var wuyi = BuiltExecutable.Start(folder.Path, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await WaitUntilReadyAsync(client, wuyi);
        // Signed in as the demo administrator, with the password the README gives.
        var token = await client.PostAsync("/api/auth/token", new { userName = "admin", password = "Wuyi-demo-2026" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.JsonAsync()).Str("accessToken"));

        var definitions = (await client.GetJsonAsync("/api/definitions")).EnumerateArray().Select(d => d.Str("key")).ToList();
        Assert.Contains("certification", definitions);
        Assert.Contains("rectification", definitions);
        var demo = await client.GetJsonAsync("/api/instances?processKey=certification");
        Assert.Equal(6, demo.GetProperty("total").GetInt32());
        Assert.Contains("Deployed certification version 1 from certification.bpmn in the executable", wuyi.Output);
        Assert.DoesNotContain("Exception", wuyi.Output);
        Assert.True(File.Exists(Path.Combine(folder.Path, ".data", "wuyi.db")), "the embedded database is not in the working folder's .data");
    }

    [Fact]
    public async Task Serve_WorkflowsFolderConfigured_DeploysFromItInstead()
    {
        using var folder = new TemporaryDirectory();
        var models = Directory.CreateDirectory(Path.Combine(folder.Path, "models")).FullName;
        await File.WriteAllTextAsync(Path.Combine(models, "review.bpmn"), ApiModels.Review);
        var port = FreePort();
        using var configured = BuiltExecutable.StartWith(folder.Path, new() { ["Wuyi__WorkflowsDirectory"] = "models", ["Wuyi__Demo"] = "false", ["Wuyi__People__SigningKey"] = TestUsers.SigningKey },
            "serve", "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await WaitUntilReadyAsync(client, configured);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.TokenForProcessAsync(
            new Wuyi.People.Access.Caller("admin", null, [new Wuyi.People.Access.Grant(Wuyi.People.Access.Roles.Administrator, "46")])));

        var definitions = (await client.GetJsonAsync("/api/definitions")).EnumerateArray().Select(d => d.Str("key")).ToList();
        Assert.Equal(["review"], definitions);
        Assert.Contains($"Deployed review version 1 from review.bpmn in {models}", configured.Output);
    }

    [Fact]
    public async Task Serve_TheProcessThatStartedItEnds_StopsItself()
    {
        using var folder = new TemporaryDirectory();
        using var starter = Process.Start(new ProcessStartInfo("sleep", ["600"]) { UseShellExecute = false })!;
        var port = FreePort();
        using var wuyi = BuiltExecutable.StartWith(folder.Path,
            new() { ["Wuyi__StopWhenProcessEnds"] = starter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Wuyi__Demo"] = "false" },
            "serve", "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(client, wuyi);
        Assert.False(wuyi.Process.HasExited);

        starter.Kill();
        await starter.WaitForExitAsync();

        Assert.Equal(0, await wuyi.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Process {starter.Id} that started this service has ended: stopping.", wuyi.Output);
    }

    [Fact]
    public async Task BenchHelp_FromAnEmptyFolder_Succeeds()
    {
        using var folder = new TemporaryDirectory();
        using var wuyi = BuiltExecutable.Start(folder.Path, "bench", "--help");

        Assert.Equal(0, await wuyi.ExitCodeAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("--only", wuyi.Output);
    }

    [Fact]
    public async Task Bench_TinyCertificationFromAnEmptyFolder_Succeeds()
    {
        using var folder = new TemporaryDirectory();
        using var wuyi = BuiltExecutable.Start(folder.Path, "bench", "--only", "certification", "--instances", "6", "--no-docs",
            "--parallelism", "2", "--db", PostgresServer.Instance.AdminConnectionString);

        Assert.True(await wuyi.ExitCodeAsync(TimeSpan.FromMinutes(8)) == 0, wuyi.Output);
        Assert.Contains("certification", wuyi.Output);
        Assert.DoesNotContain("not found", wuyi.Output);
    }

    [Fact]
    public async Task PrivatePostgres_OwnerKilledDuringInitdb_FolderRemoved()
    {
        using var folder = new TemporaryDirectory();
        using var wuyi = BuiltExecutable.Start(folder.Path, "bench", "--only", "certification", "--instances", "2", "--no-docs");
        var owner = wuyi.Process.Id;
        var cluster = await WaitForAsync(() => Directory.GetDirectories(Path.GetTempPath(), $"wuyi-bench-pg-{owner}-*").FirstOrDefault(),
            TimeSpan.FromMinutes(3), wuyi);

        wuyi.Process.Kill();
        await wuyi.Process.WaitForExitAsync();

        // initdb runs on after its parent is killed (a single-user server that pg_ctl cannot stop); the reaper waits
        // for it, which on a loaded machine takes a while.
        await WaitForAsync(() => Directory.Exists(cluster) ? null : "gone", TimeSpan.FromMinutes(4), null);
        Assert.False(PostgresRunsIn(cluster), $"a postgres process still runs in {cluster}");
    }

    [Fact]
    public async Task PrivatePostgres_OwnerKilled_ClusterStoppedAndFolderRemoved()
    {
        using var folder = new TemporaryDirectory();
        using var wuyi = BuiltExecutable.Start(folder.Path, "bench", "--only", "certification", "--instances", "2", "--no-docs");
        var owner = wuyi.Process.Id;
        // Killed while its cluster runs (server.log is pg_ctl's): initdb's own lock file comes earlier.
        var cluster = await WaitForAsync(() => Directory.GetDirectories(Path.GetTempPath(), $"wuyi-bench-pg-{owner}-*")
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "server.log")) && File.Exists(Path.Combine(d, "data", "postmaster.pid"))),
            TimeSpan.FromMinutes(3), wuyi);

        wuyi.Process.Kill(); // SIGKILL: no clean-up of its own runs
        await wuyi.Process.WaitForExitAsync();

        await WaitForAsync(() => Directory.Exists(cluster) ? null : "gone", TimeSpan.FromSeconds(90), null);
        Assert.False(PostgresRunsIn(cluster), $"a postgres process still runs in {cluster}");
    }

    private static bool PostgresRunsIn(string folder) =>
        Process.GetProcessesByName("postgres").Any(p =>
        {
            try { return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(folder, StringComparison.Ordinal); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });

    private static async Task<string> WaitForAsync(Func<string?> probe, TimeSpan timeout, WuyiProcess? process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (probe() is { } found)
                return found;
            if (process is { Process.HasExited: true })
                Assert.Fail($"wuyi ended early ({process.Process.ExitCode}): {process.Output}");
            await Task.Delay(200);
        }
        Assert.Fail($"not within {timeout}: {process?.Output}");
        return "";
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, WuyiProcess wuyi)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (wuyi.Process.HasExited)
                Assert.Fail($"wuyi serve ended ({wuyi.Process.ExitCode}): {wuyi.Output}");
            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        Assert.Fail($"wuyi serve was not ready within 3 minutes: {wuyi.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
