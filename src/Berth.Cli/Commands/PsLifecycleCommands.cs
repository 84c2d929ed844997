using System.CommandLine;
using Berth.Cli.Api;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Processes;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>ps:stop</c>, <c>ps:start</c>, <c>ps:restart APP [TYPE]</c>, <c>ps:rebuild</c> and
/// <c>ps:report</c>. Each prints the app's process report afterwards; a change that leaves
/// instances unplaced exits with 1.
/// </summary>
internal static class PsLifecycleCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        AppCommand(
            context,
            "ps:stop",
            "Stop every instance of an app; its formation is kept for ps:start",
            (api, app, token) => api.StopAppAsync(app, token),
            report => $"Stopped {report.App}; its formation is kept, and berth ps:start {report.App} runs it again."),
        AppCommand(
            context,
            "ps:start",
            "Run a stopped app's formation again",
            (api, app, token) => api.StartAppAsync(app, token),
            report => $"Started {report.App}."),
        RestartCommand(context),
        AppCommand(
            context,
            "ps:rebuild",
            "Build the app's last pushed commit again and deploy it as a new release",
            (api, app, token) => api.RebuildAppAsync(app, token),
            report => $"Rebuilt {report.App} as release {Formatting.Release(report.CurrentRelease)}."),
        ReportCommand(context),
    ];

    private static Command AppCommand(
        CliContext context,
        string name,
        string description,
        Func<IBerthApi, string, CancellationToken, Task<ProcessReport>> call,
        Func<ProcessReport, string> done)
    {
        var app = CommandArguments.App();
        var format = CommandArguments.Format();
        var command = new Command(name, description) { app, format };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var appName = InputValidation.RequireApp(parse.GetRequiredValue(app));

            using var api = context.Connect();
            var report = await call(api, appName, cancellationToken);

            var output = context.Output;
            return ProcessReportView.WriteChange(output, report, done(report), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static Command RestartCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var process = CommandArguments.Process("The process type to restart; all of them when left out");
        process.Arity = ArgumentArity.ZeroOrOne;
        var format = CommandArguments.Format();
        var command = new Command("ps:restart", "Restart an app's instances, or those of one process type")
        {
            app,
            process,
            format,
        };

        command.SetAction((parse, cancellationToken) => RestartAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetValue(process),
            parse.GetRequiredValue(format),
            cancellationToken));
        return command;
    }

    private static Command ReportCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var format = CommandArguments.Format();
        var command = new Command(
            "ps:report",
            "Show whether an app is stopped, its release and each process type's settings")
        {
            app,
            format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var appName = InputValidation.RequireApp(parse.GetRequiredValue(app));

            using var api = context.Connect();
            var report = await api.GetProcessReportAsync(appName, cancellationToken);

            ProcessReportView.Write(context.Output, report, parse.GetRequiredValue(format));
            UnplacedInstances.Warn(context.Output, report.App, report.Unplaced);
        });
        return command;
    }

    private static async Task<int> RestartAsync(
        CliContext context,
        string appText,
        string? processText,
        string format,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        if (processText is not null && !ProcessType.IsValid(processText))
        {
            validation.Add($"'{processText}' is not a valid process type: {ProcessType.Rule}.");
        }

        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var report = await api.RestartAppAsync(app, processText, cancellationToken);

        var done = processText is null
            ? $"Restarted {report.App}."
            : $"Restarted the {processText} instances of {report.App}.";
        return ProcessReportView.WriteChange(context.Output, report, done, format);
    }
}
