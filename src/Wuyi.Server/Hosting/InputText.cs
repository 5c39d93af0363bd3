using Microsoft.AspNetCore.Http;

namespace Wuyi.Server.Hosting;

/// <summary>The checks every string a client sends must pass, wherever it comes (body, query, path, header).</summary>
internal static class InputText
{
    /// <summary>Headers whose values are stored as keys (idempotency, the acting user).</summary>
    public static readonly string[] KeyHeaders = ["Idempotency-Key", "X-Wuyi-User", "X-Api-Key"];

    /// <summary>
    /// JSON properties of request bodies (outside <c>variables</c>, whose size the runtime limits) that are stored in
    /// or compared with key columns, which hold <c>MaxKeyLength</c> characters.
    /// </summary>
    public static readonly HashSet<string> KeyProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "processKey", "businessKey", "messageId", "correlationKey", "name", "regionPrefix", "signal", "broadcastId",
        "id", "type", "kind", "areaCode", "regionCode", "communityCode", "reference", "mode", "duration", "ttl", "phone",
        "userName", "region", "role",
    };

    /// <summary>A refusal if <paramref name="value"/> holds a NUL or a lone surrogate, or is longer than <paramref name="maxLength"/>.</summary>
    public static InputRefusal? Check(string field, string value, int? maxLength)
    {
        if (value.Contains('\0'))
            return new InputRefusal(StatusCodes.Status400BadRequest, field, "text without NUL characters", "a NUL character (U+0000)",
                $"{field} contains a NUL character (U+0000), which cannot be stored; remove it.", null);
        if (!IsWellFormed(value))
            return LoneSurrogate(field);
        if (maxLength is { } max && value.Length > max)
            return new InputRefusal(StatusCodes.Status400BadRequest, field, $"at most {max} characters", $"{value.Length} characters",
                $"{field} is {value.Length} characters long; the limit is {max} (Wuyi:Limits:MaxKeyLength).", "MaxKeyLength");
        return null;
    }

    /// <summary>A refusal for text that is not valid Unicode (half of a UTF-16 surrogate pair).</summary>
    public static InputRefusal LoneSurrogate(string field) =>
        new(StatusCodes.Status400BadRequest, field, "valid Unicode text", "a lone UTF-16 surrogate (half of a character)",
            $"{field} contains a lone UTF-16 surrogate, which is not valid Unicode; send whole characters.", null);

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return false;
        }
        return true;
    }
}
