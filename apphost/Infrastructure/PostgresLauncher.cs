using System.Diagnostics;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>
/// Starts Debian's PostgreSQL under DCP: as the postgres user when the app host runs as root (PostgreSQL refuses root),
/// with its cluster initialised before the first start, and stopped with a fast shutdown.
/// </summary>
internal static class PostgresLauncher
{
    // PostgreSQL reads SIGTERM as a "smart" shutdown, which waits for every pooled client to leave, so DCP's SIGTERM
    // would end in a SIGKILL and an unclean cluster. The shell passes SIGINT instead (a fast shutdown: sessions end, a
    // checkpoint is written) and exits when PostgreSQL does. setpriv execs in place, so the shell's child is postgres,
    // which gets the same fast shutdown should the shell itself be killed (no postmaster outlives it).
    private const string Script = """
        bin="$1"; shift
        if [ "$(id -u)" = 0 ]; then set -- setpriv --reuid=postgres --regid=postgres --init-groups --pdeathsig INT -- "$bin/postgres" "$@"
        else set -- setpriv --pdeathsig INT -- "$bin/postgres" "$@"; fi
        "$@" &
        pid=$!
        trap 'kill -INT "$pid" 2>/dev/null' TERM INT
        status=0
        wait "$pid" || status=$?
        while kill -0 "$pid" 2>/dev/null; do wait "$pid" || status=$?; done
        exit "$status"
        """;

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>The arguments of <c>/bin/sh</c> before PostgreSQL's own.</summary>
    public static IEnumerable<string> Arguments(string bin) => ["-c", Script, "postgres-launcher", bin];

    /// <summary>Runs initdb when the cluster folder has none yet (the first start), as the user PostgreSQL runs as.</summary>
    public static async Task InitialiseAsync(string bin, string folder, string dataDirectory, CancellationToken cancellationToken)
    {
        if (AsRoot) await RunAsync("chown", ["postgres:postgres", folder], cancellationToken);
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION"))) return;
        if (AsRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken);
        string[] initdb = [Path.Combine(bin, "initdb"), "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"];
        if (AsRoot) await RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. initdb], cancellationToken);
        else await RunAsync(initdb[0], initdb[1..], cancellationToken);
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
