using System.Diagnostics;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Grpc.Core;
using Lodestar.LocalInfrastructure;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Testing.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.FunctionalTests.Api;

/// <summary>Service-to-service gRPC clients: addressed by Aspire-style configuration, bounded by deadlines.</summary>
public sealed class ServiceClientTests(NotesHostFixture notes) : IClassFixture<NotesHostFixture>
{
    private static ServiceProvider ClientServices(string grpcAddress, TimeSpan deadline)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:notes:grpc:0"] = grpcAddress })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddServiceDiscovery();
        services.AddServiceGrpcClient<NoteService.NoteServiceClient>("notes", deadline);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_client_finds_the_service_through_services_configuration()
    {
        await using var services = ClientServices(notes.Host.GrpcAddress.ToString().TrimEnd('/'), TimeSpan.FromSeconds(5));
        var client = services.GetRequiredService<NoteService.NoteServiceClient>();
        var workspace = Guid.NewGuid();
        var headers = new Metadata
        {
            { "authorization", "Bearer " + ServiceHost.Tokens.Issue("svc", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Editor }) },
            { LodestarClaims.WorkspaceHeader, workspace.ToString() },
        };
        var created = await client.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("via discovery") }, headers,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("via discovery", created.Title);
    }

    [Fact]
    public async Task A_call_to_a_dead_service_fails_within_its_deadline_instead_of_hanging()
    {
        // A port nothing listens on: every attempt is refused, retries stay inside the deadline.
        await using var services = ClientServices($"http://127.0.0.1:{FreePort.Next()}", TimeSpan.FromSeconds(2));
        var client = services.GetRequiredService<NoteService.NoteServiceClient>();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetNoteAsync(new GetNoteRequest { Id = Guid.NewGuid().ToString() }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The call took {clock.Elapsed}.");
    }

    [Fact]
    public async Task The_default_deadline_applies_to_calls_that_set_none()
    {
        // A listener that accepts connections and never answers: only the deadline ends the call.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        await using var services = ClientServices($"http://127.0.0.1:{port}", TimeSpan.FromMilliseconds(500));
        var client = services.GetRequiredService<NoteService.NoteServiceClient>();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetNoteAsync(new GetNoteRequest { Id = "x" }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
