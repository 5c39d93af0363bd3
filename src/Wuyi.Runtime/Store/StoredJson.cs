using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wuyi.Runtime.Store;

/// <summary>The serializer options of the runtime's stored records: camelCase names, readable Chinese, out-of-order
/// discriminators (rows written before the discriminator was added get it inserted by their reader).</summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowOutOfOrderMetadataProperties = true,
    };
}
