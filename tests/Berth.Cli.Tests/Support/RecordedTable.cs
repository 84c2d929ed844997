namespace Berth.Cli.Tests.Support;

/// <summary>A table a command wrote.</summary>
internal sealed record RecordedTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
