using Berth.Contracts;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Deployments;

/// <summary>The part of a deployment around the release: app.json scripts and image pruning.</summary>
public sealed partial class DeploymentRunner
{
    /// <summary>
    /// Runs the predeploy script on the made image (its changes committed into it), records the
    /// release, rolls it out, runs the postdeploy script and prunes old images. A failing
    /// predeploy makes no release, so nothing changes for the running instances.
    /// </summary>
    private async Task<DeploymentResult> ReleaseAsync(
        string app,
        MadeImage made,
        ReleaseManifest manifest,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        var config = await store.GetConfigAsync(app, ct);
        var digest = made.Digest;
        if (manifest.Manifest.Scripts.Predeploy is { } predeploy)
        {
            var ran = await RunScriptAsync(app, made.Image, "predeploy", predeploy, config, commit: true, output, ct);
            if (!ran.Succeeded)
            {
                Log.PredeployFailed(logger, app, ran.Error);
                return DeploymentResult.Failed(DeploymentMessages.PredeployFailed(ran.Error));
            }

            digest = ran.Digest;
        }

        var release = await store.CreateReleaseAsync(
            app,
            made.Image,
            digest,
            config,
            made.GitRevision,
            made.Description,
            made.CreatedBy,
            manifest.Processes,
            manifest.Sources,
            ct);
        await ApplyFormationAsync(release, manifest.Manifest, output, ct);
        var result = await RollOutAsync(release, output, ct);
        if (!result.Succeeded || manifest.Manifest.Scripts.Postdeploy is not { } postdeploy)
        {
            return result;
        }

        var after = await RunScriptAsync(app, made.Image, "postdeploy", postdeploy, config, commit: false, output, ct);
        if (after.Succeeded)
        {
            return result;
        }

        Log.PostdeployFailed(logger, app, release.Number, after.Error);
        var warning = DeploymentMessages.PostdeployFailed(release.Number, after.Error);
        await output.WriteLineAsync($" !     {warning}");
        return result with { Warning = warning };
    }

    /// <summary>Runs one app.json script on a node, its output shown indented under a heading.</summary>
    private async Task<Builds.BuildOutcome> RunScriptAsync(
        string app,
        string image,
        string name,
        string command,
        ConfigSnapshot config,
        bool commit,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        await output.WriteLineAsync($"-----> Running {name}: {command}");
        var script = new ScriptRun { Command = command, Commit = commit };
        script.Env.Add(new Dictionary<string, string>(config.Values));
        return await builds.RunScriptAsync(app, image, script, Indented(output), ct);
    }

    /// <summary>Removes the images of releases the cluster no longer keeps; never fails the deployment.</summary>
    private async Task PruneImagesAsync(string app, IDeploymentOutput output, CancellationToken ct)
    {
        try
        {
            var removed = await pruning.PruneAsync(app, ct);
            if (removed.Count > 0)
            {
                await output.WriteLineAsync(
                    $"       Removed {removed.Count} old image(s); Berth keeps the images of the last " +
                    $"{options.KeepReleases} releases");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PruneFailed(logger, app, ex.Message);
        }
    }

    /// <summary>
    /// True when the registry answers that <paramref name="release"/>'s image is gone (pruned);
    /// false when it is there or the registry cannot say.
    /// </summary>
    private async Task<bool> ImageRemovedAsync(ReleaseRecord release, CancellationToken ct)
    {
        var named = Registry.RegistryImage.Of(release.Image, release.Digest, options.Registry);
        return named is not null && await registry.ManifestExistsAsync(named, ct) == false;
    }

    private static Func<string, Task> Indented(IDeploymentOutput output) =>
        line => output.WriteLineAsync("       " + line);
}
