using System.Text.Json;
using System.Text.Json.Serialization;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Runtime.Store;

/// <summary>
/// A stimulus as stored while its instance is suspended (<c>held_stimuli.stimulus</c>) and hashed for its fingerprint.
/// The stored JSON is a contract across versions (a node of the next version resumes what this one held), so each
/// stimulus is a typed record with the <c>type</c> discriminator the rows have always had, pinned by snapshot tests.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeldCompleteTask), nameof(CompleteTask))]
[JsonDerivedType(typeof(HeldServiceCompleted), nameof(ServiceCompleted))]
[JsonDerivedType(typeof(HeldServiceFailed), nameof(ServiceFailed))]
[JsonDerivedType(typeof(HeldTimerFired), nameof(TimerFired))]
[JsonDerivedType(typeof(HeldMessageReceived), nameof(MessageReceived))]
[JsonDerivedType(typeof(HeldSignalReceived), nameof(SignalReceived))]
[JsonDerivedType(typeof(HeldChildCompleted), nameof(ChildCompleted))]
[JsonDerivedType(typeof(HeldChildFailed), nameof(ChildFailed))]
[JsonDerivedType(typeof(HeldChildEscalated), nameof(ChildEscalated))]
[JsonDerivedType(typeof(HeldChildTerminated), nameof(ChildTerminated))]
[JsonDerivedType(typeof(HeldRetryIncident), nameof(RetryIncident))]
[JsonDerivedType(typeof(HeldCancel), nameof(Cancel))]
internal abstract record HeldStimulus
{
    /// <summary>The engine's stimulus.</summary>
    public abstract Stimulus ToStimulus();

    /// <summary>The stored record of <paramref name="stimulus"/>.</summary>
    public static HeldStimulus Of(Stimulus stimulus) => stimulus switch
    {
        CompleteTask s => new HeldCompleteTask(s.WaitId, Json(s.Variables)),
        ServiceCompleted s => new HeldServiceCompleted(s.WaitId, Json(s.Variables)),
        ServiceFailed s => new HeldServiceFailed(s.WaitId, s.ErrorCode, s.Message),
        TimerFired s => new HeldTimerFired(s.WaitId),
        MessageReceived s => new HeldMessageReceived(s.WaitId, Json(s.Variables)),
        SignalReceived s => new HeldSignalReceived(s.SignalName, Json(s.Variables)),
        ChildCompleted s => new HeldChildCompleted(s.WaitId, Json(s.ChildVariables)),
        ChildFailed s => new HeldChildFailed(s.WaitId, s.ErrorCode, s.Message),
        ChildEscalated s => new HeldChildEscalated(s.WaitId, s.EscalationCode),
        ChildTerminated s => new HeldChildTerminated(s.WaitId, s.Reason),
        RetryIncident => new HeldRetryIncident(),
        Cancel s => new HeldCancel(s.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(stimulus), stimulus.GetType().Name, "unknown stimulus"),
    };

    /// <summary>The stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StoredJson.Options);

    /// <summary>Reads the stored JSON.</summary>
    /// <exception cref="JsonException">Not a stimulus of a known type.</exception>
    public static HeldStimulus FromJson(string json) =>
        JsonSerializer.Deserialize<HeldStimulus>(json, StoredJson.Options) ?? throw new JsonException("an empty stimulus");

    protected static JsonElement Json(IReadOnlyDictionary<string, object?>? variables) =>
        JsonSerializer.SerializeToElement(variables ?? new Dictionary<string, object?>(), JsonVariables.Options);

    protected static IReadOnlyDictionary<string, object?> Read(JsonElement? variables) => JsonVariables.FromObject(variables);
}

internal sealed record HeldCompleteTask(string WaitId, JsonElement? Variables) : HeldStimulus
{
    public override Stimulus ToStimulus() => new CompleteTask(WaitId, Read(Variables));
}

internal sealed record HeldServiceCompleted(string WaitId, JsonElement? Variables) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ServiceCompleted(WaitId, Read(Variables));
}

internal sealed record HeldServiceFailed(string WaitId, string ErrorCode, string? Message) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ServiceFailed(WaitId, ErrorCode, Message);
}

internal sealed record HeldTimerFired(string WaitId) : HeldStimulus
{
    public override Stimulus ToStimulus() => new TimerFired(WaitId);
}

internal sealed record HeldMessageReceived(string WaitId, JsonElement? Variables) : HeldStimulus
{
    public override Stimulus ToStimulus() => new MessageReceived(WaitId, Read(Variables));
}

internal sealed record HeldSignalReceived(string Signal, JsonElement? Variables) : HeldStimulus
{
    public override Stimulus ToStimulus() => new SignalReceived(Signal, Read(Variables));
}

internal sealed record HeldChildCompleted(string WaitId, JsonElement? Variables) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ChildCompleted(WaitId, Read(Variables));
}

internal sealed record HeldChildFailed(string WaitId, string ErrorCode, string? Message) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ChildFailed(WaitId, ErrorCode, Message);
}

internal sealed record HeldChildEscalated(string WaitId, string? EscalationCode) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ChildEscalated(WaitId, EscalationCode);
}

internal sealed record HeldChildTerminated(string WaitId, string? Message) : HeldStimulus
{
    public override Stimulus ToStimulus() => new ChildTerminated(WaitId, Message);
}

internal sealed record HeldRetryIncident : HeldStimulus
{
    public override Stimulus ToStimulus() => new RetryIncident();
}

internal sealed record HeldCancel(string? Message) : HeldStimulus
{
    public override Stimulus ToStimulus() => new Cancel(Message);
}
