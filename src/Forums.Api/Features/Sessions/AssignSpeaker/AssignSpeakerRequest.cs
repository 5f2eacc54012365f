using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;

namespace Forums.Api.Features.Sessions.AssignSpeaker;

public sealed class AssignSpeakerRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The session's id.</summary>
    [RouteParam]
    public Guid SessionId { get; init; }

    /// <summary>The speaker's id.</summary>
    [RouteParam]
    public Guid SpeakerId { get; init; }

    public SpeakerRole? Role { get; init; }

    /// <summary>The speaker's place among the session's speakers (1 speaks first).</summary>
    public int? Order { get; init; }

    internal sealed class Validator : Validator<AssignSpeakerRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Role).NotNull();
            RuleFor(r => r.Order).NotNull().InclusiveBetween(1, 1000);
        }
    }
}
