namespace Wuyi.Runtime.Store;

/// <summary>
/// One deployed version of one Camunda Form (a form-js schema, <c>*.form</c>), deployed with the models and
/// versioned the same way: a new version only when the schema's text changed.
/// </summary>
public sealed class FormRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The schema's <c>id</c>, what <c>camunda:formRef</c> or <c>camunda:formKey</c> names, e.g. <c>township-review</c>.</summary>
    public required string FormId { get; init; }

    /// <summary>1, 2, 3… per form id.</summary>
    public int Version { get; init; }

    /// <summary>The form-js schema (JSON).</summary>
    public required string Schema { get; init; }

    /// <summary>SHA-256 of the schema text, hex: the same text twice is one version.</summary>
    public required string Hash { get; init; }

    /// <summary>Who deployed it.</summary>
    public required string DeployedBy { get; init; }

    /// <summary>When: a task is validated against the newest version deployed before the task was created.</summary>
    public DateTimeOffset DeployedAt { get; init; }
}
