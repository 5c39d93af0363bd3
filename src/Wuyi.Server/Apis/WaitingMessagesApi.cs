using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.Runtime.Store;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Messages waiting: those that arrived before any instance waited for them, buffered until one does or their
/// time-to-live ends.</summary>
public static class WaitingMessagesApi
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Maps <c>/api/messages/waiting</c>.</summary>
    public static IEndpointRouteBuilder MapWaitingMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages/waiting", ListAsync).WithTags("Messages").AdministratorsOnly()
            .WithSummary("Buffered messages no instance has taken yet, newest first, by name and business (correlation) key prefix (paged); "
                + "a key that is a region code only for administrators of that region");
        return app;
    }

    internal static async Task<Results<Ok<Paged<WaitingMessageView>>, ProblemHttpResult>> ListAsync(string? name, string? businessKey, int? page,
        int? pageSize, RuntimeDbContext db, TimeProvider clock, RequestActor actor, CancellationToken cancellationToken)
    {
        var (p, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
            return problem;
        if (name is { Length: > 200 })
            return ApiProblems.BadRequest("name must be at most 200 characters (a BPMN message name).");
        if (businessKey is { Length: > 200 })
            return ApiProblems.BadRequest("businessKey must be at most 200 characters.");
        var now = clock.GetUtcNow();
        var rows = db.BufferedMessages.AsNoTracking().Where(Administered(actor.Caller!)).Where(m => m.ExpiresAt > now);
        if (!string.IsNullOrEmpty(name))
            rows = rows.Where(m => m.Name == name);
        if (!string.IsNullOrEmpty(businessKey))
            rows = rows.Where(m => m.CorrelationKey != null && m.CorrelationKey.StartsWith(businessKey));
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(m => m.ReceivedAt).ThenBy(m => m.MessageId).Skip((p - 1) * size).Take(size)
            .Select(m => new WaitingMessageView(m.MessageId, m.Name, m.CorrelationKey, m.ReceivedAt, m.ExpiresAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<WaitingMessageView>(items, p, size, total));
    }

    // A message keyed by a region code (it starts with a digit) belongs to that region's administrators; one with no key
    // or another kind of key to any administrator, as records with no region do.
    private static Expression<Func<BufferedMessageRecord, bool>> Administered(Caller caller)
    {
        Expression<Func<BufferedMessageRecord, bool>> open = m => m.CorrelationKey == null || !Digits.Contains(m.CorrelationKey.Substring(0, 1));
        var key = Expression.Property(open.Parameters[0], nameof(BufferedMessageRecord.CorrelationKey));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var any = open.Body;
        var administered = caller.Grants.Where(g => g.Role == Roles.Administrator).Select(g => g.Region).Distinct();
        foreach (var region in administered)
            any = Expression.OrElse(any, Expression.AndAlso(Expression.NotEqual(key, Expression.Constant(null, typeof(string))),
                Expression.Call(key, startsWith, Expression.Constant(region))));
        return Expression.Lambda<Func<BufferedMessageRecord, bool>>(any, open.Parameters[0]);
    }
}

/// <summary>A message waiting for an instance.</summary>
/// <param name="MessageId">The sender's message id (the same id again is the same message).</param>
/// <param name="Name">The BPMN message name.</param>
/// <param name="CorrelationKey">The business key it is for, if any.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="ExpiresAt">When it is dropped if no instance takes it.</param>
public sealed record WaitingMessageView(string MessageId, string Name, string? CorrelationKey, DateTimeOffset ReceivedAt, DateTimeOffset ExpiresAt);
