using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>What a Swedish user reads for a key of the app's message table.</summary>
public static class Texts
{
    public static string Swedish(string key, params object?[] arguments) => new MessageTable().Text(key, MessageTable.Swedish, arguments);
}
