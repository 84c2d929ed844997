using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Agent.Docker;

/// <summary>Reads the human status Docker lists with each container, e.g. <c>Exited (137) 5 seconds ago</c>.</summary>
internal static partial class DockerStatusText
{
    /// <summary>The exit code in an <c>Exited (N)</c> or <c>Restarting (N)</c> status; null otherwise.</summary>
    public static int? ExitCode(string? status)
    {
        var match = status is null ? Match.Empty : ExitCodePattern().Match(status);

        return match.Success
            ? int.Parse(match.Groups["code"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^(Exited|Restarting) \((?<code>-?\d{1,9})\)", RegexOptions.CultureInvariant)]
    private static partial Regex ExitCodePattern();
}
