namespace Forums.Api.Domain;

public enum ForumStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}
