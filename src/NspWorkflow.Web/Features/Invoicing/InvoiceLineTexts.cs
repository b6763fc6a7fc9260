using System.Globalization;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>What a line is, in words: the kind and number of the period (and the reduced rate), or the point intervention's category.</summary>
public sealed class InvoiceLineTexts(MessageTable texts, TariffCatalog tariffs)
{
    public string Describe(InvoiceLine line, CultureInfo culture)
    {
        if (line.Kind == InvoiceLineKind.PointIntervention)
        {
            var category = tariffs.Current.Tariffs[^1].PointInterventions.Categories.FirstOrDefault(c => c.Key == line.CategoryKey)?.Name
                ?? line.CategoryKey ?? "";
            return texts.Text("Invoice.Line.PointIntervention", culture, category);
        }
        var kind = texts.Text(line.PeriodKind switch
        {
            PeriodKind.Reflection => "ReflectionPeriod",
            PeriodKind.Extended => "ExtendedSupport",
            _ => "Integration",
        }, culture);
        return texts.Text(line.ReducedRate ? "Invoice.Line.PeriodReduced" : "Invoice.Line.Period", culture, kind, line.PeriodNumber);
    }
}
