using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;

namespace BuildingBlocks.NotesService;

/// <summary>All of the notes service's wiring, in the order every Lodestar service follows.</summary>
public static class NotesServiceExtensions
{
    public const string ServiceName = "notes";

    public static IHostApplicationBuilder AddNotesService(this IHostApplicationBuilder builder)
    {
        IntegrationEventTypes.Register(typeof(NoteCreated));
        builder.AddServiceDefaults(ServiceName);
        builder.AddServiceDatabase<NotesDbContext, SqliteNotesDbContext, PostgresNotesDbContext>(ServiceName);
        if (builder.Configuration.GetConnectionString(LodestarResources.EventBus) is not null)
            builder.AddServiceMessaging<NotesDbContext>(ServiceName, bus => bus.AddConsumer<NoteCreatedConsumer>());
        return builder;
    }

    public static WebApplication MapNotesService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<NoteGrpcService>();
        return app;
    }
}
