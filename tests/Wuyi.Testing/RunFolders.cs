using System.Diagnostics;

namespace Wuyi.Testing;

/// <summary>
/// Temporary folders that live as long as the test run: named after the run's process, deleted when it exits, and
/// swept by a later run when it did not get to (a test host that is killed, or ended before its exit handlers).
/// </summary>
public static class RunFolders
{
    /// <summary>Creates <c>/tmp/PREFIX-PID-RANDOM</c>, after deleting older ones whose process is gone.</summary>
    public static string Create(string prefix)
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), prefix + "-*"))
            if (int.TryParse(Path.GetFileName(old)[(prefix.Length + 1)..].Split('-')[0], out var pid) && !IsAlive(pid))
                TryDelete(old);
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* in use or gone: the next run sweeps it */ }
        catch (UnauthorizedAccessException) { /* the next run sweeps it */ }
    }
}
