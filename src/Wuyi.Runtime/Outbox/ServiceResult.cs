namespace Wuyi.Runtime.Outbox;

/// <summary>A handler's answer: output variables, or a BPMN error the model may catch.</summary>
/// <param name="Variables">The outputs, when it completed.</param>
/// <param name="ErrorCode">The BPMN error code, when it threw one.</param>
/// <param name="ErrorMessage">A message for the error.</param>
public sealed record ServiceResult(IReadOnlyDictionary<string, object?>? Variables, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>Completed with <paramref name="variables"/>.</summary>
    public static ServiceResult Completed(IReadOnlyDictionary<string, object?>? variables = null) => new(variables);

    /// <summary>Threw the BPMN error <paramref name="code"/>.</summary>
    public static ServiceResult BpmnError(string code, string? message = null) => new(null, code, message);
}
