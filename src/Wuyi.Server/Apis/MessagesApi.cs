using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wuyi.Expressions;
using Wuyi.Runtime.Messages;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>BPMN messages and signal broadcasts from outside. (<c>/api/signals</c> is the certification
/// domain's epidemic signals, so BPMN signals are <c>/api/broadcasts</c>.)</summary>
public static class MessagesApi
{
    /// <summary>Maps <c>/api/messages</c> and <c>/api/broadcasts</c>.</summary>
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", CorrelateAsync).RequireAuthorization(Hosting.CallerPolicies.Messages).WithTags("Messages")
            .WithSummary("Correlate a message by correlation key, or fan it out under a region prefix; buffered when it reaches nothing");
        app.MapPost("/api/broadcasts", BroadcastAsync).RequireAuthorization(Hosting.CallerPolicies.Messages).WithTags("Messages").WithSummary("Broadcast a BPMN signal");
        return app;
    }

    internal static async Task<Results<Ok<CorrelationView>, ProblemHttpResult>> CorrelateAsync(MessageBody body,
        [FromHeader(Name = InstancesApi.IdempotencyKeyHeader)] string? idempotencyKey, [AsParameters] MessageServices services)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
            return ApiProblems.BadRequest("name is required: the BPMN message name.");
        if (body.RegionPrefix is { Length: 0 })
            return ApiProblems.BadRequest("regionPrefix, when given, must not be empty (it would reach every instance).");
        var (variables, problem) = RequestVariables.Read(body.Variables);
        if (problem is not null)
            return problem;
        TimeSpan? ttl = null;
        if (body.Ttl is { } text)
        {
            if (!IsoDuration.TryParse(text, out var duration) || !duration.TryAddTo(services.Clock.GetUtcNow(), out var until))
                return ApiProblems.BadRequest($"ttl must be an ISO 8601 duration such as PT1H or P7D; not '{text}'.");
            ttl = until - services.Clock.GetUtcNow();
            if (ttl < TimeSpan.Zero)
                return ApiProblems.BadRequest($"ttl must not be negative; not '{text}'.");
        }
        var messageId = body.MessageId ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        var result = await services.Messages.CorrelateAsync(
            new MessageRequest(body.Name, body.CorrelationKey, body.RegionPrefix, messageId, variables, ttl, services.Actor.Name),
            services.CancellationToken);
        return TypedResults.Ok(new CorrelationView(messageId, result.Correlated, result.Started, result.Buffered));
    }

    internal static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> BroadcastAsync(BroadcastBody body,
        [FromHeader(Name = InstancesApi.IdempotencyKeyHeader)] string? idempotencyKey, [AsParameters] MessageServices services)
    {
        if (string.IsNullOrWhiteSpace(body.Signal))
            return ApiProblems.BadRequest("signal is required: the BPMN signal name.");
        var (variables, problem) = RequestVariables.Read(body.Variables);
        if (problem is not null)
            return problem;
        var broadcastId = body.BroadcastId ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        var result = await services.Signals.BroadcastAsync(body.Signal, variables, broadcastId, services.Actor.Name, services.CancellationToken);
        return TypedResults.Ok(new BroadcastView(broadcastId, result.Correlated, result.Started));
    }
}

/// <summary>What the message endpoints need.</summary>
/// <param name="Messages">Correlates messages.</param>
/// <param name="Signals">Broadcasts signals.</param>
/// <param name="Clock">Business time (a time-to-live is counted from it).</param>
/// <param name="Actor">The caller.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record MessageServices(MessageCorrelation Messages, SignalBroadcast Signals, TimeProvider Clock,
    RequestActor Actor, CancellationToken CancellationToken);
