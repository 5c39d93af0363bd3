using System.Collections.Immutable;
using Wuyi.Expressions.Functions;
using Wuyi.Expressions.Syntax;

namespace Wuyi.Expressions.Evaluation;

/// <summary>
/// Walks a syntax tree against one <see cref="EvaluationContext"/>. Every node visit costs a step and
/// functions charge for their work, so a hostile expression fails with a budget error instead of hanging.
/// One instance per evaluation; not thread-safe.
/// </summary>
internal sealed class Evaluator(EvaluationContext context)
{
    /// <summary>The failure for a string result over <see cref="Expression.MaxStringLength"/>.</summary>
    public static readonly string TooLongMessage = $"string result is longer than {Expression.MaxStringLength} characters";

    private long _steps;

    /// <summary>The stimulus time, for <c>now()</c>.</summary>
    public DateTimeOffset Now => context.Now;

    /// <summary>The business calendar, for <c>workdaysAdd</c>: the context's, else the one the host installed.</summary>
    public WorkingCalendar Calendar => context.Calendar ?? ExpressionEnvironment.Calendar;

    /// <summary>True once the step budget has been spent.</summary>
    public bool BudgetExceeded { get; private set; }

    /// <summary>The failure for an exhausted budget.</summary>
    public string BudgetMessage => $"expression exceeded its step budget of {context.StepBudget} steps";

    /// <summary>Spends <paramref name="steps"/>; false once the budget is exceeded.</summary>
    public bool Charge(long steps)
    {
        _steps += Math.Max(steps, 0);
        BudgetExceeded |= _steps > context.StepBudget;
        return !BudgetExceeded;
    }

    /// <summary>Evaluates a whole expression, checking the final string length.</summary>
    public ExpressionResult EvaluateToResult(Node node)
    {
        var result = Evaluate(node);
        return result.Value is string { Length: > Expression.MaxStringLength } ? ExpressionResult.Fail(TooLongMessage) : result;
    }

    /// <summary>Evaluates one node.</summary>
    public ExpressionResult Evaluate(Node node)
    {
        if (!Charge(1))
        {
            return ExpressionResult.Fail(BudgetMessage);
        }

        return node switch
        {
            LiteralNode literal => ExpressionResult.Ok(literal.Value),
            IdentifierNode identifier => Lookup(identifier),
            UnaryNode unary => EvaluateUnary(unary),
            ChainNode chain => EvaluateChain(chain),
            ConditionalNode conditional => EvaluateConditional(conditional),
            FunctionCallNode call => EvaluateCall(call),
            PathNode path => EvaluatePath(path),
            _ => Fail("unsupported syntax", node.Position),
        };
    }

    private static ExpressionResult Fail(string message, int position) =>
        ExpressionResult.Fail($"{message} (at position {position})");

    private ExpressionResult Lookup(IdentifierNode identifier)
    {
        if (!context.Variables(identifier.Name, out var raw))
        {
            return Fail($"Unknown property used in expression: cannot resolve identifier '{identifier.Name}'", identifier.Position);
        }

        var error = Values.Normalize(raw, out var value);
        return error is null ? ExpressionResult.Ok(value) : Fail($"variable '{identifier.Name}': {error}", identifier.Position);
    }

    private ExpressionResult EvaluateUnary(UnaryNode unary)
    {
        // JUEL: "empty x" is true for an unknown variable, where any other use of it is an error.
        if (unary.Operator == UnaryOperator.Empty && RootIdentifier(unary.Operand) is { } root && !context.Variables(root, out _))
        {
            return ExpressionResult.Ok(true);
        }

        var operand = Evaluate(unary.Operand);
        if (!operand.Success)
        {
            return operand;
        }

        switch (unary.Operator)
        {
            case UnaryOperator.Empty:
                return ExpressionResult.Ok(Values.IsEmpty(operand.Value));
            case UnaryOperator.Not:
                var notError = Coercion.ToBoolean(operand.Value, out var b);
                return notError is null ? ExpressionResult.Ok(!b) : Fail(notError, unary.Position);
            default:
                var negateError = Operators.Negate(operand.Value, out var negated);
                return negateError is null ? ExpressionResult.Ok(negated) : Fail(negateError, unary.Position);
        }
    }

    private static string? RootIdentifier(Node node) => node switch
    {
        IdentifierNode identifier => identifier.Name,
        PathNode { Root: IdentifierNode identifier } => identifier.Name,
        _ => null,
    };

    private ExpressionResult EvaluateChain(ChainNode chain)
    {
        var left = Evaluate(chain.First);
        foreach (var link in chain.Links)
        {
            if (!left.Success)
            {
                return left;
            }

            if (link.Operator is not (BinaryOperator.And or BinaryOperator.Or))
            {
                left = Binary(left, link);
                continue;
            }

            var error = Coercion.ToBoolean(left.Value, out var decided);
            if (error is not null)
            {
                return Fail(error, link.Position);
            }

            // A chain holds one precedence level, so an && chain has only &&: false && … (or true || …)
            // settles the whole chain without evaluating the rest.
            if (decided != (link.Operator == BinaryOperator.And))
            {
                return ExpressionResult.Ok(decided);
            }

            left = Evaluate(link.Operand);
            if (left.Success)
            {
                error = Coercion.ToBoolean(left.Value, out var next);
                left = error is null ? ExpressionResult.Ok(next) : Fail(error, link.Operand.Position);
            }
        }

        return left;
    }

