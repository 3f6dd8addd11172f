using BuildingBlocks.NotesService;
using Lodestar.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddNotesService();

var app = builder.Build();
app.MapNotesService();

if (await app.MigrateDatabaseAsync<NotesDbContext>())
    await app.RunAsync();
