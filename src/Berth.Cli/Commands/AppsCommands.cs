using System.CommandLine;
using Berth.Cli.Errors;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary><c>apps:create</c>, <c>apps:list</c>, <c>apps:info</c> and <c>apps:destroy</c>.</summary>
internal static class AppsCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
        [CreateCommand(context), ListCommand(context), InfoCommand(context), DestroyCommand(context)];

    /// <summary>The message <c>apps:destroy</c> gives without <c>--force</c>.</summary>
    public static string DestroyNeedsForce(string app) =>
        $"apps:destroy removes the app '{app}', its releases, config and instances; " +
        $"pass --force to confirm: berth apps:destroy {app} --force";

    private static Command CreateCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var command = new Command("apps:create", "Create an app") { app };

        command.SetAction((parse, cancellationToken) =>
            CreateAsync(context, parse.GetRequiredValue(app), cancellationToken));
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("apps:list", "List the apps");

        command.SetAction((_, cancellationToken) => ListAsync(context, cancellationToken));
        return command;
    }

    private static Command InfoCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var command = new Command("apps:info", "Show an app's URL, domains, release and formation") { app };

        command.SetAction((parse, cancellationToken) =>
            InfoAsync(context, parse.GetRequiredValue(app), cancellationToken));
        return command;
    }

    private static Command DestroyCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var force = new Option<bool>("--force") { Description = "Confirm that the app and all it holds go" };
        var command = new Command("apps:destroy", "Remove an app with its releases, config and instances")
        {
            app,
            force,
        };

        command.SetAction((parse, cancellationToken) =>
            DestroyAsync(context, parse.GetRequiredValue(app), parse.GetValue(force), cancellationToken));
        return command;
    }

    private static async Task CreateAsync(CliContext context, string appText, CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var info = await api.CreateAppAsync(app, cancellationToken);

        context.Output.WriteLine($"Created {info.Name}.");
        Formatting.Fields(context.Output, [("URL", info.Url), ("Git URL", info.GitUrl)]);
        context.Output.WriteLine(
            $"Next: run 'berth git:remote {info.Name}' in your app's repository, then 'git push berth main'.");
    }

    private static async Task ListAsync(CliContext context, CancellationToken cancellationToken)
    {
        using var api = context.Connect();
        var response = await api.ListAppsAsync(cancellationToken);

        if (response.Apps.Count == 0)
        {
            context.Output.WriteLine("No apps yet; create one with: berth apps:create APP");
            return;
        }

        context.Output.WriteTable(
            ["name", "release", "instances", "url"],
            response.Apps.OrderBy(app => app.Name, StringComparer.Ordinal).Select(ListRow).ToList());
    }

    private static async Task InfoAsync(CliContext context, string appText, CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var info = await api.GetAppAsync(app, cancellationToken);

        Formatting.Heading(context.Output, $"{info.Name} app information");
        Formatting.Fields(context.Output, InfoFields(info));
    }

    private static async Task DestroyAsync(
        CliContext context,
        string appText,
        bool force,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);
        if (!force)
        {
            throw new CliException(DestroyNeedsForce(app));
        }

        using var api = context.Connect();
        await api.DestroyAppAsync(app, cancellationToken);

        context.Output.WriteLine($"Destroyed {app}.");
    }

    private static IReadOnlyList<string> ListRow(AppInfo app) =>
        [app.Name, Formatting.Release(app.CurrentRelease), Formatting.Number(app.RunningInstances), app.Url];

    private static IReadOnlyList<(string Label, string Value)> InfoFields(AppInfo info) =>
    [
        ("Created at", info.CreatedAt),
        ("URL", info.Url),
        ("Git URL", info.GitUrl),
        ("Domains", info.Domains.Count == 0 ? "none" : string.Join(' ', info.Domains)),
        ("Release", Formatting.Release(info.CurrentRelease)),
        ("Formation", Formatting.Formation(info.Formation)),
        ("Running instances", Formatting.Number(info.RunningInstances)),
    ];
}
