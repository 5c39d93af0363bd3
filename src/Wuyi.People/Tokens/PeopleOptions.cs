namespace Wuyi.People.Tokens;

/// <summary>Sign-in settings, section <c>Wuyi:People</c>.</summary>
public sealed class PeopleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:People";

    /// <summary>The key that signs session tokens, base64 of at least 32 bytes; empty: one is made on first start and
    /// kept in the database (never put one in the repository).</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a bearer token or sign-in cookie is valid (default 8 hours).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row before the account is locked (default 5).</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lock-out lasts (default 15 minutes).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
