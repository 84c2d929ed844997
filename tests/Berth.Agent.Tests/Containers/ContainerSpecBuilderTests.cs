using Berth.Agent.Containers;
using Docker.DotNet.Models;

namespace Berth.Agent.Tests.Containers;

public sealed class ContainerSpecBuilderTests
{
    [Fact]
    public void Build_WebInstance_NamesLabelsAndImage()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(index: 2, release: 7), 20005, "node-1", []);

        Assert.Equal("shop.web.2.v7", spec.Name);
        Assert.Equal("127.0.0.1:5000/shop:v7", spec.Image);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["berth.managed"] = "true",
                ["berth.app"] = "shop",
                ["berth.process"] = "web",
                ["berth.instance"] = "shop.web.2",
                ["berth.release"] = "7",
                ["berth.port"] = "20005",
            },
            spec.Labels);
    }

    [Fact]
    public void Build_WebInstance_SetsConfigAndBerthVariablesSortedByKey()
    {
        var env = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://x", ["ZED"] = "1" };

        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(index: 2, env: env), 20005, "node-1", []);

        Assert.Equal(
            [
                "BERTH_INSTANCE=shop.web.2", "BERTH_NODE=node-1", "DATABASE_URL=postgres://x", "DYNO=web.2",
                "PORT=20005", "ZED=1",
            ],
            spec.Env);
    }

    [Fact]
    public void Build_ConfigVarsNamedLikeBerths_AreOverridden()
    {
        var env = new Dictionary<string, string> { ["PORT"] = "80", ["DYNO"] = "fake" };

        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(env: env), 20001, "node-1", []);

        Assert.Contains("PORT=20001", spec.Env!);
        Assert.Contains("DYNO=web.1", spec.Env!);
        Assert.DoesNotContain("PORT=80", spec.Env!);
    }

    [Fact]
    public void Build_WorkerInstance_HasNoPortButAZeroPortLabel()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(process: "worker", index: 3), 0, "node-2", []);

        Assert.DoesNotContain(spec.Env!, line => line.StartsWith("PORT=", StringComparison.Ordinal));
        Assert.Contains("DYNO=worker.3", spec.Env!);
        Assert.Equal("0", spec.Labels![ContainerLabels.Port]);
    }

    [Fact]
    public void Build_WithCommand_SetsCmd()
    {
        var assignment = Fixtures.Assignment(command: ["sh", "-c", "httpd -f -p $PORT"]);

        var spec = ContainerSpecBuilder.Build(assignment, 20000, "n", []);

        Assert.Equal(["sh", "-c", "httpd -f -p $PORT"], spec.Cmd);
    }

    [Fact]
    public void Build_WithoutCommand_LeavesTheImagesCommand()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(), 20000, "n", []);

        Assert.Null(spec.Cmd);
    }

    [Fact]
    public void Build_Always_UsesHostNetworkInitAndNoDockerRestartPolicy()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(), 20000, "n", []);

        Assert.Equal("host", spec.HostConfig!.NetworkMode);
        Assert.True(spec.HostConfig.Init);
        Assert.Equal(RestartPolicyKind.No, spec.HostConfig.RestartPolicy.Name);
        Assert.Equal(TimeSpan.FromSeconds(30), spec.StopTimeout);
        Assert.Empty(spec.HostConfig.PortBindings ?? new Dictionary<string, IList<PortBinding>>());
    }

    [Fact]
    public void Build_ProcfileCommand_ExpandsImageEnvUnderTheContainersOwnVariables()
    {
        var env = new Dictionary<string, string> { ["MODE"] = "config" };
        var assignment = Fixtures.Assignment(env: env) with
        {
            ProcfileCommand = "$APP_HOME/bin/serve --port $PORT --mode $MODE",
        };

        var spec = ContainerSpecBuilder.Build(assignment, 20005, "n", ["APP_HOME=/opt/app", "MODE=image", "PORT=1"]);

        Assert.Equal(["/opt/app/bin/serve", "--port", "20005", "--mode", "config"], spec.Cmd);
        Assert.DoesNotContain(spec.Env!, line => line.StartsWith("APP_HOME=", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ProcfileCommandWithoutVariables_IgnoresImageEnv()
    {
        var assignment = Fixtures.Assignment() with { ProcfileCommand = "./serve --quiet" };

        var spec = ContainerSpecBuilder.Build(assignment, 20000, "n", ["QUIET=no"]);

        Assert.Equal(["./serve", "--quiet"], spec.Cmd);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(-5, 30)]
    [InlineData(1, 1)]
    [InlineData(120, 120)]
    public void Build_StopTimeoutSeconds_SetsTheContainersStopTimeout(int seconds, int expected)
    {
        var assignment = Fixtures.Assignment() with { StopTimeoutSeconds = seconds };

        var spec = ContainerSpecBuilder.Build(assignment, 20000, "n", []);

        Assert.Equal(TimeSpan.FromSeconds(expected), spec.StopTimeout);
    }

    [Theory]
    [InlineData(45, 45u)]
    [InlineData(null, 30u)]
    [InlineData(0, 30u)]
    public void StopSeconds_ContainerStopTimeout_IsTheWaitBeforeSigkill(int? seconds, uint expected)
    {
        var inspected = new ContainerInspectResponse
        {
            Config = new ContainerConfig { StopTimeout = seconds is { } s ? TimeSpan.FromSeconds(s) : null },
        };

        Assert.Equal(expected, ContainerExecutor.StopSeconds(inspected));
    }

    [Fact]
    public void FromContract_StopTimeoutAndChecks_AreCopied()
    {
        var contract = new Berth.Contracts.Assignment { Instance = "shop.web.1", StopTimeoutSeconds = 45 };
        contract.Checks.Add(new Berth.Contracts.HealthCheckSpec { Name = "root", Kind = "http", Path = "/" });

        var assignment = InstanceAssignment.FromContract(contract);

        Assert.Equal(TimeSpan.FromSeconds(45), assignment.StopTimeout);
        Assert.Equal("root", Assert.Single(assignment.StartupChecks).Name);
    }

    [Fact]
    public void Build_WithMemory_LimitsMemoryAndSwapToTheSameBytes()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(memoryMb: 256), 20000, "n", []);

        Assert.Equal(256L * 1024 * 1024, spec.HostConfig!.Memory);
        Assert.Equal(256L * 1024 * 1024, spec.HostConfig.MemorySwap);
    }

    [Fact]
    public void Build_WithoutMemory_SetsNoLimit()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(memoryMb: 0), 20000, "n", []);

        Assert.Equal(0, spec.HostConfig!.Memory);
        Assert.Equal(0, spec.HostConfig.MemorySwap);
    }

    [Fact]
    public void Build_WorkerThatDoesNotListen_GetsNoPortBindingsOrExposedPorts()
    {
        var spec = ContainerSpecBuilder.Build(Fixtures.Assignment(process: "worker"), 0, "n", []);

        Assert.Null(spec.ExposedPorts);
        Assert.Empty(spec.HostConfig!.PortBindings ?? new Dictionary<string, IList<PortBinding>>());
    }
}
