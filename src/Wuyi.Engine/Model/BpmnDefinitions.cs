using System.Collections.Frozen;
using System.Collections.Immutable;
using Wuyi.Engine.Parsing;

namespace Wuyi.Engine.Model;

/// <summary>
/// A parsed and validated BPMN 2.0 <c>definitions</c> document: its processes and the messages, signals,
/// errors and escalations they refer to. Immutable and safe to share between threads.
/// </summary>
public sealed class BpmnDefinitions
{
    internal BpmnDefinitions(FrozenDictionary<string, ProcessDefinition> processes, ImmutableArray<string> processOrder,
        FrozenDictionary<string, string> messages, FrozenDictionary<string, string> signals,
        FrozenDictionary<string, string?> errors, ModelOptions options)
    {
        Options = options;
        Processes = processes;
        ProcessOrder = processOrder;
        Messages = messages;
        Signals = signals;
        Errors = errors;
    }

    /// <summary>The processes, by id.</summary>
    public FrozenDictionary<string, ProcessDefinition> Processes { get; }

    /// <summary>Message names, by message id.</summary>
    public FrozenDictionary<string, string> Messages { get; }

    /// <summary>Signal names, by signal id.</summary>
    public FrozenDictionary<string, string> Signals { get; }

    /// <summary>Error codes (null where the model gives none), by error id.</summary>
    public FrozenDictionary<string, string?> Errors { get; }

    /// <summary>The executable processes, in document order.</summary>
    public ImmutableArray<ProcessDefinition> ExecutableProcesses =>
        [.. ProcessOrder.Select(id => Processes[id]).Where(p => p.IsExecutable)];

    internal ImmutableArray<string> ProcessOrder { get; }

    /// <summary>The limits and the script engine the model was parsed with; its instances run with them too.</summary>
    internal ModelOptions Options { get; }

    /// <summary>
    /// Parses and validates a BPMN 2.0 XML document with Camunda 7 extensions. Never throws for bad input:
    /// every problem found (malformed XML, unknown references, unsupported elements, unparsable timers or
    /// expressions…) is returned at once with its element id and line.
    /// </summary>
    public static ParseOutcome Parse(string xml) => BpmnReader.Read(xml, ModelOptions.Default);

    /// <summary>
    /// Parses and validates as <see cref="Parse(string)"/> with the given limits and script engine; the instances of
    /// the definitions returned run their scripts with that engine.
    /// </summary>
    public static ParseOutcome Parse(string xml, ModelOptions options) => BpmnReader.Read(xml, options ?? ModelOptions.Default);
}
