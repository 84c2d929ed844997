using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Agent.Options;

/// <summary>
/// Turns the agent's command line into <see cref="AgentOptions"/>, collecting every error as a
/// sentence that names the option and how to fix it. Pure: the token file is not read here.
/// </summary>
internal static class AgentOptionsParser
{
    /// <summary>The option that may be given more than once.</summary>
    public const string LabelOption = "label";

    private static readonly string[] SingleOptions =
        ["control-plane", "token-file", "token", "name", "address", "docker", "ports", "memory", "state-dir"];

    /// <summary>Parses <paramref name="args"/>; see <see cref="AgentUsage.Text"/> for the grammar.</summary>
    public static ValidationResult<AgentOptions> Parse(IReadOnlyList<string> args)
    {
        var errors = new List<string>();
        var given = ReadPairs(args, errors);
        var single = SingleValues(given, errors);

        var controlPlane = ParseControlPlane(single, errors);
        var token = ParseToken(single, errors);
        var name = ParseName(single, errors);
        var address = ParseAddress(single, errors);
        var docker = ParseDocker(single, errors);
        var ports = ParsePorts(single, errors);
        var memory = ParseMemory(single, errors);
        var labels = ParseLabels(given, errors);
        var stateDirectory = ParseStateDirectory(single, errors);

        if (errors.Count > 0)
        {
            return ValidationResult<AgentOptions>.Fail(errors);
        }

        return ValidationResult<AgentOptions>.Ok(
            new AgentOptions(controlPlane!, token!, name!, address!, docker!, ports!, memory, labels, stateDirectory));
    }

    private static List<(string Name, string Value)> ReadPairs(IReadOnlyList<string> args, List<string> errors)
    {
        var pairs = new List<(string Name, string Value)>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                errors.Add($"unexpected argument '{arg}': every option starts with '--' (see --help).");
                continue;
            }

            var (name, inline) = SplitInline(arg[2..]);
            if (!IsKnown(name))
            {
                errors.Add($"unknown option '--{name}' (see --help for the options the agent takes).");
                continue;
            }

            if (inline is not null)
            {
                pairs.Add((name, inline));
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                pairs.Add((name, args[++i]));
            }
            else
            {
                errors.Add($"--{name} needs a value (see --help).");
            }
        }

        return pairs;
    }

    private static (string Name, string? Inline) SplitInline(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);

        return equals < 0 ? (option, null) : (option[..equals], option[(equals + 1)..]);
    }

    private static bool IsKnown(string name) => name == LabelOption || SingleOptions.Contains(name);

    private static Dictionary<string, string> SingleValues(
        List<(string Name, string Value)> given,
        List<string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (name, value) in given.Where(pair => pair.Name != LabelOption))
        {
            if (!values.TryAdd(name, value))
            {
                errors.Add($"--{name} is given more than once: give it once.");
            }
        }

        return values;
    }

    private static Uri? ParseControlPlane(Dictionary<string, string> values, List<string> errors)
    {
        if (!Required(values, "control-plane", "the control plane's gRPC address, e.g. http://127.0.0.1:7000",
                errors, out var text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        errors.Add($"--control-plane '{text}' is not an http:// or https:// address, e.g. http://127.0.0.1:7000.");
        return null;
    }

    private static TokenSource? ParseToken(Dictionary<string, string> values, List<string> errors)
    {
        var hasFile = values.TryGetValue("token-file", out var file);
        var hasValue = values.TryGetValue("token", out var value);

        if (hasFile == hasValue)
        {
            errors.Add("give the cluster token with exactly one of --token-file PATH or --token VALUE.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(hasFile ? file : value))
        {
            errors.Add("the cluster token option is empty: give --token-file PATH or --token VALUE.");
            return null;
        }

        return new TokenSource(file, value);
    }

    private static string? ParseName(Dictionary<string, string> values, List<string> errors)
    {
        if (!Required(values, "name", "the node's unique name, e.g. node-1", errors, out var name))
        {
            return null;
        }

        if (NodeNameRule.IsValid(name))
        {
            return name;
        }

        errors.Add($"--name '{name}' is not a valid node name: {NodeNameRule.Rule}.");
        return null;
    }

    private static string? ParseAddress(Dictionary<string, string> values, List<string> errors)
    {
        if (!Required(values, "address", "the host or IP other hosts reach this node at, e.g. 10.0.0.5",
                errors, out var address))
        {
            return null;
        }

        if (Uri.CheckHostName(address) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return address;
        }

        errors.Add($"--address '{address}' is not a host name or IP address (give it without scheme or port).");
        return null;
    }

    private static Uri? ParseDocker(Dictionary<string, string> values, List<string> errors)
    {
        var text = values.GetValueOrDefault("docker", AgentOptions.DefaultDocker);

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp" or "http" or "https")
        {
            return uri;
        }

        errors.Add($"--docker '{text}' is not a Docker endpoint, e.g. unix:///var/run/docker.sock.");
        return null;
    }

    private static PortRange? ParsePorts(Dictionary<string, string> values, List<string> errors)
    {
        if (!Required(values, "ports", "the node's port range, e.g. 20000-20999", errors, out var text))
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length == 2 && IsPort(parts[0], out var start) && IsPort(parts[1], out var end) && start <= end)
        {
            return new PortRange(start, end);
        }

        errors.Add($"--ports '{text}' is not a port range: give START-END with "
            + $"{PortRange.MinPort} <= START <= END <= {PortRange.MaxPort}, e.g. 20000-20999.");
        return null;
    }

    private static bool IsPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
        && port is >= PortRange.MinPort and <= PortRange.MaxPort;

    private static long ParseMemory(Dictionary<string, string> values, List<string> errors)
    {
        if (!Required(values, "memory", "the memory available to instances in MiB, e.g. 4096", errors, out var text))
        {
            return 0;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var memory) && memory > 0)
        {
            return memory;
        }

        errors.Add($"--memory '{text}' is not a positive whole number of MiB, e.g. 4096.");
        return 0;
    }

    private static string? ParseStateDirectory(Dictionary<string, string> values, List<string> errors)
    {
        if (!values.TryGetValue("state-dir", out var directory))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(directory) && directory.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            return directory;
        }

        errors.Add($"--state-dir '{directory}' is not a directory path, e.g. /var/lib/berth/node-1.");
        return null;
    }

    private static Dictionary<string, string> ParseLabels(
        List<(string Name, string Value)> given,
        List<string> errors)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (_, text) in given.Where(pair => pair.Name == LabelOption))
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : text[..equals];

            if (!NodeLabelRule.IsValidKey(key))
            {
                errors.Add($"--label '{text}' is not KEY=VALUE with a valid key: {NodeLabelRule.Rule}.");
            }
            else if (!labels.TryAdd(key, text[(equals + 1)..]))
            {
                errors.Add($"--label '{key}' is given more than once: give each label key once.");
            }
        }

        return labels;
    }

    private static bool Required(
        Dictionary<string, string> values,
        string name,
        string what,
        List<string> errors,
        out string value)
    {
        if (values.TryGetValue(name, out var found) && !string.IsNullOrWhiteSpace(found))
        {
            value = found;
            return true;
        }

        errors.Add($"--{name} is required: {what}.");
        value = "";
        return false;
    }
}
