using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>The reference planner's total order on instances: app, type, index, newest release, node.</summary>
internal sealed class ReferenceInstanceOrder : IComparer<PlacedInstance>
{
    public static readonly ReferenceInstanceOrder Instance = new();

    public int Compare(PlacedInstance? x, PlacedInstance? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var order = string.CompareOrdinal(x.App, y.App);
        order = order != 0 ? order : string.CompareOrdinal(x.Process, y.Process);
        order = order != 0 ? order : x.Index.CompareTo(y.Index);
        order = order != 0 ? order : y.Release.CompareTo(x.Release);
        return order != 0 ? order : string.CompareOrdinal(x.Node, y.Node);
    }
}
