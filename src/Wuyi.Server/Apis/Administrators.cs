using Microsoft.AspNetCore.Builder;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Apis;

/// <summary>Marks the endpoints only administrators may call (deploy, suspend, resume, cancel, retry incidents, move
/// the manual clock, spot-checks, the audit). Which records they reach is still limited to their region.</summary>
public static class Administrators
{
    /// <summary>The description the OpenAPI document shows on these endpoints.</summary>
    public const string Note = "Administrators only.";

    /// <summary>Restricts <paramref name="builder"/> to administrators.</summary>
    public static TBuilder AdministratorsOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithDescription(Note).RequireAuthorization(CallerPolicies.Administrator);
}
