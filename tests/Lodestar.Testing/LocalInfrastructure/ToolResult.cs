namespace Lodestar.LocalInfrastructure;

/// <summary>Exit code and output of a server tool run.</summary>
public sealed record ToolResult(int ExitCode, string Output)
{
    public ToolResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}: {Output}");
}
