using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Expressions;

namespace Wuyi.Certification.Inspections;

/// <summary>
/// The inspection policy (督查): administrators set it; a certification takes the interval and its first-check offset from
/// the policy in force when it is applied for, and each scheduled check draws its mode from the covert share in force
/// when the check falls due. Until an administrator sets one, the settings (<c>Wuyi:Certification</c>) apply.
/// </summary>
public sealed class InspectionPolicies(CertificationDbContext db, IOptions<CertificationOptions> options, TimeProvider clock)
{
    /// <summary>The longest interval or first-check range, in days.</summary>
    public const int MaxDays = 3650;

    /// <summary>The policy in force.</summary>
    public async Task<InspectionPolicyView> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await db.InspectionPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == InspectionPolicy.Current, cancellationToken);
        if (stored is not null)
            return new InspectionPolicyView(stored.Interval, stored.CovertShare, stored.FirstCheckWithin, stored.UpdatedAt, stored.UpdatedBy);
        var settings = options.Value;
        var share = settings.SpotCheckCovertShare ?? (settings.SpotCheckMode == "open" ? 0.0 : 1.0);
        return new InspectionPolicyView(settings.SpotCheckInterval, share, settings.SpotCheckInterval, null, null);
    }

    /// <summary>Sets the policy; refused (nothing written) when a field is out of range.</summary>
    public async Task<InspectionPolicyChange> SetAsync(InspectionPolicySettings settings, string actor, CancellationToken cancellationToken)
    {
        if (Days(settings.Interval) is not { } interval || interval > MaxDays)
            return Refused($"interval must be a whole number of days from P1D to P{MaxDays}D (ISO 8601), not '{settings.Interval}'.");
        if (settings.CovertShare is not { } share || share is < 0 or > 1 || double.IsNaN(share))
            return Refused($"covertShare must be a number from 0 (all open, 明查) to 1 (all covert, 暗访), not {Text(settings.CovertShare)}.");
        var within = settings.FirstCheckWithin ?? settings.Interval!;
        if (Days(within) is not { } withinDays || withinDays > MaxDays)
            return Refused($"firstCheckWithin must be a whole number of days from P1D to P{MaxDays}D (ISO 8601), not '{within}'.");
        var row = await db.InspectionPolicies.SingleOrDefaultAsync(p => p.Id == InspectionPolicy.Current, cancellationToken);
        if (row is null)
        {
            row = new InspectionPolicy { Interval = "", FirstCheckWithin = "" };
            db.InspectionPolicies.Add(row);
        }
        (row.Interval, row.CovertShare, row.FirstCheckWithin) = (Normal(interval), share, Normal(withinDays));
        (row.UpdatedAt, row.UpdatedBy) = (clock.GetUtcNow(), actor);
        await db.SaveChangesAsync(cancellationToken);
        return new InspectionPolicyChange(await CurrentAsync(cancellationToken), null);
    }

    /// <summary>A duration's whole days (at least one), or null when it is not a positive whole number of days.</summary>
    public static int? Days(string? duration)
    {
        if (duration is null || !IsoDuration.TryParse(duration, out var parsed) || !parsed.TryAddTo(DateTimeOffset.UnixEpoch, out var end))
            return null;
        var span = end - DateTimeOffset.UnixEpoch;
        return span >= TimeSpan.FromDays(1) && span.Ticks % TimeSpan.TicksPerDay == 0 && span.TotalDays <= int.MaxValue ? (int)span.TotalDays : null;
    }

    private static string Normal(int days) => string.Create(CultureInfo.InvariantCulture, $"P{days}D");

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missing";

    private static InspectionPolicyChange Refused(string message) => new(null, new Refusal(RefusalKind.Invalid, message));
}
