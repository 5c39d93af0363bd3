using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Tasks;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Forms;

public sealed class TaskFormsTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
          <bpmn:process id="formed" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" camunda:formRef="township-review" camunda:formRefBinding="latest" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly Dictionary<string, object?> Valid = new()
    {
        ["decision"] = "approve", ["comments"] = "ok",
        ["criteria"] = new Dictionary<string, object?>
        {
            ["organisation"] = true, ["zeroCases"] = true, ["measures"] = true, ["environment"] = true,
            ["healthServices"] = true, ["personalResponsibility"] = true, ["publicity"] = true,
        },
    };

    private static async Task<(RuntimeHarness Runtime, string InstanceId, string TaskId)> StartAsync(string kind)
    {
        var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.RequestAsync(s => s.GetRequiredService<FormDeployment>().DeployAsync(ShippedForms.Read("township-review"), "admin", CancellationToken.None));
        await runtime.DeployAsync(Model);
        var started = await runtime.StartAsync("formed");
        return (runtime, started.InstanceId, (await runtime.OpenTasksAsync(started.InstanceId)).Single().Id);
    }

    private static Task<TaskActionResult> CompleteAsync(RuntimeHarness runtime, string taskId, IReadOnlyDictionary<string, object?> variables) =>
        runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, variables, "reviewer", CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_DecisionMaybe_InvalidNamingFieldAndNothingWritten(string kind)
    {
        var (runtime, instanceId, taskId) = await StartAsync(kind);
        await using var _ = runtime;
        var revision = (await runtime.InstanceAsync(instanceId)).Revision;

        var result = await CompleteAsync(runtime, taskId, new Dictionary<string, object?>(Valid) { ["decision"] = "maybe" });

        Assert.Equal(TaskActionStatus.Invalid, result.Status);
        Assert.Equal(["decision"], result.Errors!.Keys);
        Assert.Equal(revision, (await runtime.InstanceAsync(instanceId)).Revision);
        Assert.Single(await runtime.OpenTasksAsync(instanceId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_ValidSubmission_Done(string kind)
    {
        var (runtime, instanceId, taskId) = await StartAsync(kind);
        await using var _ = runtime;

        var result = await CompleteAsync(runtime, taskId, Valid);

        Assert.Equal(TaskActionStatus.Done, result.Status);
        Assert.Equal("completed", (await runtime.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task ForTaskAsync_FormRef_SchemaAndFormId()
    {
        var (runtime, _, taskId) = await StartAsync("sqlite");
        await using var __ = runtime;

        var form = await runtime.RequestAsync(s => s.GetRequiredService<TaskForms>().ForTaskAsync(taskId, CancellationToken.None));

        Assert.Equal(("township-review", "township-review", 1), (form!.FormKey, form.FormRef, form.Version));
        Assert.Equal("township-review", form.Schema!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeployAsync_SameTextTwiceThenChanged_OneVersionThenTwo()
    {
        var (runtime, _, taskId) = await StartAsync("sqlite");
        await using var __ = runtime;
        var text = ShippedForms.Read("township-review");
        var deploy = (string json) => runtime.RequestAsync(s => s.GetRequiredService<FormDeployment>().DeployAsync(json, "admin", CancellationToken.None));

        var again = await deploy(text);
        runtime.Clock.MoveTo(runtime.Clock.GetUtcNow().AddMinutes(1));
        var changed = await deploy(text.Replace("\"maxLength\": 4000", "\"maxLength\": 10"));

        Assert.Equal((1, false), (again.Form!.Version, again.Created));
        Assert.Equal((2, true), (changed.Form!.Version, changed.Created));
        // The open task was created under version 1 and keeps it: 4,000 characters of comments still pass.
        var longComments = new Dictionary<string, object?>(Valid) { ["comments"] = new string('x', 100) };
        Assert.Equal(TaskActionStatus.Done, (await CompleteAsync(runtime, taskId, longComments)).Status);
        Assert.Equal(2, await runtime.QueryAsync(db => db.Forms.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_FormVersionsRead_LaterCompletionsValidatedWithoutTheTable(string kind)
    {
        var (runtime, instanceId, taskId) = await StartAsync(kind);
        await using var _ = runtime;
        runtime.Clock.MoveTo(runtime.Clock.GetUtcNow() + FormVersionCache.Settled + TimeSpan.FromMinutes(1));
        var maybe = new Dictionary<string, object?>(Valid) { ["decision"] = "maybe" };
        var first = await CompleteAsync(runtime, taskId, maybe);

        // The form's rows gone: what validates now can only be the versions read by the first completion.
        await runtime.QueryAsync(db => db.Forms.ExecuteDeleteAsync());
        var second = await CompleteAsync(runtime, taskId, maybe);
        var valid = await CompleteAsync(runtime, taskId, Valid);

        Assert.Equal((TaskActionStatus.Invalid, TaskActionStatus.Invalid), (first.Status, second.Status));
        Assert.Equal(["decision"], second.Errors!.Keys);
        Assert.Equal(TaskActionStatus.Done, valid.Status);
        Assert.Equal("completed", (await runtime.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task CompleteAsync_TaskYoungerThanTheVersionsRead_ReadsAVersionDeployedElsewhere()
    {
        var (runtime, _, oldTask) = await StartAsync("sqlite");
        await using var _ = runtime;
        runtime.Clock.MoveTo(runtime.Clock.GetUtcNow() + FormVersionCache.Settled + TimeSpan.FromMinutes(1));
        await CompleteAsync(runtime, oldTask, new Dictionary<string, object?>(Valid) { ["decision"] = "maybe" }); // reads version 1
        // Version 2 deployed by another node (this node's list does not know it); then a task created under it.
        var text = ShippedForms.Read("township-review").Replace("\"maxLength\": 4000", "\"maxLength\": 10");
        await runtime.QueryAsync(db =>
        {
            db.Forms.Add(new Wuyi.Runtime.Store.FormRecord
            {
                FormId = "township-review", Version = 2, Schema = text, Hash = "deployed-by-another-node", DeployedBy = "admin",
                DeployedAt = runtime.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        var started = await runtime.StartAsync("formed");
        var newTask = (await runtime.OpenTasksAsync(started.InstanceId)).Single().Id;
        var longComments = new Dictionary<string, object?>(Valid) { ["comments"] = new string('x', 100) };

        var result = await CompleteAsync(runtime, newTask, longComments);

        Assert.Equal(TaskActionStatus.Invalid, result.Status);
        Assert.Equal(["comments"], result.Errors!.Keys);
        Assert.Equal(TaskActionStatus.Done, (await CompleteAsync(runtime, oldTask, longComments)).Status);
    }

    [Fact]
    public async Task FindAsync_NewestAsked_ReadsTheTableEvenWhenKept()
    {
        var (runtime, _, taskId) = await StartAsync("sqlite");
        await using var _ = runtime;
        runtime.Clock.MoveTo(runtime.Clock.GetUtcNow() + FormVersionCache.Settled + TimeSpan.FromMinutes(1));
        await CompleteAsync(runtime, taskId, new Dictionary<string, object?>(Valid) { ["decision"] = "maybe" }); // keeps version 1
        await runtime.QueryAsync(db => db.Forms.ExecuteDeleteAsync());

        var newest = await runtime.RequestAsync(s => s.GetRequiredService<TaskForms>().FindAsync("township-review", DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Null(newest);
    }

    [Fact]
    public async Task DeployAsync_NotAForm_ErrorAndNothingStored()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        var outcome = await runtime.RequestAsync(s => s.GetRequiredService<FormDeployment>().DeployAsync("{\"components\": []}", "admin", CancellationToken.None));
        Assert.Null(outcome.Form);
        Assert.Contains("no id", outcome.Error);
        Assert.Equal(0, await runtime.QueryAsync(db => db.Forms.CountAsync()));
    }
}
