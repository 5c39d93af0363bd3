using Microsoft.AspNetCore.Http.HttpResults;

namespace Wuyi.Server.Apis;

/// <summary>Checks <c>page</c> and <c>pageSize</c> query values.</summary>
internal static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The page and size to use, or a problem saying which value is wrong.</summary>
    public static (int Page, int Size, ProblemHttpResult? Problem) Check(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultSize;
        if (p < 1)
            return (0, 0, ApiProblems.BadRequest($"page must be 1 or more, not {p}."));
        if (s is < 1 or > MaxSize)
            return (0, 0, ApiProblems.BadRequest($"pageSize must be between 1 and {MaxSize}, not {s}."));
        return (p, s, null);
    }
}
