namespace Wuyi.Runtime.Persistence;

/// <summary>The database cannot be reached or opened; the message says which and why, without secrets.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
