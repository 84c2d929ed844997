namespace Berth.Agent.Builds;

/// <summary>Splits Docker's build output into the lines sent to the pusher.</summary>
internal static class BuildOutput
{
    /// <summary>
    /// The lines of one <c>stream</c> chunk: split on newlines, carriage returns and the
    /// trailing newline dropped, empty lines skipped.
    /// </summary>
    public static IReadOnlyList<string> Lines(string? stream) =>
        string.IsNullOrEmpty(stream)
            ? []
            : [.. stream.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)];
}
