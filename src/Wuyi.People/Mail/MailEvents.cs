using System.Globalization;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// Which event makes which mail, with the template values: the one place that knows the shipped models' names
/// (the certification's <c>status</c>, <c>areaCode</c>, <c>countyCode</c>, the inspector role).
/// </summary>
public static class MailEvents
{
    /// <summary>The role whose tasks are spot-checks (mailed as <see cref="MailKinds.SpotCheckAssigned"/>).</summary>
    public const string InspectorRole = "inspector";

    private static readonly Dictionary<string, string> StatusWords = new(StringComparer.Ordinal)
    {
        ["published"] = "已通过认定并发布", ["suspended"] = "暂停认定", ["restored"] = "恢复认定",
        ["delisted"] = "摘牌", ["cancelled"] = "取消认定",
    };

    /// <summary>A task offered to its assignee or candidate groups.</summary>
    public static MailRequest TaskOffered(UserTaskRecord task, IReadOnlyDictionary<string, object?> variables)
    {
        var groups = Split(task.CandidateGroups);
        var spotCheck = groups.Count > 0 && groups.All(g => g.StartsWith(InspectorRole + ":", StringComparison.Ordinal));
        return new MailRequest(spotCheck ? MailKinds.SpotCheckAssigned : MailKinds.TaskOffered, spotCheck ? "spot-check-assigned" : "task-offered",
            task.Assignee, task.Assignee is null ? groups : null, null, MailOutbox.Model(TaskModel(task, variables)));
    }

    /// <summary>A task falling due soon (to whoever may do it) or overdue (to <paramref name="supervisors"/>).</summary>
    public static MailRequest TaskNotice(string kind, UserTaskRecord task, IReadOnlyDictionary<string, object?> variables,
        IReadOnlyList<string>? supervisors) =>
        kind == MailKinds.TaskOverdue
            ? new MailRequest(kind, "task-overdue", null, supervisors, null, MailOutbox.Model(TaskModel(task, variables)))
            : new MailRequest(kind, "task-due-soon", task.Assignee, task.Assignee is null ? Split(task.CandidateGroups) : null, null,
                MailOutbox.Model(TaskModel(task, variables)));

    /// <summary>The mail of a certification's status change, or null when the transition changed nothing mailed.</summary>
    public static MailRequest? CertificationStatus(CommittedTransition transition)
    {
        if (transition.ProcessKey != "certification" || transition.Before is null)
            return null;
        var before = transition.Before.Variables.GetValueOrDefault("status") as string;
        var after = transition.After.Variables.GetValueOrDefault("status") as string;
        if (before == after)
            return null;
        var change = (before, after) switch
        {
            ("suspended", "certified") => "restored",
            (_, "certified") => "published",
            (_, "suspended") => "suspended",
            (_, "delisted") => "delisted",
            (_, "cancelled") => "cancelled",
            _ => null,
        };
        if (change is null)
            return null;
        var v = transition.After.Variables;
        var area = v.GetValueOrDefault("areaCode") as string ?? transition.BusinessKey ?? "";
        var county = v.GetValueOrDefault("countyCode") as string ?? (area.Length >= 6 ? area[..6] : area);
        return new MailRequest(MailKinds.CertificationStatus, "certification-status", null, null,
            [new MailAudience(["applicant"], area), new MailAudience(["county-assessor", "civilisation-centre"], county)],
            MailOutbox.Model(new Dictionary<string, object?>
            {
                ["change"] = change, ["changeText"] = StatusWords[change], ["areaCode"] = area,
                ["areaName"] = v.GetValueOrDefault("areaName") as string ?? area, ["countyCode"] = county,
                ["at"] = Local(transition.At), ["reason"] = v.GetValueOrDefault("endReason") as string,
            }));
    }

    /// <summary>A time as mail shows it: Beijing time, to the minute.</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> TaskModel(UserTaskRecord task, IReadOnlyDictionary<string, object?> variables) => new()
    {
        ["task"] = new Dictionary<string, object?>
        {
            ["id"] = task.Id, ["name"] = task.Name ?? task.ElementId, ["elementId"] = task.ElementId, ["businessKey"] = task.BusinessKey,
            ["dueAt"] = task.DueAt is { } due ? Local(due) : null, ["formKey"] = task.FormKey,
        },
        ["areaName"] = variables.GetValueOrDefault("areaName") as string ?? task.BusinessKey,
        ["areaCode"] = variables.GetValueOrDefault("areaCode") as string ?? task.BusinessKey,
    };

    private static List<string> Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
