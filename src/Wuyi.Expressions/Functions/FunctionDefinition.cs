using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Runs a function on evaluated, normalised arguments. Returns a failure without position; the
/// caller adds the function's name and position.</summary>
internal delegate ExpressionResult FunctionBody(Evaluator scope, object?[] arguments);

/// <summary>A whitelisted function: its name, how many arguments it takes, and its body.</summary>
internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, FunctionBody Body);

/// <summary>A whitelisted method callable on values of the given kinds (<c>s.startsWith('x')</c>); the body
/// receives the receiver as its first argument.</summary>
internal sealed record MethodDefinition(string Name, int MinArguments, int MaxArguments, ReceiverKinds Receivers, FunctionBody Body)
{
    /// <summary>True when the method may be called on <paramref name="receiver"/>.</summary>
    public bool Accepts(object? receiver) => receiver switch
    {
        string => Receivers.HasFlag(ReceiverKinds.String),
        IReadOnlyList<object?> => Receivers.HasFlag(ReceiverKinds.List),
        IReadOnlyDictionary<string, object?> => Receivers.HasFlag(ReceiverKinds.Map),
        _ => false,
    };
}

/// <summary>The kinds of value a method can be called on.</summary>
[Flags]
internal enum ReceiverKinds
{
    String = 1,
    List = 2,
    Map = 4,
}
