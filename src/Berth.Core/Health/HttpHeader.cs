namespace Berth.Core.Health;

/// <summary>A header an HTTP health check sends with its request, such as <c>Host</c>.</summary>
/// <param name="Name">The header's name, an HTTP token.</param>
/// <param name="Value">The header's value, without line breaks; may be empty.</param>
public sealed record HttpHeader(string Name, string Value);
