namespace Wuyi.Server.Tests.Durability;

/// <summary>The durability tests run child servers under load: alone, not beside other tests (or each other).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    public const string Name = "Durability";
}
