using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Wuyi.Certification;

namespace Wuyi.Server.Apis;

/// <summary>Maps the certification module's typed refusals to HTTP: the module knows no status codes.</summary>
internal static class Refusals
{
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => ApiProblems.NotFound(refusal.Message),
        RefusalKind.Conflict => ApiProblems.Conflict(refusal.Message),
        RefusalKind.Unprocessable => ApiProblems.Unprocessable(refusal.Message),
        _ => ApiProblems.BadRequest(refusal.Message),
    };
}
