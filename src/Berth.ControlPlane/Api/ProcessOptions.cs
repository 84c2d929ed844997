using Berth.Contracts;
using Berth.ControlPlane.Store;
using Berth.Core.Nodes;
using Berth.Core.Placement;
using Berth.Core.Processes;

namespace Berth.ControlPlane.Api;

/// <summary>Applies a ps:set request to a process type's settings, collecting every error.</summary>
internal static class ProcessOptions
{
    public static (ProcessSettings Settings, List<string> Errors) Apply(
        ProcessSettings settings,
        SetProcessOptionsRequest request)
    {
        var errors = new List<string>();
        if (request.Memory.Length > 0)
        {
            var memory = MemorySize.ParseMb(request.Memory);
            errors.AddRange(memory.Errors);
            settings = memory.IsValid ? settings with { MemoryMb = memory.Value } : settings;
        }

        if (request.SetConstraints)
        {
            var labels = NodeLabel.ParsePairs(request.Constraints);
            errors.AddRange(labels.Errors);
            settings = labels.IsValid ? settings with { Constraints = labels.Value! } : settings;
        }

        if (request.MaxParallel < 0)
        {
            errors.Add($"max-parallel {request.MaxParallel} is not allowed: give a whole number of at least 1.");
        }
        else if (request.MaxParallel > 0)
        {
            settings = settings with { MaxParallel = request.MaxParallel };
        }

        if (request.StopTimeoutSeconds != 0 && !StopTimeoutLimits.IsValid(request.StopTimeoutSeconds))
        {
            errors.Add(
                $"stop-timeout {request.StopTimeoutSeconds} is out of range: give whole seconds from " +
                $"{StopTimeoutLimits.MinSeconds} to {StopTimeoutLimits.MaxSeconds}.");
        }
        else if (request.StopTimeoutSeconds != 0)
        {
            settings = settings with { StopTimeoutSeconds = request.StopTimeoutSeconds };
        }

        return (settings, errors);
    }
}
