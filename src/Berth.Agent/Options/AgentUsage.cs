namespace Berth.Agent.Options;

/// <summary>The agent's help text.</summary>
internal static class AgentUsage
{
    /// <summary>True when <paramref name="args"/> asks for help.</summary>
    public static bool IsHelpRequest(IReadOnlyList<string> args) =>
        args.Any(arg => arg is "--help" or "-h");

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Text = """
        Usage: Berth.Agent --control-plane URL (--token-file PATH | --token VALUE) --name NODE
                           --address HOST --ports START-END --memory MIB
                           [--docker URI] [--label KEY=VALUE ...] [--state-dir DIR]

          --control-plane URL    the control plane's gRPC address, e.g. http://127.0.0.1:7000
          --token-file PATH      a file holding the cluster token (or --token VALUE)
          --name NODE            this node's unique name, e.g. node-1
          --address HOST         the host or IP other hosts reach this node's instances at
          --ports START-END      host ports for listening instances, e.g. 20000-20999
          --memory MIB           memory available to instances, in MiB
          --docker URI           the Docker engine (default unix:///var/run/docker.sock)
          --label KEY=VALUE      a node label for placement constraints; repeatable
          --state-dir DIR        keeps restart counts here across agent restarts (one per agent);
                                 without it they are kept in memory only
        """;
}
