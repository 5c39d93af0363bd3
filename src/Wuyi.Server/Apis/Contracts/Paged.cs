namespace Wuyi.Server.Apis.Contracts;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">At most this many items per page.</param>
/// <param name="Total">How many items match in all.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
