namespace Wuyi.Server.Apis.Contracts;

/// <summary>One process of a deployment.</summary>
/// <param name="Key">The process key.</param>
/// <param name="Version">Its version.</param>
/// <param name="Created">False when the same XML was deployed before and this is that version.</param>
public sealed record DeployedVersionView(string Key, int Version, bool Created);
