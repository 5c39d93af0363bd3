using System.Xml.Linq;
using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.Simulation;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;

namespace Wuyi.Engine.Tests;

/// <summary>
/// Randomly mutated models (seeded, so failures reproduce): parsing never throws, and a model that parses
/// runs without throwing or hanging — through the simulator and through random stimuli.
/// </summary>
public class MutationCorpusTests
{
    private static readonly string[] Sources = Directory.GetFiles(TestFiles.Scenarios, "*.bpmn").Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] Values =
    [
        "", "x", "Start", "f1", "P7D", "R/PT1H", "0 0 9 * * ?", "${", "${missing}", "${1/0}", "true", "false", "all",
        "${approved}", "R3/PT1H", "2022-08-24T00:00:00Z", "-1", "99999", "0", "#{x}", "Approved", "certification",
    ];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Parse_MutatedModels_NeverThrowAndValidOnesRun(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var xml = Mutate(File.ReadAllText(Sources[random.Next(Sources.Length)]), random);
            var next = random.Next();
            var run = Task.Run(() => Exercise(xml, next));
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(finished == run, $"seed {seed} round {round} hung:\n{xml}");
            await run;
        }
    }

    private static void Exercise(string xml, int seed)
    {
        var outcome = BpmnDefinitions.Parse(xml);
        if (!outcome.Success)
        {
            Assert.NotEmpty(outcome.Problems);
            return;
        }
        var exit = Simulator.Run(new SimulationInput(xml, "mutated.bpmn", null, outcome.Definitions!.ExecutableProcesses.FirstOrDefault()?.Id,
            called => File.Exists(Path.Combine(TestFiles.Scenarios, called + ".bpmn")) ? TestFiles.Read(called + ".bpmn") : null), _ => { });
        Assert.InRange(exit, 0, 2);
        foreach (var process in outcome.Definitions.ExecutableProcesses) Drive(outcome.Definitions, process, new Random(seed));
    }

    // Random stimuli against the engine directly, including stale and foreign wait ids.
    private static void Drive(BpmnDefinitions definitions, ProcessDefinition process, Random random)
    {
        var start = process.StartTriggers.FirstOrDefault();
        if (start is null) return;
        var now = EngineHarness.T0;
        var result = ProcessEngine.Start(definitions, process.Id, new StartRequest("i1", "k",
            EngineHarness.Vars(("approved", random.Next(2) == 0), ("closeContacts", 0), ("areaCode", "a")), start.ElementId), now);
        for (var i = 0; i < 15 && !result.State.HasEnded; i++)
        {
            var waits = result.State.Waits;
            var wait = waits.IsEmpty ? null : waits[random.Next(waits.Length)];
            var id = wait?.WaitId ?? "i1/w999";
            Stimulus stimulus = random.Next(9) switch
            {
                0 => new CompleteTask(id, EngineHarness.Vars(("approved", true))),
                1 => new ServiceCompleted(id),
                2 => new ServiceFailed(id, "SMTP_DOWN"),
                3 => new TimerFired(id),
                4 => new MessageReceived(id),
                5 => new SignalReceived(wait?.Name ?? "ProvinceWideAlert"),
                6 => new ChildCompleted(id),
                7 => new RetryIncident(),
                _ => new ChildFailed(id, "FAILED"),
            };
            now = now.AddHours(random.Next(48));
            result = ProcessEngine.Step(definitions, result.State, stimulus, now);
            var json = InstanceStateJson.Serialize(result.State);
            var back = InstanceStateJson.Deserialize(json);
            Assert.Equal(json, InstanceStateJson.Serialize(back));
            Assert.Equal(StateDump.Of(result.State), StateDump.Of(back));
        }
        ProcessEngine.Step(definitions, result.State, new Cancel(), now);
    }

    private static string Mutate(string xml, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            if (random.Next(10) == 0)
            {
                // Text-level damage: truncation or a stray character.
                var at = random.Next(xml.Length);
                xml = random.Next(2) == 0 ? xml[..at] : xml.Insert(at, "<>&\"'{}$"[random.Next(8)].ToString());
                continue;
            }
            XDocument doc;
            try
            {
                doc = XDocument.Parse(xml);
            }
            catch (System.Xml.XmlException)
            {
                return xml;
            }
            var elements = doc.Descendants().Skip(1).ToList();
            if (elements.Count == 0) return xml;
            var target = elements[random.Next(elements.Count)];
            switch (random.Next(5))
            {
                case 0:
                    target.Remove();
                    break;
                case 1:
                    var attributes = target.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                    if (attributes.Count > 0) attributes[random.Next(attributes.Count)].Value = Values[random.Next(Values.Length)];
                    break;
                case 2:
                    var copy = new XElement(elements[random.Next(elements.Count)]);
                    if (random.Next(2) == 0) copy.SetAttributeValue("id", "copy" + random.Next(100));
                    target.AddAfterSelf(copy);
                    break;
                case 3:
                    if (!target.HasElements) target.Value = Values[random.Next(Values.Length)];
                    break;
                default:
                    var other = elements[random.Next(elements.Count)];
                    if (other != target && !other.Ancestors().Contains(target) && !target.Ancestors().Contains(other))
                    {
                        other.Remove();
                        target.AddAfterSelf(other);
                    }
                    break;
            }
            xml = doc.ToString();
        }
        return xml;
    }
}
