namespace Wuyi.Expressions.Syntax;

/// <summary>One part of a parsed text: literal text (escapes resolved) or an embedded expression.</summary>
/// <param name="Literal">The literal text when <paramref name="Expression"/> is null.</param>
/// <param name="Expression">The embedded expression's tree.</param>
internal readonly record struct TemplatePart(string? Literal, Node? Expression);
