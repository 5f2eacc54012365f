using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;

namespace Forums.Api.Features.Sessions.AssignSpeaker;

/// <summary>A speaker's role and place on a session; what is left out is the assignment's own, or the defaults for a new one.</summary>
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

    /// <summary>The speaker's role in the session. Absent: speaker for a new assignment, unchanged for an existing one.</summary>
    public SpeakerRole? Role { get; init; }

    /// <summary>The speaker's place among the session's speakers (1 speaks first). Absent: after the session's last speaker for a new assignment, unchanged for an existing one.</summary>
    public int? Order { get; init; }

    internal sealed class Validator : Validator<AssignSpeakerRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Order).InclusiveBetween(1, SessionSpeaker.MaxOrder);
        }
    }
}
