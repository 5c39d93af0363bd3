using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>The values a task is completed with.</summary>
/// <param name="Variables">The form's values: a JSON object.</param>
public sealed record CompleteTaskBody(JsonElement? Variables);
