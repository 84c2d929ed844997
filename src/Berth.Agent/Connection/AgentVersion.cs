using System.Reflection;

namespace Berth.Agent.Connection;

/// <summary>The agent's version, sent with its registration.</summary>
internal static class AgentVersion
{
    /// <summary>The informational version of the agent assembly, e.g. <c>1.0.0</c>.</summary>
    public static string Current { get; } =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AgentVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
