using System.Text.Json;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// A routine check as its row's JSON document: the domain's own records (statistics, trainings), written with the
/// certification's options so enums and dates read the same way. The status is the row's column.
/// </summary>
public sealed record RoutineCheckDocument(YearlyStatistics? Statistics, List<TrainingAttendance> Trainings, string? ReturnComment, DateOnly? CompletedOn)
{
    public static RoutineCheck Read(RoutineCheckRow row)
    {
        var document = JsonSerializer.Deserialize<RoutineCheckDocument>(row.Document, CertificationDocument.Json)
            ?? throw new InvalidOperationException("A routine check row holds no document.");
        return new RoutineCheck
        {
            Id = row.Id, ShelterId = row.ShelterId, Year = row.Year, Status = Enum.Parse<RoutineCheckStatus>(row.Status),
            Statistics = document.Statistics, Trainings = document.Trainings ?? [], ReturnComment = document.ReturnComment,
            CompletedOn = document.CompletedOn,
        };
    }

    /// <summary>Writes the check into its row, with a new version: of two changes at once, one is stored.</summary>
    public static void Write(RoutineCheck check, RoutineCheckRow row, DateTimeOffset now)
    {
        row.Status = check.Status.ToString();
        row.Document = JsonSerializer.Serialize(new RoutineCheckDocument(check.Statistics, check.Trainings, check.ReturnComment, check.CompletedOn),
            CertificationDocument.Json);
        row.UpdatedAt = now;
        row.Version = Guid.NewGuid();
    }
}
