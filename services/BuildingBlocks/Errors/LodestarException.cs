namespace Lodestar.Errors;

/// <summary>An expected failure whose message is safe to show to the caller.</summary>
public abstract class LodestarException : Exception
{
    protected LodestarException(string message) : base(message) { }

    protected LodestarException(string message, Exception? innerException) : base(message, innerException) { }
}
