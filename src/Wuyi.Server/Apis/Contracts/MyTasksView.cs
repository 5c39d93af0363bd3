namespace Wuyi.Server.Apis.Contracts;

/// <summary>My inbox: a page of tasks by due date, how many match, and the badges' counts.</summary>
/// <param name="Items">The page.</param>
/// <param name="Total">How many tasks match the filters.</param>
/// <param name="Counts">Counts over all my open tasks, whatever the filters.</param>
public sealed record MyTasksView(IReadOnlyList<TaskView> Items, int Total, InboxCounts Counts);

/// <summary>The console's badges.</summary>
/// <param name="All">Every open task assigned to me or claimable by me.</param>
/// <param name="Assigned">Assigned to me (or claimed by me).</param>
/// <param name="Claimable">Not yet claimed, offered to a group of mine.</param>
/// <param name="Overdue">Past their due date.</param>
/// <param name="DueSoon">Due within the next 24 hours.</param>
public sealed record InboxCounts(int All, int Assigned, int Claimable, int Overdue, int DueSoon);

/// <summary>To whom a task is delegated.</summary>
/// <param name="UserName">A colleague who holds a matching candidate group.</param>
public sealed record DelegateTaskBody(string? UserName);
