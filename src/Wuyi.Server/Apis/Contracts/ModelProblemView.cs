namespace Wuyi.Server.Apis.Contracts;

/// <summary>One problem of a BPMN model, in a 400's <c>errors</c> list.</summary>
/// <param name="ElementId">The element at fault, when the fault belongs to one.</param>
/// <param name="Line">The one-based line in the XML, when known.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ModelProblemView(string? ElementId, int? Line, string Message);
