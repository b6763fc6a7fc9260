using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Tests;

public class XmlSafetyTests
{
    private static string SingleFileProblem(string xml)
    {
        var result = new BpmnParser().Parse(xml);
        Assert.Null(result.Document);
        return Assert.Single(result.Problems).Message;
    }

    [Fact]
    public void Malformed_xml_is_a_problem()
    {
        var message = SingleFileProblem(TestBpmn.Load("pathway.bpmn").Replace("</bpmn:process>", ""));

        Assert.StartsWith("The file is not well-formed XML", message);
    }

    [Fact]
    public void External_entity_is_refused_and_no_file_is_read()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"nsp-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(marker, "SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file://{marker}">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P" name="&e;" /></bpmn:definitions>
                """;
            var passwd = """<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";

            var message = SingleFileProblem(xml);

            Assert.Contains("document type declaration", message);
            Assert.DoesNotContain("SECRET", message);
            Assert.Contains("document type declaration", SingleFileProblem(passwd));
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public void Entity_expansion_bomb_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """;

        Assert.Contains("document type declaration", SingleFileProblem(xml));
    }

    [Fact]
    public void Ten_megabyte_document_is_refused()
    {
        var padding = new string(' ', 10 * 1024 * 1024);
        var xml = TestBpmn.Load("pathway.bpmn").Replace("<bpmn:process ", padding + "<bpmn:process ");

        Assert.Contains("larger than the limit", SingleFileProblem(xml));
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_refused()
    {
        var xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
            + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000))
            + "</bpmn:definitions>";

        Assert.Contains("deeper than 64", SingleFileProblem(xml));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void Empty_or_non_xml_input_is_a_problem(string xml)
    {
        SingleFileProblem(xml);
    }

    [Fact]
    public void Xml_that_is_not_bpmn_is_a_problem()
    {
        var result = new BpmnParser().Parse("<html><body/></html>");

        Assert.Null(result.Document);
        Assert.Contains("not a BPMN 2.0 file", Assert.Single(result.Problems).Message);
    }
}
