using System.CommandLine;
using System.Text.Json.Nodes;
using Berth.Cli.Output;
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
        var format = CommandArguments.Format();
        var command = new Command("ps", "List an app's instances, where they run and how long they have run")
        {
            app,
            format,
        };

        command.SetAction((parse, cancellationToken) =>
            ListAsync(context, parse.GetRequiredValue(app), parse.GetRequiredValue(format), cancellationToken));
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
        var format = CommandArguments.Format();
        var command = new Command(
            "ps:scale",
            "Set how many instances of each process type run; exits with 1 when some cannot be placed")
        {
            app,
            counts,
            format,
        };

        command.SetAction((parse, cancellationToken) => ScaleAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetValue(counts) ?? [],
            parse.GetRequiredValue(format),
            cancellationToken));
        return command;
    }

    private static async Task ListAsync(
        CliContext context,
        string appText,
        string format,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var response = await api.ListInstancesAsync(app, cancellationToken);
        var instances = response.Instances
            .OrderBy(instance => instance.Process, StringComparer.Ordinal)
            .ThenBy(instance => instance.Index)
            .ToList();

        if (format == OutputFormat.Json)
        {
            JsonText.Write(context.Output, new JsonArray([.. instances.Select(InstanceView.Json)]));
            return;
        }

        WriteTable(context, app, instances);
    }

    private static void WriteTable(CliContext context, string app, IReadOnlyList<InstanceInfo> instances)
    {
        if (instances.Count == 0)
        {
            context.Output.WriteLine($"{app} has no instances; deploy with git push, or scale with berth ps:scale.");
            return;
        }

        var now = context.Time.GetUtcNow();
        context.Output.WriteTable(
            InstanceView.Columns,
            instances.Select(instance => InstanceView.Row(instance, now)).ToList());
    }

    private static async Task<int> ScaleAsync(
        CliContext context,
        string appText,
        IReadOnlyList<string> arguments,
        string format,
        CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            await ShowFormationAsync(context, appText, format, cancellationToken);
            return 0;
        }

        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var formation = validation.Take(FormationArguments.Parse(arguments));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var response = await api.ScaleAsync(app, formation, cancellationToken);

        WriteFormation(context, response, format);
        return UnplacedInstances.WarnForChange(context.Output, response.App, response.Unplaced);
    }

    private static async Task ShowFormationAsync(
        CliContext context,
        string appText,
        string format,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var response = await api.GetFormationAsync(app, cancellationToken);

        WriteFormation(context, response, format);
        UnplacedInstances.Warn(context.Output, response.App, response.Unplaced);
    }

    private static void WriteFormation(CliContext context, ScaleResponse response, string format)
    {
        if (format == OutputFormat.Json)
        {
            JsonText.Write(context.Output, JsonText.Numbers(response.Formation));
            return;
        }

        Formatting.Heading(context.Output, $"{response.App} formation");
        context.Output.WriteLine(Formatting.Formation(response.Formation));
    }
}
