namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Thrown by an <see cref="IServiceTaskHandler"/> that refuses its step with a message for the administrator. The
/// incident keeps the message, so the handler vouches that it holds no personal data (a fixed sentence, names of
/// variables or rules, never a value of the case). Any other exception is stored as its type only, because its message
/// may quote anything (a database error citing a value, a handler interpolating a name).
/// </summary>
public sealed class ServiceTaskRefusedException : Exception
{
    public ServiceTaskRefusedException(string message)
        : base(message)
    {
    }

    public ServiceTaskRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
