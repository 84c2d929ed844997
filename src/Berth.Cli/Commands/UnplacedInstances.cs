using System.Globalization;
using Berth.Cli.Output;

namespace Berth.Cli.Commands;

/// <summary>
/// The warning block for instances the cluster could not place, each with its reason. A
/// command that asked for a change (scale, start, restart, rebuild, set) exits with 1 when
/// any are listed, because the cluster cannot do all it was asked; one that only shows the
/// state (<c>ps:scale APP</c>, <c>ps:report</c>) warns and exits with 0.
/// </summary>
internal static class UnplacedInstances
{
    /// <summary>Writes the block to standard error; writes nothing when <paramref name="unplaced"/> is empty.</summary>
    public static void Warn(IConsoleOutput output, string app, IReadOnlyCollection<string> unplaced)
    {
        if (unplaced.Count == 0)
        {
            return;
        }

        var count = unplaced.Count == 1
            ? "1 instance"
            : string.Create(CultureInfo.InvariantCulture, $"{unplaced.Count} instances");

        output.WriteWarning($"the cluster could not place {count} of {app}:");
        foreach (var instance in unplaced)
        {
            output.WriteWarning($"  {instance}");
        }

        output.WriteWarning(
            "add a node or free memory, or change the process type's memory or constraints with berth ps:set.");
    }

    /// <summary>
    /// Writes the block and returns the exit code of a command that asked for a change: 0, or
    /// 1 when any instance is unplaced.
    /// </summary>
    public static int WarnForChange(IConsoleOutput output, string app, IReadOnlyCollection<string> unplaced)
    {
        Warn(output, app, unplaced);
        return unplaced.Count == 0 ? 0 : CliApplication.ErrorExitCode;
    }
}
