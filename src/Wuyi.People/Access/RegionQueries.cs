using System.Linq.Expressions;

namespace Wuyi.People.Access;

/// <summary>Narrows a query to the rows inside a caller's jurisdiction, in SQL (an <c>OR</c> of prefix tests).</summary>
public static class RegionQueries
{
    /// <summary>The rows whose region (<paramref name="region"/>) lies inside one of the caller's regions; rows with no
    /// region only for administrators.</summary>
    public static IQueryable<T> Inside<T>(this IQueryable<T> rows, Caller caller, Expression<Func<T, string?>> region)
    {
        var parameter = region.Parameters[0];
        Expression? any = caller.IsAdministrator ? Expression.Equal(region.Body, Expression.Constant(null, typeof(string))) : null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var code in caller.Regions)
        {
            var test = Expression.AndAlso(Expression.NotEqual(region.Body, Expression.Constant(null, typeof(string))),
                Expression.Call(region.Body, startsWith, Expression.Constant(code)));
            any = any is null ? test : Expression.OrElse(any, test);
        }
        return rows.Where(Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), parameter));
    }
}
