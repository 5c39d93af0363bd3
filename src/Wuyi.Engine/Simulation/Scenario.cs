using System.Collections.Immutable;

namespace Wuyi.Engine.Simulation;

/// <summary>A parsed scenario (see the simulate contract).</summary>
internal sealed record Scenario(
    DateTimeOffset Start,
    string? BusinessKey,
    ImmutableSortedDictionary<string, object?> Variables,
    ImmutableDictionary<string, ServiceScript> Services,
    ImmutableArray<ScenarioStep> Steps)
{
    public static readonly DateTimeOffset DefaultStart = new(2022, 8, 24, 0, 0, 0, TimeSpan.FromHours(8));

    public static Scenario Empty => new(DefaultStart, null, State.VariableMaps.Empty, ImmutableDictionary<string, ServiceScript>.Empty, []);
}

/// <summary>How a service task behaves in the simulation: complete with variables, throw an error, or wait.</summary>
internal sealed record ServiceScript(ImmutableSortedDictionary<string, object?>? Variables, string? Error, bool Wait);

/// <summary>One scenario step; <see cref="Path"/> is its JSON path, for messages.</summary>
internal abstract record ScenarioStep(string Path);

internal sealed record CompleteStep(string Path, string ElementId, ImmutableSortedDictionary<string, object?> Variables,
    string? BusinessKey, string? Instance, string? Assignee) : ScenarioStep(Path);

internal sealed record AdvanceStep(string Path, Wuyi.Expressions.IsoDuration Duration, string Text) : ScenarioStep(Path);

internal sealed record MessageStep(string Path, string Name, string? CorrelationKey, ImmutableSortedDictionary<string, object?> Variables) : ScenarioStep(Path);

internal sealed record SignalStep(string Path, string Name, ImmutableSortedDictionary<string, object?> Variables) : ScenarioStep(Path);

internal sealed record FailStep(string Path, string ElementId, string ErrorCode, string? Message, string? BusinessKey, string? Instance) : ScenarioStep(Path);

internal sealed record ExpectStep(string Path, string? State, ImmutableArray<string>? Active,
    ImmutableSortedDictionary<string, object?>? Variables, string? BusinessKey, string? Instance) : ScenarioStep(Path);
