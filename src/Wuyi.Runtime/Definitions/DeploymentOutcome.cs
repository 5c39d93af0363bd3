using System.Collections.Immutable;
using Wuyi.Engine.Model;

namespace Wuyi.Runtime.Definitions;

/// <summary>What a deployment did: the versions, or the problems that stopped it.</summary>
/// <param name="Versions">One per executable process in the document.</param>
/// <param name="Problems">The model's problems; when any, nothing was deployed.</param>
public sealed record DeploymentOutcome(IReadOnlyList<DeployedVersion> Versions, ImmutableArray<ModelProblem> Problems)
{
    /// <summary>True when the document was valid.</summary>
    public bool Success => Problems.IsDefaultOrEmpty;
}

/// <summary>One deployed version.</summary>
/// <param name="Key">The process key.</param>
/// <param name="Version">The version number.</param>
/// <param name="DefinitionId">The version's row id.</param>
/// <param name="Created">False when the same XML was deployed before and this is that version.</param>
public sealed record DeployedVersion(string Key, int Version, long DefinitionId, bool Created);
