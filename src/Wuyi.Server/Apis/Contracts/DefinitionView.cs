using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>One deployed version of a process.</summary>
/// <param name="Key">The process id in the BPMN document.</param>
/// <param name="Version">1, 2, 3… per key.</param>
/// <param name="Name">The process's name from the model.</param>
/// <param name="Hash">SHA-256 of the deployed XML.</param>
/// <param name="DeployedBy">Who deployed it.</param>
/// <param name="DeployedAt">When.</param>
public sealed record DefinitionView(string Key, int Version, string? Name, string Hash, string DeployedBy, DateTimeOffset DeployedAt)
{
    internal static DefinitionView Of(DefinitionRecord d) => new(d.Key, d.Version, d.Name, d.Hash, d.DeployedBy, d.DeployedAt);
}
