namespace Wuyi.Certification;

/// <summary>The kinds of refusal the certification module gives.</summary>
public enum RefusalKind
{
    /// <summary>The request is malformed: a field is missing or out of range.</summary>
    Invalid,

    /// <summary>What it names does not exist.</summary>
    NotFound,

    /// <summary>It clashes with the current state (a live certification, a racing request).</summary>
    Conflict,

    /// <summary>It is well formed but the programme's rules refuse it (not eligible, criteria not claimed).</summary>
    Unprocessable,
}
