using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wuyi.Engine.Timers;

namespace Wuyi.Engine.Trace;

/// <summary>Writes trace events as compact JSON, one line each, with a fixed field order.</summary>
public static class TraceEventJson
{
    // Officials read traces: keep Chinese names readable rather than \u-escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises one event to a single line of JSON.</summary>
    public static string Serialize(TraceEvent e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("at", IsoInstant.Format(e.At));
            w.WriteString("type", e.Type);
            Optional(w, "instance", e.Instance);
            Optional(w, "process", e.Process);
            Optional(w, "businessKey", e.BusinessKey);
            Optional(w, "element", e.Element);
            Optional(w, "elementType", e.ElementType);
            Optional(w, "assignee", e.Assignee);
            if (e.CandidateGroups is { } groups)
            {
                w.WriteStartArray("candidateGroups");
                foreach (var g in groups) w.WriteStringValue(g);
                w.WriteEndArray();
            }
            Optional(w, "dueDate", e.DueDate);
            Optional(w, "formKey", e.FormKey);
            if (e.DueAt is { } due) w.WriteString("dueAt", IsoInstant.Format(due));
            Optional(w, "name", e.Name);
            Optional(w, "correlationKey", e.CorrelationKey);
            Optional(w, "child", e.Child);
            Optional(w, "errorCode", e.ErrorCode);
            Optional(w, "message", e.Message);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
