namespace Wuyi.Certification.Certifications;

/// <summary>Settings of certifications, section <c>Wuyi:Certification</c>.</summary>
public sealed class CertificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Certification";

    /// <summary>Time between scheduled spot-checks (ISO 8601 days, e.g. <c>P30D</c>) until an administrator sets a policy;
    /// the first comes at a random offset in (0, interval].</summary>
    public string SpotCheckInterval { get; set; } = "P30D";

    /// <summary>The mode of scheduled spot-checks until an administrator sets a policy: <c>open</c> (明查) or <c>covert</c>
    /// (暗访), i.e. a covert share of 0 or 1 unless <see cref="SpotCheckCovertShare"/> is given.</summary>
    public string SpotCheckMode { get; set; } = "covert";

    /// <summary>The share of scheduled spot-checks drawn covert until an administrator sets a policy (0 to 1).</summary>
    public double? SpotCheckCovertShare { get; set; }

    /// <summary>When the current outbreak began (the programme's start): a county with an infection recorded since then
    /// and no dynamic-zero declaration after it has had an outbreak. Default 1 August 2022, China time.</summary>
    public DateTimeOffset ProgrammeStart { get; set; } = new(2022, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>How often (real time) each node brings the <c>certifications</c> table up to date in the background;
    /// lists and the registry also catch up before they read.</summary>
    public TimeSpan ProjectionInterval { get; set; } = TimeSpan.FromSeconds(1);
}
