using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Wuyi.People.Mail;

/// <summary>
/// Quartz's side of <see cref="DailyDigest"/>: the trigger lives in the clustered job store, so one node of the
/// cluster runs each firing; the job resolves the digest in a scope of its own and calls it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(IServiceScopeFactory scopes) : IJob
{
    /// <summary>The job's key in the store.</summary>
    public static readonly JobKey Key = new("daily-digest", "wuyi-mail");

    /// <summary>The trigger's key.</summary>
    public static readonly TriggerKey TriggerKey = new("daily-digest", "wuyi-mail");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        context.Result = await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunAsync(cancellationToken);
    }
}
