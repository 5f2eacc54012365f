using Forums.Api.Auth;
using Forums.Api.Http;

namespace Forums.Api.Features.Forums;

internal static class ForumReads
{
    /// <summary>The answer for one forum: 404 when the caller may not see it (a draft is not revealed), 304 when unchanged.</summary>
    public static IResult Answer(HttpContext context, ForumResponse? forum, Func<IResult> notFound)
    {
        var visible = forum is not null && context.User.CanSee(forum.Id, forum.Status, forum.PublishedAt) ? forum : null;
        return ConditionalReads.Answer(context, visible, f => f.ETag, ResponseJson.Api.ForumResponse, notFound);
    }
}
