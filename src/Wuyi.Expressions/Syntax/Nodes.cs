using System.Collections.Immutable;
using Wuyi.Expressions.Functions;

namespace Wuyi.Expressions.Syntax;

// The immutable syntax tree. Operator chains of one precedence level (a + b - c, a && b && c) and member
// chains (a.b[0].c) are flat lists rather than nested nodes, so a long but shallow expression never makes a
// deep tree: tree depth grows only with real nesting, which the parser caps.

/// <summary>A node of the syntax tree; <see cref="Position"/> is its offset in the whole text.</summary>
internal abstract record Node(int Position);

/// <summary>A literal value: null, bool, long, double or string.</summary>
internal sealed record LiteralNode(int Position, object? Value) : Node(Position);

/// <summary>A top-level variable reference.</summary>
internal sealed record IdentifierNode(int Position, string Name) : Node(Position);

/// <summary><c>-x</c>, <c>!x</c> / <c>not x</c>, <c>empty x</c>.</summary>
internal sealed record UnaryNode(int Position, UnaryOperator Operator, Node Operand) : Node(Position);

/// <summary>A left-to-right chain of operators of one precedence level.</summary>
internal sealed record ChainNode(int Position, Node First, ImmutableArray<ChainLink> Links) : Node(Position);

/// <summary>One operator and its right operand in a <see cref="ChainNode"/>.</summary>
internal readonly record struct ChainLink(BinaryOperator Operator, int Position, Node Operand);

/// <summary><c>condition ? then : else</c>.</summary>
internal sealed record ConditionalNode(int Position, Node Condition, Node Then, Node Else) : Node(Position);

/// <summary>A call of a whitelisted function.</summary>
internal sealed record FunctionCallNode(int Position, FunctionDefinition Function, ImmutableArray<Node> Arguments) : Node(Position);

/// <summary>A value followed by property, index and method steps: <c>a.b['c'][0].size()</c>.</summary>
internal sealed record PathNode(int Position, Node Root, ImmutableArray<PathStep> Steps) : Node(Position);

/// <summary>One step of a <see cref="PathNode"/>.</summary>
internal abstract record PathStep(int Position);

/// <summary><c>.name</c>.</summary>
internal sealed record PropertyStep(int Position, string Name) : PathStep(Position);

/// <summary><c>[index]</c>.</summary>
internal sealed record IndexStep(int Position, Node Index) : PathStep(Position);

/// <summary><c>.method(args)</c> for a whitelisted method.</summary>
internal sealed record MethodStep(int Position, MethodDefinition Method, ImmutableArray<Node> Arguments) : PathStep(Position);

/// <summary>Prefix operators.</summary>
internal enum UnaryOperator
{
    Negate,
    Not,
    Empty,
}

/// <summary>Infix operators.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}
