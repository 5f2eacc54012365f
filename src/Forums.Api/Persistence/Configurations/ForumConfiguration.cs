using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> forum)
    {
        forum.ToTable("Forums");
        forum.HasKey(f => f.Id);
        forum.Property(f => f.Id).ValueGeneratedNever();
        forum.Property(f => f.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        forum.HasIndex(f => f.Slug).IsUnique();
        forum.Property(f => f.Title).IsRequired();
        forum.Property(f => f.City).IsRequired();
        forum.Property(f => f.Country).HasMaxLength(2).IsFixedLength().IsUnicode(false).IsRequired();
        forum.Property(f => f.TimeZone).HasMaxLength(64).IsUnicode(false).IsRequired();
        forum.Property(f => f.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        forum.Property(f => f.Languages).IsRequired();
        forum.Property(f => f.SearchText).IsRequired();
        forum.Property(f => f.Version).IsConcurrencyToken();
        forum.HasIndex(f => new { f.Status, f.Slug });
        forum.HasIndex(f => new { f.Country, f.Slug });
    }
}
