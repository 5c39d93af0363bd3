using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Signals;
using Wuyi.Runtime.Messages;

namespace Wuyi.Server.Apis;

/// <summary>Epidemic signals from health-department systems. (BPMN signals are <c>/api/broadcasts</c>.)</summary>
public static class SignalsApi
{
    /// <summary>The most signals one request may carry.</summary>
    public const int MaxBatch = 1000;

    /// <summary>Maps <c>/api/signals</c>.</summary>
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/signals", TakeAsync).RequireAuthorization(Hosting.CallerPolicies.Signals).SignalsInside().WithTags("Signals")
            .WithSummary("A batch of epidemic signals: each updates the epidemic status and reaches the certifications of the areas it concerns; "
                + "each invalid one gets its own 4xx while the valid ones apply; the same id again changes nothing");
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
