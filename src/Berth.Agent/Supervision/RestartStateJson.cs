using System.Text.Json.Serialization;

namespace Berth.Agent.Supervision;

/// <summary>The source-generated JSON contract of the restart state file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<RestartRecord>))]
internal sealed partial class RestartStateJson : JsonSerializerContext;
