namespace Wuyi.Certification.Areas;

/// <summary>A residential compound (小区) registered under a community; its code is the community's plus a 3-digit suffix.</summary>
public sealed class Compound
{
    /// <summary>The compound's code: the community's 12 digits and a suffix, e.g. <c>460105001001001</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The name, e.g. 海景花园.</summary>
    public required string Name { get; init; }

    /// <summary>The community it belongs to.</summary>
    public required string CommunityCode { get; init; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Who registered it.</summary>
    public required string RegisteredBy { get; init; }
}
