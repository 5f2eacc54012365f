using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> speaker)
    {
        speaker.ToTable("Speakers");
        speaker.HasKey(s => s.Id);
        speaker.Property(s => s.Id).ValueGeneratedNever();
        speaker.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        // NO ACTION: one cascade path per table on SQL Server; a forum's deletion removes both sides anyway.
        speaker.HasOne<ForumDelegate>().WithMany().HasForeignKey(s => s.DelegateId).OnDelete(DeleteBehavior.NoAction);
        speaker.Property(s => s.Name).HasMaxLength(200).IsRequired();
        speaker.Property(s => s.NameLatin).HasMaxLength(200);
        speaker.Property(s => s.PhotoUrl).HasMaxLength(2048);
        speaker.Property(s => s.SearchText).IsRequired();
        speaker.Property(s => s.SortKey).HasMaxLength(200).IsRequired();
        speaker.Property(s => s.Version).IsConcurrencyToken();
        speaker.HasIndex(s => new { s.ForumId, s.SortKey }).IsUnique();
        speaker.HasIndex(s => new { s.ForumId, s.DelegateId }).IsUnique();
    }
}
