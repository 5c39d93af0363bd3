using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.People.Access;
using Wuyi.People.Users;
using Wuyi.Runtime.Persistence;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi users add NAME --role ROLE:REGION …`: creates a user (with a one-time password unless one is given).</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The user's sign-in name." };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role and the region it is held in, e.g. county-assessor:460105; repeat for more. Roles: {string.Join(", ", Roles.All)}.",
            Required = true, AllowMultipleArgumentsPerToken = false,
        };
        var password = new Option<string?>("--password") { Description = "The password; without it a one-time password is printed, to be changed at first sign-in." };
        var email = new Option<string?>("--email") { Description = "The user's mail address." };
        var displayName = new Option<string?>("--display-name") { Description = "How the console and mail address them." };
        var add = new Command("add", "Create a user with one or more (role, region) pairs.") { name, roles, password, email, displayName };
        add.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, output, ct) =>
        {
            var grants = new List<Grant>();
            foreach (var text in parse.GetValue(roles) ?? [])
            {
                if (!Grant.TryParse(text, Roles.All, out var grant, out var error))
                    return await FailAsync(parse, $"--role {error}");
                grants.Add(grant);
            }
            await MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var userName = parse.GetRequiredValue(name);
            var (oneTime, errors) = await scope.ServiceProvider.GetRequiredService<UserDirectory>().CreateAsync(
                new NewUser(userName, grants, parse.GetValue(password), parse.GetValue(displayName), parse.GetValue(email)), ct);
            if (errors.Count > 0)
                return await FailAsync(parse, string.Join(" ", errors));
            await output.WriteLineAsync($"Created user {userName} ({string.Join(", ", grants)}).");
            if (oneTime is not null)
                await output.WriteLineAsync($"One-time password (to be changed at first sign-in): {oneTime}");
            return 0;
        }, cancellationToken));
        return new Command("users", "People who sign in.") { add };
    }

    /// <summary>Brings the schema up to date (a fresh database gets its tables before the first user).</summary>
    internal static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        catch (DatabaseUnavailableException e)
        {
            throw new WuyiStartupException(e.Message, e);
        }
    }

    internal static async Task<int> FailAsync(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {message}");
        return CommandHost.InvalidInput;
    }
}
