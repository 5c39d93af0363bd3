using System.Text.Json;
using Wuyi.Engine.Commands;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>Engine commands that run after their step, as outbox rows holding a typed <see cref="OutboxCommand"/>.</summary>
internal static class OutboxCommands
{
    public static OutboxRecord ToRecord(string instanceId, EngineCommand command, DateTimeOffset now)
    {
        OutboxCommand typed = command switch
        {
            InvokeService c => new ServiceInvocation(c.WaitId, c.ElementId, c.HandlerName, Variables(c.Variables)),
            StartChild c => new ChildStart(c.WaitId, c.ElementId, c.CalledElement, c.ChildInstanceId, c.BusinessKey, Variables(c.Variables)),
            CancelChild c => new ChildCancellation(c.ChildInstanceId),
            ReportToParent c => new ParentReport(c.ParentInstanceId, c.ParentWaitId, c.Outcome.ToString(), Variables(c.Variables), c.ErrorCode, c.Message),
            ThrowMessage c => new MessageThrow(c.ElementId, c.MessageName, c.CorrelationKey, Variables(c.Variables)),
            BroadcastSignal c => new SignalThrow(c.ElementId, c.SignalName, Variables(c.Variables)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not an outbox command"),
        };
        return new OutboxRecord
        {
            InstanceId = instanceId, Kind = typed.Kind, WaitId = command switch
            {
                InvokeService c => c.WaitId,
                StartChild c => c.WaitId,
                ReportToParent c => c.ParentWaitId,
                _ => null,
            },
            Payload = typed.ToJson(), Status = "pending", NextAttemptAt = now, CreatedAt = now,
        };
    }

    /// <summary>The row's command.</summary>
    /// <exception cref="JsonException">The payload is not a command of a known kind.</exception>
    public static OutboxCommand Parse(OutboxRecord record) => OutboxCommand.FromJson(record.Kind, record.Payload);

    private static JsonElement Variables(IReadOnlyDictionary<string, object?>? variables) =>
        JsonSerializer.SerializeToElement(variables ?? new Dictionary<string, object?>(), JsonVariables.Options);
}
