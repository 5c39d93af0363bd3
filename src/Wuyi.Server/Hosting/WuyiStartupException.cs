namespace Wuyi.Server.Hosting;

/// <summary>The service cannot start as configured; the message tells an operator what to fix.</summary>
public sealed class WuyiStartupException(string message, Exception? inner = null) : Exception(message, inner);
