using System.Text.RegularExpressions;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Finds .NET type names in text a client reads (they mean nothing to it and give away internals).</summary>
internal static partial class ClrNames
{
    public static void AssertNone(string text) =>
        Assert.False(Pattern().IsMatch(text), $"the answer names a .NET type: {Pattern().Match(text).Value} in {Shorten(text)}");

    public static bool Any(string text) => Pattern().IsMatch(text);

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex(@"\b(System|Microsoft|Wuyi|Npgsql)\.[A-Z][A-Za-z0-9_`]*|Nullable`1|JsonElement|\bInt32\b|\bInt64\b")]
    private static partial Regex Pattern();
}
