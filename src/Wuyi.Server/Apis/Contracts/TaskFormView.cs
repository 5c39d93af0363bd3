using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>A task's form, for the console to render with form-js.</summary>
/// <param name="Schema">The form-js schema (null when the task names no deployed form).</param>
/// <param name="Values">The values to fill it with: the completion's, or the instance's current ones.</param>
/// <param name="FormKey">The form the model names.</param>
/// <param name="FormRef">The deployed form's id.</param>
/// <param name="Version">The deployed form's version.</param>
public sealed record TaskFormView(JsonElement? Schema, JsonElement Values, string? FormKey, string? FormRef, int? Version);
