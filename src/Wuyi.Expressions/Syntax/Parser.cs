using System.Collections.Immutable;
using Wuyi.Expressions.Functions;

namespace Wuyi.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser for the tokens of one <c>${…}</c>, following JUEL precedence (loosest first):
/// <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== != eq ne</c>, <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>,
/// <c>+ -</c>, <c>* / div % mod</c>, unary <c>- ! not empty</c>, then <c>.</c> and <c>[]</c>.
/// One token of look-ahead and no backtracking, so parsing is linear; nesting is capped at
/// <see cref="Expression.MaxDepth"/> so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly ICollection<string> _variables;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, ICollection<string> variables)
    {
        _tokens = tokens;
        _variables = variables;
    }

    /// <summary>The first syntax error met, if any; parsing stops at it.</summary>
    private ExpressionError? Error { get; set; }

    private Token Current => _tokens[_index];

    /// <summary>Parses a whole token list (ending with <see cref="TokenKind.End"/>) into one tree, adding every
    /// top-level variable name it references to <paramref name="variables"/>.</summary>
    public static (Node? Node, ExpressionError? Error) Parse(List<Token> tokens, ICollection<string> variables)
    {
        var parser = new Parser(tokens, variables);
        if (parser.Current.Kind == TokenKind.End)
        {
            return (null, new ExpressionError("empty expression", parser.Current.Position));
        }

        var node = parser.ParseExpression();
        if (node is not null && parser.Current.Kind != TokenKind.End)
        {
            parser.Fail($"unexpected {Describe(parser.Current)}");
        }

        return parser.Error is null ? (node, null) : (null, parser.Error);
    }

    private Node? ParseExpression()
    {
        if (++_depth > Expression.MaxDepth)
        {
            return Fail($"expression is nested more than {Expression.MaxDepth} levels deep");
        }

        var node = ParseConditional();
        _depth--;
        return node;
    }

    private Node? ParseConditional()
    {
        var condition = ParseChain(0);
        if (condition is null || Current.Kind != TokenKind.Question)
        {
            return condition;
        }

        var position = Advance().Position;
        var then = ParseExpression();
        if (then is null || !Expect(TokenKind.Colon, "':' of the conditional operator"))
        {
            return null;
        }

        var otherwise = ParseExpression();
        return otherwise is null ? null : new ConditionalNode(position, condition, then, otherwise);
    }

    // Binary precedence levels, loosest first; each level is a flat left-to-right chain.
    private static readonly (TokenKind Token, BinaryOperator Operator)[][] Levels =
    [
        [(TokenKind.Or, BinaryOperator.Or)],
        [(TokenKind.And, BinaryOperator.And)],
        [(TokenKind.Equal, BinaryOperator.Equal), (TokenKind.NotEqual, BinaryOperator.NotEqual)],
        [
            (TokenKind.Less, BinaryOperator.Less), (TokenKind.Greater, BinaryOperator.Greater),
            (TokenKind.LessOrEqual, BinaryOperator.LessOrEqual), (TokenKind.GreaterOrEqual, BinaryOperator.GreaterOrEqual),
        ],
        [(TokenKind.Plus, BinaryOperator.Add), (TokenKind.Minus, BinaryOperator.Subtract)],
        [(TokenKind.Star, BinaryOperator.Multiply), (TokenKind.Slash, BinaryOperator.Divide), (TokenKind.Percent, BinaryOperator.Modulo)],
    ];

    private Node? ParseChain(int level)
    {
        if (level == Levels.Length)
        {
            return ParseUnary();
        }

        var first = ParseChain(level + 1);
        if (first is null)
        {
            return null;
        }

        ImmutableArray<ChainLink>.Builder? links = null;
        while (OperatorAt(level) is { } op)
        {
            var position = Advance().Position;
            var operand = ParseChain(level + 1);
            if (operand is null)
            {
                return null;
            }

            (links ??= ImmutableArray.CreateBuilder<ChainLink>()).Add(new ChainLink(op, position, operand));
        }

        return links is null ? first : new ChainNode(first.Position, first, links.ToImmutable());
    }

    private BinaryOperator? OperatorAt(int level)
    {
        foreach (var (token, op) in Levels[level])
        {
            if (Current.Kind == token)
            {
                return op;
            }
        }

        return null;
    }

    private Node? ParseUnary()
    {
        UnaryOperator? op = Current.Kind switch
        {
            TokenKind.Minus => UnaryOperator.Negate,
            TokenKind.Not => UnaryOperator.Not,
            TokenKind.Empty => UnaryOperator.Empty,
            _ => null,
        };
        if (op is null)
        {
            return ParsePath();
        }

        var position = Advance().Position;
        if (++_depth > Expression.MaxDepth)
        {
            return Fail($"expression is nested more than {Expression.MaxDepth} levels deep");
        }

        var operand = ParseUnary();
        _depth--;
        if (operand is null)
        {
            return null;
        }

        // Fold "-5" into a literal so negative constants cost no evaluation step.
        return (op, operand) switch
        {
            (UnaryOperator.Negate, LiteralNode { Value: long n }) when n != long.MinValue => new LiteralNode(position, -n),
            (UnaryOperator.Negate, LiteralNode { Value: double d }) => new LiteralNode(position, -d),
            _ => new UnaryNode(position, op.Value, operand),
        };
    }

    private Node? ParsePath()
    {
        var root = ParsePrimary();
        if (root is null)
        {
            return null;
        }

        ImmutableArray<PathStep>.Builder? steps = null;
        while (Current.Kind is TokenKind.Dot or TokenKind.LeftBracket)
        {
            var step = Current.Kind == TokenKind.Dot ? ParseMember() : ParseIndex();
            if (step is null)
            {
                return null;
            }

            (steps ??= ImmutableArray.CreateBuilder<PathStep>()).Add(step);
        }

        return steps is null ? root : new PathNode(root.Position, root, steps.ToImmutable());
    }

    private PathStep? ParseMember()
    {
        Advance();
        var name = Current;
        if (name.Kind != TokenKind.Identifier)
        {
            Fail($"expected a property name after '.' but found {Describe(name)}");
            return null;
        }

        Advance();
        if (Current.Kind != TokenKind.LeftParen)
        {
            return new PropertyStep(name.Position, name.Text);
        }

        if (!MethodTable.TryGet(name.Text, out var method))
        {
            Fail($"method '{name.Text}' is not allowed in expressions; allowed methods: {MethodTable.Names}", name.Position);
            return null;
        }

        var arguments = ParseArguments(name, method.MinArguments, method.MaxArguments);
        return arguments is null ? null : new MethodStep(name.Position, method, arguments.Value);
    }

    private IndexStep? ParseIndex()
    {
        var position = Advance().Position;
        var index = ParseExpression();
        if (index is null || !Expect(TokenKind.RightBracket, "']'"))
        {
            return null;
        }

        return new IndexStep(position, index);
    }

    private Node? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.String:
                Advance();
                return new LiteralNode(token.Position, token.Value);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralNode(token.Position, token.Kind == TokenKind.True);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(token.Position, null);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                return inner is not null && Expect(TokenKind.RightParen, "')'") ? inner : null;
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.LeftParen)
                {
                    return ParseFunctionCall(token);
                }

                _variables.Add(token.Text);
                return new IdentifierNode(token.Position, token.Text);
            default:
                return Fail($"expected a value but found {Describe(token)}");
        }
    }

    private Node? ParseFunctionCall(Token name)
    {
        if (!FunctionTable.TryGet(name.Text, out var function))
        {
            return Fail($"unknown function '{name.Text}'; allowed functions: {FunctionTable.Names}", name.Position);
        }

        var arguments = ParseArguments(name, function.MinArguments, function.MaxArguments);
        return arguments is null ? null : new FunctionCallNode(name.Position, function, arguments.Value);
    }

    private ImmutableArray<Node>? ParseArguments(Token name, int min, int max)
    {
        Advance();
        var arguments = ImmutableArray.CreateBuilder<Node>();
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                var argument = ParseExpression();
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        if (!Expect(TokenKind.RightParen, "',' or ')'"))
        {
            return null;
        }

        if (arguments.Count < min || arguments.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            Fail($"'{name.Text}' takes {expected} argument(s) but was given {arguments.Count}", name.Position);
            return null;
        }

        return arguments.ToImmutable();
    }

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private bool Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }

        Fail($"expected {what} but found {Describe(Current)}");
        return false;
    }

    private Node? Fail(string message, int? position = null)
    {
        Error ??= new ExpressionError(message, position ?? Current.Position);
        return null;
    }

    private static string Describe(Token token) =>
        token.Kind == TokenKind.End ? "the end of the expression" : $"'{Tokenizer.Shorten(token.Text)}'";
}
