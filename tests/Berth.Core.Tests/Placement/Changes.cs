using System.Globalization;
using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>Helpers for tests that change one demand of a cluster.</summary>
internal static class Changes
{
    /// <summary><paramref name="demands"/> with the demand of the changed type replaced, or the change added.</summary>
    public static List<ProcessDemand> Replace(IEnumerable<ProcessDemand> demands, ProcessDemand change) =>
        demands
            .Where(d => !IsOf(d.App, d.Process, change))
            .Append(change)
            .ToList();

    /// <summary>True when <paramref name="app"/> and <paramref name="process"/> name the changed type.</summary>
    public static bool IsOf(string app, string process, ProcessDemand change) =>
        app == change.App && process == change.Process;

    /// <summary>The change, printed readably.</summary>
    public static string Show(ProcessDemand d) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{d.App}.{d.Process} x{d.Count} v{d.Release} {d.MemoryMb}MiB "
            + $"{{{string.Join(",", d.Constraints.Select(c => $"{c.Key}={c.Value}"))}}}");
}
