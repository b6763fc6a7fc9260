using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using NspWorkflow.Domain.Cases;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// The case file (everything about the person and the free text of needs assessments, reasons and reports) as JSON,
/// encrypted with ASP.NET Core Data Protection before it reaches the database. The keys live in the data folder by
/// default (<c>DataProtection:KeysPath</c>); without them the case files cannot be read.
/// </summary>
public sealed class CaseFileProtector(IDataProtectionProvider provider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly IDataProtector protector = provider.CreateProtector("NspWorkflow.Cases.CaseFile.v1");

    public string Protect(CaseSnapshot snapshot) => protector.Protect(JsonSerializer.Serialize(snapshot, Json));

    public CaseSnapshot Unprotect(string protectedData) =>
        JsonSerializer.Deserialize<CaseSnapshot>(protector.Unprotect(protectedData), Json)
        ?? throw new InvalidOperationException("A stored case file is empty.");
}
