using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>Registers mail: templates, SMTP, the outbox kinds, the transition observer, the reminder topics, the digest.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds mail, with settings from <c>Wuyi:Smtp</c> and <c>Wuyi:Mail</c>. With <paramref name="scheduleDigest"/> the
    /// daily digest is a trigger of the runtime's clustered Quartz scheduler (register the runtime first; a node with a
    /// manual clock has no scheduler). Until a user store registers <see cref="IMailRecipients"/>, mail goes to nobody.
    /// </summary>
    public static IServiceCollection AddWuyiMail(this IServiceCollection services, IConfiguration? configuration, bool scheduleDigest)
    {
        var smtp = services.AddOptions<SmtpOptions>();
        var mail = services.AddOptions<MailOptions>();
        if (configuration is not null)
        {
            smtp.Bind(configuration.GetSection(SmtpOptions.Section));
            mail.Bind(configuration.GetSection(MailOptions.Section));
        }
        services.TryAddScoped<IMailRecipients, NoMailRecipients>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<SmtpSender>();
        services.AddScoped<IOutboxHandler, MailFanOut>();
        services.AddScoped<IOutboxHandler, MailDelivery>();
        services.AddScoped<ITransitionObserver, MailTransitionObserver>();
        services.AddScoped<DailyDigest>();
        foreach (var (topic, kind) in new[] { (TaskNoticeHandler.DueSoonTopic, MailKinds.TaskDueSoon), (TaskNoticeHandler.OverdueTopic, MailKinds.TaskOverdue) })
            services.AddScoped<IServiceTaskHandler>(s => ActivatorUtilities.CreateInstance<TaskNoticeHandler>(s, topic, kind));
        if (scheduleDigest)
            services.AddHostedService<DigestScheduler>();
        return services;
    }
}
