using Wuyi.Engine.Model;

namespace Wuyi.Engine.Simulation;

/// <summary>Checks a scenario against the models before anything runs: every element id it names must exist.</summary>
internal static class ScenarioChecks
{
    public static void Check(ModelLibrary models, Scenario scenario, List<string> errors)
    {
        var nodes = new[] { models.Main }.Concat(models.Loaded).Distinct()
            .SelectMany(d => d.Processes.Values).SelectMany(p => p.Nodes.Values).ToList();
        bool IsService(FlowNode n) => n.Handler is not null;
        foreach (var id in scenario.Services.Keys.Order(StringComparer.Ordinal))
            if (!nodes.Any(n => n.Id == id && IsService(n)))
                errors.Add($"$.services.{id}: the model has no service, send or business-rule task '{id}'");
        foreach (var step in scenario.Steps)
        {
            switch (step)
            {
                case CompleteStep c when !nodes.Any(n => n.Id == c.ElementId && (n.Kind is NodeKind.UserTask or NodeKind.ReceiveTask || IsService(n))):
                    errors.Add($"{c.Path}.complete: the model has no user task '{c.ElementId}'");
                    break;
                case FailStep f when !nodes.Any(n => n.Id == f.ElementId && IsService(n)):
                    errors.Add($"{f.Path}.fail: the model has no service task '{f.ElementId}'");
                    break;
                case ExpectStep e when e.Active is { } active:
                    foreach (var id in active.Where(id => !nodes.Any(n => n.Id == id)))
                        errors.Add($"{e.Path}.active: the model has no element '{id}'");
                    break;
            }
        }
    }
}
