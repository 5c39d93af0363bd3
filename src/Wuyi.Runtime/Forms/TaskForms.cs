using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.State;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// The form of a task or a start: found by the form id that <c>camunda:formRef</c> (or <c>camunda:formKey</c>) names,
/// in the version that was newest at <c>at</c>. A task whose model names no form, or a form never deployed, has no
/// form and is not checked (models of other kinds keep working).
/// </summary>
public sealed class TaskForms(RuntimeDbContext db, FormVersionCache versions, TimeProvider clock)
{
    // Parsed schemas by content hash: a hash names one text whatever database it came from.
    private static readonly ConcurrentDictionary<string, FormSchema> Parsed = new(StringComparer.Ordinal);

    /// <summary>The form version in force for a task created at <paramref name="at"/>, or null.</summary>
    public async Task<(FormRecord Record, FormSchema Schema)?> FindAsync(string? formKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (FormId(formKey) is not { } id)
            return null;
        var deployed = versions.For(id, at);
        if (deployed is null)
        {
            var readAt = clock.GetUtcNow();
            deployed = await db.Forms.AsNoTracking().Where(f => f.FormId == id).OrderBy(f => f.Version).ToArrayAsync(cancellationToken);
            versions.Remember(id, readAt, deployed);
        }
        var record = deployed.LastOrDefault(f => f.DeployedAt <= at)
                     // A form deployed after the task (the model came first): the oldest one is the best guess.
                     ?? deployed.FirstOrDefault();
        if (record is null)
            return null;
        var schema = Parsed.GetOrAdd(record.Hash, _ => FormSchema.Parse(record.Schema).Schema
            ?? throw new InvalidOperationException($"form {record.FormId} version {record.Version} no longer parses"));
        return (record, schema);
    }

    /// <summary>The problems of completing <paramref name="task"/> with <paramref name="variables"/>; empty when valid or formless.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(UserTaskRecord task, IReadOnlyDictionary<string, object?> variables,
        CancellationToken cancellationToken) =>
        await FindAsync(task.FormKey, task.CreatedAt, cancellationToken) is { } form
            ? FormValidation.Validate(form.Schema, variables)
            : new Dictionary<string, string[]>();

    /// <summary>The form of task <paramref name="taskId"/> and its current values, or null when there is no such task.</summary>
    public async Task<TaskForm?> ForTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return null;
        var form = await FindAsync(task.FormKey, task.CreatedAt, cancellationToken);
        IReadOnlyDictionary<string, object?> values;
        if (task.Outcome is { } outcome)
            values = JsonVariables.FromObject(outcome);
        else
        {
            // An open task shows what the instance holds under the form's top-level names (the area's current
            // self-assessment on a revision, say); the instance's other variables are not the form's to show.
            var names = form?.Schema.Fields.Select(f => f.Path.Split('.')[0]).ToHashSet(StringComparer.Ordinal) ?? [];
            var state = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.State).SingleOrDefaultAsync(cancellationToken);
            values = state is null ? new Dictionary<string, object?>()
                : InstanceStateJson.Deserialize(state).Variables.Where(v => names.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value);
        }
        JsonElement? schema = null;
        if (form is { } f)
        {
            using var document = JsonDocument.Parse(f.Record.Schema);
            schema = document.RootElement.Clone();
        }
        return new TaskForm(schema, values, task.FormKey, form?.Record.FormId, form?.Record.Version);
    }

    /// <summary>
    /// The form id a reference names: <c>township-review</c>, or Camunda's deployment-relative spellings
    /// <c>camunda-forms:deployment:forms/township-review.form</c> and <c>embedded:app:forms/x.html</c> reduced to their name.
    /// </summary>
    public static string? FormId(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        var name = reference[(reference.LastIndexOfAny([':', '/']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
