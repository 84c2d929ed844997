using Berth.Cli.Configuration;

namespace Berth.Cli.Api;

/// <summary>Opens a connection to a control plane.</summary>
internal interface IBerthApiFactory
{
    /// <summary>A client for the control plane in <paramref name="settings"/>; dispose it when done.</summary>
    IBerthApi Create(ServerSettings settings);
}
