using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wuyi.People.ApiKeys;
using Wuyi.People.Audit;
using Wuyi.People.Mail;
using Wuyi.People.Persistence;
using Wuyi.People.Tokens;
using Wuyi.People.Users;
using Wuyi.Runtime.Persistence;

namespace Wuyi.People;

/// <summary>Registers the people module.</summary>
public static class PeopleServiceCollectionExtensions
{
    /// <summary>Adds the people tables (migrated with the others), Identity's user manager with lock-out, session tokens,
    /// API keys, the audit trail and <see cref="IMailRecipients"/>.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddModuleDbContext<PeopleDbContext, PostgresPeopleDbContext, SqlitePeopleDbContext>(PeopleDbContext.Module, pooled: true);
        services.AddOptions<PeopleOptions>().BindConfiguration(PeopleOptions.Section);
        services.AddIdentityCore<WuyiUser>()
            .AddEntityFrameworkStores<PeopleDbContext>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<PeopleOptions>>((o, people) =>
        {
            o.Password.RequiredLength = 10;
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = people.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = people.Value.LockoutDuration;
            o.User.AllowedUserNameCharacters += "·";
        });
        services.AddSingleton<SessionTokens>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IMailRecipients, UserMailRecipients>();
        return services;
    }
}
