using System.Globalization;
using System.Net;
using Berth.Agent.Containers;
using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>
/// The pure judgements of startup checks: what an HTTP answer, a command's exit or the
/// container's state means for a check, as a <see cref="CheckResult"/> with a reason a user can act on.
/// </summary>
internal static class CheckVerdicts
{
    /// <summary>How much of a body or a command's output a reason quotes.</summary>
    public const int QuotedCharacters = 200;

    /// <summary>An HTTP check's answer: a 2xx or 3xx status whose body holds the expected content passes.</summary>
    public static CheckResult Http(int status, string body, string? content)
    {
        if (status is < 200 or > 399)
        {
            var name = Enum.IsDefined(typeof(HttpStatusCode), status) ? $" {(HttpStatusCode)status}" : "";
            return CheckResult.Failed($"the answer was HTTP {status}{name}, not 2xx or 3xx{Quote("body", body)}");
        }

        return content is null || body.Contains(content, StringComparison.Ordinal)
            ? CheckResult.Passed
            : CheckResult.Failed($"the HTTP {status} answer does not contain '{content}'{Quote("body", body)}");
    }

    /// <summary>A command check's exit: code 0 passes; otherwise the code and the end of its output.</summary>
    public static CheckResult Command(long exitCode, string stdout, string stderr)
    {
        if (exitCode == 0)
        {
            return CheckResult.Passed;
        }

        var code = exitCode.ToString(CultureInfo.InvariantCulture);
        var output = $"{Quote("stdout", stdout)}{Quote("stderr", stderr)}";
        return CheckResult.Failed($"the command exited with code {code}{output}");
    }

    /// <summary>
    /// An uptime check at <paramref name="now"/> of a container that is still on the start
    /// the run began with (<see cref="Stopped"/> rules out the rest): passes once it ran long enough.
    /// </summary>
    public static CheckResult Uptime(HealthCheck check, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var uptime = check.Uptime ?? TimeSpan.Zero;
        var ran = now - startedAt;

        return ran >= uptime
            ? CheckResult.Passed
            : CheckResult.NotYet($"the container has run {Seconds(ran)} of {Seconds(uptime)}", startedAt + uptime);
    }

    /// <summary>
    /// Why the container can no longer pass checks about the start at <paramref name="startedAt"/>:
    /// it is gone, not running, or started again since; null while it still runs that start.
    /// </summary>
    public static string? Stopped(DateTimeOffset startedAt, ContainerDetails? details) => details switch
    {
        null => "the container is gone",
        { State: not DockerStates.Running, ExitCode: var code } =>
            $"the container stopped (Docker state '{details.State}', exit code {code}) before its checks passed",
        { StartedAt: { } started } when started != startedAt => "the container restarted before its checks passed",
        _ => null,
    };

    private static string Quote(string what, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        var tail = trimmed.Length > QuotedCharacters ? "..." + trimmed[^QuotedCharacters..] : trimmed;
        return $"; {what}: {tail.ReplaceLineEndings(" | ")}";
    }

    private static string Seconds(TimeSpan time) =>
        $"{time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
