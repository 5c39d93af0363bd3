using Wuyi.People.Mail;

namespace Wuyi.Server.Hosting;

/// <summary>The mail templates of the shipped content (<see cref="ShippedContent"/>: inside the executable, or the
/// configured workflows folder), so mail works wherever the service runs.</summary>
internal sealed class ShippedMailTemplates(WuyiSettings settings) : IShippedMailTemplates
{
    private readonly Lazy<ShippedContent> content = new(() => ShippedContent.Open(settings.WorkflowsDirectory));

    public string? Read(string name)
    {
        var path = $"mail/{name}.liquid";
        return content.Value.Contains(path) ? content.Value.ReadAsync(path, CancellationToken.None).GetAwaiter().GetResult() : null;
    }
}
