namespace Berth.Core.Processes;

/// <summary>How instances and their containers are named.</summary>
public static class InstanceName
{
    /// <summary>The instance name, <c>app.type.N</c>, e.g. <c>myapp.web.1</c>.</summary>
    public static string Format(string app, string process, int index) => $"{app}.{process}.{index}";

    /// <summary>
    /// The container name of one release of an instance, <c>app.type.N.vR</c>: old and new
    /// releases of the same instance may run side by side on one node during a deployment.
    /// </summary>
    public static string Container(string instance, int release) => $"{instance}.v{release}";
}
