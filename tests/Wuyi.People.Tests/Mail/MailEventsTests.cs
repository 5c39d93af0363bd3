using Microsoft.EntityFrameworkCore;
using Wuyi.People.Mail;
using Wuyi.Runtime.Tasks;

namespace Wuyi.People.Tests.Mail;

public sealed class MailEventsTests
{
    private static readonly TimeSpan ToTownshipReview = TimeSpan.FromHours(73); // 7 days after the last case: Saturday 27 August, 10:00

    [Fact]
    public async Task TaskOffered_TownshipReview_ItsReviewerMailedNoOtherTownshipNoOneWhoMutedIt()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);
        await mail.DeliverAsync();

        var received = Assert.Single(mail.Received());
        Assert.Equal("township@wuyi.test", received.To);
        Assert.Contains("待办", received.Subject);
        Assert.Contains("秀华社区", received.Subject);
        Assert.Contains("township 同志", received.Body);
        // Due 3 working days after Saturday: Wednesday 31 August (the business calendar is not installed here: weekends only).
        Assert.Contains("2022-08-31 10:00", received.Body);
        Assert.Empty(mail.ReceivedBy("other-township"));
        Assert.Empty(mail.ReceivedBy("quiet"));
    }

    [Fact]
    public async Task TownshipReview_LeftLying_RemindedThenEscalatedToTheCountyExactlyOnce()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);
        await mail.DeliverAsync();

        await mail.AdvanceAsync(TimeSpan.FromDays(3)); // Tuesday 30 August 10:00: one working day left
        await mail.DeliverAsync();
        var reminder = Assert.Single(mail.ReceivedBy("township"), m => m.Subject.Contains("催办"));
        Assert.Contains("2022-08-31 10:00", reminder.Subject);
        Assert.Empty(mail.ReceivedBy("county"));

        await mail.AdvanceAsync(TimeSpan.FromDays(1)); // Wednesday 31 August 10:00: due, now overdue
        await mail.DeliverAsync();
        await mail.AdvanceAsync(TimeSpan.FromDays(20));
        await mail.DeliverAsync();

        var escalation = Assert.Single(mail.ReceivedBy("county"));
        Assert.Contains("逾期通报", escalation.Subject);
        Assert.Contains("秀华社区", escalation.Body);
        Assert.Single(mail.ReceivedBy("township"), m => m.Subject.Contains("催办"));
        Assert.Equal(1, await mail.QueryAsync(db => db.History.CountAsync(h => h.ElementId == "EscalateTownshipReview" && h.Type == "activity-completed")));
        // The review goes on: the task is still open for the township.
        Assert.Equal(1, await mail.QueryAsync(db => db.UserTasks.CountAsync(t => t.ElementId == "TownshipReview" && t.Status == "open")));
    }

    [Fact]
    public async Task Certification_Published_AreaAndCountyMailedInspectorsNot()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);
        Assert.Equal(TaskActionStatus.Done, (await mail.CompleteAsync("TownshipReview", MailHarness.Approve(), "township")).Status);
        Assert.Equal(TaskActionStatus.Done, (await mail.CompleteAsync("CountyAssessment", MailHarness.Approve(), "county")).Status);
        Assert.Equal(TaskActionStatus.Done, (await mail.CompleteAsync("ProvincialFiling", MailHarness.Approve(), "province")).Status);
        await mail.DeliverAsync();

        var toArea = Assert.Single(mail.ReceivedBy("applicant"));
        Assert.Contains("已通过认定并发布", toArea.Subject);
        Assert.Single(mail.ReceivedBy("county"), m => m.Subject.Contains("已通过认定并发布"));
        Assert.Empty(mail.ReceivedBy("inspector"));
    }

    [Fact]
    public async Task CovertSpotCheck_Assigned_ProvincialInspectorsOnlyNeverTheArea()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);
        await mail.CompleteAsync("TownshipReview", MailHarness.Approve(), "township");
        await mail.CompleteAsync("CountyAssessment", MailHarness.Approve(), "county");
        await mail.CompleteAsync("ProvincialFiling", MailHarness.Approve(), "province");
        await mail.DeliverAsync();
        var beforeCheck = mail.Received();

        await mail.AdvanceAsync(TimeSpan.FromDays(10)); // spotCheckOffset: the first (covert) check starts
        await mail.DeliverAsync();

        // The server keeps mail in no particular order: what is new is what was not there before.
        var check = Assert.Single(mail.Received().Except(beforeCheck));
        Assert.Equal("inspector@wuyi.test", check.To);
        Assert.Contains("督查任务", check.Subject);
        Assert.Equal(1, await mail.QueryAsync(db => db.UserTasks.CountAsync(t => t.ElementId == "InspectCovertly" && t.Status == "open")));
        Assert.Single(mail.ReceivedBy("applicant")); // the publication only
        Assert.Empty(mail.ReceivedBy("inspector-county"));
    }

    [Fact]
    public async Task SmtpDown_MailWaitsAndArrivesOnceTheServerIsBack()
    {
        await using var mail = await MailHarness.CreateAsync();
        mail.StopSmtp();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);
        await mail.DeliverAsync();

        var waiting = await mail.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Kind == MailOutbox.MessageKind));
        Assert.Equal(("pending", 1), (waiting.Status, waiting.Attempts));
        Assert.NotNull(waiting.LastError);

        mail.RestartSmtp();
        mail.Clock.MoveTo(mail.Clock.GetUtcNow().AddMinutes(1));
        await mail.DeliverAsync();

        Assert.Single(mail.ReceivedBy("township"));
        Assert.Equal("done", (await mail.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == waiting.Id))).Status);
    }

    [Fact]
    public async Task InvalidReview_Refused_NoMailForTheNextLevel()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview);

        var refused = await mail.CompleteAsync("TownshipReview", new Dictionary<string, object?> { ["decision"] = "maybe" }, "township");
        await mail.DeliverAsync();

        Assert.Equal(TaskActionStatus.Invalid, refused.Status);
        Assert.Contains("decision", refused.Errors!.Keys);
        Assert.Contains("criteria.organisation", refused.Errors.Keys);
        Assert.Empty(mail.ReceivedBy("county"));
    }
}
