namespace Wuyi.Certification.Signals;

/// <summary>One epidemic signal from a health-department system, as <c>POST /api/signals</c> takes it.</summary>
/// <param name="Id">The sender's id: the same id again changes nothing.</param>
/// <param name="Type">One of <see cref="SignalTypes"/>.</param>
/// <param name="AreaCode">The area it concerns (or <paramref name="RegionCode"/>).</param>
/// <param name="RegionCode">A region: the signal concerns every area under it (a county for dynamic zero).</param>
/// <param name="OccurredAt">When it happened; never in the future.</param>
/// <param name="Reference">The health department's reference (a clearance names the contact it clears).</param>
/// <param name="Kind">For an obstruction: one of <see cref="SignalTypes.ObstructionKinds"/>.</param>
/// <param name="Passed">For an inspection result: passed or failed.</param>
/// <param name="Findings">For a failed inspection: findings per criterion, passed on to the rectification.</param>
/// <param name="ZoneLevel">For a risk zone change: the zone the areas lie in now, one of <see cref="Epidemic.RiskZones.All"/>.</param>
public sealed record EpidemicSignal(string? Id, string? Type, string? AreaCode, string? RegionCode, DateTimeOffset? OccurredAt,
    string? Reference, string? Kind = null, bool? Passed = null, IReadOnlyDictionary<string, string>? Findings = null, string? ZoneLevel = null);
