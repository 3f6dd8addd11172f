namespace Lodestar.LocalInfrastructure;

/// <summary>Neither a Docker engine nor the server binaries are available; the message says what to install.</summary>
public sealed class InfrastructureUnavailableException : Exception
{
    public InfrastructureUnavailableException() { }

    public InfrastructureUnavailableException(string message) : base(message) { }

    public InfrastructureUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
