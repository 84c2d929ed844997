using System.CommandLine;
using Berth.Cli.Arguments;
using Berth.Contracts;
using Berth.Core.Nodes;

namespace Berth.Cli.Commands;

/// <summary><c>nodes:list</c> (the cluster's nodes and their state) and <c>nodes:label</c>.</summary>
internal static class NodesCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [ListCommand(context), LabelCommand(context)];

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("nodes:list", "List the cluster's nodes");
        command.SetAction((_, cancellationToken) => ListAsync(context, cancellationToken));

        return command;
    }

    private static Command LabelCommand(CliContext context)
    {
        var node = new Argument<string>("node") { Description = "The node's name" };
        var changes = CommandArguments.OneOrMore(
            "labels",
            $"key=value to set a label, key- to remove one; {NodeLabel.Rule}");
        var command = new Command("nodes:label", "Set or remove a node's labels, which process constraints match")
        {
            node,
            changes,
        };

        command.SetAction((parse, cancellationToken) => LabelAsync(
            context,
            parse.GetRequiredValue(node),
            parse.GetRequiredValue(changes),
            cancellationToken));
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
            ["name", "address", "state", "memory", "instances", "labels"],
            response.Nodes.OrderBy(node => node.Name, StringComparer.Ordinal).Select(Row).ToList());
    }

    private static async Task LabelAsync(
        CliContext context,
        string nodeText,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        if (!NodeName.IsValid(nodeText))
        {
            validation.Add($"'{nodeText}' is not a valid node name: {NodeName.Rule}.");
        }

        var changes = validation.Take(LabelArguments.ParseChanges(arguments));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var node = await api.LabelNodeAsync(nodeText, changes.Set, changes.Remove, cancellationToken);

        WriteLabels(context, node);
    }

    private static void WriteLabels(CliContext context, NodeInfo node)
    {
        Formatting.Heading(context.Output, $"{node.Name} labels");
        if (node.Labels.Count == 0)
        {
            context.Output.WriteLine("No labels.");
            return;
        }

        foreach (var (key, value) in node.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            context.Output.WriteLine($"{key}={value}");
        }
    }

    private static IReadOnlyList<string> Row(NodeInfo node) =>
    [
        node.Name,
        node.Address,
        node.State,
        $"{Formatting.Number(node.MemoryMb)} MB",
        Formatting.Number(node.Instances),
        Formatting.Labels(node.Labels),
    ];
}
