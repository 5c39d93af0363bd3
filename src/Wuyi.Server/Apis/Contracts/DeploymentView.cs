namespace Wuyi.Server.Apis.Contracts;

/// <summary>What a deployment did. <see cref="Key"/> and <see cref="Version"/> are the first process's; a
/// document with several executable processes lists them all in <see cref="Versions"/>.</summary>
/// <param name="Key">The (first) process key.</param>
/// <param name="Version">Its version.</param>
/// <param name="Versions">Every executable process in the document, with its version.</param>
public sealed record DeploymentView(string Key, int Version, IReadOnlyList<DeployedVersionView> Versions);
