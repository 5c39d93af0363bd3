using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// Multi-instance loop characteristics: the number of instances comes from <see cref="Cardinality"/> or the
/// size of <see cref="Collection"/> (a variable name or expression); each inner instance gets
/// <see cref="ElementVariable"/> and <c>loopCounter</c> as local variables.
/// </summary>
internal sealed record MultiInstanceSpec(
    bool IsSequential,
    Expression? Cardinality,
    Expression? Collection,
    string? ElementVariable,
    Expression? CompletionCondition);
