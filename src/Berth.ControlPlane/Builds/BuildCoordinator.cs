using System.Collections.Concurrent;
using System.Threading.Channels;
using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Deployments;
using Berth.Core.Placement;

namespace Berth.ControlPlane.Builds;

/// <summary>
/// Runs image jobs on nodes: builds (the node fetches the build context), pulls of an existing
/// image and app.json scripts. Each is one build command to a ready node, whose output is
/// relayed line by line, and whose outcome is returned. The node works through its own Docker
/// engine and pushes any image it makes to the registry once, for every node to pull.
/// </summary>
public sealed class BuildCoordinator(AgentRegistry agents, TimeProvider time)
{
    /// <summary>The longest a job (build, pull or script) may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, PendingBuild> pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds <paramref name="context"/> into <paramref name="image"/> on some ready node; the
    /// outcome carries the pushed digest and those of <paramref name="readFiles"/> the image's
    /// working directory holds.
    /// </summary>
    public Task<BuildOutcome> BuildAsync(
        string app,
        string image,
        byte[] context,
        IEnumerable<string> readFiles,
        Func<string, Task> onLine,
        CancellationToken ct) =>
        RunAsync(
            new BuildCommand { App = app, Image = image, ReadFiles = { readFiles } }, context, "Building", onLine, ct);

    /// <summary>
    /// Pulls <paramref name="reference"/> on some ready node, tags it as <paramref name="image"/>
    /// and pushes it; the outcome carries the pushed digest and those of
    /// <paramref name="readFiles"/> the image's working directory holds.
    /// </summary>
    public Task<BuildOutcome> PullAsync(
        string app,
        string image,
        string reference,
        IEnumerable<string> readFiles,
        Func<string, Task> onLine,
        CancellationToken ct) =>
        RunAsync(
            new BuildCommand { App = app, Image = image, Pull = reference, ReadFiles = { readFiles } },
            [],
            "Pulling",
            onLine,
            ct);

    /// <summary>
    /// Runs <paramref name="script"/> once in a new container of <paramref name="image"/> on some
    /// ready node; with <see cref="ScriptRun.Commit"/> the outcome carries the digest of the
    /// committed and pushed image, else an empty digest.
    /// </summary>
    public Task<BuildOutcome> RunScriptAsync(
        string app,
        string image,
        ScriptRun script,
        Func<string, Task> onLine,
        CancellationToken ct) =>
        RunAsync(new BuildCommand { App = app, Image = image, Script = script }, [], "Running", onLine, ct);

    /// <summary>The build context of a running build, or null when no such build runs.</summary>
    public byte[]? ContextOf(string buildId) => pending.GetValueOrDefault(buildId)?.Context;

    /// <summary>Relays a line of build output from the node.</summary>
    public void OnLog(BuildLog log) => pending.GetValueOrDefault(log.BuildId)?.Lines.Writer.TryWrite(log.Line);

    /// <summary>Records how a build ended.</summary>
    public void OnResult(string node, BuildResult result)
    {
        if (pending.TryGetValue(result.BuildId, out var build))
        {
            var files = new FilesInImage(result.FilesDirectory, result.Files.ToDictionary(StringComparer.Ordinal));
            build.Finish(new BuildOutcome(result.Ok, result.Digest, result.Error, node) { Files = files });
        }
    }

    /// <summary>Fails the builds of a node whose agent went away.</summary>
    public void OnNodeLost(string node)
    {
        foreach (var build in pending.Values.Where(b => b.Node == node))
        {
            build.Finish(new BuildOutcome(false, "", $"node {node} went away before it finished; try again", node));
        }
    }

    /// <summary>
    /// Sends <paramref name="command"/> (its id filled in here) to the ready node with the fewest
    /// jobs, announcing it with <paramref name="verb"/>, and relays its output until it ends.
    /// </summary>
    private async Task<BuildOutcome> RunAsync(
        BuildCommand command,
        byte[] context,
        string verb,
        Func<string, Task> onLine,
        CancellationToken ct)
    {
        var session = ChooseBuilder();
        if (session is null)
        {
            return new BuildOutcome(false, "", "no node is ready to run it on; check `berth nodes:list`", "");
        }

        var build = new PendingBuild(Guid.NewGuid().ToString("N"), session.Node, context);
        pending[build.Id] = build;
        try
        {
            await onLine($"{verb} on {session.Node}");
            command.BuildId = build.Id;
            session.Send(new ControlMessage { Build = command });
            return await RelayAsync(build, onLine, ct);
        }
        finally
        {
            pending.TryRemove(build.Id, out _);
        }
    }

    private AgentSession? ChooseBuilder() =>
        agents.Sessions
            .Where(s => agents.StatusOf(s.Node) == NodeStatus.Ready)
            .OrderBy(s => pending.Values.Count(b => b.Node == s.Node))
            .ThenBy(s => s.Node, StringComparer.Ordinal)
            .FirstOrDefault();

    private async Task<BuildOutcome> RelayAsync(PendingBuild build, Func<string, Task> onLine, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await foreach (var line in build.Lines.Reader.ReadAllAsync(linked.Token))
            {
                await onLine(line);
            }

            return await build.Outcome;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var error = $"it took longer than {Timeout.TotalMinutes} minutes";
            return new BuildOutcome(false, "", error, build.Node);
        }
    }

    private sealed class PendingBuild(string id, string node, byte[] context)
    {
        private readonly TaskCompletionSource<BuildOutcome> outcome =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Id { get; } = id;

        public string Node { get; } = node;

        public byte[] Context { get; } = context;

        public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>();

        public Task<BuildOutcome> Outcome => outcome.Task;

        public void Finish(BuildOutcome result)
        {
            outcome.TrySetResult(result);
            Lines.Writer.TryComplete();
        }
    }
}
