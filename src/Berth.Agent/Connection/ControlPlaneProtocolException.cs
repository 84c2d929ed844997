namespace Berth.Agent.Connection;

/// <summary>The control plane answered on the agent stream with something the protocol does not allow.</summary>
internal sealed class ControlPlaneProtocolException : Exception
{
    /// <summary>A protocol error described by <paramref name="message"/>.</summary>
    public ControlPlaneProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>A protocol error described by <paramref name="message"/>, caused by another exception.</summary>
    public ControlPlaneProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A protocol error with a generic message.</summary>
    public ControlPlaneProtocolException()
        : base("the control plane broke the agent stream's protocol")
    {
    }
}
