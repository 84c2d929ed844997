using Berth.Cli.Api;
using Berth.Cli.Configuration;

namespace Berth.Cli.Tests.Support;

/// <summary>Hands out one fake API and remembers the settings it was opened with.</summary>
internal sealed class FakeBerthApiFactory : IBerthApiFactory
{
    public FakeBerthApi Api { get; } = new();

    public List<ServerSettings> Connections { get; } = [];

    public IBerthApi Create(ServerSettings settings)
    {
        Connections.Add(settings);
        return Api;
    }
}
