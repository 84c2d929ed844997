using System.CommandLine;
using Berth.Cli.Api;
using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Domains;

namespace Berth.Cli.Commands;

/// <summary><c>domains:add</c>, <c>domains:remove</c> and <c>domains:report</c>.</summary>
internal static class DomainsCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        ChangeCommand(context, "domains:add", "Route a domain to an app", (api, app, domain, token) =>
            api.AddDomainAsync(app, domain, token)),
        ChangeCommand(context, "domains:remove", "Stop routing a domain to an app", (api, app, domain, token) =>
            api.RemoveDomainAsync(app, domain, token)),
        ReportCommand(context),
    ];

    private static Command ChangeCommand(
        CliContext context,
        string name,
        string description,
        Func<IBerthApi, string, string, CancellationToken, Task<DomainsResponse>> change)
    {
        var app = CommandArguments.App();
        var domain = new Argument<string>("domain") { Description = "A host name, e.g. www.example.com" };
        var command = new Command(name, description) { app, domain };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (validApp, validDomain) = Validate(parse.GetRequiredValue(app), parse.GetRequiredValue(domain));

            using var api = context.Connect();
            Write(context, await change(api, validApp, validDomain, cancellationToken));
        });

        return command;
    }

    private static Command ReportCommand(CliContext context)
    {
        var app = CommandArguments.App();
        var command = new Command("domains:report", "Show the domains an app is served at") { app };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var validApp = InputValidation.RequireApp(parse.GetRequiredValue(app));

            using var api = context.Connect();
            Write(context, await api.ListDomainsAsync(validApp, cancellationToken));
        });

        return command;
    }

    private static (string App, string Domain) Validate(string appText, string domainText)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(appText));
        var domain = validation.Take(DomainName.Validate(domainText));
        validation.ThrowIfInvalid();

        return (app, domain);
    }

    private static void Write(CliContext context, DomainsResponse domains)
    {
        Formatting.Heading(context.Output, $"{domains.App} domains");
        Formatting.Fields(context.Output,
        [
            ("Default domain", domains.DefaultDomain),
            ("Domains", domains.Domains.Count == 0 ? "none" : string.Join(' ', domains.Domains)),
        ]);
    }
}
