using System.Globalization;
using Berth.Contracts;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The release part of the app API: releases, releases:info, releases:rollback.</summary>
public sealed partial class AppsService
{
    /// <inheritdoc />
    public override async Task<ListReleasesResponse> ListReleases(AppRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);

        var response = new ListReleasesResponse { App = app.Name, CurrentRelease = app.CurrentRelease };
        response.Releases.Add(
            (await store.ListReleasesAsync(app.Name, ct)).Select(r => ToReleaseInfo(r, app.CurrentRelease)));
        return response;
    }

    /// <inheritdoc />
    public override async Task<ReleaseInfo> GetRelease(ReleaseRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);
        var release = await RequireReleaseAsync(app.Name, request.Version, ct);

        return ToReleaseInfo(release, app.CurrentRelease);
    }

    /// <inheritdoc />
    public override async Task<RollbackResponse> Rollback(RollbackRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);
        if (request.Version != 0)
        {
            await RequireReleaseAsync(app.Name, request.Version, ct);
        }

        var (target, result) = await deployments.RollbackAsync(
            app.Name, request.Version, Actor.Of(context), new LogOutput(logger, app.Name), ct);
        if (!result.Succeeded)
        {
            throw ApiErrors.Precondition(result.Error);
        }

        var current = (await RequireAppAsync(app.Name, ct)).CurrentRelease;
        var release = await RequireReleaseAsync(app.Name, result.Release, ct);
        var config = await store.GetConfigAsync(app.Name, ct);
        return new RollbackResponse
        {
            App = app.Name,
            Target = target,
            Release = ToReleaseInfo(release, current),
            Url = options.AppUrl(app.Name),
            AppConfigVersion = SameValues(config, release.Config) ? 0 : config.Version,
        };
    }

    private static bool SameValues(ConfigSnapshot a, ConfigSnapshot b) =>
        a.Values.Count == b.Values.Count &&
        a.Values.All(pair => b.Values.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private async Task<ReleaseRecord> RequireReleaseAsync(string app, int version, CancellationToken ct)
    {
        if (version <= 0)
        {
            throw ApiErrors.Invalid($"v{version} is not a release; releases are numbered from v1");
        }

        return await store.GetReleaseAsync(app, version, ct)
            ?? throw new RpcException(new Status(
                StatusCode.NotFound,
                $"'{app}' has no release v{version}; `berth releases {app}` lists them"));
    }

    private static ReleaseInfo ToReleaseInfo(ReleaseRecord release, int current)
    {
        var info = new ReleaseInfo
        {
            App = release.App,
            Version = release.Number,
            Current = release.Number == current,
            State = release.State,
            Description = release.Description,
            Image = release.Image,
            Digest = release.Digest,
            ConfigVersion = release.Config.Version,
            CreatedAt = release.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            GitRevision = release.GitRevision,
            CreatedBy = release.CreatedBy,
        };
        info.Processes.Add(new Dictionary<string, string>(release.Processes));
        info.ConfigKeys.Add(release.Config.Values.Keys.Order(StringComparer.Ordinal));
        return info;
    }
}
