using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Simulation;

/// <summary>An instance in the simulation: its name (i1, i2…), the definitions it runs and its latest state.</summary>
internal sealed class SimulatedInstance(string name, BpmnDefinitions definitions, InstanceState state)
{
    public string Name { get; } = name;
    public BpmnDefinitions Definitions { get; } = definitions;
    public InstanceState State { get; set; } = state;
}
