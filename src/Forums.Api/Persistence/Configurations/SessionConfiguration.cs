using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.ToTable("Sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        session.Property(s => s.Title).IsRequired();
        session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        session.Property(s => s.Room).HasMaxLength(RoomName.MaxLength);
        session.Property(s => s.RoomKey).HasMaxLength(RoomName.MaxKeyLength);
        session.Property(s => s.Languages).IsRequired();
        session.Property(s => s.InterpretationLanguages).IsRequired();
        session.Property(s => s.SortKey).HasMaxLength(64).IsUnicode(false).IsRequired();
        session.Property(s => s.Version).IsConcurrencyToken();
        session.Ignore(s => s.Slot);
        session.HasIndex(s => new { s.ForumId, s.SortKey }).IsUnique();
        session.HasIndex(s => new { s.ForumId, s.StartsAt });
        session.HasIndex(s => new { s.ForumId, s.RoomKey, s.StartsAt });
    }
}

internal sealed class SessionSpeakerConfiguration : IEntityTypeConfiguration<SessionSpeaker>
{
    public void Configure(EntityTypeBuilder<SessionSpeaker> assignment)
    {
        assignment.ToTable("SessionSpeakers");
        assignment.HasKey(a => new { a.SessionId, a.SpeakerId });
        assignment.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        // A speaker on a session is not deleted (409); NO ACTION keeps a single cascade path on SQL Server.
        assignment.HasOne<Speaker>().WithMany().HasForeignKey(a => a.SpeakerId).OnDelete(DeleteBehavior.NoAction);
        assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        assignment.HasIndex(a => a.SpeakerId);
    }
}
