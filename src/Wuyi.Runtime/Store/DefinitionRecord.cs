namespace Wuyi.Runtime.Store;

/// <summary>One deployed version of one process: the BPMN document it came from, who deployed it and when.</summary>
public sealed class DefinitionRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The process id in the BPMN document, e.g. <c>certification</c>.</summary>
    public required string Key { get; init; }

    /// <summary>1, 2, 3… per key; a new version only when the XML changed.</summary>
    public int Version { get; init; }

    /// <summary>The process's name from the model, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The whole BPMN document (it may hold other processes too).</summary>
    public required string Xml { get; init; }

    /// <summary>SHA-256 of the XML, hex: the same XML twice is one version.</summary>
    public required string Hash { get; init; }

    /// <summary>Who deployed it.</summary>
    public required string DeployedBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset DeployedAt { get; init; }
}
