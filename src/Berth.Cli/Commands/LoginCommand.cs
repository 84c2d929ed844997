using System.CommandLine;
using System.CommandLine.Parsing;
using Berth.Cli.Configuration;

namespace Berth.Cli.Commands;

/// <summary><c>berth login URL (--token-file F | --token T)</c>: checks the login and saves it.</summary>
internal static class LoginCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("url")
        {
            Description = "The control plane's gRPC URL, e.g. http://127.0.0.1:7000",
        };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the cluster token" };
        var token = new Option<string>("--token") { Description = "The cluster token itself" };

        var command = new Command("login", "Check a control plane URL and token, then save them for later commands")
        {
            url,
            tokenFile,
            token,
        };

        command.Validators.Add(result => RequireOneTokenSource(result, tokenFile, token));
        command.SetAction((parse, cancellationToken) => LoginAsync(
            context,
            parse.GetRequiredValue(url),
            parse.GetValue(tokenFile),
            parse.GetValue(token),
            cancellationToken));

        return command;
    }

    /// <summary>The URL without a trailing slash, or null unless it is an absolute http or https URL.</summary>
    public static string? NormalizeUrl(string text)
    {
        var valid = Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);

        return valid ? text.TrimEnd('/') : null;
    }

    private static void RequireOneTokenSource(CommandResult result, Option<string> tokenFile, Option<string> token)
    {
        var fromFile = result.GetResult(tokenFile) is not null;
        var inline = result.GetResult(token) is not null;

        if (fromFile == inline)
        {
            result.AddError("pass exactly one of --token-file FILE or --token TOKEN.");
        }
    }

    private static async Task LoginAsync(
        CliContext context,
        string urlText,
        string? tokenFile,
        string? tokenValue,
        CancellationToken cancellationToken)
    {
        var validation = new InputValidation();
        var url = CheckUrl(urlText, validation);
        var token = ReadToken(context, tokenFile, tokenValue, validation);
        validation.ThrowIfInvalid();

        using var api = context.Connect(new ServerSettings(url!, token!));
        var info = await api.GetClusterInfoAsync(cancellationToken);

        context.ConfigStore.Save(new CliConfig(url!, token!, NullIfEmpty(info.GitBaseUrl)));
        Report(context, url!, info);
    }

    private static string? CheckUrl(string text, InputValidation validation)
    {
        var url = NormalizeUrl(text);
        if (url is null)
        {
            validation.Add($"'{text}' is not a control plane URL; give one such as http://127.0.0.1:7000.");
        }

        return url;
    }

    private static string? ReadToken(
        CliContext context,
        string? tokenFile,
        string? tokenValue,
        InputValidation validation)
    {
        var token = tokenFile is null ? tokenValue?.Trim() : ReadTokenFile(context, tokenFile, validation);
        if (token is not null && token.Length == 0)
        {
            validation.Add(
                "the token is empty; give the cluster token (the control plane writes it to DATA_DIR/token).");
        }

        return token;
    }

    private static string? ReadTokenFile(CliContext context, string tokenFile, InputValidation validation)
    {
        var path = Path.GetFullPath(tokenFile, context.Environment.WorkingDirectory);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            validation.Add($"cannot read the token file {path}: {exception.Message}");
            return null;
        }
    }

    private static void Report(CliContext context, string url, Contracts.ClusterInfo info)
    {
        context.Output.WriteLine($"Logged in to {url} (cluster domain {info.Domain}, version {info.Version}).");
        context.Output.WriteLine($"Saved to {context.ConfigStore.Path}.");

        foreach (var variable in new[] { ServerSettingsResolver.UrlVariable, ServerSettingsResolver.TokenVariable })
        {
            if (context.Environment.Variable(variable) is not null)
            {
                context.Output.WriteWarning($"{variable} is set and overrides the saved login for later commands.");
            }
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
