namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Thrown by a service-task handler for a business outcome the process models, such as a period that overlaps
/// another: an error boundary event on the task (or a sub-process around it) that catches <see cref="ErrorCode"/> takes
/// the token on, instead of an incident. The code is the <c>errorCode</c> of a <c>bpmn:error</c>; the handler's
/// variable changes are dropped. Only the code is kept, so it must hold no personal data.
/// </summary>
public sealed class BusinessErrorException(string errorCode) : Exception($"The business error '{errorCode}' was raised.")
{
    public string ErrorCode { get; } = errorCode;
}
