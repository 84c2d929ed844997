namespace Berth.Cli.Arguments;

/// <summary>What <c>nodes:label</c> changes on a node.</summary>
/// <param name="Set">Labels to add or change.</param>
/// <param name="Remove">Label keys to remove.</param>
internal sealed record LabelChanges(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Remove);
