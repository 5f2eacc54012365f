using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> seed)
    {
        seed.ToTable("AppliedSeeds");
        seed.HasKey(s => s.SeedId);
        seed.Property(s => s.SeedId).HasMaxLength(100).IsUnicode(false);
    }
}
