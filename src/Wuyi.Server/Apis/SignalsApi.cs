using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Signals;
using Wuyi.People.Access;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Epidemic signals from health-department systems. (BPMN signals are <c>/api/broadcasts</c>.)</summary>
public static class SignalsApi
{
    /// <summary>The most signals one request may carry.</summary>
    public const int MaxBatch = 1000;

    // Who reads the history: the roles that send or act on signals, and read-only API keys.
    private static readonly string[] HistoryReaders = [Roles.HealthOperator, Roles.Health, Roles.Administrator, "read"];

    /// <summary>Maps <c>/api/signals</c>.</summary>
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/signals", TakeAsync).RequireAuthorization(Hosting.CallerPolicies.Signals).SignalsInside().WithTags("Signals")
            .WithSummary("A batch of epidemic signals: each updates the epidemic status and reaches the certifications of the areas it concerns; "
                + "each invalid one gets its own 4xx while the valid ones apply; the same id again changes nothing");
        app.MapGet("/api/signals", HistoryAsync).WithTags("Signals")
            .WithSummary("The signals received, newest first (paged), each with its outcome (applied, duplicate, unknown-area, refused): for health "
                + "operators, health officials and administrators, those concerning their regions (and those they sent)");
        return app;
    }

    internal static async Task<Results<Accepted<SignalBatchView>, ProblemHttpResult>> TakeAsync(IReadOnlyList<EpidemicSignal>? body,
        SignalIntake intake, RequestActor actor, CancellationToken cancellationToken)
    {
        if (body is null || body.Count == 0)
            return ApiProblems.BadRequest("The body must be a JSON array of signals {id, type, areaCode | regionCode, occurredAt, reference, kind?}.");
        if (body.Count > MaxBatch)
            return ApiProblems.BadRequest($"A batch carries at most {MaxBatch} signals, not {body.Count}; send several.");
        var outcomes = await intake.TakeAsync(body, actor.Name, cancellationToken);
        var views = outcomes.Select(o => new SignalView(o.Id, o.Refusal is { } r ? Refusals.StatusOf(r.Kind) : StatusCodes.Status202Accepted,
            o.Refusal?.Message, o.Areas, o.Instances, o.Message)).ToList();
        return TypedResults.Accepted((string?)null, new SignalBatchView(outcomes.Count(o => o.Accepted), outcomes.Count(o => !o.Accepted), views));
    }

    internal static async Task<Results<Ok<Paged<SignalReceiptView>>, ProblemHttpResult>> HistoryAsync(string? region, string? type,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, SignalHistory history, RequestActor actor, CancellationToken cancellationToken)
    {
        var (p, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
            return problem;
        if (region is not null && (region.Length is < 2 or > 15 || !region.All(char.IsAsciiDigit)))
            return ApiProblems.BadRequest($"region must be a region code (2 to 15 digits), e.g. 46 or 460105; not '{region}'.");
        if (!string.IsNullOrEmpty(type) && !SignalTypes.All.Contains(type))
            return ApiProblems.BadRequest($"type '{type}' is not a signal type; one of: {string.Join(", ", SignalTypes.All)}.");
        if (from > to)
            return ApiProblems.BadRequest("from must not be later than to.");
        var readers = actor.Caller!.Grants.Where(g => HistoryReaders.Contains(g.Role)).ToList();
        if (readers.Count == 0)
            return Jurisdiction.Forbidden("the signal history is for health operators, health officials and administrators.");
        if (region is not null && !readers.Any(g => g.Covers(region)))
            return ApiProblems.NotFound($"No region '{region}' is inside the regions whose signals you may read.");
        var regions = region is not null ? [region] : new Caller(actor.Caller.UserName, null, readers).Regions;
        var (items, total) = await history.ListAsync(regions, region is null ? actor.Name : null, type, from, to, p, size, cancellationToken);
        return TypedResults.Ok(new Paged<SignalReceiptView>([.. items.Select(SignalReceiptView.Of)], p, size, total));
    }
}

/// <summary>A signal as it was received.</summary>
/// <param name="SignalId">The sender's id.</param>
/// <param name="Type">Its type as sent.</param>
/// <param name="Code">The area or region code it concerns, as sent.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Actor">Who sent it.</param>
/// <param name="Outcome"><c>applied</c>, <c>duplicate</c> (the id was received before), <c>unknown-area</c> or <c>refused</c>.</param>
/// <param name="Error">Why it was refused.</param>
/// <param name="Areas">How many areas it concerned.</param>
/// <param name="Instances">How many certifications it reached.</param>
/// <param name="Message">The BPMN message it became, if any.</param>
public sealed record SignalReceiptView(string SignalId, string? Type, string? Code, DateTimeOffset ReceivedAt, string Actor, string Outcome,
    string? Error, int Areas, int Instances, string? Message)
{
    internal static SignalReceiptView Of(SignalReceipt r) => new(r.SignalId, r.Type, r.Code, r.ReceivedAt, r.Actor, r.Outcome, r.Error, r.Areas,
        r.Instances, r.Message);
}

/// <summary>The answer to a batch of signals.</summary>
/// <param name="Accepted">How many signals were accepted (now or before).</param>
/// <param name="Refused">How many were refused.</param>
/// <param name="Signals">Per signal, in the order sent: its status, error, areas and instances.</param>
public sealed record SignalBatchView(int Accepted, int Refused, IReadOnlyList<SignalView> Signals);

/// <summary>What became of one signal of a batch.</summary>
/// <param name="Id">The signal's id.</param>
/// <param name="Status">This signal's own status: 202 accepted, or the 4xx it would have had alone.</param>
/// <param name="Error">For a 4xx: what is wrong, so the sender can fix it.</param>
/// <param name="Areas">The areas it concerned.</param>
/// <param name="Instances">The certification instances it reached.</param>
/// <param name="Message">The BPMN message it became, if any.</param>
public sealed record SignalView(string Id, int Status, string? Error, IReadOnlyList<string> Areas, IReadOnlyList<string> Instances, string? Message);
