using Microsoft.Extensions.Options;
using Wuyi.People.Mail;

namespace Wuyi.People.Tests.Mail;

public sealed class MailTemplatesTests
{
    private static readonly MailTemplates Templates = new(Options.Create(new MailOptions { TemplatesDirectory = MailHarness.RepositoryFolder("mail") }));

    private static readonly MailRecipient Reader = FixedRecipients.Person("township");

    private static readonly object Task = new Dictionary<string, object?>
    {
        ["task"] = new Dictionary<string, object?> { ["name"] = "乡镇级审核", ["dueAt"] = "2022-08-31 10:00", ["businessKey"] = "460105001001" },
        ["areaName"] = "秀华社区", ["areaCode"] = "460105001001",
    };

    [Theory]
    [InlineData("task-offered", "待办：乡镇级审核（秀华社区）")]
    [InlineData("task-due-soon", "催办：乡镇级审核（秀华社区）将于 2022-08-31 10:00 到期")]
    [InlineData("task-overdue", "逾期通报：乡镇级审核（秀华社区）已超过办理期限")]
    [InlineData("spot-check-assigned", "督查任务：秀华社区")]
    public async Task RenderAsync_TaskTemplates_SubjectAndBodyFilledIn(string template, string subject)
    {
        var (s, body) = await Templates.RenderAsync(template, MailOutbox.Model(Task), Reader);
        Assert.Equal("【无疫创建】" + subject, s);
        Assert.StartsWith("township 同志，您好：", body);
        Assert.Contains("秀华社区（460105001001）", body);
        Assert.DoesNotContain("{{", body);
    }

    [Fact]
    public async Task RenderAsync_StatusWithReason_ReasonShown()
    {
        var model = MailOutbox.Model(new Dictionary<string, object?>
        {
            ["areaName"] = "秀华社区", ["areaCode"] = "460105001001", ["changeText"] = "摘牌", ["at"] = "2022-09-30 08:00", ["reason"] = "confirmed-case",
        });
        var (subject, body) = await Templates.RenderAsync("certification-status", model, Reader);
        Assert.Equal("【无疫创建】秀华社区：摘牌", subject);
        Assert.Contains("于 2022-09-30 08:00 摘牌", body);
        Assert.Contains("原因：confirmed-case", body);
    }

    [Fact]
    public async Task RenderAsync_Digest_ListsTasksMarksOverdue()
    {
        var model = MailOutbox.Model(new Dictionary<string, object?>
        {
            ["day"] = "2022-09-01", ["total"] = 2, ["overdue"] = 1,
            ["tasks"] = new[]
            {
                new Dictionary<string, object?> { ["name"] = "乡镇级审核", ["businessKey"] = "460105001001", ["dueAt"] = "2022-08-31 10:00", ["overdue"] = true },
                new Dictionary<string, object?> { ["name"] = "乡镇级审核", ["businessKey"] = "460105001002", ["dueAt"] = "2022-09-05 10:00", ["overdue"] = false },
            },
        });
        var (subject, body) = await Templates.RenderAsync("digest", model, Reader);
        Assert.Equal("【无疫创建】2022-09-01 待办汇总：2 项，其中 1 项已逾期", subject);
        Assert.Contains("[逾期] 乡镇级审核（460105001001），期限 2022-08-31 10:00", body);
        Assert.Contains("  乡镇级审核（460105001002），期限 2022-09-05 10:00", body);
    }

    [Fact]
    public async Task RenderAsync_UnknownTemplate_Throws() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Templates.RenderAsync("../secrets", MailOutbox.Model(Task), Reader));
}
