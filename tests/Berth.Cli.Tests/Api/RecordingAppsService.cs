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

    public override Task<AppInfo> GetApp(AppRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"app '{request.App}' does not exist"));
}
