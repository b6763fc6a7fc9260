namespace NspWorkflow.Bench;

/// <summary>One round at one concurrency: starts, then resumes of the tasks they opened, then raw transactions as long.</summary>
public sealed record Round(Measurement Starts, Measurement Resumes, Measurement Raw)
{
    public double Ratio => Resumes.PerSecond / Raw.PerSecond;
}
