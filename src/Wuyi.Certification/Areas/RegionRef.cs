namespace Wuyi.Certification.Areas;

/// <summary>A region on an area's path.</summary>
/// <param name="Code">The region code.</param>
/// <param name="Name">Its Chinese name.</param>
public sealed record RegionRef(string Code, string Name);
