using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>A script task's (or expression service task's) expression and where its result goes.</summary>
internal sealed record ScriptSpec(Expression Body, string? ResultVariable);
