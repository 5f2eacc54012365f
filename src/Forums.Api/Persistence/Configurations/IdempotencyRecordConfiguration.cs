using Forums.Api.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("IdempotencyRecords");
        record.HasKey(r => new { r.Scope, r.Key });
        record.Property(r => r.Scope).HasMaxLength(300).IsUnicode(false);
        record.Property(r => r.Key).HasMaxLength(255).IsUnicode(false);
        record.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false).IsFixedLength();
        record.Property(r => r.ContentType).HasMaxLength(100).IsUnicode(false);
        record.Property(r => r.Location).HasMaxLength(2048);
        record.Property(r => r.ETag).HasMaxLength(100).IsUnicode(false);
        record.HasIndex(r => r.ExpiresAt);
    }
}
