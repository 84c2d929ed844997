using Berth.Core.Placement;

namespace Berth.ControlPlane.Deployments;

/// <summary>The sentences a deployment ends with when something went wrong.</summary>
public static class DeploymentMessages
{
    /// <summary>How many of a failing instance's last log lines a failure shows.</summary>
    public const int LogTailLines = 20;

    /// <summary>The indentation of the log lines under a failure.</summary>
    public const string Indent = "       ";

    /// <summary>Why a deployment failed when its predeploy script failed: no release was made.</summary>
    public static string PredeployFailed(string error) =>
        $"the predeploy script failed: {error}; no release was made and the running instances were not " +
        "touched: fix the script (app.json scripts.dokku.predeploy) and deploy again";

    /// <summary>The warning when the postdeploy script failed after the release was deployed.</summary>
    public static string PostdeployFailed(int release, string error) =>
        $"the postdeploy script failed: {error}; v{release} stays deployed (as on Dokku): fix the script " +
        "(app.json scripts.dokku.postdeploy) and deploy again";

    /// <summary>
    /// What went wrong with one instance of a new release, e.g.
    /// <c>web.1 failed on node-2: startup check 'health' failed after 3 attempts: ...</c>, followed by
    /// the last lines of its log when the agent sent them.
    /// </summary>
    public static string InstanceFailed(
        PlacedInstance instance,
        string state,
        string message,
        IReadOnlyList<string> logTail)
    {
        var text = $"{instance.Process}.{instance.Index} {state} on {instance.Node}" +
            (string.IsNullOrWhiteSpace(message) ? "" : $": {message}");
        var tail = logTail.TakeLast(LogTailLines).ToList();
        return tail.Count == 0
            ? text
            : $"{text}; last log lines:\n{string.Join("\n", tail.Select(line => Indent + line))}";
    }

    /// <summary>
    /// Why a release did not start, and what runs instead: <c>v7 did not start: ...; v6 keeps
    /// serving</c>. When the failure ends with log lines, what runs instead goes on a line of its own.
    /// </summary>
    public static string NotStarted(int release, string failure, int previous)
    {
        var keeps = previous > 0 ? $"v{previous} keeps serving" : "the app had no release before, so nothing runs";
        var separator = failure.Contains('\n', StringComparison.Ordinal) ? "\n" : "; ";
        return $"v{release} did not start: {failure}{separator}{keeps}";
    }
}
