namespace Wuyi.Expressions;

/// <summary>Looks a variable up by name.</summary>
public delegate bool VariableLookup(string name, out object? value);
