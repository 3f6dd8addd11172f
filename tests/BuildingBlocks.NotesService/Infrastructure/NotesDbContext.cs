using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.NotesService;

public class NotesDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<NoteEffect> Effects => Set<NoteEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.Property(n => n.Title).HasMaxLength(200);
            note.HasIndex(n => new { n.WorkspaceId, n.Title }).IsUnique();
        });
        modelBuilder.Entity<NoteEffect>(effect =>
        {
            effect.ToTable("note_effects");
            effect.HasIndex(e => e.NoteId);
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
