using System.Globalization;
using System.Text;
using System.Text.Json;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Tests.Support;

/// <summary>
/// Every field of a state, spelled out with full names and no defaults left out: an account of the state that
/// does not go through <see cref="InstanceStateJson"/>, so two states can be compared independently of how
/// either was stored.
/// </summary>
internal static class StateDump
{
    public static string Of(InstanceState s)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("instanceId", s.InstanceId);
            w.WriteString("processId", s.ProcessId);
            w.WriteString("businessKey", s.BusinessKey);
            w.WriteString("status", s.Status.ToString());
            w.WriteString("parent", s.Parent is { } p ? $"{p.InstanceId} {p.WaitId}" : null);
            w.WriteString("next", $"{s.NextToken} {s.NextScope} {s.NextWait}");
            w.WriteStartArray("scopes");
            foreach (var sc in s.Scopes)
            {
                w.WriteStartObject();
                w.WriteString("head", $"{sc.Id} {sc.ElementId} {sc.Kind} parent={sc.ParentId} owner={sc.OwnerTokenId}");
                w.WritePropertyName("variables");
                JsonValues.WriteMap(w, sc.Variables);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("tokens");
            foreach (var t in s.Tokens)
            {
                w.WriteStartObject();
                w.WriteString("head", $"{t.Id} {t.ElementId} scope={t.ScopeId} {t.Phase} via={t.ArrivedVia ?? "(null)"}");
                w.WritePropertyName("locals");
                JsonValues.WriteMap(w, t.Locals);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("waits");
            foreach (var x in s.WaitStates)
                w.WriteStringValue(string.Join(" | ", x.Number, x.Kind, x.Role, x.ElementId, $"token={x.TokenId}", $"scope={x.ScopeId}",
                    $"due={x.DueAt?.ToString("O", CultureInfo.InvariantCulture)}", $"cycle={x.Cycle ?? "(null)"}", $"remaining={x.Remaining}",
                    $"name={x.Name ?? "(null)"}", $"key={x.CorrelationKey ?? "(null)"}", $"child={x.ChildInstanceId ?? "(null)"}"));
            w.WriteEndArray();
            w.WriteStartArray("incidents");
            foreach (var i in s.IncidentStates) w.WriteStringValue($"{i.TokenId} {i.ElementId} {i.Retry}: {i.Message}");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
