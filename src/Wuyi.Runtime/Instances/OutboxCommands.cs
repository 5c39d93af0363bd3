using System.Text.Json;
using System.Text.Json.Nodes;
using Wuyi.Engine.Commands;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>Engine commands that run after their step, as outbox rows (kind + JSON payload) and back.</summary>
internal static class OutboxCommands
{
    public static OutboxRecord ToRecord(string instanceId, EngineCommand command, DateTimeOffset now)
    {
        var (kind, waitId, payload) = command switch
        {
            InvokeService c => ("service", c.WaitId, new JsonObject
            {
                ["waitId"] = c.WaitId, ["elementId"] = c.ElementId, ["handler"] = c.HandlerName, ["variables"] = JsonVariables.ToNode(c.Variables),
            }),
            StartChild c => ("start-child", c.WaitId, new JsonObject
            {
                ["waitId"] = c.WaitId, ["elementId"] = c.ElementId, ["calledElement"] = c.CalledElement,
                ["childInstanceId"] = c.ChildInstanceId, ["businessKey"] = c.BusinessKey, ["variables"] = JsonVariables.ToNode(c.Variables),
            }),
            CancelChild c => ("cancel-child", null, new JsonObject { ["childInstanceId"] = c.ChildInstanceId }),
            ReportToParent c => ("report-to-parent", c.ParentWaitId, new JsonObject
            {
                ["parentInstanceId"] = c.ParentInstanceId, ["parentWaitId"] = c.ParentWaitId, ["outcome"] = c.Outcome.ToString(),
                ["variables"] = JsonVariables.ToNode(c.Variables), ["errorCode"] = c.ErrorCode, ["message"] = c.Message,
            }),
            ThrowMessage c => ("throw-message", null, new JsonObject
            {
                ["elementId"] = c.ElementId, ["name"] = c.MessageName, ["correlationKey"] = c.CorrelationKey, ["variables"] = JsonVariables.ToNode(c.Variables),
            }),
            BroadcastSignal c => ("broadcast-signal", null, new JsonObject
            {
                ["elementId"] = c.ElementId, ["signal"] = c.SignalName, ["variables"] = JsonVariables.ToNode(c.Variables),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not an outbox command"),
        };
        return new OutboxRecord
        {
            InstanceId = instanceId, Kind = kind, WaitId = waitId, Payload = payload.ToJsonString(JsonVariables.Options),
            Status = "pending", NextAttemptAt = now, CreatedAt = now,
        };
    }


    public static JsonElement Parse(OutboxRecord record) => JsonDocument.Parse(record.Payload).RootElement;
}
