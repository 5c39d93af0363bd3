using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Messages;

/// <summary>Resumes fan-outs another node accepted and did not finish (the background loop calls it every round).</summary>
public sealed class FanOutResumption(FanOutLog log, MessageCorrelation messages, SignalBroadcast signals, ILogger<FanOutResumption> logger)
{
    /// <summary>Delivers up to <paramref name="max"/> stranded fan-outs again; returns how many it took.</summary>
    public async Task<int> ResumeAsync(int max, CancellationToken cancellationToken)
    {
        var stranded = await log.ClaimStrandedAsync(max, cancellationToken);
        foreach (var request in stranded)
        {
            logger.LogInformation("Resuming fan-out {Id}", request.Id);
            switch (request)
            {
                case MessageFanOut m:
                    await messages.CorrelateAsync(new MessageRequest(m.Name, null, m.RegionPrefix, m.MessageId, JsonVariables.FromObject(m.Variables),
                        TimeSpan.Zero, m.Actor), cancellationToken);
                    break;
                case SignalFanOut s:
                    await signals.BroadcastAsync(s.Signal, JsonVariables.FromObject(s.Variables), s.BroadcastId, s.Actor, cancellationToken, s.Thrower);
                    break;
            }
        }
        return stranded.Count;
    }
}
