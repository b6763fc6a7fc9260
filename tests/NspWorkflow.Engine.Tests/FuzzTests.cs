using System.Text;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>Deterministic mutations of a valid document: parsing and validation must never throw.</summary>
public class FuzzTests
{
    private static readonly string[] Insertions =
    [
        "<bpmn:scriptTask id=\"S\" />", "<bpmn:startEvent id=\"StartEvent_1\" />", "<bpmn:sequenceFlow id=\"Q\" sourceRef=\"Q\" targetRef=\"Q\" />",
        "<bpmn:timerEventDefinition><bpmn:timeCycle>R9999999999/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>",
        "<bpmn:conditionExpression>)(</bpmn:conditionExpression>", "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"B\" />",
        "<!DOCTYPE x>", "&amp;", "<![CDATA[=]]>", "<bpmn:message />", "nsp:due=\"=\"", "<bpmn:exclusiveGateway id=\"G\" default=\"G\" />",
    ];

    private static readonly string[] Values = ["", "=", "P", "R1/", "=(", "Flow_1", "Task_Assess", "\u0000", "-1", "P99999Y", "2025-02-30T00:00:00Z", "false", "&lt;"];

    [Fact]
    public void Thousand_mutations_never_throw()
    {
        var original = TestBpmn.Load("pathway.bpmn");
        var random = new Random(20250501);
        var checker = new DefinitionChecker();
        var parsedWithDocument = 0;

        for (var i = 0; i < 1_000; i++)
        {
            var text = original;
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(text, random);
            }

            var (document, problems) = checker.Check(text, TestBpmn.Context);
            Assert.True(document is not null || !problems.IsEmpty, $"Mutation {i} gave neither a document nor a problem.");
            parsedWithDocument += document is null ? 0 : 1;
        }

        // Not every mutation breaks the XML, so validation is exercised too.
        Assert.InRange(parsedWithDocument, 100, 1_000);
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length < 2)
        {
            return text + "<";
        }

        var at = random.Next(text.Length);
        switch (random.Next(6))
        {
            case 0: // delete a run of characters
                return text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
            case 1: // duplicate a run
                var length = Math.Min(random.Next(1, 200), text.Length - at);
                return text.Insert(at, text.Substring(at, length));
            case 2: // swap two characters
                var other = random.Next(text.Length);
                var chars = text.ToCharArray();
                (chars[at], chars[other]) = (chars[other], chars[at]);
                return new string(chars);
            case 3: // cut
                return text[..at];
            case 4: // change an attribute value
                var quote = text.IndexOf("=\"", at, StringComparison.Ordinal);
                if (quote < 0)
                {
                    return text;
                }

                var end = text.IndexOf('"', quote + 2);
                return end < 0 ? text : new StringBuilder(text).Remove(quote + 2, end - quote - 2)
                    .Insert(quote + 2, Values[random.Next(Values.Length)]).ToString();
            default: // insert an element after some tag
                var tagEnd = text.IndexOf('>', at);
                return tagEnd < 0 ? text : text.Insert(tagEnd + 1, Insertions[random.Next(Insertions.Length)]);
        }
    }
}
