using Wuyi.People.Access;

namespace Wuyi.Server.Apis;

/// <summary>
/// An open spot-check (form <c>spot-check-open</c>) may be done by a county or a provincial inspector, and the model
/// branches on which: a provincial inspector's failed check cancels the certification at once, a county inspector's
/// goes to the province for confirmation. So the inspector's region (<c>inspectorRegion</c>) is the server's word —
/// the widest region of the signed-in caller's inspector role — never the client's.
/// </summary>
internal static class OpenInspection
{
    private const string FormKey = "spot-check-open";
    private const string Variable = "inspectorRegion";

    /// <summary>The variables to complete a task of form <paramref name="formKey"/> with: for an open spot-check,
    /// <c>inspectorRegion</c> set from the caller.</summary>
    public static IReadOnlyDictionary<string, object?> Stamp(string? formKey, IReadOnlyDictionary<string, object?> variables, RequestActor actor)
    {
        if (formKey != FormKey)
            return variables;
        var stamped = new Dictionary<string, object?>(variables);
        var region = actor.Caller?.Grants.Where(g => g.Role == Roles.Inspector).Select(g => g.Region).MinBy(r => r.Length);
        if (region is null)
            stamped.Remove(Variable);
        else
            stamped[Variable] = region;
        return stamped;
    }
}
