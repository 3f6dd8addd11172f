using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Seeding;

/// <summary>Runs the demo seed against the running platform through its gateway, as the development workspace's admin.</summary>
internal static class DemoSeeding
{
    /// <summary>True when the workspace holds the demo product afterwards (seeded now or before); false when seeding failed.</summary>
    public static async Task<bool> RunAsync(Uri gatewayGrpc, Guid workspace, string token, ILogger logger, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(gatewayGrpc);
        var api = new LodestarClients(channel.CreateCallInvoker(), token, workspace);
        try
        {
            var summary = await DemoWorkspace.SeedAsync(api, new LoggerWriter(logger), cancellationToken);
            if (summary is null) logger.LogInformation("The development workspace already holds the demo product; left as it is");
            else logger.LogInformation("Demo workspace ready: {Product} ({Insights} insights, {Items} backlog items, {Events} events of {Users} users)",
                summary.Product, summary.Insights, summary.BacklogItems, summary.Events, summary.Users);
            return true;
        }
        catch (Grpc.Core.RpcException ex)
        {
            // The platform stays up: a half-seeded workspace is still usable, and the error says which call failed.
            logger.LogError(ex, "Seeding the demo workspace failed: {Status} {Detail}", ex.StatusCode, ex.Status.Detail);
            return false;
        }
    }
}
