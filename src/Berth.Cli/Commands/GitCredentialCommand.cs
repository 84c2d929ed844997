using System.CommandLine;
using Berth.Cli.Git;

namespace Berth.Cli.Commands;

/// <summary>
/// The hidden <c>git-credential get|store|erase</c> command: git's credential helper protocol.
/// <c>get</c> answers with the CLI's actor (<c>user@host</c>) as user name and the saved token;
/// <c>store</c> and <c>erase</c> do nothing, since the token lives in the CLI config.
/// </summary>
internal static class GitCredentialCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var operation = new Argument<string>("operation") { Description = "get, store or erase" };
        operation.AcceptOnlyFromAmong("get", "store", "erase");

        var command = new Command(CredentialHelperCommand.Subcommand, "git credential helper (run by git)")
        {
            operation,
        };
        command.Hidden = true;

        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, parse.GetRequiredValue(operation), cancellationToken));
        return command;
    }

    private static async Task RunAsync(CliContext context, string operation, CancellationToken cancellationToken)
    {
        var request = await CredentialRequest.ReadAsync(context.Input, cancellationToken);
        if (operation != "get")
        {
            return;
        }

        var settings = context.RequireLogin();

        // The helper is configured for the git URL only, but it may also be set up by hand
        // more widely: never hand the token to a host other than the logged-in cluster's.
        if (settings.GitBaseUrl is not null && !request.IsFor(settings.GitBaseUrl))
        {
            return;
        }

        // The user name tells the control plane who pushed; the token alone authenticates.
        context.Output.WriteLine($"username={context.Environment.Actor}");
        context.Output.WriteLine($"password={settings.Token}");
    }
}
