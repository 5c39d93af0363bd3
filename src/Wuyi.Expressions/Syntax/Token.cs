namespace Wuyi.Expressions.Syntax;

/// <summary>One token: its kind, its offset in the whole text, its source spelling and, for literals and
/// identifiers, its value (a <see cref="long"/>, <see cref="double"/> or unescaped <see cref="string"/>).</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value);
