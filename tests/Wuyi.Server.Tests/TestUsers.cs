using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wuyi.People.Access;
using Wuyi.People.Tokens;
using Wuyi.People.Users;

namespace Wuyi.Server.Tests;

/// <summary>
/// How tests sign in. <see cref="WuyiServer.Client"/> sends every request as a signed-in user: by default
/// <see cref="DefaultUser"/> (administrator of 46); a request carrying the test-only header <see cref="Header"/> (what
/// <c>ApiCalls</c>' <c>user:</c> parameter sets) goes as that user instead — created on first use as an
/// <see cref="Official"/> of 46 holding every role but applicant, so it may act on any task of Hainan and its name is
/// what the history records. The server itself ignores the header.
/// </summary>
internal static class TestUsers
{
    /// <summary>The test-only header naming the user a request is sent as (stripped before it leaves the client).</summary>
    public const string Header = "X-Wuyi-User";

    /// <summary>Who <see cref="WuyiServer.Client"/> is without the header: an administrator of 46 and nothing else.</summary>
    public const string DefaultUser = "test-admin";

    /// <summary>A signing key for servers started as a process (<c>Wuyi__People__SigningKey</c>), made per test run.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The pairs of a user named by the header: every role at 46 but applicant (who may not review).</summary>
    public static readonly IReadOnlyList<Grant> Official = [.. Roles.All.Where(r => r != Roles.Applicant).Select(r => new Grant(r, "46"))];

    /// <summary>A bearer token for <paramref name="caller"/>, valid on a server started with <see cref="SigningKey"/>.</summary>
    public static async Task<string> TokenForProcessAsync(Caller caller) =>
        (await new SessionTokens(null!, Options.Create(new PeopleOptions { SigningKey = SigningKey })).IssueAsync(caller, CancellationToken.None)).Token;
}

/// <summary>Signs each request of a test client in (see <see cref="TestUsers"/>).</summary>
/// <remarks>Only the default client (<paramref name="byHeader"/>) lets the header choose the user; a client made for one
/// user is always that user.</remarks>
internal sealed class TestSignIn(IServiceProvider services, string defaultUser, IReadOnlyList<Grant>? defaultGrants, bool byHeader = false)
    : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var named = request.Headers.TryGetValues(TestUsers.Header, out var values) ? values.FirstOrDefault() : null;
        request.Headers.Remove(TestUsers.Header);
        if (request.Headers.Authorization is null && !request.Headers.Contains("X-Api-Key") && !IsOpen(request.RequestUri))
        {
            var (user, grants) = byHeader && named is { Length: > 0 } ? (named, TestUsers.Official) : (defaultUser, defaultGrants ?? TestUsers.Official);
            var token = await tokens.GetOrAdd(user, u => new Lazy<Task<string>>(() => SignInAsync(services, u, grants))).Value;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Creates the user if needed (with <paramref name="grants"/>) and issues their token.</summary>
    public static async Task<string> SignInAsync(IServiceProvider services, string user, IReadOnlyList<Grant> grants)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        if (!await directory.ExistsAsync(user, CancellationToken.None))
        {
            var (_, errors) = await directory.CreateAsync(new NewUser(user, grants, "Test-password-1", Email: $"{user}@test.example"), CancellationToken.None);
            Assert.True(errors.Count == 0, string.Join(" ", errors));
        }
        var caller = (await directory.CallerAsync(user, CancellationToken.None))!;
        return (await services.GetRequiredService<SessionTokens>().IssueAsync(caller, CancellationToken.None)).Token;
    }

    // The open endpoints work on a database not yet migrated (readiness tests): no user is made for them.
    private static bool IsOpen(Uri? uri) => uri?.OriginalString is { } path
        && (path.Contains("/healthz") || path.Contains("/readyz") || path.Contains("/openapi") || path.Contains("/scalar") || path.Contains("/api/public/"));
}
