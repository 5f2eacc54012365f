using System.Text.Json;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Features;
using Forums.Api.Features.Delegates.RegisterDelegate;
using Forums.Api.Features.Sessions.AssignSpeaker;
using Forums.Api.Features.Sessions;
using Forums.Api.Features.Sessions.CreateSession;
using Microsoft.AspNetCore.Mvc;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Forums.Api.Hosting;

namespace Forums.Api.Seeding;

/// <summary>
/// Loads the seed files at start-up. Each file is applied once per database, in one transaction, and
/// remembered; so restarts never duplicate it and an organiser's later edits (or deletion) stand.
/// </summary>
internal sealed class SeedLoader(ForumsDbContext db, PlaceLedger places, TimeProvider time, ILogger<SeedLoader> logger)
{
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
        var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, ApiJson.Options, ct)
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

        try
        {
            // One transaction: the whole seed file or nothing, and its delegates are registered as the API registers them.
            await db.InTransactionAsync<Outcome<int>>(async c =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var forum = Forum.Create(seed.Forum.Id, seed.Forum.ToDetails(), now);
                if (seed.Forum.Status is ForumStatus.Published or ForumStatus.Archived)
                    forum.Publish(now);
                if (seed.Forum.Status is ForumStatus.Archived)
                    forum.Archive(now);
                db.Forums.Add(forum);
                foreach (var delegation in seed.Delegations)
                    db.Delegations.Add(Delegation.Create(delegation.Id, forum.Id, delegation.ToDetails(), now));
                await db.SaveChangesAsync(c);

                foreach (var person in seed.Delegates)
                    await new RegisterDelegateCommand(person.Id, forum.Id, forum.RequiresApproval, person.ToDetails()).RunAsync(db, places, now, c);
                foreach (var speaker in seed.Speakers)
                    db.Speakers.Add(Speaker.Create(speaker.Id, forum.Id, speaker.ToDetails(), now));
                await db.SaveChangesAsync(c);
                // The programme as the API builds it: its dates, rooms, speakers' clashes and size checked alike.
                foreach (var session in seed.Sessions)
                {
                    var details = session.ToDetails(await ProgrammeRules.NextOrderAsync(db, forum.Id, c));
                    Kept(await new CreateSessionCommand(session.Id, forum.Id, details).RunAsync(db, now, c), seed, $"session {session.Id}");
                    foreach (var (speakerId, role, order) in session.Speakers)
                        Kept(await new AssignSpeakerCommand(forum.Id, session.Id, speakerId, role, order).RunAsync(db, now, c), seed,
                            $"speaker {speakerId} on session {session.Id}");
                }
                db.AppliedSeeds.Add(new AppliedSeed { SeedId = seed.SeedId, AppliedAt = now });
                return Outcome.Done(await db.SaveChangesAsync(c));
            }, ct);
            logger.LogInformation("Seed {SeedId} applied: forum {Slug}, {Delegations} delegations, {Delegates} delegates, {Speakers} speakers, {Sessions} sessions",
                seed.SeedId, seed.Forum.Slug, seed.Delegations.Count, seed.Delegates.Count, seed.Speakers.Count, seed.Sessions.Count);
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

    // A seed the API's own rules refuse is a broken seed file: it stops start-up, naming what was refused and why.
    private static void Kept<T>(Outcome<T> outcome, SeedFile seed, string what)
    {
        if (outcome.Problem is { } problem)
            throw new StartupConfigurationException(
                $"Seed {seed.SeedId}: {what} is refused by the programme's rules: {(problem is IValueHttpResult { Value: ProblemDetails details } ? details.Detail ?? details.Title : problem.ToString())}");
    }
}
