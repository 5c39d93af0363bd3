using System.Runtime;
using System.Runtime.InteropServices;

namespace Wuyi.Server.Bench;

/// <summary>The machine a bench ran on.</summary>
internal sealed record MachineInfo(int Processors, string CpuModel, long MemoryBytes, string OperatingSystem, string Runtime, string GarbageCollector)
{
    public static MachineInfo Read() => new(Environment.ProcessorCount, ReadCpuModel(), ReadMemoryBytes(), RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription, GCSettings.IsServerGC ? "server" : "workstation");

    public string Describe() =>
        $"{Processors} CPUs ({CpuModel}), {MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB RAM, {OperatingSystem}, {Runtime}, {GarbageCollector} GC";

    private static string ReadCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static long ReadMemoryBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        }
    }
}
