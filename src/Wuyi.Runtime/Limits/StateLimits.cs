using System.Collections;
using System.Text;
using System.Text.Json;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Limits;

/// <summary>
/// Checks variables and instance states against <see cref="InputLimits"/> before they are written, so that what is
/// stored can always be read back: a variable nested deeper than the limit, or a state deeper than its reader accepts,
/// would otherwise be committed and then fail every batch that meets it.
/// </summary>
public static class StateLimits
{
    /// <summary>
    /// The nesting the state reader accepts: <c>InstanceStateJson.Deserialize</c> parses with the default
    /// <see cref="JsonDocumentOptions.MaxDepth"/>, 64. A variable sits a few levels inside the state document (root,
    /// scope, variables), which is why <see cref="InputLimits.MaxJsonDepth"/> must stay well below this.
    /// </summary>
    public const int StateReaderMaxDepth = 64;

    /// <summary>Refuses variables nested deeper than <see cref="InputLimits.MaxJsonDepth"/> or larger than <see cref="InputLimits.MaxVariableBytes"/>.</summary>
    /// <exception cref="InputLimitException">A variable breaks a limit.</exception>
    public static void CheckVariables(IReadOnlyDictionary<string, object?>? variables, InputLimits limits, string field = "variables")
    {
        if (variables is null)
            return;
        foreach (var (name, value) in variables)
        {
            if (DepthOf(value, 0, limits.MaxJsonDepth) > limits.MaxJsonDepth)
                throw new InputLimitException(nameof(InputLimits.MaxJsonDepth), $"{field}.{name}", false,
                    $"{field}.{name} is nested more than {limits.MaxJsonDepth} levels deep (limit Wuyi:Limits:MaxJsonDepth).");
            if (value is string text && text.Length <= limits.MaxVariableBytes / 4)
                continue; // a UTF-8 character takes at most 4 bytes (a JSON escape more, but only for control characters)
            var bytes = JsonSerializer.SerializeToUtf8Bytes(value, JsonVariables.Options).Length;
            if (bytes > limits.MaxVariableBytes)
                throw new InputLimitException(nameof(InputLimits.MaxVariableBytes), $"{field}.{name}", true,
                    $"{field}.{name} takes {bytes} bytes as JSON; at most {limits.MaxVariableBytes} are allowed (limit Wuyi:Limits:MaxVariableBytes).");
        }
    }

    /// <summary>The variables a stimulus carries into the state, if any.</summary>
    public static IReadOnlyDictionary<string, object?>? VariablesOf(Stimulus stimulus) => stimulus switch
    {
        CompleteTask s => s.Variables,
        ServiceCompleted s => s.Variables,
        MessageReceived s => s.Variables,
        SignalReceived s => s.Variables,
        ChildCompleted s => s.ChildVariables,
        _ => null,
    };

    /// <summary>
    /// Refuses a state document larger than <see cref="InputLimits.MaxInstanceStateBytes"/> or nested deeper than its
    /// reader accepts (<see cref="StateReaderMaxDepth"/>); the caller then writes nothing.
    /// </summary>
    /// <exception cref="InputLimitException">The state breaks a limit.</exception>
    public static void CheckState(string state, string instanceId, InputLimits limits)
    {
        var bytes = Encoding.UTF8.GetBytes(state);
        if (bytes.Length > limits.MaxInstanceStateBytes)
            throw new InputLimitException(nameof(InputLimits.MaxInstanceStateBytes), "variables", true,
                $"instance {instanceId} would hold {bytes.Length} bytes of state; at most {limits.MaxInstanceStateBytes} are allowed "
                + "(limit Wuyi:Limits:MaxInstanceStateBytes).");
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = StateReaderMaxDepth });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            throw new InputLimitException(nameof(InputLimits.MaxJsonDepth), "variables", false,
                $"instance {instanceId}'s state would be nested more than {StateReaderMaxDepth} levels deep and could not be read back "
                + "(limit Wuyi:Limits:MaxJsonDepth).");
        }
    }

    // JSON depth of an engine value: a scalar is 0, an object or array one more than its deepest member. Stops
    // descending past the limit, so a hostile depth costs no more than the limit's.
    private static int DepthOf(object? value, int depth, int limit)
    {
        if (depth > limit)
            return depth;
        switch (value)
        {
            case null or string:
                return depth;
            case IEnumerable<KeyValuePair<string, object?>> map:
                var deepest = depth + 1;
                foreach (var (_, member) in map)
                    deepest = Math.Max(deepest, DepthOf(member, depth + 1, limit));
                return deepest;
            case IEnumerable list:
                var max = depth + 1;
                foreach (var item in list)
                    max = Math.Max(max, DepthOf(item, depth + 1, limit));
                return max;
            default:
                return depth;
        }
    }
}
