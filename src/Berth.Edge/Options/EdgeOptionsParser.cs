using System.Globalization;
using System.Net;
using Berth.Core.Validation;

namespace Berth.Edge.Options;

/// <summary>Turns the edge's command line into <see cref="EdgeOptions"/>, collecting every mistake.</summary>
public static class EdgeOptionsParser
{
    /// <summary>The help text printed for --help.</summary>
    public const string Usage =
        """
        Usage: Berth.Edge --control-plane URL (--token-file FILE | --token TOKEN) [--listen HOST:PORT] [--name NAME]
                          [--drain-timeout SECONDS]

          --control-plane URL   the control plane's gRPC address, e.g. http://127.0.0.1:7000
          --token-file FILE     a file holding the cluster token (e.g. <data-dir>/token)
          --token TOKEN         the cluster token itself (prefer --token-file)
          --listen HOST:PORT    where to serve app traffic (default 127.0.0.1:8080)
          --name NAME           the edge's name (default edge-<machine name>)
          --drain-timeout SECONDS
                                how long a route table that removes instances waits for their requests in
                                flight before the edge acknowledges it (default 25; the control plane stops
                                waiting after 30 and then stops the old instances)
        """;

    private const int MaxNameLength = 63;

    private const int MaxDrainSeconds = 3600;

    private static readonly string[] Known = [
        "--control-plane", "--token-file", "--token", "--listen", "--name", "--drain-timeout",
    ];

    /// <summary>True when the user asked for help rather than to run the edge.</summary>
    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>Parses <paramref name="args"/>; <paramref name="machineName"/> feeds the default name.</summary>
    public static ValidationResult<EdgeOptions> Parse(IReadOnlyList<string> args, string machineName)
    {
        var errors = new List<string>();
        var values = ReadValues(args, errors);

        var controlPlane = ParseControlPlane(values.GetValueOrDefault("--control-plane"), errors);
        var token = ParseToken(values.GetValueOrDefault("--token-file"), values.GetValueOrDefault("--token"), errors);
        var listen = ParseListen(values.GetValueOrDefault("--listen"), errors);
        var name = ParseName(values.GetValueOrDefault("--name") ?? EdgeOptions.DefaultName(machineName), errors);
        var drain = ParseDrainTimeout(values.GetValueOrDefault("--drain-timeout"), errors);

        return errors.Count > 0
            ? ValidationResult<EdgeOptions>.Fail(errors)
            : ValidationResult<EdgeOptions>.Ok(
                new EdgeOptions(controlPlane!, token!, listen!, name) { DrainTimeout = drain });
    }

    private static Dictionary<string, string> ReadValues(IReadOnlyList<string> args, List<string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            var (option, value) = SplitOption(args, ref i);

            if (!Known.Contains(option))
            {
                errors.Add($"unknown option '{option}'; the edge accepts {string.Join(", ", Known)}.");
            }
            else if (value is null)
            {
                errors.Add($"{option} needs a value; see --help.");
            }
            else if (!values.TryAdd(option, value))
            {
                errors.Add($"{option} is given more than once; give it once.");
            }
        }

        return values;
    }

    private static (string Option, string? Value) SplitOption(IReadOnlyList<string> args, ref int index)
    {
        var arg = args[index];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);

        if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        var hasValue = index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal);

        return hasValue ? (arg, args[++index]) : (arg, null);
    }

    private static Uri? ParseControlPlane(string? text, List<string> errors)
    {
        if (text is null)
        {
            errors.Add("--control-plane is required; give the control plane's address, e.g. http://127.0.0.1:7000.");
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        errors.Add($"--control-plane '{text}' is not an http:// or https:// URL, e.g. http://127.0.0.1:7000.");
        return null;
    }

    private static TokenSource? ParseToken(string? file, string? value, List<string> errors)
    {
        if (file is not null && value is not null)
        {
            errors.Add("--token-file and --token are both given; give only one.");
            return null;
        }

        if (file is null && value is null)
        {
            errors.Add("the cluster token is required; give --token-file FILE (e.g. <data-dir>/token) or --token.");
            return null;
        }

        return new TokenSource(file, value);
    }

    private static IPEndPoint? ParseListen(string? text, List<string> errors)
    {
        if (text is null)
        {
            return EdgeOptions.DefaultListen;
        }

        var colon = text.LastIndexOf(':');
        var address = colon > 0 ? ParseHost(text[..colon]) : null;
        var portValid = int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port <= IPEndPoint.MaxPort;

        if (address is null || !portValid)
        {
            errors.Add($"--listen '{text}' is not HOST:PORT with an IP address (or localhost, or *) and a port, " +
                "e.g. 127.0.0.1:8080.");
            return null;
        }

        return new IPEndPoint(address, port);
    }

    private static IPAddress? ParseHost(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" => IPAddress.Any,
        _ when host.StartsWith('[') && host.EndsWith(']') => IPAddress.TryParse(host[1..^1], out var v6) ? v6 : null,
        _ => host.Contains(':', StringComparison.Ordinal) || !IPAddress.TryParse(host, out var v4) ? null : v4,
    };

    private static TimeSpan ParseDrainTimeout(string? text, List<string> errors)
    {
        if (text is null)
        {
            return EdgeOptions.DefaultDrainTimeout;
        }

        var digits = text.EndsWith('s') ? text[..^1] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= MaxDrainSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"--drain-timeout '{text}' is not a whole number of seconds from 0 to {MaxDrainSeconds}, " +
            "e.g. 25.");
        return EdgeOptions.DefaultDrainTimeout;
    }

    private static string ParseName(string name, List<string> errors)
    {
        var valid = name.Length is > 0 and <= MaxNameLength
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');

        if (!valid)
        {
            errors.Add($"--name '{name}' is not a valid edge name: use 1 to {MaxNameLength} letters, digits, " +
                "'-', '.' or '_'.");
        }

        return name;
    }
}
