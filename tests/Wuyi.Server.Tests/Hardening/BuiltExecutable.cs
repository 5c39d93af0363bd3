using System.Diagnostics;
using System.Text;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>
/// The built <c>wuyi</c> executable copied out of the repository into a temporary folder (deleted when the run ends),
/// so that nothing it finds can come from the source tree: it runs as a published build or a service unit would.
/// </summary>
internal static class BuiltExecutable
{
    private static readonly Lazy<string> Folder = new(CopyOut, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The copied <c>wuyi.dll</c>.</summary>
    public static string Dll => Path.Combine(Folder.Value, "wuyi.dll");

    /// <summary>Starts <c>dotnet wuyi.dll ARGS</c> in <paramref name="workingDirectory"/>, output captured.</summary>
    public static WuyiProcess Start(string workingDirectory, params string[] args) => StartWith(workingDirectory, [], args);

    /// <summary>Starts <c>dotnet wuyi.dll ARGS</c> in <paramref name="workingDirectory"/> with <paramref name="environment"/> set.</summary>
    public static WuyiProcess StartWith(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Wuyi__StopWhenProcessEnds"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return new WuyiProcess(Process.Start(start)!);
    }

    private static string CopyOut()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var source = FindBuildOutput(configuration);
        var target = Wuyi.Testing.RunFolders.Create("wuyi-exe");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    private static string FindBuildOutput(string configuration)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Wuyi.Server", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(candidate, "wuyi.dll")))
                return candidate;
        }
        throw new InvalidOperationException($"the built wuyi.dll ({configuration}) is not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A running <c>wuyi</c> with its output collected; killed on dispose if still running.</summary>
internal sealed class WuyiProcess : IDisposable
{
    private readonly StringBuilder output = new();

    public WuyiProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await Process.WaitForExitAsync(cancel.Token);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
