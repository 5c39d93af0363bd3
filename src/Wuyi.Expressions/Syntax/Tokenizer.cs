using System.Globalization;
using System.Text;

namespace Wuyi.Expressions.Syntax;

/// <summary>
/// Splits the inside of one <c>${…}</c> into tokens, stopping at the first <c>}</c> outside a string literal.
/// A single forward pass, so tokenizing is linear in the input length.
/// </summary>
internal static class Tokenizer
{
    private static readonly Dictionary<string, TokenKind> Words = new(StringComparer.Ordinal)
    {
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
        ["empty"] = TokenKind.Empty,
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["eq"] = TokenKind.Equal,
        ["ne"] = TokenKind.NotEqual,
        ["lt"] = TokenKind.Less,
        ["gt"] = TokenKind.Greater,
        ["le"] = TokenKind.LessOrEqual,
        ["ge"] = TokenKind.GreaterOrEqual,
        ["div"] = TokenKind.Slash,
        ["mod"] = TokenKind.Percent,
    };

    /// <summary>
    /// Tokenizes <paramref name="text"/> from <paramref name="start"/> (just after the opening brace) up to the
    /// closing brace. On success <paramref name="tokens"/> ends with an <see cref="TokenKind.End"/> token placed
    /// on the brace and <paramref name="next"/> is the offset after it.
    /// </summary>
    public static ExpressionError? Scan(string text, int start, int openedAt, List<Token> tokens, out int next)
    {
        next = text.Length;
        var i = start;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return new ExpressionError($"missing '}}' to close the expression opened at position {openedAt}", openedAt);
            }

            var c = text[i];
            if (c == '}')
            {
                tokens.Add(new Token(TokenKind.End, i, "}", null));
                next = i + 1;
                return null;
            }

            var error = c switch
            {
                '\'' or '"' => ScanString(text, ref i, tokens),
                _ when char.IsAsciiDigit(c) || (c == '.' && StartsFraction(text, i, tokens)) => ScanNumber(text, ref i, tokens),
                _ when IsIdentifierStart(c) => ScanWord(text, ref i, tokens),
                _ => ScanSymbol(text, ref i, tokens),
            };
            if (error is not null)
            {
                return error;
            }
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // ".5" is a number only where a value may start; after a value the dot is property access.
    private static bool StartsFraction(string text, int i, List<Token> tokens) =>
        i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) &&
        (tokens.Count == 0 || tokens[^1].Kind is not (TokenKind.Identifier or TokenKind.RightParen
            or TokenKind.RightBracket or TokenKind.Integer or TokenKind.Decimal or TokenKind.String));

    private static ExpressionError? ScanWord(string text, ref int i, List<Token> tokens)
    {
        var start = i;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        var word = text[start..i];
        if (word == "instanceof")
        {
            return new ExpressionError("'instanceof' is not supported", start);
        }

        var kind = Words.TryGetValue(word, out var k) ? k : TokenKind.Identifier;
        tokens.Add(new Token(kind, start, word, kind == TokenKind.Identifier ? word : null));
        return null;
    }

    private static ExpressionError? ScanNumber(string text, ref int i, List<Token> tokens)
    {
        var start = i;
        var isDecimal = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDecimal = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                isDecimal = true;
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var spelling = text[start..i];
        if (isDecimal)
        {
            var value = double.Parse(spelling, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(value))
            {
                return new ExpressionError($"number '{Shorten(spelling)}' is out of range", start);
            }

            tokens.Add(new Token(TokenKind.Decimal, start, spelling, value));
            return null;
        }

        if (!long.TryParse(spelling, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
        {
            return new ExpressionError($"integer '{Shorten(spelling)}' is too large", start);
        }

        tokens.Add(new Token(TokenKind.Integer, start, spelling, integer));
        return null;
    }

    private static ExpressionError? ScanString(string text, ref int i, List<Token> tokens)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            var c = text[i++];
            if (c != '\\' || i >= text.Length)
            {
                value.Append(c);
                continue;
            }

            var escaped = text[i++];
            switch (escaped)
            {
                case '\\' or '\'' or '"':
                    value.Append(escaped);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 'u' when i + 4 <= text.Length &&
                              ushort.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    // JUEL keeps an unknown escape as written.
                    value.Append('\\').Append(escaped);
                    break;
            }
        }

        if (i >= text.Length)
        {
            return new ExpressionError("unterminated string literal", start);
        }

        i++;
        tokens.Add(new Token(TokenKind.String, start, text[start..i], value.ToString()));
        return null;
    }

    private static ExpressionError? ScanSymbol(string text, ref int i, List<Token> tokens)
    {
        var start = i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        (TokenKind Kind, int Length)? symbol = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            _ => null,
        };
        if (symbol is not { } s)
        {
            return new ExpressionError(c switch
            {
                '=' => "assignment is not supported; use '==' to compare",
                '&' => "'&' is not an operator; use '&&' or 'and'",
                '|' => "'|' is not an operator; use '||' or 'or'",
                '{' => "'{' is not supported inside an expression",
                _ => $"unexpected character '{c}'",
            }, start);
        }

        i += s.Length;
        tokens.Add(new Token(s.Kind, start, text.Substring(start, s.Length), null));
        return null;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
