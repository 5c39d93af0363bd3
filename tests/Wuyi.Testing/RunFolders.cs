using System.Diagnostics;

namespace Wuyi.Testing;

/// <summary>
/// Temporary folders that live as long as the test run: named after the run's process and removed by a small reaper
/// process once that process has ended — also when the test host is killed, which runs no exit handlers (vstest ends
/// its test hosts that way after a run).
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
        StartReaper(folder); // before the folder exists: no moment is uncovered
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes a folder now if it can (a file may still be open); its reaper removes what is left.</summary>
    public static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* in use or gone: the reaper or the next run removes it */ }
        catch (UnauthorizedAccessException) { /* the reaper or the next run removes it */ }
    }

    private static void StartReaper(string folder)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; rm -rf '{folder}'";
        try
        {
            using var reaper = Process.Start(new ProcessStartInfo("setsid", ["-f", "sh", "-c", script]) { UseShellExecute = false });
            reaper?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid (not Linux): the next run sweeps what this one left.
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}
