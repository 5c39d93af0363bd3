using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>How to start an instance.</summary>
/// <param name="ProcessKey">The process to start (its newest version).</param>
/// <param name="BusinessKey">The business key, e.g. an area code.</param>
/// <param name="Variables">Start variables: a JSON object.</param>
public sealed record StartInstanceBody(string? ProcessKey, string? BusinessKey, JsonElement? Variables);
