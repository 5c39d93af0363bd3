using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.People.Access;
using Wuyi.People.ApiKeys;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi api-keys add NAME --scope SCOPE:REGION`: issues an API key for a machine client and prints it once.</summary>
internal static class ApiKeysCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Who the key is for, e.g. hainan-cdc." };
        var scope = new Option<string>("--scope")
        {
            Description = $"What the key may do and where, e.g. health-operator:46 (send signals for province 46). Scopes: {string.Join(", ", ApiKeyIssuer.Scopes)}.",
            Required = true,
        };
        var add = new Command("add", "Issue an API key; it is printed once and only its hash is kept.") { name, scope };
        add.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, output, ct) =>
        {
            if (!Grant.TryParse(parse.GetRequiredValue(scope), ApiKeyIssuer.Scopes, out var grant, out var error))
                return await UsersCommand.FailAsync(parse, $"--scope {error}");
            await UsersCommand.MigrateAsync(services, ct);
            await using var services2 = services.CreateAsyncScope();
            var key = await services2.ServiceProvider.GetRequiredService<ApiKeyIssuer>().IssueAsync(parse.GetRequiredValue(name), grant, ct);
            await output.WriteLineAsync($"API key for {parse.GetRequiredValue(name)} ({grant}); send it as X-Api-Key, it is not shown again:");
            await output.WriteLineAsync(key);
            return 0;
        }, cancellationToken));
        return new Command("api-keys", "Keys for machine clients (X-Api-Key).") { add };
    }
}
