using Wuyi.Server.Hosting;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 8: the shipped content is inside the executable; a configured folder replaces it.</summary>
public sealed class ShippedContentTests
{
    [Fact]
    public async Task Embedded_Always_HoldsTheShippedModelsButNotTheirReadme()
    {
        var content = ShippedContent.Embedded();

        Assert.Equal(["certification.bpmn", "rectification.bpmn", "spot-check.bpmn"], content.Find("", ".bpmn").Take(3).ToArray());
        Assert.DoesNotContain("README.md", content.Paths);
        Assert.Contains("<bpmn:process id=\"certification\"", await content.ReadAsync("certification.bpmn", CancellationToken.None));
        Assert.Equal("the executable", content.Source);
    }

    [Fact]
    public async Task Open_ConfiguredFolder_ReplacesTheEmbeddedContentSubfoldersIncluded()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.File("forms"));
        await File.WriteAllTextAsync(folder.File("mine.bpmn"), "<x/>");
        await File.WriteAllTextAsync(Path.Combine(folder.File("forms"), "review.form"), "{}");

        var content = ShippedContent.Open(folder.Path);

        Assert.Equal(["forms/review.form", "mine.bpmn"], content.Paths.ToArray());
        Assert.Equal(["mine.bpmn"], content.Find("", ".bpmn").ToArray());
        Assert.Equal(["forms/review.form"], content.Find("forms", ".form").ToArray());
        Assert.Equal("{}", await content.ReadAsync("forms/review.form", CancellationToken.None));
    }

    [Fact]
    public void Open_MissingFolder_StartupErrorNamingTheSetting()
    {
        var error = Assert.Throws<WuyiStartupException>(() => ShippedContent.Open("/nonexistent/wuyi-workflows"));

        Assert.Contains("Wuyi:WorkflowsDirectory", error.Message);
    }

    [Fact]
    public async Task MailTemplates_NoFolderConfigured_RenderedFromTheExecutable()
    {
        var templates = new Wuyi.People.Mail.MailTemplates(Microsoft.Extensions.Options.Options.Create(new Wuyi.People.Mail.MailOptions()),
            new ShippedMailTemplates(new WuyiSettings()));
        var model = System.Text.Json.JsonDocument.Parse("{}").RootElement;

        var (subject, body) = await templates.RenderAsync("digest", model, new Wuyi.People.Mail.MailRecipient("wang", "王科长", "wang@example.org",
            new HashSet<string>()));

        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.Contains("王科长", subject + body);
        Assert.Null(new ShippedMailTemplates(new WuyiSettings()).Read("no-such-template"));
    }
}
