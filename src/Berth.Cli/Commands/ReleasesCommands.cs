using System.CommandLine;
using System.Text.Json.Nodes;
using Berth.Cli.Output;
using Berth.Contracts;
using Berth.Core.Apps;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>releases APP</c> (every release, newest first), <c>releases:info APP vN</c> (one release
/// in full) and <c>releases:rollback APP [vN]</c> (a new release with an earlier one's image
/// and config, rolled out like a deploy).
/// </summary>
internal static class ReleasesCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
        [ListCommand(context), InfoCommand(context), RollbackCommand(context)];

    private static Argument<string> Version(string description) => new("version") { Description = description };

    private static Command ListCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var format = CommandArguments.Format();
        var command = new Command("releases", "List an app's releases, newest first, the current one marked")
        {
            app,
            format,
        };

        command.SetAction((parse, cancellationToken) =>
            ListAsync(context, parse.GetRequiredValue(app), parse.GetRequiredValue(format), cancellationToken));
        return command;
    }

    private static Command InfoCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var version = Version("The release, as v3 or 3");
        var format = CommandArguments.Format();
        var command = new Command(
            "releases:info",
            "Show one release: image, digest, config version and keys, git revision, process types")
        {
            app,
            version,
            format,
        };

        command.SetAction((parse, cancellationToken) => InfoAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetRequiredValue(version),
            parse.GetRequiredValue(format),
            cancellationToken));
        return command;
    }

    private static Command RollbackCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var version = Version("The release to go back to; the deployed one before the current when left out");
        version.Arity = ArgumentArity.ZeroOrOne;
        var format = CommandArguments.Format();
        var command = new Command(
            "releases:rollback",
            "Run an earlier release's image and config again, as a new release rolled out without downtime")
        {
            app,
            version,
            format,
        };

        command.SetAction((parse, cancellationToken) => RollbackAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetValue(version),
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
        var response = await api.ListReleasesAsync(app, cancellationToken);
        var releases = response.Releases.OrderByDescending(release => release.Version).ToList();

        if (format == OutputFormat.Json)
        {
            JsonText.Write(context.Output, new JsonArray([.. releases.Select(ReleaseView.Json)]));
            return;
        }

        if (releases.Count == 0)
        {
            context.Output.WriteLine($"{app} has no releases yet; deploy it with git push berth main.");
            return;
        }

        Formatting.Heading(context.Output, $"{app} releases");
        context.Output.WriteTable(ReleaseView.Columns, releases.Select(ReleaseView.Row).ToList());
    }

    private static async Task InfoAsync(
        CliContext context,
        string appText,
        string versionText,
        string format,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var version = validation.Take(ReleaseVersion.Parse(versionText));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var release = await api.GetReleaseAsync(app, version, cancellationToken);

        if (format == OutputFormat.Json)
        {
            JsonText.Write(context.Output, ReleaseView.Json(release));
            return;
        }

        ReleaseView.WriteInfo(context.Output, release, context.Time.GetUtcNow());
    }

    private static async Task RollbackAsync(
        CliContext context,
        string appText,
        string? versionText,
        string format,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var version = versionText is null ? 0 : validation.Take(ReleaseVersion.Parse(versionText));
        validation.ThrowIfInvalid();

        using var api = context.Connect();
        var response = await api.RollbackAsync(app, version, cancellationToken);

        if (format == OutputFormat.Json)
        {
            JsonText.Write(context.Output, Json(response));
            return;
        }

        context.Output.WriteLine(
            $"Rolled {response.App} back to {Formatting.Release(response.Target)}: " +
            $"{Formatting.Release(response.Release.Version)} runs its image and config, and is deployed.");
        Formatting.Fields(context.Output, [("URL", response.Url)]);
        if (response.AppConfigVersion > 0)
        {
            context.Output.WriteWarning(ConfigDiffers(response));
        }
    }

    private static string ConfigDiffers(RollbackResponse response) =>
        $"{Formatting.Release(response.Release.Version)} runs the config of {Formatting.Release(response.Target)} " +
        $"(version {Formatting.Number(response.Release.ConfigVersion)}), but the app's config vars " +
        $"(version {Formatting.Number(response.AppConfigVersion)}) differ and apply again with the next " +
        $"config change or push; berth releases:info {response.App} {Formatting.Release(response.Release.Version)} " +
        "lists the keys it runs with.";

    private static JsonObject Json(RollbackResponse response) => new()
    {
        ["app"] = response.App,
        ["target"] = response.Target,
        ["release"] = ReleaseView.Json(response.Release),
        ["url"] = response.Url,
        ["app_config_version"] = response.AppConfigVersion,
    };
}
