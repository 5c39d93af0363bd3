namespace Wuyi.Expressions.Syntax;

/// <summary>The kinds of token inside <c>${…}</c>. Word operators (<c>and</c>, <c>eq</c>, <c>div</c>…) share the
/// kind of their symbolic twin so the parser sees one operator, not two spellings.</summary>
internal enum TokenKind
{
    End,
    Integer,
    Decimal,
    String,
    Identifier,
    True,
    False,
    Null,
    Empty,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Not,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Question,
    Colon,
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
}
