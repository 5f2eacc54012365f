using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.CheckIns;

public sealed class CheckInsGroup : Group
{
    public static readonly ApiTag Tag = new("CheckIns", 7,
        "Check-in at the door by accreditation code: the first scan lets a confirmed delegate in, later scans say when; a retried scan (same nonce) counts once.");

    public CheckInsGroup() => Configure("forums/{forumId}/check-ins", ep => ep.Description(d => d.WithTag(Tag)));
}
