namespace Wuyi.Runtime;

/// <summary>This process's identity among the nodes sharing a database: it names who holds a claim.</summary>
/// <param name="Id">Unique per process start, e.g. <c>host-1234-5f3a</c>.</param>
public sealed record RuntimeNode(string Id)
{
    /// <summary>A fresh identity for this process.</summary>
    public static RuntimeNode ForThisProcess() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
}
