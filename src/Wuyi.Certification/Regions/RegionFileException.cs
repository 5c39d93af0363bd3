namespace Wuyi.Certification.Regions;

/// <summary>A regions file cannot be loaded; the message names the file and, where it applies, the line.</summary>
public sealed class RegionFileException(string message, Exception? inner = null) : Exception(message, inner);
