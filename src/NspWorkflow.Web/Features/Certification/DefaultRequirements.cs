using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The list a program starts from. The source documents name the "Minimikrav för boende certifierade inom ramen för
/// Nationellt Stödprogram" (updated 2020) but do not list them; these are our reading of what the documents ask of a
/// shelter (protection, knowledgeable staff, support, rights, cooperation, records, children, statistics and training).
/// The administrator edits them per year.
/// </summary>
public static class DefaultRequirements
{
    public static IReadOnlyList<Requirement> All { get; } =
    [
        new("skydd", "Boendet erbjuder ett skyddat boende med rutiner för säkerhet och hotbedömning."),
        new("personal", "Personalen har kunskap om människohandel och ett traumamedvetet bemötande."),
        new("stod", "Boendet ger psykosocialt stöd, tillgång till tolk och hjälp i kontakter med vård och myndigheter."),
        new("rattigheter", "Den utsatta informeras om sina rättigheter, bland annat betänketid och möjligheten att polisanmäla."),
        new("samverkan", "Boendet samverkar med polis, socialtjänst, Migrationsverket och regionkoordinatorer."),
        new("dokumentation", "Insatser dokumenteras och personuppgifter hanteras enligt dataskyddsförordningen."),
        new("barn", "Medföljande barn får stöd utifrån barnets egna behov och rättigheter."),
        new("utveckling", "Boendet lämnar årlig statistik till Plattformen och deltar i minst en utbildning om året."),
    ];
}
