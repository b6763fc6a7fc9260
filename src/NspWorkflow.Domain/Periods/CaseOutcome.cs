namespace NspWorkflow.Domain.Periods;

/// <summary>How a case's daily funding stands.</summary>
public enum CaseOutcome
{
    /// <summary>No outcome yet: periods may follow as the pathway allows.</summary>
    Open,

    /// <summary>A police report was filed and the state's reflection period granted: the state took over; point interventions stay possible.</summary>
    Mmm,

    /// <summary>The person completed integration and the exit report is in.</summary>
    Integration,

    /// <summary>The person returned to the country of origin.</summary>
    Return,

    /// <summary>The support ended without another outcome.</summary>
    Ended,

    /// <summary>The application was rejected.</summary>
    Rejected,
}
