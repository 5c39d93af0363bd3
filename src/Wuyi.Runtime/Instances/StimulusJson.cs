using System.Text.Json;
using System.Text.Json.Nodes;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>Stimuli as JSON, for those held while their instance is suspended.</summary>
internal static class StimulusJson
{
    public static string Serialize(Stimulus stimulus)
    {
        var o = new JsonObject { ["type"] = stimulus.GetType().Name };
        switch (stimulus)
        {
            case CompleteTask s: o["waitId"] = s.WaitId; o["variables"] = JsonVariables.ToNode(s.Variables); break;
            case ServiceCompleted s: o["waitId"] = s.WaitId; o["variables"] = JsonVariables.ToNode(s.Variables); break;
            case ServiceFailed s: o["waitId"] = s.WaitId; o["errorCode"] = s.ErrorCode; o["message"] = s.Message; break;
            case TimerFired s: o["waitId"] = s.WaitId; break;
            case MessageReceived s: o["waitId"] = s.WaitId; o["variables"] = JsonVariables.ToNode(s.Variables); break;
            case SignalReceived s: o["signal"] = s.SignalName; o["variables"] = JsonVariables.ToNode(s.Variables); break;
            case ChildCompleted s: o["waitId"] = s.WaitId; o["variables"] = JsonVariables.ToNode(s.ChildVariables); break;
            case ChildFailed s: o["waitId"] = s.WaitId; o["errorCode"] = s.ErrorCode; o["message"] = s.Message; break;
            case ChildEscalated s: o["waitId"] = s.WaitId; o["escalationCode"] = s.EscalationCode; break;
            case ChildTerminated s: o["waitId"] = s.WaitId; o["message"] = s.Reason; break;
            case RetryIncident: break;
            case Cancel s: o["message"] = s.Reason; break;
            default: throw new ArgumentOutOfRangeException(nameof(stimulus), stimulus.GetType().Name, "unknown stimulus");
        }
        return o.ToJsonString(JsonVariables.Options);
    }

    public static Stimulus Deserialize(string json)
    {
        var e = JsonDocument.Parse(json).RootElement;
        string W() => e.GetProperty("waitId").GetString()!;
        string? S(string name) => e.TryGetProperty(name, out var p) ? p.GetString() : null;
        IReadOnlyDictionary<string, object?> V() => JsonVariables.FromObject(e.TryGetProperty("variables", out var v) ? v : null);
        return e.GetProperty("type").GetString() switch
        {
            nameof(CompleteTask) => new CompleteTask(W(), V()),
            nameof(ServiceCompleted) => new ServiceCompleted(W(), V()),
            nameof(ServiceFailed) => new ServiceFailed(W(), S("errorCode")!, S("message")),
            nameof(TimerFired) => new TimerFired(W()),
            nameof(MessageReceived) => new MessageReceived(W(), V()),
            nameof(SignalReceived) => new SignalReceived(S("signal")!, V()),
            nameof(ChildCompleted) => new ChildCompleted(W(), V()),
            nameof(ChildFailed) => new ChildFailed(W(), S("errorCode")!, S("message")),
            nameof(ChildEscalated) => new ChildEscalated(W(), S("escalationCode")),
            nameof(ChildTerminated) => new ChildTerminated(W(), S("message")),
            nameof(RetryIncident) => new RetryIncident(),
            nameof(Cancel) => new Cancel(S("message")),
            var other => throw new JsonException($"unknown stimulus type {other}"),
        };
    }

}
