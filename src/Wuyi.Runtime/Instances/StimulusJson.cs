using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>Stimuli as JSON (typed <see cref="HeldStimulus"/> records), for those held while their instance is suspended.</summary>
internal static class StimulusJson
{
    public static string Serialize(Stimulus stimulus) => HeldStimulus.Of(stimulus).ToJson();

    public static Stimulus Deserialize(string json) => HeldStimulus.FromJson(json).ToStimulus();
}
