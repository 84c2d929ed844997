namespace Berth.Edge.Routing;

/// <summary>Something in a route table the edge left out, and why.</summary>
/// <param name="App">The app the entry belongs to, as the table named it.</param>
/// <param name="Message">A sentence saying what was left out and why.</param>
public sealed record RouteTableWarning(string App, string Message);
