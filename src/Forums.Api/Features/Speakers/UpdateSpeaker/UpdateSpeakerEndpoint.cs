using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Speakers.UpdateSpeaker;

internal class UpdateSpeakerEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<UpdateSpeakerRequest, SpeakerResponse>
{
    /// <summary>The problem types of its 409 (and of its merge patch's).</summary>
    internal static readonly ProblemType[] Conflicts = [ProblemTypes.DelegateAlreadySpeaker, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently];

    public override void Configure()
    {
        Put("{speakerId}");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateSpeaker")
            .WithSummary("Replace a speaker's profile and delegate link")
            .Accepts<UpdateSpeakerRequest>("application/json")
            .Produces<SpeakerResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateSpeakerRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadAsync(db, db.Speakers, User, req.ForumId, req.SpeakerId, req.IfMatch, SpeakerProblems.NotFound, ct);
        var refused = loaded.Problem ?? await SpeakerLinks.CheckDelegateAsync(db, req.ForumId, req.DelegateId, req.SpeakerId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var speaker = loaded.Value!.Entity;
        speaker.Update(req.ToDetails(), time.GetUtcNow().UtcDateTime);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, () => SpeakerProblems.DelegateTaken(req.ForumId, null), ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        var response = SpeakerResponse.FromEntity(speaker);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
