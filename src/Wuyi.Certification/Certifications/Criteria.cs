namespace Wuyi.Certification.Certifications;

/// <summary>The seven criteria (创建标准) every map of criteria uses.</summary>
public static class Criteria
{
    /// <summary>The keys, in the notice's order.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["organisation", "zeroCases", "measures", "environment", "healthServices", "personalResponsibility", "publicity"];

    /// <summary>A map of the seven criteria, each <paramref name="met"/> or not.</summary>
    public static Dictionary<string, bool> All(bool met) => Keys.ToDictionary(k => k, _ => met);

    /// <summary>Why a map of criteria is incomplete or has unknown keys, or null when it names exactly the seven.</summary>
    public static string? Problem(string name, IReadOnlyDictionary<string, bool>? map)
    {
        if (map is null)
            return $"{name} is required: each of the seven criteria ({string.Join(", ", Keys)}) true or false.";
        var missing = Keys.Where(k => !map.ContainsKey(k)).ToList();
        var unknown = map.Keys.Where(k => !Keys.Contains(k)).ToList();
        if (missing.Count == 0 && unknown.Count == 0)
            return null;
        var parts = new List<string>();
        if (missing.Count > 0)
            parts.Add($"missing {string.Join(", ", missing)}");
        if (unknown.Count > 0)
            parts.Add($"unknown {string.Join(", ", unknown)}");
        return $"{name} must name exactly the seven criteria ({string.Join(", ", Keys)}): {string.Join("; ", parts)}.";
    }
}
