using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers.ListSpeakers;

internal sealed class ListSpeakersEndpoint(ForumsDbContext db) : Endpoint<ListSpeakersRequest, Page<SpeakerProfileResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("listSpeakers")
            .WithSummary("List a forum's speakers' public profiles, ordered by name")
            .Produces<Page<SpeakerProfileResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ListSpeakersRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        await Send.OkAsync(await ReadPageAsync(db, forum!, req, ct), ct);
    }

    internal static Task<Page<SpeakerProfileResponse>> ReadPageAsync(ForumsDbContext db, ForumScope forum, ListSpeakersRequest req, CancellationToken ct) =>
        db.Speakers.AsNoTracking().Where(s => s.ForumId == forum.Id).Matching(req.Q)
            .PageAsync(s => s.SortKey, req.Cursor, req.Limit, SpeakerProfileResponse.Projection, s => s.SortKey, ct);
}
