using Berth.Contracts;
using Grpc.Core;

namespace Berth.Cli.Tests.Api;

/// <summary>An Apps service that echoes what the CLI sent, so tests can check the wire format.</summary>
internal sealed class RecordingAppsService : Apps.AppsBase
{
    public override Task<ConfigResponse> SetConfig(SetConfigRequest request, ServerCallContext context)
    {
        var response = new ConfigResponse { App = request.App, Version = 1 };
        response.Values.Add(request.Values);

        return Task.FromResult(response);
    }

    public override Task<ScaleResponse> Scale(ScaleRequest request, ServerCallContext context)
    {
        var response = new ScaleResponse { App = request.App };
        response.Formation.Add(request.Formation);

        return Task.FromResult(response);
    }

    public override Task<ProcessReport> SetProcessOptions(
        SetProcessOptionsRequest request,
        ServerCallContext context)
    {
        var process = new ProcessTypeReport
        {
            Process = request.Process,
            MaxParallel = request.MaxParallel,
            Command = $"memory={request.Memory} set_constraints={request.SetConstraints}",
        };
        foreach (var pair in request.Constraints.Select(text => text.Split('=')))
        {
            process.Constraints[pair[0]] = pair[1];
        }

        return Task.FromResult(new ProcessReport { App = request.App, Processes = { process } });
    }

    public override Task<ProcessReport> RestartApp(ProcessRequest request, ServerCallContext context) =>
        Task.FromResult(new ProcessReport { App = request.App, Unplaced = { $"process '{request.Process}'" } });

    public override Task<RollbackResponse> Rollback(RollbackRequest request, ServerCallContext context) =>
        Task.FromResult(new RollbackResponse { App = request.App, Target = request.Version });

    public override Task<ReleaseInfo> GetRelease(ReleaseRequest request, ServerCallContext context) =>
        Task.FromResult(new ReleaseInfo { App = request.App, Version = request.Version });

    public override Task<AppInfo> GetApp(AppRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"app '{request.App}' does not exist"));
}
