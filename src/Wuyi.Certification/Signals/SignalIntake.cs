using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Expressions;
using Wuyi.Runtime.Messages;

namespace Wuyi.Certification.Signals;

/// <summary>
/// Takes a batch of epidemic signals: each valid one updates the epidemic status and becomes the BPMN message
/// of <c>workflows/README.md</c> for every area it concerns (a region fans out under its code); each invalid one
/// gets its own 4xx and changes nothing. A signal is kept with its answer, so the same id again changes nothing.
/// </summary>
public sealed class SignalIntake(CertificationDbContext db, AreaDirectory areas, MessageCorrelation messages, TimeProvider clock)
{
    /// <summary>How far in the future an <c>occurredAt</c> may lie (clock skew between systems).</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    /// <summary>Takes the signals in order (what they caused is carried out before this returns).</summary>
    public async Task<List<SignalOutcome>> TakeAsync(IReadOnlyList<EpidemicSignal> signals, string actor, CancellationToken cancellationToken)
    {
        var ids = signals.Select(s => s.Id).OfType<string>().Distinct().ToList();
        var seen = new HashSet<string>(await db.Signals.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken),
            StringComparer.Ordinal);
        var outcomes = new List<SignalOutcome>(signals.Count);
        var receipts = new List<SignalReceipt>(signals.Count);
        foreach (var signal in signals)
        {
            var outcome = await TakeOneAsync(signal, actor, cancellationToken);
            outcomes.Add(outcome);
            receipts.Add(Receipt(signal, outcome, actor, seen));
            if (outcome.Accepted)
                seen.Add(outcome.Id);
        }
        // The history is written once per batch: a batch cut short by a crash is sent again, and its replays are recorded then.
        db.SignalReceipts.AddRange(receipts);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return outcomes;
    }

    private SignalReceipt Receipt(EpidemicSignal signal, SignalOutcome outcome, string actor, HashSet<string> seen) => new()
    {
        SignalId = Cut(signal.Id, 200) ?? "", Type = Cut(signal.Type, 50), Code = Cut(signal.AreaCode ?? signal.RegionCode, SignalReceipt.MaxCodeLength),
        ReceivedAt = clock.GetUtcNow(), Actor = Cut(actor, 200)!,
        Outcome = outcome.Refusal is { } refusal
            ? refusal.Kind == RefusalKind.NotFound ? SignalOutcomes.UnknownArea : SignalOutcomes.Refused
            : seen.Contains(outcome.Id) ? SignalOutcomes.Duplicate : SignalOutcomes.Applied,
        Error = Cut(outcome.Refusal?.Message, 1000), Areas = outcome.Areas.Count, Instances = outcome.Instances.Count, Message = Cut(outcome.Message, 100),
    };

    private static string? Cut(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;

    private async Task<SignalOutcome> TakeOneAsync(EpidemicSignal signal, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(signal.Id) || signal.Id.Length > 200)
            return SignalOutcome.Refused(signal.Id, RefusalKind.Invalid, "id is required (at most 200 characters): the sender's signal id.");
        var id = signal.Id;
        var stored = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        // A replay must be the same signal: an id reused for another type is a conflict, not the first answer.
        if (stored is not null && signal.Type is { } replayed && replayed != stored.Type)
            return SignalOutcome.Refused(id, RefusalKind.Conflict, $"id {id} was first received as a '{stored.Type}' signal, not '{replayed}': a signal id names one signal.");
        if (stored?.Answer is { } answer)
            return JsonSerializer.Deserialize<SignalOutcome>(answer, AnswerJson)!;

        if (Validate(signal) is { } invalid)
            return SignalOutcome.Refused(id, invalid.Kind, invalid.Error);
        var type = signal.Type!;
        var target = await ResolveAsync(signal, cancellationToken);
        if (target.Error is not null)
            return SignalOutcome.Refused(id, target.Kind, target.Error);
        // A case in a compound is a new infection in its community too (the compound is part of it); a close contact is not.
        if (type is SignalTypes.ConfirmedCase or SignalTypes.AsymptomaticCase && WithCommunities(target.Areas) is { } widened)
            target = (widened, null, target.Kind, null);

        List<string> reached = target.Areas;
        if (stored is null)
        {
            var (changed, error) = await UpdateStatusAsync(signal, target.Areas, cancellationToken);
            if (error is not null)
            {
                db.ChangeTracker.Clear();
                return SignalOutcome.Refused(id, RefusalKind.Conflict, error);
            }
            reached = changed;
            db.Signals.Add(new SignalRecord { Id = id, Type = type, ReceivedAt = clock.GetUtcNow(), Actor = actor });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same id in a racing request: it applied the change; this one only delivers (idempotently).
                if (!await SignalStoredAsync(id, cancellationToken))
                    throw;
            }
        }
        else if (type is SignalTypes.CloseContact or SignalTypes.CloseContactCleared)
        {
            // A retry after a crash between the status update and the answer: the contacts under this reference tell the areas.
            reached = await db.CloseContacts.AsNoTracking().Where(c => c.Reference == signal.Reference && target.Areas.Contains(c.AreaCode))
                .Select(c => c.AreaCode).ToListAsync(cancellationToken);
        }

        var message = SignalTypes.MessageOf(type, signal.Passed);
        var instances = new SortedSet<string>(StringComparer.Ordinal);
        if (message is not null && reached.Count > 0)
        {
            var variables = Variables(signal);
            var fanOut = target.RegionPrefix is not null && reached.Count == target.Areas.Count;
            foreach (var key in fanOut ? [null] : reached.Select(r => (string?)r))
            {
                var result = await messages.CorrelateAsync(new MessageRequest(message, key, fanOut ? target.RegionPrefix : null,
                    key is null ? $"signal:{id}" : $"signal:{id}:{key}", variables, TimeSpan.Zero, actor), cancellationToken);
                instances.UnionWith(result.Correlated);
            }
        }
        var outcome = new SignalOutcome(id, null, reached, [.. instances], message);
        var record = await db.Signals.SingleAsync(s => s.Id == id, cancellationToken);
        record.Answer ??= JsonSerializer.Serialize(outcome, AnswerJson);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return JsonSerializer.Deserialize<SignalOutcome>(record.Answer, AnswerJson)!;
    }

    private async Task<bool> SignalStoredAsync(string id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Signals.AsNoTracking().AnyAsync(s => s.Id == id, cancellationToken);
    }

    private (RefusalKind Kind, string Error)? Validate(EpidemicSignal signal)
    {
        if (string.IsNullOrWhiteSpace(signal.Type))
            return (RefusalKind.Invalid, $"type is required: one of {string.Join(", ", SignalTypes.All)}.");
        if (!SignalTypes.All.Contains(signal.Type))
            return (RefusalKind.Unprocessable, $"type '{signal.Type}' is unknown: it must be one of {string.Join(", ", SignalTypes.All)}.");
        if ((signal.AreaCode is null) == (signal.RegionCode is null))
            return (RefusalKind.Invalid, "exactly one of areaCode (one area) or regionCode (every area under a region) is required.");
        if (signal.OccurredAt is not { } occurredAt)
            return (RefusalKind.Invalid, "occurredAt is required: when it happened, an ISO 8601 date-time with offset.");
        if (occurredAt > clock.GetUtcNow() + AllowedSkew)
            return (RefusalKind.Unprocessable, $"occurredAt {IsoDate.ToText(occurredAt)} is in the future (now is {IsoDate.ToText(clock.GetUtcNow())}).");
        var needsReference = signal.Type is not (SignalTypes.DynamicZeroDeclared or SignalTypes.DynamicZeroLost or SignalTypes.InspectionResult
            or SignalTypes.RiskZoneChanged);
        if (needsReference && string.IsNullOrWhiteSpace(signal.Reference))
            return (RefusalKind.Invalid, signal.Type == SignalTypes.CloseContactCleared
                ? "reference is required: the reference of the close contact this clears."
                : "reference is required: the health department's reference.");
        if (signal.Reference is { Length: > 200 })
            return (RefusalKind.Invalid, "reference must be at most 200 characters.");
        if (signal.Type == SignalTypes.Obstruction && !SignalTypes.ObstructionKinds.Contains(signal.Kind ?? ""))
            return (RefusalKind.Unprocessable, $"an obstruction needs kind, one of {string.Join(", ", SignalTypes.ObstructionKinds)}; not '{signal.Kind}'.");
        if (signal.Type == SignalTypes.InspectionResult && signal.Passed is null)
            return (RefusalKind.Invalid, "an inspection-result needs passed: true (passed) or false (failed).");
        if (signal.Type == SignalTypes.RiskZoneChanged && !RiskZones.All.Contains(signal.ZoneLevel ?? ""))
            return (RefusalKind.Unprocessable, $"a risk-zone-changed needs zoneLevel, one of {string.Join(", ", RiskZones.All)}; not '{signal.ZoneLevel}'.");
        if (signal.Type is SignalTypes.DynamicZeroDeclared or SignalTypes.DynamicZeroLost && signal.RegionCode is null)
            return (RefusalKind.Invalid, $"{signal.Type} concerns a county: give its regionCode (6 digits), or a city's or the province's for all their counties.");
        return null;
    }

    private async Task<(List<string> Areas, string? RegionPrefix, RefusalKind Kind, string? Error)> ResolveAsync(EpidemicSignal signal,
        CancellationToken cancellationToken)
    {
        if (signal.AreaCode is { } areaCode)
            return await areas.FindAsync(areaCode, cancellationToken) is null
                ? ([], null, RefusalKind.NotFound, $"areaCode '{areaCode}' is not a known village, community or compound.")
                : ([areaCode], null, RefusalKind.Invalid, null);
        var regionCode = signal.RegionCode!;
        if (signal.Type is SignalTypes.DynamicZeroDeclared or SignalTypes.DynamicZeroLost)
        {
            if (Region.LevelOf(regionCode) is not (RegionLevel.Province or RegionLevel.City or RegionLevel.County))
                return ([], null, RefusalKind.Unprocessable, $"{signal.Type} concerns counties: regionCode '{regionCode}' is not a province, city or county code.");
            var counties = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County && r.Code.StartsWith(regionCode))
                .Select(r => r.Code).OrderBy(c => c).ToListAsync(cancellationToken);
            return counties.Count == 0 ? ([], null, RefusalKind.NotFound, $"regionCode '{regionCode}' is not a known region.") : (counties, null, 0, null);
        }
        if (!await areas.RegionExistsAsync(regionCode, cancellationToken))
            return ([], null, RefusalKind.NotFound, $"regionCode '{regionCode}' is not a known region.");
        return (await areas.AreasUnderAsync(regionCode, cancellationToken), regionCode, RefusalKind.Invalid, null);
    }

    /// <summary>Applies the signal to the epidemic status (not saved yet); returns the areas it changed, or why it cannot apply.</summary>
    private async Task<(List<string> Areas, string? Error)> UpdateStatusAsync(EpidemicSignal signal, List<string> targets, CancellationToken cancellationToken)
    {
        var at = signal.OccurredAt!.Value.ToUniversalTime(); // PostgreSQL keeps instants in UTC
        switch (signal.Type)
        {
            case SignalTypes.ConfirmedCase or SignalTypes.AsymptomaticCase:
            {
                var known = await db.AreaInfections.Where(a => targets.Contains(a.AreaCode)).ToDictionaryAsync(a => a.AreaCode, cancellationToken);
                foreach (var area in targets)
                    if (!known.TryGetValue(area, out var infection))
                        db.AreaInfections.Add(new AreaInfection { AreaCode = area, LastInfectionAt = at, Reference = signal.Reference! });
                    else if (at > infection.LastInfectionAt)
                        (infection.LastInfectionAt, infection.Reference) = (at, signal.Reference!);
                return (targets, null);
            }
            case SignalTypes.CloseContact:
            {
                var known = await db.CloseContacts.AsNoTracking().Where(c => c.Reference == signal.Reference && targets.Contains(c.AreaCode))
                    .Select(c => c.AreaCode).ToListAsync(cancellationToken);
                var fresh = targets.Except(known).ToList();
                foreach (var area in fresh)
                    db.CloseContacts.Add(new CloseContact { AreaCode = area, Reference = signal.Reference!, ReportedAt = at });
                return (fresh, null);
            }
            case SignalTypes.CloseContactCleared:
            {
                var open = await db.CloseContacts.Where(c => c.Reference == signal.Reference && c.ClearedAt == null && targets.Contains(c.AreaCode))
                    .ToListAsync(cancellationToken);
                if (open.Count == 0)
                    return ([], $"no open close contact has reference '{signal.Reference}' in {signal.AreaCode ?? signal.RegionCode}.");
                foreach (var contact in open)
                    contact.ClearedAt = at;
                return ([.. open.Select(c => c.AreaCode).Order(StringComparer.Ordinal)], null);
            }
            case SignalTypes.DynamicZeroDeclared or SignalTypes.DynamicZeroLost:
            {
                var declared = signal.Type == SignalTypes.DynamicZeroDeclared;
                var known = await db.CountyStatuses.Where(c => targets.Contains(c.CountyCode)).ToDictionaryAsync(c => c.CountyCode, cancellationToken);
                foreach (var county in targets)
                    if (!known.TryGetValue(county, out var status))
                        db.CountyStatuses.Add(new CountyStatus { CountyCode = county, DynamicZero = declared, ChangedAt = at });
                    else if (at >= status.ChangedAt)
                        (status.DynamicZero, status.ChangedAt) = (declared, at);
                return (targets, null);
            }
            case SignalTypes.RiskZoneChanged:
            {
                var known = await db.RiskZones.Where(z => targets.Contains(z.AreaCode)).ToDictionaryAsync(z => z.AreaCode, cancellationToken);
                foreach (var area in targets)
                    if (!known.TryGetValue(area, out var zone))
                        db.RiskZones.Add(new AreaRiskZone { AreaCode = area, Level = signal.ZoneLevel!, ChangedAt = at });
                    else if (at >= zone.ChangedAt)
                        (zone.Level, zone.ChangedAt) = (signal.ZoneLevel!, at);
                return (targets, null);
            }
            default:
                return (targets, null);
        }
    }

    // The communities of the compounds among the areas, added where missing; null when none is missing.
    private static List<string>? WithCommunities(List<string> areaCodes)
    {
        var missing = areaCodes.Where(a => a.Length == 12 + AreaDirectory.CompoundSuffixLength).Select(a => a[..12]).Distinct()
            .Where(c => !areaCodes.Contains(c)).ToList();
        return missing.Count == 0 ? null : [.. areaCodes.Concat(missing).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, object?> Variables(EpidemicSignal signal)
    {
        var variables = new Dictionary<string, object?>
        {
            ["signalId"] = signal.Id, ["signalType"] = signal.Type, ["occurredAt"] = IsoDate.ToText(signal.OccurredAt!.Value),
            ["reference"] = signal.Reference,
        };
        if (signal.Kind is not null)
            variables["signalKind"] = signal.Kind;
        if (signal.ZoneLevel is not null)
            variables["zoneLevel"] = signal.ZoneLevel;
        if (signal.Type is SignalTypes.ConfirmedCase or SignalTypes.AsymptomaticCase)
            variables["countEndsAt"] = IsoDate.ToText(ChinaCalendar.CleanDaysEnd(signal.OccurredAt!.Value, EpidemicStatus.CleanDays));
        if (signal.Findings is { Count: > 0 } findings)
            variables["inspectionFindings"] = findings.ToDictionary(f => f.Key, f => (object?)f.Value);
        return variables;
    }
}
