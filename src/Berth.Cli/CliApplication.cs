using System.CommandLine;
using System.CommandLine.Help;
using Berth.Cli.Api;
using Berth.Cli.Commands;
using Berth.Cli.Errors;
using Berth.Cli.Git;
using Berth.Cli.Output;

namespace Berth.Cli;

/// <summary>
/// The <c>berth</c> command tree and how a run ends: 0 on success, 1 with <c>error:</c>
/// lines on failure (a stack trace too with <c>--verbose</c>), 2 for usage errors.
/// </summary>
internal sealed class CliApplication
{
    /// <summary>The exit code of a failed command.</summary>
    public const int ErrorExitCode = 1;

    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int UsageExitCode = 2;

    // A config change waits for the app's rolling restart, which may take minutes.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(5);

    private readonly CliContext context;
    private readonly TextWriter helpOutput;
    private readonly TextWriter parserErrors;
    private readonly Option<bool> verbose = new("--verbose")
    {
        Description = "Show stack traces with errors",
        Recursive = true,
    };

    /// <summary>Creates the application over <paramref name="context"/>.</summary>
    /// <param name="context">The outside world the commands use.</param>
    /// <param name="helpOutput">Where help text goes.</param>
    /// <param name="parserErrors">Where System.CommandLine writes its own errors.</param>
    public CliApplication(CliContext context, TextWriter helpOutput, TextWriter parserErrors)
    {
        this.context = context;
        this.helpOutput = helpOutput;
        this.parserErrors = parserErrors;
        Root = BuildRoot();
    }

    /// <summary>The root command, with every subcommand.</summary>
    public RootCommand Root { get; }

    /// <summary>The application wired to the real console, environment, network and git.</summary>
    public static CliApplication CreateDefault()
    {
        var environment = CliEnvironment.FromProcess();
        var context = new CliContext(
            SpectreConsoleOutput.ForProcessConsole(),
            environment,
            new GrpcBerthApiFactory(TimeProvider.System, CallTimeout, environment.Actor),
            new GitProcessRunner(),
            Console.In,
            TimeProvider.System);

        return new CliApplication(context, Console.Out, Console.Error);
    }

    /// <summary>Parses <paramref name="arguments"/> without running anything.</summary>
    public ParseResult Parse(IReadOnlyList<string> arguments) =>
        Root.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>Parses and runs one command line, returning the process exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var parseResult = Parse(arguments);
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = helpOutput,
            Error = parserErrors,
        };

        if (parseResult.Errors.Count > 0)
        {
            WriteErrors(UsageErrors.Errors(parseResult));
            WriteDiagnostics(UsageErrors.Hints(parseResult));
            return UsageExitCode;
        }

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception exception)
        {
            Report(exception, parseResult.GetValue(verbose));
            return ErrorExitCode;
        }
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand("berth: deploy and run apps on a Berth cluster (Dokku's commands, many hosts)");
        root.Options.Add(verbose);
        root.SetAction(parse => new HelpAction().Invoke(parse));

        root.Subcommands.Add(LoginCommand.Create(context));
        AddAll(root, AppsCommands.Create(context));
        AddAll(root, ConfigCommands.Create(context));
        AddAll(root, DomainsCommands.Create(context));
        AddAll(root, PsCommands.Create(context));
        AddAll(root, PsLifecycleCommands.Create(context));
        root.Subcommands.Add(PsSetCommand.Create(context));
        AddAll(root, ReleasesCommands.Create(context));
        root.Subcommands.Add(DeployCommand.Create(context));
        AddAll(root, ChecksCommands.Create(context));
        AddAll(root, NodesCommands.Create(context));
        AddAll(root, GitCommands.Create(context));
        root.Subcommands.Add(GitCredentialCommand.Create(context));

        return root;
    }

    private void Report(Exception exception, bool showStack)
    {
        WriteErrors(ErrorMessages.Describe(exception, context.ServerUrl));

        if (showStack)
        {
            context.Output.WriteDiagnostic(exception.ToString());
        }
    }

    private void WriteErrors(IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            context.Output.WriteError(message);
        }
    }

    private void WriteDiagnostics(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            context.Output.WriteDiagnostic(line);
        }
    }

    private static void AddAll(Command parent, IEnumerable<Command> commands)
    {
        foreach (var command in commands)
        {
            parent.Subcommands.Add(command);
        }
    }
}
