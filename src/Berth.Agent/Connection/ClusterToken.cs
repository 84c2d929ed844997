namespace Berth.Agent.Connection;

/// <summary>The cluster token every gRPC call carries. <see cref="ToString"/> never shows it.</summary>
internal sealed class ClusterToken(string value)
{
    /// <summary>The token itself; only ever put in the <c>authorization</c> header.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override string ToString() => "***";
}
