namespace Wuyi.Certification.Certifications;

/// <summary>Settings of certifications, section <c>Wuyi:Certification</c>.</summary>
public sealed class CertificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Certification";

    /// <summary>Time between scheduled spot-checks (ISO 8601 days, e.g. <c>P30D</c>); the first comes at a random offset in (0, interval].</summary>
    public string SpotCheckInterval { get; set; } = "P30D";

    /// <summary>The mode of scheduled spot-checks: <c>open</c> (明查) or <c>covert</c> (暗访).</summary>
    public string SpotCheckMode { get; set; } = "covert";

    /// <summary>How often (real time) each node brings the <c>certifications</c> table up to date in the background;
    /// lists and the registry also catch up before they read.</summary>
    public TimeSpan ProjectionInterval { get; set; } = TimeSpan.FromSeconds(1);
}
