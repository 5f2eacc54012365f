using FastEndpoints;

namespace Forums.Api.Features.CheckIns;

public sealed class CheckInsGroup : Group
{
    public const string Tag = "CheckIns";
    public const string Description = "Check-in at the door by accreditation code: the first scan lets a confirmed delegate in, later scans say when; a retried scan (same nonce) counts once.";

    public CheckInsGroup() => Configure("forums/{forumId}/check-ins", ep => ep.Description(d => d.WithTags(Tag)));
}
