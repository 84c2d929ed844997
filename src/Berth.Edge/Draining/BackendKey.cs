namespace Berth.Edge.Draining;

/// <summary>
/// One backend as the route table names it: an instance and the URL it is reached at. An instance
/// that moves to another URL is a different backend.
/// </summary>
/// <param name="Instance">The instance name, e.g. shop.web.1.</param>
/// <param name="Url">The URL the proxy forwards to, e.g. http://10.0.0.5:20001.</param>
public readonly record struct BackendKey(string Instance, string Url) : IComparable<BackendKey>
{
    /// <inheritdoc />
    public int CompareTo(BackendKey other)
    {
        var byInstance = string.CompareOrdinal(Instance, other.Instance);

        return byInstance != 0 ? byInstance : string.CompareOrdinal(Url, other.Url);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Instance} ({Url})";
}
