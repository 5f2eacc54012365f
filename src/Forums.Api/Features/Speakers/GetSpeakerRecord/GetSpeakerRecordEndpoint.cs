using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers.GetSpeakerRecord;

internal sealed class GetSpeakerRecordEndpoint(ForumsDbContext db) : Endpoint<SpeakerRequest, SpeakerResponse>
{
    public override void Configure()
    {
        Get("{speakerId}/record");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getSpeakerRecord")
            .WithSummary("Get a speaker as organisers see it, with the link to the delegate")
            .Produces<SpeakerResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(SpeakerRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        var speaker = refused is null
            ? await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == req.SpeakerId && s.ForumId == forum!.Id, ct)
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, speaker is null ? null : SpeakerResponse.FromEntity(speaker),
            s => s.ETag, () => refused ?? SpeakerProblems.NotFound(req.SpeakerId)));
    }
}
