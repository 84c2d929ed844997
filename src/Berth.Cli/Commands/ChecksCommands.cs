using System.CommandLine;
using Berth.Cli.Arguments;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Health;
using Berth.Core.Processes;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>checks:report APP</c>, <c>checks:set APP [TYPE] SETTING...</c>, and <c>checks:skip</c>,
/// <c>checks:disable</c> and <c>checks:enable APP [TYPE]</c>: the health checks a deploy runs
/// before new instances serve. Without a TYPE a change applies to every process type of the app.
/// </summary>
internal static class ChecksCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        ReportCommand(context),
        SetCommand(context),
        ModeCommand(
            context,
            "checks:skip",
            HealthCheckModeNames.Skipped,
            "Deploy without running health checks; new instances still start before old ones stop",
            target => $"Skipped the checks of {target}: a new instance counts as ready once it runs, " +
                "and the instance it replaces stops then."),
        ModeCommand(
            context,
            "checks:disable",
            HealthCheckModeNames.Disabled,
            "Deploy without health checks, stopping old instances before new ones start (downtime)",
            target => $"Disabled the checks of {target}: on each deploy old instances stop before their " +
                "replacements start, so there is downtime."),
        ModeCommand(
            context,
            "checks:enable",
            HealthCheckModeNames.Enabled,
            "Run health checks again before new instances serve (the default)",
            target => $"Enabled the checks of {target}: new instances must pass them before old ones stop."),
    ];

    /// <summary>
    /// The request for <c>checks:set APP WORDS...</c>, where a first word without '=' is the process
    /// type, after checking every argument; all the errors found are thrown at once.
    /// </summary>
    public static SetChecksRequest SetRequest(string appText, IReadOnlyList<string> words)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var process = words.Count > 0 && !ChecksSettingArguments.IsSetting(words[0]) ? words[0] : "";
        CheckProcess(process, validation);
        var setting = validation.Take(ChecksSettingArguments.Parse(words.Skip(process.Length > 0 ? 1 : 0).ToList()));
        validation.ThrowIfInvalid();

        return new SetChecksRequest
        {
            App = app,
            Process = process,
            WaitSeconds = setting.WaitSeconds,
            TimeoutSeconds = setting.TimeoutSeconds,
            Attempts = setting.Attempts,
        };
    }

    /// <summary>The request that sets the mode of <c>APP [TYPE]</c>, leaving the settings.</summary>
    public static SetChecksRequest ModeRequest(string appText, string? process, string mode)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        CheckProcess(process ?? "", validation);
        validation.ThrowIfInvalid();

        return new SetChecksRequest
        {
            App = app,
            Process = process ?? "",
            Mode = mode,
            WaitSeconds = ChecksSetting.Leave,
            TimeoutSeconds = ChecksSetting.Leave,
            Attempts = ChecksSetting.Leave,
        };
    }

    private static void CheckProcess(string process, InputValidation validation)
    {
        if (process.Length > 0 && !ProcessType.IsValid(process))
        {
            validation.Add($"'{process}' is not a valid process type: {ProcessType.Rule}.");
        }
    }

    private static Command ReportCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var format = CommandArguments.Format();
        var command = new Command(
            "checks:report",
            "Show each process type's checks mode, settings and the checks its release runs")
        {
            app,
            format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var appName = InputValidation.RequireApp(parse.GetRequiredValue(app));

            using var api = context.Connect();
            var report = await api.GetChecksAsync(appName, cancellationToken);

            ChecksReportView.Write(context.Output, report, parse.GetRequiredValue(format));
        });
        return command;
    }

    private static Command SetCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var words = CommandArguments.OneOrMore(
            "settings",
            "[TYPE] then wait=SECONDS (between attempts), timeout=SECONDS (per attempt) and attempts=N, " +
            $"any of them, seconds from {HealthCheckLimits.MinSeconds} to {HealthCheckLimits.MaxSeconds}, " +
            $"attempts from {HealthCheckLimits.MinAttempts} to {HealthCheckLimits.MaxAttempts}; an empty value " +
            "(wait=) clears it so each check's own value applies; without TYPE every process type changes");
        var format = CommandArguments.Format();
        var command = new Command(
            "checks:set",
            "Override the wait, timeout and attempts of every health check of a process type")
        {
            app,
            words,
            format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = SetRequest(parse.GetRequiredValue(app), parse.GetRequiredValue(words));

            using var api = context.Connect();
            var report = await api.SetChecksAsync(request, cancellationToken);

            var done = $"Updated the check settings of {Target(report.App, request.Process)}; " +
                "instances started from now on use them.";
            ChecksReportView.WriteChange(context.Output, report, done, parse.GetRequiredValue(format));
        });
        return command;
    }

    private static Command ModeCommand(
        CliContext context,
        string name,
        string mode,
        string description,
        Func<string, string> done)
    {
        var app = CommandArguments.App();
        var process = CommandArguments.Process("The process type; every type of the app when left out");
        process.Arity = ArgumentArity.ZeroOrOne;
        var format = CommandArguments.Format();
        var command = new Command(name, description) { app, process, format };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = ModeRequest(parse.GetRequiredValue(app), parse.GetValue(process), mode);

            using var api = context.Connect();
            var report = await api.SetChecksAsync(request, cancellationToken);

            var text = done(Target(report.App, request.Process));
            ChecksReportView.WriteChange(context.Output, report, text, parse.GetRequiredValue(format));
        });
        return command;
    }

    private static string Target(string app, string process) =>
        process.Length == 0 ? $"every process type of {app}" : $"{process} of {app}";
}
