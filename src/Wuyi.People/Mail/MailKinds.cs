namespace Wuyi.People.Mail;

/// <summary>The kinds of mail the service sends; a user may turn each off.</summary>
public static class MailKinds
{
    /// <summary>A task was offered to or assigned to the recipient.</summary>
    public const string TaskOffered = "task-offered";

    /// <summary>A task of the recipient falls due soon.</summary>
    public const string TaskDueSoon = "task-due-soon";

    /// <summary>A task inside the recipient's jurisdiction is overdue (to the supervising level).</summary>
    public const string TaskOverdue = "task-overdue";

    /// <summary>A certification's status changed: published, suspended, restored, delisted, cancelled.</summary>
    public const string CertificationStatus = "certification-status";

    /// <summary>A spot-check was assigned (inspectors only; a covert check is never mailed to the area).</summary>
    public const string SpotCheckAssigned = "spot-check-assigned";

    /// <summary>The daily digest of open and overdue tasks.</summary>
    public const string Digest = "digest";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All =
        [TaskOffered, TaskDueSoon, TaskOverdue, CertificationStatus, SpotCheckAssigned, Digest];
}
