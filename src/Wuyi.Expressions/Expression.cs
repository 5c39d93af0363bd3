using System.Collections.Immutable;
using System.Text;
using Wuyi.Expressions.Evaluation;
using Wuyi.Expressions.Syntax;

namespace Wuyi.Expressions;

/// <summary>
/// A compiled expression or template from a BPMN model: <c>${approved}</c>, <c>#{a &gt; 1}</c>, or text
/// with embedded expressions such as <c>township-reviewer:${townshipCode}</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A text holding exactly one <c>${…}</c> (surrounding whitespace ignored, as Camunda trims condition
/// text) evaluates to the expression's typed value; any other text evaluates to a string in which every
/// expression is replaced by its text form: null is "", numbers are invariant ("7", "3.5"), lists and maps
/// are compact JSON.
/// Write <c>\${</c> for a literal <c>${</c>.
/// </remarks>
public sealed class Expression
{
    /// <summary>Deepest nesting of parentheses, arguments, indexes and prefix operators the parser accepts.</summary>
    public const int MaxDepth = 200;

    /// <summary>Longest string (in UTF-16 code units) an evaluation may produce.</summary>
    public const int MaxStringLength = 1_048_576;

    private readonly ImmutableArray<TemplatePart> _parts;
    private readonly Node? _single;

    private Expression(string text, ImmutableArray<TemplatePart> parts, ImmutableArray<string> variables)
    {
        Text = text;
        _parts = parts;
        Variables = variables;
        var expressions = parts.Where(p => p.Expression is not null).ToList();
        IsLiteral = expressions.Count == 0;
        if (expressions.Count == 1 && parts.All(p => p.Expression is not null || string.IsNullOrWhiteSpace(p.Literal)))
        {
            _single = expressions[0].Expression;
        }
    }

    /// <summary>The source text as written in the model.</summary>
    public string Text { get; }

    /// <summary>True when the text holds no <c>${…}</c> part: it evaluates to itself (with <c>\${</c> escapes
    /// resolved) and reads no variable.</summary>
    public bool IsLiteral { get; }

    /// <summary>True when the text is a single <c>${…}</c>, so evaluation yields a typed value rather than a
    /// string.</summary>
    public bool IsSingleExpression => _single is not null;

    /// <summary>The distinct top-level variable names the text references, in order of first appearance
    /// (<c>${a.b + c}</c> gives <c>a</c>, <c>c</c>).</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Parses <paramref name="text"/>; a syntax error is a value, never an exception. Parsing is
    /// linear in the text's length.</summary>
    public static ExpressionParse Parse(string text)
    {
        if (text is null)
        {
            return new ExpressionParse(null, new ExpressionError("expression text is null", 0));
        }

        var (parts, variables, error) = TemplateScanner.Scan(text);
        return error is null ? new ExpressionParse(new Expression(text, parts, variables), null) : new ExpressionParse(null, error);
    }

    /// <summary>Evaluates against <paramref name="context"/>; failures (unknown variable, type mismatch,
    /// budget exceeded, result too long) are values whose message names the cause and its position.</summary>
    public ExpressionResult Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var evaluator = new Evaluator(context);
        if (_single is not null)
        {
            return evaluator.EvaluateToResult(_single);
        }

        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Expression is null)
            {
                text.Append(part.Literal);
            }
            else
            {
                var value = evaluator.Evaluate(part.Expression);
                if (!value.Success)
                {
                    return value;
                }

                var appended = ValueText.Append(text, value.Value, evaluator);
                if (appended is not null)
                {
                    return ExpressionResult.Fail(appended);
                }
            }

            if (text.Length > MaxStringLength)
            {
                return ExpressionResult.Fail(Evaluator.TooLongMessage);
            }
        }

        return ExpressionResult.Ok(text.ToString());
    }

    /// <summary>Evaluates a condition: succeeds only with a <see cref="bool"/> value, as Camunda requires of
    /// sequence-flow and completion conditions; any other value (null and "true" included) is a failure.</summary>
    public ExpressionResult EvaluateBoolean(EvaluationContext context)
    {
        var result = Evaluate(context);
        if (!result.Success || result.Value is bool)
        {
            return result;
        }

        return ExpressionResult.Fail(
            $"condition expression returns non-Boolean: {ValueText.Describe(result.Value)} in '{Tokenizer.Shorten(Text)}'");
    }

    /// <summary>The source text.</summary>
    public override string ToString() => Text;
}
