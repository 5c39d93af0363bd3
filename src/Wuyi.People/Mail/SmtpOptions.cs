namespace Wuyi.People.Mail;

/// <summary>
/// The SMTP server mail goes through, section <c>Wuyi:Smtp</c> (environment <c>Wuyi__Smtp__Host</c>, …). Credentials
/// come from configuration or the environment, never from the repository. No host: mail is off (nothing is queued).
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Smtp";

    /// <summary>The server's host name; empty turns mail off.</summary>
    public string? Host { get; set; }

    /// <summary>The port (25, 587 with STARTTLS, 465 with TLS on connect; Mailpit listens on 1025).</summary>
    public int Port { get; set; } = 25;

    /// <summary><c>auto</c> (STARTTLS when offered), <c>none</c>, <c>starttls</c> (required) or <c>tls</c> (on connect).</summary>
    public string Security { get; set; } = "auto";

    /// <summary>The sender, e.g. <c>无疫创建 &lt;no-reply@wuyi.example&gt;</c>.</summary>
    public string From { get; set; } = "无疫创建 <no-reply@localhost>";

    /// <summary>The user name to authenticate with; none sends without authenticating.</summary>
    public string? UserName { get; set; }

    /// <summary>The password (from the environment: <c>Wuyi__Smtp__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>True when a host is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
