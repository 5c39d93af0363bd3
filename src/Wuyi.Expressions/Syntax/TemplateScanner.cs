using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Wuyi.Expressions.Syntax;

/// <summary>
/// Splits model text into literal runs and <c>${…}</c> / <c>#{…}</c> expressions, parsing each expression.
/// <c>\${</c> and <c>\#{</c> stand for the literal characters. One forward pass over the text.
/// </summary>
internal static class TemplateScanner
{
    private static readonly SearchValues<char> Specials = SearchValues.Create("$#\\");

    /// <summary>Parses <paramref name="text"/>; on failure returns the first syntax error.</summary>
    public static (ImmutableArray<TemplatePart> Parts, ImmutableArray<string> Variables, ExpressionError? Error) Scan(string text)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var variables = new List<string>();
        var tokens = new List<Token>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var special = text.AsSpan(i).IndexOfAny(Specials);
            if (special < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, special);
            i += special;
            var c = text[i];
            if (c == '\\' && i + 2 < text.Length && text[i + 1] is ('$' or '#') && text[i + 2] == '{')
            {
                literal.Append(text[i + 1]).Append('{');
                i += 3;
                continue;
            }

            if (c == '\\' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), null));
                literal.Clear();
            }

            tokens.Clear();
            var error = Tokenizer.Scan(text, i + 2, i, tokens, out var next);
            if (error is not null)
            {
                return ([], [], error);
            }

            var (node, parseError) = Parser.Parse(tokens, variables);
            if (parseError is not null)
            {
                return ([], [], parseError);
            }

            parts.Add(new TemplatePart(null, node));
            i = next;
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), null));
        }

        return (parts.ToImmutable(), [.. variables.Distinct(StringComparer.Ordinal)], null);
    }
}
