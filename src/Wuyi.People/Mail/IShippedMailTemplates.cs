namespace Wuyi.People.Mail;

/// <summary>The mail templates the host ships (<c>mail/NAME.liquid</c> of its content), read when no templates folder is
/// configured.</summary>
public interface IShippedMailTemplates
{
    /// <summary>The text of template <paramref name="name"/>, or null when none is shipped.</summary>
    string? Read(string name);
}
