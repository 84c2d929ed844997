namespace Berth.Core.Placement;

/// <summary>An instance the formation asks for that no node can take, and why.</summary>
public sealed record UnplacedInstance(string App, string Process, int Index, string Reason);
