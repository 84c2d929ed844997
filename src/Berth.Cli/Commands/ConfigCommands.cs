using System.CommandLine;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Config;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>config:show</c> (also <c>config</c>), <c>config:set</c> and <c>config:unset</c>. Values are
/// secrets: they are printed only as the config the user asked to see, never in an error.
/// </summary>
internal static class ConfigCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
        [ShowCommand(context), SetCommand(context), UnsetCommand(context)];

    /// <summary>Parses <c>KEY=value</c> pairs; errors name keys, never values.</summary>
    public static IReadOnlyDictionary<string, string> ParsePairs(
        IReadOnlyList<string> arguments,
        InputValidation validation) =>
        validation.Take(ConfigArguments.ParsePairs(arguments)) ?? new Dictionary<string, string>();

    private static Command ShowCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var command = new Command("config:show", "Show an app's config vars") { app };
        command.Aliases.Add("config");

        command.SetAction((parse, cancellationToken) =>
            ShowAsync(context, parse.GetRequiredValue(app), cancellationToken));
        return command;
    }

    private static Command SetCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var pairs = CommandArguments.OneOrMore("pairs", "KEY=value pairs to set");
        var noRestart = NoRestartOption();
        var command = new Command("config:set", "Set config vars; restarts the app through a new release")
        {
            app,
            pairs,
            noRestart,
        };

        command.SetAction((parse, cancellationToken) => SetAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetRequiredValue(pairs),
            parse.GetValue(noRestart),
            cancellationToken));
        return command;
    }

    private static Command UnsetCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var keys = CommandArguments.OneOrMore("keys", "The keys to remove");
        var noRestart = NoRestartOption();
        var command = new Command("config:unset", "Remove config vars; restarts the app through a new release")
        {
            app,
            keys,
            noRestart,
        };

        command.SetAction((parse, cancellationToken) => UnsetAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetRequiredValue(keys),
            parse.GetValue(noRestart),
            cancellationToken));
        return command;
    }

    private static Option<bool> NoRestartOption() => new("--no-restart")
    {
        Description = "Save the change without restarting the app; it applies from the next release",
    };

    private static async Task ShowAsync(CliContext context, string appText, CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);

        using var api = context.Connect();
        var config = await api.GetConfigAsync(app, cancellationToken);

        Write(context, config);
    }

    private static async Task SetAsync(
        CliContext context,
        string appText,
        IReadOnlyList<string> arguments,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var values = ParsePairs(arguments, validation);
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var config = await api.SetConfigAsync(app, values, noRestart, cancellationToken);

        Write(context, config);
        WriteRelease(context, config, noRestart);
    }

    private static async Task UnsetAsync(
        CliContext context,
        string appText,
        IReadOnlyList<string> arguments,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var keys = validation.Take(ConfigArguments.ParseKeys(arguments));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var config = await api.UnsetConfigAsync(app, keys, noRestart, cancellationToken);

        Write(context, config);
        WriteRelease(context, config, noRestart);
    }

    private static void Write(CliContext context, ConfigResponse config)
    {
        Formatting.Heading(context.Output, $"{config.App} config vars (version {config.Version})");
        if (config.Values.Count == 0)
        {
            context.Output.WriteLine("No config vars.");
            return;
        }

        var fields = config.Values
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, pair.Value))
            .ToList();

        Formatting.Fields(context.Output, fields);
    }

    private static void WriteRelease(CliContext context, ConfigResponse config, bool noRestart)
    {
        var message = config.Release > 0
            ? $"Released {Formatting.Release(config.Release)} with the new config."
            : noRestart
                ? "Saved without a restart; the config applies from the app's next release."
                : "The app has no release yet; the config applies from its first deploy.";

        context.Output.WriteLine(message);
    }
}
