using System.Collections.Concurrent;
using System.Text.Json;
using Fluid;
using Microsoft.Extensions.Options;

namespace Wuyi.People.Mail;

/// <summary>
/// The Liquid templates (Fluid) an administrator edits, <c>workflows/mail/{name}.liquid</c>: the first line is the
/// subject, the rest (after one empty line) the plain-text body. Parsed once per file and kept; a template that does not
/// parse fails the mail (retried), so a fixed file takes effect without losing it.
/// </summary>
/// <remarks>With no <see cref="MailOptions.TemplatesDirectory"/> configured, the host's shipped content is read
/// (<see cref="IShippedMailTemplates"/>: the templates inside the executable, or its configured workflows folder), so a
/// published build run from any folder has its mail.</remarks>
public sealed class MailTemplates(IOptions<MailOptions> options, IShippedMailTemplates? shipped = null)
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, (string Text, IFluidTemplate Subject, IFluidTemplate Body)> parsed = new();
    private readonly Lazy<string> folder = new(() => options.Value.TemplatesDirectory is { Length: > 0 } configured ? configured : Locate());

    /// <summary>The folder read.</summary>
    public string Folder => folder.Value;

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/> (a JSON object) and the recipient.</summary>
    /// <exception cref="InvalidOperationException">The template is missing or does not parse.</exception>
    public async Task<(string Subject, string Body)> RenderAsync(string name, JsonElement model, MailRecipient recipient)
    {
        var (subject, body) = Load(name);
        var values = (Dictionary<string, object?>)Plain(model)!;
        values["recipient"] = new Dictionary<string, object?>
        {
            ["userName"] = recipient.UserName, ["displayName"] = recipient.DisplayName, ["email"] = recipient.Email,
        };
        values["consoleUrl"] = options.Value.ConsoleUrl;
        var context = new TemplateContext();
        foreach (var (key, value) in values)
            context.SetValue(key, value);
        return ((await subject.RenderAsync(context)).Trim(), (await body.RenderAsync(context)).Trim() + "\n");
    }

    private (IFluidTemplate Subject, IFluidTemplate Body) Load(string name)
    {
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            throw new InvalidOperationException($"'{name}' is not a template name");
        var (text, source) = Read(name);
        // Read each time, parsed once per text: an administrator's edit takes effect at the next mail.
        if (parsed.TryGetValue(name, out var known) && known.Text == text)
            return (known.Subject, known.Body);
        var normalised = text.ReplaceLineEndings("\n");
        var split = normalised.IndexOf('\n');
        var subjectText = split < 0 ? normalised : normalised[..split];
        var bodyText = split < 0 ? "" : normalised[(split + 1)..].TrimStart('\n');
        var template = (Parse(subjectText, source), Parse(bodyText, source));
        parsed[name] = (text, template.Item1, template.Item2);
        return template;
    }

    private (string Text, string Source) Read(string name)
    {
        if (options.Value.TemplatesDirectory is not { Length: > 0 } && shipped?.Read(name) is { } text)
            return (text, $"mail/{name}.liquid");
        var path = Path.Combine(Folder, name + ".liquid");
        if (!File.Exists(path))
            throw new InvalidOperationException($"the mail template {path} does not exist");
        return (File.ReadAllText(path), path);
    }

    private static IFluidTemplate Parse(string text, string path) =>
        Parser.TryParse(text, out var template, out var error) ? template : throw new InvalidOperationException($"{path}: {error}");

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var n) ? n : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows", "mail");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        return Path.Combine(AppContext.BaseDirectory, "workflows", "mail");
    }
}
