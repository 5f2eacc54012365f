using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Programme;

public sealed class ProgrammeGroup : Group
{
    public static readonly ApiTag Tag = new("Programme", 6,
        "The published programme as frontends, calendars and schedule apps read it: the agenda by day, iCalendar (RFC 5545) and C3VOC schedule JSON. Public for published forums; every answer has an ETag.");

    public ProgrammeGroup() => Configure("forums/{forumId}", ep => ep.Description(d => d.WithTag(Tag)));
}
