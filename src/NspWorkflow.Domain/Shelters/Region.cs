namespace NspWorkflow.Domain.Shelters;

/// <summary>The program's seven regions (the Swedish police regions).</summary>
public enum Region
{
    Nord,
    Mitt,
    Stockholm,
    Bergslagen,
    Ost,
    Vast,
    Syd,
}
