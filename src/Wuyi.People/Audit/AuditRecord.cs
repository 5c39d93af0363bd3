namespace Wuyi.People.Audit;

/// <summary>One change someone made through the API: who, with which key, what, where, when.</summary>
public sealed class AuditRecord
{
    /// <summary>The row id (ascending in time).</summary>
    public long Id { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The user (or the API key's name).</summary>
    public required string UserName { get; init; }

    /// <summary>The API key used, if one was.</summary>
    public string? ApiKey { get; init; }

    /// <summary>What: the method and route, e.g. <c>POST /api/tasks/{id}/complete</c>.</summary>
    public required string Action { get; init; }

    /// <summary>On what: the request path.</summary>
    public required string Target { get; init; }

    /// <summary>The region of the record acted on, when known.</summary>
    public string? RegionCode { get; init; }

    /// <summary>An administrator acted on a task that was not theirs.</summary>
    public bool AsAdministrator { get; init; }

    /// <summary>The answer's status code.</summary>
    public int Status { get; init; }

    /// <summary>More: e.g. to whom a task was delegated.</summary>
    public string? Detail { get; init; }
}
