namespace Wuyi.Certification;

/// <summary>Why the domain refused a request, in its own terms; the API decides the HTTP answer.</summary>
/// <param name="Kind">What kind of refusal.</param>
/// <param name="Message">What was wrong, naming the field as the API calls it.</param>
public sealed record Refusal(RefusalKind Kind, string Message);
