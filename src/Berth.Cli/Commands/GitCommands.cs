using System.CommandLine;
using Berth.Cli.Errors;
using Berth.Cli.Git;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>git:remote APP [--remote berth]</c>: points a remote of the current repository at the
/// app and lets <c>git push</c> authenticate with the saved token through this CLI.
/// </summary>
internal static class GitCommands
{
    /// <summary>The remote name used when none is given.</summary>
    public const string DefaultRemote = "berth";

    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [RemoteCommand(context)];

    private static Command RemoteCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var remote = new Option<string>("--remote")
        {
            Description = "The name of the git remote",
            DefaultValueFactory = _ => DefaultRemote,
        };
        var command = new Command("git:remote", "Add a git remote that deploys the app on push") { app, remote };

        command.SetAction((parse, cancellationToken) => RemoteAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetValue(remote) ?? DefaultRemote,
            cancellationToken));

        return command;
    }

    private static async Task RemoteAsync(
        CliContext context,
        string appText,
        string remote,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);
        if (string.IsNullOrWhiteSpace(remote))
        {
            throw new CliException("the remote name is empty; pass --remote NAME or leave it out for 'berth'.");
        }

        var configurer = new GitRemoteConfigurer(context.Git);
        await configurer.EnsureRepositoryAsync(context.Environment.WorkingDirectory, cancellationToken);

        var gitBaseUrl = await GitBaseUrlAsync(context, cancellationToken);
        var request = new GitRemoteRequest(
            context.Environment.WorkingDirectory,
            remote,
            gitBaseUrl,
            app,
            CredentialHelperCommand.Build(context.Environment.ProcessPath, context.Environment.AssemblyPath));

        var added = await configurer.ConfigureAsync(request, cancellationToken);
        Report(context, request, added);
    }

    private static async Task<string> GitBaseUrlAsync(CliContext context, CancellationToken cancellationToken)
    {
        using var api = context.Connect();
        var info = await api.GetClusterInfoAsync(cancellationToken);

        if (!Uri.TryCreate(info.GitBaseUrl, UriKind.Absolute, out _))
        {
            throw new CliException(
                $"the control plane at {context.ServerUrl} reported no usable git URL ('{info.GitBaseUrl}'); " +
                "check its --http-listen setting");
        }

        return info.GitBaseUrl;
    }

    private static void Report(CliContext context, GitRemoteRequest request, bool added)
    {
        var verb = added ? "Added" : "Updated";
        context.Output.WriteLine($"{verb} git remote {request.RemoteName}: {request.RemoteUrl}");
        context.Output.WriteLine($"git push authenticates there through 'berth {CredentialHelperCommand.Subcommand}'.");
        context.Output.WriteLine($"Deploy with: git push {request.RemoteName} main");
    }
}
