namespace Berth.Core.Placement;

/// <summary>One process type of one app: the unit placement keeps, spreads and plans.</summary>
/// <param name="App">The app.</param>
/// <param name="Process">The process type.</param>
internal readonly record struct ProcessKey(string App, string Process)
{
    /// <summary>Orders keys by app, then process type, both ordinally: the order plans are made in.</summary>
    public static IComparer<ProcessKey> Order { get; } = Comparer<ProcessKey>.Create(Compare);

    /// <summary>The process type <paramref name="instance"/> belongs to.</summary>
    public static ProcessKey Of(PlacedInstance instance) => new(instance.App, instance.Process);

    /// <summary>The process type <paramref name="demand"/> asks for.</summary>
    public static ProcessKey Of(ProcessDemand demand) => new(demand.App, demand.Process);

    private static int Compare(ProcessKey x, ProcessKey y)
    {
        var order = string.CompareOrdinal(x.App, y.App);
        return order != 0 ? order : string.CompareOrdinal(x.Process, y.Process);
    }
}
