namespace Berth.Agent.Options;

/// <summary>The node's range of host ports the agent hands to listening instances, both ends included.</summary>
/// <param name="Start">The first port of the range.</param>
/// <param name="End">The last port of the range.</param>
internal sealed record PortRange(int Start, int End)
{
    /// <summary>The lowest port number a range may start at.</summary>
    public const int MinPort = 1;

    /// <summary>The highest port number a range may end at.</summary>
    public const int MaxPort = 65535;

    /// <summary>How many ports the range holds.</summary>
    public int Count => End - Start + 1;

    /// <summary>True when <paramref name="port"/> lies inside the range.</summary>
    public bool Contains(int port) => port >= Start && port <= End;

    /// <summary>Every port of the range, lowest first.</summary>
    public IEnumerable<int> Ports() => Enumerable.Range(Start, Count);

    /// <inheritdoc />
    public override string ToString() => $"{Start}-{End}";
}
