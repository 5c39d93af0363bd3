namespace Wuyi.People.Access;

/// <summary>
/// Who may see and act on a user task. A candidate group is <c>role:code</c>: a caller holding the role at that code or
/// at a region containing it acts on it, when the task's region also lies inside their region. An applicant never acts
/// on anything but an applicant's task of their own area; an administrator of the task's region acts on any task.
/// API keys never act on tasks.
/// </summary>
public static class TaskRules
{
    /// <summary>How <paramref name="caller"/> may act on a task with these candidates, in <paramref name="regionCode"/>.</summary>
    public static TaskAccess AccessOf(Caller caller, string? assignee, IReadOnlyList<string> candidateUsers,
        IReadOnlyList<string> candidateGroups, string? regionCode)
    {
        if (caller.ApiKey is not null || caller.MustChangePassword)
            return TaskAccess.None;
        // The review of an application must never be done by the applicant, whatever else they hold.
        if (caller.Grants.Any(g => g.Role == Roles.Applicant && g.Covers(regionCode))
            && !candidateGroups.Any(g => RoleOf(g) == Roles.Applicant))
            return TaskAccess.None;
        if (assignee == caller.UserName || candidateUsers.Contains(caller.UserName)
            || candidateGroups.Any(group => IsMember(caller, group, regionCode)))
            return TaskAccess.Member;
        return caller.Administers(regionCode) ? TaskAccess.Administrator : TaskAccess.None;
    }

    /// <summary>Whether the caller is in <paramref name="group"/> (<c>role:code</c>, or a bare role for any code) for a
    /// task of <paramref name="regionCode"/>.</summary>
    public static bool IsMember(Caller caller, string group, string? regionCode)
    {
        var role = RoleOf(group);
        var code = group.Length > role.Length ? group[(role.Length + 1)..] : null;
        return caller.Grants.Any(g => g.Role == role
            && (code is null || g.Covers(code))
            && (regionCode is null || g.Covers(regionCode)));
    }

    private static string RoleOf(string group) => group.Split(':', 2)[0];
}
