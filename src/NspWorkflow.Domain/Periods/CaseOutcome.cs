namespace NspWorkflow.Domain.Periods;

/// <summary>How a case's daily funding stands.</summary>
public enum CaseOutcome
{
    /// <summary>No outcome yet: periods may follow as the pathway allows.</summary>
    Open,

    /// <summary>A police report was filed and the state's reflection period granted: the state took over; point interventions stay possible.</summary>
    Mmm,
}
