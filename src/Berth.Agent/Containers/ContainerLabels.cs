using System.Globalization;

namespace Berth.Agent.Containers;

/// <summary>The labels Berth puts on every container it runs, and how to read them back.</summary>
internal static class ContainerLabels
{
    /// <summary>Marks a container as Berth's; containers without it are never touched.</summary>
    public const string Managed = "berth.managed";

    /// <summary>The app the container belongs to.</summary>
    public const string App = "berth.app";

    /// <summary>The process type.</summary>
    public const string Process = "berth.process";

    /// <summary>The instance name, <c>app.type.N</c>.</summary>
    public const string Instance = "berth.instance";

    /// <summary>The release number.</summary>
    public const string Release = "berth.release";

    /// <summary>The host port the instance listens on; 0 when it does not listen.</summary>
    public const string Port = "berth.port";

    /// <summary>The value <see cref="Managed"/> holds on Berth's containers.</summary>
    public const string ManagedValue = "true";

    /// <summary>True when <paramref name="labels"/> mark a container as Berth's.</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Managed, out var value) && value == ManagedValue;

    /// <summary>The label's value as a whole number; 0 when absent or not a number.</summary>
    public static int ReadNumber(IReadOnlyDictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;

    /// <summary>The label's value; empty when absent.</summary>
    public static string ReadText(IReadOnlyDictionary<string, string> labels, string key) =>
        labels.GetValueOrDefault(key, "");
}
