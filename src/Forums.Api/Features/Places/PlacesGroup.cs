using FastEndpoints;
using Forums.Api.Features.Delegates;
using Forums.Api.Http;

namespace Forums.Api.Features.Places;

/// <summary>The places of a forum and of its delegations, and where its registrations stand: listed with the delegates.</summary>
public sealed class PlacesGroup : Group
{
    public PlacesGroup() => Configure("forums/{forumId}/places", ep => ep.Description(d => d.WithTag(DelegatesGroup.Tag)));
}
