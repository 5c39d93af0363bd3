using Microsoft.AspNetCore.Identity;

namespace Wuyi.People.Users;

/// <summary>A person who signs in: an official, an inspector, an applicant, an administrator.</summary>
public sealed class WuyiUser : IdentityUser
{
    /// <summary>How the console and mail address them (e.g. 王芳).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set for a one-time password: the user must choose their own before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The kinds of mail they turned off, comma-separated (see <see cref="Mail.MailKinds"/>).</summary>
    public string MutedMailKinds { get; set; } = "";

    /// <summary>Their (role, region) pairs.</summary>
    public List<UserGrant> Grants { get; init; } = [];
}
