namespace Berth.Agent.Docker;

/// <summary>A Docker step failed; the message is one sentence fit for an instance status or build result.</summary>
internal sealed class DockerOperationException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public DockerOperationException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by another exception.</summary>
    public DockerOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure with a generic message.</summary>
    public DockerOperationException()
        : base("a Docker operation failed")
    {
    }
}
