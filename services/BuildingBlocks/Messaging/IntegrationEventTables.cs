using Lodestar.Messaging.Inbox;
using Lodestar.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Messaging;

public static class IntegrationEventTables
{
    /// <summary>Adds the outbox and inbox tables to a service's model; call from OnModelCreating.</summary>
    public static ModelBuilder AddIntegrationEventTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.HasIndex(m => m.EventId).IsUnique();
            outbox.HasIndex(m => m.DispatchedAt);
            outbox.Property(m => m.EventType).HasMaxLength(300);
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.TraceState).HasMaxLength(500);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
