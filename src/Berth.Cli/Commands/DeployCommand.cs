using System.CommandLine;
using Berth.Cli.Errors;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary>
/// <c>deploy APP --image REF</c> (a node pulls the image and pushes it as the next release) and
/// <c>deploy APP --tar PATH</c> (a directory or tar with a Dockerfile, built like a git push).
/// The deployment's output streams to the terminal; a failed deployment ends with its reason.
/// </summary>
internal static class DeployCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var app = CommandArguments.App();
        var image = new Option<string>("--image") { Description = "An existing image to deploy, e.g. nginx:1.27" };
        var tar = new Option<string>("--tar")
        {
            Description = "A directory, .tar or .tar.gz with a Dockerfile at its root, built on a node",
        };
        var command = new Command("deploy", "Deploy an app from an image or a build context, without git")
        {
            app,
            image,
            tar,
        };

        command.SetAction((parse, cancellationToken) => DeployAsync(
            context,
            parse.GetRequiredValue(app),
            parse.GetValue(image),
            parse.GetValue(tar),
            cancellationToken));
        return command;
    }

    private static async Task DeployAsync(
        CliContext context,
        string appText,
        string? image,
        string? tarPath,
        CancellationToken cancellationToken)
    {
        var app = InputValidation.RequireApp(appText);
        var source = DeploySource.Resolve(image, tarPath, context.Environment.WorkingDirectory);

        using var api = context.Connect();
        DeployOutcome? outcome = null;
        var outputs = api.DeployAsync(app, source.Image, source.Tar, source.Description, cancellationToken);
        await foreach (var output in outputs)
        {
            if (output.BodyCase == DeployOutput.BodyOneofCase.Line)
            {
                context.Output.WriteLine(output.Line);
            }
            else if (output.BodyCase == DeployOutput.BodyOneofCase.Outcome)
            {
                outcome = output.Outcome;
            }
        }

        if (outcome is null)
        {
            throw new CliException("the control plane ended the deployment without saying how it went; " +
                $"berth releases {app} shows which release is current");
        }

        if (!outcome.Ok)
        {
            throw new CliException(outcome.Error);
        }

        // Success was already shown by the deployment's own last line ("=====> app vN deployed: URL").
    }
}
