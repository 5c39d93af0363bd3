using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Tests.Trace;

public class TraceEventJsonTests
{
    [Fact]
    public void Serialize_AllFields_FixedOrderOneLine()
    {
        var e = new TraceEvent(new DateTimeOffset(2022, 8, 24, 9, 0, 0, TimeSpan.FromHours(8)), "task-created")
        {
            Instance = "i1",
            Process = "certification",
            Element = "TownshipReview",
            ElementType = "userTask",
            Assignee = "张三",
            CandidateGroups = ["township-reviewer:460105001"],
            DueDate = "2022-08-27T09:00:00+08:00",
            FormKey = "forms/review",
        };

        Assert.Equal("""{"at":"2022-08-24T09:00:00+08:00","type":"task-created","instance":"i1","process":"certification","element":"TownshipReview","elementType":"userTask","assignee":"张三","candidateGroups":["township-reviewer:460105001"],"dueDate":"2022-08-27T09:00:00+08:00","formKey":"forms/review"}""",
            TraceEventJson.Serialize(e));
    }

    [Fact]
    public void Serialize_FractionalSecondsAndUtc_Formatted()
    {
        var e = new TraceEvent(new DateTimeOffset(2022, 8, 24, 9, 0, 0, 500, TimeSpan.Zero), "timer-scheduled")
        {
            DueAt = new DateTimeOffset(2022, 8, 25, 0, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal("""{"at":"2022-08-24T09:00:00.5+00:00","type":"timer-scheduled","dueAt":"2022-08-25T00:00:00+00:00"}""", TraceEventJson.Serialize(e));
    }
}
