using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers.DeleteSpeaker;

internal sealed class DeleteSpeakerEndpoint(ForumsDbContext db) : Endpoint<SpeakerChangeRequest>
{
    public override void Configure()
    {
        Delete("{speakerId}");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("deleteSpeaker")
            .WithSummary("Delete a speaker who is on no session")
            .WithDescription("A speaker still on a session answers 409, naming the sessions: remove the speaker from them first.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems(ProblemTypes.StillReferenced, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(SpeakerChangeRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadAsync(db, db.Speakers, User, req.ForumId, req.SpeakerId, req.IfMatch, SpeakerProblems.NotFound, ct);
        if (loaded.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }
        var speaker = loaded.Value!.Entity;
        var sessions = await db.SessionSpeakers.Where(a => a.SpeakerId == speaker.Id).Select(a => a.SessionId).ToListAsync(ct);
        if (sessions.Count > 0)
        {
            await Send.ResultAsync(Problems.Result(ProblemTypes.StillReferenced,
                $"The speaker is on {sessions.Count} sessions ({string.Join(", ", sessions)}); remove the speaker from them first.",
                (ProblemMembers.SessionIds, sessions)));
            return;
        }

        db.Speakers.Remove(speaker);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
