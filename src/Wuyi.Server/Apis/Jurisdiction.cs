using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Signals;
using Wuyi.People.Access;
using Wuyi.Runtime.Store;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Apis;

/// <summary>
/// Endpoint filters that keep each caller inside their jurisdiction: a record outside it answers 404 (its existence does
/// not leak), an action the caller's roles do not allow on a record they can see answers 403. The handlers stay as
/// they were; the region of the record is looked up here, by its id.
/// </summary>
internal static class Jurisdiction
{
    /// <summary>Set on the request when an administrator acts on a task that is not theirs (the audit records it).</summary>
    public const string AsAdministrator = "wuyi.as-administrator";

    /// <summary>Set on the request to the region of the record acted on (the audit records it).</summary>
    public const string Region = "wuyi.region";

    /// <summary>The instance (or certification) named by the route's <c>id</c> must lie inside the caller's region
    /// (with <paramref name="administer"/>: the caller must administer it).</summary>
    public static RouteHandlerBuilder InstanceInside(this RouteHandlerBuilder route, bool administer = false, bool certification = false) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = http.Request.RouteValues["id"] as string ?? "";
            var instance = await http.RequestServices.GetRequiredService<RuntimeDbContext>().Instances.AsNoTracking()
                .Where(i => i.Id == id).Select(i => new { i.RegionCode }).SingleOrDefaultAsync(http.RequestAborted);
            if (instance is null)
                return await next(context); // the handler's own 404
            http.Items[Region] = instance.RegionCode;
            var caller = CallerOf(http);
            return !caller.Sees(instance.RegionCode) ? Hidden(certification ? $"No certification has the id '{id}'." : $"There is no instance {id}.")
                : administer && !caller.Administers(instance.RegionCode) ? Forbidden($"only an administrator of {instance.RegionCode} may do this.")
                : await next(context);
        });

    /// <summary>The incident named by the route's <c>id</c> must belong to an instance the caller administers.</summary>
    public static RouteHandlerBuilder IncidentInside(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = long.TryParse(http.Request.RouteValues["id"] as string, out var n) ? n : 0;
            var db = http.RequestServices.GetRequiredService<RuntimeDbContext>();
            var region = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new { Region = db.Instances.Where(x => x.Id == i.InstanceId).Select(x => x.RegionCode).FirstOrDefault() })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (region is null)
                return await next(context);
            http.Items[Region] = region.Region;
            return CallerOf(http).Administers(region.Region) ? await next(context) : Hidden($"There is no incident {id}.");
        });

    /// <summary>The area named by the route's <c>code</c> must lie inside the caller's region.</summary>
    public static RouteHandlerBuilder AreaInside(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
            CallerOf(context.HttpContext).Sees(context.HttpContext.Request.RouteValues["code"] as string)
                ? await next(context)
                : Hidden($"No village, community or compound has the code '{context.HttpContext.Request.RouteValues["code"]}'."));

    /// <summary>An application: by the area's applicant, or an administrator of the area.</summary>
    public static RouteHandlerBuilder ApplicantOfArea(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var area = context.Arguments.OfType<CertificationApplication>().FirstOrDefault()?.AreaCode;
            var caller = CallerOf(context.HttpContext);
            if (area is null || caller.Holds(Roles.Applicant, area) || caller.Administers(area))
                return await next(context);
            return caller.Sees(area)
                ? Forbidden($"only the applicant of {area} (or its administrator) may apply for it.")
                : Hidden($"No village, community or compound has the code '{area}' inside your jurisdiction.");
        });

    /// <summary>A compound is registered inside the caller's region.</summary>
    public static RouteHandlerBuilder CommunityInside(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var community = context.Arguments.OfType<RegisterCompoundBody>().FirstOrDefault()?.CommunityCode;
            return community is null || CallerOf(context.HttpContext).Sees(community)
                ? await next(context)
                : Hidden($"No community has the code '{community}' inside your jurisdiction.");
        });

    /// <summary>Every signal of a batch concerns an area or region inside the sender's health-operator region.</summary>
    public static RouteHandlerBuilder SignalsInside(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var caller = CallerOf(context.HttpContext);
            var signals = context.Arguments.OfType<IReadOnlyList<EpidemicSignal>>().FirstOrDefault() ?? [];
            for (var i = 0; i < signals.Count; i++)
                if ((signals[i].AreaCode ?? signals[i].RegionCode) is { } code && !caller.Holds(Roles.HealthOperator, code))
                    return Forbidden($"signal [{i}] ({signals[i].Id}) concerns {code}, outside the regions you send signals for "
                        + $"({string.Join(", ", caller.Grants.Where(g => g.Role == Roles.HealthOperator).Select(g => g.Region))}).");
            return await next(context);
        });

    /// <summary>A list's <c>region</c> argument narrowed to the caller's jurisdiction (their own region when none or a
    /// wider one is asked for).</summary>
    public static RouteHandlerBuilder RegionArgumentInside(this RouteHandlerBuilder route, int argument) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var caller = CallerOf(context.HttpContext);
            var asked = context.Arguments[argument] as string;
            if (asked is { Length: > 0 } && caller.Sees(asked))
                return await next(context);
            var mine = caller.Regions.Where(r => asked is null || r.StartsWith(asked, StringComparison.Ordinal)).ToList();
            if (mine.Count == 0)
                return asked is { Length: > 0 } && asked.All(char.IsAsciiDigit)
                    ? Hidden($"No region '{asked}' is inside your jurisdiction.")
                    : await next(context);
            if (mine.Count > 1)
                return ApiProblems.BadRequest($"region is required: you hold several regions ({string.Join(", ", mine)}); ask for one.");
            context.Arguments[argument] = mine[0];
            return await next(context);
        });

    /// <summary>The caller of an authorised request.</summary>
    public static Caller CallerOf(HttpContext http) =>
        CallerAuthentication.CallerOf(http) ?? throw new InvalidOperationException("an endpoint behind authorisation ran without a caller");

    public static ProblemHttpResult Forbidden(string why) =>
        TypedResults.Problem("Your roles do not allow this: " + why, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    // The same answer as for a record that does not exist, so that existence outside the jurisdiction does not leak.
    private static ProblemHttpResult Hidden(string detail) => ApiProblems.NotFound(detail);
}
