namespace Berth.Agent.Health;

/// <summary>The last lines of a container's log, for the status of an instance whose checks failed.</summary>
internal static class LogTail
{
    /// <summary>How many lines a failed instance reports.</summary>
    public const int Lines = 20;

    /// <summary>The last <paramref name="count"/> lines of <paramref name="text"/>, oldest first.</summary>
    public static IReadOnlyList<string> Last(string text, int count = Lines)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (lines is [""])
        {
            return [];
        }

        return lines.Length > count ? lines[^count..] : lines;
    }
}
