using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers.GetSpeaker;

internal sealed class GetSpeakerEndpoint(ForumsDbContext db) : Endpoint<SpeakerRequest, SpeakerProfileResponse>
{
    public override void Configure()
    {
        Get("{speakerId}");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getSpeaker")
            .WithSummary("Get a speaker's public profile")
            .Produces<SpeakerProfileResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(SpeakerRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        var speaker = refused is null
            ? await db.Speakers.AsNoTracking().Where(s => s.Id == req.SpeakerId && s.ForumId == forum!.Id)
                .Select(SpeakerProfileResponse.Projection).FirstOrDefaultAsync(ct)
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, speaker, s => s.ETag, () => refused ?? SpeakerProblems.NotFound(req.SpeakerId)));
    }
}
