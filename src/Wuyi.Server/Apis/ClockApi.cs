using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wuyi.Expressions;
using Wuyi.Runtime.Timers;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>The manual clock of <c>wuyi serve --clock manual</c> (staging and tests). With the system clock
/// both routes answer 404.</summary>
public static class ClockApi
{
    /// <summary>Maps <c>/api/clock</c>.</summary>
    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clock").WithTags("Clock");
        api.MapGet("/", Get).WithSummary("Business time (manual clock only)");
        api.MapPost("/advance", AdvanceAsync).AdministratorsOnly()
            .WithSummary("Move the manual clock, firing every timer that falls due, in due order, before answering");
        return app;
    }

    internal static async Task<Results<Ok<ClockView>, ProblemHttpResult>> Get([FromServices] ManualClock? clock,
        [FromServices] SharedClock? shared, CancellationToken cancellationToken) =>
        clock is null || shared is null ? SystemClock() : TypedResults.Ok(new ClockView(await shared.SyncAsync(cancellationToken)));

    internal static async Task<Results<Ok<ClockView>, ProblemHttpResult>> AdvanceAsync(AdvanceClockBody body,
        [FromServices] ManualClock? clock, [FromServices] ClockAdvance? advance, CancellationToken cancellationToken)
    {
        if (clock is null || advance is null)
            return SystemClock();
        var now = clock.GetUtcNow();
        if (!IsoDuration.TryParse(body.Duration, out var duration) || !duration.TryAddTo(now, out var target))
            return ApiProblems.BadRequest($"duration must be an ISO 8601 duration such as P7D or PT30M; not '{body.Duration}'.");
        if (target < now)
            return ApiProblems.BadRequest($"The clock only moves forward; '{body.Duration}' is negative.");
        var (moved, fired) = await advance.AdvanceAsync(target - now, cancellationToken);
        return TypedResults.Ok(new ClockView(moved, fired));
    }

    private static ProblemHttpResult SystemClock() =>
        ApiProblems.NotFound("The server runs on the system clock; the manual clock exists only with `wuyi serve --clock manual`.");
}
