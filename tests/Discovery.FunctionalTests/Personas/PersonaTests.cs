using Discovery.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Discovery.FunctionalTests.Personas;

public sealed class PersonaTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Personas_are_created_listed_updated_and_deleted(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var personas = hosts.Personas(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var admin = await personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona
        {
            DisplayName = "IT admin", Segment = "Mid-market", Goals = { "Provision users fast" }, PainPoints = { "Manual offboarding" },
            Behaviours = { "Evaluates with a trial" }, Product = product,
        } }, cancellationToken: Cancel);
        await personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "Analyst" } }, cancellationToken: Cancel);
        var other = await hosts.NewProductAsync(provider, workspace, "Other");
        await personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "Designer", Product = other } }, cancellationToken: Cancel);

        Assert.Equal(("Mid-market", product), (admin.Segment, admin.Product));
        var forProduct = await personas.ListPersonasAsync(new ListPersonasRequest { Product = product }, cancellationToken: Cancel);
        Assert.Equal(["Analyst", "IT admin"], forProduct.Personas.Select(p => p.DisplayName));
        Assert.Equal(3, (await personas.ListPersonasAsync(new ListPersonasRequest(), cancellationToken: Cancel)).Personas.Count);

        var updated = await personas.UpdatePersonaAsync(new UpdatePersonaRequest
        {
            Persona = new Persona { Name = admin.Name, PainPoints = { "Manual offboarding", "Audit requests" }, Metadata = admin.Metadata },
            UpdateMask = new FieldMask { Paths = { "pain_points" } },
        }, cancellationToken: Cancel);
        Assert.Equal(2, updated.PainPoints.Count);
        await Rpc.FailsAsync(StatusCode.AlreadyExists, personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "Analyst" } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona
        {
            DisplayName = "", Goals = { new string('g', 301) }, Product = "product-1",
        } }, cancellationToken: Cancel), "persona.display_name", "persona.goals[0]");
        await Rpc.FailsAsync(StatusCode.NotFound, personas.CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona
        {
            DisplayName = "Ghost product", Product = $"products/{Guid.NewGuid()}",
        } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Personas(provider, Guid.NewGuid()).GetPersonaAsync(new GetPersonaRequest { Name = admin.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, hosts.Personas(provider, workspace, WorkspaceRole.Viewer)
            .DeletePersonaAsync(new DeletePersonaRequest { Name = admin.Name }, cancellationToken: Cancel));
        await personas.DeletePersonaAsync(new DeletePersonaRequest { Name = admin.Name, Etag = updated.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, personas.GetPersonaAsync(new GetPersonaRequest { Name = admin.Name }, cancellationToken: Cancel));
    }
}
