namespace Wuyi.Engine.Model;

/// <summary>One thing wrong with a BPMN model: where it is and what is wrong.</summary>
/// <param name="ElementId">The id of the element at fault, when the fault belongs to one.</param>
/// <param name="Line">The one-based line in the XML, when known.</param>
/// <param name="Message">What is wrong, in words an administrator understands.</param>
public sealed record ModelProblem(string? ElementId, int? Line, string Message)
{
    /// <summary>Formats the problem as <c>line 12: Gateway_1: message</c>.</summary>
    public override string ToString()
    {
        var where = (Line is { } l ? $"line {l}: " : "") + (ElementId is { } e ? $"{e}: " : "");
        return where + Message;
    }
}
