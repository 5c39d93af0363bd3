using System.Text.Json;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>What <c>wuyi simulate</c> returned for one scenario: its exit code, its trace and its diagnostics.</summary>
internal sealed record ScenarioRunResult(string Scenario, int ExitCode, IReadOnlyList<string> TraceLines, IReadOnlyList<string> Errors)
{
    /// <summary>The trace events (every line but the closing result line), parsed.</summary>
    public IReadOnlyList<JsonElement> Events { get; } = [.. TraceLines
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Where(e => e.GetProperty("type").GetString() != "result")];

    /// <summary>Events of one type, optionally only those about one element.</summary>
    public IEnumerable<JsonElement> EventsOf(string type, string? element = null) =>
        Events.Where(e => e.GetProperty("type").GetString() == type
            && (element is null || (e.TryGetProperty("element", out var el) && el.GetString() == element)));

    /// <summary>Everything a reader needs when a scenario fails: the diagnostics, then the trace.</summary>
    public string Describe() =>
        $"{Scenario}: exit code {ExitCode}\n{string.Join("\n", Errors)}\n--- trace ---\n{string.Join("\n", TraceLines)}";
}
