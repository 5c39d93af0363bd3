namespace Wuyi.Runtime.Outbox;

/// <summary>No handler is registered under the name a model gives: retrying cannot help.</summary>
public sealed class UnknownHandlerException(string name) : Exception($"no service handler named '{name}' is registered");
