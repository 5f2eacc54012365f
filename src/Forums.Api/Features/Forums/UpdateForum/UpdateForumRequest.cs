using FastEndpoints;

namespace Forums.Api.Features.Forums.UpdateForum;

/// <summary>The forum's new fields, all of them: fields left out are cleared (the status is changed by publish and archive).</summary>
public class UpdateForumRequest : ForumFields
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The ETag you read; if the forum changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    internal sealed class Validator : Validator<UpdateForumRequest>
    {
        public Validator() => Include(new ForumFieldsValidator());
    }
}
