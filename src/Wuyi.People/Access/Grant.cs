using System.Diagnostics.CodeAnalysis;

namespace Wuyi.People.Access;

/// <summary>A role held inside a region (<c>county-assessor:460105</c>), or an API key's scope inside one.</summary>
/// <param name="Role">The role (or the API key's scope).</param>
/// <param name="Region">The region code: the jurisdiction.</param>
public sealed record Grant(string Role, string Region)
{
    /// <summary>Whether <paramref name="regionCode"/> lies inside this grant's region (codes nest by prefix).</summary>
    public bool Covers(string? regionCode) => regionCode is not null && regionCode.StartsWith(Region, StringComparison.Ordinal);

    /// <summary>Reads <c>role:region</c>; null with a reason when it is malformed.</summary>
    public static bool TryParse(string text, IReadOnlyList<string> roles, [NotNullWhen(true)] out Grant? grant, out string? error)
    {
        grant = null;
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0)
            error = $"'{text}' is not ROLE:REGION (e.g. county-assessor:460105)";
        else if (!roles.Contains(parts[0]))
            error = $"'{parts[0]}' is not one of: {string.Join(", ", roles)}";
        else if (parts[1].Length is < 2 or > 15 || !parts[1].All(char.IsAsciiDigit))
            error = $"'{parts[1]}' is not a region code (2 to 15 digits, e.g. 46 or 460105)";
        else
        {
            error = null;
            grant = new Grant(parts[0], parts[1]);
        }
        return grant is not null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Role}:{Region}";
}
