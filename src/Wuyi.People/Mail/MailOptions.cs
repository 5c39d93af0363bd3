namespace Wuyi.People.Mail;

/// <summary>What mail is sent and when, section <c>Wuyi:Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Mail";

    /// <summary>The folder of the Liquid templates (<c>workflows/mail</c> when not set: found upwards from the working
    /// folder and the executable, as the models are).</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>When the daily digest goes out, a Quartz cron expression in <see cref="DigestTimeZone"/>.</summary>
    public string DigestCron { get; set; } = "0 30 7 ? * MON-FRI";

    /// <summary>The time zone the digest's cron is read in, and its day named in (an IANA id: the trigger stores it).</summary>
    public string DigestTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The longest wait between two tries to deliver a message while the SMTP server is down.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The console's address, for links in mail (none: no links).</summary>
    public string? ConsoleUrl { get; set; }
}
