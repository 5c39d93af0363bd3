using System.Collections.Immutable;

namespace Wuyi.Engine.State;

/// <summary>Variable maps are sorted by name with ordinal comparison, which keeps serialisation deterministic.</summary>
internal static class VariableMaps
{
    public static readonly ImmutableSortedDictionary<string, object?> Empty =
        ImmutableSortedDictionary.Create<string, object?>(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, object?> From(IEnumerable<KeyValuePair<string, object?>>? values)
    {
        if (values is null) return Empty;
        var builder = Empty.ToBuilder();
        foreach (var (k, v) in values) builder[k] = JsonValues.Canonical(v);
        return builder.ToImmutable();
    }
}
