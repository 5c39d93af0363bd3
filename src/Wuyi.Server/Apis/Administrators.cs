using Microsoft.AspNetCore.Builder;

namespace Wuyi.Server.Apis;

/// <summary>
/// Marks the endpoints only administrators may call (deploy, suspend, resume, cancel, retry incidents, move
/// the manual clock). Today it only documents them; when sign-in arrives, this one method adds the
/// authorization policy and no route or contract changes.
/// </summary>
public static class Administrators
{
    /// <summary>The description the OpenAPI document shows on these endpoints.</summary>
    public const string Note = "Administrators only (enforced once sign-in exists).";

    /// <summary>Restricts <paramref name="builder"/> to administrators.</summary>
    public static TBuilder AdministratorsOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithDescription(Note);
}
