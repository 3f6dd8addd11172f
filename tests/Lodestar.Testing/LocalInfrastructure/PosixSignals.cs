using System.Runtime.InteropServices;

namespace Lodestar.LocalInfrastructure;

/// <summary>SIGTERM and SIGINT for graceful stops; .NET's Process.Kill only sends SIGKILL.</summary>
public static partial class PosixSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    public static bool Terminate(int processId) => OperatingSystem.IsWindows() ? false : Kill(processId, SigTerm) == 0;

    public static bool Interrupt(int processId) => OperatingSystem.IsWindows() ? false : Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int sig);
}
