namespace Forums.Api.Domain;

/// <summary>Where a forum is in its life: a draft, then published, then archived; only publish and archive change it.</summary>
public enum ForumStatus
{
    /// <summary>Being prepared, as every new forum starts: only tokens that cover it see it. It may be published, archived or deleted.</summary>
    Draft = 0,
    /// <summary>Public: anyone may read it, its delegations, its speakers' profiles and its programme. It cannot be deleted, only archived.</summary>
    Published = 1,
    /// <summary>Over and read-only: everything under it refuses changes (409 forum-archived). Once published, anyone may still read it and its programme; archived as a draft, only tokens that cover it see it. It is never published again (create a new edition instead); it may be deleted.</summary>
    Archived = 2,
}
