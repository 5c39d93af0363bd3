namespace Wuyi.Engine.Commands;

/// <summary>Wait for a message by name and correlation key; deliver it as <see cref="Stimuli.MessageReceived"/>.</summary>
/// <param name="WaitId">The subscription's wait id.</param>
/// <param name="ElementId">The catching element's id.</param>
/// <param name="MessageName">The message name.</param>
/// <param name="CorrelationKey">The correlation key (the business key unless the model names another).</param>
public sealed record SubscribeMessage(string WaitId, string ElementId, string MessageName, string? CorrelationKey) : EngineCommand;
