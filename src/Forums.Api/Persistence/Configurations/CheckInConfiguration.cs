using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> checkIn)
    {
        checkIn.ToTable("CheckIns");
        checkIn.HasKey(c => c.Id);
        checkIn.Property(c => c.Id).ValueGeneratedNever();
        checkIn.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.Cascade);
        checkIn.HasOne<ForumDelegate>().WithMany().HasForeignKey(c => c.DelegateId).OnDelete(DeleteBehavior.NoAction);
        checkIn.Property(c => c.Nonce).HasMaxLength(100).IsUnicode(false).IsRequired();
        // A retried scan carries the same nonce: the database keeps one.
        checkIn.HasIndex(c => new { c.ForumId, c.Nonce }).IsUnique();
        checkIn.HasIndex(c => c.DelegateId);
    }
}
