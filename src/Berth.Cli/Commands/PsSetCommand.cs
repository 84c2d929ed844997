using System.CommandLine;
using Berth.Cli.Arguments;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Processes;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>ps:set APP TYPE SETTING</c>: a process type's placement constraints, memory
/// reservation, rolling-deployment batch size or stop timeout, one setting per call.
/// </summary>
internal static class PsSetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var app = CommandArguments.App();
        var process = CommandArguments.Process("The process type to change, e.g. web");
        var setting = CommandArguments.OneOrMore(
            "setting",
            "constraint [KEY=VALUE ...] (none clears them), memory=SIZE (256m, 1g; 0 removes it), " +
            "max-parallel=N or stop-timeout=SECONDS (1 to 3600; time between SIGTERM and SIGKILL, default 30)");
        var format = CommandArguments.Format();
        var command = new Command("ps:set", "Set a process type's constraints, memory, max parallel or stop timeout")
        {
            app,
            process,
            setting,
            format,
        };

        command.SetAction((parse, cancellationToken) => SetAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetRequiredValue(process),
            parse.GetRequiredValue(setting),
            parse.GetRequiredValue(format),
            cancellationToken));
        return command;
    }

    /// <summary>
    /// The request for <c>ps:set APP TYPE WORDS...</c>, after checking every argument; all the
    /// errors found are thrown at once.
    /// </summary>
    public static SetProcessOptionsRequest Request(string appText, string process, IReadOnlyList<string> words)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        if (!ProcessType.IsValid(process))
        {
            validation.Add($"'{process}' is not a valid process type: {ProcessType.Rule}.");
        }

        var setting = validation.Take(ProcessSettingArguments.Parse(words));
        validation.ThrowIfInvalid();

        return ToRequest(app, process, setting);
    }

    private static async Task<int> SetAsync(
        CliContext context,
        string app,
        string process,
        IReadOnlyList<string> words,
        string format,
        CancellationToken cancellationToken)
    {
        var request = Request(app, process, words);

        using var api = context.Connect();
        var report = await api.SetProcessOptionsAsync(request, cancellationToken);

        var done = $"Updated the {request.Process} process type of {report.App}.";
        return ProcessReportView.WriteChange(context.Output, report, done, format);
    }

    private static SetProcessOptionsRequest ToRequest(string app, string process, ProcessSetting setting)
    {
        var request = new SetProcessOptionsRequest
        {
            App = app,
            Process = process,
            Memory = setting.MemoryMb is { } memory ? MemoryAmount.Format(memory) : "",
            MaxParallel = setting.MaxParallel ?? 0,
            StopTimeoutSeconds = setting.StopTimeoutSeconds ?? 0,
        };

        if (setting.Constraints is { } constraints)
        {
            request.SetConstraints = true;
            request.Constraints.Add(constraints.Select(pair => $"{pair.Key}={pair.Value}"));
        }

        return request;
    }
}
