using Berth.Cli.Api;
using Berth.Cli.Configuration;
using Berth.Cli.Errors;
using Berth.Cli.Git;
using Berth.Cli.Output;

namespace Berth.Cli;

/// <summary>
/// Everything a command needs from the outside world: the console, the environment, the
/// saved login, the control plane and git. Tests build one from fakes.
/// </summary>
internal sealed class CliContext
{
    private readonly IBerthApiFactory apiFactory;

    /// <summary>Creates a context.</summary>
    /// <param name="output">Where commands write.</param>
    /// <param name="environment">Environment variables, directories and this CLI's own paths.</param>
    /// <param name="apiFactory">Opens connections to a control plane.</param>
    /// <param name="git">Runs git.</param>
    /// <param name="input">Standard input (read by the credential helper).</param>
    /// <param name="time">The clock, for times shown relative to now.</param>
    public CliContext(
        IConsoleOutput output,
        CliEnvironment environment,
        IBerthApiFactory apiFactory,
        IGitRunner git,
        TextReader input,
        TimeProvider time)
    {
        Output = output;
        Environment = environment;
        Git = git;
        Input = input;
        Time = time;
        this.apiFactory = apiFactory;
        ConfigStore = new CliConfigStore(CliConfigPath.Resolve(environment));
    }

    /// <summary>Where commands write.</summary>
    public IConsoleOutput Output { get; }

    /// <summary>Environment variables, directories and this CLI's own paths.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>Runs git.</summary>
    public IGitRunner Git { get; }

    /// <summary>Standard input.</summary>
    public TextReader Input { get; }

    /// <summary>The clock, for times shown relative to now (uptimes, restart countdowns).</summary>
    public TimeProvider Time { get; }

    /// <summary>The CLI config file.</summary>
    public CliConfigStore ConfigStore { get; }

    /// <summary>The control plane the command connected to, for error messages; null before it connects.</summary>
    public string? ServerUrl { get; private set; }

    /// <summary>The saved login with the environment's overrides, or an error saying how to log in.</summary>
    public ServerSettings RequireLogin() =>
        ServerSettingsResolver.Resolve(ConfigStore.Load(), Environment)
        ?? throw new CliException(ErrorMessages.NotLoggedIn);

    /// <summary>Connects to the logged-in control plane.</summary>
    public IBerthApi Connect() => Connect(RequireLogin());

    /// <summary>Connects to the control plane in <paramref name="settings"/>.</summary>
    public IBerthApi Connect(ServerSettings settings)
    {
        ServerUrl = settings.Url;
        return apiFactory.Create(settings);
    }
}
