using System.Text.Json;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Seeding;

/// <summary>
/// Loads the seed files at start-up. Each file is applied once per database, in one transaction, and
/// remembered; so restarts never duplicate it and an organiser's later edits (or deletion) stand.
/// </summary>
internal sealed class SeedLoader(ForumsDbContext db, TimeProvider time, ILogger<SeedLoader> logger)
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public async Task LoadFolderAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Seed folder {Folder} does not exist; nothing seeded", folder);
            return;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            await ApplyAsync(await ReadAsync(path, ct), ct);
    }

    public static async Task<SeedFile> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, ct)
            ?? throw new StartupConfigurationException($"Seed file {path} is empty.");
        var result = new SeedFileValidator().Validate(seed);
        if (!result.IsValid)
            throw new StartupConfigurationException($"Seed file {path} is invalid: {string.Join("; ", result.Errors)}");
        return seed;
    }

    public async Task ApplyAsync(SeedFile seed, CancellationToken ct)
    {
        if (await db.AppliedSeeds.AnyAsync(s => s.SeedId == seed.SeedId, ct))
        {
            logger.LogDebug("Seed {SeedId} was applied before; left as it is", seed.SeedId);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var forum = Forum.Create(seed.Forum.Id, seed.Forum.ToDetails(), now);
        if (seed.Forum.Status is ForumStatus.Published or ForumStatus.Archived)
            forum.Publish(now);
        if (seed.Forum.Status is ForumStatus.Archived)
            forum.Archive(now);

        db.Forums.Add(forum);
        db.AppliedSeeds.Add(new AppliedSeed { SeedId = seed.SeedId, AppliedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seed {SeedId} applied: forum {Slug}", seed.SeedId, forum.Slug);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance applied it at the same moment, or a forum already uses the seed's id or slug.
            logger.LogWarning("Seed {SeedId} not applied: its forum's id or slug is already in use", seed.SeedId);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        return options;
    }
}
