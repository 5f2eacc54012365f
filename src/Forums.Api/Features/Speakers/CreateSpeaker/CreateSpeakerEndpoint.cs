using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Speakers.CreateSpeaker;

internal sealed class CreateSpeakerEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CreateSpeakerRequest, SpeakerResponse>
{
    public override void Configure()
    {
        Post("");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("createSpeaker")
            .WithSummary("Add a speaker to a forum's programme")
            .Accepts<CreateSpeakerRequest>("application/json")
            .AcceptsIdempotencyKey(AcceptsIdempotencyKey.KeepingTheAnswer)
            .Produces<SpeakerResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.DelegateAlreadySpeaker, ProblemTypes.ForumArchived), clearDefaults: true);
    }

    public override async Task HandleAsync(CreateSpeakerRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        refused ??= await SpeakerLinks.CheckDelegateAsync(db, req.ForumId, req.DelegateId, Guid.Empty, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var speaker = Speaker.Create(Guid.CreateVersion7(), forum!.Id, req.ToDetails(), time.GetUtcNow().UtcDateTime);
        db.Speakers.Add(speaker);
        if (await ConditionalWrites.SaveAsync(db, null, () => SpeakerProblems.DelegateTaken(forum.Id, null), ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var response = SpeakerResponse.FromEntity(speaker);
        HttpContext.Response.Headers.ETag = response.ETag;
        HttpContext.Response.Headers.Location = SpeakerProblems.Location(forum.Id, speaker.Id);
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }
}
