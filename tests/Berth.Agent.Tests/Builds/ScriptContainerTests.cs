using Berth.Agent.Builds;
using Berth.Contracts;
using Docker.DotNet.Models;

namespace Berth.Agent.Tests.Builds;

public sealed class ScriptContainerTests
{
    [Fact]
    public void Create_ImageWithoutEntrypoint_IdlesThroughItsCommandOnly()
    {
        var create = ScriptContainer.Create("r/app:v2", "berth-script-app-1", null);

        Assert.Null(create.Entrypoint);
        Assert.Equal(["/bin/sh", "-c", ScriptContainer.IdleLoop], create.Cmd);
        Assert.NotNull(create.HostConfig);
        Assert.Equal("host", create.HostConfig.NetworkMode);
        Assert.True(create.HostConfig.Init);
        Assert.Null(create.Env);
    }

    [Fact]
    public void Create_ImageWithEntrypoint_ReplacesIt()
    {
        var create = ScriptContainer.Create("r/app:v2", "berth-script-app-1", ["/docker-entrypoint.sh"]);

        Assert.Equal(["/bin/sh", "-c"], create.Entrypoint);
        Assert.Equal([ScriptContainer.IdleLoop], create.Cmd);
    }

    [Fact]
    public void Exec_RunsTheCommandInAShellWithTheConfigSorted()
    {
        var script = new ScriptRun { Command = "./manage.py migrate && echo done" };
        script.Env.Add("SECRET", "s");
        script.Env.Add("DATABASE_URL", "postgres://db");

        var exec = ScriptContainer.Exec(script);

        Assert.Equal(["/bin/sh", "-c", "./manage.py migrate && echo done"], exec.Cmd);
        Assert.Equal(["DATABASE_URL=postgres://db", "SECRET=s"], exec.Env);
        Assert.True(exec.AttachStdout);
        Assert.True(exec.AttachStderr);
    }

    [Fact]
    public void Commit_RestoresTheImagesOwnCommandAndEnvironment()
    {
        var original = new DockerOCIImageConfig
        {
            Cmd = ["./serve", "--port", "5000"],
            Entrypoint = null,
            Env = ["PATH=/bin"],
            WorkingDir = "/app",
        };

        var commit = ScriptContainer.Commit("c0ffee", "127.0.0.1:5000/shop:v7", original);

        Assert.Equal("c0ffee", commit.ContainerID);
        Assert.Equal("127.0.0.1:5000/shop", commit.RepositoryName);
        Assert.Equal("v7", commit.Tag);
        Assert.Equal(["./serve", "--port", "5000"], commit.Cmd);
        Assert.Equal(["PATH=/bin"], commit.Env);
        Assert.Equal("/app", commit.WorkingDir);
    }

    [Theory]
    [InlineData(1L, "the script exited with code 1")]
    [InlineData(127L, "the script exited with code 127")]
    public void ExitError_NamesTheCode(long code, string expected)
    {
        Assert.Equal(expected, ScriptContainer.ExitError(code));
    }
}
