namespace Berth.Core.Health;

/// <summary>
/// One health check of a process type: what it looks at (<see cref="Kind"/>), when it runs
/// (<see cref="Purpose"/>), and how patiently. It comes from app.json's <c>healthchecks</c>, the
/// legacy CHECKS file, or Berth's defaults; a deploy runs a type's startup checks against each new
/// instance, and every check must pass (or be <see cref="Warn"/>) before the instance serves.
/// </summary>
/// <remarks>
/// Only the fields of the check's kind are set: <see cref="Path"/>, <see cref="Content"/>,
/// <see cref="Scheme"/> and <see cref="HttpHeaders"/> for <see cref="HealthCheckKind.Http"/>;
/// <see cref="Command"/> for <see cref="HealthCheckKind.Command"/>; <see cref="Uptime"/> for
/// <see cref="HealthCheckKind.Uptime"/>; <see cref="Port"/> for HTTP and listening checks. Two checks
/// are equal when every field is, lists compared item by item.
/// </remarks>
public sealed record HealthCheck
{
    /// <summary>The check's name, for deploy output and logs; never empty.</summary>
    public required string Name { get; init; }

    /// <summary>What the check looks at.</summary>
    public required HealthCheckKind Kind { get; init; }

    /// <summary>When the check runs; startup checks gate deploys.</summary>
    public HealthCheckPurpose Purpose { get; init; } = HealthCheckPurpose.Startup;

    /// <summary>The path (and query) an HTTP check requests, starting with <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Text the HTTP response body must contain, or null to accept any body.</summary>
    public string? Content { get; init; }

    /// <summary>The protocol of an HTTP check.</summary>
    public HealthCheckScheme Scheme { get; init; } = HealthCheckScheme.Http;

    /// <summary>Headers an HTTP check sends, in order.</summary>
    public IReadOnlyList<HttpHeader> HttpHeaders { get; init; } = [];

    /// <summary>
    /// The program and arguments a command check runs inside the instance, variables not expanded.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>How long an uptime check's instance must have run since it started, without restarting.</summary>
    public TimeSpan? Uptime { get; init; }

    /// <summary>
    /// The port an HTTP or listening check targets, or null for the instance's <c>PORT</c> (which only
    /// <c>web</c> instances have).
    /// </summary>
    public int? Port { get; init; }

    /// <summary>How many times the check is tried before it fails.</summary>
    public int Attempts { get; init; } = HealthCheckDefaults.Attempts;

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = HealthCheckDefaults.Timeout;

    /// <summary>How long to wait after a failed attempt before the next.</summary>
    public TimeSpan Wait { get; init; } = HealthCheckDefaults.Wait;

    /// <summary>How long after the instance starts the first attempt is made.</summary>
    public TimeSpan InitialDelay { get; init; } = HealthCheckDefaults.InitialDelay;

    /// <summary>True when a failure is only reported as a warning and does not fail the deploy.</summary>
    public bool Warn { get; init; }

    /// <summary>An HTTP check of <paramref name="path"/>, with every other setting at its default.</summary>
    public static HealthCheck ForPath(string name, string path) =>
        new() { Name = name, Kind = HealthCheckKind.Http, Path = path };

    /// <summary>A command check that runs <paramref name="command"/>, other settings at their defaults.</summary>
    public static HealthCheck ForCommand(string name, IReadOnlyList<string> command) =>
        new() { Name = name, Kind = HealthCheckKind.Command, Command = command };

    /// <summary>An uptime check of <paramref name="uptime"/>, with every other setting at its default.</summary>
    public static HealthCheck ForUptime(string name, TimeSpan uptime) =>
        new() { Name = name, Kind = HealthCheckKind.Uptime, Uptime = uptime };

    /// <summary>
    /// A listening check of <paramref name="port"/> (null: the instance's PORT), other settings at their
    /// defaults.
    /// </summary>
    public static HealthCheck ForListening(string name, int? port = null) =>
        new() { Name = name, Kind = HealthCheckKind.Listening, Port = port };

    /// <inheritdoc/>
    public bool Equals(HealthCheck? other) =>
        other is not null
        && Name == other.Name
        && Kind == other.Kind
        && Purpose == other.Purpose
        && Path == other.Path
        && Content == other.Content
        && Scheme == other.Scheme
        && HttpHeaders.SequenceEqual(other.HttpHeaders)
        && SameWords(Command, other.Command)
        && Uptime == other.Uptime
        && Port == other.Port
        && Attempts == other.Attempts
        && Timeout == other.Timeout
        && Wait == other.Wait
        && InitialDelay == other.InitialDelay
        && Warn == other.Warn;

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Name, Kind, Purpose, Path, Content, Uptime, Port, Attempts);

    private static bool SameWords(IReadOnlyList<string>? left, IReadOnlyList<string>? right) =>
        left is null ? right is null : right is not null && left.SequenceEqual(right, StringComparer.Ordinal);
}
