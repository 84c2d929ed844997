using System.CommandLine;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary><c>nodes:list</c>: the cluster's nodes and their state.</summary>
internal static class NodesCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [ListCommand(context)];

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("nodes:list", "List the cluster's nodes");
        command.SetAction((_, cancellationToken) => ListAsync(context, cancellationToken));

        return command;
    }

    private static async Task ListAsync(CliContext context, CancellationToken cancellationToken)
    {
        using var api = context.Connect();
        var response = await api.ListNodesAsync(cancellationToken);

        if (response.Nodes.Count == 0)
        {
            context.Output.WriteLine("No nodes have registered; start an agent on each Docker host.");
            return;
        }

        context.Output.WriteTable(
            ["name", "address", "state", "memory", "instances"],
            response.Nodes.OrderBy(node => node.Name, StringComparer.Ordinal).Select(Row).ToList());
    }

    private static IReadOnlyList<string> Row(NodeInfo node) =>
    [
        node.Name,
        node.Address,
        node.State,
        $"{Formatting.Number(node.MemoryMb)} MB",
        Formatting.Number(node.Instances),
    ];
}
