using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wuyi.Runtime.Limits;

namespace Wuyi.Server.Hosting;

/// <summary>Why a request is refused, in the API's terms: the field, what it should be, what came, the limit.</summary>
/// <param name="Status">400, or 413 for a body over the size limit.</param>
/// <param name="Field">The field as a client names it (a JSON path, a query parameter, a header).</param>
/// <param name="Expected">What the field must be.</param>
/// <param name="Got">What was sent, described (never echoed whole: it may be a megabyte).</param>
/// <param name="Detail">One sentence for a person.</param>
/// <param name="Limit">The name of the <see cref="Wuyi.Runtime.Limits.InputLimits"/> setting broken, if one was.</param>
internal sealed record InputRefusal(int Status, string Field, string Expected, string Got, string Detail, string? Limit)
{
    /// <summary>A body over <c>MaxRequestBodyBytes</c>.</summary>
    public static InputRefusal TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "body", $"at most {limit} bytes", $"more than {limit} bytes",
            $"The request body is larger than the limit of {limit} bytes (Wuyi:Limits:MaxRequestBodyBytes).", "MaxRequestBodyBytes");

    /// <summary>The refusal as problem details, with <c>field</c>, <c>expected</c>, <c>got</c> and <c>limit</c> members.</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails
        {
            Status = Status,
            Title = Status == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "The request is invalid",
            Detail = Detail,
        };
        problem.Extensions["field"] = Field;
        problem.Extensions["expected"] = Expected;
        problem.Extensions["got"] = Got;
        if (Limit is not null)
            problem.Extensions["limit"] = $"{InputLimits.Section}:{Limit}";
        return problem;
    }
}
