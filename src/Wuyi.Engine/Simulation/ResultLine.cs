using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Simulation;

/// <summary>Writes the trace's last line: every instance's id, process, business key, state, active elements and variables.</summary>
internal static class ResultLine
{
    public static string Write(IReadOnlyList<SimulatedInstance> instances)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "result");
            w.WriteStartArray("instances");
            foreach (var i in instances)
            {
                w.WriteStartObject();
                w.WriteString("instance", i.Name);
                w.WriteString("process", i.State.ProcessId);
                if (i.State.BusinessKey is null) w.WriteNull("businessKey");
                else w.WriteString("businessKey", i.State.BusinessKey);
                w.WriteString("state", InstanceStateJson.StatusName(i.State.Status));
                w.WriteStartArray("active");
                foreach (var a in i.State.ActiveElementIds) w.WriteStringValue(a);
                w.WriteEndArray();
                w.WritePropertyName("variables");
                JsonValues.WriteMap(w, i.State.Variables);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
