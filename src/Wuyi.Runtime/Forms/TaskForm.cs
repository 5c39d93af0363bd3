using System.Text.Json;

namespace Wuyi.Runtime.Forms;

/// <summary>What a console needs to render a task's form with form-js: the schema and the values to fill in.</summary>
/// <param name="Schema">The form-js schema, or null when the task names no deployed form.</param>
/// <param name="Values">The current values: the completion's for a completed task, else the instance's variables the form shows.</param>
/// <param name="FormKey">What the model names (<c>camunda:formKey</c> or <c>camunda:formRef</c>).</param>
/// <param name="FormRef">The deployed form's id, when one was found.</param>
/// <param name="Version">The deployed form's version, when one was found.</param>
public sealed record TaskForm(JsonElement? Schema, IReadOnlyDictionary<string, object?> Values, string? FormKey, string? FormRef, int? Version);
