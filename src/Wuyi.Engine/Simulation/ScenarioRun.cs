using System.Text.Json;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Engine.Simulation;

/// <summary>Performs a scenario's steps against the simulated world and checks its expectations.</summary>
internal sealed class ScenarioRun(SimulatedWorld world, Action<string> writeError)
{
    public int Perform(IEnumerable<ScenarioStep> steps)
    {
        if (world.Runaway is { } atStart)
        {
            writeError($"$: the simulation stopped: {atStart}");
            return Simulator.Invalid;
        }
        foreach (var step in steps)
        {
            var exit = step switch
            {
                CompleteStep c => Complete(c),
                AdvanceStep a => Advance(a),
                MessageStep m => Message(m),
                SignalStep s => Signal(s),
                FailStep f => Fail(f),
                ExpectStep e => Expect(e),
                _ => Simulator.Invalid,
            };
            if (exit != Simulator.Success) return exit;
            world.Settle();
            if (world.Runaway is { } runaway)
            {
                writeError($"{step.Path}: the simulation stopped: {runaway}");
                return Simulator.Invalid;
            }
        }
        return Simulator.Success;
    }

    private int Complete(CompleteStep c)
    {
        var task = world.TakeTask(c.ElementId, c.BusinessKey, c.Instance, c.Assignee, serviceOnly: false);
        if (task is not null)
        {
            world.Apply(task.Instance, task.IsService ? new ServiceCompleted(task.WaitId, c.Variables) : new CompleteTask(task.WaitId, c.Variables));
            return Simulator.Success;
        }
        // A receive task without a message has no inbox entry: find its wait in the instances' state.
        foreach (var instance in world.Instances.Where(i => !i.State.HasEnded
            && (c.BusinessKey is null || i.State.BusinessKey == c.BusinessKey) && (c.Instance is null || i.Name == c.Instance)))
        {
            var wait = instance.State.Waits.FirstOrDefault(w => w.Kind == WaitKind.Receive && w.ElementId == c.ElementId);
            if (wait is not null && world.Apply(instance, new CompleteTask(wait.WaitId, c.Variables))) return Simulator.Success;
        }
        writeError($"{c.Path}.complete: no open task '{c.ElementId}'" + Narrowing(c.BusinessKey, c.Instance, c.Assignee) + $" at {Timers.IsoInstant.Format(world.Now)}");
        return Simulator.Invalid;
    }

    private int Fail(FailStep f)
    {
        var task = world.TakeTask(f.ElementId, f.BusinessKey, f.Instance, null, serviceOnly: true);
        if (task is null)
        {
            writeError($"{f.Path}.fail: no waiting service task '{f.ElementId}'" + Narrowing(f.BusinessKey, f.Instance, null)
                + " (a service task waits only when the scenario's services give it {\"wait\": true})");
            return Simulator.Invalid;
        }
        world.Apply(task.Instance, new ServiceFailed(task.WaitId, f.ErrorCode, f.Message));
        return Simulator.Success;
    }

    private static string Narrowing(string? businessKey, string? instance, string? assignee) =>
        (businessKey is null ? "" : $" with business key '{businessKey}'") + (instance is null ? "" : $" in instance '{instance}'")
        + (assignee is null ? "" : $" assigned to '{assignee}'");

    private int Advance(AdvanceStep a)
    {
        world.Advance(a.Duration);
        return Simulator.Success;
    }

    private int Message(MessageStep m)
    {
        world.Correlate(m.Name, m.CorrelationKey, m.Variables);
        return Simulator.Success;
    }

    private int Signal(SignalStep s)
    {
        world.Broadcast(s.Name, s.Variables);
        return Simulator.Success;
    }

    private int Expect(ExpectStep e)
    {
        var instance = world.Find(e.Instance, e.BusinessKey);
        if (instance is null)
        {
            writeError($"{e.Path}: expected an instance{Narrowing(e.BusinessKey, e.Instance, null)}, found none");
            return Simulator.ExpectationFailed;
        }
        var mismatches = new List<string>();
        var state = InstanceStateJson.StatusName(instance.State.Status);
        if (e.State is not null && e.State != state) mismatches.Add($"state: expected \"{e.State}\", found \"{state}\"");
        if (e.Active is { } active)
        {
            var expected = active.Distinct().Order(StringComparer.Ordinal).ToList();
            var found = instance.State.ActiveElementIds;
            if (!expected.SequenceEqual(found))
                mismatches.Add($"active: expected {JsonSerializer.Serialize(expected)}, found {JsonSerializer.Serialize(found)}");
        }
        foreach (var (name, value) in e.Variables ?? VariableMaps.Empty)
        {
            var present = instance.State.Variables.TryGetValue(name, out var actual);
            if (!present || !JsonValues.DeepEquals(value, actual))
                mismatches.Add($"variables.{name}: expected {Json(value)}, found {(present ? Json(actual) : "nothing (not set)")}");
        }
        if (mismatches.Count == 0) return Simulator.Success;
        writeError($"{e.Path}: instance {instance.Name} at {Timers.IsoInstant.Format(world.Now)}: {string.Join("; ", mismatches)}");
        return Simulator.ExpectationFailed;
    }

    private static string Json(object? value)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) JsonValues.Write(w, value);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
