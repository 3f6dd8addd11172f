namespace Lodestar.AppHost.Infrastructure;

/// <summary>
/// The servers the services use, whichever way they run: the event bus (RabbitMQ), Redis, and PostgreSQL with one
/// database per service. <see cref="AttachDatabase"/> gives a service its database.
/// </summary>
public sealed class LodestarInfrastructure
{
    public required IResourceBuilder<IResourceWithConnectionString> EventBus { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Redis { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Postgres { get; init; }

    /// <summary>Gives a service its own database, named after it, as <c>ConnectionStrings__{service}db</c>, and makes it wait for the server.</summary>
    public required Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> AttachDatabase { get; init; }
}