    private ExpressionResult Binary(ExpressionResult left, ChainLink link)
    {
        var right = Evaluate(link.Operand);
        if (!right.Success)
        {
            return right;
        }

        object? value;
        string? error;
        switch (link.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (!Charge(SizeOf(left.Value) + SizeOf(right.Value)))
                {
                    return ExpressionResult.Fail(BudgetMessage);
                }

                value = Operators.AreEqual(left.Value, right.Value) == (link.Operator == BinaryOperator.Equal);
                error = null;
                break;
            case BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual:
                error = Operators.Compare(link.Operator, left.Value, right.Value, out var ordered);
                value = ordered;
                break;
            default:
                error = Operators.Arithmetic(link.Operator, left.Value, right.Value, out value);
                break;
        }

        return error is null ? ExpressionResult.Ok(value) : Fail(error, link.Position);
    }

    private ExpressionResult EvaluateConditional(ConditionalNode conditional)
    {
        var condition = Evaluate(conditional.Condition);
        if (!condition.Success)
        {
            return condition;
        }

        var error = Coercion.ToBoolean(condition.Value, out var b);
        return error is not null ? Fail(error, conditional.Position) : Evaluate(b ? conditional.Then : conditional.Else);
    }

    private ExpressionResult EvaluateCall(FunctionCallNode call)
    {
        var arguments = new object?[call.Arguments.Length];
        var failure = EvaluateInto(call.Arguments, arguments, 0);
        return failure ?? Invoke(call.Function.Name, call.Function.Body, arguments, call.Position);
    }

    private ExpressionResult? EvaluateInto(ImmutableArray<Node> nodes, object?[] values, int offset)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var result = Evaluate(nodes[i]);
            if (!result.Success)
            {
                return result;
            }

            values[i + offset] = result.Value;
        }

        return null;
    }

    private ExpressionResult Invoke(string name, FunctionBody body, object?[] arguments, int position)
    {
        var result = body(this, arguments);
        return result.Success || BudgetExceeded ? result : Fail($"{name}(): {result.Error}", position);
    }

    private ExpressionResult EvaluatePath(PathNode path)
    {
        var current = Evaluate(path.Root);
        foreach (var step in path.Steps)
        {
            if (!current.Success)
            {
                return current;
            }

            current = step switch
            {
                PropertyStep property => Access(current.Value, property.Name, property.Position),
                IndexStep index => AccessIndex(current.Value, index),
                MethodStep method => CallMethod(current.Value, method),
                _ => Fail("unsupported syntax", step.Position),
            };
        }

        return current;
    }

    private ExpressionResult AccessIndex(object? target, IndexStep step)
    {
        var index = Evaluate(step.Index);
        return index.Success ? Access(target, index.Value, step.Position) : index;
    }

    // JUEL: a property of null is null, a missing map key is null, a list index out of range is null.
    private ExpressionResult Access(object? target, object? key, int position)
    {
        if (!Charge(1))
        {
            return ExpressionResult.Fail(BudgetMessage);
        }

        switch (target)
        {
            case null:
                return ExpressionResult.Ok(null);
            case IReadOnlyDictionary<string, object?> map:
                if (ValueText.ToText(key, this, out var name) is { } keyError)
                {
                    return Fail(keyError, position);
                }

                return map.TryGetValue(name, out var raw) ? Normalized(raw, position) : ExpressionResult.Ok(null);
            case IReadOnlyList<object?> list:
                var indexError = Coercion.ToInteger(key, out var index);
                if (indexError is not null)
                {
                    return Fail($"list index: {indexError}", position);
                }

                return index >= 0 && index < list.Count ? Normalized(list[(int)index], position) : ExpressionResult.Ok(null);
            default:
                return Fail($"cannot read property '{(key as string ?? ValueText.Describe(key))}' of {ValueText.Describe(target)}", position);
        }
    }

    private static ExpressionResult Normalized(object? raw, int position)
    {
        var error = Values.Normalize(raw, out var value);
        return error is null ? ExpressionResult.Ok(value) : Fail(error, position);
    }

    private ExpressionResult CallMethod(object? receiver, MethodStep step)
    {
        var method = step.Method;
        if (!method.Accepts(receiver))
        {
            return Fail($"method '{method.Name}()' cannot be called on {ValueText.Describe(receiver)}", step.Position);
        }

        // The receiver becomes the first argument: s.startsWith(p) runs as startsWith(s, p).
        var arguments = new object?[step.Arguments.Length + 1];
        arguments[0] = receiver;
        var failure = EvaluateInto(step.Arguments, arguments, 1);
        return failure ?? Invoke(method.Name, method.Body, arguments, step.Position);
    }

    /// <summary>The work an operation does on a value: its element count for a list or map, else nothing.</summary>
    public static long SizeOf(object? value) => value switch
    {
        IReadOnlyCollection<object?> list => list.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        _ => 0,
    };
}
