using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wuyi.People.Access;
using Wuyi.People.Persistence;

namespace Wuyi.People.Tokens;

/// <summary>
/// Issues and checks the tokens of signed-in users (the bearer token and the cookie carry the same one): the caller's
/// name and (role, region) pairs, signed with HMAC-SHA256. Checking one costs a hash and no database round trip, so
/// authorisation adds little to a request; the price is that a changed role takes effect at the next sign-in (tokens
/// live <see cref="PeopleOptions.TokenLifetime"/>).
/// </summary>
public sealed class SessionTokens(IServiceScopeFactory scopes, IOptions<PeopleOptions> options)
{
    // Token expiry is wall-clock time, not business time: a manual clock standing still must not keep tokens alive.
    private static readonly TimeProvider Wall = TimeProvider.System;
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? key;

    /// <summary>A token for <paramref name="caller"/>, and its lifetime in seconds.</summary>
    public async Task<(string Token, int ExpiresIn)> IssueAsync(Caller caller, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.TokenLifetime;
        var payload = new TokenPayload(caller.UserName, [.. caller.Grants.Select(g => g.ToString())], caller.MustChangePassword,
            Wall.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Base64Url(HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.ASCII.GetBytes(body)));
        return ($"{body}.{signature}", (int)lifetime.TotalSeconds);
    }

    /// <summary>The caller a token stands for; null when it is forged, malformed or expired.</summary>
    public async Task<Caller?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 8192)
            return null;
        var body = token[..dot];
        var expected = HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.ASCII.GetBytes(body));
        if (!TryBase64Url(token[(dot + 1)..], out var given) || !CryptographicOperations.FixedTimeEquals(expected, given)
            || !TryBase64Url(body, out var json))
            return null;
        var payload = JsonSerializer.Deserialize<TokenPayload>(json);
        if (payload is null || payload.Expires < Wall.GetUtcNow().ToUnixTimeSeconds())
            return null;
        var grants = payload.Grants.Select(g => g.Split(':', 2)).Where(p => p.Length == 2).Select(p => new Grant(p[0], p[1])).ToList();
        return new Caller(payload.User, null, grants, payload.MustChangePassword);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (key is not null)
            return key;
        await loading.WaitAsync(cancellationToken);
        try
        {
            return key ??= options.Value.SigningKey is { Length: > 0 } configured
                ? Convert.FromBase64String(configured)
                : await StoredKeyAsync(cancellationToken);
        }
        finally
        {
            loading.Release();
        }
    }

    // Two nodes starting at once may both try to make the key: the loser's insert fails and it reads the winner's.
    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeopleDbContext>();
            if (await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == 1, cancellationToken) is { } stored)
                return Convert.FromBase64String(stored.Key);
            db.SigningKeys.Add(new SigningKeyRecord { Id = 1, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = Wall.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }

    private sealed record TokenPayload(string User, string[] Grants, bool MustChangePassword, long Expires);
}
