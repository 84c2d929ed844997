using System.CommandLine;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Processes;

namespace Berth.Cli.Commands;

/// <summary><c>ps</c> (an app's instances) and <c>ps:scale</c> (its formation).</summary>
internal static class PsCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [PsCommand(context), ScaleCommand(context)];

    private static Command PsCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var command = new Command("ps", "List an app's instances and where they run") { app };

        command.SetAction((parse, cancellationToken) =>
            ListAsync(context, parse.GetRequiredValue(app), cancellationToken));
        return command;
    }

    private static Command ScaleCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var counts = new Argument<string[]>("formation")
        {
            Description = "type=count pairs, e.g. web=2 worker=1; none to show the formation",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("ps:scale", "Set how many instances of each process type run") { app, counts };

        command.SetAction((parse, cancellationToken) =>
            ScaleAsync(context, parse.GetRequiredValue(app), parse.GetValue(counts) ?? [], cancellationToken));
        return command;
    }

    private static async Task ListAsync(CliContext context, string appText, CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var response = await api.ListInstancesAsync(app, cancellationToken);

        if (response.Instances.Count == 0)
        {
            context.Output.WriteLine($"{app} has no instances; deploy with git push, or scale with berth ps:scale.");
            return;
        }

        context.Output.WriteTable(
            ["instance", "node", "release", "state", "address", "message"],
            response.Instances.OrderBy(instance => instance.Process, StringComparer.Ordinal)
                .ThenBy(instance => instance.Index)
                .Select(InstanceRow)
                .ToList());
    }

    private static async Task ScaleAsync(
        CliContext context,
        string appText,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            await ShowFormationAsync(context, appText, cancellationToken);
            return;
        }

        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var formation = validation.Take(FormationArguments.Parse(arguments));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var response = await api.ScaleAsync(app, formation, cancellationToken);

        WriteFormation(context, response.App, response.Formation);
        foreach (var unplaced in response.Unplaced)
        {
            context.Output.WriteWarning($"not placed: {unplaced}");
        }
    }

    private static async Task ShowFormationAsync(
        CliContext context,
        string appText,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var info = await api.GetAppAsync(app, cancellationToken);

        WriteFormation(context, info.Name, info.Formation);
    }

    private static void WriteFormation(CliContext context, string app, IDictionary<string, int> formation)
    {
        Formatting.Heading(context.Output, $"{app} formation");
        context.Output.WriteLine(Formatting.Formation(formation));
    }

    private static IReadOnlyList<string> InstanceRow(InstanceInfo instance) =>
    [
        instance.Name,
        instance.Node,
        Formatting.Release(instance.Release),
        instance.State,
        instance.Address,
        instance.Message,
    ];
}
