using System.Text.Json;

namespace Wuyi.People.Mail;

/// <summary>
/// One event's mail, as an outbox row of kind <see cref="MailOutbox.RequestKind"/> stores it (JSON): the kind the
/// recipients may have muted, the template, who it is for, and the template's values. Recipients are looked up
/// when the row is carried out, after the transition committed, never inside it.
/// </summary>
/// <param name="Kind">A <see cref="MailKinds"/> value.</param>
/// <param name="Template">The template's name: <c>workflows/mail/{Template}.liquid</c>.</param>
/// <param name="Assignee">A task's assignee (it goes to them only).</param>
/// <param name="CandidateGroups">A task's candidate groups <c>role:region</c> (when it has no assignee).</param>
/// <param name="Audiences">Roles at regions (a certification's area and its county).</param>
/// <param name="Model">The template's values.</param>
public sealed record MailRequest(string Kind, string Template, string? Assignee, IReadOnlyList<string>? CandidateGroups,
    IReadOnlyList<MailAudience>? Audiences, JsonElement Model);
