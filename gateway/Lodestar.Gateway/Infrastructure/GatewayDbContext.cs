using Lodestar.Gateway.Workspaces;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Gateway.Infrastructure;

/// <summary>
/// The gateway's own records: workspaces, memberships and API keys. They are read across workspaces (a caller's
/// workspaces, a key by its hash), so they are plain entities rather than workspace-filtered ones.
/// </summary>
public class GatewayDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<WorkspaceRecord> Workspaces => Set<WorkspaceRecord>();

    public DbSet<MemberRecord> Members => Set<MemberRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<InvitationRecord> Invitations => Set<InvitationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkspaceRecord>(workspace =>
        {
            workspace.ToTable("workspaces");
            workspace.Property(w => w.DisplayName).HasMaxLength(WorkspaceRecord.MaxDisplayName);
            workspace.Property(w => w.Creator).HasMaxLength(MemberRecord.MaxSubject);
        });
        modelBuilder.Entity<MemberRecord>(member =>
        {
            member.ToTable("members");
            member.Property(m => m.Subject).HasMaxLength(MemberRecord.MaxSubject);
            member.Property(m => m.Creator).HasMaxLength(MemberRecord.MaxSubject);
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            member.HasOne<WorkspaceRecord>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => new { m.WorkspaceId, m.Subject }).IsUnique();
            member.HasIndex(m => m.Subject);
        });
        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.DisplayName).HasMaxLength(WorkspaceRecord.MaxDisplayName);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.Hash).HasMaxLength(64);
            key.Property(k => k.Creator).HasMaxLength(MemberRecord.MaxSubject);
            key.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
            key.HasOne<WorkspaceRecord>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            key.HasIndex(k => k.Hash).IsUnique();
            key.HasIndex(k => new { k.WorkspaceId, k.CreateTime });
        });
        modelBuilder.Entity<InvitationRecord>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.Invitee).HasMaxLength(InvitationRecord.MaxInvitee);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.Property(i => i.Acceptor).HasMaxLength(MemberRecord.MaxSubject);
            invitation.Property(i => i.Creator).HasMaxLength(MemberRecord.MaxSubject);
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
            invitation.Property(i => i.Version).IsConcurrencyToken();
            invitation.HasOne<WorkspaceRecord>().WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => new { i.WorkspaceId, i.CreateTime });
        });
        base.OnModelCreating(modelBuilder);
    }
}
