using Berth.Core.AppJson;
using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class FormationDefaultsTests
{
    private static readonly Dictionary<string, int> NoFormation = [];

    private static readonly Dictionary<string, FormationEntry> NoAppJson = [];

    [Fact]
    public void Resolve_NewAppWithoutAppJson_RunsOneWebAndNoOtherProcess()
    {
        var result = FormationDefaults.Resolve(["web", "worker", "clock"], NoFormation, NoAppJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 1, ["worker"] = 0, ["clock"] = 0 }, result.Formation);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Resolve_NoProcfile_RunsOnlyWeb()
    {
        var result = FormationDefaults.Resolve([], NoFormation, NoAppJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 1 }, result.Formation);
    }

    [Fact]
    public void Resolve_ReleaseWithoutWeb_RunsNoWeb()
    {
        var result = FormationDefaults.Resolve(["worker"], NoFormation, NoAppJson);

        Assert.Equal(new Dictionary<string, int> { ["worker"] = 0 }, result.Formation);
    }

    [Fact]
    public void Resolve_NewAppWithAppJson_TakesItsQuantities()
    {
        var appJson = new Dictionary<string, FormationEntry>
        {
            ["web"] = new(3, null),
            ["worker"] = new(2, 1),
            ["clock"] = new(null, 2),
        };

        var result = FormationDefaults.Resolve(["web", "worker", "clock"], NoFormation, appJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 3, ["worker"] = 2, ["clock"] = 0 }, result.Formation);
    }

    [Fact]
    public void Resolve_AppJsonQuantityZeroForWeb_RunsNoWeb()
    {
        var appJson = new Dictionary<string, FormationEntry> { ["web"] = new(0, null) };

        var result = FormationDefaults.Resolve(["web"], NoFormation, appJson);

        Assert.Equal(0, result.Formation["web"]);
    }

    [Fact]
    public void Resolve_CurrentCounts_WinOverAppJsonAndDefaults()
    {
        var current = new Dictionary<string, int> { ["web"] = 0, ["worker"] = 5 };
        var appJson = new Dictionary<string, FormationEntry> { ["web"] = new(3, null), ["worker"] = new(1, null) };

        var result = FormationDefaults.Resolve(["web", "worker"], current, appJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 0, ["worker"] = 5 }, result.Formation);
    }

    [Fact]
    public void Resolve_TypeNewToTheApp_TakesAppJsonWhileOthersKeepTheirCounts()
    {
        var current = new Dictionary<string, int> { ["web"] = 4 };
        var appJson = new Dictionary<string, FormationEntry> { ["worker"] = new(2, null) };

        var result = FormationDefaults.Resolve(["web", "worker", "clock"], current, appJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 4, ["worker"] = 2, ["clock"] = 0 }, result.Formation);
    }

    [Fact]
    public void Resolve_TypesTheReleaseNoLongerDefines_AreDroppedWithTheirCounts()
    {
        var current = new Dictionary<string, int> { ["web"] = 2, ["worker"] = 3, ["clock"] = 0 };

        var result = FormationDefaults.Resolve(["web"], current, NoAppJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, result.Formation);
        Assert.Equal(new Dictionary<string, int> { ["worker"] = 3, ["clock"] = 0 }, result.Dropped);
    }

    [Fact]
    public void Resolve_NoProcfileAnyMore_DropsEveryTypeButWeb()
    {
        var current = new Dictionary<string, int> { ["web"] = 2, ["worker"] = 1 };

        var result = FormationDefaults.Resolve([], current, NoAppJson);

        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, result.Formation);
        Assert.Equal(new Dictionary<string, int> { ["worker"] = 1 }, result.Dropped);
    }

    [Fact]
    public void Resolve_AppJsonTypesTheReleaseDoesNotDefine_AreIgnored()
    {
        var appJson = new Dictionary<string, FormationEntry> { ["ghost"] = new(4, null) };

        var result = FormationDefaults.Resolve(["web"], NoFormation, appJson);

        Assert.Equal(["web"], result.Formation.Keys);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Resolve_TypeNamesDifferingInCase_AreDifferentTypes()
    {
        var current = new Dictionary<string, int> { ["Web"] = 3 };

        var result = FormationDefaults.Resolve(["web"], current, NoAppJson);

        Assert.Equal(1, result.Formation["web"]);
        Assert.Equal(3, result.Dropped["Web"]);
    }

    [Theory]
    [InlineData("web", 1)]
    [InlineData("worker", 0)]
    [InlineData("WEB", 0)]
    public void DefaultCount_Type_IsOneForWebOnly(string type, int count)
    {
        Assert.Equal(count, FormationDefaults.DefaultCount(type));
    }
}
