namespace Berth.Agent.Containers;

/// <summary>One step the reconciler plans and the executor runs against Docker, as plain data.</summary>
internal abstract record ContainerOperation
{
    /// <summary>The container the step is about, <c>app.type.N.vR</c>; statuses are kept by it.</summary>
    public abstract string ContainerName { get; }
}
