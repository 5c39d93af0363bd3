namespace Wuyi.People.Access;

/// <summary>How a caller may act on a task.</summary>
public enum TaskAccess
{
    /// <summary>Not at all: the task is outside their groups and jurisdiction (or they applied for the area).</summary>
    None,

    /// <summary>As one of the people it is for: assignee, candidate user or member of a candidate group.</summary>
    Member,

    /// <summary>As an administrator of the task's region (someone is on leave): recorded as an administrator's action.</summary>
    Administrator,
}
